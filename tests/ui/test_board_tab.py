"""The four-quadrant board in the window: drag and drop, keyboard moves, undo and redo."""

from unittest import mock

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence

from app.models import Task
from tests.conftest import AS_OF
from ui.main_window import TAB_NAMES
from ui.tabs.board import MIME_TYPE, QuadrantModel


def order(quadrant):
    return [t.title for t in Task.select().where(Task.quadrant == quadrant).order_by(Task.position)]


@pytest.fixture
def board_tab(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "board.sqlite3", demo=False)
    tab = window.tab("board")
    for quadrant, names in ((1, ["谈判", "报价"]), (2, ["培育", "回访", "学习"])):
        for name in names:
            tab.board.add(name, quadrant, AS_OF)
    tab.refresh()  # the cards were put in behind the window's back
    window.tabs.setCurrentIndex(TAB_NAMES.index("board"))
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)  # shortcuts fire in the active window only
    return tab


def test_a_drag_carries_task_ids_and_the_drop_moves_the_task(board_tab):
    source, target = board_tab.models[2], board_tab.models[1]
    dragged = source.index(1)  # 回访
    mime = source.mimeData([dragged])
    assert mime.hasFormat(MIME_TYPE)
    assert bytes(mime.data(MIME_TYPE)).decode() == str(Task.get(title="回访").id)
    assert target.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert order(1) == ["谈判", "回访", "报价"]
    assert order(2) == ["培育", "学习"]
    # both views show it at once (the move's operation changed the tasks)
    assert [target.data(target.index(r)) for r in range(3)] == ["谈判", "回访", "报价"]
    assert source.rowCount() == 2


def test_a_drop_inside_the_same_quadrant_reorders(board_tab):
    model = board_tab.models[2]
    mime = model.mimeData([model.index(2)])  # 学习
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert order(2) == ["学习", "培育", "回访"]
    mime = model.mimeData([model.index(0)])  # 学习 again, dropped at the end
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert order(2) == ["培育", "回访", "学习"]


def test_a_drop_is_one_undo_step_and_redo_repeats_it(board_tab):
    stack = board_tab.main.undo_stack
    source, target = board_tab.models[2], board_tab.models[4]
    target.dropMimeData(
        source.mimeData([source.index(0)]), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
    )
    assert order(4) == ["培育"]
    stack.undo()
    assert order(2) == ["培育", "回访", "学习"] and order(4) == []
    stack.redo()
    assert order(4) == ["培育"]


def test_foreign_drops_are_refused(board_tab):
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setText("hello")
    assert not board_tab.models[1].dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not board_tab.models[1].dropMimeData(
        board_tab.models[2].mimeData([board_tab.models[2].index(0)]),
        Qt.DropAction.CopyAction,
        0,
        0,
        QModelIndex(),
    )


def test_the_quadrant_model_passes_qt_model_tests(board_tab, qtmodeltester):
    qtmodeltester.check(board_tab.models[2])


def test_the_models_never_remove_rows_themselves(board_tab):
    """The view calls removeRows after a move-drag; the board has already moved the task."""
    model = board_tab.models[2]
    assert not model.removeRows(0, 1, QModelIndex())
    assert model.rowCount() == 3


def _press(qtbot, widget, keys):
    sequence = QKeySequence(keys)
    combo = sequence[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def test_keyboard_moves_between_quadrants_and_within_one(board_tab, qtbot):
    board_tab.select_task(Task.get(title="回访").id)
    view = board_tab.views[2]
    _press(qtbot, view, "Ctrl+1")
    assert order(1) == ["谈判", "报价", "回访"]
    view = board_tab.views[1]
    assert board_tab.selected()[1].title == "回访"  # the moved card stays selected
    _press(qtbot, view, "Alt+Up")
    assert order(1) == ["谈判", "回访", "报价"]
    _press(qtbot, view, "Alt+Up")
    _press(qtbot, view, "Alt+Up")  # already at the top: nothing happens
    assert order(1) == ["回访", "谈判", "报价"]
    _press(qtbot, view, "Alt+Down")
    assert order(1) == ["谈判", "回访", "报价"]
    stack = board_tab.main.undo_stack
    stack.undo()
    stack.undo()
    stack.undo()
    assert order(1) == ["谈判", "报价", "回访"]
    stack.undo()
    assert order(2) == ["培育", "回访", "学习"]
    stack.redo()
    assert order(1) == ["谈判", "报价", "回访"]


def test_add_in_place_tick_done_delete_and_undo_each(board_tab, qtbot):
    stack = board_tab.main.undo_stack
    entry = board_tab.inputs[3]
    entry.setText("临时会议")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert order(3) == ["临时会议"] and entry.text() == ""
    task_id = Task.get(title="临时会议").id
    board_tab.select_task(task_id)
    _press(qtbot, board_tab.views[3], "Space")
    assert Task.get_by_id(task_id).done
    assert board_tab.models[3].rowCount() == 0  # done tasks are hidden…
    board_tab.show_done.setChecked(True)
    assert board_tab.models[3].rowCount() == 1  # …until asked for
    stack.undo()
    assert not Task.get_by_id(task_id).done
    board_tab.select_task(task_id)
    _press(qtbot, board_tab.views[3], "Delete")
    assert Task.get_or_none(Task.id == task_id) is None
    stack.undo()
    assert Task.get_by_id(task_id).title == "临时会议"
    stack.undo()  # the add itself
    assert Task.get_or_none(Task.id == task_id) is None
    stack.redo()
    assert Task.get_by_id(task_id).quadrant == 3


def test_ticking_the_box_on_a_card(board_tab):
    model = board_tab.models[1]
    assert model.setData(model.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert Task.get(title="谈判").done


def test_editing_a_task_is_one_undo_step(board_tab):
    task = Task.get(title="学习")
    assert board_tab.apply_edit(
        task, {"title": "学习《双赢谈判》", "due": AS_OF, "notes": "周末"}, quadrant=1
    )
    changed = Task.get_by_id(task.id)
    assert (changed.title, changed.due, changed.notes, changed.quadrant) == (
        "学习《双赢谈判》",
        AS_OF,
        "周末",
        1,
    )
    board_tab.main.undo_stack.undo()
    back = Task.get_by_id(task.id)
    assert (back.title, back.due, back.notes, back.quadrant) == ("学习", None, "", 2)


def test_the_edit_dialog_fills_and_returns_the_fields(board_tab, qtbot):
    from ui.dialogs.task_dialog import TaskDialog

    dialog = TaskDialog(board_tab, Task.get(title="报价"))
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "报价" and dialog.quadrant.currentData() == 1
    assert not dialog.due.isEnabled()
    dialog.has_due.setChecked(True)
    dialog.due.setDate(AS_OF)
    assert dialog.values() == {"title": "报价", "due": AS_OF, "notes": ""}


def test_today_shows_what_is_due_with_quadrants_1_and_2_first(board_tab):
    board_tab.board.edit(Task.get(title="培育").id, due=AS_OF.replace(day=25))
    board_tab.today_button.setChecked(True)
    assert [t.title for t in board_tab.models[2].tasks] == ["回访", "学习"]
    assert board_tab.grid.rowStretch(0) > board_tab.grid.rowStretch(1)
    board_tab.today_button.setChecked(False)
    assert board_tab.models[2].rowCount() == 3


def test_overdue_cards_are_drawn_in_red(board_tab):
    from ui.tabs.board import TaskCardDelegate

    task = Task.get(title="谈判")
    board_tab.board.edit(task.id, due=AS_OF.replace(day=10))
    board_tab.refresh()
    from app.board import is_overdue

    assert is_overdue(Task.get_by_id(task.id), AS_OF)
    delegate = board_tab.views[1].itemDelegate()
    assert isinstance(delegate, TaskCardDelegate)
    assert "2026-11-10" in delegate._details(board_tab.models[1].tasks[0])


def test_quadrant_models_are_separate_views_of_one_board(board_tab):
    model = QuadrantModel(board_tab.board, 2, mock.Mock(), AS_OF)
    assert [model.data(model.index(r)) for r in range(3)] == ["培育", "回访", "学习"]


def test_a_roll_up_card_opens_the_tiers_overdue_leads(make_window, tmp_path, qtbot):
    from datetime import timedelta

    from app import db
    from app.models import Lead

    path = tmp_path / "rollup.sqlite3"
    db.open_database(path)
    for i in range(3):  # B: 11-11 + 7 = 11-18, overdue
        Lead.create(name=f"B{i}", tier="B", created=AS_OF - timedelta(days=9))
    Lead.create(name="B 未逾期", tier="B", created=AS_OF)
    Lead.create(name="C 逾期", tier="C", created=AS_OF - timedelta(days=40))
    db.close_database()
    window = make_window(path)
    window.tabs.setCurrentIndex(4)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    tab = window.tab("board")
    [card] = [t for t in tab.board.tasks(2) if t.title == "Follow up 3 tier-B leads"]
    tab.select_task(card.id)
    qtbot.waitUntil(tab.views[2].isVisible)
    _press(qtbot, tab.views[2], "Return")
    assert window.tabs.currentIndex() == 2  # leads & customers
    leads_tab = window.tab("leads")
    assert leads_tab.tier.currentData() == "B" and leads_tab.overdue_only.isChecked()
    assert sorted(row[0] for row in leads_tab.lead_model.rows) == ["B0", "B1", "B2"]


@pytest.fixture
def full_board(make_window, tmp_path, qtbot):
    """A window on Today over a board with 300 cards in quadrant 1, painted."""
    from app import db
    from app.bulk import insert_rows

    path = tmp_path / "full.sqlite3"
    db.open_database(path)
    with db.database.atomic():
        rows = [
            {"title": f"任务{i:03d}", "quadrant": 1, "position": i, "created": AS_OF}
            for i in range(300)
        ]
        insert_rows(Task, rows)
    db.close_database()
    window = make_window(path)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _show_the_board(qtbot, window):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_NAMES.index("board")).center()
    )
    qtbot.waitUntil(lambda: window.tab("board").views[1].isVisible())
    return window.tab("board")


def test_the_cards_are_laid_out_once_when_the_board_is_first_shown(full_board, qtbot):
    """A list view lays its cards out again when restyled, reparented or resized, asking
    the model for each row (two asks per row): the views get their cards once the tab is
    built, so a heavy user's thousands are laid out once."""
    asked = []

    class Counted(QuadrantModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008 - Qt's signature
            asked.append(self)
            return super().rowCount(parent)

    with mock.patch("ui.tabs.board.QuadrantModel", Counted):  # the tab's models count
        tab = _show_the_board(qtbot, full_board)
        full_board.repaint()
    assert tab.models[1].rowCount() == 300
    per_quadrant_1 = sum(model is tab.models[1] for model in asked)
    assert per_quadrant_1 < 3 * 300  # one layout asks twice for each row; two, four times
    last = tab.views[1].visualRect(tab.models[1].index(299))
    assert last.top() > 299 * last.height()  # every card has its place, one under the other


def test_the_cards_follow_the_quadrants_width(full_board, qtbot):
    tab = _show_the_board(qtbot, full_board)
    view = tab.views[1]
    widths = []
    for width in (1400, 1000):  # the window is at least 953 wide
        full_board.resize(width, 700)
        qtbot.waitUntil(lambda w=width: full_board.width() == w)
        qtbot.wait(10)
        widths.append(view.viewport().width())
        for row in (0, 299):
            card = view.visualRect(tab.models[1].index(row))
            assert card.left() == 1 and card.width() == view.viewport().width() - 2  # spacing 1
    assert widths[0] > widths[1]  # the quadrant narrower
