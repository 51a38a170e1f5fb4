"""Snooze an item (of the Today list, a touchpoint of the calendar) to a later day."""

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout

from ui.widgets import add_ok_cancel


class SnoozeDialog(QDialog):
    """Snooze to a date: `proposed` (tomorrow when not given) unless the rep picks another,
    never before tomorrow (Enter accepts)."""

    def __init__(self, parent, today_: date, proposed: date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze"))
        form = QFormLayout(self)
        tomorrow = today_ + timedelta(days=1)
        self.day = QDateEdit(QDate(max(proposed or tomorrow, tomorrow)))
        self.day.setCalendarPopup(True)
        self.day.setMinimumDate(QDate(tomorrow))
        self.day.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Snooze to"), self.day)
        add_ok_cancel(self, form)

    def value(self) -> date:
        return self.day.date().toPython()
