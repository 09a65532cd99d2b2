"""The catalogue as the action server sees it: the backend's current versions, kept in memory.

The backend owns item versions (R1). The action server reads them from the API, so the notification a
citizen reads is exactly a version the backend stored, and the commitment points at it (P2). If the API
cannot be reached at start-up, the same YAML the backend loads is used, so discovery still works; a
commitment can only be stored once the API answers, and the API refuses unknown notice versions.
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Dict, Optional

from actions import backend
from actions.discovery import ItemIndex
from bot.core.catalogue import Item, load_catalogue, parse_item

logger = logging.getLogger(__name__)

REFRESH_SECONDS = 60.0


class CatalogueCache:
    def __init__(self) -> None:
        self.items: Dict[str, Item] = {}
        self.index: Optional[ItemIndex] = None
        self.loaded_at = 0.0
        self.source = ""
        self._lock = asyncio.Lock()

    def _install(self, items: Dict[str, Item], source: str) -> None:
        # Any change rebuilds the index, not only a new notification: an alias published from the admin console
        # changes no notice_version but must reach discovery.
        changed = items != self.items
        self.items = items
        if changed or self.index is None:
            self.index = ItemIndex(items.values())
        self.loaded_at = time.monotonic()
        self.source = source

    async def refresh(self) -> None:
        try:
            rows = await backend.fetch_catalogue()
            items = {}
            for row in rows:
                # The API checked the notice's promises when it made the version; show what it holds.
                item = parse_item(row, f"api:{row.get('code')}", check_promises=False)
                if row.get("notice_version") and row["notice_version"] != item.notice_version:
                    raise ValueError(f"notice_version mismatch for {item.code}")
                items[item.code] = item
            self._install(items, "api")
        except (backend.BackendUnavailable, backend.BackendRefused, ValueError) as exc:
            if not self.items:
                logger.warning("catalogue from API unavailable (%s); using local YAML", exc)
                self._install(load_catalogue(), "yaml")
            else:
                self.loaded_at = time.monotonic()  # keep what we have; try again later

    async def ensure(self) -> "CatalogueCache":
        if not self.items or self.source != "api" or time.monotonic() - self.loaded_at > REFRESH_SECONDS:
            async with self._lock:
                if not self.items or self.source != "api" or time.monotonic() - self.loaded_at > REFRESH_SECONDS:
                    await self.refresh()
        return self

    def get(self, code: Optional[str]) -> Optional[Item]:
        return self.items.get(code) if code else None


catalogue = CatalogueCache()
