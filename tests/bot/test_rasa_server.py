"""bot/rasa/server.py changes how Rasa does three things, never what it does: each fix gives Rasa's own answer.

Each test installs a fix with pytest's monkeypatch holding Rasa's original, so the original is back after it.
"""
from __future__ import annotations

import copy

import jsonschema
import pytest
import rasa.core.tracker_store as tracker_store
import rasa.shared.utils.common as common
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool, QueuePool

from bot.rasa import server as rasa_server

VALID_RESPONSES = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "item", "value": "ZM001"}], "responses": [{"text": "好的"}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "followup", "name": "action_listen"}]},
]
INVALID_RESPONSES = [
    {"events": [{"event": "no_such_event"}]},
    {"events": "not a list"},
    {"events": [{"event": "slot"}], "responses": "not a list"},
]


@pytest.fixture
def compiled_validation(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    rasa_server.compile_action_result_validation()
    return RemoteAction("action_ask_item", None)


@pytest.mark.parametrize("result", VALID_RESPONSES)
def test_compiled_validation_accepts_what_rasa_accepts(compiled_validation, result):
    jsonschema.validate(result, RemoteAction.action_response_format_spec())  # Rasa's way: valid
    assert compiled_validation._validate_action_result(result) is True


@pytest.mark.parametrize("result", INVALID_RESPONSES)
def test_compiled_validation_rejects_what_rasa_rejects_with_rasas_message(compiled_validation, result):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError) as caught:
        compiled_validation._validate_action_result(result)
    assert "Failed to validate Action server response from API" in caught.value.message


def test_memoised_event_lookup_gives_rasas_class_for_every_event_type(monkeypatch):
    rasa_lookup = Event.resolve_by_type
    expected = {cls.type_name: rasa_lookup(cls.type_name) for cls in common.all_subclasses(Event)}
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    rasa_server.memoised_event_types()
    assert Event.resolve_by_type is not rasa_lookup
    for type_name, cls in expected.items():
        assert Event.resolve_by_type(type_name) is cls
    for type_name, cls in (("user", UserUttered), ("bot", BotUttered), ("slot", SlotSet),
                           ("action", ActionExecuted), ("session_started", SessionStarted)):
        assert Event.resolve_by_type(type_name) is cls
    # Unknown names still go Rasa's way: "topic" compatibility, the default, or an error.
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")
    assert Event.from_parameters({"event": "slot", "name": "phone", "value": "13800138000"}) == SlotSet(
        "phone", "13800138000")


def test_sqlite_tracker_store_gets_a_pool_and_wal_postgresql_is_untouched(monkeypatch, tmp_path):
    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    postgres_kwargs = tracker_store.create_engine_kwargs("postgresql://rasa@db:5432/trackers")
    rasa_server.sqlite_wal_for_tracker_store()
    try:
        assert tracker_store.create_engine_kwargs("postgresql://rasa@db:5432/trackers") == postgres_kwargs
        assert tracker_store.create_engine_kwargs("sqlite://") == {}  # in-memory: Rasa's own settings
        url = f"sqlite:///{tmp_path / 'trackers.db'}"
        engine = create_engine(url, **tracker_store.create_engine_kwargs(url))
        assert isinstance(engine.pool, QueuePool)
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        engine.dispose()
        # Rasa's own engine (no pool in SQLAlchemy 1.4) also opens SQLite in WAL mode now.
        plain = create_engine(f"sqlite:///{tmp_path / 'other.db'}", poolclass=NullPool)
        with plain.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        # Not SQLite: the listener leaves other drivers' connections alone.
        rasa_server.sqlite_wal_on_connect(object(), None)
    finally:
        event.remove(Engine, "connect", rasa_server.sqlite_wal_on_connect)
    # Removed again (as after this test): a new SQLAlchemy SQLite database keeps SQLite's default journal.
    untouched = create_engine(f"sqlite:///{tmp_path / 'untouched.db'}", poolclass=NullPool)
    with untouched.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "delete"


def _sample_events():
    from rasa.shared.core.events import (ActionExecutionRejected, ActiveLoop, AllSlotsReset, ConversationPaused,
                                         ConversationResumed, FollowupAction, LoopInterrupted, ReminderCancelled,
                                         ReminderScheduled, Restarted, UserUtteranceReverted)

    return [e.as_dict() for e in (
        UserUttered("我想申请公租房", {"name": "inform", "confidence": 0.9}, [{"entity": "item", "value": "ZM001", "start": 0, "end": 3}],
                    parse_data={"intent_ranking": [{"name": "inform", "confidence": 0.9}]}, message_id="m1"),
        BotUttered("请输入身份证号", {"custom": {"stage": "ask", "slot": "applicant_id"}}, {"handoff": {"id": 1}}),
        SlotSet("notice_sent_at", ["2026-11-27T10:00:00+08:00"]), SlotSet("failed_attempts", 1.0), SlotSet("item", None),
        ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0), ActiveLoop("commitment_form"),
        ActiveLoop(None), FollowupAction("action_listen"), SessionStarted(), Restarted(), AllSlotsReset(),
        ConversationPaused(), ConversationResumed(), UserUtteranceReverted(), LoopInterrupted(True),
        ActionExecutionRejected("commitment_form"), ReminderCancelled("r"),
        ReminderScheduled("greet", __import__("datetime").datetime(2026, 11, 27, 10, 0), name="r"),
    )]


def _mutations(event):
    yield event
    for key in list(event):
        yield {k: v for k, v in event.items() if k != key}
        for value in (None, 1, 1.5, True, "x", [], {}, [1], {"a": 1}):
            yield {**event, key: value}
    yield {**event, "event": "no_such_event"}


def test_the_event_dispatching_check_gives_the_schemas_verdict_on_every_event_and_mutation():
    # Equal to jsonschema's own verdict (oneOf included) on real events of every kind and on many broken ones.
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    fast = rasa_server.event_dispatching_check(schema, validator_class)
    assert fast is not None, "Rasa's schema no longer has the shape the fast check relies on"
    full = validator_class(schema).is_valid
    checked = valid = 0
    for event in _sample_events():
        for mutated in _mutations(event):
            for result in ({"events": [mutated]}, {"events": [event, mutated], "responses": [{"text": "x"}]}):
                assert fast(result) == full(result), result
                checked += 1
                valid += full(result)
    for result in (None, [], "x", {}, {"responses": "x"}, {"responses": [1]}, {"events": None}, {"events": [None]},
                   {"events": [1]}, {"other": 1}):
        assert fast(result) == full(result), result
    assert checked > 500 and 0 < valid < checked  # both verdicts occurred


def test_a_schema_of_another_shape_keeps_the_full_validator():
    schema = copy.deepcopy(RemoteAction.action_response_format_spec())  # Rasa's EVENTS_SCHEMA is a shared constant
    schema["properties"]["events"]["items"]["oneOf"].append({"properties": {"text": {"type": "string"}}})  # no const
    assert rasa_server.event_dispatching_check(schema, jsonschema.validators.validator_for(schema)) is None


MEMO_DOMAIN = """
intents: [greet, bye]
slots:
  name: {type: text, mappings: [{type: from_text}]}
responses:
  utter_greet: [{text: hi}]
"""


@pytest.fixture
def memoization(monkeypatch, tmp_path):
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml(MEMO_DOMAIN)
    policy = MemoizationPolicy.create(MemoizationPolicy.get_default_config(), LocalModelStorage(tmp_path),
                                      Resource("memo"), ExecutionContext(GraphSchema({}), "1"))
    tracker = DialogueStateTracker.from_events(
        "s", [ActionExecuted("action_listen"), UserUttered("hi", {"name": "greet"})], slots=domain.slots)
    rasa_prediction = vars(policy.predict_action_probabilities(tracker, domain))
    states = policy._prediction_states(tracker, domain)
    monkeypatch.setattr(MemoizationPolicy, "predict_action_probabilities", MemoizationPolicy.predict_action_probabilities)
    rasa_server.empty_memoization()
    featurised = []
    original_states = MemoizationPolicy._prediction_states
    monkeypatch.setattr(MemoizationPolicy, "_prediction_states",
                        lambda self, *a, **k: featurised.append(1) or original_states(self, *a, **k))
    return policy, tracker, domain, rasa_prediction, states, featurised


def test_an_empty_memoization_policy_gives_rasas_prediction_without_featurising(memoization):
    policy, tracker, domain, rasa_prediction, _, featurised = memoization
    assert not policy.lookup
    assert vars(policy.predict_action_probabilities(tracker, domain)) == rasa_prediction
    assert not featurised


def test_a_memoization_policy_that_memorised_turns_predicts_as_rasa_does(memoization):
    policy, tracker, domain, _, states, featurised = memoization
    policy.lookup = {policy._create_feature_key(states): "utter_greet"}
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert featurised
    assert prediction.max_confidence == 1.0
    assert domain.action_names_or_texts[prediction.max_confidence_index] == "utter_greet"
