"""The main window: six tabs, the menus, the status bar, and the database it works on.

The database modules (peewee, the models, backups, the lock) are imported where they are
used, not at the top: a start paints the window first and attaches the database right after
(see `ui.app.run_window`), so that the window is on screen before they are loaded.
"""

import gc
import importlib
import threading
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets  # dialogs through the module: their types are made when needed
from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import app
from app import i18n
from app.errors import UserError
from app.workdays import month_of
from ui import file_dialogs
from ui.errors import show_unexpected
from ui.operations import EVERYTHING, Operation, Operations
from ui.settings import app_settings
from ui.undo_keys import UndoKeys

if TYPE_CHECKING:
    from app.lock import DatabaseLock

# (object name used for screenshots and settings, the tab's class in ui/tabs/)
TABS = (
    ("today", "ui.tabs.today.TodayTab"),
    ("targets", "ui.tabs.targets.TargetsTab"),
    ("leads", "ui.tabs.leads.LeadsTab"),
    ("lifecycle", "ui.tabs.lifecycle.LifecycleTab"),
    ("board", "ui.tabs.board.BoardTab"),
    ("dashboard", "ui.tabs.dashboard.DashboardTab"),
    ("review", "ui.tabs.review.ReviewTab"),
)
TAB_NAMES = [name for name, _ in TABS]


class LazyTab(QWidget):
    """A tab's page in the tab bar; the tab itself (its module, widgets and queries) is made
    the first time it is shown or asked for, so start-up builds only the tab on screen, and
    only once the window is on screen: the window appears first, its figures a moment
    later (a tenth of a second on a small file, a third on a heavy user's)."""

    def __init__(self, window, name: str, path: str):
        super().__init__()
        self.setObjectName(name)
        self.window_, self.path, self.tab = window, path, None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def get(self):
        if self.tab is None:
            if self.window_.lock is None:
                raise RuntimeError("a tab is made only once the window has its database")
            module, _dot, class_name = self.path.rpartition(".")
            self.tab = getattr(importlib.import_module(module), class_name)(self.window_)
            self.tab.setObjectName(self.objectName())
            self.window_.undo_keys.watch(self.tab)
            self.layout().addWidget(self.tab)
        return self.tab

    def showEvent(self, event):  # noqa: N802 - Qt's name
        if self.tab is None and self.window_.painted and self.window_.lock is not None:
            # a tab switch: made at once
            self.get()
        super().showEvent(event)  # at start-up: made once the window has been painted


FIRST_RUN_KEY = "first_run_done"
LAST_START_KEY = "window/last_start_day"  # the day's first start opens on Today


def redo_keys() -> list[QKeySequence]:
    """Redo by the platform's keys (Ctrl+Shift+Z on X11, Ctrl+Y on Windows) and by both
    others, each key bound once: binding one twice makes Qt refuse it ("ambiguous")."""
    keys: list[QKeySequence] = []
    for key in [
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
        QKeySequence("Ctrl+Shift+Z"),
        QKeySequence("Ctrl+Y"),
    ]:
        if key not in keys:
            keys.append(key)
    return keys


class MainWindow(QMainWindow):
    """RepDesk's window on one database, which it holds the single-writer lock of.

    `as_of` stands for "today" in every rule the tabs show; tests pass it in. With
    `attach=False` the window is built without its database (the start paints it first);
    `attach()` then locks and opens `db_path`.
    """

    daily_backup_done = Signal(str)  # from the worker thread: "" or what went wrong

    def __init__(self, db_path: Path, as_of: date | None = None, attach: bool = True):
        super().__init__()
        self._daily_backup_thread: threading.Thread | None = None
        self.daily_backup_done.connect(self._show_daily_backup_result)
        # the daily backup's state, at the status bar's right (a status message would hide
        # the database line, the more so when set before the window is shown)
        self.backup_label = QLabel()
        self.statusBar().addPermanentWidget(self.backup_label)
        self.as_of = as_of or date.today()
        self.follows_clock = as_of is None  # "today" rolls over at midnight (ui/reminders.py)
        self.reminders = None
        self.feed = None
        self._quitting = False
        self.undo_stack = QUndoStack(self)
        self.operations = Operations(self.undo_stack, self.announce, self.report_failure)
        self.undo_keys = UndoKeys(self, [], [])  # the keys are set with the Edit menu
        self._board = None
        self.lock: DatabaseLock | None = None
        self.db_path = Path(db_path)
        self.painted = False  # the first paint makes the tab on screen (see LazyTab)
        if attach:
            self._attach(self.db_path)
        self._build()
        self._restore_geometry()

    def attach(self) -> None:
        """Lock and open the window's database after the window was built without it; the
        tab on screen is made next (raises as `_attach` does, the window left without)."""
        self._attach(self.db_path)
        if self.painted:
            QTimer.singleShot(0, self._make_current_tab)

    @property
    def board(self):
        """The four-quadrant board's rules, made on first use (start-up does not import
        them)."""
        if self._board is None:
            from app.board import Board

            self._board = Board()
        return self._board

    # -- the database -------------------------------------------------------------------
    def _attach(self, db_path: Path) -> None:
        """Lock and open `db_path`; on failure nothing changes and UserError is raised."""
        from app import db
        from app.lock import DatabaseLock

        lock = DatabaseLock(db_path).acquire()
        try:
            db.open_database(db_path, verify=True)
        except Exception:
            lock.release()
            raise
        if self.lock:
            self.lock.release()
        self.lock = lock
        self.db_path = Path(db_path)
        self._daily_backup()
        self.changes_at_open = db.database.connection().total_changes
        # what start-up made (modules, classes, the window, the models) lives as long as the
        # app: the cycle collector leaves it alone from now on (a full pass over it took
        # 15–20 ms in whichever tab allocated next; docs/performance.md, "The collector");
        # once: what a later open (a restore) leaves behind may still be collected
        if not gc.get_freeze_count():
            gc.freeze()

    def _daily_backup(self) -> None:
        """A verified backup at start when the newest is more than a day old, taken on a
        worker thread with its own read-only connection (on a heavy user's file it takes
        seconds; the window opens and works meanwhile); a verified copy of it goes to the
        second backup folder when the rep chose one (Preferences)."""
        from app import backup, db, preferences

        now = datetime.now()
        if db.is_empty() or not backup.daily_backup_due(self.db_path, now):
            return
        self.backup_label.setText(self.tr("Taking the daily backup…"))
        self._daily_backup_thread = threading.Thread(
            target=self._take_daily_backup,
            args=(self.db_path, now, preferences.second_backup_folder()),
            name="daily backup",
        )
        self._daily_backup_thread.start()

    def _take_daily_backup(
        self, db_path: Path, now: datetime, second_folder: Path | None
    ) -> None:  # the worker thread
        from app import backup

        try:
            written = backup.automatic_backup(db_path, now, "daily")
            if second_folder is not None:
                backup.copy_to_second_folder(written, db_path, second_folder)
        except (UserError, OSError) as error:
            self.daily_backup_done.emit(str(error))
        else:
            self.daily_backup_done.emit("")

    def _show_daily_backup_result(self, problem: str) -> None:
        """Success shows for 10 seconds; a problem stays until the rep has seen it."""
        self.backup_label.setText(problem or self.tr("Daily backup taken."))
        if not problem:
            QTimer.singleShot(10000, self.backup_label.clear)

    def wait_for_daily_backup(self) -> None:
        """Let the daily backup finish (closing and switching databases wait for it)."""
        if self._daily_backup_thread is not None:
            self._daily_backup_thread.join()
            self._daily_backup_thread = None
            QApplication.sendPostedEvents()  # its result (queued to the slot), delivered now

    def data_changed(self) -> bool:
        """Whether this window's connection wrote anything since the database was opened."""
        from app import db

        return db.database.connection().total_changes != self.changes_at_open

    def open_database(self, db_path: Path) -> bool:
        """Switch to another database file; the current one stays open if that fails."""
        previous = self.db_path
        self.release()
        try:
            self._attach(Path(db_path))
        except UserError as error:
            self._attach(previous)
            QtWidgets.QMessageBox.warning(self, self.tr("Open database"), str(error))
            return False
        self.undo_stack.clear()
        self.refresh()
        self.offer_demo_on_first_start()
        return True

    def offer_demo_on_first_start(self) -> None:
        """On an empty database, offer the demo month or a clean start (asked once)."""
        from app import db, demo

        if db.get_setting(FIRST_RUN_KEY) or not db.is_empty():
            return
        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle(self.tr("Welcome to RepDesk"))
        box.setText(
            self.tr(
                "This database is empty. Load a demo month to look around, "
                "or start with your own data?"
            )
        )
        role = QtWidgets.QMessageBox.ButtonRole
        demo_button = box.addButton(self.tr("Load demo data"), role.AcceptRole)
        box.addButton(self.tr("Start clean"), role.RejectRole)
        box.exec()
        if box.clickedButton() is demo_button:
            try:
                demo.load_demo(self.as_of)
            except UserError as error:
                QtWidgets.QMessageBox.warning(self, self.tr("Demo data"), str(error))
        db.set_setting(FIRST_RUN_KEY, True)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("RepDesk Sales Workbench"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        titles = {
            "today": self.tr("Today"),
            "targets": self.tr("Targets"),
            "leads": self.tr("Leads && customers"),
            "lifecycle": self.tr("Lifecycle calendar"),
            "board": self.tr("Four quadrants"),
            "dashboard": self.tr("Dashboard"),
            "review": self.tr("Monthly review"),
        }
        for name, path in TABS:
            self.tabs.addTab(LazyTab(self, name, path), titles[name])
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self._update_status()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            file_menu,
            self.tr("&Open database…"),
            self._choose_database,
            QKeySequence.StandardKey.Open,
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Import…"), self.show_import, "Ctrl+I")
        self._action(file_menu, self.tr("Import &history…"), self.show_import_history)
        self._action(file_menu, self.tr("Find &duplicates…"), self.show_duplicates)
        self._action(file_menu, self.tr("&Export…"), self.show_export, "Ctrl+E")
        self._action(file_menu, self.tr("Export &calendar…"), self.export_calendar)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Back&ups…"), self.show_backups)
        self._action(file_menu, self.tr("&Backup now…"), self._backup)
        self._action(file_menu, self.tr("&Restore from backup…"), self._restore)
        file_menu.addSeparator()
        self._action(
            file_menu,
            self.tr("&Print monthly review…"),
            self.print_review,
            QKeySequence.StandardKey.Print,
        )
        file_menu.addSeparator()
        from ui.team import install_team_menu

        install_team_menu(self, file_menu)  # File → Team: Push now…, Team month…
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.quit_app, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(redo_keys())
        self.undo_keys.undo_keys, self.undo_keys.redo_keys = undo.shortcuts(), redo.shortcuts()
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(
            edit_menu,
            self.tr("&Preferences…"),
            self.show_preferences,
            QKeySequence.StandardKey.Preferences,
        )
        self._action(edit_menu, self.tr("&Reminders and calendar…"), self.show_reminder_settings)

        view_menu = bar.addMenu(self.tr("&View"))
        self._action(view_menu, self.tr("Re&fresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("zh_CN", "中文"), ("en", "English")):
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(i18n.current_language() == code)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(lambda action: self.set_language(action.data()))
        group.setObjectName("languages")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About RepDesk"), self._about)

    def _action(
        self, menu, text, slot, shortcut: str | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())  # `checked` is not an argument
        if shortcut is not None:
            # setShortcuts with a list: setShortcut (or copying a QKeySequence) goes through
            # PySide6's overload matching, which builds the Qt.Key enum first — 30 ms at start
            action.setShortcuts([QKeySequence(shortcut)])
        return action

    # -- behaviour ----------------------------------------------------------------------
    def tab(self, which: int | str):
        """A tab by index or name, brought to the front (the rep works in the tab on screen)
        and up to date: made now if it has not been shown yet, the changes kept while it
        was hidden applied."""
        index = which if isinstance(which, int) else TAB_NAMES.index(which)
        self.tabs.setCurrentIndex(index)
        tab = self.tabs.widget(index).get()
        tab.bring_up_to_date()
        return tab

    def show_tab(self, name: str):
        """Bring a tab to the front (made now if needed) and return it."""
        return self.tab(name)

    def set_today_count(self, count: int) -> None:
        """The Today tab's title carries the number of things due today."""
        self.tabs.setTabText(
            TAB_NAMES.index("today"), self.tr("Today ({count})").format(count=f"{count:,}")
        )
        if self.reminders is not None:
            self.reminders.tray.set_count(count)

    def refresh(self) -> None:
        """Show the data again in the tab on screen; the other tabs made so far when next
        shown (the others read it when made)."""
        self._show_changes(EVERYTHING)
        if self.feed is not None:  # imports and restores change data off the undo stack
            self.feed.schedule()

    # -- changes ------------------------------------------------------------------------
    def perform(self, op: Operation):
        """Make a change (see `ui.operations`): undoable, shown in every tab that shows
        what it changed; returns the operation's result, None when it failed."""
        return self.operations.perform(op)

    def announce(self, changed: frozenset[str]) -> None:
        """Data changed: the tab on screen shows it again now if it watches any of it; the
        other tabs made so far that watch it are marked stale and show it when next shown."""
        self._show_changes(changed)

    def _show_changes(self, changed: frozenset[str]) -> None:
        current = self.tabs.currentWidget()
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page.tab is None or not page.tab.watches & changed:
                continue
            if page is current:
                page.tab.apply_changes(changed)
            else:
                page.tab.mark_stale(changed)
                if page.objectName() == "today":  # its count is counted when it is shown
                    self.tabs.setTabText(index, self.tr("Today"))
        self._update_status()

    def report_failure(self, what: str, error: BaseException) -> None:
        """One message for a change that could not be made; the details of an unexpected
        error go to the log."""
        if isinstance(error, UserError):
            QtWidgets.QMessageBox.warning(self, what, str(error))
        else:
            show_unexpected(self, what, error)

    def set_language(self, language: str) -> None:
        """Switch the interface language now and remember it."""
        QApplication.instance().translators.install(language)
        app_settings().setValue("language", language)
        current = self.tabs.currentIndex()
        self._build()
        self.tabs.setCurrentIndex(current)

    def _update_status(self) -> None:
        self.status_label.setText(
            self.tr("Database: {path}    As of {date} ({month})").format(
                path=self.db_path, date=self.as_of.isoformat(), month=month_of(self.as_of)
            )
        )

    def show_import(self, path: Path | None = None) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self, self.as_of, path=path)
        if dialog.exec() and dialog.result is not None and dialog.result.batch_id is not None:
            from ui.operations.imports import imported

            mapping = dialog.chosen_mapping()
            self.perform(
                imported(dialog.result, dialog.kind_name(), dialog.path, mapping, self.as_of)
            )

    def show_preferences(self) -> None:
        """Edit → Preferences; a change is one step on the undo stack."""
        from app import preferences
        from ui.dialogs.preferences_dialog import PreferencesDialog
        from ui.operations.settings import save_preferences

        dialog = PreferencesDialog(self)
        if not dialog.exec():
            return
        folder = dialog.second_folder()  # where backups go is not undone with the rest
        if folder != preferences.second_backup_folder():
            try:
                preferences.set_second_backup_folder(folder)
            except UserError as error:
                QtWidgets.QMessageBox.warning(self, self.tr("Preferences"), str(error))
                return
        self.perform(save_preferences(dialog.values()))

    def show_backups(self) -> None:
        from ui.dialogs.backups_dialog import BackupsDialog

        BackupsDialog(self).exec()

    def show_import_history(self) -> None:
        from ui.dialogs.history_dialog import ImportHistoryDialog

        dialog = ImportHistoryDialog(self)
        dialog.exec()
        if dialog.changed:
            self.announce(EVERYTHING)

    def show_duplicates(self) -> None:
        from ui.dialogs.duplicates_dialog import DuplicatesDialog

        DuplicatesDialog(self).exec()

    def show_export(self) -> None:
        from ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self, Path.home())
        if dialog.exec() and dialog.written:
            self.statusBar().showMessage(
                self.tr("Exported {count} rows to {path}").format(
                    count=dialog.count, path=dialog.written
                ),
                8000,
            )

    def print_review(self) -> None:
        """File → Print: the monthly review tab's month, as the PDF prints."""
        review_tab = self.tab("review")
        self.tabs.setCurrentIndex(TAB_NAMES.index("review"))
        review_tab.print_review()

    def _choose_database(self) -> None:
        path = file_dialogs.save_file_name(
            self,
            self.tr("Open or create a database"),
            str(self.db_path.parent),
            self.tr("RepDesk database (*.sqlite3)"),
            confirm_overwrite=False,
        )
        if path:
            self.open_database(Path(path))

    def _backup(self) -> None:
        from app import backup

        default = backup.default_backup_path(self.db_path, datetime.now())
        path = file_dialogs.save_file_name(
            self, self.tr("Back up the database"), str(default), self.tr("Backup (*.sqlite3)")
        )
        if not path:
            return
        try:
            written = backup.backup(self.db_path, Path(path))
        except UserError as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Backup"), str(error))
            return
        self.statusBar().showMessage(self.tr("Backup written: {path}").format(path=written), 8000)

    def _restore(self) -> None:
        from app import backup

        path = file_dialogs.open_file_name(
            self,
            self.tr("Restore from a backup"),
            str(backup.backups_dir(self.db_path)),
            self.tr("Backup (*.sqlite3)"),
        )
        if path:
            self.restore_backup(Path(path))

    def restore_backup(self, path: Path) -> bool:
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the data in this database with the backup {name}? The current "
                "state is backed up first."
            ).format(name=path.name),
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return False
        from app import backup, db

        db.close_database()
        try:
            restored = backup.restore(path, self.db_path, datetime.now())
        except UserError as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Restore"), str(error))
            return False
        finally:
            db.open_database(self.db_path)
            self.changes_at_open = db.database.connection().total_changes
        self.undo_stack.clear()
        self.refresh()
        message = self.tr("Restored from {name}.").format(name=path.name)
        if restored.safety:
            message += " " + self.tr("The previous state was kept in {path}").format(
                path=restored.safety
            )
        self.statusBar().showMessage(message, 10000)
        return True

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("About RepDesk"),
            self.tr(
                "RepDesk Sales Workbench {version}\n\nTargets, leads, customers and a daily "
                "plan for a front-line sales representative. Your data stays in {path}."
            ).format(version=app.__version__, path=self.db_path),
        )

    # -- window state -------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        tab = settings.value("window/tab")
        if settings.value(LAST_START_KEY) != self.as_of.isoformat():
            tab = "today"  # the day's first start: what to do first
        settings.setValue(LAST_START_KEY, self.as_of.isoformat())
        if tab in TAB_NAMES:
            self.tabs.setCurrentIndex(TAB_NAMES.index(tab))

    def release(self) -> None:
        """Close the database and let go of its lock (the window stays as it is).

        When this window changed data, a verified backup is taken first.
        """
        from app import backup, db

        self.wait_for_daily_backup()
        if self.lock and not db.database.is_closed() and self.data_changed():
            try:
                backup.automatic_backup(self.db_path, datetime.now(), "on-exit")
            except (UserError, OSError):
                pass  # closing must not fail; the daily backup catches up next start
        db.close_database()
        if self.lock:
            self.lock.release()
            self.lock = None

    def paintEvent(self, event):  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._make_current_tab)

    def _make_current_tab(self) -> None:
        if self.lock is not None:  # else attach() makes it
            self.tabs.currentWidget().get()

    # -- reminders, the tray and the calendar feed (ui/reminders.py) ------------------------
    def start_reminders(self, clock=None, tray=None) -> None:
        """The tray icon (or, without a tray, the in-window banner) and the calendar feed."""
        from ui import reminders

        self.reminders = reminders.start(self, clock=clock, tray=tray)
        self.feed = reminders.FeedKeeper(self)
        self.undo_stack.indexChanged.connect(lambda _index: self.feed.schedule())
        self.feed.schedule()

    def show_today(self) -> None:
        """From a reminder: the window in front, on Today."""
        if not self.isVisible() or self.isMinimized():
            self.showNormal()
        if not self.isActiveWindow():
            self.raise_()
            self.activateWindow()
        self.show_tab("today")

    def roll_over(self, day: date) -> None:
        """Midnight passed while the window stayed open: the new day's "today"."""
        self.as_of = day
        self.refresh()
        if self.feed is not None:
            self.feed.schedule()

    def quit_app(self) -> None:
        """File → Quit and the tray's Quit: close for good, even when kept in the tray."""
        self._quitting = True
        hidden = not self.isVisible()
        self.close()
        if hidden:  # closing a hidden window does not end the application by itself
            QApplication.quit()

    def show_reminder_settings(self) -> None:
        from ui import reminders

        reminders.edit_settings(self)

    def export_calendar(self) -> None:
        from ui import reminders

        reminders.export_calendar(self)

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        if self.reminders is not None and not self._quitting and self.reminders.keeps_running():
            event.ignore()  # the reminders go on in the tray
            self.hide()
            return
        if self.reminders is not None:
            self.reminders.stop()
        if self.feed is not None:
            self.feed.wait()
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/tab", TAB_NAMES[self.tabs.currentIndex()])
        settings.sync()
        self.release()
        super().closeEvent(event)
