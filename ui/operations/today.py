"""The Today list's one-key actions: done and snooze, each undone with what it changed."""

from datetime import date

from PySide6.QtCore import QCoreApplication

from app import today
from app.board import Board
from ui.operations import ACTIVITIES, LEADS, TASKS, TOUCHPOINTS, operation

# a follow-up done records an activity and moves the lead; a touchpoint or task is marked
TODAY_CHANGES = {LEADS, ACTIVITIES, TASKS, TOUCHPOINTS}


def done(item: today.Item, day: date, board: Board):
    return operation(
        QCoreApplication.translate("Operations", "Done: {item}").format(item=item.title),
        lambda: today.done(item, day, board),
        lambda change: today.undo(change, board),
        TODAY_CHANGES,
    )


def snooze(item: today.Item, to: date, day: date, board: Board):
    def do():
        today.check_snooze(to, day)  # refused (a UserError, shown) before anything changes
        return today.snooze(item, to, day, board)

    return operation(
        QCoreApplication.translate("Operations", "Snooze: {item}").format(item=item.title),
        do,
        lambda change: today.undo(change, board),
        TODAY_CHANGES,
    )
