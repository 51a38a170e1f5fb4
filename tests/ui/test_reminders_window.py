"""Reminders in the window: the tray logic with a fake clock and a fake tray, the banner for
real (the offscreen desktop has no tray), closing into the tray, the calendar feed kept up
to date, File → Export calendar…."""

from datetime import datetime, timedelta
from unittest import mock

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from app import db
from app.models import Lead
from tests.conftest import AS_OF
from ui import reminders as ui_reminders
from ui.settings import app_settings


class FakeTray:
    in_tray = True

    def __init__(self):
        self.counts, self.notes, self.removed = [], [], False

    def set_count(self, count):
        self.counts.append(count)

    def notify(self, title, text):
        self.notes.append((title, text))

    def remove(self):
        self.removed = True


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def window(make_window, tmp_path, qtbot):
    path = tmp_path / "rem.sqlite3"
    db.open_database(path)
    for name, last in (("甲", "2026-11-10"), ("乙", "2026-11-12"), ("丙", "2026-11-14")):
        Lead.create(name=name, tier="A", last_contact=last, created=last)
    Lead.create(name="丁", tier="B", last_contact="2026-11-10", created="2026-11-10")
    db.close_database()
    window = make_window(path)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_the_tray_counts_and_reminds_at_start_and_at_the_reps_times(window):
    tray, clock = FakeTray(), Clock(datetime(2026, 11, 20, 8, 30))
    window.start_reminders(clock=clock, tray=tray)
    assert window.reminders.timer.isActive()
    # A 11-13, 11-15, 11-17 overdue; B 11-17: four due, the first three named
    assert tray.counts == [4]
    assert tray.notes == [
        (
            "4 to do today",
            "1. Follow up 甲 (tier A)\n2. Follow up 乙 (tier A)\n3. Follow up 丙 (tier A)\n"
            "and 1 more",
        )
    ]
    clock.now = datetime(2026, 11, 20, 8, 59)
    window.reminders.tick()
    assert len(tray.notes) == 1
    clock.now = datetime(2026, 11, 20, 9, 0, 30)
    window.reminders.tick()
    assert len(tray.notes) == 2  # 09:00
    clock.now = datetime(2026, 11, 20, 14, 0, 5)
    window.reminders.tick()
    assert len(tray.notes) == 3  # 14:00
    assert tray.counts[-1] == 4


def test_the_tray_count_follows_a_change_at_once(window, qtbot):
    tray = FakeTray()
    window.start_reminders(clock=Clock(datetime(2026, 11, 20, 8, 30)), tray=tray)
    tab = window.tab("today")
    qtbot.waitUntil(tab.table.isVisible)  # shortcuts reach a widget on screen
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # 甲 done
    assert tray.counts[-1] == 3


def test_the_day_rolls_over_at_midnight_when_the_window_stays_open(window):
    tray, clock = FakeTray(), Clock(datetime(2026, 11, 20, 23, 59, 50))
    window.follows_clock = True  # as a start without --as-of
    window.start_reminders(clock=clock, tray=tray)
    clock.now = datetime(2026, 11, 21, 0, 0, 20)
    window.reminders.tick()
    assert window.as_of == AS_OF + timedelta(days=1)
    assert "2026-11-21" in window.tab("today").heading.text()
    # 丁 (B, 11-17) and the A leads: still four on the 21st
    assert window.tabs.tabText(0) == "Today (4)"


def test_without_a_tray_a_banner_in_the_window_reminds_and_opens_today(window, qtbot):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen, as Xvfb
    window.tabs.setCurrentIndex(5)
    window.start_reminders(clock=Clock(datetime(2026, 11, 20, 8, 0)))
    banner = window.reminders.tray
    assert isinstance(banner, ui_reminders.Banner)
    assert banner.isVisible() and banner.container.isVisible()
    assert "4 to do today" in banner.text.text() and "Follow up 甲 (tier A)" in banner.text.text()
    qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == 0
    assert not banner.container.isVisible()
    assert not window.reminders.keeps_running()  # no tray to keep running in


def test_closing_keeps_running_in_the_tray_only_when_the_rep_chose_it(window):
    tray = FakeTray()
    window.start_reminders(clock=Clock(datetime(2026, 11, 20, 8, 0)), tray=tray)
    app_settings().setValue(ui_reminders.KEEP_IN_TRAY_KEY, True)
    window.close()
    assert not window.isVisible() and window.lock is not None  # hidden, still working
    window.reminders.tick()
    assert tray.counts[-1] == 4
    quit_action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Quit"
    )
    with mock.patch("ui.main_window.QApplication.quit") as quit_app:
        quit_action.trigger()
    assert quit_app.called and window.lock is None and tray.removed


def test_closing_without_the_preference_closes(window):
    tray = FakeTray()
    window.start_reminders(clock=Clock(datetime(2026, 11, 20, 8, 0)), tray=tray)
    window.close()
    assert window.lock is None and tray.removed


def test_the_feed_file_is_kept_up_to_date_after_a_change(window, qtbot, tmp_path):
    feed = tmp_path / "feed" / "repdesk.ics"
    feed.parent.mkdir()
    assert ui_reminders.edit_settings(
        window, {"times": "09:00, 14:00", "keep": False, "login": False, "feed": str(feed)}
    )
    window.start_reminders(clock=Clock(datetime(2026, 11, 20, 8, 0)), tray=FakeTray())
    qtbot.waitUntil(feed.exists, timeout=5000)

    def starts():
        calendar = icalendar.Calendar.from_ical(feed.read_bytes())
        return sorted(str(e.decoded("DTSTART")) for e in calendar.walk("VEVENT"))

    assert starts() == ["2026-11-13", "2026-11-15", "2026-11-17", "2026-11-17"]
    tab = window.tab("today")
    qtbot.waitUntil(tab.table.isVisible)  # shortcuts reach a widget on screen
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # 甲 followed up today: next 11-23
    qtbot.waitUntil(lambda: "2026-11-23" in starts(), timeout=5000)
    assert starts() == ["2026-11-15", "2026-11-17", "2026-11-17", "2026-11-23"]


def test_bad_reminder_times_are_refused_and_nothing_is_kept(window):
    with mock.patch.object(ui_reminders.QMessageBox, "warning") as warning:
        assert not ui_reminders.edit_settings(
            window, {"times": "9 am", "keep": True, "login": False, "feed": ""}
        )
    assert warning.called
    assert not ui_reminders.keep_running_in_tray()


def test_file_export_calendar(window, tmp_path):
    out = tmp_path / "mine.ics"
    action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Export &calendar…"
    )
    with mock.patch("ui.file_dialogs.save_file_name", return_value=str(out)):
        action.trigger()
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert len(calendar.walk("VEVENT")) == 4
    assert "4 events" in window.statusBar().currentMessage()
