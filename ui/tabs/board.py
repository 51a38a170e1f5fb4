"""Four quadrants 四象限: task cards to drag between quadrants, keyboard moves, undo.

One QuadrantModel per quadrant over the one app.board.Board. A drag carries task ids
(`mimeData`); a drop asks the board, through the undo stack, to move the task
(`dropMimeData`); every model reloads when an operation changed the tasks. The models do not
implement removeRows, so the view never removes the dragged row a second time.
"""

from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
)

from app.board import QUADRANTS, Board, TaskCard, is_overdue, rollup_tier
from app.labels import label
from ui import operations as changes
from ui.dialogs.task_dialog import TaskDialog
from ui.operations import board as ops
from ui.tabs.base import Tab
from ui.widgets import OVERDUE, title_label

MIME_TYPE = "application/x-repdesk-task-ids"
TASK_ROLE = Qt.ItemDataRole.UserRole + 1


class QuadrantModel(QAbstractListModel):
    """The tasks of one quadrant as the rep sees them (an adapter over the board)."""

    def __init__(self, board: Board, quadrant: int, commit, today: date, parent=None):
        super().__init__(parent)
        self.board = board
        self.quadrant = quadrant
        self.commit = commit  # pushes an undo command
        self.today = today
        self.show_done = False
        self.today_only = False
        self.tasks: list[TaskCard] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.tasks = self.board.tasks(
            self.quadrant, show_done=self.show_done, due_by=self.today if self.today_only else None
        )
        self.endResetModel()

    def ids(self) -> list[int]:
        return [task.id for task in self.tasks]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.tasks)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        task = self.tasks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return task.title
        if role == TASK_ROLE:
            return task
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return task.notes or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return task.title
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.commit(ops.set_done(self.board, self.tasks[index.row()].id, done, self.today))
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes):  # noqa: N802
        ids = [str(self.tasks[index.row()].id) for index in indexes if index.isValid()]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(ids).encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent):  # noqa: N802
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802
        """Ask the board to move the dragged task before the row it was dropped on."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = [int(part) for part in bytes(data.data(MIME_TYPE)).decode().split(",") if part]
        if parent.isValid():  # dropped onto a card: before it
            row = parent.row()
        before = self.tasks[row].id if 0 <= row < len(self.tasks) else None
        for task_id in ids:
            if task_id == before:
                continue
            self.commit(ops.move(self.board, task_id, self.quadrant, before_task=before))
        return True


class TaskCardDelegate(QStyledItemDelegate):
    """Draws a task as a card: title; due date (red when overdue), customer or lead, origin."""

    PADDING = 5

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.today = today

    def _details(self, task: TaskCard) -> str:
        parts = []
        if task.due:
            parts.append(task.due.isoformat())
        link = task.customer_name if task.customer_id else (task.lead_name if task.lead_id else "")
        if link and link not in task.title:
            parts.append(link)
        if task.origin != "manual":
            parts.append(origin_label(task.origin))
        return "  ·  ".join(parts)

    def sizeHint(self, option, index):  # noqa: N802
        # Every card is two lines tall (title; details), so the view asks once for all
        # (uniform item sizes: a quadrant may hold thousands of tasks). The width follows
        # the view (no horizontal scrolling).
        return QSize(120, QFontMetrics(option.font).height() * 2 + 2 * self.PADDING + 4)

    def paint(self, painter, option, index):
        task: TaskCard = index.data(TASK_ROLE)
        painter.save()
        card = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#4a7cc2" if selected else "#dfe3e8")))
        painter.setBrush(QColor("#e8f0fb" if selected else "#ffffff"))
        painter.drawRoundedRect(card, 5, 5)
        metrics = QFontMetrics(option.font)
        box = QRect(
            card.left() + self.PADDING,
            card.top() + self.PADDING,
            metrics.height() - 2,
            metrics.height() - 2,
        )
        painter.setPen(QPen(QColor("#5b6776")))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        if task.done:
            painter.drawLine(box.left() + 2, box.center().y(), box.center().x(), box.bottom() - 2)
            painter.drawLine(box.center().x(), box.bottom() - 2, box.right() - 2, box.top() + 2)
        text_left = box.right() + 8
        title_font = QFont(option.font)
        title_font.setStrikeOut(task.done)
        painter.setFont(title_font)
        painter.setPen(QColor("#8a94a0" if task.done else "#1d2733"))
        title_rect = QRect(
            text_left, card.top() + self.PADDING, card.right() - text_left - 6, metrics.height()
        )
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(task.title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        details = self._details(task)
        if details:
            painter.setFont(option.font)
            painter.setPen(OVERDUE if is_overdue(task, self.today) else QColor("#5b6776"))
            detail_rect = title_rect.translated(0, metrics.height())
            painter.drawText(
                detail_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(details, Qt.TextElideMode.ElideRight, detail_rect.width()),
            )
        painter.restore()

    def editorEvent(self, event, model, option, index):  # noqa: N802
        """A click on the small box ticks the task (undoably, through the model)."""
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.MouseButtonRelease:
            metrics = QFontMetrics(option.font)
            card = option.rect.adjusted(2, 2, -2, -2)
            box = QRect(
                card.left() + self.PADDING,
                card.top() + self.PADDING,
                metrics.height(),
                metrics.height(),
            )
            if box.contains(event.position().toPoint()):
                checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                model.setData(
                    index,
                    Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                    Qt.ItemDataRole.CheckStateRole,
                )
                return True
        return super().editorEvent(event, model, option, index)


def origin_label(origin: str) -> str:
    """Where a card came from, in the interface's words (never a code like lead_rollup:B)."""
    if origin.startswith("lifecycle:"):
        return label("event", origin.split(":", 1)[1])
    if origin.startswith("lead_rollup:"):  # a tier's roll-up card: it stands for leads
        return label("kind", "leads")
    return {
        "lead": label("kind", "leads"),
        "plan": label("kind", "plan_lines"),
        "import": label("kind", "tasks"),
    }.get(origin, origin)


class BoardTab(Tab):
    watches = frozenset(
        (
            changes.TASKS,
            changes.LEADS,
            changes.CUSTOMERS,
            changes.ORDERS,
            changes.TOUCHPOINTS,
            changes.TARGETS,
            changes.SETTINGS,
        )
    )

    def __init__(self, main_window):
        super().__init__(main_window)
        self.board: Board = main_window.board
        self.board.sync(main_window.as_of)  # follow-ups, touchpoints and plan actions due
        header = QHBoxLayout()
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setCheckable(True)
        self.today_button.setToolTip(
            self.tr("Only what is due today or earlier, important quadrants first")
        )
        self.today_button.toggled.connect(self._set_today)
        self.show_done = QCheckBox(self.tr("Show done tasks"))
        self.show_done.toggled.connect(self._set_show_done)
        hint = QLabel(
            self.tr(
                "Drag cards between quadrants · Ctrl+1…4 move · Alt+↑/↓ reorder · "
                "Space done · Enter edit · Del delete · Ctrl+Z undo"
            )
        )
        hint.setObjectName("cardTitle")
        header.addWidget(self.today_button)
        header.addWidget(self.show_done)
        header.addStretch(1)
        header.addWidget(hint)
        self.page.addLayout(header)

        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        self.models: dict[int, QuadrantModel] = {}
        self.views: dict[int, QListView] = {}
        self.frames: dict[int, QFrame] = {}
        self.inputs: dict[int, QLineEdit] = {}
        self.headings: dict[int, QLabel] = {}
        for quadrant in QUADRANTS:
            self._build_quadrant(quadrant)
        self.page.addLayout(self.grid, 1)
        for model in self.models.values():
            model.modelReset.connect(self._update_headings)
        self._update_headings()
        self._build_actions()
        self._place_quadrants(today=False)
        # the cards given to the views last, once the quadrants are in place: a list view
        # lays its cards out again each time it is restyled, reparented or resized, which
        # asks the model for every row; a heavy user's quadrant holds thousands
        for quadrant, view in self.views.items():
            view.setModel(self.models[quadrant])

    # -- building ---------------------------------------------------------------------------
    def _build_quadrant(self, quadrant: int) -> None:
        frame = QFrame()
        frame.setObjectName("quadrant")
        frame.setProperty("quadrant", quadrant)  # its colour: ui/app.py's style sheet
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(10, 8, 10, 10)
        heading = title_label("", "sectionTitle")
        inner.addWidget(heading)
        self.headings[quadrant] = heading
        model = QuadrantModel(self.board, quadrant, self._commit, self.main.as_of, self)
        view = QListView()
        view.setItemDelegate(TaskCardDelegate(self.main.as_of, view))
        view.setAccessibleName(label("quadrant", quadrant))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setUniformItemSizes(True)  # see TaskCardDelegate.sizeHint
        view.setSpacing(1)
        view.doubleClicked.connect(lambda index, q=quadrant: self.edit_task(q, index))
        inner.addWidget(view, 1)
        entry = QLineEdit()
        entry.setPlaceholderText(self.tr("Add a task here and press Enter"))
        entry.setAccessibleName(
            self.tr("New task in {quadrant}").format(quadrant=label("quadrant", quadrant))
        )
        entry.returnPressed.connect(lambda q=quadrant: self.add_from_entry(q))
        inner.addWidget(entry)
        self.models[quadrant], self.views[quadrant] = model, view
        self.frames[quadrant], self.inputs[quadrant] = frame, entry

    def _build_actions(self) -> None:
        shortcuts = [(f"Ctrl+{q}", self.move_selected, (q,)) for q in QUADRANTS]
        shortcuts += [
            ("Alt+Up", self.shift_selected, (-1,)),
            ("Alt+Down", self.shift_selected, (1,)),
            ("Space", self.toggle_selected_done, ()),
            ("Delete", self.delete_selected, ()),
            ("Return", self.edit_selected, ()),
        ]
        for keys, slot, arguments in shortcuts:
            action = QAction(self)
            action.setShortcuts([QKeySequence(keys)])  # a list: see MainWindow._action
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot, a=arguments: s(*a))
            for view in self.views.values():
                view.addAction(action)

    def _place_quadrants(self, today: bool) -> None:
        """Normal: the 2 × 2 matrix. Today: quadrants 1 and 2 first and larger."""
        for frame in self.frames.values():
            self.grid.removeWidget(frame)
        for quadrant in QUADRANTS:
            self.grid.addWidget(self.frames[quadrant], (quadrant - 1) // 2, (quadrant - 1) % 2)
        self.grid.setRowStretch(0, 3 if today else 1)
        self.grid.setRowStretch(1, 1)

    # -- behaviour ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.board.sync(self.main.as_of)
        for model in self.models.values():
            model.reload()

    def _update_headings(self) -> None:
        """`1. Important & urgent  3` — each quadrant with the number of cards shown."""
        for quadrant, heading in self.headings.items():
            heading.setText(
                f"{quadrant}. {label('quadrant', quadrant)}  "
                f"<span style='color:#8a94a0; font-weight:normal'>"
                f"{self.models[quadrant].rowCount()}</span>"
            )

    def apply_changes(self, changed: frozenset[str]) -> None:
        """Only cards moved or edited: the quadrants again; other data may bring new cards
        (a lead, a touchpoint, a plan line): synced first."""
        if changed <= {changes.TASKS}:
            for model in self.models.values():
                model.reload()
        else:
            self.refresh()

    def _commit(self, op):
        return self.main.perform(op)

    def _set_show_done(self, shown: bool) -> None:
        for model in self.models.values():
            model.show_done = shown
            model.reload()

    def _set_today(self, today: bool) -> None:
        for model in self.models.values():
            model.today_only = today
            model.reload()
        self._place_quadrants(today)

    def selected(self) -> tuple[int, TaskCard] | None:
        """The quadrant and task of the selected card, in the view that has focus first."""
        views = sorted(self.views.items(), key=lambda item: not item[1].hasFocus())
        for quadrant, view in views:
            indexes = view.selectionModel().selectedIndexes()
            if indexes:
                return quadrant, self.models[quadrant].tasks[indexes[0].row()]
        return None

    def select_task(self, task_id: int) -> None:
        for quadrant, model in self.models.items():
            if task_id in model.ids():
                view = self.views[quadrant]
                view.setCurrentIndex(model.index(model.ids().index(task_id)))
                view.setFocus()
            else:
                self.views[quadrant].clearSelection()

    def move_selected(self, quadrant: int) -> None:
        found = self.selected()
        if found and found[0] != quadrant:
            self._commit(ops.move(self.board, found[1].id, quadrant))
            self.select_task(found[1].id)

    def shift_selected(self, step: int) -> None:
        found = self.selected()
        if found:
            visible = self.models[found[0]].ids()
            self._commit(ops.shift(self.board, found[1].id, step, visible))
            self.select_task(found[1].id)

    def toggle_selected_done(self) -> None:
        found = self.selected()
        if found:
            self._commit(ops.set_done(self.board, found[1].id, not found[1].done, self.main.as_of))

    def delete_selected(self) -> None:
        found = self.selected()
        if found:
            self._commit(ops.delete(self.board, found[1].id))

    def add_from_entry(self, quadrant: int) -> None:
        entry = self.inputs[quadrant]
        if entry.text().strip():
            task_id = self._commit(ops.add(self.board, entry.text(), quadrant, self.main.as_of))
            if task_id is None:
                return
            entry.clear()
            self.select_task(task_id)
            entry.setFocus()

    def edit_selected(self) -> None:
        found = self.selected()
        if found:
            view = self.views[found[0]]
            self.edit_task(found[0], view.currentIndex())

    def edit_task(self, quadrant: int, index) -> bool:
        if not index.isValid():
            return False
        task = self.models[quadrant].tasks[index.row()]
        tier = rollup_tier(task)
        if tier is not None:  # a tier's follow-ups: the leads table, filtered
            self.main.show_tab("leads").show_overdue(tier)
            return False
        dialog = TaskDialog(self, task)
        if not dialog.exec():
            return False
        return self.apply_edit(task, dialog.values(), dialog.quadrant.currentData())

    def apply_edit(self, task: TaskCard, values: dict, quadrant: int) -> bool:
        """One undo step for the whole edit (fields and quadrant)."""
        if not values.get("title"):
            return False
        moved = quadrant if quadrant != task.quadrant else None
        return self._commit(ops.edit(self.board, task.id, values, moved)) is not None
