"""The hotline channel: 12345 staff run the journey for a caller. ``bot.channels.hotline.HotlineInput`` in
bot/credentials.yml; webhook ``POST /webhooks/hotline/webhook``.

REST-like: one request is one turn, the response is the turn's contract messages (Rasa's text and custom
messages, as the REST channel returns them). But nobody talks here directly: the hotline console calls the API
(api/hotline/, staff JWT and role checked), and the API calls this webhook with a *channel token* for the
assisted session (header ``X-Hotline-Token``; bot/core/assisted.py). The token's claims - the session's
conversation id, staff id, call id and caller phone - are the only source of who speaks for whom: the body
carries the text and the evidence the API stamped (read-aloud ticks, the attestation), nothing else.

The journey (actions/journey.py) reads ``metadata["hotline"]`` of the latest message and refuses a hotline
affirmation without all read-aloud ticks and the attestation; the commitment record's channel is ``hotline``.

Every message is also signed as it is handed to Rasa (``metadata["evidence"]``, bot/channels/evidence_ledger.py), like on
every channel: the commitment request must carry the signed reading statement and affirmation. The hotline has no
delivery envelopes - the read-aloud ticks the API records are its delivery.

Settings: ``secret_path`` in credentials.yml (default var/keys/hotline.secret), overridden by
``GZ_HOTLINE_SECRET_PATH`` (bot/tools/stack.py passes the same file to the API and to Rasa).
"""
from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import evidence_ledger
from bot.channels.webhook import webhook_blueprint
from bot.core import assisted

logger = logging.getLogger(__name__)

TOKEN_HEADER = "X-Hotline-Token"
MAX_TEXT = 500
SECRET_ENV = "GZ_HOTLINE_SECRET_PATH"


def hotline_metadata(claims: Dict[str, Any], body_metadata: Any) -> Dict[str, Any]:
    """The message metadata the journey reads: identity from the token, evidence from the API's body."""
    given = body_metadata if isinstance(body_metadata, dict) else {}
    evidence: Dict[str, Any] = {
        "session_id": claims.get("sid"),
        "staff_id": claims.get("staff"),
        "call_id": claims.get("call"),
        "caller_phone": claims.get("phone"),
        "notice_version": given.get("notice_version") if isinstance(given.get("notice_version"), str) else None,
        "read_aloud": [t for t in given.get("read_aloud") or [] if isinstance(t, dict)][:50],
    }
    if given.get("attestation") == assisted.ATTESTATION and isinstance(given.get("attested_at"), str):
        evidence["attestation"] = assisted.ATTESTATION
        evidence["attested_at"] = given["attested_at"]
    return {assisted.CHANNEL: evidence}


class HotlineInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return assisted.CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        path = os.environ.get(SECRET_ENV) or credentials.get("secret_path") or "var/keys/hotline.secret"
        return cls(Path(path))

    def __init__(self, secret_path: Path):
        self.secret_path = secret_path
        self._secret: Optional[bytes] = None

    def secret(self) -> bytes:
        # Read on first use; the stack creates the file before Rasa starts (the API may create it too).
        if self._secret is None:
            self._secret = assisted.load_or_create_secret(self.secret_path)
        return self._secret

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = webhook_blueprint("hotline_webhook", __name__)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                claims = assisted.verify_token(self.secret(), request.headers.get(TOKEN_HEADER) or "")
            except assisted.InvalidToken:
                logger.warning("hotline message refused: missing, forged or expired channel token")
                return response.json({"error": "invalid_token"}, status=401)
            except (OSError, ValueError):
                logger.exception("hotline channel secret unavailable")
                return response.json({"error": "unavailable"}, status=503)
            body = request.json if isinstance(request.json, dict) else {}
            text = body.get("message")
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
                return response.json({"error": "invalid_message"}, status=400)
            collector = CollectingOutputChannel()
            message = UserMessage(
                text.strip(),
                collector,
                claims["sender"],
                input_channel=self.name(),
                message_id=uuid.uuid4().hex,
                metadata=hotline_metadata(claims, body.get("metadata")),
            )
            await on_new_message(evidence_ledger.sign_user_message(message, self.name()))
            return response.json(collector.messages)

        return webhook
