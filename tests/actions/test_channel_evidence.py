"""The journey as a courier of channel evidence (bot/core/evidence.py): it never goes on past a notice that did not
reach the person, never takes "已阅读" sooner than anyone can read, carries the channels' envelopes to the API
unchanged, and answers the API's refusals of that evidence in plain words. The backend is a recording fake; the
client's reading of the API's refusals is checked against a real HTTP server."""
from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List

import pytest
from rasa_sdk import Tracker

from actions import backend, journey, messages
from bot.core.catalogue import load_catalogue
from tests.actions.conftest import READ_AT, iso_ago, signed_deliveries, signed_message
from tests.actions.test_journey import FIXTURES, confirm, offline_backend, run, stages  # noqa: F401 (fixture)

ITEMS = load_catalogue()
ITEM = ITEMS["ZM001"]
VERSION = ITEM.notice_version
SENDER = "citizen-7"


def slot_events(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.fixture
def handoffs(monkeypatch) -> List[Dict[str, Any]]:
    """The staff queue, recorded (the only other backend call these journeys make)."""
    calls: List[Dict[str, Any]] = []

    async def request(method, path, **kwargs):
        calls.append({"path": path, **kwargs.get("json", {})})
        return {"handoff_id": 1, "status": "waiting", "position": 1}

    monkeypatch.setattr(backend, "_request", request)
    return calls


def turn(step: str, text: str, *, intent: str = "inform", channel: str = "rest", slots: Dict[str, Any] = None,
         deliveries_in: List[Dict[str, Any]] = None, envelope: Any = "auto", **metadata: Any) -> Tracker:
    """The journey of 张伟 for ZM001 waiting at ``step``, the notice sent; ``text`` arrives on ``channel``.

    ``envelope``: the channel's signed envelope of this message ("auto": a right one; None: the channel signed
    nothing); ``deliveries_in``: the deliveries the channel attaches to it."""
    data = json.loads((FIXTURES / "affirmation_requested.json").read_text())
    read = signed_message("已阅读", sender=SENDER, message_id="m-read", channel=channel, at=READ_AT)
    base = dict(data["slots"], requested_slot=step, notice_version=VERSION, notice_deliveries=[],
                notice_ack_evidence=read, notice_ack_at=READ_AT)
    if step == "notice_ack":
        base.update(notice_ack=None, notice_ack_at=None, notice_ack_evidence=None)
    base.update(slots or {})
    message_id = f"m-{step}-{abs(hash(text))}"
    if envelope == "auto":
        envelope = signed_message(text, sender=SENDER, message_id=message_id, channel=channel)
    evidence = {"deliveries": deliveries_in or []}
    if envelope is not None:
        evidence["message"] = envelope
    latest = {"text": text, "message_id": message_id, "intent": {"name": intent, "confidence": 0.95}, "entities": [],
              "metadata": {"evidence": evidence, **metadata}}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "input_channel": channel, "message_id": message_id,
               "parse_data": {"intent": latest["intent"]}}]
    return Tracker(SENDER, base, latest, events, False, None, {"name": "commitment_form"}, "action_listen")


def delivered(sections=None, *, delivered_at: str = "2026-11-27T10:00:01.000+00:00", **kwargs) -> List[Dict[str, Any]]:
    return signed_deliveries(ITEM, sender=SENDER, sections=sections, delivered_at=delivered_at, **kwargs)


# --- "已阅读" only once every section reached the person ------------------------------------------------------


async def test_read_is_not_taken_while_sections_are_undelivered_and_the_person_is_told_which(offline_backend):
    tracker = turn("notice_ack", "已阅读", slots={"notice_deliveries": delivered([1, 2, 4, 6, 7])})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s["notice_ack"] is None and s["requested_slot"] == "notice_ack"
    assert s["input_error"] == "notice_undelivered" and not s.get("failed_attempts")  # not the person's fault
    # Told which parts, and those parts sent again at once (a lost delivery must not loop), then asked again.
    assert "第3、5部分还没有送达您" in msgs[0]["text"] and "重新发送" in msgs[0]["text"]
    assert [m["custom"]["index"] for m in msgs if (m.get("custom") or {}).get("stage") == "notice_section"] == [3, 5]
    assert stages(msgs)[-1] == "ask" and msgs[-1]["custom"]["error"] == "notice_undelivered"
    assert "affirmation_request" not in stages(msgs) and not offline_backend["submit"]


async def test_read_is_taken_once_every_section_was_delivered(offline_backend):
    tracker = turn("notice_ack", "已阅读", slots={"notice_deliveries": delivered()})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    said = tracker.latest_message["metadata"]["evidence"]["message"]
    assert s["notice_ack"] == "yes" and s["notice_ack_evidence"] == said
    assert s["notice_ack_at"] == said["at"]  # the channel's time, which the API checks it against
    assert stages(msgs) == ["affirmation_request"]


async def test_deliveries_arriving_with_the_reading_statement_count(offline_backend):
    # REST signs the sections when the response carrying them returns: they ride on the very next message.
    tracker = turn("notice_ack", "已阅读", deliveries_in=delivered())
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s["notice_ack"] == "yes" and [d["section"] for d in s["notice_deliveries"]] == list(range(1, 8))


async def test_deliveries_of_another_version_person_or_channel_do_not_count(offline_backend):
    others = (delivered(version="0" * 64) + signed_deliveries(ITEM, sender="someone-else")
              + signed_deliveries(ITEM, sender=SENDER, channel="wechat"))
    tracker = turn("notice_ack", "已阅读", deliveries_in=others + delivered([1, 2, 3, 4, 5, 6]))
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s["notice_ack"] is None and s["input_error"] == "notice_undelivered"
    assert "第7部分" in msgs[0]["text"]
    assert [(d["section"], d["sender"], d["channel"]) for d in s["notice_deliveries"]] == [
        (i, SENDER, "rest") for i in range(1, 7)]


async def test_the_earliest_delivery_of_a_section_is_kept_and_one_per_section(offline_backend):
    first = delivered(delivered_at="2026-11-27T10:00:01.000+00:00")
    again = delivered([5], delivered_at="2026-11-27T10:03:00.000+00:00")
    tracker = turn("notice_ack", "第五条再说一遍", intent="repeat", slots={"notice_deliveries": first},
                   deliveries_in=again)
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    kept = slot_events(events).get("notice_deliveries", first)
    assert len(kept) == 7 and kept[4]["delivered_at"] == "2026-11-27T10:00:01.000+00:00"


async def test_resending_sends_only_the_missing_sections(offline_backend):
    tracker = turn("notice_ack", "重新发送", intent="repeat", slots={"notice_deliveries": delivered([1, 2, 4, 6, 7])})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert stages(msgs) == ["notice_section", "notice_section", "ask"]
    assert [m["custom"]["index"] for m in msgs[:2]] == [3, 5]
    assert all(m["custom"]["notice_version"] == VERSION for m in msgs[:2])
    assert not slot_events(events).get("failed_attempts")


async def test_resending_with_nothing_missing_sends_the_whole_notice(offline_backend):
    tracker = turn("notice_ack", "重新发送", intent="repeat", slots={"notice_deliveries": delivered()})
    msgs, _ = await run(journey.ValidateCommitmentForm(), tracker)
    assert stages(msgs) == ["notice_section"] * 7 + ["ask"]


# --- and not sooner than anyone can read it -----------------------------------------------------------------------


async def test_read_moments_after_the_last_delivery_is_asked_to_read_first(offline_backend, monkeypatch):
    monkeypatch.delenv("GZ_MIN_READING_SECONDS", raising=False)  # the default; the e2e stacks set a short one
    tracker = turn("notice_ack", "已阅读", slots={"notice_deliveries": delivered(delivered_at=iso_ago(2))})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert s["notice_ack"] is None and s["input_error"] == "reading_too_fast" and not s.get("failed_attempts")
    assert msgs[-1]["custom"] == {"stage": "ask", "slot": "notice_ack", "options": ["yes", "repeat"],
                                  "error": "reading_too_fast"}
    assert "从头到尾" in msgs[-1]["text"] and "reading_too_fast" not in msgs[-1]["text"]


async def test_the_reading_time_follows_the_variable_the_api_reads(offline_backend, monkeypatch):
    monkeypatch.setenv("GZ_MIN_READING_SECONDS", "1")
    tracker = turn("notice_ack", "已阅读", slots={"notice_deliveries": delivered(delivered_at=iso_ago(2))})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert slot_events(events)["notice_ack"] == "yes"
    monkeypatch.setenv("GZ_MIN_READING_SECONDS", "60")
    tracker = turn("notice_ack", "已阅读", slots={"notice_deliveries": delivered(delivered_at=iso_ago(30))})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert slot_events(events)["input_error"] == "reading_too_fast"


async def test_the_reading_time_counts_from_the_latest_section_delivered(offline_backend, monkeypatch):
    monkeypatch.delenv("GZ_MIN_READING_SECONDS", raising=False)
    # Sections 3 and 5 were sent again and arrived just now: the reading starts from them.
    late = delivered([1, 2, 4, 6, 7]) + delivered([3, 5], delivered_at=iso_ago(1))
    tracker = turn("notice_ack", "已阅读", slots={"notice_deliveries": late})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert slot_events(events)["input_error"] == "reading_too_fast"


# --- no envelope, no commitment ------------------------------------------------------------------------------


@pytest.mark.parametrize("step,text", [("notice_ack", "已阅读"), ("affirmation", "本人承诺")])
async def test_a_channel_that_signs_nothing_gets_no_receipt_but_a_person_offered(offline_backend, handoffs, step, text):
    tracker = turn(step, text, envelope=None, slots={"notice_deliveries": delivered()})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    s = slot_events(events)
    assert [m["text"] for m in msgs] == [messages.NO_EVIDENCE_TEXT] and "转人工" in msgs[0]["text"]
    assert handoffs == []  # offered, not queued under a reason the staff queue does not know
    assert s["journey_outcome"] == "no_evidence" and s["requested_slot"] is None
    assert not offline_backend["submit"] and "commitment_receipt" not in stages(msgs)


@pytest.mark.parametrize("change", [
    {"text": "我不承诺"},  # the words of another message
    {"message_id": "m-earlier"},  # another message's envelope
    {"sender": "someone-else"},
    {"channel": "socketio"},
    {"at": "yesterday"},
])
async def test_an_envelope_of_another_message_is_no_envelope(offline_backend, handoffs, change):
    tracker = turn("affirmation", "本人承诺", slots={"notice_deliveries": delivered()})
    tracker.latest_message["metadata"]["evidence"]["message"].update(change)
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert not offline_backend["submit"] and slot_events(events)["journey_outcome"] == "no_evidence"


async def test_a_journey_without_the_envelope_of_its_reading_statement_submits_nothing(offline_backend, handoffs):
    tracker = turn("affirmation", "本人承诺", slots={"notice_deliveries": delivered(), "notice_ack_evidence": None})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert not offline_backend["submit"] and msgs[0]["text"] == messages.NO_EVIDENCE_TEXT
    assert slot_events(events)["journey_outcome"] == "no_evidence"
    assert not offline_backend["request_code"]  # no code is sent to confirm what could not be recorded


# --- the envelopes reach the API as they came -------------------------------------------------------------------


async def test_the_submission_carries_every_envelope_and_the_times_come_from_them(offline_backend):
    ack = signed_message("已阅读", sender=SENDER, message_id="m-read", at="2026-11-27T10:00:45.000+00:00")
    sections = delivered()
    tracker = turn("affirmation", "本人承诺", slots={"notice_deliveries": list(reversed(sections)),
                                                  "notice_ack_evidence": ack, "notice_ack_at": ack["at"]})
    msgs, events = await run(journey.ValidateCommitmentForm(), tracker)
    assert [m["custom"]["slot"] for m in msgs] == ["act_code"] and not offline_backend["submit"]
    affirmed = slot_events(events)
    msgs, _ = await confirm(tracker, events)
    assert stages(msgs) == ["commitment_receipt"]
    (payload,) = offline_backend["submit"]
    said = tracker.latest_message["metadata"]["evidence"]["message"]
    signed = payload["evidence"]["channel_evidence"]
    assert signed == {"notice_ack": ack, "affirmation": said, "deliveries": sections}  # one per section, in order
    assert payload["evidence"]["affirmation_text"] == said["text"]
    assert payload["evidence"]["affirmation_at"] == said["at"]
    assert payload["evidence"]["notice_ack_at"] == ack["at"]
    assert payload["channel"] == said["channel"] == "rest" and payload["sender_id"] == said["sender"] == SENDER
    assert affirmed["affirmation_evidence"] == said  # the affirmation's own envelope, not the code's message


async def test_the_affirmation_is_stored_as_the_channel_signed_it(offline_backend):
    tracker = turn("affirmation", " 本人承诺 ", slots={"notice_deliveries": delivered()})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    await confirm(tracker, events)
    (payload,) = offline_backend["submit"]
    assert payload["evidence"]["affirmation_text"] == " 本人承诺 "  # exactly what the envelope says


async def test_the_hotline_carries_its_envelopes_and_no_deliveries(offline_backend):
    from tests.actions.test_handoff_and_hotline import hotline_affirmation

    tracker = hotline_affirmation()
    msgs, _ = await run(journey.ValidateCommitmentForm(), tracker)
    # On the hotline the staff attestation and the read-aloud ticks stand for the confirming code.
    assert stages(msgs) == ["commitment_receipt"] and not offline_backend["request_code"]
    signed = offline_backend["submit"][0]["evidence"]["channel_evidence"]
    assert signed["deliveries"] == [] and signed["affirmation"]["channel"] == "hotline"
    assert signed["notice_ack"]["text"] == "已阅读"


# --- the API's refusals of the evidence ------------------------------------------------------------------------


@pytest.fixture
def refusing(offline_backend):
    def refuse(code: str) -> None:
        offline_backend.refuse["submit"] = (422, code, "内部说明")
    return refuse


async def affirmed_and_confirmed():
    """"本人承诺", then the confirming code: the turn whose submission the API answers."""
    tracker = turn("affirmation", "本人承诺", slots={"notice_deliveries": delivered()})
    _, events = await run(journey.ValidateCommitmentForm(), tracker)
    return tracker, await confirm(tracker, events)


def affirmation_turn() -> Tracker:
    return turn("affirmation", "本人承诺", slots={"notice_deliveries": delivered()})


async def test_refused_as_read_too_fast_asks_to_read_again_before_committing(refusing):
    refusing("reading_too_fast")
    _, (msgs, events) = await affirmed_and_confirmed()
    s = slot_events(events)
    assert s["requested_slot"] == "notice_ack" and s["notice_ack"] is None and s["affirmation"] is None
    assert s["notice_ack_evidence"] is None and s["affirmation_evidence"] is None
    # The confirmation named the commitment as it stood; after reading again it is confirmed again.
    assert s["act_code"] is None and s["act_confirmation"] is None
    assert msgs[-1]["custom"]["slot"] == "notice_ack" and msgs[-1]["custom"]["error"] == "reading_too_fast"
    assert "commitment_receipt" not in stages(msgs)


async def test_refused_as_undelivered_sends_the_notice_again_and_asks_again(refusing):
    refusing("notice_undelivered")
    _, (msgs, events) = await affirmed_and_confirmed()
    s = slot_events(events)
    assert stages(msgs) == ["notice_section"] * 7 + ["ask"]
    assert msgs[-1]["custom"]["error"] == "notice_resent" and s["notice_deliveries"] is None
    assert s["requested_slot"] == "notice_ack" and s["affirmation"] is None and s["notice_version"] == VERSION


async def test_refused_for_the_phone_asks_for_the_registered_one_then_the_commitment_again(refusing):
    refusing("phone_mismatch")
    _, (msgs, events) = await affirmed_and_confirmed()
    s = slot_events(events)
    assert s["requested_slot"] == "phone" and s["phone"] is None and s["affirmation"] is None
    assert s["act_code"] is None and s["act_confirmation"] is None
    assert msgs[-1]["custom"]["slot"] == "phone" and msgs[-1]["custom"]["error"] == "phone_mismatch"
    assert msgs[-1]["text"].startswith("这个手机号与您实名登记的手机号不一致")
    # The reading stands; after the new phone the commitment itself is asked again (contract rule 2).
    slots = {k: v for k, v in s.items() if k != "requested_slot"}
    assert journey.JOURNEY.next_slot({**affirmation_turn().slots, **slots, "phone": "13912345678"}) == "affirmation"


@pytest.mark.parametrize("code", sorted(journey.EVIDENCE_REFUSALS))
async def test_an_evidence_refusal_says_nothing_was_recorded_offers_a_person_and_logs_the_code(
        refusing, handoffs, caplog, code):
    refusing(code)
    with caplog.at_level(logging.WARNING, logger="actions.journey"):
        _, (msgs, events) = await affirmed_and_confirmed()
    s = slot_events(events)
    assert [m["text"] for m in msgs] == [messages.EVIDENCE_REFUSED_TEXT] and "转人工" in msgs[0]["text"]
    assert s["journey_outcome"] == "refused" and "receipt" not in s and s["requested_slot"] is None
    assert all(code not in (m.get("text") or "") and "内部说明" not in (m.get("text") or "") for m in msgs)
    assert any(code in r.getMessage() for r in caplog.records)


# --- the client reads the API's refusal code from a real HTTP response ------------------------------------------


@pytest.fixture
def api_answering() -> Iterator[Any]:
    """A real HTTP server on a free loopback port answering every POST with the body it is given."""
    reply: Dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps(reply["body"]).encode()
            self.send_response(reply["status"])
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def answer(status: int, body: Any) -> str:
        reply.update(status=status, body=body)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield answer
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("body,code", [
    ({"error": "reading_too_fast", "message": "阅读时间过短"}, "reading_too_fast"),
    ({"code": "evidence_invalid"}, "evidence_invalid"),
    ({"detail": {"code": "phone_mismatch"}}, "phone_mismatch"),
    (["not", "an", "object"], "refused"),
])
async def test_the_backend_client_reads_the_refusal_code(api_answering, monkeypatch, body, code):
    url = api_answering(422, body)
    monkeypatch.setattr(backend, "API_URL", url)
    monkeypatch.setattr(backend, "_client", None)
    monkeypatch.setenv("GZ_SERVICE_TOKEN", "test-token")
    try:
        with pytest.raises(backend.BackendRefused) as refused:
            await backend._request("POST", "/api/v1/commitments", json={"item_code": "ZM001"})
    finally:
        await backend.client().aclose()
    assert refused.value.status == 422 and refused.value.code == code


@pytest.mark.parametrize("status,code", [(401, "identity_required"), (401, "identity_expired"),
                                         (403, "identity_mismatch")])
async def test_the_backend_client_passes_on_the_apis_identity_refusals(api_answering, monkeypatch, status, code):
    url = api_answering(status, {"error": code, "message": "请重新核验身份。"})
    monkeypatch.setattr(backend, "API_URL", url)
    monkeypatch.setattr(backend, "_client", None)
    monkeypatch.setenv("GZ_SERVICE_TOKEN", "test-token")
    try:
        with pytest.raises(backend.BackendRefused) as refused:
            await backend._request("POST", "/api/v1/credit/check", json={"id_number": "x"})
    finally:
        await backend.client().aclose()
    assert refused.value.code == code and refused.value.message == "请重新核验身份。"
