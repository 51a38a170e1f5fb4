"""An unexpected error in the window: logged, shown once in a message, the program keeps
running (never a traceback on stderr only, never a silent failure)."""

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.log import log_unexpected


def show_unexpected(parent: QWidget | None, what: str, error: BaseException) -> None:
    path = log_unexpected(error, what)
    QMessageBox.critical(
        parent,
        what or "RepDesk",
        QCoreApplication.translate(
            "Errors", "Something went wrong: {error}\n\nThe details are in {log}."
        ).format(error=error or type(error).__name__, log=path),
    )


def install_excepthook() -> None:
    """An exception that escapes a slot is shown over the active window and logged."""

    def hook(kind, error, trace):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        error.__traceback__ = trace
        show_unexpected(QApplication.activeWindow(), "RepDesk", error)

    sys.excepthook = hook
