"""One cold start, for bench/run.py: a fresh process opens a window and quits once it has
been painted, printing its peak memory as JSON.

    python bench/window.py bare                  # a bare PySide6 main window (the baseline)
    python bench/window.py repdesk DB            # RepDesk's main window on DB, as `repdesk`
    python bench/window.py repdesk DB --leads    # …then the leads table shown and painted

The parent passes the moment it launched the process (BENCH_LAUNCHED, seconds since the
epoch), so the times printed count from before the interpreter starts: `painted_s` when the
main window was first painted, `ready_s` when the tab on screen was made and painted too.
Only the event filter that notices the first paint is added to what a user's start runs,
and modules are imported in a user's start's order: RepDesk's command line before PySide6
(PySide6's import hook reads the source of every module imported after it, so importing
it first would slow RepDesk's own imports by more than a user's start sees).
"""

import json
import os
import resource
import sys
import time
from pathlib import Path


def first_paint_watcher(leads: bool):
    """An event filter that quits after the first paint of a main window (optionally: then
    shows the leads tab)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def __init__(self):
            super().__init__()
            self.done = False
            self.painted_s = self.ready_s = None

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QMainWindow)):
                self.done = True
                self.painted_s = since_launch()
                QTimer.singleShot(0, lambda: self.painted(watched))
            return False

        def painted(self, window) -> None:
            tabs = getattr(window, "tabs", None)
            if tabs is not None:  # RepDesk: the tab on screen, made and painted
                tabs.currentWidget().get()
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

    application = QApplication(sys.argv[:1])
    watcher = first_paint_watcher("--leads" in sys.argv)
    application.installEventFilter(watcher)
    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        window.show()
        status = application.exec()
    else:
        status = repdesk.main(["--db", sys.argv[2]])
    print(json.dumps({"status": status, "peak_mb": peak_mb(), "painted": watcher.done,
                      "painted_s": watcher.painted_s, "ready_s": watcher.ready_s}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
