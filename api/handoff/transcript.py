"""A conversation as staff see it, read from Rasa's tracker (one record of the conversation, P2).

Numbers that look like an ID or a phone number are masked (P5: staff see what they need to help, not the
full numbers; the journey itself has them in its slots).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from api.audit.service import scrub
from api.clock import CHINA_TIME

# What an appended bot event carries in its metadata so channels and this transcript know it came from
# the handoff (bot/rest_channel.py delivers such events with the next REST reply).
HANDOFF_KEY = "handoff"


def _at(timestamp: Any) -> Optional[str]:
    if not isinstance(timestamp, (int, float)):
        return None
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).astimezone(CHINA_TIME).isoformat(timespec="seconds")


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
