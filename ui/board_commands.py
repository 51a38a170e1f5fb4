"""Undoable board actions: one QUndoCommand per thing the rep does, each calling app.board."""

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.board import Board


class MoveTask(QUndoCommand):
    def __init__(
        self,
        board: Board,
        task_id: int,
        quadrant: int,
        index: int | None = None,
        before_task: int | None = None,
    ):
        super().__init__(QCoreApplication.translate("BoardCommands", "Move task"))
        self.board, self.task_id = board, task_id
        self.quadrant, self.index, self.before_task = quadrant, index, before_task
        self.was: tuple[int, int] | None = None

    def redo(self):
        self.was = self.board.move(self.task_id, self.quadrant, self.index, self.before_task)

    def undo(self):
        self.board.move(self.task_id, *self.was)


class ShiftTask(QUndoCommand):
    """Alt+Up / Alt+Down among the tasks the rep sees."""

    def __init__(self, board: Board, task_id: int, step: int, visible: list[int]):
        super().__init__(QCoreApplication.translate("BoardCommands", "Reorder task"))
        self.board, self.task_id, self.step, self.visible = board, task_id, step, visible
        self.was: tuple[int, int] | None = None

    def redo(self):
        self.was = self.board.place(self.task_id)
        if not self.board.shift(self.task_id, self.step, self.visible):
            self.setObsolete(True)

    def undo(self):
        self.board.move(self.task_id, *self.was)


class AddTask(QUndoCommand):
    def __init__(self, board: Board, title: str, quadrant: int, today: date, **fields):
        super().__init__(QCoreApplication.translate("BoardCommands", "Add task"))
        self.board, self.title, self.quadrant, self.today = board, title, quadrant, today
        self.fields = fields
        self.snapshot = None
        self.task_id: int | None = None

    def redo(self):
        if self.snapshot is None:
            self.task_id = self.board.add(self.title, self.quadrant, self.today, **self.fields)
        else:
            self.board.restore(self.snapshot)

    def undo(self):
        self.snapshot = self.board.delete(self.task_id)


class EditTask(QUndoCommand):
    def __init__(self, board: Board, task_id: int, **values):
        super().__init__(QCoreApplication.translate("BoardCommands", "Edit task"))
        self.board, self.task_id, self.values = board, task_id, values
        self.before: dict = {}

    def redo(self):
        self.before = self.board.edit(self.task_id, **self.values)

    def undo(self):
        self.board.edit(self.task_id, **self.before)


class SetDone(QUndoCommand):
    def __init__(self, board: Board, task_id: int, done: bool, today: date):
        super().__init__(
            QCoreApplication.translate("BoardCommands", "Complete task")
            if done
            else QCoreApplication.translate("BoardCommands", "Reopen task")
        )
        self.board, self.task_id, self.done, self.today = board, task_id, done, today
        self.was = False

    def redo(self):
        self.was = self.board.set_done(self.task_id, self.done, self.today)

    def undo(self):
        self.board.set_done(self.task_id, self.was, self.today)


class DeleteTask(QUndoCommand):
    def __init__(self, board: Board, task_id: int):
        super().__init__(QCoreApplication.translate("BoardCommands", "Delete task"))
        self.board, self.task_id = board, task_id
        self.snapshot = None

    def redo(self):
        self.snapshot = self.board.delete(self.task_id)

    def undo(self):
        self.board.restore(self.snapshot)
