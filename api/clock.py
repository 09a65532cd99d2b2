"""The one clock module: Zhengzhou's calendar (UTC+8), SQLite's naive datetimes, and how a time is written for
people. Every domain takes local time and formats it through here (``now`` itself comes from
``api.dependencies.get_now`` in a request)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

# Dates the public sees (deadlines, disclosure periods, receipt numbers) follow the local calendar.
CHINA_TIME = timezone(timedelta(hours=8))


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything is written in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def china_time(value: datetime) -> datetime:
    """``value`` on the local clock (UTC+8); a naive value is taken as UTC, as stored."""
    return aware(value).astimezone(CHINA_TIME)


def china_now() -> datetime:
    return datetime.now(CHINA_TIME)


def china_today() -> date:
    return china_now().date()


def china_date(value: datetime) -> date:
    return china_time(value).date()


def china_iso(value: datetime, timespec: str = "auto") -> str:
    return china_time(value).isoformat(timespec=timespec)


def for_people(value: datetime) -> str:
    """How a time is written for people (pages, letters): "2026-12-06 15:04:05", local time."""
    return china_time(value).strftime("%Y-%m-%d %H:%M:%S")


def utc(value: datetime) -> datetime:
    """Store and compare in UTC: SQLite keeps a datetime's wall time and drops its offset."""
    return aware(value).astimezone(timezone.utc)
