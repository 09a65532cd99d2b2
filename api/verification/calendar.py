"""Working days (工作日) of mainland China: public holidays and adjusted working weekends (调休上班).

Every deadline the policy counts in working days goes through here: the verification time limit of an item's
plan (R13, 五(六)), the deadline for answering an objection (R16, 五(七)). The table is
``data/calendar/cn_holidays.yaml``, copied from the State Council's yearly notice; a year that is not in it
raises ``CalendarNotCovered`` rather than letting weekends alone decide, because a guessed deadline could fall
inside a holiday that nobody works.

Counting follows 《民法典》第二百零一条: the day of the event itself is not counted, so one working day after a
Friday commitment is the next Monday (or the first working day after it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, Optional

import yaml

DEFAULT_TABLE = Path(__file__).resolve().parents[2] / "data" / "calendar" / "cn_holidays.yaml"


class CalendarNotCovered(LookupError):
    """The holiday table has no arrangement for this year; add the State Council's notice to the table."""

    def __init__(self, year: int, covered: Iterable[int]) -> None:
        years = sorted(covered)
        span = f"{years[0]}-{years[-1]}" if years else "none"
        super().__init__(
            f"no public-holiday arrangement for {year} in data/calendar/cn_holidays.yaml (covered: {span}); "
            f"add the State Council's notice for {year}"
        )
        self.year = year


class CalendarTableError(ValueError):
    """The holiday table is malformed; the message names the year and the entry."""


@dataclass(frozen=True)
class WorkingCalendar:
    holidays: Dict[date, str]  # day -> holiday name (放假)
    working_weekends: Dict[date, str]  # Saturday/Sunday -> the holiday it makes up for (调休上班)
    years: FrozenSet[int] = field(default_factory=frozenset)

    def _covered(self, day: date) -> None:
        if day.year not in self.years:
            raise CalendarNotCovered(day.year, self.years)

    def is_working_day(self, day: date) -> bool:
        self._covered(day)
        if day in self.working_weekends:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def holiday_name(self, day: date) -> Optional[str]:
        self._covered(day)
        return self.holidays.get(day)

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts); ``n == 0`` gives ``start``."""
        if n < 0:
            raise ValueError(f"a time limit counts forward: n must be >= 0, got {n}")
        day = start
        remaining = n
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; 0 when ``end`` is not after ``start``. Counts how late a task is."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def _as_date(value: object, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CalendarTableError(f"{where}: not a date (YYYY-MM-DD): {value!r}")


def parse_table(raw: object, source: str = "<memory>") -> WorkingCalendar:
    if not isinstance(raw, dict) or not isinstance(raw.get("years"), dict) or not raw["years"]:
        raise CalendarTableError(f"{source}: needs a non-empty mapping 'years'")
    holidays: Dict[date, str] = {}
    working: Dict[date, str] = {}
    years = set()
    for year, spec in raw["years"].items():
        where = f"{source} year {year}"
        if not isinstance(year, int) or not isinstance(spec, dict):
            raise CalendarTableError(f"{where}: a year must be a number mapping to 'holidays' and 'working_weekends'")
        if not spec.get("source"):
            raise CalendarTableError(f"{where}: 'source' must name the State Council notice")
        if not spec.get("holidays"):
            raise CalendarTableError(f"{where}: 'holidays' is empty; every year has 元旦, 春节 and 国庆节")
        for entry in spec["holidays"]:
            first = _as_date(entry.get("from"), f"{where} holiday {entry.get('name')}")
            last = _as_date(entry.get("to"), f"{where} holiday {entry.get('name')}")
            if not entry.get("name") or first > last or first.year != year or last.year != year:
                raise CalendarTableError(f"{where}: holiday {entry!r} needs a name and from <= to within {year}")
            day = first
            while day <= last:
                holidays[day] = entry["name"]
                day += timedelta(days=1)
        for entry in spec.get("working_weekends") or []:
            day = _as_date(entry.get("date"), f"{where} working weekend")
            if day.year != year or day.weekday() < 5:
                raise CalendarTableError(f"{where}: {day} is not a Saturday or Sunday of {year} (调休上班 makes up a weekend day)")
            if day in holidays:
                raise CalendarTableError(f"{where}: {day} is both a holiday and a working day")
            working[day] = str(entry.get("for", ""))
        years.add(year)
    return WorkingCalendar(holidays=holidays, working_weekends=working, years=frozenset(years))


def load_table(path: Path) -> WorkingCalendar:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CalendarTableError(f"{path.name}: not valid YAML: {exc}") from exc
    return parse_table(raw, path.name)


@lru_cache(maxsize=1)
def default_calendar() -> WorkingCalendar:
    return load_table(DEFAULT_TABLE)


def is_working_day(day: date) -> bool:
    return default_calendar().is_working_day(day)


def add_working_days(start: date, n: int) -> date:
    return default_calendar().add_working_days(start, n)


def working_days_between(start: date, end: date) -> int:
    return default_calendar().working_days_between(start, end)
