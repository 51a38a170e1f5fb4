"""`repdesk calendar` and `repdesk today`: the feed parsed back (UIDs stable across runs,
all-day events, alarms at 09:00, done and skipped items cancelled), written whole."""

import json
import os
import stat
import sys
from datetime import date, timedelta

import icalendar
import pytest

from app import db, lifecycle
from app.board import Board
from app.models import Customer, Lead, Task
from tests.conftest import AS_OF

D = date.fromisoformat


@pytest.fixture
def data(tmp_path):
    """A small file, closed again for the command line."""
    path = tmp_path / "rep.sqlite3"
    db.open_database(path)
    Lead.create(name="甲公司", tier="A", last_contact=D("2026-11-15"), created=D("2026-11-01"))
    # A: 11-15 + 3 = 11-18, open
    Lead.create(
        name="乙公司",
        tier="B",
        last_contact=D("2026-11-16"),
        created=D("2026-11-01"),
        outcome="won",
    )  # B: 11-23, won: cancelled
    Lead.create(name="丙公司", tier="C", last_contact=D("2026-12-01"), created=D("2026-11-01"))
    # C: 12-01 + 30 = 12-31, beyond as-of + 30 days (12-20)
    renewal = Customer.create(name="续约客户", contract_end=D("2027-01-20"), created=AS_OF).id
    # renewal demo 2026-11-20
    birthday = Customer.create(name="生日客户", birthday="1980-11-25", created=AS_OF).id
    anniversary = Customer.create(name="周年客户", founded=D("2010-11-10"), created=AS_OF).id
    lifecycle.mark_done((birthday, "birthday", D("2026-11-25")), AS_OF)
    lifecycle.skip((anniversary, "anniversary", D("2026-11-10")), "no longer relevant")
    lifecycle.snooze((renewal, "renewal_demo", D("2026-11-20")), D("2026-11-24"))
    Board().sync(AS_OF)  # the follow-up's board task: not a second event
    for title, due, done in (
        ("报价", "2026-11-25", False),
        ("已完成", "2026-11-19", True),
        ("太远", "2027-01-05", False),
        ("太早", "2026-10-15", False),  # as-of − 36 days
    ):
        Task.create(title=title, quadrant=2, due=D(due), done=done, created=AS_OF)
    Task.create(title="无日期", quadrant=1, created=AS_OF)
    db.close_database()
    return path


def events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_holds_each_item_once_all_day_with_an_alarm_at_nine(cli, data, tmp_path):
    out = tmp_path / "feed.ics"
    code, stdout, err = cli("--db", data, "calendar", "--as-of", "2026-11-20", "--out", out)
    assert (code, err) == (0, "")
    assert "7 events" in stdout
    found = events(out)
    assert sorted(
        (event.decoded("DTSTART").isoformat(), str(event["SUMMARY"]), str(event["STATUS"]))
        for event in found.values()
    ) == [
        ("2026-11-10", "Company anniversary: 周年客户", "CANCELLED"),  # skipped
        ("2026-11-18", "Follow up 甲公司 (tier A)", "CONFIRMED"),
        ("2026-11-19", "已完成", "CANCELLED"),  # a done task
        ("2026-11-23", "Follow up 乙公司 (tier B)", "CANCELLED"),  # the lead was won
        ("2026-11-24", "Renewal demo: 续约客户", "CONFIRMED"),  # snoozed from 11-20
        ("2026-11-25", "Birthday greeting: 生日客户", "CANCELLED"),  # done
        ("2026-11-25", "报价", "CONFIRMED"),
    ]
    assert len(found) == 7
    for event in found.values():
        start = event.decoded("DTSTART")
        assert type(start) is date  # all-day: DTSTART;VALUE=DATE
        assert event.decoded("DTEND") == start + timedelta(days=1)
        alarms = event.walk("VALARM")
        if str(event["STATUS"]) == "CANCELLED":
            assert alarms == []
        else:
            [alarm] = alarms
            assert alarm.decoded("TRIGGER") == timedelta(hours=9)  # 00:00 + 9 h = 09:00
            assert alarm["TRIGGER"].params["RELATED"] == "START"
    assert b"DTSTART;VALUE=DATE:20261118" in out.read_bytes()


def test_uids_stay_the_same_from_run_to_run(cli, data, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    cli("--db", data, "calendar", "--as-of", "2026-11-20", "--out", first)
    db.open_database(data)
    lead = Lead.get(name="甲公司")
    Lead.update(last_contact=AS_OF).where(Lead.id == lead.id).execute()  # followed up
    db.close_database()
    cli("--db", data, "calendar", "--as-of", "2026-11-20", "--out", second)
    before, after = events(first), events(second)
    assert before.keys() == after.keys()
    uid = f"lead-{lead.id}@repdesk"
    # the same event moves to the next follow-up: 11-20 + 3 = 11-23
    assert after[uid].decoded("DTSTART") == D("2026-11-23")
    assert before[uid].decoded("DTSTART") == D("2026-11-18")


def test_the_window_is_30_days_back_and_days_ahead(cli, data, tmp_path):
    out = tmp_path / "feed.ics"
    cli("--db", data, "calendar", "--as-of", "2026-11-20", "--days", "60", "--out", out)
    days = sorted(event.decoded("DTSTART") for event in events(out).values())
    # 60 days ahead reaches 2027-01-19: the C lead's 12-31 and the task of 01-05 come in
    assert days[-2:] == [D("2026-12-31"), D("2027-01-05")]
    assert min(days) == D("2026-11-10")  # 10-15 is 36 days back: out


def test_the_file_is_written_whole_for_the_rep_only(cli, data, tmp_path):
    out = tmp_path / "feed.ics"
    out.write_text("old")
    code, _, _ = cli("--db", data, "calendar", "--as-of", "2026-11-20", "--out", out)
    assert code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if "feed" in p.name) == ["feed.ics"]


def test_the_database_itself_is_refused(cli, data, tmp_path):
    before = data.read_bytes()
    for target in (data, data.with_name(data.name + "-wal")):
        code, _, err = cli("--db", data, "calendar", "--out", target)
        assert code == 2
        assert "is the database, a file beside it" in err and "Traceback" not in err
    assert data.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_is_named(cli, data, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = cli("--db", data, "calendar", "--out", folder / "feed.ics")
    finally:
        folder.chmod(0o700)
    assert code == 2 and "Cannot write" in err
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_named(cli, data, tmp_path):
    code, _, err = cli("--db", data, "calendar", "--out", tmp_path / "no" / "feed.ics")
    assert code == 2 and "Cannot write" in err and "Traceback" not in err


def test_today_json_from_the_command_line(cli, data):
    code, out, err = cli("--db", data, "today", "--as-of", "2026-11-20", "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert found["date"] == "2026-11-20"
    # the renewal was snoozed to 11-24 and the birthday is on 11-25: only the follow-up
    assert [
        (i["rank"], i["kind"], i["lead"], i["due"], i["overdue_days"]) for i in found["items"]
    ] == [(1, "lead_follow_up", "甲公司", "2026-11-18", 2)]
    assert set(found) == {"date", "items", "quota", "pace"}
    code, out, _ = cli("--db", data, "--lang", "zh_CN", "today", "--as-of", "2026-11-24", "--json")
    titles = [item["title"] for item in json.loads(out)["items"]]
    assert titles[0].endswith("：续约客户")  # in Chinese: the renewal demo, snoozed to 11-24


def test_today_and_calendar_usage_errors(cli, data, tmp_path):
    code, _, err = cli("--db", data, "today")
    assert code == 2 and "--json" in err
    code, _, err = cli("--db", data, "calendar", "--days", "many", "--out", tmp_path / "x.ics")
    assert code == 2 and "many" in err
    code, _, err = cli("--db", tmp_path / "missing.sqlite3", "today", "--json")
    assert code == 2 and "does not exist" in err


def test_events_written_before_are_reused_and_a_change_is_written_again(data):
    from datetime import datetime, timezone

    from app import calendar_feed

    stamp = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
    db.open_database(data)
    calendar_feed._serialised.clear()
    first = calendar_feed.build(AS_OF, stamp=stamp)
    cached = dict(calendar_feed._serialised)
    assert calendar_feed.build(AS_OF, stamp=stamp) == first  # from the cache, the same bytes
    assert all(calendar_feed._serialised[key] is value for key, value in cached.items())
    Lead.update(last_contact=AS_OF).where(Lead.name == "甲公司").execute()
    changed = calendar_feed.build(AS_OF, stamp=stamp)
    calendar_feed._serialised.clear()
    assert calendar_feed.build(AS_OF, stamp=stamp) == changed  # as a fresh build writes it
    assert b"DTSTART;VALUE=DATE:20261123" in changed and changed != first
