"""The channel evidence kernel (bot/core/evidence.py): what the channels sign and the API verifies."""
from __future__ import annotations

import copy
import os
import stat

import pytest

from bot.core import evidence

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
SECTION = {
    "stage": "notice_section", "item_code": "ZZ-GZF-001", "notice_version": "a" * 64, "index": 2, "total": 7,
    "title": "承诺内容",
}
SECTION_TEXT = evidence.notice_section_text(2, 7, "承诺内容", "申请人承诺所填信息真实。")


def message_envelope(key: bytes = KEY, **changes):
    fields = dict(channel="rest", sender="citizen-1", message_id="m-1", text="我已阅读", at="2026-01-05T08:00:00.000+00:00")
    fields.update(changes)
    return evidence.sign_message(key, **fields)


def delivery_envelope(key: bytes = KEY, **changes):
    fields = dict(channel="socketio", sender="0123456789abcdef0123456789abcdef", custom=SECTION, text=SECTION_TEXT,
                  sent_at="2026-01-05T08:00:00.000+00:00", delivered_at="2026-01-05T08:00:01.000+00:00")
    fields.update(changes)
    return evidence.sign_delivery(key, **fields)


# --- round trips ---------------------------------------------------------------------------------------------


def test_a_signed_message_verifies_and_keeps_every_field():
    envelope = message_envelope()
    body = evidence.verify(KEY, envelope)
    assert body == {"v": 1, "kind": "message", "channel": "rest", "sender": "citizen-1", "message_id": "m-1",
                    "text": "我已阅读", "at": "2026-01-05T08:00:00.000+00:00"}
    assert "mac" not in body


def test_a_signed_delivery_verifies_and_names_the_section_and_the_text_hash():
    body = evidence.verify(KEY, delivery_envelope())
    assert (body["item_code"], body["notice_version"], body["section"], body["total"]) == ("ZZ-GZF-001", "a" * 64, 2, 7)
    assert body["text_sha256"] == evidence.text_sha256(SECTION_TEXT)
    assert body["how"] == "client_ack"  # the channel's own way of knowing, when none is given


def test_default_times_are_utc_with_offset():
    envelope = evidence.sign_message(KEY, channel="rest", sender="s", message_id="m", text="x")
    moment = evidence.parse_time(envelope["at"])
    assert moment is not None and moment.utcoffset().total_seconds() == 0
    delivery = evidence.sign_delivery(KEY, channel="rest", sender="s", custom=SECTION, text="t", sent_at=envelope["at"])
    assert evidence.parse_time(delivery["delivered_at"]) >= moment
    assert delivery["how"] == "response_returned"


def test_the_mac_does_not_depend_on_key_order():
    envelope = message_envelope()
    reordered = dict(reversed(list(envelope.items())))
    assert evidence.verify(KEY, reordered) == evidence.verify(KEY, envelope)


# --- tampering -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field, value", [
    ("channel", "hotline"), ("sender", "citizen-2"), ("message_id", "m-2"), ("text", "我已阅读。"),
    ("text", "我已阅读 "), ("at", "2026-01-05T08:00:00.001+00:00"), ("kind", "delivery"), ("v", 2),
])
def test_any_changed_message_field_fails(field, value):
    envelope = message_envelope()
    envelope[field] = value
    with pytest.raises(evidence.InvalidEvidence):
        evidence.verify(KEY, envelope)


@pytest.mark.parametrize("field", [f for f in evidence.DELIVERY_FIELDS if f not in ("v", "kind")])
def test_any_changed_delivery_field_fails(field):
    envelope = delivery_envelope()
    original = envelope[field]
    envelope[field] = original + 1 if isinstance(original, int) else str(original) + "x"
    with pytest.raises(evidence.InvalidEvidence):
        evidence.verify(KEY, envelope)


def test_another_key_fails():
    with pytest.raises(evidence.InvalidEvidence):
        evidence.verify(OTHER_KEY, message_envelope())
    with pytest.raises(evidence.InvalidEvidence):
        evidence.verify(KEY, message_envelope(key=OTHER_KEY))


def test_a_changed_mac_fails():
    envelope = message_envelope()
    mac = envelope["mac"]
    envelope["mac"] = ("A" if mac[0] != "A" else "B") + mac[1:]
    with pytest.raises(evidence.InvalidEvidence):
        evidence.verify(KEY, envelope)


@pytest.mark.parametrize("mangle", [
    lambda e: None,
    lambda e: "not a dict",
    lambda e: [e],
    lambda e: {k: v for k, v in e.items() if k != "mac"},
    lambda e: {**e, "mac": None},
    lambda e: {**e, "mac": 12345},
    lambda e: {k: v for k, v in e.items() if k != "at"},        # a signed field missing
    lambda e: {**e, "extra": "x"},                                # a field no version signs
    lambda e: {**e, "kind": "receipt"},                           # an unknown kind
    lambda e: {**e, "v": "1"},                                    # the version as text
], ids=["none", "string", "list", "no-mac", "mac-none", "mac-int", "field-missing", "extra-field", "kind", "version"])
def test_wrong_shapes_fail(mangle):
    with pytest.raises(evidence.InvalidEvidence):
        evidence.verify(KEY, mangle(copy.deepcopy(message_envelope())))


def test_a_message_envelope_is_no_delivery_envelope():
    # The kinds sign different field sets: relabelling one as the other cannot verify.
    envelope = message_envelope()
    envelope["kind"] = "delivery"
    with pytest.raises(evidence.InvalidEvidence):
        evidence.verify(KEY, envelope)


# --- the key -----------------------------------------------------------------------------------------------------


def test_the_key_is_created_once_private_and_then_reused(tmp_path):
    path = tmp_path / "keys" / evidence.EVIDENCE_KEY_FILE
    first = evidence.load_or_create_key(path)
    assert len(first) == evidence.SECRET_BYTES
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert evidence.load_or_create_key(path) == first
    assert evidence.key_from_env({evidence.ENV_KEY_PATH: str(path)}) == first
    assert evidence.key_from_env({}) is None


def test_a_short_key_file_is_refused(tmp_path):
    path = tmp_path / "short.key"
    path.write_bytes(b"too short")
    with pytest.raises(ValueError):
        evidence.load_or_create_key(path)


# --- what a journey needs ----------------------------------------------------------------------------------------


def test_parse_time_needs_an_offset():
    assert evidence.parse_time("2026-01-05T08:00:00+08:00") is not None
    assert evidence.parse_time("2026-01-05T08:00:00Z") is not None
    assert evidence.parse_time("2026-01-05T08:00:00") is None
    assert evidence.parse_time("yesterday") is None
    assert evidence.parse_time(None) is None


def test_is_notice_section():
    assert evidence.is_notice_section({"text": SECTION_TEXT, "custom": SECTION})
    assert not evidence.is_notice_section({"text": "请确认", "custom": {"stage": "affirmation_request"}})
    assert not evidence.is_notice_section({"text": SECTION_TEXT})
    assert not evidence.is_notice_section({"custom": "notice_section"})
    assert not evidence.is_notice_section(None)


def _section(index: int, delivered_at: str, **changes):
    changes.setdefault("custom", {**SECTION, "index": index})
    return delivery_envelope(delivered_at=delivered_at, **changes)


def test_deliveries_for_keeps_the_earliest_of_each_section_of_that_version_person_and_channel():
    sender = "0123456789abcdef0123456789abcdef"
    late = _section(1, "2026-01-05T08:05:00.000+00:00")
    early = _section(1, "2026-01-05T08:01:00.000+00:00")
    envelopes = [
        late, early, _section(2, "2026-01-05T08:02:00.000+00:00"),
        _section(3, "2026-01-05T08:03:00.000+00:00", channel="rest"),        # another channel
        _section(4, "2026-01-05T08:03:00.000+00:00", sender="someone-else"),  # another person
        _section(5, "2026-01-05T08:03:00.000+00:00", custom={**SECTION, "index": 5, "notice_version": "b" * 64}),
        _section(6, "2026-01-05T08:03:00.000+00:00", custom={**SECTION, "index": 6, "item_code": "OTHER"}),
        message_envelope(),                                                   # not a delivery
        {**_section(7, "2026-01-05T08:03:00.000+00:00"), "section": "7"},    # a section that is no number
        {**_section(7, "2026-01-05T08:03:00.000+00:00"), "section": True},
        "junk", None,
    ]
    found = evidence.deliveries_for(envelopes, channel="socketio", sender=sender, item_code="ZZ-GZF-001",
                                    notice_version="a" * 64)
    assert sorted(found) == [1, 2]
    assert found[1] is early
    assert evidence.missing_sections(found, 7) == [3, 4, 5, 6, 7]
    assert evidence.deliveries_for(None, channel="socketio", sender=sender, item_code="ZZ-GZF-001",
                                   notice_version="a" * 64) == {}


def test_missing_sections():
    assert evidence.missing_sections({}, 3) == [1, 2, 3]
    assert evidence.missing_sections({1: {}, 2: {}, 3: {}}, 3) == []
    assert evidence.missing_sections({2: {}}, 0) == []


def test_notice_section_text_is_what_the_chat_shows():
    assert evidence.notice_section_text(1, 7, "事项名称", "公租房") == "告知书（1/7）事项名称：公租房"
