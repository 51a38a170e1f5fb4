"""Working days from the real calendar: statutory holidays and make-up workdays (调休).

The `holidays` library knows both: `is_working_day` is false on a holiday and true on a
weekend day that has been made a workday. Loading it costs a quarter of a second (it
imports every country), so a year's exceptions to Monday–Friday are kept in the user's
cache folder, keyed by the installed `holidays` files: a start reads a small JSON file, and
an upgraded `holidays` (e.g. with next year's schedule) is asked again.
"""

import calendar
import os
import sys
from datetime import date, timedelta
from functools import cache
from pathlib import Path

DEFAULT_COUNTRY = "CN"


def _fingerprint() -> str | None:
    """Which `holidays` is installed, without importing it (None: cannot tell). In a frozen
    bundle its modules live inside the bundle's archive: the executable stands for them."""
    import importlib.util  # here, as json below: the window's start names the month first

    places = [getattr(importlib.util.find_spec("holidays"), "origin", None)]
    if getattr(sys, "frozen", False):
        places.append(sys.executable)
    for place in places:
        try:
            stat = Path(place).stat()
        except (TypeError, OSError):
            continue
        return f"{stat.st_size}-{stat.st_mtime_ns}"
    return None


def _ask_holidays(country: str, year: int) -> dict[str, list[str]]:
    """The year's days off on weekdays and working days on weekends."""
    import holidays

    days = holidays.country_holidays(country, years=year)
    first = date(year, 1, 1)
    every = [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]
    return {
        "off": [d.isoformat() for d in every if d.weekday() < 5 and not days.is_working_day(d)],
        "on": [d.isoformat() for d in every if d.weekday() >= 5 and days.is_working_day(d)],
    }


@cache
def _exceptions(country: str, year: int) -> tuple[frozenset[date], frozenset[date]]:
    import json

    import platformdirs

    fingerprint = _fingerprint()
    path = (
        platformdirs.user_cache_path("RepDesk", appauthor=False) / f"workdays-{country}-{year}.json"
    )
    found = None
    if fingerprint:
        try:
            stored = json.loads(path.read_text("utf-8"))
            if stored.get("holidays") == fingerprint:
                found = stored
        except (OSError, ValueError, AttributeError):
            pass
    if found is None:
        found = {"holidays": fingerprint, **_ask_holidays(country, year)}
        if fingerprint:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                partial = path.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(json.dumps(found), "utf-8")
                partial.replace(path)
            except OSError:
                pass  # a read-only cache folder: ask holidays again next start
    return (
        frozenset(date.fromisoformat(d) for d in found["off"]),
        frozenset(date.fromisoformat(d) for d in found["on"]),
    )


def is_working_day(day: date, country: str = DEFAULT_COUNTRY) -> bool:
    off, on = _exceptions(country, day.year)
    return day in on if day.weekday() >= 5 else day not in off


def month_days(year: int, month: int) -> list[date]:
    last = calendar.monthrange(year, month)[1]
    return [date(year, month, d) for d in range(1, last + 1)]


def working_days(year: int, month: int, country: str = DEFAULT_COUNTRY) -> list[date]:
    """The working days of a month, in order."""
    return [day for day in month_days(year, month) if is_working_day(day, country)]


def working_days_through(
    year: int, month: int, through: date, country: str = DEFAULT_COUNTRY
) -> int:
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
    if day.day <= 28:  # every month has it: no need to look up the month's length
        return date(year, month + 1, day.day)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
