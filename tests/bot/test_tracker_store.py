"""bot/rasa/tracker_store.py: a tracker store failure fails the turn instead of forgetting the conversation (P4); the
events are sealed at rest (P5); the REST channel finds pending staff messages with one indexed query; a session
that grew too long is continued in a new one that Rasa reads back in the same state, nothing deleted (P7)."""
from __future__ import annotations

import asyncio
import copy
import json
import logging
import os
import uuid
from types import SimpleNamespace

import pytest
import sqlalchemy
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.core import sealing
from bot.channels.rest import PENDING_BOT_EVENTS, ContractRestInput, pending_handoff_events
from bot.rasa.tracker_store import INDEX_NAME, TrackerStoreUnavailable, install, open_event_data

install()


class BrokenStore(InMemoryTrackerStore):
    async def retrieve(self, sender_id):
        raise sqlalchemy.exc.OperationalError(
            "SELECT * FROM events WHERE data = ?", {"data": "我叫张伟，身份证410105199001011233"},
            Exception("server closed the connection unexpectedly"),
        )

    retrieve_full_tracker = retrieve

    async def save(self, tracker):
        await self.retrieve(tracker.sender_id)


def test_a_failed_read_fails_the_turn_and_logs_no_user_data(caplog):
    store = FailSafeTrackerStore(BrokenStore(Domain.empty()))
    with caplog.at_level(logging.ERROR):
        with pytest.raises(TrackerStoreUnavailable) as raised:
            asyncio.run(store.retrieve("citizen-1"))  # Rasa's own wrapper answered None: a new, empty conversation
        with pytest.raises(TrackerStoreUnavailable):
            asyncio.run(store.retrieve_full_tracker("citizen-1"))
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    assert "server closed the connection unexpectedly" in caplog.text
    assert "410105199001011233" not in caplog.text and "张伟" not in caplog.text  # P5: no SQL parameters


def test_a_failed_write_is_not_kept_in_one_process_memory():
    store = FailSafeTrackerStore(BrokenStore(Domain.empty()))
    tracker = DialogueStateTracker.from_events("citizen-2", [UserUttered("你好")])
    with pytest.raises(TrackerStoreUnavailable):
        asyncio.run(store.save(tracker))
    assert store._fallback_tracker_store is None  # Rasa's wrapper saved it in an in-memory fallback store


def test_a_working_store_is_unchanged(tmp_path, key_path):
    store = FailSafeTrackerStore(SQLTrackerStore(Domain.empty(), db=str(tmp_path / "t.db")))
    tracker = DialogueStateTracker.from_events("citizen-3", [UserUttered("你好")])
    asyncio.run(store.save(tracker))
    assert [e.text for e in asyncio.run(store.retrieve("citizen-3")).events if isinstance(e, UserUttered)] == ["你好"]
    assert asyncio.run(store.retrieve("nobody")) is None


# --- P5: the events' data encrypted at rest ----------------------------------------------------------------------
ID_NUMBER = "410105199001011233"
PHONE = "13800138000"


@pytest.fixture
def key_path(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "data.key"
    monkeypatch.setenv("GZ_DATA_KEY_PATH", str(path))
    return path


@pytest.fixture
def store(tmp_path, key_path):
    sql = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "trackers.db"))
    yield FailSafeTrackerStore(sql)
    sql.engine.dispose()


def conversation(sender: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered(f"我叫张伟，身份证{ID_NUMBER}，电话{PHONE}", {"name": "inform", "confidence": 0.9}),
        SlotSet("applicant_id", ID_NUMBER),
        BotUttered("请输入手机号码", {"custom": {"stage": "ask", "slot": "phone"}}),
    ])


def raw_rows(store: FailSafeTrackerStore, sender: str):
    with store._tracker_store.engine.connect() as connection:
        return connection.execute(sqlalchemy.text(
            "SELECT id, sender_id, type_name, timestamp, intent_name, action_name, data FROM events "
            "WHERE sender_id = :s ORDER BY id"), {"s": sender}).all()


def texts(tracker):
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


def test_every_event_is_sealed_on_disk_and_reads_back(store, key_path, tmp_path):  # P5
    asyncio.run(store.save(conversation("citizen-4")))
    rows = raw_rows(store, "citizen-4")
    assert len(rows) == 6 and all(sealing.is_sealed(r.data) for r in rows)
    # The other columns stay clear (Rasa and the retention purge query them) and carry no value: slot *names* only.
    assert [r.action_name for r in rows if r.type_name == "slot"] == ["applicant_id"]
    assert ID_NUMBER not in repr(rows) and PHONE not in repr(rows)
    store._tracker_store.engine.dispose()
    assert ID_NUMBER.encode() not in (tmp_path / "trackers.db").read_bytes()
    tracker = asyncio.run(store.retrieve("citizen-4"))
    assert texts(tracker) == [f"我叫张伟，身份证{ID_NUMBER}，电话{PHONE}"]
    assert tracker.get_slot("applicant_id") is None  # Domain.empty() has no slots; the event itself is intact:
    assert [e.value for e in tracker.events if isinstance(e, SlotSet)] == [ID_NUMBER]
    assert texts(asyncio.run(store.retrieve_full_tracker("citizen-4"))) == texts(tracker)
    # Saving again appends nothing (Rasa counts the stored events of the session; opening does not dirty them).
    asyncio.run(store.save(tracker))
    assert len(raw_rows(store, "citizen-4")) == 6
    assert oct(key_path.stat().st_mode & 0o777) == "0o600"  # created on first use, owner only


def test_a_sealed_row_opens_only_in_its_own_conversation(store):  # P5: AAD = sender_id
    asyncio.run(store.save(conversation("citizen-5")))
    asyncio.run(store.save(DialogueStateTracker.from_events("citizen-6", [UserUttered("你好")])))
    user_row = next(r for r in raw_rows(store, "citizen-5") if r.type_name == "user")
    with pytest.raises(sealing.SealingError):
        open_event_data(user_row.data, "citizen-6")
    assert json.loads(open_event_data(user_row.data, "citizen-5"))["text"].endswith(PHONE)
    # The row moved into another conversation: that conversation fails to read, it does not show the text.
    with store._tracker_store.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE events SET sender_id = 'citizen-6' WHERE id = :i"), {"i": user_row.id})
    with pytest.raises(TrackerStoreUnavailable):
        asyncio.run(store.retrieve("citizen-6"))


def test_rows_written_before_encryption_still_read(store):  # P5: upgrade without a migration
    asyncio.run(store.save(DialogueStateTracker.from_events("citizen-7", [UserUttered("旧的消息")])))
    old = raw_rows(store, "citizen-7")[0]
    clear = json.dumps(UserUttered("旧的消息", timestamp=old.timestamp).as_dict())
    with store._tracker_store.engine.begin() as connection:  # what Rasa wrote before bot/rasa/tracker_store sealed
        connection.execute(sqlalchemy.text("UPDATE events SET data = :d WHERE id = :i"), {"d": clear, "i": old.id})
    tracker = asyncio.run(store.retrieve("citizen-7"))
    tracker.update(UserUttered("新的消息"))
    asyncio.run(store.save(tracker))
    rows = raw_rows(store, "citizen-7")
    assert [sealing.is_sealed(r.data) for r in rows] == [False, True]  # the old row is not rewritten by a read
    assert texts(asyncio.run(store.retrieve("citizen-7"))) == ["旧的消息", "新的消息"]


def test_a_tampered_row_fails_the_turn_instead_of_starting_over(store, caplog):  # P5 P4
    asyncio.run(store.save(conversation("citizen-8")))
    row = next(r for r in raw_rows(store, "citizen-8") if r.type_name == "user")
    envelope = row.data[:-6] + ("A" if row.data[-6] != "A" else "B") + row.data[-5:]
    with store._tracker_store.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE events SET data = :d WHERE id = :i"), {"d": envelope, "i": row.id})
    with caplog.at_level(logging.ERROR):
        with pytest.raises(TrackerStoreUnavailable):
            asyncio.run(store.retrieve("citizen-8"))  # not None: Rasa would start an empty conversation
    assert f"TrackerDataUnreadable: event {row.id} does not open" in caplog.text and ID_NUMBER not in caplog.text


class FakeRequest:
    def __init__(self, tracker_store):
        self.app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=tracker_store)))


def handoff(text: str) -> BotUttered:
    return BotUttered(text, {"custom": {"stage": "staff_message", "kind": "message"}}, metadata={"handoff": {"by": "s"}})


CONVERSATIONS = {
    "none-yet": [],
    "only-bot": [ActionExecuted("action_session_start"), SessionStarted(), handoff("先到的消息")],
    "after-user": [UserUttered("转人工"), BotUttered("正在转接"), handoff("您好"), handoff("请稍等"),
                   UserUttered("在吗"), handoff("在的"), BotUttered("普通回复"), handoff("还有一条")],
    "seen": [handoff("旧的"), UserUttered("好的")],
    "new-session": [UserUttered("你好"), handoff("上个会话的"), ActionExecuted("action_session_start"),
                    SessionStarted(), ActionExecuted("action_listen"), handoff("这个会话的")],
    "new-session-with-user": [handoff("旧"), ActionExecuted("action_session_start"), SessionStarted(),
                              UserUttered("你好"), handoff("新")],
}


@pytest.mark.parametrize("sender", sorted(CONVERSATIONS))
def test_pending_staff_messages_by_one_query_equal_reading_the_tracker(store, sender):
    base = 1_800_000_000.0
    events = copy.deepcopy(CONVERSATIONS[sender])
    for i, event in enumerate(events):
        event.timestamp = base + i
    if events:
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    from_tracker = asyncio.run(ContractRestInput.pending_messages(FakeRequest(InMemoryTrackerStore(Domain.empty())), sender))
    tracker = asyncio.run(store.retrieve(sender))
    expected = [] if tracker is None else [e.text for e in pending_handoff_events(list(tracker.events))]
    assert from_tracker == []  # the in-memory store knows nothing: the fallback path answers too
    sql = asyncio.run(ContractRestInput.pending_messages(FakeRequest(store), sender))
    assert [m["text"] for m in sql if "text" in m] == expected
    assert all(m.get("custom", {}).get("stage") == "staff_message" for m in sql if "custom" in m)
    # The general path over the same stored conversation (what the channel does for other stores) agrees.
    general = asyncio.run(ContractRestInput.pending_messages(FakeRequest(NotSQL(store)), sender))
    assert general == sql


class NotSQL:
    """The fail-safe store behind something that is not Rasa's SQL store: the channel must read the tracker."""

    def __init__(self, inner):
        self.inner = inner

    async def retrieve(self, sender_id):
        return await self.inner.retrieve(sender_id)


def test_pending_messages_of_a_conversation_that_does_not_open_are_none_and_logged_without_data(store, caplog):
    asyncio.run(store.save(DialogueStateTracker.from_events("citizen-9", [UserUttered("在吗"), handoff(ID_NUMBER)])))
    row = raw_rows(store, "citizen-9")[-1]
    with store._tracker_store.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE events SET data = :d WHERE id = :i"),
                           {"d": row.data[:-4] + "AAAA", "i": row.id})
    with caplog.at_level(logging.ERROR):
        assert asyncio.run(ContractRestInput.pending_messages(FakeRequest(store), "citizen-9")) == []
    assert "SealingError" in caplog.text and ID_NUMBER not in caplog.text


def test_the_pending_query_uses_the_sender_type_index(store):  # one indexed query per REST turn
    engine = store._tracker_store.engine
    with engine.connect() as connection:
        plan = " ".join(str(r[-1]) for r in connection.execute(
            sqlalchemy.text("EXPLAIN QUERY PLAN " + str(PENDING_BOT_EVENTS)), {"sender": "x"}))
    assert INDEX_NAME in plan and "SCAN events" not in plan.replace(f"USING INDEX {INDEX_NAME}", "")


def test_an_existing_table_gets_the_index_at_start(tmp_path, key_path):
    db = tmp_path / "old.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{db}")
    with engine.begin() as connection:  # the table as Rasa created it before this change
        connection.execute(sqlalchemy.text(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) "
            "NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"))
        connection.execute(sqlalchemy.text("CREATE INDEX ix_events_sender_id ON events (sender_id)"))
    engine.dispose()
    sql = SQLTrackerStore(Domain.empty(), db=str(db))
    assert {INDEX_NAME, TIME_INDEX_NAME} <= {i["name"] for i in sqlalchemy.inspect(sql.engine).get_indexes("events")}
    sql.engine.dispose()


# --- P7: a long session is continued in a new one, with the same state ------------------------------------------
from rasa.shared.core.events import (ActiveLoop, LoopInterrupted, SessionStarted as Started,  # noqa: E402
                                     UserUtteranceReverted)

from bot.rasa.tracker_store import CAP_METADATA, ENV_SESSION_EVENTS, TIME_INDEX_NAME, tracker_state  # noqa: E402

LONG_DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [greet, inform, faq_liability, nlu_fallback]
slots:
  applicant_name: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  acting_as: {type: categorical, values: [self, proxy], influence_conversation: true, mappings: [{type: custom}]}
  notice_deliveries: {type: list, influence_conversation: false, mappings: [{type: custom}]}
  notice_ack: {type: bool, initial_value: false, influence_conversation: false, mappings: [{type: custom}]}
forms:
  commitment_form:
    required_slots: [applicant_name, acting_as, notice_ack]
responses:
  utter_greet: [{text: 你好}]
  utter_faq_liability: [{text: 承担责任}]
""")
CAP = 40


def user(text, intent, at, **metadata) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9}, timestamp=at,
                       parse_data={"intent": {"name": intent, "confidence": 0.9}, "entities": [], "text": text},
                       metadata=metadata)


def a_turn(i: int, at: float) -> list:
    """Turn ``i`` of a conversation that asks, starts the form, is interrupted in it, is not understood, answers."""
    t = iter(at + k * 0.001 for k in range(100))
    listen = lambda: ActionExecuted("action_listen", timestamp=next(t))  # noqa: E731
    kind = i % 9
    if kind == 3:  # the form starts
        return [user("想申请公租房", "inform", next(t)), ActionExecuted("commitment_form", timestamp=next(t)),
                ActiveLoop("commitment_form", timestamp=next(t)),
                SlotSet("requested_slot", "applicant_name", timestamp=next(t)),
                BotUttered("请输入姓名", {"custom": {"stage": "ask"}}, timestamp=next(t)), listen()]
    if kind == 4:  # an answer, with a notice section's delivery evidence on the message
        return [user("张伟", "inform", next(t), evidence={"deliveries": [f"envelope-{i}"]}),
                ActionExecuted("commitment_form", timestamp=next(t)),
                SlotSet("applicant_name", f"张伟{i}", timestamp=next(t)),
                SlotSet("notice_deliveries", [f"envelope-{j}" for j in range(i % 5 + 1)], timestamp=next(t)),
                SlotSet("requested_slot", "acting_as", timestamp=next(t)), BotUttered("请选择", timestamp=next(t)),
                listen()]
    if kind == 5:  # a question in the form: an unhappy path
        return [user("会罚款吗", "faq_liability", next(t)), LoopInterrupted(True, timestamp=next(t)),
                ActionExecuted("utter_faq_liability", timestamp=next(t)), BotUttered("承担责任", timestamp=next(t)),
                listen()]
    if kind == 6:  # not understood: Rasa's fallback reverts the message
        return [user("啊啊啊", "nlu_fallback", next(t)), ActionExecuted("action_default_fallback", timestamp=next(t)),
                BotUttered("没听懂", timestamp=next(t)), UserUtteranceReverted(timestamp=next(t)), listen()]
    if kind == 7:  # the form is answered to its end
        return [user("本人", "inform", next(t)), ActionExecuted("commitment_form", timestamp=next(t)),
                SlotSet("acting_as", "self", timestamp=next(t)), SlotSet("notice_ack", True, timestamp=next(t)),
                ActiveLoop(None, timestamp=next(t)), SlotSet("requested_slot", None, timestamp=next(t)), listen()]
    return [user("你好", "greet", next(t)), ActionExecuted("utter_greet", timestamp=next(t)),
            BotUttered("你好", timestamp=next(t)), listen()]


def start(at: float) -> list:
    # Stamped as Rasa does: the action's event first, then the action logged (its row comes first).
    return [ActionExecuted("action_session_start", timestamp=at + 0.0001), Started(timestamp=at),
            ActionExecuted("action_listen", timestamp=at + 0.0002)]


def comparable(tracker) -> dict:
    state = tracker_state(tracker)
    latest = state.pop("latest_message")  # after a JSON round trip; the reference never left memory
    state["latest"] = (latest["text"], latest["parse_data"]["intent"], latest.get("metadata"), latest["timestamp"])
    return state


@pytest.fixture(params=["sqlite", "postgresql"])
def long_store(request, tmp_path, key_path, monkeypatch):
    """Rasa's SQL store with a small session cap, on SQLite, and on PostgreSQL in the scale profile."""
    monkeypatch.setenv(ENV_SESSION_EVENTS, str(CAP))
    if request.param == "sqlite":
        sql = SQLTrackerStore(LONG_DOMAIN, db=str(tmp_path / "long.db"))
        yield FailSafeTrackerStore(sql)
        sql.engine.dispose()
        return
    if os.environ.get("GZ_PROFILE") != "scale":
        pytest.skip("PostgreSQL: GZ_PROFILE=scale")
    url = sqlalchemy.engine.make_url(os.environ.get("GZ_TEST_TRACKER_DATABASE_URL",
                                                    "postgresql+psycopg2://postgres@127.0.0.1:5432/test"))
    name = f"gz_trackers_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    try:
        sql = SQLTrackerStore(LONG_DOMAIN, dialect="postgresql", host=url.host, port=url.port or 5432, db=name,
                              username=url.username, password=url.password)
        yield FailSafeTrackerStore(sql)
        sql.engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def converse(store, sender: str, turns: int, check_each=None):
    """Turn by turn as Rasa does it (retrieve, add the turn's events, save); the reference never leaves memory."""
    reference = DialogueStateTracker(sender, LONG_DOMAIN.slots)
    at = 1_800_000_000.0
    for i in range(turns):
        tracker = asyncio.run(store.retrieve(sender)) or DialogueStateTracker(sender, LONG_DOMAIN.slots)
        events = (start(at) if i == 0 else []) + a_turn(i, at + 1)
        for event in events:
            tracker.update(event)
            reference.update(copy.deepcopy(event))
        asyncio.run(store.save(tracker))
        if check_each:
            check_each(i, tracker, reference)
        at += 10
    return reference


def test_a_long_session_reads_back_the_same_state_turn_after_turn(long_store):
    sizes = []

    def same_state(i, saved, reference):
        read = asyncio.run(long_store.retrieve("long-1"))
        assert comparable(read) == comparable(reference), f"turn {i}"
        assert comparable(saved) == comparable(reference)
        sizes.append(len(read.events))
        # The tracker in memory holds what is stored for its session: saving it again adds nothing.
        rows = len(raw_rows(long_store, "long-1"))
        asyncio.run(long_store.save(saved))
        assert len(raw_rows(long_store, "long-1")) == rows

    reference = converse(long_store, "long-1", 120, same_state)
    assert max(sizes) <= CAP + 10 < len(reference.events)  # bounded, while the conversation grew to 600+ events
    assert reference.active_loop is None and reference.get_slot("notice_ack") is True  # the form ran to its end


def test_the_whole_conversation_stays_in_the_table(long_store):
    reference = converse(long_store, "long-2", 60)
    rows = raw_rows(long_store, "long-2")
    assert all(sealing.is_sealed(r.data) for r in rows)  # the rows the cap adds are sealed like the others
    stored = [json.loads(open_event_data(r.data, "long-2")) for r in rows]
    ours = [e for e in stored if e.get("metadata", {}).get("session_continued") == CAP_METADATA["session_continued"]]
    theirs = [e for e in stored if e not in ours]
    # Every event of the conversation once, in order; the cap only added rows that restate the state.
    assert [(e["event"], e["timestamp"]) for e in theirs] == [(e.type_name, e.timestamp) for e in reference.events]
    assert sum(e["event"] == "session_started" for e in ours) >= len(reference.events) // (CAP + 10) >= 5
    assert {e["event"] for e in ours} <= {"action", "session_started", "slot", "active_loop", "loop_interrupted"}
    full = asyncio.run(long_store.retrieve_full_tracker("long-2"))
    assert len(full.events) == len(rows) and comparable(full) == comparable(reference)
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == \
        [e.text for e in reference.events if isinstance(e, UserUttered)]


def over_the_cap(store, sender: str, monkeypatch) -> DialogueStateTracker:
    """A conversation whose one session is longer than the cap (stored while the cap was off)."""
    monkeypatch.setenv(ENV_SESSION_EVENTS, "0")
    converse(store, sender, 12)
    monkeypatch.setenv(ENV_SESSION_EVENTS, str(CAP))
    tracker = asyncio.run(store.retrieve(sender))
    assert len(tracker.events) > CAP
    return tracker


def sessions(store, sender: str) -> int:
    return sum(r.type_name == "session_started" for r in raw_rows(store, sender))


def test_a_turn_that_does_not_start_with_the_users_message_is_not_moved(long_store, monkeypatch):
    tracker = over_the_cap(long_store, "long-3", monkeypatch)
    before = len(tracker.events)
    tracker.update(handoff("工作人员的消息"))  # appended through the HTTP API: no user message opens it
    tracker.events[-1].timestamp = tracker.events[-2].timestamp + 1
    asyncio.run(long_store.save(tracker))
    assert len(asyncio.run(long_store.retrieve("long-3")).events) == before + 1 and sessions(long_store, "long-3") == 1
    for event in a_turn(0, tracker.events[-1].timestamp + 1):  # the next turn of the person's is
        tracker.update(event)
    asyncio.run(long_store.save(tracker))
    assert sessions(long_store, "long-3") == 2


def test_a_clock_that_stepped_back_keeps_the_turn_in_its_session(long_store, monkeypatch):
    tracker = over_the_cap(long_store, "long-4", monkeypatch)
    before = len(tracker.events)
    for event in a_turn(0, tracker.events[-1].timestamp - 5):  # stamped before the session's last event
        tracker.update(event)
    asyncio.run(long_store.save(tracker))
    read = asyncio.run(long_store.retrieve("long-4"))
    assert len(read.events) == before + 4 and sessions(long_store, "long-4") == 1


def test_the_cap_can_be_turned_off(long_store, monkeypatch):
    monkeypatch.setenv(ENV_SESSION_EVENTS, "0")
    reference = converse(long_store, "long-5", 20)
    assert len(asyncio.run(long_store.retrieve("long-5")).events) == len(reference.events)


def test_a_turn_whose_message_is_reverted_waits_for_the_next(long_store, monkeypatch):
    tracker = over_the_cap(long_store, "long-6", monkeypatch)
    for event in a_turn(6, tracker.events[-1].timestamp + 1):  # Rasa's fallback: the latest message is the one before
        tracker.update(event)
    expected = comparable(tracker)
    asyncio.run(long_store.save(tracker))
    assert sessions(long_store, "long-6") == 1
    assert comparable(asyncio.run(long_store.retrieve("long-6"))) == expected
    tracker = asyncio.run(long_store.retrieve("long-6"))
    for event in a_turn(0, tracker.events[-1].timestamp + 1):
        tracker.update(event)
    expected = comparable(tracker)
    asyncio.run(long_store.save(tracker))
    assert sessions(long_store, "long-6") == 2
    assert comparable(asyncio.run(long_store.retrieve("long-6"))) == expected


def test_the_latest_session_is_read_through_the_indexes(store):  # not by reading every row the conversation had
    asyncio.run(store.save(conversation("citizen-10")))
    sql = store._tracker_store
    statements = []

    def record(_connection, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    sqlalchemy.event.listen(sql.engine, "before_cursor_execute", record)
    try:
        tracker = asyncio.run(store.retrieve("citizen-10"))
        tracker.update(UserUttered("再问一句"))
        asyncio.run(store.save(tracker))  # the rows its read counted, then adds one
        # A tracker this process did not read (no note): the save counts the stored session's rows, as Rasa does.
        rebuilt = DialogueStateTracker.from_events("citizen-10", list(tracker.events))
        rebuilt.update(UserUttered("还有一句"))
        asyncio.run(store.save(rebuilt))
    finally:
        sqlalchemy.event.remove(sql.engine, "before_cursor_execute", record)
    reads = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT") and "FROM events" in s]
    assert sum("timestamp >=" in s for s, _ in reads) == 2  # the read and the count, from the session's start on
    with sql.engine.connect() as connection:
        for statement, parameters in reads:
            plan = " ".join(str(r[-1]) for r in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
            assert "SCAN events" not in plan, plan
            if "timestamp >=" in statement:
                assert f"INDEX {TIME_INDEX_NAME} (sender_id=? AND timestamp>?)" in plan, plan
    assert len(raw_rows(store, "citizen-10")) == 8


# --- 6. a save uses the count its turn's read made --------------------------------------------------------------
from bot.rasa.tracker_store import peek_stored_rows, take_stored_rows  # noqa: E402


def stored_events(store, sender: str) -> list:
    return [(row.type_name, json.loads(open_event_data(row.data, sender))) for row in raw_rows(store, sender)]


def count_statements(store):
    statements = []
    sqlalchemy.event.listen(store._tracker_store.engine, "before_cursor_execute",
                            lambda _c, _k, statement, *_a: statements.append(statement))
    return statements


def expired_session_turn(tracker, at: float) -> None:
    """What Rasa appends when a session expired: a new session in the same tracker, then the turn."""
    for event in [ActionExecuted("action_session_start", timestamp=at), SessionStarted(timestamp=at),
                  ActionExecuted("action_listen", timestamp=at),
                  UserUttered("我又来了", {"name": "greet", "confidence": 0.9}, timestamp=at + 0.1),
                  BotUttered("您好", timestamp=at + 0.2)]:
        tracker.update(event)


@pytest.mark.parametrize("turn", ["same_session", "expired_session"])
def test_a_save_after_a_read_stores_the_rows_counting_stores(tmp_path, key_path, turn):
    stores = {}
    earlier = list(conversation("citizen-11").events)
    for way in ("noted", "counted"):
        sql = SQLTrackerStore(Domain.empty(), db=str(tmp_path / f"{way}.db"))
        stores[way] = FailSafeTrackerStore(sql)
        asyncio.run(stores[way].save(DialogueStateTracker.from_events("citizen-11", copy.deepcopy(earlier))))
        tracker = asyncio.run(stores[way].retrieve("citizen-11"))
        assert peek_stored_rows(tracker) == 5  # from the session start on (action_session_start is before it)
        if way == "counted":
            take_stored_rows(tracker)  # Rasa's way: count at the save
        if turn == "same_session":
            tracker.update(UserUttered("再问一句", {"name": "ask", "confidence": 0.8},
                                       timestamp=tracker.events[-1].timestamp + 5))
        else:
            expired_session_turn(tracker, tracker.events[-1].timestamp + 86400)
        statements = count_statements(stores[way])
        asyncio.run(stores[way].save(tracker))
        counts = [s for s in statements if "count(" in s.lower()]
        assert bool(counts) == (way == "counted")
    assert stored_events(stores["noted"], "citizen-11") == stored_events(stores["counted"], "citizen-11")
    assert len(raw_rows(stores["noted"], "citizen-11")) == (7 if turn == "same_session" else 11)
    for store in stores.values():
        store._tracker_store.engine.dispose()


def test_the_note_serves_one_save_and_a_replaced_event_list_is_counted(store):
    asyncio.run(store.save(conversation("citizen-12")))
    tracker = asyncio.run(store.retrieve("citizen-12"))
    tracker.update(UserUttered("第一句"))
    asyncio.run(store.save(tracker))
    assert peek_stored_rows(tracker) is None  # used: the next save of this tracker counts
    tracker.update(UserUttered("第二句"))
    statements = count_statements(store)
    asyncio.run(store.save(tracker))
    assert any("count(" in s.lower() for s in statements)
    assert texts(asyncio.run(store.retrieve("citizen-12"))) == [f"我叫张伟，身份证{ID_NUMBER}，电话{PHONE}", "第一句", "第二句"]

    again = asyncio.run(store.retrieve("citizen-12"))
    again.events = again._create_events(list(again.events))  # an event list Rasa rebuilt: the note says nothing
    assert peek_stored_rows(again) is None
    again.update(UserUttered("第三句"))
    asyncio.run(store.save(again))
    assert len(raw_rows(store, "citizen-12")) == 9


# --- 7. the rows are written and read as columns -----------------------------------------------------------------
def rasa_columns(sender: str, event) -> tuple:
    """The columns Rasa's own save computes for an event (rasa/core/tracker_store.py, SQLTrackerStore.save)."""
    data = event.as_dict()
    return (sender, event.type_name, data.get("timestamp"), data.get("parse_data", {}).get("intent", {}).get("name"),
            data.get("name"), json.dumps(data))


def test_a_save_writes_rasas_columns_sealed_in_event_order(store):
    tracker = conversation("citizen-13")
    asyncio.run(store.save(tracker))
    rows = raw_rows(store, "citizen-13")
    assert [row.id for row in rows] == sorted(row.id for row in rows)
    assert all(sealing.is_sealed(row.data) for row in rows)
    written = [(row.sender_id, row.type_name, row.timestamp, row.intent_name, row.action_name,
                open_event_data(row.data, "citizen-13")) for row in rows]
    assert written == [rasa_columns("citizen-13", event) for event in tracker.events]
    read = asyncio.run(store.retrieve_full_tracker("citizen-13"))
    assert [e.as_dict() for e in read.events] == [e.as_dict() for e in tracker.events]
