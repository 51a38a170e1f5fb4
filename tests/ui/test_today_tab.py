"""The Today tab in the window: ranked rows folded to the plan, one-key actions, the quota's
quick entry, the month's pace, and the day's first start opening on it."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import db
from app.models import Activity, Lead, Target
from tests.conftest import AS_OF
from ui.tabs.today import SnoozeDialog

D = date.fromisoformat


@pytest.fixture
def today_window(make_window, tmp_path, qtbot):
    path = tmp_path / "today.sqlite3"
    db.open_database(path)
    # ⌈42 effective visits ÷ 21 working days⌉ = 2 actions planned today: 2 rows, then the fold
    Target.create(month="2026-11", revenue_fen=210_000_00, effective_visits=42)
    for name, last, amount in (
        ("甲", "2026-11-10", None),  # A: 11-13, 7 days overdue
        ("乙", "2026-11-12", 900_00),  # 11-15, 5 days
        ("丙", "2026-11-12", 100_00),  # 11-15, 5 days, the smaller amount
        ("丁", "2026-11-17", None),  # 11-20, due today
    ):
        Lead.create(
            name=name, tier="A", last_contact=D(last), created=D(last), expected_amount_fen=amount
        )
    db.close_database()
    window = make_window(path)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)  # shortcuts fire in the active window only
    qtbot.waitUntil(lambda: window.tabs.widget(0).tab is not None, timeout=5000)
    tab = window.tab("today")
    tab.table.setFocus()
    return window, tab


def shown(tab):
    return [tab.table.item(row, 1).text() for row in range(tab.table.rowCount())]


def test_the_days_first_start_opens_on_today_ranked_and_folded(today_window, qtbot):
    window, tab = today_window
    assert window.tabs.currentIndex() == 0
    assert window.tabs.tabText(0) == "Today (4)"
    assert shown(tab) == ["Follow up 甲 (tier A)", "Follow up 乙 (tier A)"]
    assert tab.more.text() == "2 more"
    qtbot.mouseClick(tab.more, Qt.MouseButton.LeftButton)
    assert len(shown(tab)) == 4 and tab.more.text() == "Show fewer"
    assert tab.table.item(0, 3).text() == "7 days" and tab.table.item(3, 3).text() == ""
    assert tab.visits_label.text() == "Effective visits: 0 of 2"
    # 210,000 × 15 of 21 working days = 150,000 expected by the 20th; nothing sold
    assert tab.pace_label.text() == "Pace: behind"
    assert tab.checkpoint_label.text() == (
        "Next checkpoint 2026-11-20: ¥150,000.00 expected, ¥0.00 so far"
    )


def test_space_marks_the_follow_up_done_and_undo_takes_it_back(today_window, qtbot):
    window, tab = today_window
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    lead = Lead.get(name="甲")
    assert lead.last_contact == AS_OF
    assert Activity.get(lead=lead.id).kind == "follow_up"
    assert window.tabs.tabText(0) == "Today (3)"
    assert shown(tab)[0] == "Follow up 乙 (tier A)"
    undo = next(a for a in window.menuBar().actions()[1].menu().actions() if "Undo" in a.text())
    undo.trigger()
    assert Lead.get(name="甲").last_contact == D("2026-11-10")
    assert not Activity.select().exists()
    assert window.tabs.tabText(0) == "Today (4)"


def test_s_snoozes_to_the_date_chosen(today_window, qtbot):
    window, tab = today_window
    tab.table.selectRow(1)  # 乙

    offered = []

    def choose():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SnoozeDialog):
            QTimer.singleShot(10, choose)  # not open yet
            return
        offered.append(dialog.value())
        dialog.day.setDate(QDate(2026, 11, 24))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    qtbot.keyClick(tab.table, Qt.Key.Key_S)
    assert offered == [AS_OF + timedelta(days=1)]  # tomorrow unless the rep picks another
    assert Lead.get(name="乙").next_follow_up == D("2026-11-24")
    assert "Follow up 乙 (tier A)" not in [item.title for item in tab.items]
    assert window.tabs.tabText(0) == "Today (3)"


def test_enter_opens_the_lead(today_window, qtbot):
    window, tab = today_window
    tab.table.selectRow(1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 2  # leads & customers
    leads_tab = window.tab("leads")
    assert leads_tab.lead.name == "乙"


def test_the_quick_entry_counts_visits_and_calls(today_window, qtbot):
    window, tab = today_window
    qtbot.mouseClick(tab.visit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.call_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.call_button, Qt.MouseButton.LeftButton)
    assert tab.visits_label.text() == "Effective visits: 1 of 2"
    assert tab.calls_label.text() == "Calls: 2"
    window.undo_stack.undo()
    assert tab.calls_label.text() == "Calls: 1"


def test_later_starts_of_the_day_restore_the_last_tab(today_window, make_window):
    window, _tab = today_window
    window.tabs.setCurrentIndex(5)  # dashboard
    window.close()
    again = make_window(window.db_path)
    assert again.tabs.currentIndex() == 5
    again.tabs.setCurrentIndex(5)
    again.close()
    from ui.main_window import MainWindow

    tomorrow = MainWindow(window.db_path, as_of=AS_OF + timedelta(days=1))
    try:
        assert tomorrow.tabs.currentIndex() == 0  # the next day's first start: Today
    finally:
        tomorrow.release()
        tomorrow.deleteLater()


def test_a_long_day_opens_a_hundred_rows_at_a_time(make_window, tmp_path, qtbot):
    path = tmp_path / "long.sqlite3"
    db.open_database(path)
    Target.create(month="2026-11", revenue_fen=1, effective_visits=42)  # 2 rows planned
    Lead.insert_many(
        [{"name": f"线索{n:03}", "tier": "B", "created": D("2026-11-01")} for n in range(130)]
    ).execute()  # each due 11-08
    db.close_database()
    window = make_window(path)
    tab = window.tab("today")
    assert tab.table.rowCount() == 2 and tab.more.text() == "128 more"
    qtbot.mouseClick(tab.more, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 102 and tab.more.text() == "28 more"  # 2 + 100
    qtbot.mouseClick(tab.more, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 130 and tab.more.text() == "Show fewer"
    qtbot.mouseClick(tab.more, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 2 and tab.more.text() == "128 more"
