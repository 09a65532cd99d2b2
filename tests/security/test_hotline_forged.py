"""Forging the 12345 hotline: speaking on its channel without the API's token, and a hotline commitment for a
call the API never recorded.

The hotline channel takes who speaks for whom only from ``X-Hotline-Token``, which the API signs for an assisted
session it opened for a signed-in staff member; the read-aloud ticks and the attestation are rows the API stamped
itself. So a forged token is refused before Rasa sees the message, and a hotline commitment whose ticks and
attestation the API never recorded is refused even with channel-signed message envelopes.
"""
from __future__ import annotations

import secrets
import time
import uuid
from datetime import timedelta

import httpx
import pytest

from bot.core import assisted
from tests.security import forge
from tests.security.forge import Timeline, chain_length, commitment_request, error_code, submit

pytestmark = pytest.mark.e2e

ITEM = "ZM001"


def _claims(sender: str) -> dict:
    return {"sender": sender, "sid": uuid.uuid4().hex[:16], "staff": "tstaff_forger", "call": "CALL-1", "phone": None}


def _post(stack, token: str, text: str = "本人承诺") -> httpx.Response:
    return httpx.post(f"{stack.config.rasa_url}/webhooks/hotline/webhook", json={"message": text},
                      headers={"X-Hotline-Token": token} if token else {}, timeout=30)


def _has_tracker_events(stack, sender: str) -> bool:
    response = httpx.get(f"{stack.config.rasa_url}/conversations/{sender}/tracker",
                         params={"token": stack.config.rasa_token()}, timeout=30)
    response.raise_for_status()
    return any(e.get("event") == "user" for e in response.json().get("events") or [])


def test_the_hotline_channel_refuses_forged_and_expired_tokens(stack):
    sender = f"{assisted.SENDER_PREFIX}{uuid.uuid4().hex[:12]}"
    real_secret = stack.config.hotline_secret_path.read_bytes()
    forged = {
        "none": "",
        "garbage": secrets.token_urlsafe(40),
        "another secret": assisted.sign_token(secrets.token_bytes(32), _claims(sender)),
        "expired": assisted.sign_token(real_secret, _claims(sender), ttl_seconds=60, now=time.time() - 3600),
    }
    for what, token in forged.items():
        response = _post(stack, token)
        assert response.status_code == 401, (what, response.status_code, response.text)
    assert not _has_tracker_events(stack, sender)


def test_a_hotline_commitment_for_a_call_the_api_never_recorded_is_refused(stack, catalogue):
    """Message envelopes signed with the real channel key, ticks and attestation made up: refused."""
    item = catalogue[ITEM]
    key = forge.channel_key(stack)
    sender = f"{assisted.SENDER_PREFIX}{uuid.uuid4().hex[:12]}"
    # Sections "read aloud" two seconds apart, just now (after the notice version was published, inside the
    # clock window), then "已阅读" and the affirmation: only the API's own session rows can tell they are made up.
    start = forge.now() - timedelta(seconds=30)
    ticks = [{"index": s.index, "at": forge.iso(start + timedelta(seconds=2 * s.index))} for s in item.notice]
    ack_at = start + timedelta(seconds=2 * len(item.notice) + 5)
    affirmed_at = ack_at + timedelta(seconds=5)
    body = commitment_request(key, item, channel=assisted.CHANNEL, sender=sender,
                              timeline=Timeline(start, start, ack_at, affirmed_at))
    body["evidence"]["channel_evidence"]["deliveries"] = []  # the hotline's deliveries are the API's own ticks
    body["evidence"]["notice_sections_sent_at"] = [forge.iso(start)] * len(item.notice)
    body["evidence"]["assisted"] = {
        "staff_id": "tstaff_forger", "session_id": uuid.uuid4().hex[:16], "call_id": "CALL-1", "caller_phone": None,
        "notice_version": item.notice_version, "read_aloud": ticks, "attestation": assisted.ATTESTATION,
        "attested_at": body["evidence"]["affirmation_at"],
    }
    before = chain_length(stack)
    response = submit(stack, body)
    # Nobody attested a caller in a call the API never had: refused before the evidence is even looked at.
    assert response.status_code == 401, (response.status_code, response.text)
    assert error_code(response) == "identity_required", response.text
    # Made-up identity ids change nothing: they are not in the API's own records.
    body["identity"] = {"assurance_id": uuid.uuid4().hex}
    response = submit(stack, body)
    assert response.status_code == 401 and error_code(response) == "identity_required", response.text
    assert chain_length(stack) == before
