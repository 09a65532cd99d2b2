"""Request-scoped access to what ``create_app`` set up: settings, database sessions, keys."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterator

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from api.config import Settings
from api.signing.service import PlatformKey


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_sessionmaker(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessionmaker


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


def get_platform_key(request: Request) -> PlatformKey:
    return request.app.state.platform_key


def get_id_hash_key(request: Request) -> bytes:
    return request.app.state.id_hash_key


def get_now() -> datetime:
    """The current time (UTC). Every deadline and period goes through here, so tests can move the clock
    with ``app.dependency_overrides[get_now]`` (e.g. the end of a disclosure period, R15)."""
    return datetime.now(timezone.utc)
