"""The board's task editor: title, quadrant, due date, notes."""

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
)

from app.board import QUADRANTS, TaskCard
from app.labels import label
from ui.widgets import add_ok_cancel


class TaskDialog(QDialog):
    """Edit a task: title, quadrant, due date, notes."""

    def __init__(self, parent, task: TaskCard):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit task"))
        form = QFormLayout(self)
        self.title = QLineEdit(task.title)
        form.addRow(self.tr("Task"), self.title)
        self.quadrant = QComboBox()
        for quadrant in QUADRANTS:
            self.quadrant.addItem(f"{quadrant}. {label('quadrant', quadrant)}", quadrant)
        self.quadrant.setCurrentIndex(task.quadrant - 1)
        form.addRow(self.tr("Quadrant"), self.quadrant)
        due_row = QHBoxLayout()
        self.has_due = QCheckBox(self.tr("Has a due date"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        if task.due:
            self.has_due.setChecked(True)
            self.due.setDate(task.due)
        else:
            self.due.setDate(date.today())
            self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(self.tr("Due date"), due_row)
        self.notes = QPlainTextEdit(task.notes)
        self.notes.setMaximumHeight(90)
        form.addRow(self.tr("Notes"), self.notes)
        add_ok_cancel(self, form)

    def values(self) -> dict:
        return {
            "title": self.title.text().strip(),
            "due": self.due.date().toPython() if self.has_due.isChecked() else None,
            "notes": self.notes.toPlainText(),
        }
