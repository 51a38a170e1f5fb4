"""Working days follow China's real calendar, holidays and make-up workdays (调休) included."""

from datetime import date, timedelta

from app.workdays import add_months, is_working_day, working_days, working_days_through


def test_november_2026_has_21_working_days_and_15_through_the_20th():
    # Nov 1 is a Sunday: weekdays are 2–6, 9–13, 16–20, 23–27 and 30 = 21, no holiday.
    assert len(working_days(2026, 11)) == 21
    # Through Friday the 20th: three full weeks = 15.
    assert working_days_through(2026, 11, date(2026, 11, 20)) == 15


def test_spring_festival_2026_and_its_make_up_saturdays():
    # February 2026: 20 weekdays; 16–20 and 23 Feb are holidays (−6);
    # Saturdays 14 and 28 Feb are make-up workdays (+2): 16.
    assert len(working_days(2026, 2)) == 16
    assert is_working_day(date(2026, 2, 14))
    assert not is_working_day(date(2026, 2, 17))


def test_national_day_2026():
    # October 2026: 22 weekdays; 1, 2, 5, 6, 7 Oct are holidays (−5); Saturday 10 Oct is a
    # make-up workday (+1): 18.
    assert len(working_days(2026, 10)) == 18
    assert is_working_day(date(2026, 10, 10))


def test_months_are_added_with_month_ends_clamped():
    assert add_months(date(2027, 3, 31), -2) == date(2027, 1, 31)
    assert add_months(date(2027, 4, 30), -2) == date(2027, 2, 28)
    assert add_months(date(2028, 4, 30), -2) == date(2028, 2, 29)
    assert add_months(date(2026, 1, 15), -2) == date(2025, 11, 15)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_the_calendar_is_cached_per_year_and_asked_again_when_holidays_changes(monkeypatch):
    import holidays
    import platformdirs

    from app import workdays

    workdays._exceptions.cache_clear()
    asked = []
    real = workdays._ask_holidays
    monkeypatch.setattr(workdays, "_ask_holidays", lambda *a: asked.append(a) or real(*a))
    assert len(working_days(2026, 2)) == 16  # asks holidays, writes the cache
    cached = platformdirs.user_cache_path("RepDesk", appauthor=False) / "workdays-CN-2026.json"
    assert cached.exists() and asked == [("CN", 2026)]

    workdays._exceptions.cache_clear()  # a new start: read from the cache, same answers
    calendar = holidays.country_holidays("CN", years=2026)
    every_day = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    assert [is_working_day(d) for d in every_day] == [calendar.is_working_day(d) for d in every_day]
    assert asked == [("CN", 2026)]

    workdays._exceptions.cache_clear()  # another holidays release: ask again
    monkeypatch.setattr(workdays, "_fingerprint", lambda: "a newer holidays")
    assert len(working_days(2026, 2)) == 16 and len(asked) == 2

    workdays._exceptions.cache_clear()  # a damaged cache file is never trusted
    cached.write_text("{not json", "utf-8")
    assert len(working_days(2026, 2)) == 16 and len(asked) == 3
    workdays._exceptions.cache_clear()


def test_a_frozen_bundle_keys_the_calendar_cache_on_its_executable(monkeypatch, tmp_path):
    import importlib.util
    import sys
    from types import SimpleNamespace

    from app import workdays

    program = tmp_path / "RepDesk"
    program.write_bytes(b"bundle")
    monkeypatch.setattr(
        importlib.util,
        "find_spec",  # modules inside the bundle's archive
        lambda name: SimpleNamespace(origin=str(tmp_path / "no" / "such.py")),
    )
    assert workdays._fingerprint() is None  # a source run that cannot tell: no cache
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert workdays._fingerprint() == f"6-{program.stat().st_mtime_ns}"
