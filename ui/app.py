"""The QApplication: style, translators, language switching, and starting the main window."""

import sys
from datetime import date
from pathlib import Path

from PySide6 import QtWidgets  # QtWidgets.QMessageBox: its type is made only when needed
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from app import i18n
from app.errors import UserError
from ui.settings import APPLICATION, ORGANIZATION, app_settings

STYLESHEET = """
QMainWindow, QWidget#page { background: #f6f7f9; }
QTabWidget::pane { border: 1px solid #d9dde3; background: #f6f7f9; top: -1px; }
QTabBar::tab { padding: 7px 16px; border: 1px solid #d9dde3; border-bottom: none;
               background: #eceff3; margin-right: 2px; border-top-left-radius: 4px;
               border-top-right-radius: 4px; }
QTabBar::tab:selected { background: #f6f7f9; color: #1f4e8c; font-weight: 600; }
QLabel#pageTitle { font-size: 17px; font-weight: 600; color: #1d2733; }
QLabel#sectionTitle { font-size: 14px; font-weight: 600; color: #1d2733; }
QLabel#note { background: #eef4fb; border: 1px solid #c9dbef; border-radius: 4px;
              padding: 6px 10px; color: #2d4b6e; }
QFrame#card { background: white; border: 1px solid #dfe3e8; border-radius: 6px; }
QLabel#cardTitle { color: #5b6776; }
QLabel#cardValue { font-size: 20px; font-weight: 600; color: #1d2733; }
QFrame#quadrant { background: white; border: 1px solid #dfe3e8; border-radius: 6px; }
QFrame#quadrant[quadrant="1"] { border-top: 3px solid #c62828; }
QFrame#quadrant[quadrant="2"] { border-top: 3px solid #1f4e8c; }
QFrame#quadrant[quadrant="3"] { border-top: 3px solid #b26a00; }
QFrame#quadrant[quadrant="4"] { border-top: 3px solid #5b6776; }
QTableView, QListWidget, QTextBrowser { background: white; border: 1px solid #dfe3e8;
                                        alternate-background-color: #f8f9fb; }
QHeaderView::section { background: #eceff3; border: none; border-right: 1px solid #d9dde3;
                       padding: 4px 6px; font-weight: 600; }
"""


class Translators:
    """Keeps the installed QTranslators alive and switches the interface language."""

    def __init__(self, application: QCoreApplication):
        self.application = application
        self.installed: list[QTranslator] = []

    def install(self, language: str) -> None:
        for translator in self.installed:
            self.application.removeTranslator(translator)
        self.installed.clear()
        i18n.set_language(language)
        if language != i18n.DEFAULT_LANGUAGE:
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            # RepDesk's own strings, then Qt's (standard buttons, dialogs).
            for name, folder in (
                (f"repdesk_{language}", str(i18n.translations_dir())),
                (f"qtbase_{language}", qt_folder),
            ):
                translator = QTranslator(self.application)
                if translator.load(name, folder):
                    self.application.installTranslator(translator)
                    self.installed.append(translator)
        QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))


def choose_language(requested: str | None) -> str:
    """`--lang` first, then the language the user picked last time, then the system's."""
    if requested:
        return requested
    saved = app_settings().value("language")
    if saved in i18n.LANGUAGES:
        return saved
    return i18n.normalize_language(QLocale.system().name())


def create_application() -> QApplication:
    """The QApplication, styled once (restyling later would re-polish every widget)."""
    application = QApplication.instance()
    if application is None:  # Fusion from the start: the platform's style is never made
        application = QApplication([*sys.argv[:1], "-style", "Fusion"])
    elif hasattr(application, "translators"):
        return application
    elif application.style().name() != "fusion":  # made before (tests): restyled once
        application.setStyle("Fusion")
    application.setOrganizationName(ORGANIZATION)
    application.setApplicationName(APPLICATION)
    application.setApplicationDisplayName("RepDesk 销售工作台")
    application.setStyleSheet(STYLESHEET)
    application.setWindowIcon(QIcon(str(i18n.resources_dir() / "icons" / "repdesk.svg")))
    application.setDesktopFileName("repdesk")  # Wayland/X11: the .desktop entry's icon
    font = QFont(application.font())
    font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", font.family()])
    application.setFont(font)
    application.translators = Translators(application)
    return application


def run_window(
    db_path: Path, language: str | None = None, as_of: date | None = None, minimized: bool = False
) -> int:
    """Open the main window on `db_path`; returns the exit status.

    The window is painted first, then its database is locked and opened (with the modules
    that takes) and the tab on screen made: the rep sees the window at once. A database
    that cannot be opened — in use, damaged, from a newer RepDesk — is explained in a
    message over it, and nothing is changed.
    """
    from ui.errors import install_excepthook
    from ui.main_window import MainWindow

    application = create_application()
    install_excepthook()
    application.translators.install(choose_language(language))
    window = MainWindow(db_path, as_of=as_of, attach=False)
    window.show()
    application.processEvents()  # the first paint
    try:
        window.attach()
    except UserError as error:
        from app.sqlite_file import DatabaseDamaged

        if isinstance(error, DatabaseDamaged):
            opened = recover_damaged(window, error)  # a backup restored, or not
        else:
            QtWidgets.QMessageBox.critical(window, "RepDesk", str(error))
            opened = False
        if not opened:
            window.hide()
            return 2
    window.offer_demo_on_first_start()
    window.start_reminders()  # the tray (or the banner) and the calendar feed
    if minimized:  # started at login: reminders only, the window when the rep asks
        if QtWidgets.QSystemTrayIcon.isSystemTrayAvailable():
            window.hide()
        else:
            window.showMinimized()
    return application.exec()


def recover_damaged(window, damaged) -> bool:
    """The window's database is damaged: explain, keep it aside, offer the newest sound
    backup, and attach the window to the restored file.

    Returns False when the rep declines or there is nothing to restore (the damaged file is
    never deleted).
    """
    from datetime import datetime

    from app import backup
    from app.lock import DatabaseLock

    translate = QCoreApplication.translate
    newest = backup.newest_sound_backup(damaged.path)
    text = translate(
        "Recovery", "The database {path} is damaged and was not opened ({problem})."
    ).format(path=damaged.path, problem=damaged.problem)
    if newest is None:
        aside = backup.keep_aside(damaged.path, datetime.now())
        QtWidgets.QMessageBox.critical(
            window,
            "RepDesk",
            text
            + "\n\n"
            + translate(
                "Recovery",
                "There is no backup to restore. The damaged file was kept as {aside}; "
                "'repdesk check' reports what is wrong.",
            ).format(aside=aside),
        )
        return False
    answer = QtWidgets.QMessageBox.question(
        window,
        "RepDesk",
        text
        + "\n\n"
        + translate(
            "Recovery",
            "Restore the newest sound backup, taken {taken}? The damaged file is kept "
            "aside, not deleted.",
        ).format(taken=newest.taken_at.strftime("%Y-%m-%d %H:%M")),
    )
    if answer != QtWidgets.QMessageBox.StandardButton.Yes:
        return False
    try:
        with DatabaseLock(damaged.path):
            backup.recover(damaged.path, datetime.now())
        window.attach()
    except UserError as error:
        QtWidgets.QMessageBox.critical(window, "RepDesk", str(error))
        return False
    return True
