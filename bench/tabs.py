"""Every tab's first show, for bench/run.py: a fresh process opens RepDesk's main window on a
database (offscreen, 1280×800), lets the day's backup finish, then shows each tab in turn,
made and painted, and times each; then, every tab built, one change made (a setting
written: the data's state moves on, so nothing worked out before it is reused) and
announced to all of them (`window.announce(EVERYTHING)`, what an import or a restore
does), painted again: only the tab on screen shows it at once, the others are marked stale;
then, after one more change, every other tab shown in turn and brought up to date
(`catch_up`, information: the work the refresh leaves for when a tab is next shown).
Prints the times as JSON.

    python bench/tabs.py DB AS_OF             # each tab's first show, then the refresh
    python bench/tabs.py DB AS_OF board       # only the board: its first sync and open

A tab's time runs from the moment it is brought to the front to the moment its first
paint is done (every event it posted handled, the window repainted).
"""

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REFRESHES = 3  # the refresh is timed this many times in the process; the median is kept


def main() -> int:
    import statistics

    from PySide6.QtWidgets import QApplication

    from app import db
    from ui.app import create_application
    from ui.main_window import TAB_NAMES, MainWindow
    from ui.operations import EVERYTHING

    path, as_of = Path(sys.argv[1]), date.fromisoformat(sys.argv[2])
    names = sys.argv[3:] or TAB_NAMES
    create_application()
    # the day's backup runs on a worker thread a user's start does not wait for; here it
    # would share the cores with the tabs, and every fresh copy would take one: left out
    MainWindow._daily_backup = lambda self: None
    window = MainWindow(path, as_of=as_of)
    window._make_current_tab = lambda: None  # the tabs are made below, each timed
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    window.repaint()

    def painted():
        QApplication.processEvents()
        window.repaint()

    found = {}
    for name in names:
        start = time.perf_counter()
        window.tabs.setCurrentIndex(TAB_NAMES.index(name))
        window.tab(name)
        painted()
        found[name] = time.perf_counter() - start
    if len(names) == len(TAB_NAMES):
        times = []
        for run in range(REFRESHES):
            start = time.perf_counter()
            db.set_setting("bench/refresh", run)  # one change
            window.announce(EVERYTHING)
            painted()
            times.append(time.perf_counter() - start)
        found["refresh"] = statistics.median(times)
        # what the refresh leaves for later: after one more change, every other tab shown
        # in turn, each brought up to date (what a refresh of every built tab used to do)
        db.set_setting("bench/refresh", REFRESHES)
        window.announce(EVERYTHING)
        painted()
        start = time.perf_counter()
        for name in names[:-1]:
            window.tabs.setCurrentIndex(TAB_NAMES.index(name))
            painted()
        found["catch_up"] = time.perf_counter() - start
    print(json.dumps(found), flush=True)
    os._exit(0)  # no closing backup: the next run starts from the same file


if __name__ == "__main__":
    sys.exit(main())
