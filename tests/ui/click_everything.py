"""Click everything a rep can click, as a rep would; run in its own process.

    python -m tests.ui.click_everything DB_FOLDER --lang zh_CN

Opens the main window on a fresh demo database and, tab by tab (every sub-tab too), selects
the first row of each table and clicks every visible, enabled button with a real mouse
click; then triggers every enabled menu action, switches the language and undoes and redoes
everything. Each dialog that opens is answered: a file or print dialog is cancelled, a
question is answered yes, an input dialog and any other dialog accepted with its defaults
(a dialog that stays open after that is cancelled). Exits 0 when nothing went wrong, else 1
listing every Python exception, every unexpected-error message and every Qt warning; a
crash ends the process with a signal, which the calling test reports.
"""

import argparse
import os
import sys
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
)

from tests.conftest import AS_OF  # noqa: E402

IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)
problems: list[str] = []
answered: list[str] = []


def record_exception(kind, error, trace):
    problems.append("".join(traceback.format_exception(kind, error, trace)))


def record_qt_message(mode, context, text):
    if not any(ignored in text for ignored in IGNORED_QT_MESSAGES):
        problems.append(f"Qt {mode.name}: {text}")


class Answerer:
    """Answers whatever modal dialog is open, a few times a second."""

    def __init__(self):
        self.accepted: set[int] = set()
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.answer)
        self.timer.start()

    def answer(self):
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog):
            return
        name = type(dialog).__name__
        answered.append(f"{name}: {dialog.windowTitle()}")
        if isinstance(dialog, QMessageBox):
            buttons = dialog.buttons()
            roles = (QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole)
            wanted = [b for b in buttons if dialog.buttonRole(b) in roles]
            button = (wanted or [dialog.defaultButton() or dialog.escapeButton()])[0]
            if button is not None:
                button.click()
            else:
                dialog.reject()
        elif isinstance(dialog, QFileDialog) or "Print" in name:
            dialog.reject()
        elif isinstance(dialog, QDialog):
            if id(dialog) in self.accepted:
                dialog.reject()  # still open after accepting: its input was refused
                return
            self.accepted.add(id(dialog))
            if isinstance(dialog, QInputDialog) and not dialog.textValue():
                dialog.setTextValue("测试 test")
            dialog.accept()
        else:
            dialog.close()


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QApplication.processEvents()


def select_first_rows(tab) -> None:
    for view in tab.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))


def click_buttons(tab, clicked: set[int], log) -> None:
    for button in tab.findChildren(QAbstractButton):
        select_first_rows(tab)  # so that buttons for the selected row have one
        QApplication.processEvents()
        if id(button) in clicked or not (button.isVisible() and button.isEnabled()):
            continue
        clicked.add(id(button))
        log(f"click {type(button).__name__} {button.text()!r}")
        click(button)


def click_tab(window, index: int, log) -> None:
    window.tabs.setCurrentIndex(index)
    tab = window.tab(index)
    QApplication.processEvents()
    clicked: set[int] = set()
    click_buttons(tab, clicked, log)
    for inner in tab.findChildren(QTabWidget):
        for page in range(inner.count()):
            inner.setCurrentIndex(page)
            QApplication.processEvents()
            click_buttons(window.tab(index), clicked, log)


def menu_actions(window):
    def walk(menu):
        for action in menu.actions():
            if action.menu() is not None:
                yield from walk(action.menu())
            elif not action.isSeparator():
                yield action

    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            yield from walk(top.menu())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    folder = Path(args.folder)
    sys.excepthook = record_exception
    qInstallMessageHandler(record_qt_message)

    from app import db
    from app.demo import load_demo
    from ui.app import create_application

    application = create_application()
    application.translators.install(args.lang)
    path = folder / f"clicked-{args.lang}.sqlite3"
    path.unlink(missing_ok=True)
    db.open_database(path)
    load_demo(AS_OF)
    db.close_database()

    import ui.main_window
    from ui.main_window import MainWindow

    original = getattr(ui.main_window, "show_unexpected", None)

    def unexpected(parent, what, error):
        problems.append(
            f"unexpected error shown for {what!r}: "
            + "".join(traceback.format_exception(type(error), error, error.__traceback__))
        )
        original(parent, what, error)

    if original is not None:
        ui.main_window.show_unexpected = unexpected
    answerer = Answerer()
    window = MainWindow(path, as_of=AS_OF)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()

    def log(text):
        print(text, flush=True)

    for index in range(window.tabs.count()):
        log(f"-- tab {window.tabs.tabText(index)}")
        click_tab(window, index, log)

    log("-- menu actions")
    other_language = "en" if args.lang == "zh_CN" else "zh_CN"
    for action in list(menu_actions(window)):
        if action.isEnabled() and action.data() is None and "Quit" not in action.text():
            if action.text() and "退出" not in action.text():
                log(f"trigger {action.text()!r}")
                action.trigger()
                QApplication.processEvents()

    log("-- language switch, then undo and redo everything")
    depth = window.undo_stack.index()
    window.set_language(other_language)
    QApplication.processEvents()
    for index in range(window.tabs.count()):  # every tab built again, in the other language
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    for _ in range(depth):
        window.undo_stack.undo()
        QApplication.processEvents()
    for _ in range(depth):
        window.undo_stack.redo()
        QApplication.processEvents()
    log(f"undid and redid {depth} steps")

    answerer.timer.stop()
    window.release()
    log(f"answered {len(answered)} dialogs")
    if problems:
        print("\n\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        code = main()
    except BaseException:  # the script itself failed: say where
        traceback.print_exc()
        code = 2
    sys.exit(code)
