"""The platform signing keys (P3) and the secret that keys integrity files (R16, P5).

Every record is signed twice: Ed25519 (``platform_ed25519.pem``) and SM2 with SM3 (``platform_sm2.key`` beside
it, 64 hex digits; see ``api.signing.gm``), so a verifier bound to either family of standards can check it.

Both are files created on first use with mode 0600; losing the signing key does not invalidate old signatures
(the public key is published at ``/api/v1/keys/platform``), but losing the ID-hash key orphans every
integrity file, so both belong in the backup.

Rotation (P3): a receipt must still verify years after the key that signed it was replaced (after a
compromise, or by yearly policy). ``rotate`` (``python -m api.cli rotate-signing-key``) first saves the current
public key in the retired-keys directory (``<key id, ':' as '_'>.pem``, SubjectPublicKeyInfo PEM), then
replaces the private key; every record names its signer in ``key_id``, and verification picks the public key by
that id among the current and the retired ones. A retired file's name must be the fingerprint of its content,
so nobody can slip a different key in under a known id. SM2 keys rotate the same way, in the same directory
(``sm2_<fingerprint>.pem``, SubjectPublicKeyInfo with the SM2 curve), named in the record's ``sm2_key_id``.
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

from api.signing.gm import Sm2KeyError, Sm2PrivateKey, Sm2PublicKey
from bot.core import keyfile

ALGORITHM = "Ed25519"
SM2_PREFIX = "sm2_"
ID_HASH_KEY_BYTES = 32


class SigningKeyMissing(RuntimeError):
    """A signing key the platform needs is absent and cannot be created where it belongs."""


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


def decode_signature(signature_b64: str) -> Optional[bytes]:
    """The signature bytes of a stored base64 text, or None unless the text is exactly their standard encoding.

    Base64 has slack: the last character of a 64-byte value carries padding bits a lenient decoder ignores,
    so a stored signature could change and still verify. Any change to a stored byte must fail (P3)."""
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (ValueError, TypeError):
        return None
    return signature if base64.b64encode(signature).decode("ascii") == signature_b64 else None


def _verify(public_key: Ed25519PublicKey, data: bytes, signature_b64: str) -> bool:
    signature = decode_signature(signature_b64)
    if signature is None:
        return False
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def sm2_key_path(signing_key_path: Path) -> Path:
    """The SM2 private key lives beside the Ed25519 one, so whatever moves or mounts one moves the other."""
    return signing_key_path.with_name("platform_sm2.key")


def _verify_sm2(public_key: Sm2PublicKey, data: bytes, signature_b64: str) -> bool:
    signature = decode_signature(signature_b64)
    return signature is not None and public_key.verify(data, signature)


@dataclass(frozen=True)
class PlatformKey:
    """The current signing keys, plus the public halves of the keys they replaced (by key id).

    ``sm2`` is None only for a key built by hand without one (then records carry no SM2 signature)."""

    private_key: Ed25519PrivateKey
    retired: Mapping[str, Ed25519PublicKey] = field(default_factory=dict, compare=False)
    sm2: Optional[Sm2PrivateKey] = field(default=None, compare=False)
    retired_sm2: Mapping[str, Sm2PublicKey] = field(default_factory=dict, compare=False)

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

    # --- SM2 (GM/T 0003, SM3, default user id) ---------------------------------------------------------

    @property
    def sm2_key_id(self) -> Optional[str]:
        return self.sm2.public.key_id if self.sm2 is not None else None

    def sign_sm2(self, data: bytes) -> Optional[str]:
        """Base64 of ``r || s`` (64 bytes), or None without an SM2 key."""
        if self.sm2 is None:
            return None
        return base64.b64encode(self.sm2.sign(data)).decode("ascii")

    def sm2_public_key_for(self, key_id: str) -> Optional[Sm2PublicKey]:
        if self.sm2 is not None and key_id == self.sm2.public.key_id:
            return self.sm2.public
        return self.retired_sm2.get(key_id)

    def verify_sm2_as(self, key_id: str, data: bytes, signature_b64: str) -> bool:
        """Like ``verify_as`` for SM2: the key the record names, current or retired; unknown id is False."""
        public_key = self.sm2_public_key_for(key_id)
        return public_key is not None and _verify_sm2(public_key, data, signature_b64)

    def published_sm2(self) -> List[Tuple[str, Sm2PublicKey, str]]:
        keys = [(self.sm2.public.key_id, self.sm2.public, "current")] if self.sm2 is not None else []
        current = self.sm2_key_id
        keys += [(kid, key, "retired") for kid, key in sorted(self.retired_sm2.items()) if kid != current]
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


def _read_retired_sm2(path: Path) -> Sm2PublicKey:
    try:
        key = Sm2PublicKey.from_pem(path.read_text(encoding="ascii"))
    except (Sm2KeyError, UnicodeDecodeError) as exc:
        raise RetiredKeyError(f"retired SM2 key {path}: not an SM2 public key ({exc})") from exc
    expected = retired_file_name(key.key_id)
    if path.name != expected:
        raise RetiredKeyError(
            f"retired SM2 key {path}: holds key {key.key_id}, so its file must be named {expected}; "
            "refusing to start (a key filed under another key's id could vouch for records it never signed)"
        )
    return key


def _retired_files(directory: Optional[Path]) -> List[Path]:
    # Only ``*.pem`` files count: a Kubernetes ConfigMap mount also holds ``..data`` links and a timestamped
    # directory.
    if directory is None or not directory.is_dir():
        return []
    return [p for p in sorted(directory.iterdir()) if p.name.endswith(".pem") and p.is_file()]


def load_retired_keys(directory: Optional[Path]) -> Dict[str, Ed25519PublicKey]:
    """The Ed25519 ``*.pem`` public keys of ``directory`` by key id; a missing directory is no retired key."""
    keys: Dict[str, Ed25519PublicKey] = {}
    for path in _retired_files(directory):
        if not path.name.startswith(SM2_PREFIX):
            key = _read_retired(path)
            keys[key_id_of(key)] = key
    return keys


def load_retired_sm2_keys(directory: Optional[Path]) -> Dict[str, Sm2PublicKey]:
    """The SM2 ``sm2_*.pem`` public keys of ``directory`` by key id."""
    keys: Dict[str, Sm2PublicKey] = {}
    for path in _retired_files(directory):
        if path.name.startswith(SM2_PREFIX):
            key = _read_retired_sm2(path)
            keys[key.key_id] = key
    return keys


def _read_private(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path}: not an Ed25519 private key")
    return key


def _private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def _read_sm2_private(path: Path) -> Sm2PrivateKey:
    try:
        return Sm2PrivateKey.from_hex(path.read_text(encoding="ascii"))
    except (Sm2KeyError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not an SM2 private key ({exc})") from exc


def _sm2_private_text(key: Sm2PrivateKey) -> bytes:
    return (key.to_hex() + "\n").encode("ascii")


def load_or_create_platform_key(path: Path, retired_dir: Optional[Path] = None) -> PlatformKey:
    if not path.exists():
        keyfile.create_once(path, _private_pem(Ed25519PrivateKey.generate()))
    sm2_path = sm2_key_path(path)
    if not sm2_path.exists():
        # Also for a deployment that ran before SM2: its next start adds the key beside the Ed25519 one.
        try:
            keyfile.create_once(sm2_path, _sm2_private_text(Sm2PrivateKey.generate()))
        except OSError as exc:
            # A read-only key mount (Kubernetes secret): refuse to start rather than sign without SM2.
            raise SigningKeyMissing(
                f"{sm2_path}: no SM2 signing key, and it cannot be created there ({exc.strerror}). Create it "
                f"once with `python -m api.cli init` (or any 64 hex digits in [1, n-2]) and provide it beside {path.name}."
            ) from exc
    sm2 = _read_sm2_private(sm2_path)
    # Derives the public key now, which also builds the fixed-base table every signature uses: at start-up,
    # not in the first commitment's request.
    _ = sm2.public
    return PlatformKey(
        _read_private(path),
        load_retired_keys(retired_dir),
        sm2=sm2,
        retired_sm2=load_retired_sm2_keys(retired_dir),
    )


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
    load_retired_sm2_keys(retired_dir)
    old = _read_private(path)
    old_id = key_id_of(old.public_key())
    retired_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    _replace_durably(retired_dir / retired_file_name(old_id), public_pem(old.public_key()).encode("ascii"), 0o644)
    new = Ed25519PrivateKey.generate()
    _replace_durably(path, _private_pem(new), 0o600)
    return old_id, key_id_of(new.public_key())


def rotate_sm2(signing_key_path: Path, retired_dir: Path) -> Tuple[Optional[str], str]:
    """``rotate`` for the SM2 key beside ``signing_key_path``, in the same order (public half retired and
    synced first); returns (old key id or None when there was none, new key id)."""
    load_retired_keys(retired_dir)
    load_retired_sm2_keys(retired_dir)
    path = sm2_key_path(signing_key_path)
    old_id: Optional[str] = None
    if path.exists():
        old = _read_sm2_private(path).public
        old_id = old.key_id
        retired_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        _replace_durably(retired_dir / retired_file_name(old_id), old.pem().encode("ascii"), 0o644)
    new = Sm2PrivateKey.generate()
    _replace_durably(path, _sm2_private_text(new), 0o600)
    return old_id, new.public.key_id


def load_or_create_id_hash_key(path: Path) -> bytes:
    return keyfile.load_or_create(path, ID_HASH_KEY_BYTES, "the ID-hash key")
