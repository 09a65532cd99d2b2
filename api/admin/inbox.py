"""The inbox of what the bot misunderstood, read from Rasa's tracker store (its SQL ``events`` table).

An entry is a user message that the model was unsure of (intent confidence below the threshold), that fell
back (``nlu_fallback``), that preceded a hand-off to a person, or that the explicit-affirmation rule rejected
(``affirmation_rejected``), or for which discovery found no catalogue item (``item_not_found``: the model
may be sure the citizen described a need, yet nothing matched; exactly what an alias fixes). Identical texts are one entry with a count. What is shown is masked: ID, USCC and
phone numbers through ``bot.core.ids.mask_text``, senders as a short hash (P5); answers to questions that ask
for personal data (names, ID numbers, phone ...) are not listed at all.

The events' ``data`` is sealed at rest (P5, bot/rasa/tracker_store.py): each row is opened with the data key ring the
API and Rasa share (``GZ_DATA_KEY_PATH``, ``Settings.data_key_path``) and the row's sender as associated data
(bot/core/tracker_events.py, the kernel's one definition of a sealed row for both virtualenvs);
rows written before encryption are clear JSON and read as they are. A row that does not open (altered, moved to
another conversation, sealed with a key no longer in the ring) is left out and counted in the log, never shown.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional, Set

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from bot.core import sealing
from bot.core.ids import mask_text, normalize
from bot.core.tracker_events import open_event_data

logger = logging.getLogger(__name__)

# Slots whose answers are personal data: never shown in the inbox, never proposed as training examples (P5).
PERSONAL_SLOTS = frozenset({
    "applicant_name", "applicant_id", "agent_name", "agent_id", "authorization_no", "phone", "commitment_no",
    "withdraw_reason", "complaint_text",
})
# The intents after which the bot searches the catalogue (data/rules.yml: action_discover_item).
DISCOVERY_INTENTS = frozenset({"describe_need", "nlu_fallback", "inform"})
REASON_TEXT = {
    "low_confidence": "置信度低",
    "nlu_fallback": "未能理解（兜底）",
    "handoff": "转人工",
    "affirmation_rejected": "承诺确认被拒",
    "item_not_found": "没找到事项",
}


def text_hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def shown_text(value: str) -> str:
    """The text as the console may show and store it: numbers that could identify someone masked, the rest
    exactly as typed (full-width letters, traditional characters ... are training signal, P1)."""
    masked = mask_text(value)
    return masked if masked != normalize(value) else value


def contains_personal_number(value: str) -> bool:
    return mask_text(value) != normalize(value)


def make_tracker_engine(url: str) -> Engine:
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Entry:
    key: str  # sha256 of the raw text
    text: str  # masked
    count: int = 0
    reasons: Set[str] = field(default_factory=set)
    intent: Optional[str] = None
    confidence: Optional[float] = None
    ranking: List[Dict[str, Any]] = field(default_factory=list)
    last_seen: float = 0.0
    senders: Set[str] = field(default_factory=set)
    context: Optional[str] = None  # the bot message that followed, or the hand-off request

    def as_dict(self) -> Dict[str, Any]:
        return {
            "key": self.key,
            "text": self.text,
            "count": self.count,
            "reasons": sorted(self.reasons),
            "reason_text": [REASON_TEXT[r] for r in sorted(self.reasons)],
            "intent": self.intent,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
            "ranking": self.ranking,
            "last_seen": datetime.fromtimestamp(self.last_seen, timezone.utc).isoformat(),
            "conversations": len(self.senders),
            "context": self.context,
        }


def _events(engine: Engine, limit: int) -> List[Dict[str, Any]]:
    query = text(
        "SELECT id, sender_id, type_name, timestamp, intent_name, data FROM events "
        "WHERE type_name IN ('user', 'bot') ORDER BY id DESC LIMIT :limit"
    )
    try:
        with engine.connect() as connection:
            rows = connection.execute(query, {"limit": limit}).mappings().all()
    except Exception as exc:  # no tracker store yet (nobody has talked to the bot): an empty inbox
        if "events" in str(exc).lower() and ("no such table" in str(exc).lower() or "does not exist" in str(exc).lower()):
            return []
        raise
    return [dict(r) for r in reversed(rows)]


def _ranking(parse: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [{"intent": r.get("name"), "confidence": round(float(r.get("confidence") or 0), 3)}
            for r in (parse.get("intent_ranking") or []) if r.get("name") != "nlu_fallback"][:3]


class _Opener:
    """Opens sealed event data; the key ring is read only when a sealed row is met (a store written before
    encryption needs no key)."""

    def __init__(self, key_path: Optional[Path]):
        self.key_path = key_path
        self.ring: Optional[sealing.KeyRing] = None
        self.unreadable = 0

    def __call__(self, data: Optional[str], sender_id: str) -> Optional[str]:
        if not sealing.is_sealed(data):
            return data
        if self.ring is None:
            if self.key_path is None:
                from api.config import get_settings

                self.key_path = get_settings().data_key_path
            self.ring = sealing.load(self.key_path)
        try:
            return open_event_data(data, sender_id, self.ring)
        except sealing.SealingError:
            self.unreadable += 1
            return None


def scan(engine: Engine, *, limit: int, threshold: float, resolved: Set[str],
         key_path: Optional[Path] = None) -> List[Dict[str, Any]]:
    opener = _Opener(key_path)
    entries: Dict[str, Entry] = {}
    last_user: Dict[str, Dict[str, Any]] = {}  # sender -> the user event before the current one
    last_ask: Dict[str, Optional[str]] = defaultdict(lambda: None)  # sender -> slot the bot asked for last
    entry_ids: Dict[str, Set[int]] = defaultdict(set)

    def add(event: Dict[str, Any], reason: str, context: Optional[str] = None) -> None:
        raw = event["text"]
        if not raw or not raw.strip() or raw.startswith("/"):  # "/intent" payloads of buttons are not language
            return
        key = text_hash(raw)
        if key in resolved:
            return
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(key=key, text=shown_text(raw))
        entry_ids[key].add(event["id"])  # one message may be both unsure and followed by a hand-off
        entry.count = len(entry_ids[key])
        entry.reasons.add(reason)
        if event["ts"] >= entry.last_seen:
            entry.last_seen = event["ts"]
            entry.intent, entry.confidence, entry.ranking = event["intent"], event["confidence"], event["ranking"]
        entry.senders.add(event["sender"])
        if context:
            entry.context = shown_text(context)

    for row in _events(engine, limit):
        try:
            data = json.loads(opener(row["data"], str(row["sender_id"])) or "{}")
        except ValueError:
            continue
        sender = hashlib.sha256(str(row["sender_id"]).encode()).hexdigest()[:8]
        if row["type_name"] == "bot":
            custom = ((data.get("data") or {}).get("custom") or {}) if isinstance(data.get("data"), dict) else {}
            stage = custom.get("stage") if isinstance(custom, dict) else None
            previous = last_user.get(sender)
            if stage == "ask":
                last_ask[sender] = custom.get("slot")
            elif stage:
                last_ask[sender] = None
            if previous is not None and not previous["personal"]:
                if stage == "affirmation_rejected":
                    add(previous, "affirmation_rejected", data.get("text"))
                elif stage == "handoff":
                    add(previous, "handoff", data.get("text"))
                elif stage == "item_not_found" and previous.get("raw_intent") in DISCOVERY_INTENTS:
                    # Only after a search for an item: the same stage also answers a "我承诺" said when no
                    # journey is open, which no alias would fix.
                    add(previous, "item_not_found")
            continue
        parse = data.get("parse_data") or {}
        intent = (parse.get("intent") or {}).get("name") or row["intent_name"]
        confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
        ranking = _ranking(parse)
        event = {
            "id": row["id"], "sender": sender, "ts": float(row["timestamp"] or 0), "text": data.get("text") or "",
            "intent": ranking[0]["intent"] if intent == "nlu_fallback" and ranking else intent,
            "confidence": ranking[0]["confidence"] if intent == "nlu_fallback" and ranking else confidence,
            "ranking": ranking, "personal": last_ask[sender] in PERSONAL_SLOTS, "raw_intent": intent,
        }
        before = last_user.get(sender)
        last_user[sender] = event
        if event["personal"]:
            continue
        if intent == "nlu_fallback":
            add(event, "nlu_fallback")
        elif confidence < threshold:
            add(event, "low_confidence")
        elif intent == "handoff" and before is not None and not before["personal"]:
            # "转人工" itself is understood; what the bot failed to help with is the message before it.
            add(before, "handoff", event["text"])
    if opener.unreadable:
        logger.warning("inbox: %d tracker event(s) did not open with the data key ring and were left out",
                       opener.unreadable)
    return [e.as_dict() for e in sorted(entries.values(), key=lambda e: (-e.last_seen, e.key))]
