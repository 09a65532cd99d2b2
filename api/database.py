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
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_on_begin(connection) -> None:
        # A chain append must take the write lock before it reads the chain head (see chain_append below).
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def make_sessionmaker(engine: Engine, data_keys: Optional["KeyRing"] = None) -> sessionmaker[Session]:
    """Sessions for ``engine``. ``data_keys`` (``bot.core.sealing.KeyRing``) rides along in ``session.info`` so
    whatever reads a commitment can open its sealed ID numbers (P5, ``api.commitments.sealed``)."""
    return sessionmaker(bind=engine, expire_on_commit=False, info={"data_keys": data_keys})


@contextmanager
def chain_append(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction that holds the chain's exclusive lock from its first statement to its commit (P3, P4).

    Reading the chain head, numbering the commitment and inserting the row all happen under this lock, so two
    concurrent commitments can never share a ``seq`` or a ``prev_hash``. SQLite: ``BEGIN IMMEDIATE`` takes the
    database write lock at once; PostgreSQL: ``pg_advisory_xact_lock`` is released by the commit or rollback.
    """
    with factory() as session:
        with session.begin():
            connection = session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
            yield session
