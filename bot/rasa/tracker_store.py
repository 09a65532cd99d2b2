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
   is the event's ``sender_id`` (``bot.core.tracker_events.event_aad``): a row copied into another conversation does not open. Sealing
   and opening are SQLAlchemy ORM events on Rasa's own ``SQLEvent`` (``before_insert``/``before_update`` and
   ``load``/``refresh``), so every ORM path gets clear JSON and every ORM write is sealed; the two paths a turn
   takes, reading a tracker and saving it, read and write columns instead (7.) and seal and open the same way
   (``seal_event_data``, ``opened_data``), so ``retrieve``, ``retrieve_full_tracker``, the HTTP API and exports
   through our launcher all get clear JSON.
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
4. **Indexes for the per-conversation lookups**: Rasa creates one on ``sender_id`` only; its own session query
   (the latest ``session_started``) and the REST channel's pending staff messages (bot/channels/rest.py) look up
   one sender's events of one type, so ``ix_events_sender_type`` on (sender_id, type_name, id) is added. Rasa then
   reads and counts (at every ``save``) the events of the latest session with one query that compares every row
   of the conversation with the latest session start; ``_event_query`` asks the same in two steps (the start,
   then the rows from it on), and ``ix_events_sender_time`` on (sender_id, timestamp) finds those rows without
   reading the older sessions (5.): at ~2,700 rows a count took 6 ms instead of 3. Both indexes are created
   with the table or, for an existing table, at start-up (``checkfirst``).

5. **A turn costs the same on the 10th and the 1000th message (P7).** Rasa rebuilds a conversation's tracker at
   every turn from every event of its current session: reads the rows, opens and parses them, replays them (a
   fallback's ``UserUtteranceReverted`` replays the whole session again), then featurizes the history for the
   policies and sends it to the action server. A session only ends after a day of silence, so a citizen who keeps
   typing (or a flood) made each turn slower than the one before: measured 0.24 s -> 0.43 s over 1,000 messages.
   ``save`` therefore caps a session at ``GZ_TRACKER_SESSION_EVENTS`` stored events (default
   ``DEFAULT_SESSION_EVENTS``; 0 turns the cap off): the turn that finds its session that long is stored as the
   first turn of a new session, which starts, as Rasa's own sessions do, with ``action_session_start`` and
   ``session_started``, followed by the state the conversation was in just before that turn - a ``SlotSet`` for
   every slot that was set, the active loop (its requested slot is a slot), the last action, and a pending
   interruption, rejection, follow-up action or pause - then the turn's own events. Why this keeps Rasa's
   behaviour:

   - ``session_started`` resets a tracker and the events after it restate the state, so the tracker Rasa reads
     back at the next turn (``retrieve``: the latest session) has the same slots, active loop and requested slot,
     last action and latest message as the one it would have rebuilt from the long session. ``save`` checks
     this before writing (the new session replayed against the tracker in memory) and does not cap when they
     differ - as after Rasa's fallback, which reverts the turn's message so that the latest message is the one
     before, in the old session: that turn stays where it is and the next one starts the new session. The
     turn's ``UserUttered`` is the stored row, so the session still expires a day after the person's last
     message, and its channel evidence (``metadata.evidence``: the signed message, the notice deliveries) is
     where it was; what the journey took from earlier evidence is in its slots (actions/journey.py).
   - The new rows carry the turn's user timestamp, which is later than every event of the old session and not
     later than any event of the turn (checked; a turn that breaks this, e.g. a clock step, is stored as Rasa
     would and the cap waits for the next turn). So Rasa's own session query (the latest ``session_started`` by
     timestamp), the REST channel's pending-message query and the retention purge all see the same boundary.
   - Only a turn that starts with the user's message is moved (not a real session start, not events appended
     through the HTTP API), so a new session never splits a turn. Our rules look at the current turn only
     (data/rules.yml, no stories), and the fallback count of actions/handoff.py reaches back one turn, which is
     in the new session at the next turn; the handoff preview shows fewer earlier messages right after a cap.
   - Nothing is deleted or rewritten: the old session stays in the table, ``retrieve_full_tracker`` (the HTTP
     API, exports, audits) replays every session into the same final state, the admin inbox reads the user and
     bot rows as before, and the new rows are sealed like every other (3.). The rows the cap adds are marked in
     their (sealed) metadata (``CAP_METADATA``) so a reader can tell a cap from a day's expiry.
   Rasa's ``save`` still writes the rows; the events are put in order around it, and afterwards the tracker in
   memory holds the new session, as a retrieve would return it. Measured by ``python -m bench --only long``.

6. **A save does not count again what the read of its turn counted.** Rasa's ``save`` stores ``tracker.events``
   from the number of stored rows of the latest session on, and counts them with two queries at every save
   (about 5 % of the Rasa server's time, bench/profile.py); the read of the same turn had just loaded exactly
   those rows. ``_retrieve`` (Rasa's own, unchanged) therefore notes that number on the tracker it returns, and
   the first save of that tracker uses it instead of counting. It is the count Rasa's query would give: a turn
   holds the conversation's lock from its read to its save (Rasa's lock store; the HTTP API's event routes take
   it too), so nobody stores rows of that conversation in between. The note is used once (a second save counts)
   and is ignored when the tracker's event list was replaced or the tracker was built otherwise (a new
   conversation, a copy, the HTTP API): then the rows are counted as Rasa does.

7. **A turn's rows are read and written as columns.** Rasa's ``_retrieve`` loads an ``SQLEvent`` ORM object per
   row and its ``save`` adds one per new event and flushes them one statement at a time; building and flushing
   those objects was about 15 % of the Rasa server's time (bench/profile.py). ``_retrieve`` selects the same rows'
   ``id`` and ``data`` with the same query (``_event_query``, same order) and ``save`` inserts the same column
   values Rasa computes (its ``as_dict``, JSON, intent and action name) with one executemany, in event order, so
   the ids keep the order the events are read back in. Sealing is unchanged (3.): tested on SQLite and PostgreSQL.

Applied by bot/rasa/server.py to every Rasa server we start, whatever its tuning flags: 1-3 are correctness
fixes, and 4-7 keep the cost of a turn from growing with the conversation or repeating work (they change no
answer: tested).
Processes that read the ``events`` table themselves open the rows with ``open_event_data``
(api/admin/inbox.py, bot/channels/rest.py).
"""
from __future__ import annotations

import itertools
import json
import logging
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.core import sealing, tracker_events

logger = logging.getLogger(__name__)

_installed = False
INDEX_NAME = "ix_events_sender_type"
TIME_INDEX_NAME = "ix_events_sender_time"
SESSION_STARTED = "session_started"  # Rasa's SessionStarted.type_name
_rings: Dict[str, sealing.KeyRing] = {}

ENV_SESSION_EVENTS = "GZ_TRACKER_SESSION_EVENTS"
# Small enough that a capped session costs little more than a fresh one (bench/long.py), large enough that the
# rows restating the state (about 40 slots) are a small share of what is stored.
DEFAULT_SESSION_EVENTS = 100
CAP_METADATA = {"session_continued": "length"}


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


def seal_event_data(data: Optional[str], sender_id: str, ring: Optional[sealing.KeyRing] = None) -> Optional[str]:
    """How a row is sealed is the kernel's (bot/core/tracker_events.py, the admin inbox opens rows by it too);
    which key ring, this process's."""
    return tracker_events.seal_event_data(data, sender_id, ring or key_ring())


def open_event_data(data: Optional[str], sender_id: str, ring: Optional[sealing.KeyRing] = None) -> Optional[str]:
    """The event's JSON: a sealed value opened (``SealingError`` if it does not), a clear one as it is."""
    if not sealing.is_sealed(data):
        return data  # no key ring is loaded for a clear row
    return tracker_events.open_event_data(data, sender_id, ring or key_ring())


def session_events_cap() -> int:
    """Stored events after which a session is continued in a new one (``GZ_TRACKER_SESSION_EVENTS``; 0: never)."""
    configured = os.environ.get(ENV_SESSION_EVENTS, "").strip()
    try:
        return max(0, int(configured)) if configured else DEFAULT_SESSION_EVENTS
    except ValueError:
        logger.warning("%s=%r is not a number: %d is used", ENV_SESSION_EVENTS, configured, DEFAULT_SESSION_EVENTS)
        return DEFAULT_SESSION_EVENTS


def tracker_state(tracker: Any) -> Dict[str, Any]:
    """What Rasa and the actions read of a tracker besides its events: two trackers equal in this behave alike.
    (The active loop's ``trigger_message`` is left out: neither Rasa 3.6 nor our code reads it.)"""
    loop = tracker.active_loop
    return {
        "slots": {name: (slot.value, slot.has_been_set) for name, slot in tracker.slots.items()},
        "active_loop": None if loop is None else (loop.name, loop.is_interrupted, loop.rejected),
        "latest_message": tracker.latest_message.as_dict() if tracker.latest_message else None,
        "latest_action": tracker.latest_action,
        "followup_action": tracker.followup_action,
        "paused": tracker.is_paused(),
    }


def restated_state(before: Any, at: float) -> List[Any]:
    """The events that open a new session in the state ``before`` is in, all stamped ``at``."""
    from rasa.shared.core.constants import ACTION_SESSION_START_NAME
    from rasa.shared.core.events import (ActionExecuted, ActionExecutionRejected, ActiveLoop, ConversationPaused,
                                         FollowupAction, LoopInterrupted, SessionStarted, SlotSet)

    def mark() -> Dict[str, Any]:
        return dict(CAP_METADATA)

    events: List[Any] = [ActionExecuted(ACTION_SESSION_START_NAME, timestamp=at, metadata=mark()),
                         SessionStarted(timestamp=at, metadata=mark())]
    events += [SlotSet(name, slot.value, timestamp=at, metadata=mark())
               for name, slot in before.slots.items() if slot.has_been_set]
    loop = before.active_loop
    if loop is not None and loop.name:
        events.append(ActiveLoop(loop.name, timestamp=at, metadata=mark()))
    latest = before.latest_action or {}
    if latest.get("action_name") or latest.get("action_text"):
        # Also ends the interruption an ActiveLoop would carry: restated after it.
        events.append(ActionExecuted(latest.get("action_name"), action_text=latest.get("action_text"), timestamp=at,
                                     metadata=mark()))
    if loop is not None and loop.name:
        if loop.is_interrupted:
            events.append(LoopInterrupted(True, timestamp=at, metadata=mark()))
        if loop.rejected:
            events.append(ActionExecutionRejected(loop.name, timestamp=at, metadata=mark()))
    if before.followup_action:
        events.append(FollowupAction(before.followup_action, timestamp=at, metadata=mark()))
    if before.is_paused():
        events.append(ConversationPaused(timestamp=at, metadata=mark()))
    return events


def continued_session(tracker: Any, stored: int) -> Optional[List[Any]]:
    """The events of a new session holding the turn that is being saved (``tracker.events[stored:]``), or None when
    this turn cannot start one without changing what Rasa reads back (the conditions are in the docstring, 5.)."""
    from rasa.shared.core.events import Restarted, SessionStarted, UserUttered

    events = list(tracker.events)
    old, new = events[:stored], events[stored:]
    if not old or not new or not isinstance(new[0], UserUttered):
        return None
    if any(isinstance(event, (SessionStarted, Restarted)) for event in new):
        return None
    at = new[0].timestamp
    if any(event.timestamp >= at for event in old) or any(event.timestamp < at for event in new):
        return None
    before = tracker.init_copy()
    for event in old:
        before.update(event)
    session = restated_state(before, at) + new
    check = tracker.init_copy()
    for event in session:
        check.update(event)
    if tracker_state(check) != tracker_state(tracker):
        logger.info("tracker store: a session of %d events is not continued at this turn: its state does not "
                    "restate (e.g. a reverted message)", stored)
        return None
    return session


# The number of stored rows of its latest session a tracker was read from, with the events it was read into.
_STORED_ROWS = "_gz_stored_rows"


def note_stored_rows(tracker: Any, rows: int) -> None:
    tracker.__dict__[_STORED_ROWS] = (rows, tracker.events)


def peek_stored_rows(tracker: Any) -> Optional[int]:
    """The stored rows of the tracker's latest session as read, if it was read here and not saved since."""
    noted = tracker.__dict__.get(_STORED_ROWS)
    # Rasa replaces the event list only when it rebuilds a tracker (e.g. the HTTP API replacing its events):
    # then nothing is known, and the rows are counted.
    if noted is None or noted[1] is not tracker.events:
        return None
    return noted[0]


def take_stored_rows(tracker: Any) -> Optional[int]:
    """``peek_stored_rows``, once: after a save the count is the database's again."""
    stored = peek_stored_rows(tracker)
    tracker.__dict__.pop(_STORED_ROWS, None)
    return stored


def opened_data(row_id: Any, data: Optional[str], sender_id: str) -> Optional[str]:
    """A row's JSON as its reader needs it: opened if sealed, ``TrackerDataUnreadable`` if it does not open."""
    if not sealing.is_sealed(data):
        return data
    try:
        return open_event_data(data, sender_id)
    except sealing.SealingError:
        # Not a ValueError: Rasa's session_scope takes any ValueError for a missing PostgreSQL schema and exits the
        # whole server (rasa/core/tracker_store.py, print_error_and_exit).
        raise TrackerDataUnreadable(f"event {row_id} does not open") from None


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
    from rasa.shared.nlu.constants import INTENT_NAME_KEY
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
        for index in indexes:
            try:  # an existing table (created before this index) gets it now; a new one got it from create_all
                index.create(self.engine, checkfirst=True)
            except sa.exc.SQLAlchemyError as error:  # e.g. a replica created it at the same moment: not fatal
                logger.warning("tracker store: index %s not created (%s)", index.name, type(error).__name__)

    ts.SQLTrackerStore.__init__ = __init__

    def _event_query(self, session, sender_id, fetch_events_from_all_sessions: bool):
        # Rasa's query, in two steps: Rasa compares each row of the conversation with the latest session start
        # (one query, ``timestamp >= (subquery) OR (subquery) IS NULL``), which no index can narrow, so every
        # read and every save went through all the rows the conversation ever had. The latest start is looked
        # up first, then the rows from it on, through ``ix_events_sender_time``: the same rows, in the same order.
        event = self.SQLEvent
        query = session.query(event).filter(event.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            start = session.query(sa.func.max(event.timestamp)).filter(
                event.sender_id == sender_id, event.type_name == SESSION_STARTED).scalar()
            if start is not None:
                query = query.filter(event.timestamp >= start)
        return query.order_by(event.id)

    ts.SQLTrackerStore._event_query = _event_query

    async def _retrieve(self, sender_id, fetch_events_from_all_sessions: bool):
        # Rasa's _retrieve (the same query, rows, tracker and log lines), which also notes on the tracker how
        # many rows of the latest session it was built from: its save needs that number (docstring, 6.).
        event = self.SQLEvent
        with self.session_scope() as db:
            # Columns, not ORM objects: building an ``SQLEvent`` per row (identity map, instance state, the load
            # event that opens it) was most of a read's time. The rows are opened here, as ``open_row`` does.
            rows = self._event_query(db, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
                                     ).with_entities(event.id, event.data).all()
            events = [json.loads(opened_data(row.id, row.data, sender_id)) for row in rows]
            if self.domain and len(events) > 0:
                logger.debug(f"Recreating tracker from sender id '{sender_id}'")
                tracker = ts.DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
                if not fetch_events_from_all_sessions:
                    note_stored_rows(tracker, len(rows))
                return tracker
            logger.debug(f"Can't retrieve tracker matching sender id '{sender_id}' from SQL storage. "
                         f"Returning `None` instead.")
            return None

    ts.SQLTrackerStore._retrieve = _retrieve

    def _additional_events(self, session, tracker):
        # Rasa counts the stored rows of the latest session at every save; the number noted when this tracker
        # was read is that count, unless this process saved the tracker since (then the note is gone).
        stored = take_stored_rows(tracker)
        if stored is None:
            stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
        return itertools.islice(tracker.events, stored, len(tracker.events))

    ts.SQLTrackerStore._additional_events = _additional_events

    async def sql_save(self, tracker) -> None:
        # Rasa's save (the same rows: its columns, its JSON, sealed as ``seal_row`` seals), inserted with one
        # executemany instead of the ORM's unit of work, which flushed the turn's ~15 rows one statement and one
        # object at a time (about 8 % of the Rasa server's time, bench/profile.py). In event order, so the ids
        # keep the order Rasa reads the events back in.
        await self.stream_events(tracker)
        with self.session_scope() as db:
            rows = []
            for event in self._additional_events(db, tracker):
                data = event.as_dict()
                rows.append({
                    "sender_id": tracker.sender_id,
                    "type_name": event.type_name,
                    "timestamp": data.get("timestamp"),
                    "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    "action_name": data.get("name"),
                    "data": seal_event_data(json.dumps(data), tracker.sender_id),
                })
            if rows:
                db.execute(self.SQLEvent.__table__.insert(), rows)
            db.commit()
        logger.debug(f"Tracker with sender_id '{tracker.sender_id}' stored to database")

    async def save(self, tracker) -> None:
        # Rasa stores ``tracker.events`` from the number of rows of the stored session on; a session too long is
        # continued in a new one by putting its events there (docstring, 5.).
        cap = session_events_cap()
        session = None
        if cap and len(tracker.events) > cap:
            stored = peek_stored_rows(tracker)
            if stored is None:
                with self.session_scope() as db:
                    stored = self._event_query(db, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            if stored >= cap:
                session = continued_session(tracker, stored)
        if session is None:
            await sql_save(self, tracker)
            return
        events = list(tracker.events)
        tracker.events = tracker._create_events(events[:stored] + session)
        try:
            await sql_save(self, tracker)  # stores events[stored:], the new session
        except BaseException:
            tracker.events = tracker._create_events(events)
            raise
        tracker.events = tracker._create_events(session)  # as the next retrieve returns it: a second save adds nothing
        logger.debug("tracker store: a session of %d events continued in a new one of %d", stored, len(session))

    ts.SQLTrackerStore.save = save

    event_model = ts.SQLTrackerStore.SQLEvent
    table = event_model.__table__
    existing = {i.name: i for i in table.indexes}
    indexes = [existing.get(INDEX_NAME) or sa.Index(INDEX_NAME, table.c.sender_id, table.c.type_name, table.c.id),
               existing.get(TIME_INDEX_NAME) or sa.Index(TIME_INDEX_NAME, table.c.sender_id, table.c.timestamp)]

    def seal_row(mapper, connection, target) -> None:  # noqa: ARG001
        target.data = seal_event_data(target.data, target.sender_id)

    def open_row(target, *_args) -> None:
        if sealing.is_sealed(target.data):
            # committed value: the opened JSON is what was loaded, not a change to write back
            set_committed_value(target, "data", opened_data(target.id, target.data, target.sender_id))

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
