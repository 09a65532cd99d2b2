"""Hand-off and hotline in the action server: when a conversation goes to a person (actions/handoff.py) and what a hotline
affirmation needs (actions/hotline.py, bot/core/assisted.py). Backend calls are recording fakes."""
from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker

from actions import backend, handoff, journey
from bot.core.assisted import ATTESTATION
from bot.core.catalogue import load_catalogue
from tests.actions.test_journey import FIXTURES, confirm, offline_backend, run, sign, stages  # noqa: F401 (fixture)

ITEMS = load_catalogue()


@pytest.fixture
def queue(monkeypatch) -> List[Dict[str, Any]]:
    calls: List[Dict[str, Any]] = []

    async def request(method, path, **kwargs):
        calls.append({"method": method, "path": path, **kwargs["json"]})
        return {"handoff_id": 1, "status": "waiting", "position": 1}

    monkeypatch.setattr(backend, "_request", request)
    return calls


def user(text: str, channel: str = "rest", **metadata) -> Dict[str, Any]:
    return {"event": "user", "text": text, "input_channel": channel, "metadata": metadata or {}}


def bot(stage: str) -> Dict[str, Any]:
    return {"event": "bot", "text": "…", "data": {"custom": {"stage": stage}}}


def action(name: str) -> Dict[str, Any]:
    return {"event": "action", "name": name}


def tracker_with(events: List[Dict[str, Any]], *, slots=None, latest=None) -> Tracker:
    latest = latest or {"text": events[-1].get("text", ""), "intent": {"name": "nlu_fallback", "confidence": 0.3}}
    return Tracker("citizen-1", dict(slots or {}), latest, events, False, None, {}, "action_listen")


# --- two fallbacks in a row -----------------------------------------------------------------------------------


def test_consecutive_fallbacks_count_back_to_the_last_understood_or_handed_off_turn():
    understood = [user("我想申请公租房"), action("action_discover_item"), bot("item_candidates")]
    not_found = [user("qwerty"), action("action_discover_item"), bot("item_not_found")]
    outside = [user("asdf"), action("action_outside_journey"), bot("item_not_found")]
    core = [user("???"), action("action_default_fallback"), {"event": "rewind"}]
    current = [user("zzz")]
    assert handoff.consecutive_fallbacks(understood + current) == 0
    assert handoff.consecutive_fallbacks(understood + not_found + current) == 1
    assert handoff.consecutive_fallbacks(not_found + understood + current) == 0
    assert handoff.consecutive_fallbacks(understood + outside + core + current) == 2
    handed = [user("xxx"), action("action_discover_item"), bot("item_not_found"), bot("handoff")]
    assert handoff.consecutive_fallbacks(not_found + handed + current) == 0  # one handoff per streak


async def test_the_second_fallback_in_a_row_queues_the_conversation(queue):
    first = [user("qwertyuiop")]
    messages, _ = await run(journey.DiscoverItem(), tracker_with(first))
    assert stages(messages) == ["item_not_found"] and queue == []
    second = first + [action("action_discover_item"), bot("item_not_found"), user("asdfghjkl")]
    messages, _ = await run(journey.DiscoverItem(), tracker_with(second))
    assert stages(messages) == ["item_not_found", "handoff"]
    assert messages[-1]["custom"] == {"stage": "handoff", "reason": "repeated_fallback", "status": "waiting", "hotline": "12345"}
    assert queue == [{"method": "POST", "path": "/api/v1/service/handoff", "sender_id": "citizen-1", "channel": "rest",
                      "reason": "repeated_fallback", "message": "qwertyuiop / asdfghjkl"}]  # the queue's preview


async def test_the_core_fallback_counts_too_and_still_reverts_the_message(queue):
    events = [user("???"), action("action_default_fallback"), {"event": "rewind"}, user("!!!")]
    messages, result = await run(journey.DefaultFallback(), tracker_with(events))
    assert stages(messages) == [None, "handoff"] and queue[0]["reason"] == "repeated_fallback"
    assert [e["event"] for e in result] == ["rewind"]


# --- "转人工" and the queue being unreachable ----------------------------------------------------------------------


async def test_asking_for_a_person_queues_and_says_a_person_will_answer(queue):
    messages, _ = await run(journey.Handoff(), tracker_with([user("转人工", "socketio")]))
    assert messages[0]["custom"]["status"] == "waiting" and "工作人员" in messages[0]["text"]
    assert queue[0]["channel"] == "socketio" and queue[0]["reason"] == "user_request"


async def test_queue_unreachable_points_to_12345(monkeypatch):
    async def down(*args, **kwargs):
        raise backend.BackendUnavailable("down")

    monkeypatch.setattr(backend, "_request", down)
    messages, _ = await run(journey.Handoff(), tracker_with([user("转人工")]))
    assert messages[0]["custom"] == {"stage": "handoff", "reason": "user_request", "status": "unavailable", "hotline": "12345"}
    assert "12345" in messages[0]["text"]


async def test_on_the_hotline_nothing_is_queued(queue):
    messages, _ = await run(journey.Handoff(), tracker_with([user("转人工", "hotline")]))
    assert messages[0]["custom"]["status"] == "assisted" and queue == []


# --- three failed answers to one question ---------------------------------------------------------------------


def form_tracker(text: str, attempts: float, channel: str = "rest", **metadata) -> Tracker:
    data = json.loads((FIXTURES / "affirmation_requested.json").read_text())
    slots = dict(data["slots"], requested_slot="applicant_id", applicant_id=None, failed_attempts=attempts, item="ZM001",
                 identity_code=None, identity_assurance=None, credit_status=None,
                 notice_version=None, notice_sent_at=None, phone=None, notice_ack=None)
    latest = {"text": text, "message_id": f"m-{attempts}", "intent": {"name": "inform", "confidence": 0.9}, "entities": [],
              "metadata": metadata}
    events = [action("action_listen"), {"event": "user", "text": text, "input_channel": channel, "message_id": latest["message_id"],
                                         "parse_data": {"intent": latest["intent"]}}]
    return Tracker("citizen-1", slots, latest, events, False, None, {"name": "commitment_form"}, "action_listen")


def slot_events(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def test_the_third_invalid_answer_to_one_question_queues(queue):
    messages, events = await run(journey.ValidateCommitmentForm(), form_tracker("410105199001011234", 1.0))
    # Only the re-ask (sent by the validation itself), not yet a handoff.
    assert stages(messages) == ["ask"] and slot_events(events)["failed_attempts"] == 2.0 and queue == []
    messages, events = await run(journey.ValidateCommitmentForm(), form_tracker("410105199001011234", 2.0))
    assert stages(messages) == ["handoff", "ask"] and messages[0]["custom"]["reason"] == "repeated_invalid"
    assert slot_events(events)["failed_attempts"] == 0.0  # the count starts again
    assert slot_events(events)["input_error"] == "invalid_id_checksum"  # and the question is asked again
    assert queue[0]["reason"] == "repeated_invalid"


async def test_a_valid_answer_starts_the_count_again(queue):
    messages, events = await run(journey.ValidateCommitmentForm(), form_tracker("410105199001011233", 2.0))
    slots = slot_events(events)
    assert slots["applicant_id"] == "410105199001011233" and slots["failed_attempts"] == 0.0 and queue == []
    assert stages(messages) == ["ask"] and messages[0]["custom"]["slot"] == "identity_code"


async def test_on_the_hotline_invalid_answers_are_not_queued(queue):
    messages, events = await run(journey.ValidateCommitmentForm(), form_tracker("410105199001011234", 2.0, "hotline"))
    assert stages(messages) == ["ask"] and queue == [] and slot_events(events)["failed_attempts"] == 3.0


# --- the hotline affirmation (R6, R7) -----------------------------------------------------------------------------


def hotline_affirmation(ticks: int = 7, attest: bool = True, version_override=None, channel: str = "hotline") -> Tracker:
    data = json.loads((FIXTURES / "affirmation_requested.json").read_text())
    version = ITEMS["ZM001"].notice_version
    data["slots"]["notice_version"] = version
    evidence = {
        "session_id": "s1", "staff_id": "demo_staff", "call_id": "CALL-1", "caller_phone": "13912345678",
        "notice_version": version_override or version,
        "read_aloud": [{"index": i, "at": f"2026-11-27T10:01:0{i}.000+00:00"} for i in range(1, ticks + 1)],
    }
    if attest:
        evidence.update(attestation=ATTESTATION, attested_at="2026-11-27T10:02:00.000+00:00")
    data["latest_message"]["metadata"] = {"hotline": evidence}
    for event in data["events"]:
        if event["event"] == "user":
            event["input_channel"] = channel
    sign(data)  # the hotline channel signs the typed words too; the read-aloud ticks are its delivery
    return Tracker(data["sender_id"], data["slots"], data["latest_message"], data["events"], False, None,
                   data["active_loop"], data["latest_action_name"])


@pytest.mark.parametrize("ticks, attest, version, error", [
    (0, True, None, "read_aloud_incomplete"),
    (6, True, None, "read_aloud_incomplete"),  # R6: the whole notification
    (7, True, "0" * 64, "read_aloud_incomplete"),  # ticks of another version do not count
    (7, False, None, "attestation_required"),
])
async def test_a_hotline_affirmation_needs_every_tick_and_the_attestation(offline_backend, ticks, attest, version, error):
    messages, events = await run(journey.ValidateCommitmentForm(), hotline_affirmation(ticks, attest, version))
    slots = slot_events(events)
    assert slots["affirmation"] is None and slots["input_error"] == error
    assert offline_backend["submit"] == []  # nothing committed


async def test_a_hotline_affirmation_carries_the_assisted_evidence(offline_backend):
    messages, events = await run(journey.ValidateCommitmentForm(), hotline_affirmation())
    assert stages(messages) == ["commitment_receipt"]
    (payload,) = offline_backend["submit"]
    assert payload["channel"] == "hotline"
    # The staff member attested the caller and ticked the commitment: no SMS code confirms it on the phone.
    assert payload["identity"] == {"assurance_id": "as-fixture-1", "act_confirmation_id": None}
    assert not offline_backend["request_code"] and slot_events(events)["act_code"] == "hotline"
    assisted = payload["evidence"]["assisted"]
    assert assisted["staff_id"] == "demo_staff" and assisted["call_id"] == "CALL-1" and assisted["attestation"] == ATTESTATION
    assert [t["index"] for t in assisted["read_aloud"]] == list(range(1, 8))
    assert assisted["read_aloud"][0]["at"] == "2026-11-27T10:01:01.000+00:00"  # the API's stamps, unchanged
    assert slot_events(events)["assisted_evidence"] == assisted  # kept for a retry after an outage (P4)


async def test_other_channels_ignore_hotline_metadata(offline_backend):
    tracker = hotline_affirmation(ticks=0, attest=False, channel="rest")
    messages, events = await run(journey.ValidateCommitmentForm(), tracker)
    # Elsewhere the commitment is confirmed by the code sent to the real-name phone, hotline metadata or not.
    assert [m["custom"]["slot"] for m in messages] == ["act_code"] and len(offline_backend["request_code"]) == 1
    messages, _ = await confirm(tracker, events)
    assert stages(messages) == ["commitment_receipt"]
    assert "assisted" not in offline_backend["submit"][0]["evidence"]


# --- the notification step on the hotline (R6): "已阅读" only with every section read aloud ----------------------


def hotline_notice_step(text: str, ticks: int, channel: str = "hotline") -> Tracker:
    """The journey waits at the notification question; the staff member has ticked ``ticks`` sections."""
    data = json.loads((FIXTURES / "affirmation_requested.json").read_text())
    version = ITEMS["ZM001"].notice_version
    slots = dict(data["slots"], requested_slot="notice_ack", notice_ack=None, notice_ack_at=None, notice_version=version)
    evidence = {
        "session_id": "s1", "staff_id": "demo_staff", "call_id": "CALL-1", "caller_phone": "13912345678",
        "notice_version": version,
        "read_aloud": [{"index": i, "at": f"2026-11-27T10:01:0{i}.000+00:00"} for i in range(1, ticks + 1)],
    }
    latest = {"text": text, "message_id": f"n-{text}-{ticks}", "intent": {"name": "inform", "confidence": 0.9},
              "entities": [], "metadata": {"hotline": evidence} if channel == "hotline" else {}}
    events = [action("action_listen"), {"event": "user", "text": text, "input_channel": channel,
                                        "message_id": latest["message_id"], "parse_data": {"intent": latest["intent"]}}]
    signed = {"sender_id": data["sender_id"], "slots": slots, "latest_message": latest, "events": events}
    sign(signed)
    return Tracker(data["sender_id"], slots, latest, events, False, None, {"name": "commitment_form"}, "action_listen")


@pytest.mark.parametrize("text", ["已阅读", "yes", "我已经全部听完了"])
async def test_on_the_hotline_read_needs_every_section_ticked(offline_backend, text):
    # Typed into "来电人的其他表述" or sent by the button: 3 of 7 sections ticked does not pass the step (R6).
    messages, events = await run(journey.ValidateCommitmentForm(), hotline_notice_step(text, ticks=3))
    slots = slot_events(events)
    assert slots["notice_ack"] is None and slots["input_error"] == "read_aloud_incomplete"
    assert slots["requested_slot"] == "notice_ack"
    assert stages(messages) == ["ask"] and messages[-1]["custom"]["error"] == "read_aloud_incomplete"


async def test_on_the_hotline_read_passes_with_every_section_ticked(offline_backend):
    messages, events = await run(journey.ValidateCommitmentForm(), hotline_notice_step("yes", ticks=7))
    slots = slot_events(events)
    assert slots["notice_ack"] == "yes" and slots["requested_slot"] == "affirmation"
    assert stages(messages)[-1] == "affirmation_request"


async def test_other_channels_read_without_ticks(offline_backend):
    messages, events = await run(journey.ValidateCommitmentForm(), hotline_notice_step("已阅读", ticks=0, channel="rest"))
    assert slot_events(events)["notice_ack"] == "yes"
