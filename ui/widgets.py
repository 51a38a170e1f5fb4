"""Small shared widgets: page titles, notes, figure cards and a paging read-only table model."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QByteArray, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

PACE_COLOURS = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828"}
OVERDUE = QColor("#c62828")
_ROOT = QModelIndex()


def percent(value) -> str:
    """A ratio (Fraction, float) as a percentage to one decimal, `12.5%`; `—` for None (no
    ratio: nothing to divide by)."""
    return "—" if value is None else f"{float(value) * 100:.1f}%"


def title_label(text: str, name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


def note_label(text: str) -> QLabel:
    """A plain, honest note (e.g. what arrives in a later version)."""
    label = QLabel(text)
    label.setObjectName("note")
    label.setWordWrap(True)
    return label


class FigureCard(QFrame):
    """A headline figure: a caption above a large value."""

    def __init__(self, caption: str, value: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        self.caption = QLabel(caption)
        self.caption.setObjectName("cardTitle")
        self.value = QLabel(value)
        self.value.setObjectName("cardValue")
        self.value.setAccessibleName(caption)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str, colour: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


class Column:
    """A table column: header text, and whether its values are numbers (right-aligned)."""

    def __init__(self, header: str, numeric: bool = False):
        self.header = header
        self.numeric = numeric


class PagedTableModel(QAbstractTableModel):
    """Read-only rows fetched page by page from `fetch(after, limit)`: `after` is the last
    row's `key` (None for the first page), so each page starts where the last one ended
    (keyset paging), however deep the user scrolls.

    Each row is a `Row` of display strings; `row.highlight` shows it in red (e.g. an overdue
    lead).
    """

    PAGE = 200

    def __init__(
        self, columns: Sequence[Column], fetch: Callable[[tuple | None, int], list], parent=None
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self.fetch = fetch
        self.rows: list = []
        self.exhausted = False
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.fetch(None, self.PAGE)
        self.exhausted = len(self.rows) < self.PAGE
        self.endResetModel()

    def rowCount(self, parent=_ROOT):  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=_ROOT):  # noqa: N802
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent=_ROOT):  # noqa: N802
        if parent.isValid() or self.exhausted:
            return
        page = self.fetch(self.rows[-1].key if self.rows else None, self.PAGE)
        self.exhausted = len(page) < self.PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and getattr(row, "highlight", False):
            return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and row.tips:
            return row.tips.get(index.column())
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


class Row(tuple):
    """A table row of display strings: `record_id` is the record shown, `key` where the next
    page starts, and `highlight` marks the row in red (e.g. overdue)."""

    record_id: int
    key: tuple
    highlight = False
    tips: dict[int, str] | None = None  # column → tooltip


def make_row(values: Sequence[str], record_id: int, key: tuple, highlight: bool = False) -> Row:
    row = Row(values)
    row.record_id, row.key, row.highlight = record_id, key, highlight
    return row


def table_view(model: QAbstractTableModel, remember: str, sortable: bool = False) -> QTableView:
    """A read-only table in the app's style: columns as wide as their content, which the rep
    can resize; the widths (and the sort, for a sortable table) are kept per table under
    `remember` in the user's settings, as the window's size is."""
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(0)  # fit the rows on screen, not every loaded row
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.resizeColumnsToContents()
    if sortable:  # by a header click (the model sorts); unsorted until the rep clicks
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    TableMemory(view, remember)
    return view


MAX_YUAN = 1_000_000_000  # the largest amount an import takes, so a box too


def money_box(special: str = "") -> "QDoubleSpinBox":
    """An amount in yuan to the fen; `special` is shown for 0 (e.g. "not known")."""
    box = QDoubleSpinBox()
    box.setRange(0, MAX_YUAN)
    box.setDecimals(2)
    box.setGroupSeparatorShown(True)
    box.setPrefix("¥")
    if special:
        box.setSpecialValueText(special)
    return box


class TableMemory(QObject):
    """Keeps a table's column widths and sort in the settings (`tables/<key>`)."""

    def __init__(self, view: QTableView, key: str):
        super().__init__(view)
        from ui.settings import app_settings

        self.view, self.setting = view, f"tables/{key}"
        header = view.horizontalHeader()
        state = app_settings().value(self.setting)
        if isinstance(state, QByteArray) and not state.isEmpty():
            header.restoreState(state)
            if view.isSortingEnabled() and header.sortIndicatorSection() >= 0:
                view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.sectionResized.connect(lambda *_: self.save())
        header.sortIndicatorChanged.connect(lambda *_: self.save())

    def save(self) -> None:
        from ui.settings import app_settings

        app_settings().setValue(self.setting, self.view.horizontalHeader().saveState())


def add_ok_cancel(dialog, form) -> None:
    """The OK / Cancel row every small dialog ends with."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
