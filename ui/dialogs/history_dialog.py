"""File → Import history: every import as a batch, each one undoable whole."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.errors import UserError
from app.io import pipeline
from app.labels import label


class ImportHistoryDialog(QDialog):
    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import history"))
        self.resize(760, 420)
        self.changed = False
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Imported at"),
                self.tr("What"),
                self.tr("File"),
                self.tr("Rows"),
                self.tr("State"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = buttons.addButton(
            self.tr("Undo this import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.reload()

    def reload(self) -> None:
        self.batches = pipeline.list_batches()
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            state = self.tr("undone") if batch.undone else ""
            for column, value in enumerate(
                (
                    str(batch.created_at),
                    label("kind", batch.kind),
                    batch.file_name,
                    str(batch.rows),
                    state,
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self._update_button()

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _update_button(self) -> None:
        batch = self._selected()
        self.undo_button.setEnabled(batch is not None and not batch.undone)

    def undo_selected(self) -> bool:
        batch = self._selected()
        if batch is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr(
                "Undo the import of {file} ({rows} rows)? Rows it added are removed and "
                "rows it changed are put back."
            ).format(file=batch.file_name, rows=batch.rows),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            pipeline.undo_batch(batch.id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Undo import"), str(error))
            return False
        self.changed = True
        self.reload()
        return True
