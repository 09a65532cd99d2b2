"""The embedded SMS gateway's outbox, read the way a person reads their phone (api/identity/sms.py).

The stack's API appends one JSON object per line to ``<var>/sms-outbox.jsonl``: ``{to, text, code, at}``. A test
types back the newest code sent to a phone, as the phone's owner would; nobody else's code is ever read.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

OUTBOX_FILE = "sms-outbox.jsonl"

def outbox_path(stack: Any) -> Path:
    """Where this stack's API writes its SMS (``GZ_SMS_OUTBOX_PATH`` if the run sets one, as the API reads it)."""
    configured = os.environ.get("GZ_SMS_OUTBOX_PATH")
    return Path(configured) if configured else Path(stack.config.var_dir) / OUTBOX_FILE


def messages(path: Path) -> List[Dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in lines if line.strip()]


def count(path: Path) -> int:
    return len(messages(path))


def masked_matches(phone: str, masked: str) -> bool:
    """Whether ``masked`` (the bot's ``sent_to``, e.g. 138****8000) can be ``phone``."""
    return len(masked) == len(phone) and all(m == "*" or m == p for m, p in zip(masked, phone))


def newest_to(path: Path, phone: str, since: int = 0, timeout: float = 10.0) -> Dict[str, Any]:
    """The newest SMS to ``phone`` among the lines after the first ``since`` (waiting a little: the API writes the
    line before it answers, but a test may read from another process's point of view)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in messages(path)[since:] if m.get("to") == phone]
        if found:
            return found[-1]
        if time.monotonic() >= deadline:
            raise AssertionError(f"no SMS to {phone[:3]}****{phone[-4:]} in {path.name} after line {since}")
        time.sleep(0.1)


def phone_for(path: Path, masked: str, since: int = 0) -> str:
    """The full number behind a masked one, from the outbox lines after ``since`` (the code just sent)."""
    phones = {m["to"] for m in messages(path)[since:] if masked_matches(m.get("to", ""), masked)}
    assert len(phones) == 1, f"expected one phone matching {masked} in the outbox, found {len(phones)}"
    return phones.pop()


def wrong_code(code: str) -> str:
    """A 6-digit code that is certainly not ``code``."""
    return f"{(int(code) + 1) % 1_000_000:06d}"


def newest_code(path: Path, phone: str, since: int = 0) -> Optional[str]:
    return newest_to(path, phone, since).get("code")
