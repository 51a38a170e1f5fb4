"""Touchpoints, stages, rhythms and rules: the changes the Lifecycle calendar makes."""

from datetime import date

from PySide6.QtCore import QCoreApplication

from app import db, lifecycle
from ui.operations import CUSTOMERS, TASKS, TOUCHPOINTS, operation


def _mark(text: str, key, do):
    return operation(
        text, do, lambda before: lifecycle.restore_mark(key, before), {TOUCHPOINTS, TASKS}
    )


def mark_done(key, day: date):
    return _mark(
        QCoreApplication.translate("Operations", "Touchpoint done"),
        key,
        lambda: lifecycle.mark_done(key, day),
    )


def snooze(key, to: date):
    return _mark(
        QCoreApplication.translate("Operations", "Snooze touchpoint"),
        key,
        lambda: lifecycle.snooze(key, to),
    )


def skip(key, reason: str):
    return _mark(
        QCoreApplication.translate("Operations", "Skip touchpoint"),
        key,
        lambda: lifecycle.skip(key, reason),
    )


def set_stage(customer_id: int, value: str | None):
    return operation(
        QCoreApplication.translate("Operations", "Set lifecycle stage"),
        lambda: lifecycle.set_stage_override(customer_id, value),
        lambda before: lifecycle.set_stage_override(customer_id, before),
        {CUSTOMERS, TOUCHPOINTS, TASKS},
    )


def set_content_rhythm(customer_id: int, days: int):
    return operation(
        QCoreApplication.translate("Operations", "Set content rhythm"),
        lambda: lifecycle.set_content_rhythm(customer_id, days),
        lambda before: lifecycle.set_content_rhythm(customer_id, before),
        {TOUCHPOINTS, TASKS},
    )


def save_rules(rules: dict):
    def do():
        before = db.get_setting(lifecycle.RULES_SETTING)
        db.set_setting(lifecycle.RULES_SETTING, rules)
        return before

    return operation(
        QCoreApplication.translate("Operations", "Change touchpoint rules"),
        do,
        lambda before: db.set_setting(lifecycle.RULES_SETTING, before),
        {TOUCHPOINTS, TASKS},
    )
