"""The socket.io channel of the website widget (web/widget/), registered in bot/credentials.yml.

Rasa 3.6's stock ``socketio`` channel cannot carry this project's messages: its ``send_custom_json`` calls
``sio.emit(event, **custom)``, i.e. it expects a custom payload shaped ``{"data": ...}`` and passes every
other key to python-socketio's ``emit()`` as a keyword argument. The conversation contract's ``custom``
(``{"stage": "ask", "slot": ...}``) therefore raises ``TypeError: emit() got an unexpected keyword argument
'stage'`` in the middle of a turn: the widget gets the first text and nothing after it. This channel keeps
everything else of the stock one (the socket.io protocol - Engine.IO 4 / Socket.IO 5 -, ``session_request`` /
``session_confirm``, session persistence, JWT option) and changes two things:

* a ``custom`` is emitted as ``{"custom": {...}}`` on the bot event, right after the text it belongs to
  (the contract: "the ``custom`` belongs to the text just before it"; the widget pairs them);
* session ids are the 32 hexadecimal characters Rasa itself generates (``uuid4().hex``). The session id is
  the tracker's sender id, shared by every channel, so a client that picked its own id could name another
  channel's conversation (a REST sender, a WeChat openid) and continue someone else's journey. An id of any
  other shape is replaced by a fresh one in ``session_request`` and a message carrying one is dropped.

Channel evidence (bot/core/evidence.py, bot/channels/evidence_ledger.py): every user message is signed as it is handed to
Rasa, with the deliveries pending for the session. Every emit of a ``notice_section`` - its text (Rasa splits a
text at blank lines into several emits) and its custom - asks the client for an acknowledgement (socket.io's ack
callback); the widget acknowledges each bot message once it has rendered it. When every emit of the section has
been acknowledged the delivery is signed (``client_ack``) and waits for the session's next message. A client that
never acknowledges (gone, or an old widget) leaves the section undelivered, and the journey says so.

Flood control (bot/channels/message_guard.py, bot/channels/flood.py): a message over its session's or its address's limit is answered
with one polite text on the socket it came by and is not handed to Rasa.
"""
from __future__ import annotations

import copy
import logging
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Set, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels import evidence_ledger

from bot.channels import flood

from bot.channels import message_guard
from bot.core import evidence

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[0-9a-f]{32}")


def valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and SESSION_ID.fullmatch(value) is not None


CHANNEL = "socketio"


class NoticeDelivery:
    """One notice section on its way to a session: delivered once each of its emits has been acknowledged."""

    def __init__(self, sender: Text, message: Dict[Text, Any]) -> None:
        self.sender = sender
        self.message = copy.deepcopy(message)  # Rasa's send_response pops the text and custom out of it
        self.sent_at = evidence.now_iso()
        self.parts = 0
        self.acknowledged: Set[int] = set()
        self.complete = False  # every emit of the section has been made
        self.recorded = False

    def part(self) -> Callable[..., None]:
        """The ack callback of the next emit (the client may send anything with its acknowledgement)."""
        index = self.parts
        self.parts += 1

        def acknowledged(*_: Any) -> None:
            self.acknowledged.add(index)
            self.record_if_delivered()

        return acknowledged

    def all_sent(self) -> None:
        self.complete = True
        self.record_if_delivered()

    def record_if_delivered(self) -> None:
        if self.recorded or not self.complete or self.parts == 0 or len(self.acknowledged) < self.parts:
            return
        self.recorded = True
        evidence_ledger.record_delivery(
            CHANNEL, self.sender, self.message, sent_at=self.sent_at, how=evidence.DELIVERED_BY[CHANNEL]
        )


class ContractSocketIOOutput(SocketIOOutput):
    """Emits the contract's ``custom`` as ``{"custom": ...}`` instead of spreading it into ``emit()``, and asks
    for an acknowledgement of each emit of a notice section."""

    def __init__(self, sio: Any, bot_message_evt: Text) -> None:
        super().__init__(sio, bot_message_evt)
        self._delivery: Optional[NoticeDelivery] = None  # the notice section being emitted, if any

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        if not evidence.is_notice_section(message):
            await super().send_response(recipient_id, message)
            return
        delivery = NoticeDelivery(recipient_id, message)
        self._delivery = delivery
        try:
            await super().send_response(recipient_id, message)
        finally:
            self._delivery = None
        delivery.all_sent()

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        if self._delivery is None:
            await self.sio.emit(self.bot_message_evt, response, room=socket_id)
        else:
            await self.sio.emit(self.bot_message_evt, response, room=socket_id, callback=self._delivery.part())

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class ContractSocketIOInput(SocketIOInput):
    """The stock socket.io input channel with the contract-safe output and checked session ids."""

    @classmethod
    def name(cls) -> Text:
        # Same name as the stock channel: the webhook stays /webhooks/socketio/ and the tracker records
        # input_channel "socketio" (the commitment evidence names the channel, P2).
        return CHANNEL

    def get_output_channel(self) -> Optional[ContractSocketIOOutput]:
        if self.sio is None:
            return None
        return ContractSocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def handle(message: UserMessage) -> None:
            if self.session_persistence and not valid_session_id(message.sender_id):
                logger.warning("socket.io message with a malformed session id dropped")
                return
            message.output_channel = ContractSocketIOOutput(self.sio, self.bot_message_evt)
            await on_new_message(evidence_ledger.sign_user_message(message, self.name()))

        blueprint = super().blueprint(handle)
        sio = self.sio
        assert sio is not None
        namespace = self.namespace or "/"
        stock_user_message = sio.handlers[namespace][self.user_message_evt]

        # Flood control (bot/channels/message_guard.py) before the stock handler builds the message: a message over the
        # limit is answered on this socket only and never reaches Rasa or the evidence ledger.
        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def user_message(sid: Text, data: Any) -> None:
            sender = data.get("session_id") if self.session_persistence and isinstance(data, dict) else sid
            if self.session_persistence and not valid_session_id(sender):
                sender = None  # dropped by ``handle`` anyway; only its address's bucket counts it
            if message_guard.flooding(CHANNEL, sender, socket_address(sid)):
                await sio.emit(self.bot_message_evt, {"text": message_guard.FLOOD_TEXT}, room=sid,
                               namespace=self.namespace)
                return
            await stock_user_message(sid, data)

        def socket_address(sid: Text) -> Optional[str]:
            environ = sio.get_environ(sid, namespace=self.namespace) or {}
            request = environ.get("sanic.request")  # python-engineio's environ puts 127.0.0.1 in REMOTE_ADDR
            return flood.guard().address_of(getattr(request, "ip", None), environ.get("HTTP_X_FORWARDED_FOR"))

        # Replaces the stock handler (python-socketio keeps one handler per event and namespace).
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if valid_session_id(requested) else uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        return blueprint
