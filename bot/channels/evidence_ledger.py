"""Where a channel's evidence waits between a delivery and the person's next message (bot/core/evidence.py).

An output channel learns that a notice section arrived (REST: the response was returned; socket.io: the browser
acknowledged it; WeChat: the customer-service API accepted it) only after Rasa has finished the turn, so the
signed delivery cannot ride on anything of that turn. It waits here, per sender, and is attached to that
sender's next user message, where the action server (a courier, never an author of evidence) finds it in
``tracker.latest_message["metadata"]["evidence"]``. Taking it removes it: each delivery travels once.

What the channels call (the same three for every channel, WeChat included):

- ``sign_user_message(message, channel)`` - on every incoming ``UserMessage``, before ``on_new_message``: gives it
  a message id where it has none, and sets ``metadata["evidence"] = {"message": <signed envelope>, "deliveries":
  <this sender's pending deliveries>}``, keeping every other metadata key. Whatever a client sent under
  ``evidence`` is dropped, signed or not.
- ``record_delivery(channel, sender, message, sent_at=..., how=...)`` - when an output channel knows that a bot
  message (Rasa's ``{"text", "custom"}``) reached the person. Only ``notice_section`` messages are signed; others
  are ignored, so a channel may call it for every message.
- ``take(sender)`` / ``record(sender, envelope)`` - the ledger itself, for channels with special needs.

Storage: memory (bounded per sender and in total, a day's TTL) unless ``GZ_EVIDENCE_REDIS_URL`` is set - the
scale profile runs several Sanic workers, and the delivery recorded by one worker must reach the next message
handled by another. The Redis client is synchronous on purpose: one loopback round trip with short timeouts,
callable from async handlers, socket.io ack callbacks and threads alike.

Without a key (``GZ_EVIDENCE_KEY_PATH`` unset, e.g. a bare ``rasa run``) both helpers sign nothing and say so once
in the log; a journey then cannot reach a commitment, which is the safe way to fail. A Redis error likewise loses
the delivery (the person is told which part did not arrive and can ask for it again) rather than failing the turn.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
from collections import OrderedDict
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Tuple

from bot.core import evidence

logger = logging.getLogger(__name__)

ENV_REDIS_URL = "GZ_EVIDENCE_REDIS_URL"
EVIDENCE_KEY = "evidence"  # the metadata key the channels own

TTL_SECONDS = 24 * 3600
# A notice has seven sections and may be sent again on request; more than this many undelivered-to-the-API
# envelopes for one person means something is looping, and the oldest matter least.
MAX_PER_SENDER = 64
MAX_SENDERS = 20000
REDIS_PREFIX = "gz:evidence:pending:"
REDIS_TIMEOUT_SECONDS = 2.0


class Ledger(Protocol):
    def record(self, sender: str, envelope: Mapping[str, Any]) -> None: ...

    def take(self, sender: str) -> List[Dict[str, Any]]: ...


class MemoryLedger:
    """One process's pending deliveries: oldest senders and envelopes go first when a bound is reached."""

    def __init__(
        self,
        *,
        ttl_seconds: float = TTL_SECONDS,
        max_per_sender: int = MAX_PER_SENDER,
        max_senders: int = MAX_SENDERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_per_sender = max_per_sender
        self.max_senders = max_senders
        self._clock = clock
        self._pending: "OrderedDict[str, List[Tuple[float, Dict[str, Any]]]]" = OrderedDict()
        self._lock = threading.Lock()  # socket.io callbacks and WeChat sends may come from other threads

    def record(self, sender: str, envelope: Mapping[str, Any]) -> None:
        now = self._clock()
        with self._lock:
            entries = [e for e in self._pending.pop(sender, []) if now - e[0] < self.ttl_seconds]
            entries.append((now, dict(envelope)))
            self._pending[sender] = entries[-self.max_per_sender:]
            while len(self._pending) > self.max_senders:
                self._pending.popitem(last=False)

    def take(self, sender: str) -> List[Dict[str, Any]]:
        now = self._clock()
        with self._lock:
            entries = self._pending.pop(sender, [])
        return [envelope for at, envelope in entries if now - at < self.ttl_seconds]

    def __len__(self) -> int:
        return len(self._pending)


class RedisLedger:
    """Pending deliveries in Redis: one list per sender, trimmed and expiring; taken atomically (read + delete)."""

    def __init__(self, url: str = "", *, client: Any = None, ttl_seconds: int = TTL_SECONDS,
                 max_per_sender: int = MAX_PER_SENDER) -> None:
        if client is None:
            import redis  # only where Redis is configured

            client = redis.Redis.from_url(
                url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
            )
        self.client = client
        self.ttl_seconds = int(ttl_seconds)
        self.max_per_sender = max_per_sender

    @staticmethod
    def key(sender: str) -> str:
        return REDIS_PREFIX + sender

    def record(self, sender: str, envelope: Mapping[str, Any]) -> None:
        key = self.key(sender)
        pipe = self.client.pipeline(transaction=True)
        pipe.rpush(key, json.dumps(dict(envelope), ensure_ascii=False, sort_keys=True))
        pipe.ltrim(key, -self.max_per_sender, -1)
        pipe.expire(key, self.ttl_seconds)
        pipe.execute()

    def take(self, sender: str) -> List[Dict[str, Any]]:
        key = self.key(sender)
        pipe = self.client.pipeline(transaction=True)
        pipe.lrange(key, 0, -1)
        pipe.delete(key)
        raw, _ = pipe.execute()
        taken: List[Dict[str, Any]] = []
        for item in raw or []:
            try:
                value = json.loads(item)
            except (TypeError, ValueError):
                continue
            if isinstance(value, dict):
                taken.append(value)
        return taken


# --- the process's ledger and key --------------------------------------------------------------------------

_ledgers: Dict[str, Ledger] = {}
_keys: Dict[str, Optional[bytes]] = {}
_warned = False
_state_lock = threading.Lock()


def ledger(env: Mapping[str, str] = os.environ) -> Ledger:
    """The ledger this process uses: Redis at ``GZ_EVIDENCE_REDIS_URL``, else memory (one per configuration)."""
    url = (env.get(ENV_REDIS_URL) or "").strip()
    with _state_lock:
        found = _ledgers.get(url)
        if found is None:
            found = RedisLedger(url) if url else MemoryLedger()
            _ledgers[url] = found
        return found


def signing_key(env: Mapping[str, str] = os.environ) -> Optional[bytes]:
    """The evidence key (read once per path), or None - logged once - where the process has none."""
    global _warned
    path = (env.get(evidence.ENV_KEY_PATH) or "").strip()
    with _state_lock:
        if path not in _keys:
            try:
                _keys[path] = evidence.key_from_env({evidence.ENV_KEY_PATH: path}) if path else None
            except (OSError, ValueError) as error:
                # An unreadable or short key file: the conversation goes on unsigned (so no commitment can be
                # made) and the next message tries again; the reason is in the log every time.
                logger.error("evidence key unusable (%s): nothing is signed", type(error).__name__)
                return None
        key = _keys[path]
        if key is None and not _warned:
            _warned = True
            logger.warning(
                "%s is not set: messages and notice deliveries are not signed, no commitment can be made",
                evidence.ENV_KEY_PATH,
            )
        return key


def reset() -> None:
    """Forget the cached key and ledgers (tests change the environment between cases)."""
    global _warned
    with _state_lock:
        _ledgers.clear()
        _keys.clear()
        _warned = False


def record(sender: str, envelope: Mapping[str, Any]) -> None:
    """Keep a signed delivery for the sender's next message; a storage error loses it (logged, never raised)."""
    try:
        ledger().record(sender, envelope)
    except Exception as error:  # the reply itself must still reach the person
        logger.error("evidence: could not keep a delivery (%s)", type(error).__name__)


def take(sender: str) -> List[Dict[str, Any]]:
    """The sender's pending deliveries, removed from the ledger; [] on a storage error (logged)."""
    try:
        return ledger().take(sender)
    except Exception as error:
        logger.error("evidence: could not read the pending deliveries (%s)", type(error).__name__)
        return []


# --- what the channels call ----------------------------------------------------------------------------------


def message_metadata(
    metadata: Optional[Mapping[str, Any]], *, channel: str, sender: str, message_id: str, text: str
) -> Optional[Dict[str, Any]]:
    """``metadata`` with ``evidence`` set to the signed message and the sender's pending deliveries.

    A client's own ``evidence`` key never survives. Without a key nothing is signed or taken."""
    given = metadata if isinstance(metadata, Mapping) else {}
    kept: Dict[str, Any] = {k: v for k, v in given.items() if k != EVIDENCE_KEY}
    key = signing_key()
    if key is None or not isinstance(text, str) or not isinstance(sender, str):
        return kept or None
    envelope = evidence.sign_message(key, channel=channel, sender=sender, message_id=message_id, text=text)
    kept[EVIDENCE_KEY] = {"message": envelope, "deliveries": take(sender)}
    return kept


def sign_user_message(message: Any, channel: str) -> Any:
    """Sign a Rasa ``UserMessage`` in place, exactly as Rasa will record it, and return it.

    Its text is cleaned first the way the message guard (bot/channels/message_guard.py) would, so the signed text is the
    text of the stored user event; its ``message_id`` is set when missing so that the event carries the same id."""
    from bot.channels.message_guard import clean_text

    message.text = clean_text(message.text)
    if not getattr(message, "message_id", None):
        message.message_id = uuid.uuid4().hex
    message.metadata = message_metadata(
        message.metadata, channel=channel, sender=message.sender_id, message_id=message.message_id, text=message.text
    )
    return message


def record_delivery(
    channel: str,
    sender: str,
    message: Mapping[str, Any],
    *,
    sent_at: str,
    delivered_at: Optional[str] = None,
    how: Optional[str] = None,
) -> Optional[Dict[str, Any]]:
    """Sign and keep the delivery of one bot message if it is a notice section; the envelope, or None."""
    if not evidence.is_notice_section(message):
        return None
    text = message.get("text")
    if not isinstance(text, str):
        return None  # the section's words are its text: a custom without it delivered nothing readable
    key = signing_key()
    if key is None:
        return None
    envelope = evidence.sign_delivery(
        key, channel=channel, sender=sender, custom=message["custom"], text=text, sent_at=sent_at,
        delivered_at=delivered_at, how=how,
    )
    record(sender, envelope)
    return envelope
