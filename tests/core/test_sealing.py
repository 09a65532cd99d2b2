"""The data key ring (bot/core/sealing.py): AES-256-GCM envelopes for ID numbers at rest (P5)."""
from __future__ import annotations

import stat

import pytest

from bot.core import sealing
from bot.core.sealing import KeyRing, SealingError

ID = "410105199001011233"


def ring(*ids: str) -> KeyRing:
    return KeyRing.parse("".join(KeyRing.new_line(i) for i in ids))


def test_an_envelope_opens_only_in_its_place_and_hides_the_id():  # P5
    keys = ring("k1")
    envelope = keys.seal(ID, b"commitment:CN1")
    assert sealing.is_sealed(envelope) and envelope.startswith("gz1:k1:") and ID not in envelope
    assert keys.open(envelope, b"commitment:CN1") == ID
    assert keys.seal(ID, b"commitment:CN1") != envelope  # a fresh nonce every time
    with pytest.raises(SealingError):
        keys.open(envelope, b"commitment:CN2")  # moved to another row


@pytest.mark.parametrize("position", [10, 30, 50])
def test_an_altered_envelope_does_not_open(position):
    keys = ring("k1")
    envelope = keys.seal(ID, b"a")
    flipped = envelope[:position] + ("A" if envelope[position] != "A" else "B") + envelope[position + 1:]
    with pytest.raises(SealingError):
        keys.open(flipped, b"a")


def test_rotation_old_envelopes_open_new_ones_use_the_first_key():
    old = ring("k1")
    envelope = old.seal(ID)
    rotated = KeyRing.parse(KeyRing.new_line("k2") + "".join(f"{k}:{__import__('base64').b64encode(v).decode()}\n"
                                                              for k, v in old.keys.items()))
    assert rotated.active_id == "k2" and rotated.open(envelope) == ID
    assert rotated.seal(ID).startswith("gz1:k2:")
    with pytest.raises(SealingError, match="unknown data key"):
        ring("k3").open(envelope)
    with pytest.raises(SealingError):
        old.open("not an envelope")


@pytest.mark.parametrize("text,problem", [
    ("", "no key"), ("k1\n", "expected"), ("k1:!!!\n", "base64"), ("k1:AAAA\n", "32 bytes"),
    (KeyRing.new_line("k1") * 2, "twice"),
])
def test_a_bad_key_ring_is_refused_with_its_line(text, problem):
    with pytest.raises(ValueError, match=problem):
        KeyRing.parse(text)


def test_the_key_file_is_created_once_with_mode_0600(tmp_path):
    path = tmp_path / "keys" / "data.key"
    first = sealing.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sealing.load_or_create(path).keys == first.keys  # read, not replaced
