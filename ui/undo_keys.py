"""Ctrl+Z in a text box: the box's own typing first, then the window's undo.

Qt's text boxes take every undo and redo key for themselves, even with nothing of their own
to undo, so a rep whose cursor sits in a search box would press Ctrl+Z and see nothing
happen. This filter, installed on a tab's text boxes, hands the key to the window's Undo or
Redo when the box has nothing to undo or redo.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_BOXES = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit)


def _own_history(widget) -> tuple[bool, bool]:
    """(can undo, can redo) in the box itself."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable(), widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        document = widget.document()
        return document.isUndoAvailable(), document.isRedoAvailable()
    return False, False


class UndoKeys(QObject):
    def __init__(self, parent, undo_keys: list[QKeySequence], redo_keys: list[QKeySequence]):
        super().__init__(parent)
        self.undo_keys, self.redo_keys = undo_keys, redo_keys

    def watch(self, container: QWidget) -> None:
        for kind in TEXT_BOXES:
            for box in container.findChildren(kind):
                box.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        pressed = QKeySequence(event.keyCombination())
        can_undo, can_redo = _own_history(watched)
        if (pressed in self.undo_keys and not can_undo) or (
            pressed in self.redo_keys and not can_redo
        ):
            event.ignore()  # not the box's: the window's shortcut takes it
            return True
        return False
