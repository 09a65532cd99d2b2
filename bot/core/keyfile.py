"""Random secrets kept in files: created 0600 on first use, atomically, whoever comes first.

The hotline channel's token secret and the channel-evidence key are both read by two processes (the Rasa
server and the API) that may start at the same moment; ``O_EXCL`` makes exactly one of them write the file and
the other read what it wrote. Standard library only: both virtualenvs import this module.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def load_or_create(path: Path, size: int, what: str) -> bytes:
    """The secret in ``path``, created with ``size`` random bytes if absent; ``what`` names it in errors."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(size))
    secret = path.read_bytes()
    if len(secret) < size:
        raise ValueError(f"{what} {path} is shorter than {size} bytes")
    return secret
