"""The platform signing key (P3) and the secret that keys integrity files (R16, P5).

Both are files created on first use with mode 0600; losing the signing key does not invalidate old signatures
(the public key is published at ``/api/v1/keys/platform``), but losing the ID-hash key orphans every
integrity file, so both belong in the backup.
"""
from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = "Ed25519"
ID_HASH_KEY_BYTES = 32


def _write_secret_file(path: Path, data: bytes) -> bool:
    """Create ``path`` with mode 0600 unless it exists; return False when another process won the race."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return True


@dataclass(frozen=True)
class PlatformKey:
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_key_pem(self) -> str:
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    @property
    def key_id(self) -> str:
        """Fingerprint of the raw public key, so a receipt names the key that signed it."""
        raw = self.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return "ed25519:" + hashlib.sha256(raw).hexdigest()[:16]

    def sign(self, data: bytes) -> str:
        return base64.b64encode(self.private_key.sign(data)).decode("ascii")

    def verify(self, data: bytes, signature_b64: str) -> bool:
        try:
            signature = base64.b64decode(signature_b64, validate=True)
            self.public_key.verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True


def load_or_create_platform_key(path: Path) -> PlatformKey:
    if not path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        _write_secret_file(path, pem)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path}: not an Ed25519 private key")
    return PlatformKey(key)


def load_or_create_id_hash_key(path: Path) -> bytes:
    if not path.exists():
        _write_secret_file(path, secrets.token_bytes(ID_HASH_KEY_BYTES))
    key = path.read_bytes()
    if len(key) < ID_HASH_KEY_BYTES:
        raise ValueError(f"{path}: the ID-hash key must be at least {ID_HASH_KEY_BYTES} bytes")
    return key
