"""De-duplication of WeChat's retries, and the channel's small per-user state, in one expiring store.

WeChat re-sends a message it got no answer to within 5 seconds, up to three times, with the same ``MsgId``
(events, and any message that comes without one: the same ``FromUserName`` + ``CreateTime``). Each must
become exactly ONE Rasa turn (contract rule 3: a retried message never creates a second commitment), also when
several Rasa processes serve the webhook.
So the first arrival *claims* the message key atomically; later arrivals only read what became of it.

Backends, both with expiry:
- Redis when ``redis_url`` is configured (the scale profile; ``SET NX PX``);
- otherwise the embedded SQLite file (one ``INSERT OR IGNORE`` in an immediate transaction; several
  processes on one machine share it).

The same store keeps, per citizen, the numbered choices last offered (so "1" can be mapped back) and the
messages WeChat refused to deliver (45015), with the notice section each still shows in full (so its delivery
can be signed when it does go out); per message, the notice sections of its passive reply (signed as delivered
each time that reply is returned); and the access-token cache (tokens.py).
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from bot.channels.wechat.render import Choice, Outgoing

DEFAULT_DEDUP_TTL_SECONDS = 600.0  # WeChat's retries come within ~15 s; keys are kept much longer
USER_STATE_TTL_SECONDS = 48 * 3600.0  # WeChat's customer-service window is 48 h after the user's last message


class ExpiringStore:
    """Key -> text with a time to live. Every method is atomic across processes."""

    async def claim(self, key: str, value: str, ttl: float) -> bool:
        """Set ``key`` only if it is absent (or expired); True when this caller set it."""
        raise NotImplementedError

    async def get(self, key: str) -> Optional[str]:
        raise NotImplementedError

    async def put(self, key: str, value: str, ttl: float) -> None:
        raise NotImplementedError

    async def take(self, key: str) -> Optional[str]:
        """Read and delete in one step (a value taken by one process is never taken again)."""
        raise NotImplementedError

    async def delete(self, key: str, *, only_if: Optional[str] = None) -> bool:
        raise NotImplementedError

    async def close(self) -> None:
        return None


class SQLiteStore(ExpiringStore):
    """The embedded default: a SQLite file shared by the processes of one machine."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS wechat_store ("
                " key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at REAL NOT NULL)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS ix_wechat_store_expires_at ON wechat_store (expires_at)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=15, isolation_level=None)

    def _transaction(self, work: Callable[[sqlite3.Connection, float], Any]) -> Any:
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")  # the write lock first: claim is check-and-set across processes
            now = self.clock()
            try:
                result = work(db, now)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
            return result
        finally:
            db.close()

    async def _run(self, work: Callable[[sqlite3.Connection, float], Any]) -> Any:
        return await asyncio.to_thread(self._transaction, work)

    async def claim(self, key: str, value: str, ttl: float) -> bool:
        def work(db: sqlite3.Connection, now: float) -> bool:
            db.execute("DELETE FROM wechat_store WHERE expires_at <= ?", (now,))
            cursor = db.execute(
                "INSERT OR IGNORE INTO wechat_store (key, value, expires_at) VALUES (?, ?, ?)", (key, value, now + ttl)
            )
            return cursor.rowcount == 1

        return await self._run(work)

    async def get(self, key: str) -> Optional[str]:
        def work(db: sqlite3.Connection, now: float) -> Optional[str]:
            row = db.execute(
                "SELECT value FROM wechat_store WHERE key = ? AND expires_at > ?", (key, now)
            ).fetchone()
            return row[0] if row else None

        return await self._run(work)

    async def put(self, key: str, value: str, ttl: float) -> None:
        def work(db: sqlite3.Connection, now: float) -> None:
            db.execute(
                "INSERT INTO wechat_store (key, value, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
                (key, value, now + ttl),
            )

        await self._run(work)

    async def take(self, key: str) -> Optional[str]:
        def work(db: sqlite3.Connection, now: float) -> Optional[str]:
            row = db.execute(
                "SELECT value FROM wechat_store WHERE key = ? AND expires_at > ?", (key, now)
            ).fetchone()
            db.execute("DELETE FROM wechat_store WHERE key = ?", (key,))
            return row[0] if row else None

        return await self._run(work)

    async def delete(self, key: str, *, only_if: Optional[str] = None) -> bool:
        def work(db: sqlite3.Connection, now: float) -> bool:
            if only_if is None:
                cursor = db.execute("DELETE FROM wechat_store WHERE key = ?", (key,))
            else:
                cursor = db.execute("DELETE FROM wechat_store WHERE key = ? AND value = ?", (key, only_if))
            return cursor.rowcount == 1

        return await self._run(work)


_DELETE_IF_EQUAL = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


class RedisStore(ExpiringStore):
    """Shared by every Rasa process and machine (scale profile)."""

    def __init__(self, url: str, *, prefix: str = "gaozhi:wechat:"):
        import redis.asyncio as redis_asyncio  # Rasa already depends on redis (RedisLockStore)

        self.redis = redis_asyncio.from_url(url, decode_responses=True)
        self.prefix = prefix

    def _k(self, key: str) -> str:
        return self.prefix + key

    async def claim(self, key: str, value: str, ttl: float) -> bool:
        return bool(await self.redis.set(self._k(key), value, px=max(1, int(ttl * 1000)), nx=True))

    async def get(self, key: str) -> Optional[str]:
        return await self.redis.get(self._k(key))

    async def put(self, key: str, value: str, ttl: float) -> None:
        await self.redis.set(self._k(key), value, px=max(1, int(ttl * 1000)))

    async def take(self, key: str) -> Optional[str]:
        async with self.redis.pipeline(transaction=True) as pipe:
            value, _ = await pipe.get(self._k(key)).delete(self._k(key)).execute()
        return value

    async def delete(self, key: str, *, only_if: Optional[str] = None) -> bool:
        if only_if is None:
            return bool(await self.redis.delete(self._k(key)))
        return bool(await self.redis.eval(_DELETE_IF_EQUAL, 1, self._k(key), only_if))

    async def close(self) -> None:
        await self.redis.close()


def open_store(*, redis_url: Optional[str], sqlite_path: Path) -> ExpiringStore:
    return RedisStore(redis_url) if redis_url else SQLiteStore(sqlite_path)


# --- what became of one WeChat message -----------------------------------------------------------------

PROCESSING = "processing"
ANSWERED_SUCCESS = "success"  # WeChat got "success": no passive reply (any answer follows as customer-service messages)
_REPLIED = "passive:"


def message_key(message: Any) -> str:
    """``MsgId`` for messages; ``FromUserName`` + ``CreateTime`` (+ event name) for events, which have no id.

    A message without ``MsgId`` is keyed like an event, by its sender and time: a key of the id alone would be
    the same for every such message of every citizen, and the second citizen's message would be lost."""
    if getattr(message, "type", None) == "event":
        event = getattr(message, "event", "") or ""
        return f"evt:{message.source}:{message.time}:{event}"
    msg_id = getattr(message, "id", None)
    if msg_id:
        return f"msg:{msg_id}"
    return f"msg:{message.source}:{message.time}:{getattr(message, 'type', '')}"


def evidence_message_id(message: Any) -> str:
    """The id a user message is signed and recorded with: WeChat's ``MsgId``, else one derived from the sender
    and time (stable across WeChat's retries, and not showing the openid)."""
    msg_id = getattr(message, "id", None)
    if msg_id:
        return str(msg_id)
    basis = f"{message.source}:{message.time}:{getattr(message, 'type', '')}"
    return "wx-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


class MessageLedger:
    """One entry per WeChat message: claimed by the first arrival, then the outcome for later arrivals."""

    def __init__(self, store: ExpiringStore, ttl: float = DEFAULT_DEDUP_TTL_SECONDS):
        self.store = store
        self.ttl = ttl

    async def first_arrival(self, key: str) -> bool:
        return await self.store.claim("dedup:" + key, PROCESSING, self.ttl)

    async def record_passive_reply(self, key: str, text: str) -> None:
        await self.store.put("dedup:" + key, _REPLIED + text, self.ttl)

    async def record_answered_success(self, key: str) -> None:
        await self.store.put("dedup:" + key, ANSWERED_SUCCESS, self.ttl)

    async def record_passive_notices(self, key: str, notices: Sequence[Dict[str, Any]]) -> None:
        """The notice sections a passive reply shows; a retry that returns the same reply delivers them too."""
        if notices:
            await self.store.put("notices:" + key, json.dumps(list(notices), ensure_ascii=False), self.ttl)

    async def passive_notices(self, key: str) -> List[Dict[str, Any]]:
        raw = await self.store.get("notices:" + key)
        value = json.loads(raw) if raw else []
        return [n for n in value if isinstance(n, dict)] if isinstance(value, list) else []

    async def outcome(self, key: str) -> Tuple[str, Optional[str]]:
        """(PROCESSING | ANSWERED_SUCCESS | 'passive', the passive reply text)."""
        value = await self.store.get("dedup:" + key)
        if value is None or value == PROCESSING:
            return PROCESSING, None
        if value.startswith(_REPLIED):
            return "passive", value[len(_REPLIED):]
        return ANSWERED_SUCCESS, None


class CitizenState:
    """Per-openid channel state: the numbered choices last offered and the messages still owed."""

    def __init__(self, store: ExpiringStore, ttl: float = USER_STATE_TTL_SECONDS):
        self.store = store
        self.ttl = ttl

    async def choices(self, openid: str) -> Optional[List[Choice]]:
        raw = await self.store.get("choices:" + openid)
        if not raw:
            return None
        return [Choice(c["value"], c["label"]) for c in json.loads(raw)]

    async def remember_choices(self, openid: str, choices: Optional[List[Choice]], keep_previous: bool) -> None:
        if choices:
            payload = json.dumps([{"value": c.value, "label": c.label} for c in choices], ensure_ascii=False)
            await self.store.put("choices:" + openid, payload, self.ttl)
        elif not keep_previous:
            await self.store.delete("choices:" + openid)

    async def owe(self, openid: str, items: Sequence[Union[str, Outgoing]]) -> None:
        """Keep texts WeChat did not let us deliver; they lead the citizen's next reply."""
        if not items:
            return
        # Read-modify-write: two failed deliveries to the same citizen within milliseconds could lose one
        # append; acceptable for a courtesy re-send (the conversation itself is in Rasa's tracker, and a notice
        # section lost here is simply not signed as delivered: the citizen is told and can ask for it again).
        earlier = await self.take_owed(openid)
        kept = earlier + [item if isinstance(item, Outgoing) else Outgoing(item) for item in items]
        payload = json.dumps([item.to_json() for item in kept], ensure_ascii=False)
        await self.store.put("outbox:" + openid, payload, self.ttl)

    async def take_owed(self, openid: str) -> List[Outgoing]:
        raw = await self.store.take("outbox:" + openid)
        items = [Outgoing.from_json(value) for value in (json.loads(raw) if raw else [])]
        return [item for item in items if item.text]
