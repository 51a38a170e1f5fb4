"""Preferences: the rules' defaults (Edit → Preferences)."""

from PySide6.QtCore import QCoreApplication

from app import preferences
from ui.operations import EVERYTHING, UNCHANGED, operation


def save_preferences(values: dict):
    def do():
        if values == preferences.current():
            return UNCHANGED
        return preferences.save(values)

    return operation(
        QCoreApplication.translate("Operations", "Change preferences"),
        do,
        preferences.restore,
        EVERYTHING,
    )
