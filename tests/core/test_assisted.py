"""bot/core/assisted.py: the hotline evidence rule and the channel token (R6, R7, P2). Runs in both venvs."""
from __future__ import annotations

import os
import stat

import pytest

from bot.core import assisted

SENT = [f"2026-11-27T10:00:0{i}.000+00:00" for i in range(7)]


def evidence(**changes):
    base = {
        "staff_id": "demo_staff",
        "call_id": "CALL-1",
        "caller_phone": None,
        "notice_version": "v1",
        "read_aloud": [{"index": i, "at": f"2026-11-27T10:01:0{i}.000+00:00"} for i in range(1, 8)],
        "attestation": assisted.ATTESTATION,
    }
    base.update(changes)
    return base


def problem(**changes):
    return assisted.evidence_problem(evidence(**changes), total_sections=7, notice_version="v1", sections_sent_at=SENT)


def test_complete_evidence_passes():
    assert problem() is None
    assert problem(call_id=None, caller_phone="13912345678") is None  # the call id or the phone number


@pytest.mark.parametrize("changes, code", [
    ({"read_aloud": []}, assisted.READ_ALOUD_INCOMPLETE),
    ({"read_aloud": [{"index": i, "at": "2026-11-27T10:01:00+00:00"} for i in range(1, 7)]}, assisted.READ_ALOUD_INCOMPLETE),
    ({"read_aloud": [{"index": i, "at": "2026-11-27T10:01:00+00:00"} for i in range(0, 7)]}, assisted.READ_ALOUD_INCOMPLETE),
    ({"read_aloud": [{"index": i, "at": "not a time"} for i in range(1, 8)]}, assisted.READ_ALOUD_INCOMPLETE),
    ({"read_aloud": [{"index": i, "at": "2026-11-27T10:01:00"} for i in range(1, 8)]}, assisted.READ_ALOUD_INCOMPLETE),  # no offset
    # Ticked long before the section reached the console: not read aloud.
    ({"read_aloud": [{"index": i, "at": "2026-11-27T09:00:00+00:00"} for i in range(1, 8)]}, assisted.READ_ALOUD_INCOMPLETE),
    ({"notice_version": "v0"}, assisted.READ_ALOUD_INCOMPLETE),
    ({"notice_version": None}, assisted.READ_ALOUD_INCOMPLETE),
    ({"attestation": None}, assisted.ATTESTATION_REQUIRED),
    ({"attestation": "来电人同意承诺"}, assisted.ATTESTATION_REQUIRED),  # the exact sentence, nothing weaker
    ({"call_id": None, "caller_phone": None}, assisted.CALL_UNIDENTIFIED),
    ({"staff_id": ""}, assisted.CALL_UNIDENTIFIED),
])
def test_incomplete_evidence_names_the_problem(changes, code):
    assert problem(**changes) == code
    assert code in assisted.PROBLEM_TEXT


def test_token_round_trip_and_every_way_it_fails(tmp_path):
    secret = assisted.load_or_create_secret(tmp_path / "keys" / "hotline.secret")
    assert stat.S_IMODE(os.stat(tmp_path / "keys" / "hotline.secret").st_mode) == 0o600
    assert assisted.load_or_create_secret(tmp_path / "keys" / "hotline.secret") == secret  # created once
    claims = {"sid": "abc", "sender": "hotline-abc", "staff": "demo_staff", "call": "C1", "phone": None}
    token = assisted.sign_token(secret, claims, now=1000.0)
    verified = assisted.verify_token(secret, token, now=1200.0)
    assert {k: verified[k] for k in claims} == claims
    with pytest.raises(assisted.InvalidToken):
        assisted.verify_token(secret, token, now=1000.0 + 601)  # expired
    with pytest.raises(assisted.InvalidToken):
        assisted.verify_token(b"x" * 32, token, now=1200.0)  # another secret
    payload, mac = token.split(".")
    forged = assisted.sign_token(b"y" * 32, dict(claims, staff="someone_else"), now=1000.0).split(".")[0]
    for bad in (f"{forged}.{mac}", f"{payload}.", "", "abc", f"{payload}.{mac}.x"):
        with pytest.raises(assisted.InvalidToken):
            assisted.verify_token(secret, bad, now=1200.0)
    with pytest.raises(assisted.InvalidToken):  # only the hotline's own conversations
        assisted.verify_token(secret, assisted.sign_token(secret, dict(claims, sender="citizen-1"), now=1000.0), now=1200.0)


def test_a_short_secret_file_is_refused(tmp_path):
    path = tmp_path / "hotline.secret"
    path.write_bytes(b"short")
    with pytest.raises(ValueError):
        assisted.load_or_create_secret(path)
