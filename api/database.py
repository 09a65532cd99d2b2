"""Engine, sessions and the one lock that serialises the commitment chain (P3, P4).

SQLite (development, tests) and PostgreSQL (production, ``postgresql+psycopg://...``) behave the same to the
rest of the code. Alembic owns the schema (``api/migrations``); nothing here creates tables.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from sqlalchemy import MetaData, create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from api.commitments.sealed import bind_ring
from api.errors import ApiError

if TYPE_CHECKING:
    from bot.core.sealing import KeyRing

# Stable constraint names from day one, so later migrations can drop or alter them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Key of the PostgreSQL transaction-scoped advisory lock that serialises appends to the commitment chain.
CHAIN_LOCK_KEY = 0x475A_4348  # "GZCH"


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    # hide_parameters (P5): an error's text never carries a statement's values (ID and phone numbers).
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)

    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _sqlite_on_connect(dbapi_connection, _record) -> None:
        # pysqlite's own implicit BEGIN cannot take BEGIN IMMEDIATE; hand transaction control to SQLAlchemy.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer that appends a commitment
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        # P5: what is deleted or overwritten (a row re-sealed by a migration) is zeroed, not left in free pages.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_on_begin(connection) -> None:
        # A chain append must take the write lock before it reads the chain head (see chain_append below).
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        _sqlite_begin(connection, mode)

    return engine


# --- audited reads on SQLite --------------------------------------------------------------------------------
#
# An audited read (an officer opens a ticket, a task, a commitment) reads in a DEFERRED transaction and then
# writes its audit row. In WAL mode such a transaction reads from a snapshot, and SQLite refuses to let it write
# once any other connection has committed after that snapshot began ("database is locked", at once, whatever the
# busy timeout): two officers working at the same moment made one of them fail. Taking the write lock up front
# for every read would serialise all reads, and hold the lock while a route waits for Rasa or a subprocess.
#
# Instead, at commit, a transaction that has written nothing yet and whose only pending rows describe the read
# itself (``READ_LOG_TABLES``) ends its read snapshot and writes those rows in a fresh BEGIN IMMEDIATE
# transaction, which waits its turn for the lock (busy timeout) instead of failing. That is safe because the
# rows depend on nothing the snapshot said beyond what was already read and returned. A transaction that
# changes anything else keeps its all-or-nothing snapshot (it takes the lock up front, see ``chain_append`` and
# ``begin_write``). PostgreSQL needs none of this (MVCC writers do not conflict here).

# Tables whose rows only record that a read happened (the audit trail, append-only).
READ_LOG_TABLES = frozenset({"audit_events"})
# ``connection.info`` key: (BEGIN mode, the SQLite connection's total_changes when the transaction began).
_SQLITE_TRANSACTION = "gz_sqlite_transaction"


def _sqlite_changes(connection) -> int:
    return connection.connection.dbapi_connection.total_changes


def _sqlite_begin(connection, mode: str) -> None:
    connection.exec_driver_sql(f"BEGIN {mode}")
    connection.info[_SQLITE_TRANSACTION] = (mode, _sqlite_changes(connection))


def _only_read_log_pending(session: Session) -> bool:
    return (
        bool(session.new)
        and not session.dirty
        and not session.deleted
        and all(getattr(type(obj), "__tablename__", None) in READ_LOG_TABLES for obj in session.new)
    )


def _write_read_log_with_the_lock(session: Session) -> None:
    """``before_commit``: renew a read-only SQLite transaction as BEGIN IMMEDIATE before its audit rows go in."""
    if not session.in_transaction() or session.in_nested_transaction() or not _only_read_log_pending(session):
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    mode, changes_at_begin = connection.info.get(_SQLITE_TRANSACTION, (None, None))
    if mode != "DEFERRED" or _sqlite_changes(connection) != changes_at_begin:
        return  # already holds the lock, or has written: its snapshot is the one it must commit or lose
    # Ends the read (nothing was written: nothing is committed) and queues for the lock; SQLAlchemy's own COMMIT
    # then commits this transaction.
    connection.exec_driver_sql("COMMIT")
    _sqlite_begin(connection, "IMMEDIATE")


def make_sessionmaker(engine: Engine, data_keys: Optional["KeyRing"] = None) -> sessionmaker[Session]:
    """Sessions for ``engine``. ``data_keys`` (``bot.core.sealing.KeyRing``) rides along in ``session.info`` so
    whatever reads a commitment can open its sealed personal data (P5, ``api.commitments.sealed``)."""
    factory = sessionmaker(bind=engine, expire_on_commit=False, info={"data_keys": data_keys})
    if data_keys is not None:
        bind_ring(engine, data_keys)  # sealed columns (``SealedText``) seal and open with the same ring
    if engine.dialect.name == "sqlite":
        event.listen(factory, "before_commit", _write_read_log_with_the_lock)
    return factory


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work and its one owner: committed when the block ends, rolled back when it raises.

    A refusal that is itself a fact to keep (``ApiError(keep_changes=True)``: a wrong code counted towards a
    lockout, a refused login audited) is committed and re-raised. A request's transaction
    (``api.dependencies.get_session``) and the work outside requests (the chain append below, the command line)
    follow this one rule; nothing else commits.
    """
    with factory() as session:
        try:
            yield session
        except ApiError as refusal:
            if refusal.keep_changes:
                session.commit()
            else:
                session.rollback()
            raise
        except BaseException:
            session.rollback()
            raise
        else:
            session.commit()


def begin_write(session: Session) -> None:
    """Make ``session``'s transaction hold the write lock from here on, so what it reads next stays true until
    it commits. Never commits: nothing the transaction wrote is cut off from the rest of it.

    SQLite (WAL): a transaction that read and then writes fails at once ("database is locked", whatever the busy
    timeout) if another connection committed in between, so a transaction that will write takes the lock
    before the reads its writes depend on. Not begun yet: it begins with BEGIN IMMEDIATE. Only read so far
    (authentication, a lookup): that read ends - there is nothing to commit - and the transaction begins again
    with BEGIN IMMEDIATE, waiting its turn (busy timeout). Written already: it holds the lock since its first
    write. PostgreSQL: nothing to do (its writers do not fail on an older snapshot; the chain and the identity
    module take advisory locks).
    """
    if not session.in_transaction():
        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        return
    session.flush()
    connection = session.connection()
    if connection.dialect.name != "sqlite" or session.in_nested_transaction():
        return  # a savepoint cannot end its outer transaction's read; it runs under whatever lock that holds
    mode, changes_at_begin = connection.info.get(_SQLITE_TRANSACTION, (None, None))
    if mode != "DEFERRED" or _sqlite_changes(connection) != changes_at_begin:
        return  # IMMEDIATE from the start, or has written: it holds the lock already
    connection.exec_driver_sql("COMMIT")
    _sqlite_begin(connection, "IMMEDIATE")


@contextmanager
def chain_append(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction that holds the chain's exclusive lock from its first statement to its commit (P3, P4).

    Reading the chain head, numbering the commitment and inserting the row all happen under this lock, so two
    concurrent commitments can never share a ``seq`` or a ``prev_hash``. SQLite: ``BEGIN IMMEDIATE`` takes the
    database write lock at once; PostgreSQL: ``pg_advisory_xact_lock`` is released by the commit or rollback.
    """
    with transaction(factory) as session:
        connection = session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
        yield session
