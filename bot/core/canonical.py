"""Canonical JSON and hashing (P2, P3).

A signed commitment is stored as the exact bytes produced here, so that anyone can recompute its hash:
keys sorted, no insignificant whitespace, UTF-8 without ASCII escaping, no floats (amounts are strings).
"""
from __future__ import annotations

import hashlib
import json
from typing import Any


def _reject_floats(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("canonical JSON does not allow floats; use strings or integers")
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("canonical JSON keys must be strings")
            _reject_floats(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _reject_floats(v)


def canonical_json(value: Any) -> bytes:
    """Serialise ``value`` deterministically (sorted keys, compact separators, UTF-8)."""
    _reject_floats(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
