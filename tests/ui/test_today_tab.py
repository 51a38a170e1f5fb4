"""The Today tab in the window: the ranked rows under their groups' headers, the list folded
to the plan, one-key actions, the quota's quick entry, the month's pace, and the day's
first start opening on it."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import db
from app.models import Activity, Lead, Target
from tests.conftest import AS_OF
from ui.dialogs.snooze_dialog import SnoozeDialog

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


def groups(tab):
    """Each group's header, as shown."""
    return [tab.table.topLevelItem(n).text(0) for n in range(tab.table.topLevelItemCount())]


def rows(tab):
    """The item rows shown, in order (under every header; not the "N more" rows)."""
    found = []
    for n in range(tab.table.topLevelItemCount()):
        header = tab.table.topLevelItem(n)
        found += [header.child(c) for c in range(header.childCount()) if header.child(c).text(1)]
    return found


def shown(tab):
    return [row.text(1) for row in rows(tab)]


def chosen(tab):
    return tab.table.currentItem().text(1)


def test_the_days_first_start_opens_on_today_ranked_and_folded(today_window, qtbot):
    window, tab = today_window
    assert window.tabs.currentIndex() == 0
    assert window.tabs.tabText(0) == "Today (4)"
    assert groups(tab) == ["A-tier follow-ups (4)"]
    assert shown(tab) == ["Follow up 甲 (tier A)", "Follow up 乙 (tier A)"]
    assert chosen(tab) == "Follow up 甲 (tier A)"
    assert tab.more[2].text() == "2 more"  # 4 due − 2 shown
    qtbot.mouseClick(tab.more[2], Qt.MouseButton.LeftButton)
    assert len(shown(tab)) == 4 and tab.more[2].text() == "Show fewer"
    assert [row.text(0) for row in rows(tab)] == ["1", "2", "3", "4"]
    assert rows(tab)[0].text(3) == "7 days" and rows(tab)[3].text(3) == ""
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
    assert groups(tab) == ["A-tier follow-ups (3)"]
    assert shown(tab) == ["Follow up 乙 (tier A)", "Follow up 丙 (tier A)"]
    assert tab.more[2].text() == "1 more"  # 3 due − 2 shown
    undo = next(a for a in window.menuBar().actions()[1].menu().actions() if "Undo" in a.text())
    undo.trigger()
    assert Lead.get(name="甲").last_contact == D("2026-11-10")
    assert not Activity.select().exists()
    assert window.tabs.tabText(0) == "Today (4)"


def test_after_done_the_next_row_is_chosen_so_the_rep_works_down_the_list(today_window, qtbot):
    window, tab = today_window
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # 乙, the second
    assert tab.selected().name == "乙"
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # 乙 done: 丙 comes up into its place
    assert tab.selected().name == "丙"
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # 丙 done
    assert Lead.get(name="乙").last_contact == Lead.get(name="丙").last_contact == AS_OF
    assert Lead.get(name="甲").last_contact == D("2026-11-10")  # the first left as it was
    assert window.tabs.tabText(0) == "Today (2)"  # 4 − 2


def test_s_snoozes_to_the_date_chosen(today_window, qtbot):
    window, tab = today_window
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert chosen(tab) == "Follow up 乙 (tier A)"

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
    assert "Follow up 乙 (tier A)" not in shown(tab)
    assert window.tabs.tabText(0) == "Today (3)"
    assert groups(tab) == ["A-tier follow-ups (3)"]


def test_enter_opens_the_lead(today_window, qtbot):
    window, tab = today_window
    tab.table.setCurrentItem(rows(tab)[1])
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


def test_a_long_group_opens_a_hundred_rows_at_a_time(make_window, tmp_path, qtbot):
    path = tmp_path / "long.sqlite3"
    db.open_database(path)
    Target.create(month="2026-11", revenue_fen=1, effective_visits=42)  # 2 rows planned
    Lead.insert_many(
        [{"name": f"线索{n:03}", "tier": "B", "created": D("2026-11-01")} for n in range(130)]
    ).execute()  # each due 11-08
    db.close_database()
    window = make_window(path)
    tab = window.tab("today")
    assert groups(tab) == ["B- and C-tier follow-ups (130)"]
    assert len(rows(tab)) == 2 and tab.more[6].text() == "128 more"
    qtbot.mouseClick(tab.more[6], Qt.MouseButton.LeftButton)
    assert len(rows(tab)) == 102 and tab.more[6].text() == "28 more"  # 2 + 100
    assert rows(tab)[-1].text(0) == "102"
    qtbot.mouseClick(tab.more[6], Qt.MouseButton.LeftButton)
    assert len(rows(tab)) == 130 and tab.more[6].text() == "Show fewer"
    qtbot.mouseClick(tab.more[6], Qt.MouseButton.LeftButton)
    assert len(rows(tab)) == 2 and tab.more[6].text() == "128 more"


def test_each_group_shows_its_count_and_the_lists_first_rows_fill_the_plan(
    make_window, tmp_path, qtbot
):
    path = tmp_path / "groups.sqlite3"
    db.open_database(path)  # no target, no plan: the list shows its first 10 rows
    Lead.insert_many(
        [{"name": f"甲{n:02}", "tier": "A", "created": D("2026-11-10")} for n in range(3)]
        + [{"name": f"乙{n:02}", "tier": "B", "created": D("2026-11-10")} for n in range(12)]
    ).execute()  # A: 11-10 + 3 = 11-13, 7 days overdue; B: 11-10 + 7 = 11-17, 3 days
    db.close_database()
    window = make_window(path)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)  # shortcuts fire in the active window only
    tab = window.tab("today")
    qtbot.waitUntil(tab.table.isVisible)  # shortcuts reach a widget on screen
    tab.table.setFocus()
    assert window.tabs.tabText(0) == "Today (15)"  # 3 + 12
    assert groups(tab) == ["A-tier follow-ups (3)", "B- and C-tier follow-ups (12)"]
    assert len(rows(tab)) == 10  # the 3 A-tier, then the first 7 of the 12 B-tier: 3 + 7
    assert 2 not in tab.more and tab.more[6].text() == "5 more"  # 12 − 7
    # the B group's ranks run on after the 3 A-tier rows: 4 … 13
    assert [row.text(0) for row in rows(tab)[3:5]] == ["4", "5"]
    assert rows(tab)[-1].text(0) == "10"
    assert rows(tab)[3].text(1) == "Follow up 乙00 (tier B)"
    for _ in range(3):  # ↓ passes over the B group's header
        qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert chosen(tab) == "Follow up 乙00 (tier B)"
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)  # 乙00 done: followed up today
    assert groups(tab) == ["A-tier follow-ups (3)", "B- and C-tier follow-ups (11)"]
    assert tab.more[6].text() == "4 more"  # 11 − 7
    assert window.tabs.tabText(0) == "Today (14)"
    assert tab.heading.text() == "Today · 2026-11-20 · 14 to do"
    qtbot.mouseClick(tab.more[6], Qt.MouseButton.LeftButton)
    assert len(rows(tab)) == 14 and shown(tab)[-1] == "Follow up 乙11 (tier B)"
