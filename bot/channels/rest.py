"""The REST channel (``POST /webhooks/rest/webhook``): Rasa's own, plus what the handoff and the hotline need.

Registered in bot/credentials.yml as ``bot.channels.rest.ContractRestInput`` under the stock channel's name
``rest``, so the webhook, the request and the response are exactly Rasa's. What differs:

1. **Staff messages are delivered with the next reply.** REST has no push: when a staff member has
   taken the conversation over (api/handoff), their messages are appended to the tracker as bot events marked
   ``metadata.handoff`` and cannot reach a REST client on their own. Each REST request therefore first collects
   such messages appended since the client's previous message and returns them *before* the reply to the new
   message (which is empty while the bot is paused). A REST client waiting for a person sends any message
   (e.g. "在吗") to receive what was written. Same shape as every bot message: text, then its custom
   (``{"stage": "staff_message", ...}``).
   Cost: this runs before *every* REST turn, so with Rasa's SQL tracker store it is one indexed query
   (``PENDING_BOT_EVENTS``) reading only the ``bot`` events after the sender's latest ``user`` event in the
   current session - usually none - instead of reading and deserialising the whole tracker (which Rasa then
   reads again to handle the turn). ``ix_events_sender_type`` (sender_id, type_name, id; bot/rasa/tracker_store.py)
   makes both sub-queries index look-ups; Rasa's own index on ``sender_id`` alone would visit every event of
   the conversation. Other tracker stores take the tracker-reading path; both give the same messages.
   Measured (SQLite, 200 other conversations stored): 12 ms / 60 ms / 92 ms to read a tracker of 53 / 203 / 603
   events, against ~1 ms for the query whatever the length.
2. **The channel is always ``rest``.** Stock REST takes ``input_channel`` from the request body; the commitment
   evidence names the channel (P2), so a REST client cannot claim to be the hotline or the widget.
3. **The hotline's conversations and evidence are not reachable here.** Senders ``hotline-…`` belong to the
   hotline channel (bot/channels/hotline.py) and are refused; metadata under ``hotline`` is dropped.
4. **Channel evidence (bot/core/evidence.py, bot/channels/evidence_ledger.py).** Each message is signed as it is handed to
   Rasa (with the message id Rasa's user event will carry), together with the deliveries pending for the sender.
   Each ``notice_section`` in the JSON response is signed as delivered (``response_returned``) when the response
   is built and returned: REST has no acknowledgement, the response is all it knows. Its ``sent_at`` is when the
   output channel got the bot message. A streamed turn (``?stream=true``) signs the message but no delivery (its
   messages are written piecemeal, and the widget does not use it), and neither do the staff messages handed out
   with a later reply: they are never notice sections.
5. **Flood control (bot/channels/message_guard.py, bot/channels/flood.py).** A message over its sender's or its address's limit is
   answered with one polite text, before anything else: not signed, not handed to Rasa, not stored.
"""
from __future__ import annotations

import copy
import json
import logging
import uuid
from asyncio import CancelledError, Queue
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import rasa.utils.endpoints
import sqlalchemy as sa
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import QueueOutputChannel, RestInput
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, Event, UserUttered
from sanic import Blueprint, response
from sanic.request import Request

from actions import messages
from bot.channels import evidence_ledger
from bot.channels import flood
from bot.channels import message_guard
from bot.channels.webhook import webhook_blueprint
from bot.core import assisted, evidence
from bot.rasa.tracker_store import open_event_data

logger = logging.getLogger(__name__)

HANDOFF_KEY = "handoff"  # the marker api/handoff puts on the bot events it appends


def pending_handoff_events(events: List[Any]) -> List[BotUttered]:
    """Handoff messages appended since the conversation's latest user message (not yet seen by a REST client)."""
    pending: List[BotUttered] = []
    for event in events:
        if isinstance(event, UserUttered):
            pending = []
        elif isinstance(event, BotUttered) and HANDOFF_KEY in (event.metadata or {}):
            pending.append(event)
    return pending


# The bot events after the sender's latest user event, within the current session (the events Rasa's
# ``retrieve`` would return: from the latest ``session_started`` on, ordered by id).
PENDING_BOT_EVENTS = sa.text("""
    SELECT data FROM events
    WHERE sender_id = :sender AND type_name = 'bot'
      AND id > COALESCE((SELECT MAX(u.id) FROM events u WHERE u.sender_id = :sender AND u.type_name = 'user'), 0)
      AND ((SELECT MAX(s.timestamp) FROM events s WHERE s.sender_id = :sender AND s.type_name = 'session_started')
           IS NULL
           OR timestamp >= (SELECT MAX(s.timestamp) FROM events s
                            WHERE s.sender_id = :sender AND s.type_name = 'session_started'))
    ORDER BY id
""")


def sql_tracker_store(store: Any) -> Optional[SQLTrackerStore]:
    """Rasa's SQL tracker store behind the agent's wrappers (fail-safe, awaitable), if that is what it is."""
    for _ in range(5):
        if isinstance(store, SQLTrackerStore):
            return store
        store = getattr(store, "_tracker_store", None)
    return None


def pending_handoff_events_sql(store: SQLTrackerStore, sender_id: Text) -> List[BotUttered]:
    """``pending_handoff_events`` of the stored conversation, read with one query (sealed rows opened, P5)."""
    with store.engine.connect() as connection:
        rows = connection.execute(PENDING_BOT_EVENTS, {"sender": sender_id}).scalars().all()
    events = (Event.from_parameters(json.loads(open_event_data(data, sender_id))) for data in rows if data)
    return [e for e in events if isinstance(e, BotUttered) and HANDOFF_KEY in (e.metadata or {})]


def client_address(request: Request) -> Optional[str]:
    """The client's address for the flood limit: the peer, or what trusted proxies forwarded (bot/channels/flood.py)."""
    return flood.guard().address_of(request.ip, request.headers.get("X-Forwarded-For"))


class EvidenceCollectingOutputChannel(CollectingOutputChannel):
    """Rasa's collector, which also remembers each notice section whole (text as uttered, before Rasa splits it
    at blank lines) with the time it got it, so that its delivery can be signed once the response goes out."""

    def __init__(self) -> None:
        super().__init__()
        self.notice_sections: List[Dict[str, Any]] = []

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        if evidence.is_notice_section(message):
            self.notice_sections.append({"message": copy.deepcopy(message), "sent_at": evidence.now_iso()})
        await super().send_response(recipient_id, message)

    def record_deliveries(self, channel: Text, sender_id: Text) -> None:
        delivered_at = evidence.now_iso()
        for sent in self.notice_sections:
            evidence_ledger.record_delivery(
                channel, sender_id, sent["message"], sent_at=sent["sent_at"], delivered_at=delivered_at,
                how=evidence.DELIVERED_BY["rest"],
            )
        self.notice_sections = []


class ContractRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def _extract_input_channel(self, req: Request) -> Text:
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        metadata = request.json.get("metadata") if isinstance(request.json, dict) else None
        if not isinstance(metadata, dict):
            return None
        return {k: v for k, v in metadata.items() if k != assisted.CHANNEL} or None

    @staticmethod
    async def on_message_wrapper(
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: Text,
        queue: Queue,
        sender_id: Text,
        input_channel: Text,
        metadata: Optional[Dict[Text, Any]],
    ) -> None:
        # The streamed turn: Rasa's own wrapper, with the message signed.
        message = UserMessage(
            text, QueueOutputChannel(queue), sender_id, input_channel=input_channel,
            message_id=uuid.uuid4().hex, metadata=metadata,
        )
        await on_new_message(evidence_ledger.sign_user_message(message, input_channel))
        await queue.put("DONE")

    @staticmethod
    async def pending_messages(request: Request, sender_id: Text) -> List[Dict[str, Any]]:
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None:
            return []
        sql_store = sql_tracker_store(agent.tracker_store)
        try:
            if sql_store is not None:
                pending = pending_handoff_events_sql(sql_store, sender_id)
            else:
                tracker = await agent.tracker_store.retrieve(sender_id)
                pending = [] if tracker is None else pending_handoff_events(list(tracker.events))
        except Exception as error:  # a tracker store hiccup must not cost the citizen the reply itself
            # P5: no traceback - SQLAlchemy's error text carries the statement's parameters.
            logger.error("rest: could not read the pending staff messages (%s)", type(error).__name__)
            return []
        collector = CollectingOutputChannel()
        for event in pending:
            await collector.send_response(sender_id, {"text": event.text, **copy.deepcopy(event.data or {})})
        return collector.messages

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = webhook_blueprint("custom_webhook_ContractRestInput", __name__)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request):
            if not isinstance(request.json, dict):
                return response.json({"error": "invalid_request"}, status=400)
            sender_id = await self._extract_sender(request)
            text = self._extract_message(request)
            if not isinstance(sender_id, str) or not sender_id:
                return response.json({"error": "sender_missing"}, status=400)
            if sender_id.startswith(assisted.SENDER_PREFIX):
                return response.json({"error": "forbidden_sender"}, status=403)
            if message_guard.flooding(self.name(), sender_id, client_address(request)):
                return response.json([{"recipient_id": sender_id, "text": message_guard.FLOOD_TEXT}])
            metadata = self.get_metadata(request)
            pending = await self.pending_messages(request, sender_id)
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):

                async def stream(resp: Any) -> None:
                    for message in pending:
                        await resp.write(json.dumps(message) + "\n")
                    await self.stream_response(on_new_message, text, sender_id, self.name(), metadata)(resp)

                return response.stream(stream, content_type="text/event-stream")
            collector = EvidenceCollectingOutputChannel()
            message = UserMessage(
                text, collector, sender_id, input_channel=self.name(), message_id=uuid.uuid4().hex, metadata=metadata
            )
            try:
                await on_new_message(evidence_ledger.sign_user_message(message, self.name()))
            except CancelledError:
                logger.error("rest message timed out")
            except Exception:
                logger.exception("rest message failed")
                # The turn was not processed to the end (e.g. the tracker store was unreachable, bot/rasa/tracker_store.py):
                # replies already collected may not be stored, so the citizen gets a service_error instead and
                # sends the message again (P4).
                text, custom = messages.service_error("internal_error", "系统处理")
                return response.json(pending + [{"recipient_id": sender_id, "text": text},
                                                {"recipient_id": sender_id, "custom": custom}])
            reply = response.json(pending + collector.messages)
            collector.record_deliveries(self.name(), sender_id)
            return reply

        return webhook

