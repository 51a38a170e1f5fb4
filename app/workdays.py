"""Working days from the real calendar: statutory holidays and make-up workdays (调休).

The `holidays` library knows both: `is_working_day` is false on a holiday and true on a
weekend day that has been made a workday.
"""

import calendar
from datetime import date, timedelta
from functools import cache

import holidays

DEFAULT_COUNTRY = "CN"


@cache
def _calendar(country: str, year: int):
    return holidays.country_holidays(country, years=year)


def is_working_day(day: date, country: str = DEFAULT_COUNTRY) -> bool:
    return _calendar(country, day.year).is_working_day(day)


def month_days(year: int, month: int) -> list[date]:
    last = calendar.monthrange(year, month)[1]
    return [date(year, month, d) for d in range(1, last + 1)]


def working_days(year: int, month: int, country: str = DEFAULT_COUNTRY) -> list[date]:
    """The working days of a month, in order."""
    return [day for day in month_days(year, month) if is_working_day(day, country)]


def working_days_through(year: int, month: int, through: date,
                         country: str = DEFAULT_COUNTRY) -> int:
    """How many of the month's working days fall on or before `through`."""
    return sum(1 for day in working_days(year, month, country) if day <= through)


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of a `YYYY-MM` month."""
    year, number = (int(part) for part in month.split("-"))
    first = date(year, number, 1)
    return first, date(year, number, calendar.monthrange(year, number)[1])


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, step: int) -> str:
    """The `YYYY-MM` month `step` months later (earlier when negative)."""
    first, _ = month_bounds(month)
    return month_of(add_months(first, step))


def previous_month(month: str) -> str:
    first, _ = month_bounds(month)
    return month_of(first - timedelta(days=1))


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's end (31 Mar − 2 → 31 Jan,
    30 Apr − 2 → 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
