"""Request-scoped access to what ``create_app`` set up: settings, database sessions, keys.

The dependencies that only read ``app.state`` or the clock are ``async``: FastAPI runs a plain ``def`` dependency
in its thread pool, a hop there and back on every request for each of them (as in api/identity/deps.py). The
session stays a plain ``def``: committing it is blocking database work, kept off the event loop."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Iterator

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from api.config import Settings
from api.database import transaction
from api.signing.service import PlatformKey


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_sessionmaker(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessionmaker


# For work that must own its transactions apart from the request's (the commitment chain's lock).
SessionmakerDep = Annotated[sessionmaker[Session], Depends(get_sessionmaker)]


def get_session(request: Request) -> Iterator[Session]:
    """The request's one transaction. Routers and services add and flush; only this commits.

    Committed when the route returns, before the response leaves (``scope="function"`` below), so a client
    never holds an answer whose writes failed. Rolled back on any exception, except a refusal that asks to
    keep what it wrote (``ApiError(keep_changes=True)``: attempt counters, audit rows of refusals).
    """
    with transaction(request.app.state.sessionmaker) as session:
        yield session


# The request's database session, as a parameter type: ``def route(session: SessionDep)``.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


async def get_platform_key(request: Request) -> PlatformKey:
    return request.app.state.platform_key


PlatformKeyDep = Annotated[PlatformKey, Depends(get_platform_key)]


async def get_id_hash_key(request: Request) -> bytes:
    return request.app.state.id_hash_key


IdHashKeyDep = Annotated[bytes, Depends(get_id_hash_key)]


async def get_now() -> datetime:
    """The current time (UTC). Every deadline and period goes through here, so tests can move the clock
    with ``app.dependency_overrides[get_now]`` (e.g. the end of a disclosure period, R15)."""
    return datetime.now(timezone.utc)


NowDep = Annotated[datetime, Depends(get_now)]
