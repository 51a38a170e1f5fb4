"""File → Import: pick a file, check the column mapping and the preview, then import.

The dialog only drives `app.io.pipeline`: the same reading, mapping, checks and writing as
`repdesk import`. Bad rows are marked in the preview with their reasons before anything
is written; the import runs in one transaction with a progress bar and Cancel.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.errors import UserError
from app.io import pipeline
from app.io.files import VCARD_SUFFIXES
from app.io.kinds import KINDS
from ui import file_dialogs
from ui.dialogs.kinds import kind_names

BAD_ROW = QColor("#fdecea")
CONTACT_KINDS = ("leads", "customers")


def field_label(column) -> str:
    """The field's header in the interface's language (`name` or `客户名称`), `*` when
    required: one language at a time."""
    from app.i18n import current_language

    name = column.zh if current_language() == "zh_CN" else column.key
    return name + (" *" if column.required else "")


class ImportDialog(QDialog):
    """Signals: none; `result` holds the ImportResult after a successful import."""

    def __init__(self, parent, today: date, path: Path | None = None, kind: str = "customers"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.resize(1000, 640)
        self.today = today
        self.path: Path | None = None
        self.result = None
        layout = QVBoxLayout(self)

        form = QFormLayout()
        self.kind = QComboBox()
        for name, title in kind_names().items():
            self.kind.addItem(title, name)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.currentIndexChanged.connect(lambda _: self._load(reset_mapping=True))
        form.addRow(self.tr("What to import"), self.kind)
        file_row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen"))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._choose)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        form.addRow(self.tr("File"), file_row)
        self.encoding = QLabel("")
        form.addRow(self.tr("Encoding"), self.encoding)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("Columns of the file and the fields they fill:")))
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Imported as")]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.setMaximumHeight(170)
        layout.addWidget(self.mapping)

        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if path is not None:
            self.set_file(Path(path))

    # -- choosing -----------------------------------------------------------------------
    def _choose(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Choose a file to import"),
            "",
            self.tr(
                "Spreadsheets and contacts (*.csv *.xlsx *.txt *.vcf);;"
                "Contacts (vCard) (*.vcf);;All files (*)"
            ),
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))
        if path.suffix.lower() in VCARD_SUFFIXES and self.kind_name() not in CONTACT_KINDS:
            self.kind.blockSignals(True)  # a phone's contacts are leads (or customers)
            self.kind.setCurrentIndex(self.kind.findData("leads"))
            self.kind.blockSignals(False)
        self._load(reset_mapping=True)

    def kind_name(self) -> str:
        return self.kind.currentData()

    def chosen_mapping(self) -> dict[int, str | None]:
        mapping = {}
        for row in range(self.mapping.rowCount()):
            mapping[row] = self.mapping.cellWidget(row, 1).currentData()
        return mapping

    def _load(self, reset_mapping: bool) -> None:
        """Read the file, map its columns, preview the first rows with their problems."""
        if self.path is None:
            return
        mapping = None if reset_mapping else self.chosen_mapping()
        try:
            plan = pipeline.plan_import(self.kind_name(), self.path, mapping)
        except UserError as error:
            self._show_problem(str(error))
            return
        try:
            rows = pipeline.preview(plan, self.today)
        finally:
            plan.table.close()
        self.encoding.setText(plan.table.encoding)
        if reset_mapping:
            self._fill_mapping(plan)
        self._fill_preview(plan, rows)

    def _fill_mapping(self, plan) -> None:
        kind = KINDS[self.kind_name()]
        self.mapping.setRowCount(len(plan.table.header))
        for row, header in enumerate(plan.table.header):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            box = QComboBox()
            box.addItem(self.tr("(ignore this column)"), None)
            for column in kind.columns:
                box.addItem(field_label(column), column.key)
            box.setCurrentIndex(max(box.findData(plan.mapping.get(row)), 0))
            box.currentIndexChanged.connect(lambda _: self._load(reset_mapping=False))
            self.mapping.setCellWidget(row, 1, box)

    def _fill_preview(self, plan, rows) -> None:
        kind = plan.kind
        headers = [self.tr("Line"), self.tr("Problems"), self.tr("Effect"), *plan.table.header]
        outlook = plan.outlook
        self.preview.clear()
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(rows))
        bad = 0
        for index, (line, cells, error) in enumerate(rows):
            values = [
                str(line),
                error.text(kind) if error else "",
                "" if error or outlook is None else self._effect(kind, outlook, line),
                *["" if cell is None else str(cell) for cell in cells],
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if error:
                    item.setBackground(QBrush(BAD_ROW))
                if column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.preview.setItem(index, column, item)
            bad += error is not None
        self.preview.resizeColumnsToContents()
        missing = plan.missing_required
        parts = [
            self.tr("Preview of the first {count} rows: {bad} with problems (marked).").format(
                count=len(rows), bad=bad
            )
        ]
        if plan.outlook is not None:
            parts.append(
                self.tr(
                    "Of these rows, {adds} add new records and {updates} update existing ones."
                ).format(adds=plan.outlook.adds, updates=len(plan.outlook.updates))
            )
            if plan.outlook.changed_columns:
                parts.append(
                    self.tr("Fields that change: {fields}").format(
                        fields=", ".join(
                            pipeline.column_title(kind.column(key))
                            for key in plan.outlook.changed_columns
                        )
                    )
                )
        if plan.unknown_columns:
            parts.append(
                self.tr("Ignored columns: {columns}").format(
                    columns=", ".join(plan.unknown_columns)
                )
            )
        if missing:
            parts.append(
                self.tr("Required fields without a column: {fields}").format(
                    fields=", ".join(field_label(kind.column(key)) for key in missing)
                )
            )
        self.summary.setText("  ".join(parts))
        self.summary.setStyleSheet("color: #c62828;" if missing else "")
        self.import_button.setEnabled(not missing)

    def _effect(self, kind, outlook, line: int) -> str:
        """What a valid row does: adds a record, updates some fields of one, or nothing."""
        if line in outlook.contacts:
            return self.tr("one more contact of its company")
        if line not in outlook.updates:
            return self.tr("new")
        changed = outlook.updates[line]
        if not changed:
            return self.tr("no change")
        return self.tr("updates {fields}").format(
            fields=", ".join(pipeline.column_title(kind.column(key)) for key in changed)
        )

    def _show_problem(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #c62828;")
        self.mapping.setRowCount(0)
        self.preview.setRowCount(0)
        self.encoding.setText("")
        self.import_button.setEnabled(False)

    # -- importing ----------------------------------------------------------------------
    def _import(self) -> None:
        progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def report(done: int, total: int | None) -> bool:
            if total:
                progress.setMaximum(total)
                progress.setValue(min(done, total))
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            plan = pipeline.plan_import(self.kind_name(), self.path, self.chosen_mapping())
            self.result = pipeline.run_import(plan, self.today, progress=report)
        except pipeline.Cancelled:
            progress.close()
            self.summary.setText(self.tr("Import cancelled; nothing was written."))
            return
        except UserError as error:
            progress.close()
            QMessageBox.warning(self, self.tr("Import"), str(error))
            return
        progress.close()
        text = self.tr("Imported {imported} rows, rejected {rejected}.").format(
            imported=self.result.imported, rejected=self.result.rejected
        )
        if self.result.errors:
            lines = [error.text(plan.kind) for error in self.result.errors[:15]]
            if len(self.result.errors) > 15:
                lines.append("…")
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Import"),
                text,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setDetailedText("\n".join(error.text(plan.kind) for error in self.result.errors))
            box.setInformativeText("\n".join(lines))
            box.exec()
        else:
            QMessageBox.information(self, self.tr("Import"), text)
        self.accept()
