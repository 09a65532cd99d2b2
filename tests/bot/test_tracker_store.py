"""bot/tracker_store.py: a tracker store failure fails the turn instead of forgetting the conversation (P4)."""
from __future__ import annotations

import asyncio
import logging

import pytest
import sqlalchemy
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import TrackerStoreUnavailable, install

install()


class BrokenStore(InMemoryTrackerStore):
    async def retrieve(self, sender_id):
        raise sqlalchemy.exc.OperationalError(
            "SELECT * FROM events WHERE data = ?", {"data": "我叫张伟，身份证410105199001011233"},
            Exception("server closed the connection unexpectedly"),
        )

    retrieve_full_tracker = retrieve

    async def save(self, tracker):
        await self.retrieve(tracker.sender_id)


def test_a_failed_read_fails_the_turn_and_logs_no_user_data(caplog):
    store = FailSafeTrackerStore(BrokenStore(Domain.empty()))
    with caplog.at_level(logging.ERROR):
        with pytest.raises(TrackerStoreUnavailable) as raised:
            asyncio.run(store.retrieve("citizen-1"))  # Rasa's own wrapper answered None: a new, empty conversation
        with pytest.raises(TrackerStoreUnavailable):
            asyncio.run(store.retrieve_full_tracker("citizen-1"))
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    assert "server closed the connection unexpectedly" in caplog.text
    assert "410105199001011233" not in caplog.text and "张伟" not in caplog.text  # P5: no SQL parameters


def test_a_failed_write_is_not_kept_in_one_process_memory():
    store = FailSafeTrackerStore(BrokenStore(Domain.empty()))
    tracker = DialogueStateTracker.from_events("citizen-2", [UserUttered("你好")])
    with pytest.raises(TrackerStoreUnavailable):
        asyncio.run(store.save(tracker))
    assert store._fallback_tracker_store is None  # Rasa's wrapper saved it in an in-memory fallback store


def test_a_working_store_is_unchanged(tmp_path):
    store = FailSafeTrackerStore(SQLTrackerStore(Domain.empty(), db=str(tmp_path / "t.db")))
    tracker = DialogueStateTracker.from_events("citizen-3", [UserUttered("你好")])
    asyncio.run(store.save(tracker))
    assert [e.text for e in asyncio.run(store.retrieve("citizen-3")).events if isinstance(e, UserUttered)] == ["你好"]
    assert asyncio.run(store.retrieve("nobody")) is None
