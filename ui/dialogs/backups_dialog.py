"""File → Backups: the automatic and manual backups with their size and contents; restore."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import backup

REASONS = {
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "Made by you"),
    "daily": QT_TRANSLATE_NOOP("BackupsDialog", "Daily"),
    "before-import": QT_TRANSLATE_NOOP("BackupsDialog", "Before an import"),
    "before-undo": QT_TRANSLATE_NOOP("BackupsDialog", "Before undoing an import"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
    "on-exit": QT_TRANSLATE_NOOP("BackupsDialog", "On closing"),
}


class BackupsDialog(QDialog):
    """Lists the backups of the window's database; Restore hands the choice to the window."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Backups"))
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        folder = backup.backups_dir(window.db_path)
        intro = QLabel(
            self.tr(
                "Backups are verified copies in {folder}. RepDesk keeps the "
                "newest of each of the last 7 days, 4 weeks and 6 months, and "
                "every backup you make yourself."
            ).format(folder=folder)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Taken"),
                self.tr("Why"),
                self.tr("Size"),
                self.tr("Customers"),
                self.tr("Leads"),
                self.tr("Orders"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = buttons.addButton(
            self.tr("Back up now"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button = buttons.addButton(
            self.tr("Restore this backup…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def _reason(self, reason: str) -> str:
        if reason.startswith("before-migration"):
            return self.tr("Before upgrading the database")
        return self.tr(REASONS.get(reason, reason))

    def reload(self) -> None:
        self.backups = backup.list_backups(self.window_.db_path)
        self.table.setRowCount(len(self.backups))
        for row, found in enumerate(self.backups):
            counts = backup.row_counts(found.path)
            size = f"{found.path.stat().st_size / 1024:,.0f} KB"
            cells = [
                found.taken_at.strftime("%Y-%m-%d %H:%M"),
                self._reason(found.reason),
                size,
                *(f"{counts.get(t, 0):,}" for t in ("customer", "lead", "order")),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def back_up_now(self) -> None:
        from datetime import datetime

        backup.backup(
            self.window_.db_path, backup.default_backup_path(self.window_.db_path, datetime.now())
        )
        self.reload()

    def restore_selected(self) -> bool:
        found = self._selected()
        if found is None:
            return False
        restored = self.window_.restore_backup(found.path)
        self.reload()
        return restored
