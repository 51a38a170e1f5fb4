"""File → Find duplicates…: customers and leads whose normalised names are the same, each
pair mergeable into the older record (Edit → Undo takes a merge back)."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import duplicates
from ui.operations.leads import merge_duplicates


class DuplicatesDialog(QDialog):
    """`main` is the main window: merges go on its undo stack and refresh it."""

    def __init__(self, main):
        super().__init__(main)
        self.main = main
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Records whose names are the same once spaces, full-width letters and case "
                "are set aside. Merging keeps the older one: the other's orders, activities, "
                "tasks, touchpoints and tags move to it and its blank fields are filled in. "
                "Edit → Undo takes a merge back."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("What"),
                self.tr("Kept"),
                self.tr("Merged into it"),
                self.tr("Orders or activities (kept)"),
                self.tr("Orders or activities (merged)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("No duplicates: every name is different."))
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = buttons.addButton(
            self.tr("Merge this pair"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.clicked.connect(self.merge_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.reload()

    def reload(self) -> None:
        self.pairs = duplicates.find_pairs()
        self.table.setRowCount(len(self.pairs))
        kinds = {"customers": self.tr("Customer"), "leads": self.tr("Lead")}
        for row, pair in enumerate(self.pairs):
            kept, merged, kept_count, merged_count = duplicates.describe(pair)
            for column, value in enumerate(
                (kinds[pair.kind], kept, merged, str(kept_count), str(merged_count))
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.empty.setVisible(not self.pairs)
        self._update_button()

    def _update_button(self) -> None:
        self.merge_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def merge_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        pair = self.pairs[rows[0].row()]
        kept, merged, _, _ = duplicates.describe(pair)
        text = self.tr("Merge {merged} into {kept}").format(merged=merged, kept=kept)
        self.main.perform(merge_duplicates(pair, text))
        self.reload()
