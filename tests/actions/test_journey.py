"""Action tests: build a Tracker from a fixture, run the action with a CollectingDispatcher, assert the
exact events and messages. The backend is replaced by recording fakes here; tests/e2e uses the real API."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import journey
from actions.catalogue import catalogue
from bot.core import conversation
from bot.core.catalogue import load_catalogue
from tests.actions.conftest import (ACT_CODE, FIXTURE_ASSURANCE, LOGIN_CODE, READ_AT, FakeBackend, install_backend,
                                    signed_deliveries, signed_message)

FIXTURES = Path(__file__).parent / "fixtures"
# The fixture conversations' sender on the REST channel: what the identity checks tell the API.
FIXTURE_CLIENT = conversation.key("rest", "fixture-1")
ITEMS = load_catalogue()


def sign(data: Dict[str, Any]) -> None:
    """What the channels attach to a fixture conversation: the envelope of the latest message and, for a journey
    with a notice, the delivery of every section and (once read) the envelope of its "已阅读"."""
    sender, latest, slots = data["sender_id"], data["latest_message"], data["slots"]
    channel = next((e.get("input_channel") for e in reversed(data["events"]) if e["event"] == "user"), None) or "rest"
    latest.setdefault("metadata", {})["evidence"] = {
        "message": signed_message(latest["text"], sender=sender, message_id=latest["message_id"], channel=channel),
        "deliveries": [],
    }
    item = ITEMS.get(slots.get("item") or "")
    if item is None or not item.notice:
        return
    if channel != "hotline":
        slots.setdefault("notice_deliveries", signed_deliveries(
            item, sender=sender, channel=channel, version=slots.get("notice_version") or item.notice_version))
    if slots.get("notice_ack") == "yes":
        slots.setdefault("notice_ack_evidence", signed_message(
            "已阅读", sender=sender, message_id="m-read", channel=channel, at=slots.get("notice_ack_at") or READ_AT))


def tracker_from(name: str, signed: bool = True, **changes: Any) -> Tracker:
    """A fixture conversation; ``signed``: with the channel evidence a keyed channel attaches."""
    data = json.loads((FIXTURES / name).read_text())
    data["slots"].update(changes.pop("slots", {}))
    if "text" in changes:
        text = changes.pop("text")
        data["latest_message"]["text"] = text
        data["latest_message"]["message_id"] = f"m-{abs(hash(text))}"
    if "intent" in changes:
        data["latest_message"]["intent"] = changes.pop("intent")
    if signed:
        sign(data)
    return Tracker(data["sender_id"], data["slots"], data["latest_message"], data["events"], False, None,
                   data["active_loop"], data["latest_action_name"])


@pytest.fixture(autouse=True)
def offline_backend(monkeypatch) -> FakeBackend:
    """Catalogue from YAML; every other backend call recorded and answered by the fake API."""
    fake = install_backend(monkeypatch)
    catalogue.items, catalogue.index = {}, None
    return fake


async def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def stages(messages):
    return [(m.get("custom") or {}).get("stage") for m in messages]


def slot_events(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def then(tracker: Tracker, events: List[Dict[str, Any]], text: str, intent: str = "inform",
         signed: bool = True) -> Tracker:
    """The next message of the same conversation: the slots the last turn set, then ``text`` on the same channel."""
    slots = {**tracker.slots, **slot_events(events)}
    channel = tracker.get_latest_input_channel() or "rest"
    message_id = f"m-next-{len(tracker.events)}-{abs(hash(text))}"
    latest: Dict[str, Any] = {"text": text, "message_id": message_id,
                              "intent": {"name": intent, "confidence": 0.95}, "entities": [],
                              "metadata": {k: v for k, v in (tracker.latest_message.get("metadata") or {}).items()
                                           if k != "evidence"}}
    if signed:
        latest["metadata"]["evidence"] = {"deliveries": [], "message": signed_message(
            text, sender=tracker.sender_id, message_id=message_id, channel=channel)}
    history = list(tracker.events) + [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "input_channel": channel, "message_id": message_id,
         "parse_data": {"intent": latest["intent"]}}]
    return Tracker(tracker.sender_id, slots, latest, history, False, None, tracker.active_loop, "action_listen")


async def confirm(tracker: Tracker, events: List[Dict[str, Any]], code: str = ACT_CODE):
    """The act code typed back after the affirmation: the turn that submits."""
    return await run(journey.ValidateCommitmentForm(), then(tracker, events, code))


def act_for(slots: Dict[str, Any], item_code: str = "ZM001") -> Dict[str, Any]:
    """What the confirming SMS must name: the item, and the statement shown (its SHA-256)."""
    item = ITEMS[item_code]
    statement = journey.statement_for(item, slots)
    return {"item_name": item.name, "item_code": item.code,
            "statement_sha256": hashlib.sha256(statement.encode("utf-8")).hexdigest()}


async def test_explicit_affirmation_submits_once_with_the_evidence(offline_backend):  # R7 P2
    version = ITEMS["ZM001"].notice_version
    tracker = tracker_from("affirmation_requested.json", slots={"notice_version": version})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    # The words are taken; the code that confirms this very statement goes to the real-name phone (意愿认证).
    assert stages(messages) == ["ask"]
    assert messages[0]["custom"] == {"stage": "ask", "slot": "act_code", "sent_to": "138****8000"}
    assert "公共租赁住房资格申请" in messages[0]["text"]
    (sent,) = offline_backend["request_code"]
    assert sent == {"id_number": "410105199001011233", "client": FIXTURE_CLIENT, "act": act_for(tracker.slots)}
    assert not offline_backend["submit"]
    slots = slot_events(events)
    assert slots["affirmation"] == "本人承诺" and slots["requested_slot"] == "act_code"

    messages, events = await confirm(tracker, events)
    assert stages(messages) == ["commitment_receipt"]
    assert not offline_backend["verify_code"]  # the code goes with the commitment, redeemed by the API there
    (payload,) = offline_backend["submit"]
    assert payload["notice_version"] == version and payload["item_code"] == "ZM001"
    assert payload["evidence"]["affirmation_text"] == "本人承诺"
    assert len(payload["evidence"]["notice_sections_sent_at"]) == 7
    assert payload["channel"] == "rest" and payload["proxy"] is None
    assert payload["identity"] == {"assurance_id": FIXTURE_ASSURANCE, "act_code": ACT_CODE}
    assert hashlib.sha256(payload["evidence"]["statement"].encode("utf-8")).hexdigest() == \
        sent["act"]["statement_sha256"]  # the statement signed is the one the code was sent for
    slots = slot_events(events)
    assert slots["receipt"] == "CN20261127-000001"
    assert slots["requested_slot"] is None  # the form ends; action_finish_journey resets it


@pytest.mark.parametrize("text,reason", [("好的", "implicit"), ("我不承诺", "negated"), ("会坐牢吗？", "question"), ("😀", "unclear")])
async def test_anything_but_an_explicit_affirmation_is_rejected(offline_backend, text, reason):  # R7
    tracker = tracker_from("affirmation_requested.json", text=text,
                           slots={"notice_version": ITEMS["ZM001"].notice_version})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert stages(messages)[0] == "affirmation_rejected"
    assert messages[0]["custom"]["reason"] == reason
    assert "本人承诺" in messages[0]["text"]
    assert not offline_backend["submit"] and not offline_backend["request_code"]  # nothing to confirm
    assert SlotSet("affirmation", None) in events and SlotSet("requested_slot", "affirmation") in events


async def test_a_refusal_is_a_refusal_whatever_faq_the_model_reads_in_it(offline_backend):  # R7
    # The intent model reads a refusal that names its reason like the FAQ on that reason; the refusal still takes
    # the affirmation's own path (rejected, reason negated), not a policy answer.
    tracker = tracker_from("affirmation_requested.json", text="我不承诺，后果太严重了",
                           intent={"name": "faq_liability", "confidence": 0.97},
                           slots={"notice_version": ITEMS["ZM001"].notice_version})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert stages(messages)[0] == "affirmation_rejected" and messages[0]["custom"]["reason"] == "negated"
    assert not any(m.get("response") == "utter_faq_liability" for m in messages)
    assert not offline_backend["submit"]


async def test_a_commitment_turned_down_for_a_named_reason_is_told_so_whatever_faq_the_model_reads(offline_backend):
    # A conditional commitment reads like the FAQ on liability to the model; the reader's own reason (conditional) is
    # what the person is told, not a policy answer. Where the reader would have taken the words and only the model
    # disagrees, the model's question is still answered (test_forms).
    tracker = tracker_from("affirmation_requested.json", text="如果没问题我就承诺",
                           intent={"name": "faq_liability", "confidence": 0.9},
                           slots={"notice_version": ITEMS["ZM001"].notice_version})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    # (the contract's reason is "unclear"; the explanation names the condition)
    assert stages(messages)[0] == "affirmation_rejected" and messages[0]["custom"]["reason"] == "unclear"
    assert "条件" in messages[0]["text"]
    assert not any(m.get("response") == "utter_faq_liability" for m in messages)
    assert not offline_backend["submit"]


async def test_wrong_check_digit_is_reasked_and_the_name_kept(offline_backend):  # P1 P4
    tracker = tracker_from("affirmation_requested.json", text="410105199001011234",
                           intent={"name": "inform", "confidence": 0.9},
                           slots={"requested_slot": "applicant_id", "applicant_id": None, "credit_status": None,
                                  "phone": None, "notice_ack": None, "notice_sent_at": None})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    # The re-ask comes with this validation (one action-server call per turn), with the error.
    assert [m["custom"] for m in messages if m.get("custom")] == [
        {"stage": "ask", "slot": "applicant_id", "error": "invalid_id_checksum"}]
    assert messages[0]["text"].startswith("身份证号最后一位校验码不对")
    assert SlotSet("applicant_id", None) in events
    assert SlotSet("input_error", "invalid_id_checksum") in events
    assert SlotSet("requested_slot", "applicant_id") in events
    assert not any(e["event"] == "slot" and e["name"] == "applicant_name" for e in events)
    assert not offline_backend["credit"] and not offline_backend["request_code"]


async def test_blocked_credit_ends_the_journey_with_not_eligible(offline_backend):  # R4
    tracker = tracker_from("affirmation_requested.json", text="410102198505052342",
                           intent={"name": "inform", "confidence": 0.9},
                           slots={"requested_slot": "applicant_id", "applicant_id": None, "credit_status": None,
                                  "identity_code": None, "identity_assurance": None,
                                  "applicant_name": "李娜", "item": "ZM002"})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    # Nothing about the ID is looked up, or said, before its holder proved who they are.
    assert [m["custom"]["slot"] for m in messages] == ["identity_code"] and not offline_backend["credit"]
    messages, events = await run(journey.ValidateCommitmentForm(), then(tracker, events, LOGIN_CODE))
    assert stages(messages) == ["not_eligible"]
    assert messages[0]["custom"]["reason"] == "credit" and messages[0]["custom"]["proofs_required"]
    assert SlotSet("journey_outcome", "not_eligible") in events and SlotSet("requested_slot", None) in events
    (credit,) = offline_backend["credit"]
    assert credit["id_number"] == "410102198505052342" and credit["assurance_id"].startswith("as-")


async def test_notice_is_sent_whole_once_then_only_asked(offline_backend):  # R6, contract rule 1
    # The phone answer is the last before the notice: the same validation sends it whole, then asks.
    tracker = tracker_from("affirmation_requested.json", text="13800138000",
                           intent={"name": "inform", "confidence": 0.9},
                           slots={"requested_slot": "phone", "phone": None, "notice_ack": None,
                                  "notice_version": None, "notice_sent_at": None})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert stages(messages) == ["notice_section"] * 7 + ["ask"]
    version = ITEMS["ZM001"].notice_version
    assert {m["custom"]["notice_version"] for m in messages[:7]} == {version}
    assert SlotSet("notice_version", version) in events
    # "再说一遍第五条": only that section again, then the same question; the version stays.
    tracker = tracker_from("affirmation_requested.json", text="第五条再说一遍", intent={"name": "repeat", "confidence": 0.9},
                           slots={"requested_slot": "notice_ack", "notice_ack": None, "notice_version": version})
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert stages(messages) == ["notice_section", "ask"] and messages[0]["custom"]["index"] == 5
    assert not any(e["event"] == "slot" and e["name"] == "notice_version" for e in events)


async def test_a_retried_commitment_outside_a_journey_only_reports_the_receipt(offline_backend):  # P4 rule 3
    tracker = tracker_from("affirmation_requested.json",
                           slots={"last_receipt": {"commitment_no": "CN20261127-000001", "status": "accepted"}})
    tracker.active_loop = {}
    messages, events = await run(journey.OutsideJourney(), tracker)
    assert stages(messages) == ["commitment_status"] and events == []
    assert not offline_backend["submit"]
