"""Today 今日: the day's work ranked (app.today), sized to the plan with the rest folded,
one-key actions on each row, today's quota with the quick entry, the month's pace and the
next checkpoint.

Each user action is one call of a small method (done_selected, snooze_selected,
open_selected, add_visit, add_call) that pushes one undo step; the rules are in app.today.
"""

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import dashboard, figures, today
from app.money import format_yuan, round_fen
from app.workdays import month_of
from ui.operations import dashboard as record_ops
from ui.operations import today as ops
from ui.tabs.base import Tab
from ui.widgets import OVERDUE, PACE_COLOURS, add_ok_cancel, title_label

DEFAULT_ROWS = 10  # rows shown before "N more" when the plan asks for nothing today
MORE_ROWS = 100  # each "N more" shows this many more (a heavy user has thousands due)


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


class TodayTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.items: list[today.Item] = []
        self.extra = 0  # rows shown past the fold ("N more" clicked)
        self.heading = title_label("")
        self.page.addWidget(self.heading)
        body = QHBoxLayout()
        body.setSpacing(14)
        self.page.addLayout(body, 1)

        left = QVBoxLayout()
        body.addLayout(left, 3)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("todayList")
        self.table.setAccessibleName(self.tr("Today's work"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("What to do"), self.tr("Due"), self.tr("Overdue")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.table, 1)
        self.more = QPushButton()
        self.more.setObjectName("todayMore")
        self.more.clicked.connect(lambda: self.toggle_more())
        left.addWidget(self.more)
        self.empty = QLabel(self.tr("Nothing due today. Well done."))
        self.empty.setObjectName("note")
        left.addWidget(self.empty)
        actions = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Done (Space)"))
        self.snooze_button = QPushButton(self.tr("Snooze… (S)"))
        self.open_button = QPushButton(self.tr("Open (Enter)"))
        self.done_button.clicked.connect(lambda: self.done_selected())
        self.snooze_button.clicked.connect(lambda: self.snooze_selected())
        self.open_button.clicked.connect(lambda: self.open_selected())
        for button in (self.done_button, self.snooze_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        left.addLayout(actions)

        right = QVBoxLayout()
        body.addLayout(right, 2)
        right.addWidget(title_label(self.tr("Today's quota"), "sectionTitle"))
        quota = QFrame()
        quota.setObjectName("card")
        quota_layout = QVBoxLayout(quota)
        self.visits_label = QLabel()
        self.visits_label.setObjectName("cardValue")
        self.calls_label = QLabel()
        quota_layout.addWidget(self.visits_label)
        quota_layout.addWidget(self.calls_label)
        entry = QHBoxLayout()
        self.visit_button = QPushButton(self.tr("+1 effective visit"))
        self.call_button = QPushButton(self.tr("+1 call"))
        self.visit_button.clicked.connect(lambda: self.add_visit())
        self.call_button.clicked.connect(lambda: self.add_call())
        entry.addWidget(self.visit_button)
        entry.addWidget(self.call_button)
        quota_layout.addLayout(entry)
        right.addWidget(quota)
        right.addWidget(title_label(self.tr("This month"), "sectionTitle"))
        month = QFrame()
        month.setObjectName("card")
        month_layout = QVBoxLayout(month)
        self.pace_label = QLabel()
        self.pace_label.setObjectName("cardValue")
        self.checkpoint_label = QLabel()
        self.checkpoint_label.setWordWrap(True)
        month_layout.addWidget(self.pace_label)
        month_layout.addWidget(self.checkpoint_label)
        right.addWidget(month)
        hint = QLabel(self.tr("↑/↓ choose · Space done · S snooze · Enter open · Ctrl+Z undo"))
        hint.setObjectName("cardTitle")
        hint.setWordWrap(True)
        right.addWidget(hint)
        right.addStretch(1)
        self._build_keys()
        self.refresh()

    def _build_keys(self) -> None:
        for keys, slot in (
            (["Space"], self.done_selected),
            (["S"], self.snooze_selected),
            (["Return", "Enter"], self.open_selected),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.table.addAction(action)

    # -- showing ----------------------------------------------------------------------------
    @property
    def day(self) -> date:
        return self.main.as_of

    def visible_rows(self) -> int:
        """The rows shown: up to the actions the plan asks for today, and the pages of
        "N more" the rep opened."""
        planned = self.quota.actions_planned or DEFAULT_ROWS
        return min(planned + self.extra, len(self.items))

    def refresh(self) -> None:
        selected = self.selected()
        self.items = today.items(self.day)
        self.quota = today.quota(self.day)
        self.heading.setText(
            self.tr("Today · {date} · {count} to do").format(
                date=self.day.isoformat(), count=len(self.items)
            )
        )
        self._fill()
        self.empty.setVisible(not self.items)
        for button in (self.done_button, self.snooze_button, self.open_button):
            button.setEnabled(bool(self.items))
        if self.items:
            refs = [item.ref for item in self.items[: self.visible_rows()]]
            row = refs.index(selected.ref) if selected and selected.ref in refs else 0
            self.table.selectRow(row)
        self._show_quota()
        self._show_month()
        self.main.set_today_count(len(self.items))

    def _fill(self) -> None:
        """The rows shown, and only those (a heavy user has thousands due)."""
        shown = self.visible_rows()
        self.table.setRowCount(shown)
        for row, item in enumerate(self.items[:shown]):
            overdue = (
                ""
                if not item.overdue_days
                else self.tr("1 day")
                if item.overdue_days == 1
                else self.tr("{days} days").format(days=item.overdue_days)
            )
            texts = (str(item.rank), item.title, item.due.isoformat(), overdue)
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if item.overdue_days:
                    cell.setForeground(OVERDUE)
                if column in (0, 3):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        hidden = len(self.items) - shown
        self.more.setVisible(hidden > 0 or self.extra > 0)
        self.more.setText(
            self.tr("{count} more").format(count=hidden) if hidden else self.tr("Show fewer")
        )

    def toggle_more(self) -> None:
        """ "N more" shows the next rows; once all are shown, "Show fewer" folds them again."""
        hidden = len(self.items) - self.visible_rows()
        self.extra = self.extra + MORE_ROWS if hidden else 0
        selected = self.table.currentRow()
        self._fill()
        self.table.selectRow(min(max(selected, 0), self.visible_rows() - 1))

    def _show_quota(self) -> None:
        quota = self.quota
        self.visits_label.setText(
            self.tr("Effective visits: {done} of {planned}").format(
                done=quota.effective_visits_done, planned=quota.effective_visits_planned
            )
        )
        self.calls_label.setText(self.tr("Calls: {count}").format(count=quota.calls_done))

    def _show_month(self) -> None:
        status = figures.build(month_of(self.day), self.day).pace_status
        words = {
            "green": self.tr("on pace"),
            "amber": self.tr("slightly behind"),
            "red": self.tr("behind"),
        }
        self.pace_label.setText(
            self.tr("Pace: {status}").format(status=words.get(status, self.tr("no target")))
        )
        self.pace_label.setStyleSheet(
            f"color: {PACE_COLOURS[status]};" if status in PACE_COLOURS else ""
        )
        point = today.next_checkpoint(self.day)
        if point is None:
            self.checkpoint_label.setText(self.tr("No checkpoint left this month."))
        else:
            self.checkpoint_label.setText(
                self.tr("Next checkpoint {date}: {expected} expected, {actual} so far").format(
                    date=point.day.isoformat(),
                    expected=format_yuan(round_fen(point.expected_fen)),
                    actual=format_yuan(point.actual_fen),
                )
            )

    # -- actions ------------------------------------------------------------------------------
    def selected(self) -> today.Item | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def done_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.main.perform(ops.done(item, self.day, self.main.board))

    def snooze_selected(self, to: date | None = None) -> None:
        item = self.selected()
        if item is None:
            return
        if to is None:
            dialog = SnoozeDialog(self, self.day)
            if not dialog.exec():
                return
            to = dialog.value()
        self.main.perform(ops.snooze(item, to, self.day, self.main.board))

    def open_selected(self) -> None:
        """The lead in the leads table, the task on the board, else the customer's detail."""
        item = self.selected()
        if item is None:
            return
        what, ref = item.ref
        if what == "task":
            self.main.show_tab("board").select_task(ref)
        elif item.lead_id is not None:
            self.main.show_tab("leads").select_lead(item.lead_id)
        elif item.customer_id is not None:
            self.main.show_tab("leads").edit_customer(item.customer_id)

    def _add_record(self, visits: int, calls: int) -> None:
        day = self.day
        before = dashboard.record(day)
        wanted = dashboard.Record(
            before.effective_visits + visits, before.calls + calls, before.effective_leads
        )
        self.main.perform(record_ops.set_record(day, wanted))

    def add_visit(self) -> None:
        self._add_record(1, 0)

    def add_call(self) -> None:
        self._add_record(0, 1)
