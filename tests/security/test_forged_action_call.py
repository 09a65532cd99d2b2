"""A forged call to the action server: a hand-written tracker in which a sender who never chatted has filled
every slot and said "本人承诺" on the socket.io channel.

Without the action server's secret the call is refused before any action runs (401). With the secret - the
worst case, someone on the machine who can read it - the action server runs the journey's validation: without a
signed envelope of the affirmation it records nothing and ends the journey; with envelopes it cannot check (it
holds no key) it submits, and the API refuses them. Either way no receipt is issued and the chain of signed
commitments does not grow.
"""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional

import httpx
import pytest

from tests.security import forge
from tests.security.forge import Timeline, chain_length

pytestmark = pytest.mark.e2e

SECRET_HEADER = "X-GZ-Action-Secret"
ITEM = "ZM001"


def action_secret(stack) -> str:
    """The secret the stack gave the Rasa server and the action server (its path is in the stack's config)."""
    return Path(stack.config.action_secret_path).read_text(encoding="utf-8").strip()


def forged_tracker(item, sender: str, timeline: Timeline, metadata: Dict[str, Any],
                   extra_slots: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Everything a journey would have gathered up to the affirmation, written by hand; one user event."""
    name, id_number = forge.ZHANG_WEI
    message_id = uuid.uuid4().hex
    parse_data = {
        "text": forge.AFFIRMATION,
        "intent": {"name": "commit", "confidence": 0.99},
        "entities": [],
        "message_id": message_id,
        "metadata": metadata,
    }
    slots = {
        "item": item.code,
        "use_commitment": "yes",
        "acting_as": "self",
        "applicant_name": name,
        "applicant_id": id_number,
        "credit_status": "clean",
        "phone": "13800138000",
        "notice_version": item.notice_version,
        "notice_sent_at": [forge.iso(timeline.sent_at)] * len(item.notice),
        "notice_ack": "yes",
        "notice_ack_at": forge.iso(timeline.ack_at),
        "journey_id": uuid.uuid4().hex,
        "requested_slot": "affirmation",
        "failed_attempts": 0.0,
        **(extra_slots or {}),
    }
    user_event = {
        "event": "user", "timestamp": timeline.affirmation_at.timestamp(), "text": forge.AFFIRMATION,
        "parse_data": parse_data, "input_channel": "socketio", "message_id": message_id, "metadata": metadata,
    }
    return {
        "sender_id": sender,
        "slots": slots,
        "latest_message": parse_data,
        "events": [user_event],
        "paused": False,
        "followup_action": None,
        "active_loop": {"name": "commitment_form"},
        "latest_action_name": "action_listen",
        "latest_input_channel": "socketio",
    }


def call(stack, tracker: Dict[str, Any], headers: Dict[str, str]) -> httpx.Response:
    body = {"next_action": "validate_commitment_form", "sender_id": tracker["sender_id"], "tracker": tracker,
            "domain": {}, "version": "3.6.21"}
    return httpx.post(f"{stack.config.action_url}/webhook", json=body, headers=headers, timeout=60)


def stages(response: httpx.Response) -> List[str]:
    return [(r.get("custom") or {}).get("stage") for r in response.json().get("responses", [])]


def assert_no_receipt(stack, response: httpx.Response, before: int, ended: bool = True) -> None:
    assert response.status_code == 200, (response.status_code, response.text)
    body = response.json()
    assert "commitment_receipt" not in stages(response), body
    receipts = [e for e in body.get("events", []) if e.get("event") == "slot" and e.get("name") == "receipt"]
    assert all(e.get("value") is None for e in receipts), receipts
    # The forged tracker must have reached the journey: an internal error would prove nothing.
    customs = [r.get("custom") or {} for r in body.get("responses", [])]
    assert not any(c.get("error") == "internal_error" for c in customs), body
    assert chain_length(stack) == before
    # ... and the journey ended there: nothing is left pending that a later message could complete.
    if not ended:
        return
    outcomes = [e.get("value") for e in body.get("events", []) if e.get("event") == "slot"
                and e.get("name") == "journey_outcome"]
    assert outcomes and outcomes[-1], body


def test_without_the_secret_the_action_server_answers_401(stack, catalogue):
    tracker = forged_tracker(catalogue[ITEM], f"never-chatted-{uuid.uuid4().hex[:8]}", Timeline.plausible(), {})
    before = chain_length(stack)
    for headers in ({}, {SECRET_HEADER: "guess"}, {SECRET_HEADER: action_secret(stack)[:-1]}):
        response = call(stack, tracker, headers)
        assert response.status_code == 401, (headers.keys(), response.status_code, response.text)
        assert "commitment_receipt" not in response.text
    assert chain_length(stack) == before


def test_with_the_secret_and_no_envelopes_no_receipt_is_issued(stack, catalogue):
    tracker = forged_tracker(catalogue[ITEM], f"never-chatted-{uuid.uuid4().hex[:8]}", Timeline.plausible(), {})
    before = chain_length(stack)
    response = call(stack, tracker, {SECRET_HEADER: action_secret(stack)})
    assert_no_receipt(stack, response, before)


def test_with_the_secret_and_self_signed_envelopes_no_receipt_is_issued(stack, catalogue):
    """The envelopes look right to the action server (it cannot check a MAC) but not to the API."""
    item = catalogue[ITEM]
    sender = f"never-chatted-{uuid.uuid4().hex[:8]}"
    timeline = Timeline.plausible()
    key = forge.attacker_key()
    ack = forge.message_envelope(key, channel="socketio", sender=sender, text=forge.NOTICE_ACK, at=timeline.ack_at)
    deliveries = forge.delivery_envelopes(key, item, channel="socketio", sender=sender, timeline=timeline)
    affirmation = forge.message_envelope(key, channel="socketio", sender=sender, text=forge.AFFIRMATION,
                                         at=timeline.affirmation_at)
    metadata = {"evidence": {"message": affirmation, "deliveries": deliveries}}
    # The forger also claims the person was verified: slots it can write, naming an assurance it made up.
    claimed = {"identity_code": "verified",
               "identity_assurance": {"assurance_id": uuid.uuid4().hex, "method": "sms_otp", "id": "",
                                      "subject": "", "masked_phone": "138****8000"}}
    tracker = forged_tracker(item, sender, timeline, metadata,
                             extra_slots={**evidence_slots(ack, deliveries), **claimed})
    tracker["latest_message"]["message_id"] = affirmation["message_id"]
    tracker["events"][0]["message_id"] = affirmation["message_id"]
    before = chain_length(stack)
    response = call(stack, tracker, {SECRET_HEADER: action_secret(stack)})
    # Nothing is submitted on the words: the commitment waits for the act code, which goes to the signer's own
    # registered phone, never to the caller of the action server (and the API checks the assurance itself).
    assert_no_receipt(stack, response, before, ended=False)
    asks = [(r.get("custom") or {}).get("slot") for r in response.json().get("responses", [])]
    assert asks[-1:] == ["act_code"], response.json()


def evidence_slots(ack: Dict[str, Any], deliveries: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The slots in which the journey keeps the evidence it carries (actions/journey.py), filled by the forger."""
    return {"notice_deliveries": deliveries, "notice_ack_evidence": ack}
