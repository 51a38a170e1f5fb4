"""Reminders on the desktop: a tray icon with the number due today and notifications naming
the top three (clicking one opens Today); where the desktop has no tray (Xvfb has none), a
banner in the window does the same. The window's "today" rolls over at midnight.

`Reminders.tick()` does one round with the clock it was given; a QTimer calls it every 30
seconds. The tray is anything with `set_count(n)`, `notify(title, text)` and a `clicked`
callback, so tests drive it with a fake clock and a fake tray.
"""

import threading
from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSystemTrayIcon,
    QToolBar,
)

from app import reminders
from ui import file_dialogs
from ui.settings import app_settings
from ui.widgets import add_ok_cancel

TICK_MS = 30_000
COUNT_EVERY = 10  # ticks between counts when nothing else asks for one (5 minutes)
FEED_DELAY_MS = 1000  # a burst of changes writes the feed once
TIMES_KEY = "reminders/times"
KEEP_IN_TRAY_KEY = "reminders/keep_running_in_tray"
FEED_KEY = "calendar/feed_path"


def reminder_times() -> list:
    text = app_settings().value(TIMES_KEY)
    try:
        return reminders.parse_times(text) if text else list(reminders.DEFAULT_TIMES)
    except ValueError:
        return list(reminders.DEFAULT_TIMES)


def keep_running_in_tray() -> bool:
    return app_settings().value(KEEP_IN_TRAY_KEY, False, type=bool)


def feed_path() -> str:
    return app_settings().value(FEED_KEY, "") or ""


def badge_icon(base: QIcon, count: int) -> QIcon:
    """The app's icon with the number due in a red disc at its corner."""
    pixmap = base.pixmap(QSize(64, 64))
    if pixmap.isNull():
        pixmap = QPixmap(64, 64)
        pixmap.fill(QColor("#1f5f99"))
    if count:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#c62828"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(24, 24, 40, 40)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(24 if count < 100 else 17)
        painter.setFont(font)
        painter.drawText(24, 24, 40, 40, Qt.AlignmentFlag.AlignCenter, str(min(count, 999)))
        painter.end()
    return QIcon(pixmap)


class SystemTray(QObject):
    """The real tray icon: the count on the icon and in its tooltip, a menu to open Today or
    quit, notifications through the desktop."""

    in_tray = True  # the window may close into it

    def __init__(self, window, clicked: Callable[[], None]):
        super().__init__(window)
        self.window, self.clicked = window, clicked
        self.icon = QSystemTrayIcon(window.windowIcon(), window)
        menu = QMenu(window)
        open_today = QAction(self.tr("Open Today"), menu)
        open_today.triggered.connect(lambda: self.clicked())
        quit_action = QAction(self.tr("Quit RepDesk"), menu)
        quit_action.triggered.connect(lambda: window.quit_app())
        menu.addAction(open_today)
        menu.addAction(quit_action)
        self.icon.setContextMenu(menu)
        self.icon.messageClicked.connect(lambda: self.clicked())
        self.icon.activated.connect(self._activated)
        self.icon.show()

    def _activated(self, reason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.clicked()

    def set_count(self, count: int) -> None:
        self.icon.setIcon(badge_icon(self.window.windowIcon(), count))
        self.icon.setToolTip(self.tr("RepDesk: {count} to do today").format(count=count))

    def notify(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def remove(self) -> None:
        self.icon.hide()


class Banner(QFrame):
    """The in-window reminder where there is no tray: the top three and a button to Today,
    in a bar above the tabs (`container`) shown only while there is something to say."""

    in_tray = False
    container = None

    def __init__(self, clicked: Callable[[], None], parent=None):
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(
            "#reminderBanner { background: #fff4e5; border: 1px solid #f0b45a;"
            " border-radius: 6px; }"
        )
        self.clicked = clicked
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.open_button = QPushButton(self.tr("Open Today"))
        self.open_button.clicked.connect(lambda: self._open())
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.clicked.connect(lambda: self.dismiss())
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)

    def _open(self) -> None:
        self.dismiss()
        self.clicked()

    def dismiss(self) -> None:
        (self.container or self).hide()

    def set_count(self, count: int) -> None:
        pass  # the Today tab's title carries the count in the window

    def notify(self, title: str, text: str) -> None:
        self.text.setText(f"<b>{escape(title)}</b><br>" + escape(text).replace("\n", "<br>"))
        (self.container or self).show()

    def remove(self) -> None:
        self.dismiss()


class Reminders(QObject):
    """Reminds the rep of the day's work through `tray`, on the `clock`'s time."""

    def __init__(self, window, tray, clock: Callable[[], datetime] = datetime.now, timer=True):
        super().__init__(window)
        self.window, self.tray, self.clock = window, tray, clock
        self.schedule = reminders.Schedule(reminder_times())
        self.ticks = 0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.tick())
        if timer:
            self.timer.start()

    def tick(self) -> None:
        """One round: roll the window's day over at midnight, show the count, remind when
        it is time."""
        from app import today

        if self.window.lock is None:
            return  # no database (between files)
        now = self.clock()
        rolled = self.window.follows_clock and reminders.day_changed(self.window.as_of, now)
        if rolled:
            self.window.roll_over(now.date())
        remind = self.schedule.due(now)
        # counted when a reminder or a new day needs it, else every few minutes (the Today tab
        # sets the count after changes); only the first items are read, never the whole list
        if remind or rolled or self.ticks % COUNT_EVERY == 0:
            day = today.Day(self.window.as_of)
            self.tray.set_count(day.total)
            if remind:
                first = [item.title for item in day.first(reminders.TOP)]
                self.tray.notify(*reminders.reminder_text(day.total, first))
        self.ticks += 1

    def keeps_running(self) -> bool:
        """Closing the window hides it into the tray (a preference, off by default)."""
        return getattr(self.tray, "in_tray", False) and keep_running_in_tray()

    def stop(self) -> None:
        self.timer.stop()
        self.tray.remove()


def start(window, clock=None, tray=None) -> Reminders:
    """Remind through the desktop's tray, else through a banner in the window; the first
    reminder now (at start)."""
    if tray is None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = SystemTray(window, window.show_today)
        else:
            tray = Banner(window.show_today)
            bar = QToolBar()
            bar.setObjectName("reminderBar")
            bar.setMovable(False)
            bar.setFloatable(False)
            bar.toggleViewAction().setVisible(False)
            bar.addWidget(tray)
            window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
            tray.container = bar
            bar.hide()  # until there is something to say
    found = Reminders(window, tray, clock or datetime.now)
    found.tick()
    return found


class FeedKeeper(QObject):
    """Keeps the calendar feed file (a preference) up to date: written again a moment after
    every change, at start and when the day rolls over.

    The items are read here (the database's connection belongs to this thread); the file is
    rendered and written on a worker thread, since a heavy user's first feed takes icalendar
    many seconds (later ones reuse the events written before). A change made meanwhile is
    written once the worker is done.

    Signals: written(str) — from the worker: "" or what went wrong.
    """

    written = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.worker: threading.Thread | None = None
        self.pending = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FEED_DELAY_MS)
        self.timer.timeout.connect(lambda: self.write_now())
        self.written.connect(self._done)

    def schedule(self) -> None:
        if feed_path():
            self.timer.start()

    def write_now(self) -> bool:
        from app import calendar_feed
        from app.errors import UserError

        path = feed_path()
        if not path or self.window.lock is None:
            return False
        if self.worker is not None:
            self.pending = True  # written again when the worker is done
            return False
        try:
            calendar_feed.check_target(Path(path), self.window.db_path)
        except UserError as error:
            self.window.statusBar().showMessage(str(error), 10_000)
            return False
        items = calendar_feed.feed_items(self.window.as_of)
        self.worker = threading.Thread(
            target=self._render,
            args=(Path(path), items, self.window.db_path),
            name="calendar feed",
            daemon=True,
        )
        self.worker.start()
        return True

    def _render(self, path: Path, items, db_path: Path) -> None:  # a worker: no database, no widget
        from app import calendar_feed
        from app.errors import UserError

        try:
            calendar_feed.write_content(path, calendar_feed.render(items), db_path)
        except UserError as error:
            self.written.emit(str(error))
        else:
            self.written.emit("")

    def _done(self, problem: str) -> None:
        if self.worker is not None:
            self.worker.join()
            self.worker = None
        if problem:
            self.window.statusBar().showMessage(problem, 10_000)
        if self.pending:
            self.pending = False
            self.write_now()

    def wait(self) -> None:
        """Let a write in progress finish (closing the window waits for it)."""
        if self.worker is not None:
            self.worker.join()
            QCoreApplication.sendPostedEvents()


def export_calendar(window, path: str | None = None) -> Path | None:
    """File → Export calendar…: the feed written once where the rep chooses."""
    from app import calendar_feed
    from app.errors import UserError

    if path is None:
        path = file_dialogs.save_file_name(
            window,
            QCoreApplication.translate("Reminders", "Export calendar"),
            str(Path.home() / "repdesk.ics"),
            QCoreApplication.translate("Reminders", "iCalendar (*.ics)"),
        )
        if not path:
            return None
    try:
        count = calendar_feed.write(Path(path), window.as_of, db_path=window.db_path)
    except UserError as error:
        QMessageBox.warning(
            window, QCoreApplication.translate("Reminders", "Export calendar"), str(error)
        )
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("Reminders", "Calendar written: {path} ({count} events)").format(
            path=path, count=count
        ),
        8000,
    )
    return Path(path)


def edit_settings(window, values: dict | None = None) -> bool:
    """Edit → Reminders and calendar…; `values` (times, keep, login, feed) stand for the
    dialog's in tests. Kept in the user's settings (this computer's, not the database's)."""
    if values is None:
        dialog = RemindersDialog(window, feed_path())
        if not dialog.exec():
            return False
        values = dialog.values()
    try:
        times = reminders.parse_times(values["times"])
    except ValueError:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("Reminders", "Reminders"),
            QCoreApplication.translate(
                "Reminders", "Write the times as HH:MM, separated by commas (09:00, 14:00)."
            ),
        )
        return False
    settings = app_settings()
    settings.setValue(TIMES_KEY, reminders.format_times(times))
    settings.setValue(KEEP_IN_TRAY_KEY, bool(values["keep"]))
    settings.setValue(FEED_KEY, values["feed"].strip())
    settings.sync()
    if values["login"] != reminders.starts_at_login():
        try:
            reminders.set_start_at_login(bool(values["login"]))
        except OSError as error:
            QMessageBox.warning(
                window, QCoreApplication.translate("Reminders", "Reminders"), str(error)
            )
    if window.reminders is not None:
        window.reminders.schedule.times = times
    if window.feed is not None:
        window.feed.schedule()
    return True


class RemindersDialog(QDialog):
    """Reminder times, keeping RepDesk in the tray when the window closes, starting it at
    login; the calendar feed file."""

    def __init__(self, parent, feed_path: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminders and calendar"))
        form = QFormLayout(self)
        self.times = QLineEdit(reminders.format_times(reminder_times()))
        self.times.setPlaceholderText("09:00, 14:00")
        form.addRow(self.tr("Remind me at"), self.times)
        self.keep = QCheckBox(self.tr("Keep running in the tray when the window is closed"))
        self.keep.setChecked(keep_running_in_tray())
        form.addRow(self.keep)
        self.login = QCheckBox(self.tr("Start RepDesk at login, minimised to the tray"))
        self.login.setChecked(reminders.starts_at_login())
        form.addRow(self.login)
        self.feed = QLineEdit(feed_path)
        self.feed.setPlaceholderText(self.tr("(none)"))
        form.addRow(self.tr("Keep a calendar feed file up to date"), self.feed)
        add_ok_cancel(self, form)

    def values(self) -> dict:
        return {
            "times": self.times.text(),
            "keep": self.keep.isChecked(),
            "login": self.login.isChecked(),
            "feed": self.feed.text(),
        }
