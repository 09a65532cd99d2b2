"""What an attacker can build: commitment requests, evidence envelopes and action-server calls, by hand.

Envelopes are made with the real signing code (bot/core/evidence.py) and one of three keys: none (unsigned), a
key the attacker made up (self-signed), or the stack's own channel key (what only the Rasa channels hold). The
last one stands for a stolen key or a tricked channel: with it the MACs are right, so what refuses the request
must be the API's checks of the story the envelopes tell (times, channel, sender, phone, replay).
"""
from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

import httpx

from bot.core import evidence
from bot.core.affirmation import statement
from bot.core.catalogue import Item

ZHANG_WEI = ("张伟", "410105199001011233")
AFFIRMATION = "本人承诺"
NOTICE_ACK = "已阅读"


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def now() -> datetime:
    return datetime.now(timezone.utc)


def min_reading_seconds() -> float:
    """``GZ_MIN_READING_SECONDS`` as the servers of the stack inherit it (tests/e2e/conftest.py sets 1)."""
    return float(os.environ.get("GZ_MIN_READING_SECONDS") or 15)


def channel_key(stack) -> bytes:
    """The channel evidence key of the running stack (what the Rasa server and the API read)."""
    path = Path(stack.config.var_dir) / "keys" / evidence.EVIDENCE_KEY_FILE
    return path.read_bytes()


def attacker_key() -> bytes:
    return secrets.token_bytes(evidence.SECRET_BYTES)


def service_headers(stack) -> Dict[str, str]:
    """The action server's API credential: the attacker of these tests holds it."""
    return {"X-Service-Token": stack.service_token}


def chain_length(stack) -> int:
    """How many commitments the API has signed: a refused attack must leave it unchanged."""
    response = httpx.get(f"{stack.config.api_url}/api/v1/chain/verify", timeout=30)
    response.raise_for_status()
    return int(response.json()["length"])


def error_code(response: httpx.Response) -> Optional[str]:
    """The API's refusal code (``{"error": ...}``; ``code`` is accepted too, whichever the API names it)."""
    try:
        body = response.json()
    except ValueError:
        return None
    if isinstance(body, dict) and isinstance(body.get("detail"), dict):
        body = body["detail"]
    if not isinstance(body, dict):
        return None
    return body.get("code") or body.get("error")


@dataclass
class Timeline:
    """When each part of a forged conversation claims to have happened."""

    sent_at: datetime
    delivered_at: datetime
    ack_at: datetime
    affirmation_at: datetime

    @classmethod
    def plausible(cls, end: Optional[datetime] = None) -> "Timeline":
        """A conversation that looks right: sections delivered, read a second longer than the minimum, affirmed
        at ``end`` (now). Short on purpose: a stack that has just started published its notice versions only
        moments ago, and evidence older than that is refused as ``before_publication``."""
        end = end or now()
        ack = end - timedelta(seconds=1)
        delivered = ack - timedelta(seconds=min_reading_seconds() + 1.0)
        return cls(delivered - timedelta(milliseconds=300), delivered, ack, end)

    @classmethod
    def same_instant(cls, moment: Optional[datetime] = None) -> "Timeline":
        moment = moment or now()
        return cls(moment, moment, moment, moment)


def _sign(key: Optional[bytes], envelope: Dict[str, Any]) -> Dict[str, Any]:
    """``key`` None: the attacker cannot sign; the envelope carries a MAC-shaped string of random bytes."""
    if key is None:
        envelope = dict(envelope)
        envelope["mac"] = secrets.token_urlsafe(32)
    return envelope


def message_envelope(key: Optional[bytes], *, channel: str, sender: str, text: str, at: datetime,
                     message_id: Optional[str] = None) -> Dict[str, Any]:
    signing_key = key if key is not None else attacker_key()
    envelope = evidence.sign_message(signing_key, channel=channel, sender=sender,
                                     message_id=message_id or uuid.uuid4().hex, text=text, at=iso(at))
    return _sign(key, envelope)


def delivery_envelopes(key: Optional[bytes], item: Item, *, channel: str, sender: str,
                       timeline: Timeline) -> List[Dict[str, Any]]:
    """One delivery per section, with the exact text the bot utters (so only the MAC can be wrong)."""
    signing_key = key if key is not None else attacker_key()
    total = len(item.notice)
    found = []
    for section in item.notice:
        custom = {"stage": "notice_section", "item_code": item.code, "notice_version": item.notice_version,
                  "index": section.index, "total": total, "title": section.title}
        text = evidence.notice_section_text(section.index, total, section.title, section.text)
        envelope = evidence.sign_delivery(signing_key, channel=channel, sender=sender, custom=custom, text=text,
                                          sent_at=iso(timeline.sent_at), delivered_at=iso(timeline.delivered_at))
        found.append(_sign(key, envelope))
    return found


def commitment_request(
    key: Optional[bytes],
    item: Item,
    *,
    channel: str = "socketio",
    sender: Optional[str] = None,
    who=ZHANG_WEI,
    phone: str = "13800138000",
    timeline: Optional[Timeline] = None,
    affirmation_id: Optional[str] = None,
) -> Dict[str, Any]:
    """A complete commitment request as the action server would send it, with the evidence the design asks
    for; every time field agrees with its envelope, so only what the test changes can be wrong."""
    sender = sender or f"forged-{uuid.uuid4().hex[:10]}"
    timeline = timeline or Timeline.plausible()
    ack = message_envelope(key, channel=channel, sender=sender, text=NOTICE_ACK, at=timeline.ack_at)
    affirmation = message_envelope(key, channel=channel, sender=sender, text=AFFIRMATION,
                                   at=timeline.affirmation_at, message_id=affirmation_id)
    deliveries = delivery_envelopes(key, item, channel=channel, sender=sender, timeline=timeline)
    return {
        "idempotency_key": uuid.uuid4().hex,
        "item_code": item.code,
        "notice_version": item.notice_version,
        "channel": channel,
        "sender_id": sender,
        "applicant": {"name": who[0], "id_number": who[1]},
        "phone": phone,
        "evidence": {
            "affirmation_text": affirmation["text"],
            "affirmation_at": affirmation["at"],
            "statement": statement(item.name, "self", who[0], None),
            "notice_sections_sent_at": [iso(timeline.sent_at)] * len(item.notice),
            "notice_ack_at": ack["at"],
            "channel_evidence": {"notice_ack": ack, "affirmation": affirmation, "deliveries": deliveries},
        },
    }


def submit(stack, body: Dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{stack.config.api_url}/api/v1/commitments", json=body, headers=service_headers(stack),
                      timeout=30)
