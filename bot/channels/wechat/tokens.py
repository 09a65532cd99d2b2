"""The access-token cache shared by every Rasa process.

WeChat issues one ``access_token`` per official account (valid 7200 s), and fetching a new one invalidates
the previous one after a short grace period; its daily quota is small. Several Rasa processes fetching
their own tokens would knock each other's tokens out. So the token lives in the shared expiring store
(dedup.py: SQLite file on one machine, Redis when configured), and a short *lease* key, claimed atomically,
makes exactly one process fetch while the others wait for its result.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Awaitable, Callable, Optional, Tuple

from bot.channels.wechat.dedup import ExpiringStore

logger = logging.getLogger(__name__)

REFRESH_MARGIN_SECONDS = 300.0  # refresh 5 minutes before WeChat's expiry
LEASE_SECONDS = 15.0  # one fetch may take this long before another process may try
POLL_SECONDS = 0.05

Fetch = Callable[[], Awaitable[Tuple[str, float]]]  # -> (access_token, expires_in seconds)


class TokenUnavailable(RuntimeError):
    pass


class AccessTokenCache:
    def __init__(
        self,
        store: ExpiringStore,
        app_id: str,
        fetch: Fetch,
        *,
        clock: Callable[[], float] = time.time,
        margin: float = REFRESH_MARGIN_SECONDS,
        lease: float = LEASE_SECONDS,
    ):
        self.store = store
        self.fetch = fetch
        self.clock = clock
        self.margin = margin
        self.lease = lease
        self.key = f"access_token:{app_id}"
        self.lease_key = f"access_token_lease:{app_id}"
        self._local = asyncio.Lock()  # one fetch attempt per process at a time

    async def _cached(self) -> Optional[str]:
        raw = await self.store.get(self.key)
        if not raw:
            return None
        entry = json.loads(raw)
        return entry["token"] if entry["refresh_at"] > self.clock() else None

    async def get(self) -> str:
        token = await self._cached()
        if token:
            return token
        async with self._local:
            deadline = time.monotonic() + 2 * self.lease
            while time.monotonic() < deadline:
                token = await self._cached()
                if token:
                    return token
                if await self.store.claim(self.lease_key, "fetching", self.lease):
                    try:
                        # Looked again under the lease: a process that fetched between our look and our claim
                        # stored its token before it let the lease go, and a second fetch would knock it out.
                        return await self._cached() or await self._refresh()
                    finally:
                        await self.store.delete(self.lease_key)
                await asyncio.sleep(POLL_SECONDS)  # another process is fetching; its token will appear
        raise TokenUnavailable("no access token: the fetching process did not finish in time")

    async def _refresh(self) -> str:
        token, expires_in = await self.fetch()
        lifetime = max(1.0, float(expires_in) - self.margin)
        entry = {"token": token, "refresh_at": self.clock() + lifetime}
        await self.store.put(self.key, json.dumps(entry), lifetime)
        logger.info("wechat access token refreshed (valid %.0f s)", float(expires_in))
        return token

    async def invalidate(self, token: str) -> None:
        """WeChat said ``token`` is invalid or expired (40001/40014/42001): drop it unless already replaced."""
        raw = await self.store.get(self.key)
        if raw and json.loads(raw).get("token") == token:
            await self.store.delete(self.key, only_if=raw)
