"""Lifecycle calendar 客户生命周期: the month's touchpoints, the agenda, churn warnings.

Touchpoints are derived by app.lifecycle every time the tab refreshes; marking one done,
snoozing or skipping it stores the rep's mark (undoable) and never loses it.
"""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import lifecycle
from app.labels import label
from app.workdays import month_bounds, month_of, shift_month
from ui import operations as changes
from ui.dialogs.rules_dialog import RulesDialog
from ui.dialogs.snooze_dialog import SnoozeDialog
from ui.operations import lifecycle as ops
from ui.tabs.base import Tab
from ui.widgets import OVERDUE, month_bar, title_label

KIND_COLOURS = {
    "first_order_callback": "#1f4e8c",
    "quarterly_callback": "#3b7dd8",
    "annual_review": "#5b6776",
    "renewal_demo": "#c62828",
    "birthday": "#b26a00",
    "anniversary": "#8e5bb5",
    "holiday_greeting": "#d35400",
    "send_content": "#2e7d32",
    "win_back": "#7b1fa2",
}
WEEKS = 6
SIZED_ROWS = 40  # the agenda's columns fit the first rows (see _build_side)
SIZED_COLUMNS = (0, 2, 3)  # the agenda's date, touchpoint and status fit their text


def short_name(name: str) -> str:
    """A company name without its legal suffix, for the small calendar cells."""
    for suffix in ("股份有限公司", "有限责任公司", "有限公司"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


class LifecycleTab(Tab):
    watches = frozenset((changes.CUSTOMERS, changes.ORDERS, changes.TOUCHPOINTS, changes.SETTINGS))

    def __init__(self, main_window):
        super().__init__(main_window)
        self.shown_month = month_of(main_window.as_of)
        self.selected_day = main_window.as_of
        self.page.addLayout(self._build_bar())
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self._build_grid(), 3)
        body.addLayout(self._build_side(), 2)
        self.page.addLayout(body, 1)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        """◀ month ▶, the touchpoint filter and Rules…."""
        bar, self.heading = month_bar(self.show_month)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All touchpoints"), None)
        for kind in lifecycle.KINDS:
            self.kind_filter.addItem(label("event", kind), kind)
        self.kind_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        rules = QPushButton(self.tr("Rules…"))
        rules.clicked.connect(lambda _checked=False: self.edit_rules())
        bar.addStretch(1)
        bar.addWidget(self.kind_filter)
        bar.addWidget(rules)
        return bar

    def _build_grid(self) -> QTableWidget:
        """The month: six weeks of days, Monday first."""
        self.grid = QTableWidget(WEEKS, 7)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setHorizontalHeaderLabels(
            [
                self.tr("Mon"),
                self.tr("Tue"),
                self.tr("Wed"),
                self.tr("Thu"),
                self.tr("Fri"),
                self.tr("Sat"),
                self.tr("Sun"),
            ]
        )
        self.grid.setWordWrap(True)
        self.grid.cellClicked.connect(self._day_clicked)
        return self.grid

    def _build_side(self) -> QVBoxLayout:
        """The agenda with its buttons, and the churn warnings."""
        side = QVBoxLayout()
        self.agenda_title = title_label("", "sectionTitle")
        side.addWidget(self.agenda_title)
        self.agenda = QTableWidget(0, 4)
        self.agenda.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Customer"), self.tr("Touchpoint"), self.tr("Status")]
        )
        self.agenda.verticalHeader().hide()
        self.agenda.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.agenda.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.agenda.horizontalHeader()
        for column in SIZED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # sized to the rows a screen shows, not to every row (a heavy user's agenda holds
        # hundreds, each measured on every layout)
        header.setResizeContentsPrecision(SIZED_ROWS)
        side.addWidget(self.agenda, 3)
        actions = QHBoxLayout()
        for text, slot in (
            (self.tr("Done"), self.mark_done),
            (self.tr("Snooze…"), self.snooze),
            (self.tr("Skip…"), self.skip),
            (self.tr("Stage…"), self.set_stage),
            (self.tr("Content rhythm…"), self.set_content_rhythm),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            actions.addWidget(button)
        side.addLayout(actions)
        warnings = QFrame()
        warnings.setObjectName("card")
        inner = QVBoxLayout(warnings)
        inner.addWidget(title_label(self.tr("Churn warnings"), "sectionTitle"))
        # a list that scrolls, each line one height: a heavy user has hundreds of warnings
        self.warnings = QListWidget()
        self.warnings.setUniformItemSizes(True)
        self.warnings.setFrameShape(QFrame.Shape.NoFrame)
        self.warnings.setAccessibleName(self.tr("Churn warnings"))
        inner.addWidget(self.warnings)
        side.addWidget(warnings, 1)
        return side

    # -- showing ------------------------------------------------------------------------
    def show_month(self, step: int) -> None:
        self.shown_month = shift_month(self.shown_month, step)
        self.refresh()

    def _kind_ok(self, event) -> bool:
        kind = self.kind_filter.currentData()
        return kind is None or event.kind == kind

    def refresh(self) -> None:
        as_of = self.main.as_of
        first, last = month_bounds(self.shown_month)
        self.heading.setText(self.shown_month)
        grid_start = first - timedelta(days=first.weekday())
        grid_end = grid_start + timedelta(days=7 * WEEKS - 1)
        month_events = [
            e for e in lifecycle.events(as_of, grid_start, grid_end) if self._kind_ok(e)
        ]
        by_day: dict[date, list] = {}
        for event in month_events:
            by_day.setdefault(event.date, []).append(event)
        self.cell_days = {}
        for index in range(7 * WEEKS):
            day = grid_start + timedelta(days=index)
            row, column = divmod(index, 7)
            self.cell_days[(row, column)] = day
            todo = [e for e in by_day.get(day, []) if e.status in ("due", "snoozed")]
            lines = [f"{day.day}"] + [f"● {short_name(e.customer)}" for e in todo[:3]]
            if len(todo) > 3:
                lines.append(self.tr("+{count} more").format(count=len(todo) - 3))
            item = QTableWidgetItem("\n".join(lines))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if day.month != first.month:
                item.setForeground(QColor("#a0a8b3"))
            elif todo:
                item.setForeground(QColor(KIND_COLOURS.get(todo[0].kind, "#1d2733")))
            if day == as_of:
                item.setBackground(QColor("#e8f0fb"))
            item.setToolTip(
                "\n".join(
                    f"{label('event', e.kind)} · {e.customer} · {label('status', e.status)}"
                    for e in by_day.get(day, [])
                )
            )
            self.grid.setItem(row, column, item)
        self._fill_agenda()
        self._fill_warnings(lifecycle.churn_warnings(as_of))

    def _fill_warnings(self, warnings: list[tuple]) -> None:
        reasons = {
            "orders_down_2_months": self.tr("orders down 2 months in a row"),
            "contact_left": self.tr("contact person left"),
        }
        self.warnings.clear()
        self.warnings.addItems(
            [
                f"{customer.name}: " + ", ".join(reasons.get(r, r) for r in found)
                for customer, found in warnings
            ]
            or [self.tr("No customer shows a churn signal.")]
        )

    def _fill_agenda(self) -> None:
        start = self.selected_day
        end = max(start, self.main.as_of) + timedelta(days=lifecycle.AGENDA_DAYS)
        self.agenda_title.setText(
            self.tr("Agenda {start} – {end}").format(start=start.isoformat(), end=end.isoformat())
        )
        self.rows = [e for e in lifecycle.events(self.main.as_of, start, end) if self._kind_ok(e)]
        # columns sized once after the fill: sized to their contents while it runs, each new
        # cell of a table on screen measured its column again (1.4 s for 900 rows)
        header = self.agenda.horizontalHeader()
        for column in SIZED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.agenda.setRowCount(len(self.rows))
        self._fill_agenda_rows()
        for column in SIZED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _fill_agenda_rows(self) -> None:
        for row, event in enumerate(self.rows):
            status = label("status", event.status)
            if event.status == "skipped" and event.skip_reason:
                status += f" ({event.skip_reason})"
            cells = [event.date.isoformat(), event.customer, label("event", event.kind), status]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setForeground(QColor(KIND_COLOURS.get(event.kind, "#1d2733")))
                if event.status in ("done", "skipped"):
                    item.setForeground(QColor("#8a94a0"))
                elif column == 0 and event.date < self.main.as_of:
                    item.setForeground(OVERDUE)
                self.agenda.setItem(row, column, item)

    def _day_clicked(self, row: int, column: int) -> None:
        self.selected_day = self.cell_days[(row, column)]
        self._fill_agenda()

    # -- marking --------------------------------------------------------------------------
    def selected(self):
        rows = self.agenda.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def mark_done(self) -> None:
        event = self.selected()
        if event:
            self.main.perform(ops.mark_done(event.key, self.main.as_of))

    def snooze(self, to: date | None = None) -> None:
        event = self.selected()
        if event is None:
            return
        if to is None:
            # a week after it was due, or tomorrow if that has passed
            dialog = SnoozeDialog(self, self.main.as_of, event.date + timedelta(days=7))
            if not dialog.exec():
                return
            to = dialog.value()
        self.main.perform(ops.snooze(event.key, to))

    def skip(self, reason: str | None = None) -> None:
        event = self.selected()
        if event is None:
            return
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Skip"), self.tr("Why skip it?"))
            if not ok:
                return
        self.main.perform(ops.skip(event.key, reason))

    def set_stage(self, value: str | None = "") -> None:
        event = self.selected()
        if event is None:
            return
        if value == "":
            choices = [
                self.tr("(by the rules)"),
                label("stage", "new"),
                label("stage", "growth"),
                label("stage", "mature"),
                label("stage", "declining"),
            ]
            picked, ok = QInputDialog.getItem(
                self, self.tr("Lifecycle stage"), event.customer, choices, 0, False
            )
            if not ok:
                return
            value = [None, "new", "growth", "mature", "declining"][choices.index(picked)]
        self.main.perform(ops.set_stage(event.customer_id, value))

    def set_content_rhythm(self, days: int | None = None) -> None:
        """How often the selected event's customer gets value-added content (0: never)."""
        event = self.selected()
        if event is None:
            return
        if days is None:
            days, ok = QInputDialog.getInt(
                self,
                self.tr("Value-added content"),
                self.tr("Send {customer} content every … days (0: never)").format(
                    customer=event.customer
                ),
                30,
                0,
                365,
            )
            if not ok:
                return
        self.main.perform(ops.set_content_rhythm(event.customer_id, days))

    def edit_rules(self) -> None:
        dialog = RulesDialog(self)
        if dialog.exec():
            self.save_rules(dialog.values())

    def save_rules(self, rules: dict) -> None:
        self.main.perform(ops.save_rules(rules))
