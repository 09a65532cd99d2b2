"""Passing a conversation to a person: when, and telling the citizen.

Three triggers put the conversation in the staff's waiting queue (api/handoff):

- the citizen asks ("转人工": intent ``handoff``, inside or outside a journey) -> reason ``user_request``;
- the bot could not place two messages in a row (Rasa's core fallback, or ``item_not_found``: nothing in the
  catalogue matched) -> ``repeated_fallback``;
- three answers in a row to one question failed validation (``failed_attempts``, incremented by
  ``State.reask`` with an error, actions/forms.py) -> ``repeated_invalid``.

The citizen is told a person will answer (contract stage ``handoff`` with the reason) and may keep talking to
the bot meanwhile; nothing of the journey is touched, so when the staff member hands back, the bot continues
where the journey was. On the hotline channel a person is already on the call: nothing is queued.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import backend, messages
from bot.core import assisted

logger = logging.getLogger(__name__)

REPEATED_FALLBACKS = 2
REPEATED_INVALID = 3
FALLBACK_ACTION = "action_default_fallback"
RECENT_MESSAGES = 3  # what an agent with a long queue reads of each request before taking it


def recent_words(tracker: Tracker) -> str:
    """The citizen's last few messages, oldest first: the queue's preview (the API masks the numbers)."""
    texts = [(e.get("text") or "").strip() for e in tracker.events if e.get("event") == "user"]
    return " / ".join([t for t in texts if t][-RECENT_MESSAGES:])[-2000:]


def _say(dispatcher: CollectingDispatcher, message: messages.Message) -> None:
    text, custom = message
    dispatcher.utter_message(text=text, json_message=custom)


async def announce(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> None:
    """Queue the conversation for a person and tell the citizen (or, if the queue is unreachable, how else)."""
    channel = tracker.get_latest_input_channel() or "rest"
    if channel == assisted.CHANNEL:
        dispatcher.utter_message(
            text="本次是12345热线工作人员协助办理，无需转人工。",
            json_message={"stage": "handoff", "reason": reason, "status": "assisted"},
        )
        return
    queued = False
    try:
        await backend._request(
            "POST", "/api/v1/service/handoff",
            json={"sender_id": tracker.sender_id, "channel": channel, "reason": reason, "message": recent_words(tracker)},
        )
        queued = True
    except (backend.BackendUnavailable, backend.BackendRefused) as problem:
        logger.warning("handoff could not be queued (%s): the citizen is pointed to 12345", type(problem).__name__)
    _say(dispatcher, messages.handoff(reason, queued=queued))


# --- two fallbacks in a row -------------------------------------------------------------------------------


def turns(events: List[Dict[str, Any]]) -> List[List[Dict[str, Any]]]:
    """The raw tracker events cut at each user message (reverted ones included: a fallback reverts its message)."""
    cut: List[List[Dict[str, Any]]] = []
    for event in events:
        if event.get("event") == "user":
            cut.append([])
        if cut:
            cut[-1].append(event)
    return cut


def _stages(turn: List[Dict[str, Any]]) -> List[str]:
    return [((e.get("data") or {}).get("custom") or {}).get("stage") for e in turn if e.get("event") == "bot"]


def is_fallback_turn(turn: List[Dict[str, Any]]) -> bool:
    """The bot could not place the message: Rasa's core fallback ran, or the answer was ``item_not_found``
    (nothing matched, whether discovery searched or the message was taken for a word with no journey open)."""
    actions = {e.get("name") for e in turn if e.get("event") == "action"}
    return FALLBACK_ACTION in actions or "item_not_found" in _stages(turn)


def consecutive_fallbacks(events: List[Dict[str, Any]]) -> int:
    """Finished turns right before the current one in which the bot could not place the message; a turn that
    already handed off ends the count (one handoff per streak)."""
    count = 0
    for turn in reversed(turns(events)[:-1]):
        if "handoff" in _stages(turn) or not is_fallback_turn(turn):
            break
        count += 1
    return count


async def after_fallback(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Called by the fallback and by discovery when nothing matched: the second in a row hands off."""
    if tracker.get_latest_input_channel() == assisted.CHANNEL:
        return
    if consecutive_fallbacks(list(tracker.events)) + 1 >= REPEATED_FALLBACKS:
        await announce(dispatcher, tracker, "repeated_fallback")


# --- three failed answers to one question -------------------------------------------------------------------


async def after_validation(turn: Any, requested: str) -> None:
    """After the form's validation of one answer (actions/forms.py ``State``): a valid answer starts the count
    again; the third invalid one in a row hands off (and starts it again too)."""
    attempts = float(turn.slots.get("failed_attempts") or 0)
    if turn.slots.get(requested) not in (None, "", []):
        if attempts:
            turn.set("failed_attempts", 0.0)
        return
    if attempts >= REPEATED_INVALID and turn.tracker.get_latest_input_channel() != assisted.CHANNEL:
        await announce(turn.dispatcher, turn.tracker, "repeated_invalid")
        turn.set("failed_attempts", 0.0)
