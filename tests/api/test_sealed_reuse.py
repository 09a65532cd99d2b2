"""What sealing a new record reuses within one record and one transaction, and what it must never reuse.

A record repeats strings (every notice delivery names the channel and the sender), and the verification task
reads the record back in the very transaction that stored it. Both shortcuts must give exactly what the full
path gives, and neither may outlive the text it was made for.
"""
from __future__ import annotations

import json
import pytest

from api.commitments import sealed
from bot.core import sealing
from bot.core.canonical import canonical_json
from tests.api.helpers import LIU_YANG, ZHAO_QIANG

NUMBER = "CN20261127-000011"


def _payload():
    mention = "我受趙強特别授权，代为承诺"  # the name in traditional characters, twice
    return {
        "applicant": {"name": "赵强", "id_type": "resident_id", "id_number": ZHAO_QIANG[1]},
        "proxy": {"name": "刘洋", "id_number": LIU_YANG[1]},
        "phone": "13912345678",
        "evidence": {
            "affirmation_text": mention,
            "channel_evidence": {
                "affirmation": {"text": mention, "sender": "rest-1"},
                "deliveries": [{"channel": "rest", "sender": "rest-1", "note": "回拨 139-1234-5678"} for _ in range(4)],
            },
        },
        "seq": 1,
    }


def test_a_repeated_string_is_sealed_every_time_it_occurs_each_with_its_own_envelope():
    ring = sealing.KeyRing.parse(sealing.KeyRing.new_line("k1"))
    aad = sealed.aad_for(NUMBER)
    stored = json.loads(sealed.sealed_text(_payload(), ring, aad))
    texts = [stored["evidence"]["affirmation_text"], stored["evidence"]["channel_evidence"]["affirmation"]["text"]]
    notes = [d["note"] for d in stored["evidence"]["channel_evidence"]["deliveries"]]
    for value in texts + notes:
        assert sealing.is_sealed(value), value
    assert len(set(texts + notes)) == len(texts + notes)  # fresh nonce for each occurrence
    # What mentions nobody stays readable however often it repeats.
    assert {d["channel"] for d in stored["evidence"]["channel_evidence"]["deliveries"]} == {"rest"}
    assert {d["sender"] for d in stored["evidence"]["channel_evidence"]["deliveries"]} == {"rest-1"}
    assert sealed.open_payload(json.dumps(stored), ring, aad) == _payload()


class _Row:
    """The two columns of a commitment row that sealing reads."""

    def __init__(self, commitment_no: str, canonical: str) -> None:
        self.commitment_no, self.canonical = commitment_no, canonical


def _row(payload, ring):
    return _Row(NUMBER, sealed.sealed_text(payload, ring, sealed.aad_for(NUMBER)))


def test_a_row_just_sealed_reads_back_as_the_signed_payload_a_fresh_copy_each_time():
    ring = sealing.KeyRing.parse(sealing.KeyRing.new_line("k1"))
    payload = _payload()
    row = _row(payload, ring)
    sealed.remember_signed(row, canonical_json(payload))
    first = sealed.payload_of(row, ring)
    assert first == payload == sealed.open_payload(row.canonical, ring, sealed.aad_for(NUMBER))
    first["applicant"]["name"] = "changed by a caller"
    assert sealed.payload_of(row, ring) == payload
    assert sealed.signed_text(row, ring) == canonical_json(payload)


def test_a_row_whose_text_changed_since_it_was_sealed_is_opened_and_checked_in_full():
    ring = sealing.KeyRing.parse(sealing.KeyRing.new_line("k1"))
    payload = _payload()
    row = _row(payload, ring)
    sealed.remember_signed(row, canonical_json(payload))
    # The same text as a new object (a reload from the database) goes the full way, and gives the same payload.
    row.canonical = "".join(list(row.canonical))
    assert sealed.payload_of(row, ring) == payload
    # A name put back in clear: refused, whatever was remembered.
    stored = json.loads(row.canonical)
    stored["applicant"]["name"] = "赵强"
    row.canonical = canonical_json(stored).decode("utf-8")
    with pytest.raises(sealing.SealingError):
        sealed.payload_of(row, ring)
    # Renumbered: the envelopes are bound to the old number and do not open.
    row = _row(payload, ring)
    sealed.remember_signed(row, canonical_json(payload))
    row.commitment_no = "CN20261127-000012"
    with pytest.raises(sealing.SealingError):
        sealed.payload_of(row, ring)
