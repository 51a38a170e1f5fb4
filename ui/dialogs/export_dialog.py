"""File → Export: one kind to CSV or XLSX, with progress and Cancel."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
)

from app.errors import UserError
from app.io import pipeline
from ui import file_dialogs
from ui.dialogs.kinds import kind_names


class ExportDialog(QDialog):
    def __init__(self, parent, folder: Path):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.folder = folder
        self.written: Path | None = None
        form = QFormLayout(self)
        self.kind = QComboBox()
        for name, title in kind_names().items():
            self.kind.addItem(title, name)
        form.addRow(self.tr("What to export"), self.kind)
        self.format = QComboBox()
        self.format.addItem(self.tr("CSV (UTF-8, opens in Excel)"), ".csv")
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), ".xlsx")
        form.addRow(self.tr("Format"), self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._choose_and_export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_and_export(self) -> None:
        suffix = self.format.currentData()
        default = self.folder / f"{self.kind.currentData()}{suffix}"
        path = file_dialogs.save_file_name(self, self.tr("Export to"), str(default), f"*{suffix}")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def report(done: int) -> bool:
            progress.setLabelText(self.tr("Exporting… {count} rows").format(count=done))
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            count = pipeline.export_kind(self.kind.currentData(), path, progress=report)
        except pipeline.Cancelled:
            return False
        except UserError as error:
            QMessageBox.warning(self, self.tr("Export"), str(error))
            return False
        finally:
            progress.close()
        self.written = path
        self.count = count
        self.accept()
        return True
