"""Random secrets kept in files: created 0600 on first use, atomically, whoever comes first.

The hotline channel's token secret, the channel-evidence key and the metrics token are each read by two
processes (the Rasa server or the action server, and the API) that may start at the same moment; ``O_EXCL``
makes exactly one of them write the file and the other read what it wrote. Standard library only: both
virtualenvs import this module.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def create_once(path: Path, data: bytes) -> bool:
    """Write ``data`` to a new file ``path`` with mode 0600; False when it exists (another process came first)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return True


def load_or_create(path: Path, size: int, what: str) -> bytes:
    """The secret in ``path``, created with ``size`` random bytes if absent; ``what`` names it in errors."""
    path = Path(path)
    if not path.exists():
        create_once(path, secrets.token_bytes(size))
    secret = path.read_bytes()
    if len(secret) < size:
        raise ValueError(f"{path}: {what} must be at least {size} bytes")
    return secret


def load_or_create_token(path: Path, what: str, min_chars: int = 32) -> str:
    """A text token (URL-safe, one line) in ``path``, created 0600 when missing; ``what`` names it in errors."""
    path = Path(path)
    create_once(path, (secrets.token_urlsafe(32) + "\n").encode("ascii"))
    token = path.read_text(encoding="ascii").strip()
    if len(token) < min_chars:
        raise ValueError(f"{path}: {what} must be at least {min_chars} characters")
    return token
