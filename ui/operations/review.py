"""The monthly review's texts, PDCA items and cases."""

from datetime import date

from PySide6.QtCore import QCoreApplication

from app import db, review
from ui.operations import REVIEW, TASKS, UNCHANGED, operation


def save_texts(month: str, texts: dict):
    def undo(before):
        review.save_text(month, **(before or dict.fromkeys(texts, "")))

    return operation(
        QCoreApplication.translate("Operations", "Save review"),
        lambda: review.save_text(month, **texts),
        undo,
        {REVIEW},
    )


def set_rep_name(name: str):
    def do():
        before = db.get_setting(review.REP_NAME_SETTING) or ""
        if before == name:
            return UNCHANGED
        db.set_setting(review.REP_NAME_SETTING, name)
        return before

    return operation(
        QCoreApplication.translate("Operations", "Change your name"),
        do,
        lambda before: db.set_setting(review.REP_NAME_SETTING, before),
        {REVIEW},
    )


def add_pdca(month: str, phase: str, text: str):
    return operation(
        QCoreApplication.translate("Operations", "Add PDCA item"),
        lambda: review.add_pdca(month, phase, text),
        review.delete_pdca,
        {REVIEW},
    )


def set_pdca_status(item_id: int, status: str):
    return operation(
        QCoreApplication.translate("Operations", "Change PDCA status"),
        lambda: review.set_pdca_status(item_id, status),
        lambda before: review.set_pdca_status(item_id, before),
        {REVIEW},
    )


def carry_forward(month: str, today: date):
    def do():
        return review.carry_forward(month, today) or UNCHANGED

    return operation(
        QCoreApplication.translate("Operations", "Carry open items forward"),
        do,
        review.undo_carry_forward,
        {REVIEW, TASKS},
    )


def add_case(values: dict):
    return operation(
        QCoreApplication.translate("Operations", "Add case"),
        lambda: review.add_case(**values),
        review.delete_case,
        {REVIEW},
    )
