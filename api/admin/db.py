"""Write transactions that do not trip over the training job's writes on SQLite.

SQLite (the embedded profile) lets one connection write at a time. A transaction that has read and then wants
to write fails at once ("database is locked") if another connection wrote in between, which the job thread
does every few seconds while it reports progress. Starting write transactions with ``BEGIN IMMEDIATE`` (the
hook in ``api.database``) makes them wait for the lock instead. On PostgreSQL these are ordinary transactions.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.orm import Session, sessionmaker

IMMEDIATE = {"sqlite_begin": "IMMEDIATE"}


def begin_write(session: Session) -> None:
    """End the request's read transaction (authentication read the account) and start a write transaction."""
    if session.in_transaction():
        session.commit()
    session.connection(execution_options=IMMEDIATE)


@contextmanager
def write_session(factory: sessionmaker) -> Iterator[Session]:
    with factory() as session:
        with session.begin():
            session.connection(execution_options=IMMEDIATE)
            yield session
