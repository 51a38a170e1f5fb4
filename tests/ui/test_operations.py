"""Changes made through the real buttons, menus and keys: stored, shown in every tab at
once, undone and redone with the keys — after a language switch, across tabs, after
leaving and re-entering a tab — and a failure shown, never a crash."""

from unittest import mock

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from app import planning
from app.models import CaseEntry, Customer, Lead, Order, Task
from tests.app.test_import_export import write_csv
from tests.conftest import AS_OF
from ui.main_window import TAB_NAMES


def button(widget, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, f"{text!r}: {[b.text() for b in widget.findChildren(QPushButton)]}"
    return found[0]


def answer_next_dialog(qtbot, fill, kind=QDialog) -> list:
    """When the next modal dialog of `kind` opens, `fill(dialog)` it (it accepts or
    rejects)."""
    seen = []

    def check():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, check)
            return
        seen.append(dialog)
        fill(dialog)

    QTimer.singleShot(0, check)
    return seen


def press(window, keys: str, qtbot) -> None:
    """A key as the rep presses it, on the window's focused widget."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    if QApplication.activeWindow() is not window:  # offscreen: a closed dialog stays active
        window.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    sequence = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, sequence.key(), sequence.keyboardModifiers())
    QApplication.processEvents()


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    with qtbot.waitActive(window):  # shortcuts fire in the active window only
        window.show()
        window.activateWindow()
    return window


def show(window, name: str):
    window.tabs.setCurrentIndex(TAB_NAMES.index(name))
    tab = window.tab(name)
    QApplication.processEvents()
    return tab


def test_new_lead_through_the_button_then_ctrl_z(window, qtbot):
    tab = show(window, "leads")
    before = Lead.select().count()

    def fill(dialog):
        edits = dialog.findChildren(type(tab.search))
        edits[0].setText("远航科技")  # the first box: the lead's name
        dialog.accept()

    seen = answer_next_dialog(qtbot, fill)
    qtbot.mouseClick(button(tab, "New lead…"), Qt.MouseButton.LeftButton)
    assert seen, "the dialog opened"
    assert Lead.select().count() == before + 1
    assert Lead.get(name="远航科技").created == AS_OF
    assert tab.detail_title.text() == "远航科技"  # the new lead is shown
    press(window, "Ctrl+Z", qtbot)
    assert Lead.select().count() == before
    assert not Lead.select().where(Lead.name == "远航科技").exists()
    press(window, "Ctrl+Shift+Z", qtbot)
    assert Lead.select().where(Lead.name == "远航科技").exists()


def test_add_order_through_the_dashboard_shows_everywhere(window, qtbot):
    review = show(window, "review")
    dashboard = show(window, "dashboard")
    customer = Customer.select().order_by(Customer.name).first()
    before = Order.select().count()
    revenue_before = dashboard.cards["revenue"].value.text()
    review_before = review.data.actual.revenue_fen

    def fill(dialog):
        dialog.customer.setCurrentText(customer.name)
        dialog.amount.setValue(12345.67)
        dialog.accept()

    answer_next_dialog(qtbot, fill)
    qtbot.mouseClick(button(dashboard, "Add order…"), Qt.MouseButton.LeftButton)
    order = Order.select().order_by(Order.id.desc()).first()
    assert Order.select().count() == before + 1
    assert (order.customer_id, order.date, order.amount_fen) == (customer.id, AS_OF, 1234567)
    # the open dashboard shows it without View → Refresh; the hidden review is not built
    # again until it is shown, and then shows it
    assert dashboard.cards["revenue"].value.text() != revenue_before
    assert review.data.actual.revenue_fen == review_before
    assert show(window, "review") is review
    assert review.data.actual.revenue_fen == review_before + 1234567  # + ¥12,345.67
    press(window, "Ctrl+Z", qtbot)  # undone on the review: shown at once there
    assert Order.select().count() == before
    assert review.data.actual.revenue_fen == review_before
    show(window, "dashboard")
    assert dashboard.cards["revenue"].value.text() == revenue_before


def test_add_case_through_the_button(window, qtbot):
    tab = show(window, "review")
    before = CaseEntry.select().count()

    def fill(dialog):
        dialog.title.setText("报价太早")
        dialog.kind.setCurrentIndex(dialog.kind.findData("lesson"))
        dialog.accept()

    answer_next_dialog(qtbot, fill)
    qtbot.mouseClick(button(tab, "Add a case…"), Qt.MouseButton.LeftButton)
    assert CaseEntry.select().count() == before + 1
    assert "报价太早" in tab.cases.text() and "Lesson" in tab.cases.text()
    press(window, "Ctrl+Z", qtbot)
    assert CaseEntry.select().count() == before
    assert "报价太早" not in tab.cases.text()


def test_import_through_the_file_menu_then_ctrl_z(window, qtbot, tmp_path):
    path = write_csv(tmp_path / "客户.csv", [["客户名称", "电话"], ["青松物流", "13800000000"]])
    leads_tab = show(window, "leads")
    before = Customer.select().count()

    def fill(dialog):
        dialog.set_file(path)
        answer_next_dialog(qtbot, lambda box: box.accept(), QMessageBox)  # the summary
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, fill)
    action = next(
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.text() == "&Import…"
    )
    action.trigger()
    assert seen and seen[0].windowTitle() == "Import"
    assert Customer.select().count() == before + 1
    assert leads_tab.customer_model.rowCount() == before + 1  # shown at once
    press(window, "Ctrl+Z", qtbot)
    assert Customer.select().count() == before
    press(window, "Ctrl+Y", qtbot)  # redo: the same file again
    assert Customer.select().where(Customer.name == "青松物流").exists()


def test_saving_a_target_then_switching_language_then_undo(window, qtbot):
    tab = show(window, "targets")
    month = f"{AS_OF:%Y-%m}"
    old = planning.target_for(month).revenue_fen
    tab.revenue.setValue(old / 100 * 2)
    dashboard = show(window, "dashboard")
    completion_before = dashboard.cards["revenue"].change.text()
    tab = show(window, "targets")
    qtbot.mouseClick(button(tab, "Save target"), Qt.MouseButton.LeftButton)
    assert planning.target_for(month).revenue_fen == old * 2
    assert dashboard.cards["revenue"].change.text() == completion_before  # hidden: as it was
    show(window, "dashboard")
    assert dashboard.cards["revenue"].change.text() != completion_before  # doubled target
    language = next(
        a for a in window.findChildren(type(window.menuBar().actions()[0])) if a.text() == "中文"
    )
    language.trigger()  # every tab is built again, in Chinese
    assert window.tabs.tabText(TAB_NAMES.index("targets")) == "目标"
    press(window, "Ctrl+Z", qtbot)
    assert planning.target_for(month).revenue_fen == old
    assert window.tab("targets").revenue.value() == old / 100  # the rebuilt tab shows it
    press(window, "Ctrl+Shift+Z", qtbot)
    assert planning.target_for(month).revenue_fen == old * 2


def test_undo_across_tabs_and_after_leaving_a_tab(window, qtbot):
    board = show(window, "board")
    entry = board.inputs[1]
    entry.setFocus()
    qtbot.keyClicks(entry, "Call Mr Wang")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert "Call Mr Wang" in [t.title for t in board.models[1].tasks]
    leads_tab = show(window, "leads")  # another tab; undo still reaches the board
    leads_tab.setFocus()
    press(window, "Ctrl+Z", qtbot)
    assert not Task.select().where(Task.title == "Call Mr Wang").exists()
    # the hidden board is not built again until it is shown
    assert "Call Mr Wang" in [t.title for t in board.models[1].tasks]
    board = show(window, "board")  # back on the board: the undo shown; redo
    assert "Call Mr Wang" not in [t.title for t in board.models[1].tasks]
    board.views[1].setFocus()
    press(window, "Ctrl+Y", qtbot)
    assert "Call Mr Wang" in [t.title for t in board.models[1].tasks]


def test_in_a_text_box_ctrl_z_undoes_the_typing_first(window, qtbot):
    board = show(window, "board")
    entry = board.inputs[2]
    entry.setFocus()
    qtbot.keyClicks(entry, "Learn")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.keyClicks(entry, "xyz")
    press(window, "Ctrl+Z", qtbot)
    assert entry.text() == ""  # the box's own typing went
    assert "Learn" in [t.title for t in board.models[2].tasks]  # the task stayed


def test_a_failing_change_is_shown_and_nothing_is_pushed(window, qtbot):
    tab = show(window, "leads")
    depth = window.undo_stack.count()

    def fill(dialog):
        dialog.findChildren(type(tab.search))[0].setText("坏线索")
        dialog.accept()

    answer_next_dialog(qtbot, fill)
    with (
        mock.patch("app.leads.add_lead", side_effect=RuntimeError("disk on fire")),
        mock.patch.object(QMessageBox, "critical") as critical,
    ):
        qtbot.mouseClick(button(tab, "New lead…"), Qt.MouseButton.LeftButton)
    assert critical.call_count == 1
    assert "disk on fire" in critical.call_args.args[2]
    assert "repdesk.log" in critical.call_args.args[2]  # where the details are
    assert window.undo_stack.count() == depth
    assert window.isVisible()  # the program keeps running


def test_a_failing_undo_is_shown_and_the_step_dropped(window, qtbot):
    tab = show(window, "review")
    answer_next_dialog(qtbot, lambda d: (d.title.setText("案例"), d.accept()))
    qtbot.mouseClick(button(tab, "Add a case…"), Qt.MouseButton.LeftButton)
    count = window.undo_stack.count()
    CaseEntry.delete().where(CaseEntry.title == "案例").execute()  # gone behind its back
    with mock.patch.object(QMessageBox, "critical") as critical:
        press(window, "Ctrl+Z", qtbot)
        qtbot.waitUntil(lambda: critical.call_count == 1)
    assert window.undo_stack.count() == count - 1  # the step that cannot be undone is gone
    assert window.isVisible()


def test_no_dialog_is_left_open(window):
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
