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
"""
from __future__ import annotations

import logging
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[0-9a-f]{32}")


def valid_session_id(value: Any) -> bool:
    return isinstance(value, str) and SESSION_ID.fullmatch(value) is not None


class ContractSocketIOOutput(SocketIOOutput):
    """Emits the contract's ``custom`` as ``{"custom": ...}`` instead of spreading it into ``emit()``."""

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class ContractSocketIOInput(SocketIOInput):
    """The stock socket.io input channel with the contract-safe output and checked session ids."""

    @classmethod
    def name(cls) -> Text:
        # Same name as the stock channel: the webhook stays /webhooks/socketio/ and the tracker records
        # input_channel "socketio" (the commitment evidence names the channel, P2).
        return "socketio"

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
            await on_new_message(message)

        blueprint = super().blueprint(handle)
        sio = self.sio
        assert sio is not None

        # Replaces the stock handler (python-socketio keeps one handler per event and namespace).
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if valid_session_id(requested) else uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        return blueprint
