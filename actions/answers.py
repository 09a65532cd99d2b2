"""The parsers the lifecycle flows and the engine reach directly, as thin names over ``actions.interpret``.

Every answer is read by ``actions.interpret.interpret``; this module only keeps the few functions other
modules call on a whole message (stop words, a commitment number, a declined optional answer, a free
text long enough to be one), so that there is one reading of each and no second set of rules.
"""
from __future__ import annotations

import re
from typing import Optional

from actions import interpret as _interpret

COMMITMENT_NO_RE = _interpret.COMMITMENT_NO
REPEAT_RE = _interpret.REPEAT


def clean(text: Optional[str], limit: int = 2000) -> str:
    """The shared normal form (full-width, traditional, zero-width), trimmed and bounded so a huge
    message costs nothing."""
    return _interpret.prepare(text, limit)


def is_question(text: str) -> bool:
    return _interpret.is_question(clean(text))


def is_cancel(text: str) -> bool:
    return _interpret.is_cancel(clean(text))


def parse_yes_no(text: str) -> Optional[str]:
    """'yes' / 'no' / None for a plain yes-or-no answer (the commitment choice's reading). The journey
    itself reads each question with its own interpreter; this is for checks over whole transcripts."""
    reading = _interpret.interpret("use_commitment", text or "")
    return reading.value if reading.kind == "value" else None


def parse_commitment_no(text: str) -> Optional[str]:
    """``CN20261127-000001`` from a message that contains a commitment number, else ``None``."""
    return _interpret.commitment_number(clean(text, 300))


def is_cancel_only(text: str) -> bool:
    """The whole message only says "stop"; where free text is asked for, anything more is the text."""
    return _interpret.is_cancel_only(clean(text, 100))


def is_skip(text: str) -> bool:
    """An optional answer declined ("没有", "匿名", "跳过", "不知道编号")."""
    return _interpret.skips(clean(text, 200))


_CONTENT_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def parse_free_text(text: str, min_chars: int = 2, limit: int = 1000) -> Optional[str]:
    """A free text with at least ``min_chars`` letters or digits that is more than a bare yes/no."""
    t = clean(text, limit)
    if len(_CONTENT_CHARS.findall(t)) < min_chars:
        return None
    if re.sub(r"[\s,，.。!！~～]", "", t).lower() in _interpret.USE_COMMITMENT.bare:
        return None
    return t
