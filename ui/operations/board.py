"""The four-quadrant board: move, reorder, add, edit, complete and delete a task card.

Each calls `app.board.Board` (the window's one board); the tab reloads its quadrants when
TASKS changed.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.board import Board
from ui.operations import TASKS, UNCHANGED, operation


def move(board: Board, task_id: int, quadrant: int, index=None, before_task=None):
    return operation(
        QCoreApplication.translate("Operations", "Move task"),
        lambda: board.move(task_id, quadrant, index, before_task),
        lambda was: board.move(task_id, *was),
        {TASKS},
    )


def shift(board: Board, task_id: int, step: int, visible: list[int]):
    """Alt+Up / Alt+Down among the tasks the rep sees."""

    def do():
        was = board.place(task_id)
        return was if board.shift(task_id, step, visible) else UNCHANGED

    return operation(
        QCoreApplication.translate("Operations", "Reorder task"),
        do,
        lambda was: board.move(task_id, *was),
        {TASKS},
    )


def add(board: Board, title: str, quadrant: int, today: date, **fields):
    """Undo deletes the card; redo puts the same card (same id) back."""
    return operation(
        QCoreApplication.translate("Operations", "Add task"),
        lambda: board.add(title, quadrant, today, **fields),
        board.delete,
        {TASKS},
        redo=board.restore,
    )


def edit(board: Board, task_id: int, values: dict, quadrant: int | None = None):
    """The card's fields and, when it changed, its quadrant: one step."""

    def do():
        before = board.edit(task_id, **values)
        was = board.move(task_id, quadrant) if quadrant is not None else None
        return before, was

    def undo(done):
        before, was = done
        if was is not None:
            board.move(task_id, *was)
        board.edit(task_id, **before)

    return operation(QCoreApplication.translate("Operations", "Edit task"), do, undo, {TASKS})


def set_done(board: Board, task_id: int, done: bool, today: date):
    return operation(
        QCoreApplication.translate("Operations", "Complete task")
        if done
        else QCoreApplication.translate("Operations", "Reopen task"),
        lambda: board.set_done(task_id, done, today),
        lambda was: board.set_done(task_id, was, today),
        {TASKS},
    )


def delete(board: Board, task_id: int):
    return operation(
        QCoreApplication.translate("Operations", "Delete task"),
        lambda: board.delete(task_id),
        board.restore,
        {TASKS},
    )
