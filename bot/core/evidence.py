"""Channel evidence: what the user typed and what reached them, signed where it happened.

A receipt must prove what the conversation contained, not what the action server says it contained. The action
server is the most exposed process (it runs the business code and talks to the API with a service token), so it
is a *courier* of evidence, never its author:

- every **input channel** of the Rasa server signs each user message as it arrives (``sign_message``): channel,
  sender, the channel's message id, the exact text, and the arrival time;
- every **output channel** signs each notice section it could deliver (``sign_delivery``): channel, sender, item,
  notice version, section, a hash of the text as the bot uttered it, when it was sent and when the channel knew
  it arrived (REST: the HTTP response carrying it was returned; socket.io: the browser acknowledged it; WeChat:
  the customer-service API accepted it). The hotline's "delivery" is the staff member's read-aloud tick, which
  the API records itself (api/hotline), so it needs no envelope.

The key (``EVIDENCE_KEY_FILE`` under the keys folder, 0600) is read by the Rasa server and the API only; the
action server is started without it. The envelopes travel to the API inside the commitment request
(``evidence.channel_evidence``); the API recomputes every MAC and checks that the envelopes tell the same story as
the request (api/commitments/evidence.py). A forged tracker sent to the action server, or a forged request sent
to the API with the service token, therefore cannot produce a receipt: it has no valid envelopes.

Why signatures rather than the API reading the tracker store: the API then depends on no Rasa storage format,
tracker store or sealing of Rasa's events, and the proof is the same for every store (SQLite, PostgreSQL) and
every channel; what the channel saw is signed at the only place that saw it.

Standard library only: both virtualenvs import this module.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional

from bot.core import keyfile

VERSION = 1
SECRET_BYTES = 32
EVIDENCE_KEY_FILE = "channel-evidence.key"
ENV_KEY_PATH = "GZ_EVIDENCE_KEY_PATH"

MESSAGE = "message"
DELIVERY = "delivery"

# How each channel knows that a message reached the person (the letter prints these in words).
DELIVERED_BY = {
    "rest": "response_returned",
    "socketio": "client_ack",
    "wechat": "customer_service_api",
}
DELIVERED_BY_TEXT = {
    "response_returned": "接口已返回给客户端",
    "client_ack": "网页客户端已确认收到",
    "customer_service_api": "微信客服消息接口已受理",
    "read_aloud": "工作人员已宣读",
}

# Fields each kind of envelope signs, in no particular order (the MAC is over sorted canonical JSON).
MESSAGE_FIELDS = ("v", "kind", "channel", "sender", "message_id", "text", "at")
DELIVERY_FIELDS = (
    "v", "kind", "channel", "sender", "item_code", "notice_version", "section", "total", "text_sha256",
    "sent_at", "delivered_at", "how",
)
_FIELDS = {MESSAGE: MESSAGE_FIELDS, DELIVERY: DELIVERY_FIELDS}


class InvalidEvidence(ValueError):
    """An envelope whose MAC, shape or version is wrong. Never says which part failed."""


# --- the key ---------------------------------------------------------------------------------------------


def load_or_create_key(path: Path) -> bytes:
    """The evidence HMAC key: created 0600 on first use (atomically, whoever comes first)."""
    return keyfile.load_or_create(path, SECRET_BYTES, "evidence key")


def key_from_env(env: Mapping[str, str] = os.environ) -> Optional[bytes]:
    """The key named by ``GZ_EVIDENCE_KEY_PATH``, or None where the process was started without it."""
    path = env.get(ENV_KEY_PATH)
    if not path:
        return None
    return load_or_create_key(Path(path))


# --- canonical forms -------------------------------------------------------------------------------------


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def text_sha256(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def _canonical(body: Mapping[str, Any]) -> bytes:
    return json.dumps(dict(body), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _mac(key: bytes, body: Mapping[str, Any]) -> str:
    return _b64(hmac.new(key, _canonical(body), hashlib.sha256).digest())


def _seal(key: bytes, body: Dict[str, Any]) -> Dict[str, Any]:
    body["mac"] = _mac(key, body)
    return body


# --- signing (Rasa server channels) ------------------------------------------------------------------------


def sign_message(key: bytes, *, channel: str, sender: str, message_id: str, text: str, at: Optional[str] = None) -> Dict[str, Any]:
    """The envelope of one user message, exactly as it arrived."""
    return _seal(key, {
        "v": VERSION, "kind": MESSAGE, "channel": channel, "sender": sender, "message_id": message_id,
        "text": text, "at": at or now_iso(),
    })


def sign_delivery(
    key: bytes,
    *,
    channel: str,
    sender: str,
    custom: Mapping[str, Any],
    text: str,
    sent_at: str,
    delivered_at: Optional[str] = None,
    how: Optional[str] = None,
) -> Dict[str, Any]:
    """The envelope of one delivered notice section; ``custom`` is its ``notice_section`` payload."""
    return _seal(key, {
        "v": VERSION, "kind": DELIVERY, "channel": channel, "sender": sender,
        "item_code": custom.get("item_code"), "notice_version": custom.get("notice_version"),
        "section": custom.get("index"), "total": custom.get("total"), "text_sha256": text_sha256(text),
        "sent_at": sent_at, "delivered_at": delivered_at or now_iso(), "how": how or DELIVERED_BY.get(channel, channel),
    })


def notice_section_text(index: int, total: int, title: str, text: str) -> str:
    """How a notice section reads in the chat. The API recomputes it to check a delivery's ``text_sha256``."""
    return f"告知书（{index}/{total}）{title}：{text}"


def is_notice_section(message: Mapping[str, Any]) -> bool:
    """Whether a bot message (Rasa's ``{"text", "custom"}``) is a notice section, the only thing deliveries cover."""
    custom = message.get("custom") if isinstance(message, Mapping) else None
    return isinstance(custom, Mapping) and custom.get("stage") == "notice_section"


# --- verifying (API) ---------------------------------------------------------------------------------------


def verify(key: bytes, envelope: Any) -> Dict[str, Any]:
    """The envelope's fields if its MAC is right and its shape is one this version signs; else InvalidEvidence."""
    if not isinstance(envelope, Mapping):
        raise InvalidEvidence("not an envelope")
    fields = _FIELDS.get(envelope.get("kind"))
    mac = envelope.get("mac")
    if fields is None or envelope.get("v") != VERSION or not isinstance(mac, str):
        raise InvalidEvidence("not an envelope")
    if set(envelope) != set(fields) | {"mac"}:
        raise InvalidEvidence("not an envelope")
    body = {name: envelope[name] for name in fields}
    if not hmac.compare_digest(_mac(key, body), mac):
        raise InvalidEvidence("bad mac")
    return body


def parse_time(value: Any) -> Optional[datetime]:
    """An ISO-8601 timestamp with its UTC offset, or None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


# --- what a journey needs (action server, API) ---------------------------------------------------------------


def deliveries_for(
    envelopes: Iterable[Any], *, channel: str, sender: str, item_code: str, notice_version: str
) -> Dict[int, Mapping[str, Any]]:
    """{section: its earliest delivery envelope} of one notice version to one person on one channel.

    The action server uses it unverified (it cannot check a MAC) to decide whether to go on; the API uses it on
    envelopes it has verified."""
    found: Dict[int, Mapping[str, Any]] = {}
    for envelope in envelopes or ():
        if not isinstance(envelope, Mapping) or envelope.get("kind") != DELIVERY:
            continue
        if (envelope.get("channel"), envelope.get("sender"), envelope.get("item_code"), envelope.get("notice_version")) != (
            channel, sender, item_code, notice_version
        ):
            continue
        section = envelope.get("section")
        if not isinstance(section, int) or isinstance(section, bool):
            continue
        earlier = found.get(section)
        if earlier is None or str(envelope.get("delivered_at")) < str(earlier.get("delivered_at")):
            found[section] = envelope
    return found


def missing_sections(delivered: Mapping[int, Any], total: int) -> List[int]:
    """The sections 1..total that have no delivery."""
    return [index for index in range(1, total + 1) if index not in delivered]
