"""The working-day calendar behind every verification and objection deadline (R13, R16, 五(六)(七)).

Dates are the State Council's real arrangements (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026).
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.verification import calendar
from api.verification.calendar import CalendarNotCovered, CalendarTableError, parse_table


@pytest.mark.parametrize(
    "day, working",
    [
        (date(2026, 10, 1), False),  # 国庆节
        (date(2026, 10, 7), False),  # last day of the 国庆 block (a Wednesday)
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),  # Saturday, 调休上班 for 国庆节
        (date(2026, 9, 20), True),  # Sunday, 调休上班 for 国庆节
        (date(2026, 9, 25), False),  # 中秋节 (a Friday)
        (date(2026, 2, 14), True),  # Saturday, 调休上班 for 春节
        (date(2026, 2, 16), False),  # 春节 (a Monday)
        (date(2026, 2, 23), False),  # 正月初七, last day of 春节
        (date(2026, 2, 28), True),  # Saturday, 调休上班 for 春节
        (date(2026, 3, 1), False),  # an ordinary Sunday
        (date(2026, 11, 27), True),  # an ordinary Friday
        (date(2025, 1, 26), True),  # Sunday, 调休上班 for 春节 2025
        (date(2025, 10, 8), False),  # 2025 国庆节、中秋节 block ends on the 8th
    ],
)
def test_is_working_day_knows_holidays_and_adjusted_weekends(day, working):
    # R13: time limits are in working days; a holiday Monday is not one, a 调休 Saturday is.
    assert calendar.is_working_day(day) is working


@pytest.mark.parametrize(
    "start, n, due",
    [
        (date(2026, 9, 30), 1, date(2026, 10, 8)),  # over the whole 国庆 week
        (date(2026, 9, 24), 1, date(2026, 9, 28)),  # 中秋 Friday and the weekend
        (date(2026, 9, 18), 1, date(2026, 9, 20)),  # the next day that counts is the 调休 Sunday
        (date(2026, 10, 9), 1, date(2026, 10, 10)),  # a Friday, then the 调休 Saturday
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # 调休 Saturday before 春节
        (date(2026, 2, 14), 1, date(2026, 2, 24)),  # over the nine days of 春节
        (date(2026, 2, 10), 20, date(2026, 3, 16)),  # 20 working days across 春节 (two 调休 Saturdays count)
        (date(2025, 12, 31), 1, date(2026, 1, 4)),  # 元旦 2026, then the 调休 Sunday
        (date(2026, 11, 27), 0, date(2026, 11, 27)),
        (date(2026, 11, 27), 5, date(2026, 12, 4)),  # an ordinary week
    ],
)
def test_add_working_days_does_not_count_the_start_day(start, n, due):
    # 《民法典》第二百零一条: the day of the event is not counted.
    assert calendar.add_working_days(start, n) == due


def test_counts_agree_with_a_day_by_day_walk_through_2026():
    # Every working day of 2026 is the next one after the previous: no day skipped or counted twice.
    working = [date(2026, 1, 1) + timedelta(days=i) for i in range(365)]
    working = [d for d in working if calendar.is_working_day(d)]
    for previous, following in zip(working, working[1:]):
        assert calendar.add_working_days(previous, 1) == following
    # 2026: 261 weekdays; 33 holiday days, 14 of them at weekends, so 19 weekdays off; 6 调休 weekend days
    # worked: 261 - 19 + 6 = 248 working days.
    assert len(working) == 248


def test_working_days_between_counts_lateness():
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 10, 8)) == 1
    assert calendar.working_days_between(date(2026, 10, 8), date(2026, 9, 30)) == 0


def test_a_year_without_an_arrangement_fails_loudly():
    # The 2027 arrangement is not in the table: the deadline is not guessed from weekends.
    with pytest.raises(CalendarNotCovered) as raised:
        calendar.add_working_days(date(2026, 12, 30), 5)
    assert raised.value.year == 2027
    assert "2027" in str(raised.value) and "2025-2026" in str(raised.value)
    with pytest.raises(CalendarNotCovered):
        calendar.is_working_day(date(2024, 12, 31))


def test_the_table_refuses_an_adjusted_working_day_that_is_not_a_weekend():
    raw = {
        "years": {
            2030: {
                "source": "test",
                "holidays": [{"name": "元旦", "from": "2030-01-01", "to": "2030-01-01"}],
                "working_weekends": [{"date": "2030-01-02", "for": "元旦"}],  # a Wednesday
            }
        }
    }
    with pytest.raises(CalendarTableError, match="not a Saturday or Sunday"):
        parse_table(raw)


def test_the_table_refuses_a_holiday_outside_its_year():
    raw = {"years": {2030: {"source": "t", "holidays": [{"name": "元旦", "from": "2031-01-01", "to": "2031-01-01"}]}}}
    with pytest.raises(CalendarTableError):
        parse_table(raw)


def test_the_shipped_table_covers_2025_and_2026():
    assert calendar.default_calendar().years == frozenset({2025, 2026})
