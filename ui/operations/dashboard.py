"""Orders and the day's record: the changes the Dashboard makes."""

from datetime import date

from PySide6.QtCore import QCoreApplication

from app import dashboard
from ui.operations import ACTIVITIES, ORDERS, TASKS, TOUCHPOINTS, operation


def set_record(day: date, wanted: dashboard.Record):
    return operation(
        QCoreApplication.translate("Operations", "Daily record"),
        lambda: dashboard.set_record(day, wanted),
        lambda former: dashboard.set_record(day, former),
        {ACTIVITIES},
    )


def add_order(values: dict):
    return operation(
        QCoreApplication.translate("Operations", "Add order"),
        lambda: dashboard.add_order(**values),
        dashboard.delete_order,
        {ORDERS, TOUCHPOINTS, TASKS},
    )
