"""Rules of the hotline-assisted commitment, shared by the action server and the API.

A 12345 hotline staff member runs the journey for a caller. The written notification (R6) is then *read aloud*
section by section, and the caller's commitment (R7) is spoken, typed by the staff member and attested. Three
things make such a commitment evidence rather than hearsay (P2):

- a read-aloud tick per notification section, timestamped by the platform when the staff member ticks it;
- the staff member's attestation, in these exact words: ``ATTESTATION``;
- who took it (staff id) and which call it was (call id or the caller's phone number).

The journey (actions/journey.py) refuses a hotline affirmation that lacks any of them; the API
(api/commitments/service.py) checks them again on the signed record. Both use ``evidence_problem`` below.

The hotline channel of Rasa (bot/channels/hotline.py) only accepts messages carrying a *channel token* minted by the
API for one assisted session (``sign_token`` / ``verify_token``): an HMAC-SHA256 over the session's claims
(sender id, staff id, call id, caller phone, expiry) with a secret both sides read from a 0600 file. The
claims, not the request body, say who is calling for whom.

Standard library only: both virtualenvs import this module.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional

from bot.core import evidence, keyfile

CHANNEL = "hotline"
ATTESTATION = "来电人已口头明确作出上述承诺，本人如实记录"
# Tolerance between the clocks of the action server (notice sent) and the API (read-aloud tick).
CLOCK_SKEW = timedelta(minutes=5)
SECRET_BYTES = 32
TOKEN_VERSION = 1
SENDER_PREFIX = "hotline-"

# Problem codes (``ask.error`` of the contract when the journey re-asks the affirmation).
READ_ALOUD_INCOMPLETE = "read_aloud_incomplete"
ATTESTATION_REQUIRED = "attestation_required"
CALL_UNIDENTIFIED = "call_unidentified"
PROBLEM_TEXT = {
    READ_ALOUD_INCOMPLETE: "告知书还有部分没有勾选“已宣读”：电话办理须逐部分向来电人宣读告知书全文，每部分宣读后勾选。",
    ATTESTATION_REQUIRED: f"请先勾选“{ATTESTATION}”，再提交来电人的承诺用语。",
    CALL_UNIDENTIFIED: "本次通话没有来电号码或通话编号，无法留存电话承诺的证据，请重新开始一个电话办理会话。",
}


# --- the evidence rule ------------------------------------------------------------------------------------


def parse_time(value: Any) -> Optional[datetime]:
    """An ISO-8601 timestamp with its UTC offset, or None."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else None
    return evidence.parse_time(value)


def ticks_by_section(read_aloud: Any) -> Dict[int, datetime]:
    """``[{index, at}, ...]`` -> {index: time}; malformed entries are ignored (they count as missing)."""
    ticks: Dict[int, datetime] = {}
    for tick in read_aloud if isinstance(read_aloud, list) else []:
        if not isinstance(tick, Mapping):
            continue
        index, at = tick.get("index"), parse_time(tick.get("at"))
        if isinstance(index, int) and not isinstance(index, bool) and at is not None:
            ticks[index] = at
    return ticks


def evidence_problem(
    assisted: Mapping[str, Any],
    *,
    total_sections: int,
    notice_version: Optional[str] = None,
    sections_sent_at: Iterable[Any] = (),
) -> Optional[str]:
    """None when ``assisted`` proves a read-aloud notification and an attested spoken commitment; else a code.

    ``assisted``: ``{staff_id, call_id, caller_phone, notice_version, read_aloud: [{index, at}], attestation}``.
    Every section 1..total must be ticked (R6: the *whole* notification), no tick may precede the moment its
    section reached the console, and the attestation must be the exact sentence (R7: explicit, and recorded).
    """
    if not (assisted.get("call_id") or assisted.get("caller_phone")) or not assisted.get("staff_id"):
        return CALL_UNIDENTIFIED
    if notice_version is not None and assisted.get("notice_version") != notice_version:
        return READ_ALOUD_INCOMPLETE  # ticks of another version of the notification do not count (P2)
    ticks = ticks_by_section(assisted.get("read_aloud"))
    if set(ticks) != set(range(1, total_sections + 1)):
        return READ_ALOUD_INCOMPLETE
    for index, sent in enumerate(sections_sent_at, start=1):
        sent_at = parse_time(sent)
        if sent_at is not None and index in ticks and ticks[index] < sent_at - CLOCK_SKEW:
            return READ_ALOUD_INCOMPLETE  # ticked before the section was there to be read
    if assisted.get("attestation") != ATTESTATION:
        return ATTESTATION_REQUIRED
    return None


# --- the channel token ------------------------------------------------------------------------------------


def load_or_create_secret(path: Path) -> bytes:
    """The HMAC secret of channel tokens: created 0600 on first use (atomically, whoever comes first)."""
    return keyfile.load_or_create(path, SECRET_BYTES, "hotline channel secret")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_token(secret: bytes, claims: Mapping[str, Any], *, ttl_seconds: int = 600, now: Optional[float] = None) -> str:
    """``<claims>.<mac>``, both base64url; ``exp`` is added (seconds since the epoch)."""
    body = dict(claims, v=TOKEN_VERSION, exp=int((now if now is not None else time.time()) + ttl_seconds))
    payload = _b64(json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"))
    mac = hmac.new(secret, payload.encode("ascii"), hashlib.sha256).digest()
    return f"{payload}.{_b64(mac)}"


class InvalidToken(ValueError):
    pass


def verify_token(secret: bytes, token: str, *, now: Optional[float] = None) -> Dict[str, Any]:
    """The claims of a valid, unexpired token; ``InvalidToken`` otherwise (never says which part failed)."""
    try:
        payload, mac = token.strip().split(".")
        expected = hmac.new(secret, payload.encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(mac)):
            raise InvalidToken("bad token")
        claims = json.loads(_unb64(payload))
    except (ValueError, UnicodeError, AttributeError) as exc:
        raise InvalidToken("bad token") from exc
    if not isinstance(claims, dict) or claims.get("v") != TOKEN_VERSION:
        raise InvalidToken("bad token")
    if not isinstance(claims.get("exp"), int) or claims["exp"] < (now if now is not None else time.time()):
        raise InvalidToken("expired token")
    if not isinstance(claims.get("sender"), str) or not claims["sender"].startswith(SENDER_PREFIX):
        raise InvalidToken("bad token")
    return claims


def read_aloud_list(ticks: Mapping[int, Any]) -> List[Dict[str, Any]]:
    """{index: iso time} -> the ordered list the evidence carries."""
    return [{"index": int(index), "at": ticks[index]} for index in sorted(ticks, key=int)]
