"""Time helpers shared by the domains: Zhengzhou's calendar (UTC+8) and SQLite's naive datetimes."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

# Dates the public sees (deadlines, disclosure periods, receipt numbers) follow the local calendar.
CHINA_TIME = timezone(timedelta(hours=8))


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything is written in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def china_date(value: datetime) -> date:
    return aware(value).astimezone(CHINA_TIME).date()


def china_iso(value: datetime) -> str:
    return aware(value).astimezone(CHINA_TIME).isoformat()


def utc(value: datetime) -> datetime:
    """Store and compare in UTC: SQLite keeps a datetime's wall time and drops its offset."""
    return aware(value).astimezone(timezone.utc)
