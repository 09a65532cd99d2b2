"""Tracker retention (P5): delete conversation events older than a number of days.

    python -m bot.tools.retention purge --days 30 [--endpoints var/endpoints.yml] [--dry-run]

Rasa's tracker store keeps every message a citizen typed - ID numbers, phone numbers, names - for ever. The
signed commitment (the API) is the legal record; the conversation around it is only needed while the journey
may still be resumed. Conversation sessions expire after a day (domain.yml ``session_config``: a journey stays
resumable for a day, the slots are carried into the next session), and this command, run daily (cron, a
Kubernetes CronJob), deletes what is older than the configured number of days (``--days`` or
``GZ_TRACKER_RETENTION_DAYS``) from the SQL tracker store named in the endpoints file that bot/tools/stack.py writes
(SQLite in the embedded profile, PostgreSQL in the scale profile; ``${VAR}`` placeholders as in deploy/ are
read from the environment, as Rasa does).

What is deleted: every event older than the cutoff, except those of a conversation's current session while
that conversation is still in use (it has an event newer than the cutoff) - a journey in progress is never cut in
half (P4). A conversation with nothing newer than the cutoff is deleted completely.

Deleted means gone from the file too: SQLite overwrites the freed pages (``secure_delete``) and the WAL is
checkpointed; PostgreSQL's ``VACUUM`` reclaims the dead rows (also done by autovacuum later).

The purge needs no key: it selects by the clear ``timestamp``, ``sender_id`` and ``type_name`` columns, while the
events' ``data`` is sealed at rest (bot/rasa/tracker_store.py, P5).

    python -m bot.tools.retention seal [--endpoints var/endpoints.yml] [--vacuum-full]

Seals, in place, the events written before the tracker store encrypted them (clear JSON), with the data key ring
of ``GZ_DATA_KEY_PATH`` - the one Rasa uses. Safe while Rasa runs (Rasa only appends rows; batches of 500 rows,
one transaction each) and idempotent. Without it, such rows stay readable and are deleted by the purge in due
time. The old clear versions of the rows are overwritten on SQLite (``secure_delete``, checkpoint); on
PostgreSQL they stay in the table file until it is rewritten: ``--vacuum-full`` does that (``VACUUM FULL``, which
locks the table while it runs: a maintenance-window step).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
SECONDS_PER_DAY = 86400

# Events older than the cutoff, unless they belong to the current session of a conversation still in use.
_PURGEABLE = """
    events.timestamp < :cutoff AND (
        events.sender_id NOT IN (SELECT recent.sender_id FROM events recent WHERE recent.timestamp >= :cutoff)
        OR events.timestamp < (
            SELECT MAX(started.timestamp) FROM events started
            WHERE started.sender_id = events.sender_id AND started.type_name = 'session_started'
        )
    )
"""


@dataclass
class PurgeResult:
    events: int
    conversations_removed: int


def tracker_store_url(endpoints: Path) -> sa.engine.URL:
    """The SQLAlchemy URL of the SQL tracker store configured in ``endpoints`` (Rasa's own reading of it)."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    # The file also names the action server's secret as ${GZ_ACTION_SECRET} (bot/tools/stack.py), which Rasa's reader
    # insists on substituting; only the tracker store is needed here, so a placeholder stands in while reading.
    placeholder = "GZ_ACTION_SECRET" not in os.environ
    if placeholder:
        os.environ["GZ_ACTION_SECRET"] = "not-needed-here"
    try:
        config = read_endpoint_config(str(endpoints), "tracker_store")
    finally:
        if placeholder:
            del os.environ["GZ_ACTION_SECRET"]
    if config is None or str(config.type).lower() != "sql":
        raise SystemExit(f"{endpoints}: the purge works on Rasa's SQL tracker store; configured: "
                         f"{getattr(config, 'type', None) or 'none (in-memory)'}")
    kwargs = config.kwargs
    url = SQLTrackerStore.get_db_url(
        kwargs.get("dialect", "sqlite"), config.url, kwargs.get("port"), kwargs.get("db", "rasa.db"),
        kwargs.get("username"), kwargs.get("password"), None, kwargs.get("query"),
    )
    return sa.engine.make_url(url) if isinstance(url, str) else url


def purge(url, days: float, *, now: Optional[float] = None, dry_run: bool = False) -> PurgeResult:
    """Delete (or with ``dry_run`` count) the purgeable events of the tracker store at ``url``."""
    if days < 0:
        raise ValueError("days must not be negative")
    cutoff = (now if now is not None else time.time()) - days * SECONDS_PER_DAY
    engine = _engine(url)
    try:
        if not sa.inspect(engine).has_table("events"):
            return PurgeResult(0, 0)
        sqlite = engine.dialect.name == "sqlite"
        with engine.begin() as connection:
            if sqlite:
                connection.exec_driver_sql("PRAGMA secure_delete=ON")  # zero the freed pages (P5)
            senders = "SELECT COUNT(DISTINCT sender_id) FROM events"
            before = connection.execute(sa.text(senders)).scalar_one()
            if dry_run:
                count = connection.execute(sa.text(f"SELECT COUNT(*) FROM events WHERE {_PURGEABLE}"), {"cutoff": cutoff}).scalar_one()
                gone = connection.execute(
                    sa.text(f"SELECT COUNT(DISTINCT sender_id) FROM events WHERE sender_id NOT IN "
                            f"(SELECT sender_id FROM events WHERE NOT ({_PURGEABLE}) OR timestamp IS NULL)"),
                    {"cutoff": cutoff},
                ).scalar_one()
                return PurgeResult(count, gone)
            count = connection.execute(sa.text(f"DELETE FROM events WHERE {_PURGEABLE}"), {"cutoff": cutoff}).rowcount
            after = connection.execute(sa.text(senders)).scalar_one()
        if count:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                else:
                    connection.exec_driver_sql("VACUUM events")
        return PurgeResult(count, before - after)
    finally:
        engine.dispose()


def _engine(url) -> sa.engine.Engine:
    url = sa.engine.make_url(url)
    # SQLite: wait for a Rasa server that is writing (WAL), as Rasa's own busy timeout would.
    return sa.create_engine(url, **({"connect_args": {"timeout": 30}} if url.get_backend_name() == "sqlite" else {}))


def seal(url, *, key_path: Optional[Path] = None, batch: int = 500, vacuum_full: bool = False) -> int:
    """Seal the clear (pre-encryption) events of the tracker store at ``url``; returns how many were sealed."""
    from bot.core.sealing import PREFIX
    from bot.rasa.tracker_store import key_ring, seal_event_data

    ring = key_ring(key_path)
    engine = _engine(url)
    sealed = 0
    try:
        if not sa.inspect(engine).has_table("events"):
            return 0
        sqlite = engine.dialect.name == "sqlite"
        last = 0
        while True:
            with engine.begin() as connection:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA secure_delete=ON")  # the clear version is overwritten
                rows = connection.execute(sa.text(
                    "SELECT id, sender_id, data FROM events WHERE id > :last AND data IS NOT NULL "
                    "AND data NOT LIKE :sealed ORDER BY id LIMIT :n"), {"last": last, "sealed": PREFIX + "%", "n": batch}).all()
                for row in rows:
                    connection.execute(sa.text("UPDATE events SET data = :data WHERE id = :id"),
                                       {"data": seal_event_data(row.data, row.sender_id, ring), "id": row.id})
            if not rows:
                break
            sealed += len(rows)
            last = rows[-1].id
        if sealed:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                else:
                    connection.exec_driver_sql("VACUUM FULL events" if vacuum_full else "VACUUM events")
        return sealed
    finally:
        engine.dispose()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.retention")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("purge", help="delete tracker events older than --days days")
    default_days = os.environ.get("GZ_TRACKER_RETENTION_DAYS")
    p.add_argument("--days", type=float, default=float(default_days) if default_days else None,
                   required=default_days is None, help="retention in days (default: GZ_TRACKER_RETENTION_DAYS)")
    p.add_argument("--endpoints", type=Path, default=ROOT / "var" / "endpoints.yml",
                   help="Rasa endpoints file naming the tracker store (default: var/endpoints.yml, written by make up)")
    p.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    q = sub.add_parser("seal", help="encrypt the events written before the tracker store sealed them (P5)")
    q.add_argument("--endpoints", type=Path, default=ROOT / "var" / "endpoints.yml",
                   help="Rasa endpoints file naming the tracker store (default: var/endpoints.yml)")
    q.add_argument("--vacuum-full", action="store_true",
                   help="PostgreSQL: rewrite the table so no clear version of a row stays on disk (locks it)")
    args = parser.parse_args(argv)
    if not args.endpoints.exists():
        print(f"{args.endpoints} not found: run `make up` once, or pass --endpoints", file=sys.stderr)
        return 2
    url = tracker_store_url(args.endpoints)
    if args.command == "seal":
        print(f"sealed {seal(url, vacuum_full=args.vacuum_full)} tracker event(s) written before encryption")
        return 0
    result = purge(url, args.days, dry_run=args.dry_run)
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {result.events} tracker event(s) older than {args.days:g} day(s); "
          f"{result.conversations_removed} conversation(s) {'would be' if args.dry_run else ''} removed completely"
          .replace("  ", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
