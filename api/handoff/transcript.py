"""A conversation as staff see it, read from Rasa's tracker (one record of the conversation, P2).

Numbers that look like an ID or a phone number are masked (P5: staff see what they need to help, not the
full numbers; the journey itself has them in its slots).
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from api.audit.service import scrub
from api.clock import china_iso
from bot.core.textnorm import normalize

# What an appended bot event carries in its metadata so channels and this transcript know it came from
# the handoff (bot/channels/rest.py delivers such events with the next REST reply).
HANDOFF_KEY = "handoff"


def _at(timestamp: Any) -> Optional[str]:
    if not isinstance(timestamp, (int, float)):
        return None
    return china_iso(datetime.fromtimestamp(timestamp, tz=timezone.utc), timespec="seconds")


def entries(tracker: Dict[str, Any], limit: int = 200) -> List[Dict[str, Any]]:
    out: List[Dict[str, Any]] = []
    for event in tracker.get("events") or []:
        kind = event.get("event")
        if kind == "user":
            out.append({"from": "citizen", "text": scrub(event.get("text") or ""), "custom": None,
                        "at": _at(event.get("timestamp")), "channel": event.get("input_channel")})
        elif kind == "bot":
            meta = (event.get("metadata") or {}).get(HANDOFF_KEY) or {}
            custom = (event.get("data") or {}).get("custom")
            out.append({"from": "staff" if meta.get("from") == "staff" else "bot",
                        "text": scrub(event.get("text") or ""), "custom": scrub(custom) if custom else None,
                        "at": _at(event.get("timestamp"))})
        elif kind in ("pause", "resume"):
            out.append({"from": "system", "text": "人工接管，机器人暂停" if kind == "pause" else "交回机器人",
                        "custom": None, "at": _at(event.get("timestamp"))})
    return out[-limit:]


def journey_state(tracker: Dict[str, Any]) -> Dict[str, Any]:
    """Where the citizen is: the open form and the question it waits for (no personal values)."""
    slots = tracker.get("slots") or {}
    loop = (tracker.get("active_loop") or {}).get("name")
    return {
        "active_form": loop,
        "requested_slot": slots.get("requested_slot") if loop else None,
        "item": slots.get("item"),
        "paused": bool(tracker.get("paused")),
    }


def last_question(tracker: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The bot's pending question (text and custom) when a form waits for an answer, to ask it again after a
    hand-back; None when nothing is pending or the last question is not the one the form waits for."""
    state = journey_state(tracker)
    slot = state["requested_slot"]
    if not slot:
        return None
    for event in reversed(tracker.get("events") or []):
        if event.get("event") != "bot" or ((event.get("metadata") or {}).get(HANDOFF_KEY)):
            continue
        custom = (event.get("data") or {}).get("custom") or {}
        stage = custom.get("stage")
        if stage == "ask" or stage == "affirmation_request":
            asked = custom.get("slot") if stage == "ask" else "affirmation"
            if asked != slot:
                return None
            return {"text": event.get("text") or "", "custom": custom}
    return None


# --- what the citizen said and is still waiting to hear back on -----------------------------------------------

# A question in Chinese: a question mark, a final particle, or a question word. Only used to insist that a
# person answers before handing back; it errs on the side of "a question" (the agent can say no reply is needed).
_QUESTION = re.compile(
    r"[?？]|[吗呢么嘛][\s。！!~～…]*$|什么|怎么|怎样|咋|如何|哪|多少|多久|几[个天号时点次年月份张]|为什么|为啥|"
    r"能不能|能否|可不可以|可以吗|行不行|是不是|是否|要不要|有没有|需不需要|会不会|对不对"
)


def looks_like_question(text: str) -> bool:
    return bool(_QUESTION.search(normalize(text, limit=2000)))


def citizen_texts(tracker: Dict[str, Any], last: int = 3) -> List[str]:
    """The citizen's last ``last`` messages, oldest first."""
    texts = [e.get("text") or "" for e in tracker.get("events") or [] if e.get("event") == "user"]
    return [t for t in texts if t.strip()][-last:]


def unanswered(tracker: Dict[str, Any]) -> List[Dict[str, Any]]:
    """What the citizen wrote during the current takeover after the person's last message to them (masked),
    each marked ``question`` when it asks something."""
    events = tracker.get("events") or []
    paused_at = max((i for i, e in enumerate(events) if e.get("event") == "pause"), default=None)
    if paused_at is None or any(e.get("event") == "resume" for e in events[paused_at:]):
        return []
    waiting: List[Dict[str, Any]] = []
    for event in events[paused_at + 1:]:
        kind = event.get("event")
        meta = (event.get("metadata") or {}).get(HANDOFF_KEY) or {}
        custom = (event.get("data") or {}).get("custom") or {}
        if kind == "user" and (event.get("text") or "").strip():
            text = event.get("text") or ""
            waiting.append({"text": scrub(text), "at": _at(event.get("timestamp")), "question": looks_like_question(text)})
        elif kind == "bot" and meta.get("from") == "staff" and custom.get("kind") == "text":
            waiting = []
    return waiting
