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
   stored, the channel answers ``service_error`` (bot/channels/rest.py) and the citizen sends the message again
   once the database is back, continuing exactly where they were.

3. **What a citizen typed is encrypted at rest (P5).** The ``data`` column of every event - the JSON Rasa
   reads a tracker back from: the user's text and parse data, bot texts, slot values, where an ID number, a name
   or a phone number appears - is sealed with AES-256-GCM by the data key ring (bot/core/sealing.py,
   ``GZ_DATA_KEY_PATH``; the same ring the API uses, created 0600 on first use if missing). The associated data
   is the event's ``sender_id`` (``event_aad``): a row copied into another conversation does not open. Sealing
   and opening are SQLAlchemy ORM events on Rasa's own ``SQLEvent`` (``before_insert``/``before_update`` and
   ``load``/``refresh``), so every read path of Rasa's store (``retrieve``, ``retrieve_full_tracker``, the HTTP
   API, exports through our launcher) gets clear JSON and every write is sealed, without copying Rasa's code.
   A row that does not open (altered, sealed for another sender, unknown key) fails the read like a database
   error: ``TrackerStoreUnavailable``, the citizen gets ``service_error``, never an empty new conversation.
   Rows written before this change (clear JSON) still read as they are (``is_sealed``): no migration is needed;
   ``python -m bot.tools.retention seal`` re-seals them in place when wanted.
   The other columns stay clear and carry no personal data: ``type_name`` (event type), ``timestamp``,
   ``intent_name`` (the intent) and ``action_name`` (Rasa's ``name`` of the event: an action, form or slot
   *name*, never a slot value) - checked against a full journey by tests/e2e/test_tracker_encryption.py.
   Measured cost (``python -m bot.rasa.tracker_store``, events of our journey, ~0.4 kB of JSON each): about 10 µs to
   seal and 9 µs to open one event - about 6 % of the ~150 µs per event Rasa spends reading a tracker back
   (a 600-event conversation: ~92 ms to read, of which ~5 ms opening).
4. **An index for the per-conversation lookups**: Rasa creates one on ``sender_id`` only; its own session query
   (the latest ``session_started``) and the REST channel's pending staff messages (bot/channels/rest.py) look up
   one sender's events of one type, so ``ix_events_sender_type`` on (sender_id, type_name, id) is added, created
   with the table or, for an existing table, at start-up (``checkfirst``).

Applied by bot/rasa/server.py to every Rasa server we start, whatever its tuning flags: these are correctness
fixes, not speed-ups. Processes that read the ``events`` table themselves open the rows with ``open_event_data``
(api/admin/inbox.py, bot/channels/rest.py).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Dict, Optional

from bot.core import sealing

logger = logging.getLogger(__name__)

_installed = False
INDEX_NAME = "ix_events_sender_type"
_AAD_PREFIX = b"tracker-event:"
_rings: Dict[str, sealing.KeyRing] = {}


def event_aad(sender_id: str) -> bytes:
    """The associated data of an event's sealed ``data``: its conversation (a row moved elsewhere does not open)."""
    return _AAD_PREFIX + str(sender_id).encode("utf-8")


def key_ring(path: Optional[Path] = None) -> sealing.KeyRing:
    """The data key ring at ``path`` (default ``GZ_DATA_KEY_PATH``), created 0600 if missing, read once per path
    (a rotation takes effect at the next start, as bot/core/sealing.py says)."""
    # Called for every event read and written: the default is looked up by the environment's string, without
    # building a Path each time (that was 13 % of a tracker read, bench/profile.py).
    name = str(path) if path is not None else os.environ.get(sealing.ENV_KEY_PATH) or str(sealing.DEFAULT_KEY_PATH)
    ring = _rings.get(name)
    if ring is None:
        ring = _rings[name] = sealing.load_or_create(Path(name))
    return ring


def seal_event_data(data: str, sender_id: str, ring: Optional[sealing.KeyRing] = None) -> str:
    if data is None or sealing.is_sealed(data):
        return data
    return (ring or key_ring()).seal(data, event_aad(sender_id))


def open_event_data(data: Optional[str], sender_id: str, ring: Optional[sealing.KeyRing] = None) -> Optional[str]:
    """The event's JSON: a sealed value opened (``SealingError`` if it does not), a clear one (written before
    encryption) as it is."""
    if not sealing.is_sealed(data):
        return data
    return (ring or key_ring()).open(data, event_aad(sender_id))


class TrackerStoreUnavailable(Exception):
    """The conversation could not be read from or written to the tracker store; the turn was not processed."""


class TrackerDataUnreadable(Exception):
    """A stored event does not open (altered, moved to another conversation, sealed with an unknown key)."""


def install() -> None:
    global _installed
    if _installed:
        return
    import rasa.core.tracker_store as ts
    import sqlalchemy as sa
    from sqlalchemy.orm.attributes import set_committed_value

    sql_init = ts.SQLTrackerStore.__init__

    def __init__(self, *args, **kwargs) -> None:
        key_ring()  # a missing key is created, an unreadable one stops the start (not the first turn)
        sql_init(self, *args, **kwargs)
        if self.engine.dialect.name != "sqlite":  # a local file has nothing to reconnect to
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(url, pool_pre_ping=True, **ts.create_engine_kwargs(url))
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        try:  # an existing table (created before this index) gets it now; a new one got it from create_all
            sender_type_index.create(self.engine, checkfirst=True)
        except sa.exc.SQLAlchemyError as error:  # e.g. a replica created it at the same moment: not fatal
            logger.warning("tracker store: index %s not created (%s)", INDEX_NAME, type(error).__name__)

    ts.SQLTrackerStore.__init__ = __init__

    event_model = ts.SQLTrackerStore.SQLEvent
    table = event_model.__table__
    sender_type_index = next((i for i in table.indexes if i.name == INDEX_NAME), None) or sa.Index(
        INDEX_NAME, table.c.sender_id, table.c.type_name, table.c.id)

    def seal_row(mapper, connection, target) -> None:  # noqa: ARG001
        target.data = seal_event_data(target.data, target.sender_id)

    def open_row(target, *_args) -> None:
        if sealing.is_sealed(target.data):
            try:
                opened = open_event_data(target.data, target.sender_id)
            except sealing.SealingError:
                # Not a ValueError: Rasa's session_scope takes any ValueError for a missing PostgreSQL schema and
                # exits the whole server (rasa/core/tracker_store.py, print_error_and_exit).
                raise TrackerDataUnreadable(f"event {target.id} does not open") from None
            # committed value: the opened JSON is what was loaded, not a change to write back
            set_committed_value(target, "data", opened)

    sa.event.listen(event_model, "before_insert", seal_row)
    sa.event.listen(event_model, "before_update", seal_row)
    sa.event.listen(event_model, "load", open_row)
    sa.event.listen(event_model, "refresh", open_row)

    def _unavailable(store: "ts.FailSafeTrackerStore", operation: str, error: Exception) -> TrackerStoreUnavailable:
        # P5: SQLAlchemy's error text carries the statement's parameters (a user's message, with the ID numbers
        # typed in it) and a traceback is not masked by the log filter; so only the type and the driver's first
        # line ("server closed the connection unexpectedly") are logged, and the cause is not chained.
        reason = str(error if isinstance(error, TrackerDataUnreadable) else getattr(error, "orig", None)
                     or type(error).__name__).strip().splitlines()[0][:200]
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


def measure(rounds: int = 2000) -> None:
    """``python -m bot.rasa.tracker_store``: what sealing and opening cost per event (the figure in the docstring)."""
    import json
    import tempfile
    import time

    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    parse = {"intent": {"name": "inform", "confidence": 0.93},
             "intent_ranking": [{"name": f"intent_{i}", "confidence": 0.01} for i in range(10)],
             "entities": [{"entity": "id_number", "value": "410105199001011233", "start": 6, "end": 24}],
             "text": "我的身份证号是410105199001011233"}
    events = [UserUttered(parse["text"], parse["intent"], parse["entities"], parse),
              BotUttered("请输入申请人姓名", {"custom": {"stage": "ask", "slot": "applicant_name"}}),
              SlotSet("applicant_id", "410105199001011233")]
    texts = [json.dumps(e.as_dict()) for e in events]
    with tempfile.TemporaryDirectory() as tmp:
        ring = key_ring(Path(tmp) / "data.key")
        started = time.perf_counter()
        sealed = [seal_event_data(t, "citizen-1", ring) for _ in range(rounds) for t in texts]
        middle = time.perf_counter()
        for value in sealed:
            open_event_data(value, "citizen-1", ring)
        done = time.perf_counter()
    n = rounds * len(texts)
    print(f"{n} events, mean {sum(map(len, texts)) / len(texts):.0f} bytes of JSON: seal {(middle - started) / n * 1e6:.1f} µs, "
          f"open {(done - middle) / n * 1e6:.1f} µs per event")


if __name__ == "__main__":
    measure()
