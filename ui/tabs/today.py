"""Today 今日: the day's work ranked (app.today), each group under a header with its count
and its first rows (the plan's actions for the day; "N more" opens more of that group),
one-key actions on each row, today's quota with the quick entry, the month's pace and the
next checkpoint.

Only the rows shown are read and held: a heavy user has tens of thousands of follow-ups
due, counted and ranked by SQLite (app.today.Day), never all built into the list.

Each user action is one call of a small method (done_selected, snooze_selected,
open_selected, add_visit, add_call) that pushes one undo step; the rules are in app.today.
"""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from app import dashboard, figures, today
from app.money import format_yuan, round_fen
from app.workdays import month_of
from ui.dialogs.snooze_dialog import SnoozeDialog
from ui.operations import dashboard as record_ops
from ui.operations import today as ops
from ui.tabs.base import Tab
from ui.widgets import OVERDUE, PACE_COLOURS, title_label

DEFAULT_ROWS = 10  # rows a group shows before "N more" when the plan asks for nothing today
MORE_ROWS = 100  # each "N more" shows this many more of its group
ROLE = Qt.ItemDataRole.UserRole  # a row's (group, index) in self.rows


class DayList(QTreeWidget):
    """The ranked rows under their groups' headers; ↑/↓ pass over the headers (enabled, for
    their rows are, but not selectable)."""

    BACK = (
        QAbstractItemView.CursorAction.MoveUp,
        QAbstractItemView.CursorAction.MovePrevious,
        QAbstractItemView.CursorAction.MovePageUp,
        QAbstractItemView.CursorAction.MoveEnd,
    )

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt's name)
        index = super().moveCursor(action, modifiers)
        step = self.indexAbove if action in self.BACK else self.indexBelow
        while index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            index = step(index)
        return index if index.isValid() else self.currentIndex()


class TodayTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.day_work: today.Day | None = None
        self.rows: dict[int, list[today.Item]] = {}  # each group's rows shown
        self.extra: dict[int, int] = {}  # rows shown past a group's fold ("N more" clicked)
        self.more: dict[int, QPushButton] = {}  # each folded group's "N more"
        self.item_rows: list[QTreeWidgetItem] = []  # the items' rows shown, in order
        self.heading = title_label("")
        self.page.addWidget(self.heading)
        body = QHBoxLayout()
        body.setSpacing(14)
        self.page.addLayout(body, 1)
        body.addLayout(self._build_list(), 3)
        body.addLayout(self._build_side(), 2)
        self._build_keys()
        self.refresh()

    def _build_list(self) -> QVBoxLayout:
        """The ranked rows under their groups' headers, and the action buttons."""
        left = QVBoxLayout()
        self.table = DayList()
        self.table.setObjectName("todayList")
        self.table.setAccessibleName(self.tr("Today's work"))
        self.table.setColumnCount(4)
        self.table.setHeaderLabels(
            [self.tr("#"), self.tr("What to do"), self.tr("Due"), self.tr("Overdue")]
        )
        self.table.setRootIsDecorated(False)
        self.table.setItemsExpandable(False)
        self.table.setIndentation(0)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.table, 1)
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
        return left

    def _build_side(self) -> QVBoxLayout:
        """Today's quota with the quick entry, the month's pace and checkpoint, the keys."""
        right = QVBoxLayout()
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
        return right

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

    def group_names(self) -> dict[int, str]:
        return {
            1: self.tr("Renewals and win-backs"),
            2: self.tr("A-tier follow-ups"),
            3: self.tr("My urgent tasks"),
            4: self.tr("Birthdays and greetings"),
            5: self.tr("Other touchpoints"),
            6: self.tr("B- and C-tier follow-ups"),
        }

    def fold(self) -> int:
        """The list's rows shown before "N more": the actions the plan asks for today."""
        return self.quota.actions_planned or DEFAULT_ROWS

    def shown(self, group: int) -> int:
        """The rows of `group` shown: the list's first rows up to the day's planned actions
        (the groups take them in rank order), and the pages of "N more" the rep opened
        under the group."""
        left = self.fold()
        for earlier in today.GROUPS[: today.GROUPS.index(group)]:
            left -= min(self.day_work.counts[earlier], left)
        return min(left + self.extra.get(group, 0), self.day_work.counts[group])

    def refresh(self) -> None:
        selected = self.selected()
        current = self.table.currentItem()
        position = self.item_rows.index(current) if current in self.item_rows else 0
        self.day_work = today.Day(self.day)  # the groups counted; rows read as shown
        self.quota = today.quota(self.day)
        total = self.day_work.total
        self.heading.setText(
            self.tr("Today · {date} · {count} to do").format(
                date=self.day.isoformat(), count=f"{total:,}"
            )
        )
        self._fill(selected.ref if selected else None, position)
        self.empty.setVisible(not total)
        for button in (self.done_button, self.snooze_button, self.open_button):
            button.setEnabled(bool(total))
        self._show_quota()
        self._show_month()
        self.main.set_today_count(total)

    def _fill(self, keep: tuple | None = None, position: int = 0) -> None:
        """Each group's header and the rows shown, and only those; selects the row of
        `keep` when shown, else the row now at `position` (the one after an item marked
        done or snoozed: the rep works down the list), else the last. The rows are made apart
        from the list and put in at once (one by one, each made the list measure the others)."""
        self.table.clear()
        self.more = {}
        self.rows = {}
        headers = {}
        names = self.group_names()
        for group in today.GROUPS:
            count = self.day_work.counts[group]
            if not count:
                continue
            self.rows[group] = self.day_work.items(group, self.shown(group))
            headers[group] = self._header_row(
                self.tr("{group} ({count})").format(group=names[group], count=f"{count:,}")
            )
            headers[group].addChildren(
                [
                    self._item_row(item, (group, index))
                    for index, item in enumerate(self.rows[group])
                ]
            )
        self.table.addTopLevelItems(list(headers.values()))
        for group, header in headers.items():
            header.setFirstColumnSpanned(True)
            header.setExpanded(True)
            self._more_row(header, group)
        shown = [
            (header.child(index), item)
            for group, header in headers.items()
            for index, item in enumerate(self.rows[group])
        ]
        self.item_rows = [row for row, _ in shown]
        chosen = [row for row, item in shown if item.ref == keep]
        if chosen:
            self.table.setCurrentItem(chosen[0])
        elif self.item_rows:
            self.table.setCurrentItem(self.item_rows[min(position, len(self.item_rows) - 1)])

    def _header_row(self, text: str) -> QTreeWidgetItem:
        """A group's header: its name and count, passed over by ↑/↓."""
        header = QTreeWidgetItem([text])
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable; its rows enabled
        font = QFont(self.table.font())
        font.setBold(True)
        header.setFont(0, font)
        header.setForeground(0, self.palette().windowText())
        return header

    def _item_row(self, item: today.Item, where: tuple[int, int]) -> QTreeWidgetItem:
        overdue = (
            ""
            if not item.overdue_days
            else self.tr("1 day")
            if item.overdue_days == 1
            else self.tr("{days} days").format(days=item.overdue_days)
        )
        row = QTreeWidgetItem([str(item.rank), item.title, item.due.isoformat(), overdue])
        row.setData(0, ROLE, where)
        for column in (0, 3):
            row.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if item.overdue_days:
            for column in range(4):
                row.setForeground(column, OVERDUE)
        return row

    def _more_row(self, header, group: int) -> None:
        """ "N more" under a folded group; "Show fewer" once the rep opened all of it."""
        hidden = self.day_work.counts[group] - self.shown(group)
        if not hidden and not self.extra.get(group):
            return
        row = QTreeWidgetItem(header)
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        button = QPushButton(
            self.tr("{count} more").format(count=f"{hidden:,}") if hidden else self.tr("Show fewer")
        )
        button.setObjectName("todayMore")
        button.clicked.connect(lambda _checked=False, g=group: self.toggle_more(g))
        self.table.setItemWidget(row, 1, button)
        self.more[group] = button

    def toggle_more(self, group: int) -> None:
        """ "N more" shows the group's next rows; "Show fewer" folds it again."""
        hidden = self.day_work.counts[group] - self.shown(group)
        self.extra[group] = self.extra.get(group, 0) + MORE_ROWS if hidden else 0
        selected = self.selected()
        self._fill(selected.ref if selected else None)

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
        rows = self.table.selectedItems()
        where = rows[0].data(0, ROLE) if rows else None
        if where is None:
            return None
        group, index = where
        return self.rows[group][index]

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
