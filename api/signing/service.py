"""The platform signing key (P3) and the secret that keys integrity files (R16, P5).

Both are files created on first use with mode 0600; losing the signing key does not invalidate old signatures
(the public key is published at ``/api/v1/keys/platform``), but losing the ID-hash key orphans every
integrity file, so both belong in the backup.

Rotation (P3): a receipt must still verify years after the key that signed it was replaced (after a
compromise, or by yearly policy). ``rotate`` (``python -m api.cli rotate-signing-key``) first saves the current
public key in the retired-keys directory (``<key id, ':' as '_'>.pem``, SubjectPublicKeyInfo PEM), then
replaces the private key; every record names its signer in ``key_id``, and verification picks the public key by
that id among the current and the retired ones. A retired file's name must be the fingerprint of its content,
so nobody can slip a different key in under a known id.
"""
from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
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


class RetiredKeyError(ValueError):
    """A file in the retired-keys directory that is not the public key its name says (refused at start-up)."""


def key_id_of(public_key: Ed25519PublicKey) -> str:
    """Fingerprint of the raw public key, so a receipt names the key that signed it."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "ed25519:" + hashlib.sha256(raw).hexdigest()[:16]


def retired_file_name(key_id: str) -> str:
    # ':' is not allowed in a Kubernetes ConfigMap key (nor on some file systems), hence '_'.
    return key_id.replace(":", "_") + ".pem"


def public_pem(public_key: Ed25519PublicKey) -> str:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def _verify(public_key: Ed25519PublicKey, data: bytes, signature_b64: str) -> bool:
    try:
        signature = base64.b64decode(signature_b64, validate=True)
        public_key.verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class PlatformKey:
    """The current signing key, plus the public halves of the keys it replaced (by key id)."""

    private_key: Ed25519PrivateKey
    retired: Mapping[str, Ed25519PublicKey] = field(default_factory=dict, compare=False)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_key_pem(self) -> str:
        return public_pem(self.public_key)

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    def sign(self, data: bytes) -> str:
        return base64.b64encode(self.private_key.sign(data)).decode("ascii")

    def verify(self, data: bytes, signature_b64: str) -> bool:
        """With the current key only."""
        return _verify(self.public_key, data, signature_b64)

    def public_key_for(self, key_id: str) -> Optional[Ed25519PublicKey]:
        if key_id == self.key_id:
            return self.public_key
        return self.retired.get(key_id)

    def verify_as(self, key_id: str, data: bytes, signature_b64: str) -> bool:
        """Check a signature with the key the record names (current or retired); an unknown id is False."""
        public_key = self.public_key_for(key_id)
        return public_key is not None and _verify(public_key, data, signature_b64)

    def published(self) -> List[Tuple[str, Ed25519PublicKey, str]]:
        """Every key an auditor may need: (key id, public key, "current" | "retired"), current first."""
        keys = [(self.key_id, self.public_key, "current")]
        # A crash between the two steps of ``rotate`` leaves the current key also in the retired directory.
        keys += [(kid, key, "retired") for kid, key in sorted(self.retired.items()) if kid != self.key_id]
        return keys


def _read_retired(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise RetiredKeyError(f"retired signing key {path}: not a PEM public key ({exc})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise RetiredKeyError(f"retired signing key {path}: not an Ed25519 public key")
    expected = retired_file_name(key_id_of(key))
    if path.name != expected:
        raise RetiredKeyError(
            f"retired signing key {path}: holds key {key_id_of(key)}, so its file must be named {expected}; "
            "refusing to start (a key filed under another key's id could vouch for records it never signed)"
        )
    return key


def load_retired_keys(directory: Optional[Path]) -> Dict[str, Ed25519PublicKey]:
    """The ``*.pem`` public keys of ``directory`` by key id; a missing directory is no retired key.

    Only ``*.pem`` files count: a Kubernetes ConfigMap mount also holds ``..data`` links and a timestamped
    directory."""
    if directory is None or not directory.is_dir():
        return {}
    keys: Dict[str, Ed25519PublicKey] = {}
    for path in sorted(directory.iterdir()):
        if path.name.endswith(".pem") and path.is_file():
            key = _read_retired(path)
            keys[key_id_of(key)] = key
    return keys


def _read_private(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path}: not an Ed25519 private key")
    return key


def _private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def load_or_create_platform_key(path: Path, retired_dir: Optional[Path] = None) -> PlatformKey:
    if not path.exists():
        _write_secret_file(path, _private_pem(Ed25519PrivateKey.generate()))
    return PlatformKey(_read_private(path), load_retired_keys(retired_dir))


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_durably(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to a temp file of ``mode`` beside ``path``, fsync it, rename it over ``path``, fsync the
    directory: a crash leaves either the old file or the new one, never half of either."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)  # whatever the umask
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def rotate(path: Path, retired_dir: Path) -> Tuple[str, str]:
    """Retire the current signing key and put a new one in its place; returns (old key id, new key id).

    Order matters (P3): the old public key is written and synced to ``retired_dir`` before the private key is
    replaced, so no crash can leave records whose signer is unknown. Running it again after a crash between the
    two steps is harmless. API processes keep the key they loaded until restarted; what they sign meanwhile
    carries the old key id, which stays verifiable as a retired key."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no signing key to rotate")
    load_retired_keys(retired_dir)  # refuse to add to a directory the API would refuse to start with
    old = _read_private(path)
    old_id = key_id_of(old.public_key())
    retired_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    _replace_durably(retired_dir / retired_file_name(old_id), public_pem(old.public_key()).encode("ascii"), 0o644)
    new = Ed25519PrivateKey.generate()
    _replace_durably(path, _private_pem(new), 0o600)
    return old_id, key_id_of(new.public_key())


def load_or_create_id_hash_key(path: Path) -> bytes:
    if not path.exists():
        _write_secret_file(path, secrets.token_bytes(ID_HASH_KEY_BYTES))
    key = path.read_bytes()
    if len(key) < ID_HASH_KEY_BYTES:
        raise ValueError(f"{path}: the ID-hash key must be at least {ID_HASH_KEY_BYTES} bytes")
    return key
