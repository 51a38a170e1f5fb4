"""Every change the rep makes in the window, as a named operation.

An operation (in the spirit of Anki's `aqt/operations`) is a value: the text the Edit menu
shows, an `app/` call that makes the change and returns what undoing it needs, the call that
undoes it, and what kind of data it changed. It holds no widget, no tab and no method of
one, so rebuilding the tabs (a language switch) never leaves an undo step pointing at a
deleted object.

The main window runs an operation through `Operations.perform`: the `app/` call runs first,
its errors caught and shown, and only a change that was made is pushed on the one undo
stack (a Python exception inside `QUndoCommand.redo()` while `push()` runs ends PySide6
outright). Then every built tab that watches what changed shows the data again.

The builders live beside this module, one module per area: `targets`, `leads`,
`lifecycle`, `board`, `dashboard`, `review`, `settings`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

# What an operation changed; a tab watches some of them (see `ui.tabs.base.Tab.watches`).
TARGETS = "targets"  # targets, plan lines, SWOT, market slices, season factors
LEADS = "leads"  # leads, objections, conversions
CUSTOMERS = "customers"
ORDERS = "orders"
ACTIVITIES = "activities"  # visits, calls, follow-ups
CHANNELS = "channels"  # channel costs, referral rewards
TASKS = "tasks"  # the four-quadrant board
TOUCHPOINTS = "touchpoints"  # lifecycle marks, rules, stages, content rhythms
REVIEW = "review"  # review texts, PDCA items, cases, the rep's name
SETTINGS = "settings"  # preferences that change how figures are computed
EVERYTHING = frozenset(
    (
        TARGETS,
        LEADS,
        CUSTOMERS,
        ORDERS,
        ACTIVITIES,
        CHANNELS,
        TASKS,
        TOUCHPOINTS,
        REVIEW,
        SETTINGS,
    )
)

UNCHANGED = object()
"""What an operation's `do` returns when there was nothing to change: nothing is pushed."""


@dataclass(frozen=True)
class Operation:
    """`do()` makes the change and returns what `undo(result)` needs; `undo` may return what
    `redo(undone)` needs to make the same change again (by default `do()` runs again)."""

    text: str
    do: Callable[[], Any]
    undo: Callable[[Any], Any]
    changes: frozenset[str]
    redo: Callable[[Any], Any] | None = field(default=None)


def operation(text: str, do, undo, changes: Iterable[str], redo=None) -> Operation:
    return Operation(text, do, undo, frozenset(changes), redo)


class OperationStep(QUndoCommand):
    """An operation on the undo stack, pushed after its first run succeeded."""

    def __init__(self, op: Operation, result, operations: "Operations"):
        super().__init__(op.text)
        self.op, self.result, self.operations = op, result, operations
        self.undone = None
        self.pushed = False

    def redo(self):
        if not self.pushed:  # push() calls redo(): the change was already made
            self.pushed = True
            return
        op = self.op
        if self.operations.attempt(
            op.text, lambda: self._set_result(op.redo(self.undone) if op.redo else op.do())
        ):
            self.operations.announce(op.changes)
        else:
            self.setObsolete(True)

    def undo(self):
        def run():
            self.undone = self.op.undo(self.result)

        if self.operations.attempt(self.op.text, run):
            self.operations.announce(self.op.changes)
        else:
            self.setObsolete(True)

    def _set_result(self, value) -> None:
        self.result = value


class Operations:
    """Runs operations for one window: the undo stack, the error report, the refresh."""

    def __init__(
        self,
        stack: QUndoStack,
        announce: Callable[[frozenset[str]], None],
        report: Callable[[str, BaseException], None],
    ):
        self.stack = stack
        self.announce = announce  # tells the window what changed
        self.report = report  # shows a failure to the rep

    def perform(self, op: Operation) -> Any:
        """Run `op`, push it on the undo stack and announce its changes; returns its result,
        or None when it failed (the failure shown) or changed nothing."""
        box: list = []
        if not self.attempt(op.text, lambda: box.append(op.do()), deferred=False):
            return None
        if box[0] is UNCHANGED:
            return None
        self.stack.push(OperationStep(op, box[0], self))
        self.announce(op.changes)
        return box[0]

    def attempt(self, text: str, call: Callable[[], None], deferred: bool = True) -> bool:
        """Run `call`; on failure report it and return False. Inside undo and redo the
        report waits until the undo machinery has returned (no dialog inside it)."""
        try:
            call()
        except Exception as error:  # every failure is shown, none printed only
            if deferred:
                QTimer.singleShot(0, lambda error=error: self.report(text, error))
            else:
                self.report(text, error)
            return False
        return True
