"""One cold start, for bench/run.py: a fresh process opens a window and quits once it has
been painted, printing its peak memory as JSON.

    python bench/window.py bare                  # a bare PySide6 main window (the baseline)
    python bench/window.py repdesk DB            # RepDesk's main window on DB, as `repdesk`
    python bench/window.py repdesk DB --leads    # …then the leads table shown and painted

The parent passes the moment it launched the process (BENCH_LAUNCHED, seconds since the
epoch), so the times printed count from before the interpreter starts: `painted_s` when the
main window's first paint is done (the window and everything in it: the moment control comes
back after it, at the next turn of the event loop or when RepDesk goes on to attach its
database, which it does right after the first paint), `ready_s` when the database is open
and the tab on screen made and painted too.

Only an event filter on the main window, which notices its first paint, and a note of the
moment the database is attached are added to what a user's start runs. The filter watches
that one window: a filter on the whole application runs
Python for every event of every widget, which cost RepDesk's window (hundreds of widgets
polished, laid out and shown) some 35 ms and the bare window about one, so it measured the
watcher more than the start. Modules are imported in a user's start's order: RepDesk's
command line before PySide6 (PySide6's import hook reads the source of every module
imported after it, so importing it first would slow RepDesk's own imports by more than a
user's start sees).
"""

import json
import os
import resource
import sys
import time
from pathlib import Path


def first_paint_watcher(leads: bool):
    """An event filter, for the main window only, that quits after its first paint
    (optionally: then shows the leads tab)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def __init__(self):
            super().__init__()
            self.done = False
            self.painted_s = self.ready_s = None

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                # the window's own paint comes first; its children are painted and the
                # whole flushed in the same pass, before the timer's turn comes
                QTimer.singleShot(0, lambda: self.painted(watched))
            return False

        def painted(self, window) -> None:
            self.back_after_paint()
            self.until_ready(window)

        def back_after_paint(self) -> None:
            """The first paint is done when control is back after it: at this timer, or
            when RepDesk goes on to attach its database, whichever comes first."""
            if self.done and self.painted_s is None:
                self.painted_s = since_launch()

        def until_ready(self, window) -> None:
            """RepDesk: once the database is attached, the tab on screen made and painted
            (looked at every millisecond; the bare window is ready when painted)."""
            tabs = getattr(window, "tabs", None)
            if tabs is not None:
                if tabs.currentWidget().tab is None:
                    QTimer.singleShot(1, lambda: self.until_ready(window))
                    return
                QApplication.processEvents()
                window.repaint()
            self.ready_s = since_launch()
            if leads:
                window.tabs.setCurrentIndex(1)  # the leads & customers tab, made and painted
                window.tab(1)
                QApplication.processEvents()
                window.repaint()
            QApplication.quit()

    return FirstPaint()


def since_launch() -> float:
    return time.time() - float(os.environ.get("BENCH_LAUNCHED", time.time()))


def peak_mb() -> float:
    """This process's peak resident memory. Linux: VmHWM, which starts afresh at exec
    (ru_maxrss would carry over the parent's peak from the fork)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def main() -> int:
    mode = sys.argv[1]
    if mode != "bare":
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        import app.cli  # noqa: F401 - what `repdesk` imports first, before any Qt
        import main as repdesk
    from PySide6.QtWidgets import QApplication, QMainWindow

    watcher = first_paint_watcher("--leads" in sys.argv)
    if mode == "bare":
        application = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        window.installEventFilter(watcher)
        window.show()
        status = application.exec()
    else:
        from ui.main_window import MainWindow  # what run_window imports first; it makes

        # the QApplication itself
        show, attach = MainWindow.show, MainWindow.attach

        def show_watched(window):
            window.installEventFilter(watcher)
            show(window)

        def attach_watched(window):
            watcher.back_after_paint()
            attach(window)

        MainWindow.show, MainWindow.attach = show_watched, attach_watched
        status = repdesk.main(["--db", sys.argv[2]])
    print(
        json.dumps(
            {
                "status": status,
                "peak_mb": peak_mb(),
                "painted": watcher.done,
                "painted_s": watcher.painted_s,
                "ready_s": watcher.ready_s,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
