"""bot/rasa/tracker_store.py: a tracker store failure fails the turn instead of forgetting the conversation (P4); the
events are sealed at rest (P5); the REST channel finds pending staff messages with one indexed query."""
from __future__ import annotations

import asyncio
import copy
import json
import logging
from types import SimpleNamespace

import pytest
import sqlalchemy
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.core import sealing
from bot.channels.rest import PENDING_BOT_EVENTS, ContractRestInput, pending_handoff_events
from bot.rasa.tracker_store import INDEX_NAME, TrackerStoreUnavailable, install, open_event_data

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


def test_a_working_store_is_unchanged(tmp_path, key_path):
    store = FailSafeTrackerStore(SQLTrackerStore(Domain.empty(), db=str(tmp_path / "t.db")))
    tracker = DialogueStateTracker.from_events("citizen-3", [UserUttered("你好")])
    asyncio.run(store.save(tracker))
    assert [e.text for e in asyncio.run(store.retrieve("citizen-3")).events if isinstance(e, UserUttered)] == ["你好"]
    assert asyncio.run(store.retrieve("nobody")) is None


# --- P5: the events' data encrypted at rest ----------------------------------------------------------------------
ID_NUMBER = "410105199001011233"
PHONE = "13800138000"


@pytest.fixture
def key_path(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "data.key"
    monkeypatch.setenv("GZ_DATA_KEY_PATH", str(path))
    return path


@pytest.fixture
def store(tmp_path, key_path):
    sql = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "trackers.db"))
    yield FailSafeTrackerStore(sql)
    sql.engine.dispose()


def conversation(sender: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered(f"我叫张伟，身份证{ID_NUMBER}，电话{PHONE}", {"name": "inform", "confidence": 0.9}),
        SlotSet("applicant_id", ID_NUMBER),
        BotUttered("请输入手机号码", {"custom": {"stage": "ask", "slot": "phone"}}),
    ])


def raw_rows(store: FailSafeTrackerStore, sender: str):
    with store._tracker_store.engine.connect() as connection:
        return connection.execute(sqlalchemy.text(
            "SELECT id, sender_id, type_name, timestamp, intent_name, action_name, data FROM events "
            "WHERE sender_id = :s ORDER BY id"), {"s": sender}).all()


def texts(tracker):
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


def test_every_event_is_sealed_on_disk_and_reads_back(store, key_path, tmp_path):  # P5
    asyncio.run(store.save(conversation("citizen-4")))
    rows = raw_rows(store, "citizen-4")
    assert len(rows) == 6 and all(sealing.is_sealed(r.data) for r in rows)
    # The other columns stay clear (Rasa and the retention purge query them) and carry no value: slot *names* only.
    assert [r.action_name for r in rows if r.type_name == "slot"] == ["applicant_id"]
    assert ID_NUMBER not in repr(rows) and PHONE not in repr(rows)
    store._tracker_store.engine.dispose()
    assert ID_NUMBER.encode() not in (tmp_path / "trackers.db").read_bytes()
    tracker = asyncio.run(store.retrieve("citizen-4"))
    assert texts(tracker) == [f"我叫张伟，身份证{ID_NUMBER}，电话{PHONE}"]
    assert tracker.get_slot("applicant_id") is None  # Domain.empty() has no slots; the event itself is intact:
    assert [e.value for e in tracker.events if isinstance(e, SlotSet)] == [ID_NUMBER]
    assert texts(asyncio.run(store.retrieve_full_tracker("citizen-4"))) == texts(tracker)
    # Saving again appends nothing (Rasa counts the stored events of the session; opening does not dirty them).
    asyncio.run(store.save(tracker))
    assert len(raw_rows(store, "citizen-4")) == 6
    assert oct(key_path.stat().st_mode & 0o777) == "0o600"  # created on first use, owner only


def test_a_sealed_row_opens_only_in_its_own_conversation(store):  # P5: AAD = sender_id
    asyncio.run(store.save(conversation("citizen-5")))
    asyncio.run(store.save(DialogueStateTracker.from_events("citizen-6", [UserUttered("你好")])))
    user_row = next(r for r in raw_rows(store, "citizen-5") if r.type_name == "user")
    with pytest.raises(sealing.SealingError):
        open_event_data(user_row.data, "citizen-6")
    assert json.loads(open_event_data(user_row.data, "citizen-5"))["text"].endswith(PHONE)
    # The row moved into another conversation: that conversation fails to read, it does not show the text.
    with store._tracker_store.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE events SET sender_id = 'citizen-6' WHERE id = :i"), {"i": user_row.id})
    with pytest.raises(TrackerStoreUnavailable):
        asyncio.run(store.retrieve("citizen-6"))


def test_rows_written_before_encryption_still_read(store):  # P5: upgrade without a migration
    asyncio.run(store.save(DialogueStateTracker.from_events("citizen-7", [UserUttered("旧的消息")])))
    old = raw_rows(store, "citizen-7")[0]
    clear = json.dumps(UserUttered("旧的消息", timestamp=old.timestamp).as_dict())
    with store._tracker_store.engine.begin() as connection:  # what Rasa wrote before bot/rasa/tracker_store sealed
        connection.execute(sqlalchemy.text("UPDATE events SET data = :d WHERE id = :i"), {"d": clear, "i": old.id})
    tracker = asyncio.run(store.retrieve("citizen-7"))
    tracker.update(UserUttered("新的消息"))
    asyncio.run(store.save(tracker))
    rows = raw_rows(store, "citizen-7")
    assert [sealing.is_sealed(r.data) for r in rows] == [False, True]  # the old row is not rewritten by a read
    assert texts(asyncio.run(store.retrieve("citizen-7"))) == ["旧的消息", "新的消息"]


def test_a_tampered_row_fails_the_turn_instead_of_starting_over(store, caplog):  # P5 P4
    asyncio.run(store.save(conversation("citizen-8")))
    row = next(r for r in raw_rows(store, "citizen-8") if r.type_name == "user")
    envelope = row.data[:-6] + ("A" if row.data[-6] != "A" else "B") + row.data[-5:]
    with store._tracker_store.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE events SET data = :d WHERE id = :i"), {"d": envelope, "i": row.id})
    with caplog.at_level(logging.ERROR):
        with pytest.raises(TrackerStoreUnavailable):
            asyncio.run(store.retrieve("citizen-8"))  # not None: Rasa would start an empty conversation
    assert f"TrackerDataUnreadable: event {row.id} does not open" in caplog.text and ID_NUMBER not in caplog.text


class FakeRequest:
    def __init__(self, tracker_store):
        self.app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=tracker_store)))


def handoff(text: str) -> BotUttered:
    return BotUttered(text, {"custom": {"stage": "staff_message", "kind": "message"}}, metadata={"handoff": {"by": "s"}})


CONVERSATIONS = {
    "none-yet": [],
    "only-bot": [ActionExecuted("action_session_start"), SessionStarted(), handoff("先到的消息")],
    "after-user": [UserUttered("转人工"), BotUttered("正在转接"), handoff("您好"), handoff("请稍等"),
                   UserUttered("在吗"), handoff("在的"), BotUttered("普通回复"), handoff("还有一条")],
    "seen": [handoff("旧的"), UserUttered("好的")],
    "new-session": [UserUttered("你好"), handoff("上个会话的"), ActionExecuted("action_session_start"),
                    SessionStarted(), ActionExecuted("action_listen"), handoff("这个会话的")],
    "new-session-with-user": [handoff("旧"), ActionExecuted("action_session_start"), SessionStarted(),
                              UserUttered("你好"), handoff("新")],
}


@pytest.mark.parametrize("sender", sorted(CONVERSATIONS))
def test_pending_staff_messages_by_one_query_equal_reading_the_tracker(store, sender):
    base = 1_800_000_000.0
    events = copy.deepcopy(CONVERSATIONS[sender])
    for i, event in enumerate(events):
        event.timestamp = base + i
    if events:
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    from_tracker = asyncio.run(ContractRestInput.pending_messages(FakeRequest(InMemoryTrackerStore(Domain.empty())), sender))
    tracker = asyncio.run(store.retrieve(sender))
    expected = [] if tracker is None else [e.text for e in pending_handoff_events(list(tracker.events))]
    assert from_tracker == []  # the in-memory store knows nothing: the fallback path answers too
    sql = asyncio.run(ContractRestInput.pending_messages(FakeRequest(store), sender))
    assert [m["text"] for m in sql if "text" in m] == expected
    assert all(m.get("custom", {}).get("stage") == "staff_message" for m in sql if "custom" in m)
    # The general path over the same stored conversation (what the channel does for other stores) agrees.
    general = asyncio.run(ContractRestInput.pending_messages(FakeRequest(NotSQL(store)), sender))
    assert general == sql


class NotSQL:
    """The fail-safe store behind something that is not Rasa's SQL store: the channel must read the tracker."""

    def __init__(self, inner):
        self.inner = inner

    async def retrieve(self, sender_id):
        return await self.inner.retrieve(sender_id)


def test_pending_messages_of_a_conversation_that_does_not_open_are_none_and_logged_without_data(store, caplog):
    asyncio.run(store.save(DialogueStateTracker.from_events("citizen-9", [UserUttered("在吗"), handoff(ID_NUMBER)])))
    row = raw_rows(store, "citizen-9")[-1]
    with store._tracker_store.engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE events SET data = :d WHERE id = :i"),
                           {"d": row.data[:-4] + "AAAA", "i": row.id})
    with caplog.at_level(logging.ERROR):
        assert asyncio.run(ContractRestInput.pending_messages(FakeRequest(store), "citizen-9")) == []
    assert "SealingError" in caplog.text and ID_NUMBER not in caplog.text


def test_the_pending_query_uses_the_sender_type_index(store):  # one indexed query per REST turn
    engine = store._tracker_store.engine
    with engine.connect() as connection:
        plan = " ".join(str(r[-1]) for r in connection.execute(
            sqlalchemy.text("EXPLAIN QUERY PLAN " + str(PENDING_BOT_EVENTS)), {"sender": "x"}))
    assert INDEX_NAME in plan and "SCAN events" not in plan.replace(f"USING INDEX {INDEX_NAME}", "")


def test_an_existing_table_gets_the_index_at_start(tmp_path, key_path):
    db = tmp_path / "old.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{db}")
    with engine.begin() as connection:  # the table as Rasa created it before this change
        connection.execute(sqlalchemy.text(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) "
            "NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"))
        connection.execute(sqlalchemy.text("CREATE INDEX ix_events_sender_id ON events (sender_id)"))
    engine.dispose()
    sql = SQLTrackerStore(Domain.empty(), db=str(db))
    assert INDEX_NAME in {i["name"] for i in sqlalchemy.inspect(sql.engine).get_indexes("events")}
    sql.engine.dispose()
