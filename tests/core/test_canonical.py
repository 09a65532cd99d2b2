"""Canonical JSON (P3): the exact bytes that are hashed and signed must not depend on key order, whitespace or
the platform, and must keep Chinese text as UTF-8."""
from __future__ import annotations

import pytest

from bot.core.canonical import canonical_json, sha256_hex


def test_key_order_and_whitespace_do_not_matter():
    a = {"b": 1, "a": {"y": [1, 2], "x": "张伟"}}
    b = {"a": {"x": "张伟", "y": [1, 2]}, "b": 1}
    assert canonical_json(a) == canonical_json(b) == '{"a":{"x":"张伟","y":[1,2]},"b":1}'.encode()


def test_utf8_not_ascii_escapes():
    assert canonical_json({"k": "承诺"}) == '{"k":"承诺"}'.encode("utf-8")


@pytest.mark.parametrize("bad", [{"amount": 1.5}, {"a": [0.1]}, {1: "x"}])
def test_floats_and_non_string_keys_are_refused(bad):
    with pytest.raises(TypeError):
        canonical_json(bad)


def test_hash_is_sha256_of_the_bytes():
    assert sha256_hex(canonical_json({})) == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    assert sha256_hex("abc") == sha256_hex(b"abc")
