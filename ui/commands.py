"""A generic undoable step: what to do and what undoes it, as two callables."""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class Step(QUndoCommand):
    """`do()` runs on push and on redo and returns what `undo(result)` needs."""

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[object], None],
        after: Callable[[], None] | None = None,
    ):
        super().__init__(text)
        self._do, self._undo, self._after = do, undo, after
        self.result = None

    def redo(self):
        self.result = self._do()
        if self._after:
            self._after()

    def undo(self):
        self._undo(self.result)
        if self._after:
            self._after()
