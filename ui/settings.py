"""The user's own settings (QSettings, INI format): window size and position, the last tab,
the language, the reminders. Kept apart from `ui.app` so the main window and the reminders
read them without importing the module that starts the window."""

from PySide6.QtCore import QSettings

ORGANIZATION = "RepDesk"
APPLICATION = "RepDesk"


def app_settings() -> QSettings:
    """Window size, position, last tab and language, per user (QSettings, INI format)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
