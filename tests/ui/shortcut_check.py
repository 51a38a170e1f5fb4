"""Which key sequences are bound twice in one context among the window's actions and
shortcuts, under the platform's own key bindings (run under X11 by test_shortcuts.py).

    python -m tests.ui.shortcut_check FOLDER
"""

import sys
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _scope(widget: QWidget, context, window) -> object:
    if context in WINDOW_WIDE:
        return window
    return widget


def clashes(window) -> list[str]:
    """Every (context, key) held by more than one action or shortcut, described."""
    holders: dict[tuple[int, str], list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if not widgets:  # enabled or not: its keys are registered either way
            continue
        if all(isinstance(w, QMenu) for w in widgets):
            widgets = [window]  # a menu's action: window-wide
        scopes = {id(_scope(w, action.shortcutContext(), window)) for w in widgets}
        for key in action.shortcuts():  # one action holding a key twice clashes too
            if key.isEmpty():
                continue
            for scope in scopes:
                holders[(scope, key.toString())].append(action.text() or repr(action))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.key().isEmpty():
            continue
        scope = _scope(shortcut.parentWidget(), shortcut.context(), window)
        holders[(id(scope), shortcut.key().toString())].append(repr(shortcut))
    return sorted(
        f"{key}: {', '.join(names)}"
        for (_scope_id, key), names in holders.items()
        if len(names) > 1
    )


def main() -> int:
    from ui.app import create_application

    create_application()  # before tests.conftest, which asks for the offscreen platform
    from app import db
    from app.demo import load_demo
    from tests.conftest import AS_OF
    from ui.main_window import MainWindow

    path = Path(sys.argv[1]) / "keys.sqlite3"
    path.unlink(missing_ok=True)
    db.open_database(path)
    load_demo(AS_OF)
    db.close_database()
    window = MainWindow(path, as_of=AS_OF)
    window.show()
    for index in range(window.tabs.count()):  # every tab built, its keys bound
        window.tabs.setCurrentIndex(index)
        window.tab(index)
        QApplication.processEvents()
    found = clashes(window)
    print(QApplication.platformName(), "keys bound twice:", found or "none")
    window.release()
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
