"""The lifecycle calendar: the month grid, the agenda, marks with undo, rules, stages."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app import db, lifecycle
from app.models import Customer, LifecycleEvent, Order
from tests.conftest import AS_OF
from tests.ui.test_operations import answer_next_dialog, button
from ui.main_window import TAB_NAMES


@pytest.fixture
def tab(make_window, tmp_path):
    path = tmp_path / "life.sqlite3"
    db.open_database(path)
    db.set_setting(lifecycle.RULES_SETTING, {"holiday_greeting": {"on": False}})
    who = Customer.create(
        name="杭州恒达建材有限公司",
        created=date(2020, 1, 1),
        birthday="11-25",
        contract_end=date(2027, 1, 22),
    )
    Order.create(customer=who, date=date(2026, 11, 10), amount_fen=100)
    db.close_database()
    window = make_window(path)
    return window.tab("lifecycle")


def agenda(tab):
    return [
        (tab.agenda.item(r, 1).text(), tab.agenda.item(r, 2).text(), tab.agenda.item(r, 3).text())
        for r in range(tab.agenda.rowCount())
    ]


def test_the_month_grid_and_the_agenda(tab, qtbot):
    assert tab.heading.text() == "2026-11"
    cell = tab.grid.item(4, 2)  # Wednesday 25 November (the grid starts Monday 26 October)
    assert cell.text().startswith("25\n● 杭州恒达建材")
    assert tab.grid.item(2, 4).text().startswith("13\n")  # the first-order callback
    assert agenda(tab) == [
        ("杭州恒达建材有限公司", "Renewal demo", "Due"),
        ("杭州恒达建材有限公司", "Birthday greeting", "Due"),
    ]
    tab._day_clicked(2, 4)  # 13 November: the callback comes into the agenda
    assert agenda(tab)[0][1] == "First-order callback"
    forward = next(b for b in tab.findChildren(QPushButton) if b.accessibleName() == "Next month")
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)  # ▶
    assert tab.heading.text() == "2026-12"


def test_done_snooze_and_skip_are_kept_and_undoable(tab, qtbot):
    stack = tab.main.undo_stack
    tab.agenda.selectRow(0)  # the renewal demo, due 22 November
    tab.mark_done()
    assert LifecycleEvent.get().status == "done"
    assert agenda(tab)[0][2] == "Done"
    stack.undo()
    assert LifecycleEvent.select().count() == 0
    tab.agenda.selectRow(1)  # the birthday, on 25 November
    proposed = []

    def fill(dialog):
        proposed.append(dialog.value())  # a week after it is due: 11-25 + 7 = 12-02
        dialog.day.setDate(date(2026, 11, 28))
        dialog.accept()

    answer_next_dialog(qtbot, fill)
    qtbot.mouseClick(button(tab, "Snooze…"), Qt.MouseButton.LeftButton)
    assert proposed == [date(2026, 12, 2)]
    assert [row[1] for row in agenda(tab)] == ["Renewal demo", "Birthday greeting"]
    assert tab.rows[1].date == date(2026, 11, 28)
    tab.agenda.selectRow(0)
    tab.skip("已电话沟通")
    assert agenda(tab)[0][2] == "Skipped (已电话沟通)"
    stack.undo()
    stack.undo()
    assert LifecycleEvent.select().count() == 0


def test_the_kind_filter(tab):
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("birthday"))
    assert [row[1] for row in agenda(tab)] == ["Birthday greeting"]


def test_the_rules_switch_a_kind_off(tab):
    rules = lifecycle.rules()
    rules["birthday"]["on"] = False
    tab.save_rules(rules)
    assert [row[1] for row in agenda(tab)] == ["Renewal demo"]
    tab.main.undo_stack.undo()
    assert len(agenda(tab)) == 2


def test_the_rules_dialog_round_trips(tab, qtbot):
    from ui.dialogs.rules_dialog import RulesDialog

    dialog = RulesDialog(tab)
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert values["renewal_demo"] == {"on": True, "months": 2}
    assert values["first_order_callback"] == {"on": True, "days": 3}
    assert values["holiday_greeting"] == {
        "on": False,
        "holidays": ["spring_festival", "mid_autumn"],
    }


def test_the_stage_override_shows_in_the_customer_table(tab):
    customers = tab.main.tab("leads").customer_model
    assert customers.rows[0][-1] == "New"
    tab.agenda.selectRow(0)
    tab.set_stage("mature")
    assert tab.main.tab("leads").customer_model.rows[0][-1] == "Mature"
    tab.main.undo_stack.undo()
    assert tab.main.tab("leads").customer_model.rows[0][-1] == "New"


def test_churn_warnings_are_listed(tab):
    Customer.update(contact_left=True, contact_left_on=AS_OF).execute()
    assert [tab.warnings.item(0).text()] == ["No customer shows a churn signal."]
    tab.refresh()
    lines = [tab.warnings.item(row).text() for row in range(tab.warnings.count())]
    assert lines == ["杭州恒达建材有限公司: contact person left"]


def test_a_content_rhythm_puts_send_content_on_the_calendar(tab):
    tab.agenda.selectRow(0)
    tab.set_content_rhythm(7)  # created 2020-01-01: every 7 days → Wed 25 Nov is one
    assert "Send content" in [row[1] for row in agenda(tab)]
    tab.main.undo_stack.undo()
    assert "Send content" not in [row[1] for row in agenda(tab)]


def open_tab(window, qtbot, name: str):
    """Click a tab's title in the tab bar; returns the tab."""
    bar = window.tabs.tabBar()
    index = TAB_NAMES.index(name)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index
    qtbot.wait(1)  # a tab made now is shown on the next turn of the event loop
    return window.tabs.widget(index).tab


def test_a_change_on_today_shows_here_when_this_tab_is_shown_again(tab, qtbot, monkeypatch):
    window = tab.main
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    refreshes = []
    shown = tab.refresh
    monkeypatch.setattr(tab, "refresh", lambda: (refreshes.append(1), shown())[1])
    today = open_tab(window, qtbot, "today")
    # the one thing due: the first-order callback of 13 November (order 10 Nov + 3 days)
    assert window.tabs.tabText(0) == "Today (1)"
    qtbot.mouseClick(today.done_button, Qt.MouseButton.LeftButton)
    assert LifecycleEvent.get().status == "done"
    assert window.tabs.tabText(0) == "Today (0)"
    # the hidden calendar watches touchpoints: not built again until shown
    assert refreshes == []
    assert tab.grid.item(2, 4).text().startswith("13\n● 杭州恒达建材")
    assert open_tab(window, qtbot, "lifecycle") is tab
    assert refreshes == [1]
    assert tab.grid.item(2, 4).text() == "13"  # done: no longer to do
    # undone from the calendar: shown here at once, on Today when it is shown
    tab.grid.setFocus()
    qtbot.keyClick(tab.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not LifecycleEvent.select().exists()
    assert refreshes == [1, 1]
    assert tab.grid.item(2, 4).text().startswith("13\n● 杭州恒达建材")
    assert window.tabs.tabText(0) == "Today"  # not counted while hidden
    open_tab(window, qtbot, "today")
    assert window.tabs.tabText(0) == "Today (1)"
    assert refreshes == [1, 1]  # the calendar, hidden again, left alone
