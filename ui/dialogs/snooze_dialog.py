"""Snooze an item of the Today list to a later day (ui/tabs/today.py)."""

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout

from ui.widgets import add_ok_cancel


class SnoozeDialog(QDialog):
    """Snooze to a date: tomorrow unless the rep picks another (Enter accepts)."""

    def __init__(self, parent, today_: date):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze"))
        form = QFormLayout(self)
        self.day = QDateEdit(QDate(today_ + timedelta(days=1)))
        self.day.setCalendarPopup(True)
        self.day.setMinimumDate(QDate(today_ + timedelta(days=1)))
        self.day.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Snooze to"), self.day)
        add_ok_cancel(self, form)

    def value(self) -> date:
        return self.day.date().toPython()
