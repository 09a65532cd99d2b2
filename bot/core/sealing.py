"""Encryption at rest (P5): AES-256-GCM envelopes for ID numbers and for whatever text may contain one.

One data key ring serves every process that stores personal data: the API (the ID numbers inside a signed
commitment) and Rasa's tracker store (the events of a conversation, where a citizen typed their ID). Lookups
never decrypt: they go through the keyed blind index (HMAC of the normalised ID, ``api.credit.service.id_hash``),
which uses a separate key.

Key ring file (``GZ_DATA_KEY_PATH``, default ``var/keys/data.key``, mode 0600, never in the repository): one
key per line, ``<key id>:<base64 of 32 bytes>``. The first line is the active key, used to seal; the others
only open what they sealed before a rotation. ``load_or_create`` writes a fresh file with one random key.
Rotation: put a new line first, restart; old envelopes keep opening, new ones use the new key.

Envelope (a string, so it fits any text column or JSON value)::

    gz1:<key id>:<base64url(nonce 12 bytes || ciphertext || tag 16 bytes)>

The associated data binds an envelope to its place (e.g. ``b"commitment:CN20261127-000001"``): an envelope
copied into another row does not open there.
"""
from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Union

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "gz1:"
KEY_BYTES = 32
NONCE_BYTES = 12
ENV_KEY_PATH = "GZ_DATA_KEY_PATH"
DEFAULT_KEY_PATH = Path(__file__).resolve().parents[2] / "var" / "keys" / "data.key"


class SealingError(ValueError):
    """An envelope could not be opened: unknown key id, wrong associated data, or altered bytes."""


def key_path() -> Path:
    return Path(os.environ.get(ENV_KEY_PATH) or DEFAULT_KEY_PATH)


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


@dataclass(frozen=True)
class KeyRing:
    active_id: str
    keys: Dict[str, bytes]

    @classmethod
    def parse(cls, text: str, source: str = "data key ring") -> "KeyRing":
        keys: Dict[str, bytes] = {}
        active: Optional[str] = None
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key_id, sep, encoded = line.partition(":")
            if not sep or not key_id or ":" in encoded:
                raise ValueError(f"{source}, line {number}: expected '<key id>:<base64 key>'")
            try:
                key = base64.b64decode(encoded, validate=True)
            except ValueError:
                raise ValueError(f"{source}, line {number}: the key is not base64") from None
            if len(key) != KEY_BYTES:
                raise ValueError(f"{source}, line {number}: a data key must be {KEY_BYTES} bytes, got {len(key)}")
            if key_id in keys:
                raise ValueError(f"{source}, line {number}: key id {key_id!r} appears twice")
            keys[key_id] = key
            active = active or key_id
        if active is None:
            raise ValueError(f"{source}: no key")
        return cls(active, keys)

    @staticmethod
    def new_line(key_id: Optional[str] = None) -> str:
        key_id = key_id or "k" + secrets.token_hex(4)
        return f"{key_id}:{base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode('ascii')}\n"

    def _cipher(self, key_id: str) -> AESGCM:
        # One AESGCM object per key, built on first use (a ring is immutable; frozen dataclass, hence __dict__).
        ciphers = self.__dict__.setdefault("_ciphers", {})
        cipher = ciphers.get(key_id)
        if cipher is None:
            cipher = ciphers[key_id] = AESGCM(self.keys[key_id])
        return cipher

    def seal(self, plaintext: Union[str, bytes], aad: bytes = b"") -> str:
        data = plaintext.encode("utf-8") if isinstance(plaintext, str) else plaintext
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._cipher(self.active_id).encrypt(nonce, data, aad)
        return f"{PREFIX}{self.active_id}:{base64.urlsafe_b64encode(nonce + sealed).decode('ascii')}"

    def open_bytes(self, envelope: str, aad: bytes = b"") -> bytes:
        if not is_sealed(envelope):
            raise SealingError("not a sealed value")
        key_id, sep, encoded = envelope[len(PREFIX):].partition(":")
        if not sep or key_id not in self.keys:
            raise SealingError(f"unknown data key {key_id!r}")
        try:
            raw = base64.urlsafe_b64decode(encoded.encode("ascii"))
            return self._cipher(key_id).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad)
        except (InvalidTag, ValueError, UnicodeEncodeError):
            raise SealingError("the sealed value does not open: altered, or sealed for another place") from None

    def open(self, envelope: str, aad: bytes = b"") -> str:
        return self.open_bytes(envelope, aad).decode("utf-8")


def _write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two processes starting at once do not overwrite each other's fresh key.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(text)


def load(path: Optional[Path] = None) -> KeyRing:
    path = path or key_path()
    return KeyRing.parse(path.read_text(encoding="ascii"), str(path))


def load_or_create(path: Optional[Path] = None) -> KeyRing:
    path = path or key_path()
    if not path.exists():
        try:
            _write_secret(path, KeyRing.new_line())
        except FileExistsError:
            pass
    return load(path)
