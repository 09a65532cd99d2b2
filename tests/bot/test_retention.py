"""Tracker retention (bot/tools/retention.py, P5): events older than N days go, a journey in progress stays (P4).

Runs on SQLite, and on PostgreSQL when it answers (a throw-away database), with trackers written by Rasa's own
SQLTrackerStore and read back through it.
"""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tools import retention
from bot.core.sealing import is_sealed
from bot.rasa.tracker_store import install
from bot.tools.stack import ROOT, StackConfig

DAY = 86400
NOW = time.time()
DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  applicant_id:
    type: text
    mappings: [{type: custom}]
""")


def session(start: float, *texts_and_gaps):
    """A conversation session starting at ``start``: Rasa's session start, then user messages."""
    events = [ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start + 0.001),
              ActionExecuted("action_listen", timestamp=start + 0.002)]
    for offset, text in texts_and_gaps:
        events.append(UserUttered(text, timestamp=start + offset))
    return events


def pg_available() -> bool:
    try:
        socket.create_connection((os.environ.get("GZ_PG_HOST", "127.0.0.1"), int(os.environ.get("GZ_PG_PORT", "5432"))), 1).close()
        return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def data_key(tmp_path, monkeypatch):
    """The tracker store seals events (bot/rasa/tracker_store.py); its key ring lives in the test's directory."""
    install()
    path = tmp_path / "keys" / "data.key"
    monkeypatch.setenv("GZ_DATA_KEY_PATH", str(path))
    return path


def write_clear(store: SQLTrackerStore, sender: str, events) -> None:
    """Rows as Rasa wrote them before the tracker store sealed them (clear JSON)."""
    with store.engine.begin() as connection:
        for event in events:
            data = event.as_dict()
            connection.execute(sa.text("INSERT INTO events (sender_id, type_name, timestamp, action_name, data) "
                                       "VALUES (:s, :t, :ts, :a, :d)"),
                               {"s": sender, "t": event.type_name, "ts": data.get("timestamp"), "a": data.get("name"),
                                "d": json.dumps(data)})


@pytest.fixture(params=["sqlite", "postgresql"])
def endpoints(request, tmp_path):
    """An endpoints file like the one bot/tools/stack.py writes, naming an empty tracker store."""
    if request.param == "sqlite":
        config = StackConfig(var_dir=tmp_path, profile="embedded")
        path = tmp_path / "endpoints.yml"
        path.write_text(config.endpoints_yaml())
        yield path
        return
    if not pg_available():
        pytest.skip("PostgreSQL does not answer on GZ_PG_HOST:GZ_PG_PORT (the scale profile's server)")
    config = StackConfig(var_dir=tmp_path, profile="scale", pg_tracker_db=f"rasa_trackers_retention_{uuid.uuid4().hex[:8]}")
    path = tmp_path / "endpoints.yml"
    path.write_text(config.endpoints_yaml())
    yield path
    admin = sa.create_engine(f"postgresql://{config.pg_user}@{config.pg_host}:{config.pg_port}/{config.pg_db}",
                             isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{config.pg_tracker_db}" WITH (FORCE)'))
    admin.dispose()


def store_for(endpoints: Path) -> SQLTrackerStore:
    kwargs = yaml.safe_load(endpoints.read_text())["tracker_store"]
    kwargs.pop("type")
    host = kwargs.pop("url", None)
    return SQLTrackerStore(DOMAIN, host=host, **kwargs)


def user_texts(store: SQLTrackerStore, sender: str, full: bool = False):
    tracker = asyncio.run(store.retrieve_full_tracker(sender) if full else store.retrieve(sender))
    return None if tracker is None else [e.text for e in tracker.events if isinstance(e, UserUttered)]


def test_purge_deletes_old_events_and_keeps_journeys_in_progress(endpoints):  # P5 P4
    store = store_for(endpoints)
    conversations = {
        # Nothing for 10 days: deleted completely.
        "abandoned": session(NOW - 10 * DAY, (1, "我叫张伟 410105199001011233")),
        # An old session 10 days ago and today's session: the old one goes, today's stays.
        "returning": session(NOW - 10 * DAY, (1, "旧的会话")) + session(NOW - 3600, (1, "今天的会话")),
        # One session that began 10 days ago and is still in use today: never cut in half.
        "in_progress": session(NOW - 10 * DAY, (1, "十天前开始"), (10 * DAY - 600, "十分钟前")),
        # Recent: untouched.
        "recent": session(NOW - 2 * DAY, (1, "两天前")),
    }
    for sender, events in conversations.items():
        tracker = DialogueStateTracker.from_events(sender, events, DOMAIN.slots)
        asyncio.run(store.save(tracker))
    url = retention.tracker_store_url(endpoints)

    dry = retention.purge(url, 7, now=NOW, dry_run=True)
    assert dry.conversations_removed == 1
    assert user_texts(store, "abandoned") is not None  # a dry run deletes nothing

    result = retention.purge(url, 7, now=NOW)
    assert result == dry  # the count was exact
    assert result.conversations_removed == 1
    # abandoned: 4 events; returning: the old session's 4 events; in_progress: the action_session_start that
    # precedes its session_started (Rasa itself reads a session from its session_started on).
    assert result.events == 9

    assert user_texts(store, "abandoned") is None
    assert user_texts(store, "returning", full=True) == ["今天的会话"]
    assert user_texts(store, "in_progress") == ["十天前开始", "十分钟前"]
    assert user_texts(store, "recent") == ["两天前"]
    # Nothing older than the cutoff is left outside the session in progress.
    with store.engine.connect() as connection:
        senders = connection.execute(sa.text("SELECT DISTINCT sender_id FROM events WHERE timestamp < :c"),
                                     {"c": NOW - 7 * DAY}).scalars().all()
    assert senders == ["in_progress"]
    assert retention.purge(url, 7, now=NOW).events == 0  # idempotent
    store.engine.dispose()


def test_purged_text_is_gone_from_the_sqlite_file(tmp_path):  # P5: secure_delete + checkpoint
    config = StackConfig(var_dir=tmp_path, profile="embedded")
    (tmp_path / "endpoints.yml").write_text(config.endpoints_yaml())
    store = store_for(tmp_path / "endpoints.yml")
    marker = "410105199001011233"  # the JSON stores Chinese as \u escapes, the digits as they are
    for i in range(20):  # rows from before encryption at rest: the purge must erase those too
        write_clear(store, f"old-{i}", session(NOW - 30 * DAY, (1, marker)))
    for i in range(5):
        asyncio.run(store.save(DialogueStateTracker.from_events(f"sealed-{i}", session(NOW - 30 * DAY, (1, marker)), DOMAIN.slots)))
    store.engine.dispose()
    db = tmp_path / "rasa_tracker.db"
    assert marker.encode() in db.read_bytes()
    assert retention.purge(retention.tracker_store_url(tmp_path / "endpoints.yml"), 7, now=NOW).conversations_removed == 25
    files = [db] + [p for p in (tmp_path / "rasa_tracker.db-wal", tmp_path / "rasa_tracker.db-journal") if p.exists()]
    assert all(marker.encode() not in p.read_bytes() for p in files)


def test_command_line(tmp_path):
    config = StackConfig(var_dir=tmp_path, profile="embedded")
    (tmp_path / "endpoints.yml").write_text(config.endpoints_yaml())
    store = store_for(tmp_path / "endpoints.yml")
    asyncio.run(store.save(DialogueStateTracker.from_events("old", session(NOW - 40 * DAY, (1, "旧")), DOMAIN.slots)))
    store.engine.dispose()
    run = subprocess.run([sys.executable, "-m", "bot.tools.retention", "purge", "--days", "30", "--endpoints",
                          str(tmp_path / "endpoints.yml")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "deleted 4 tracker event(s) older than 30 day(s); 1 conversation(s) removed completely" in run.stdout


def test_sessions_expire_after_a_day_and_carry_the_journey_over():
    # Retention counts on sessions that end (domain.yml): a day keeps a journey resumable (a citizen asks a
    # relative and comes back), and the slots given so far move into the next session (P4).
    config = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["session_config"]
    assert config == {"session_expiration_time": 1440, "carry_over_slots_to_new_session": True}


def test_seal_encrypts_the_rows_written_before_encryption(endpoints, data_key, tmp_path):  # P5: upgrade
    store = store_for(endpoints)
    marker = "410105199001011233"
    write_clear(store, "before", session(NOW - DAY, (1, f"身份证{marker}")))
    asyncio.run(store.save(DialogueStateTracker.from_events("after", session(NOW - 60, (1, "你好")), DOMAIN.slots)))
    url = retention.tracker_store_url(endpoints)
    with store.engine.connect() as connection:
        before = dict(connection.execute(sa.text("SELECT id, data FROM events")).all())
    assert retention.seal(url, batch=3) == 4  # the clear conversation's 4 events, in batches
    with store.engine.connect() as connection:
        after = dict(connection.execute(sa.text("SELECT id, data FROM events")).all())
    assert all(is_sealed(d) for d in after.values()) and marker not in repr(after)
    assert all(after[i] == d for i, d in before.items() if is_sealed(d))  # sealed rows are left as they were
    assert user_texts(store, "before") == [f"身份证{marker}"] and user_texts(store, "after") == ["你好"]
    assert retention.seal(url) == 0  # idempotent
    store.engine.dispose()
    if url.get_backend_name() == "sqlite":
        files = [p for p in tmp_path.glob("rasa_tracker.db*")]
        assert files and all(marker.encode() not in p.read_bytes() for p in files)  # the clear versions are overwritten
    run = subprocess.run([sys.executable, "-m", "bot.tools.retention", "seal", "--endpoints", str(endpoints)],
                         cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, GZ_DATA_KEY_PATH=str(data_key)))
    assert run.returncode == 0 and "sealed 0 tracker event(s)" in run.stdout, run.stderr
