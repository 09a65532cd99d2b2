"""The tracker store survives a database restart without forgetting or splitting a conversation (P4).

Found by tests/scale/test_pg_restart.py (PostgreSQL restarted while 20 citizens were mid-journey). Two things
in Rasa 3.6 turned a few seconds of database downtime into lost journeys:

1. **Stale pooled connections.** After a restart every connection in the SQL tracker store's pool is dead, and
   the next request on each fails. The API's engine checks a connection before use (``pool_pre_ping``,
   api/database.py); Rasa's engine does not, and with ``login_db`` (which our endpoints use, so the tracker
   database is created on first start) Rasa even rebuilds the engine without its pool settings. ``install``
   rebuilds it once more with Rasa's own pool settings plus ``pool_pre_ping``: a dead connection is replaced
   before a request uses it.
2. **Rasa's fail-safe wrapper forgets the conversation.** ``FailSafeTrackerStore`` answers a failed *read* with
   "no tracker", so Rasa starts a new, empty conversation for the citizen: the journey restarts from the
   beginning (the name typed next was searched as a catalogue item), and that empty conversation's events were
   then appended to the stored one. A failed *write* goes to an in-memory store of that one process, which
   another replica never sees. ``install`` makes both fail instead: the turn is not processed, nothing is
   stored, the channel answers ``service_error`` (bot/rest_channel.py) and the citizen sends the message again
   once the database is back, continuing exactly where they were.

Applied by bot/rasa_server.py to every Rasa server we start, whatever its tuning flags: these are correctness
fixes, not speed-ups.
"""
from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

_installed = False


class TrackerStoreUnavailable(Exception):
    """The conversation could not be read from or written to the tracker store; the turn was not processed."""


def install() -> None:
    global _installed
    if _installed:
        return
    import rasa.core.tracker_store as ts
    import sqlalchemy as sa

    sql_init = ts.SQLTrackerStore.__init__

    def __init__(self, *args, **kwargs) -> None:
        sql_init(self, *args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            return  # a local file: nothing to reconnect to
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **ts.create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    ts.SQLTrackerStore.__init__ = __init__

    def _unavailable(store: "ts.FailSafeTrackerStore", operation: str, error: Exception) -> TrackerStoreUnavailable:
        # P5: SQLAlchemy's error text carries the statement's parameters (a user's message, with the ID numbers
        # typed in it) and a traceback is not masked by the log filter; so only the type and the driver's first
        # line ("server closed the connection unexpectedly") are logged, and the cause is not chained.
        reason = str(getattr(error, "orig", None) or type(error).__name__).strip().splitlines()[0][:200]
        logger.error("tracker store %s failed (%s: %s): the turn is not processed", operation,
                     type(error).__name__, reason)
        return TrackerStoreUnavailable(f"{type(store._tracker_store).__name__}.{operation}: {type(error).__name__}")

    async def retrieve(self, sender_id):
        try:
            return await self._tracker_store.retrieve(sender_id)
        except Exception as error:
            raise _unavailable(self, "retrieve", error) from None

    async def retrieve_full_tracker(self, sender_id):
        try:
            return await self._tracker_store.retrieve_full_tracker(sender_id)
        except Exception as error:
            raise _unavailable(self, "retrieve_full_tracker", error) from None

    async def save(self, tracker) -> None:
        try:
            await self._tracker_store.save(tracker)
        except Exception as error:
            raise _unavailable(self, "save", error) from None

    ts.FailSafeTrackerStore.retrieve = retrieve
    ts.FailSafeTrackerStore.retrieve_full_tracker = retrieve_full_tracker
    ts.FailSafeTrackerStore.save = save
    _installed = True
