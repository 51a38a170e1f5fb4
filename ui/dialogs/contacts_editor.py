"""The people of a customer or lead beyond the main contact (the decision chain): a small
table to add, change and remove them (app.contacts)."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.contacts import ROLES
from app.labels import label
from ui.widgets import add_ok_cancel

TEXT_COLUMNS = ("name", "title", "phone", "email")


class ContactsEditor(QWidget):
    def __init__(self, contacts: list[dict], parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Title"), self.tr("Phone"), self.tr("Email"), self.tr("Role")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add contact"))
        self.remove_button = QPushButton(self.tr("Remove contact"))
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for contact in contacts:
            self.add_row(contact)

    def add_row(self, contact: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(TEXT_COLUMNS):
            self.table.setItem(row, column, QTableWidgetItem(contact.get(key, "")))
        role = QComboBox()
        role.addItem(self.tr("(not known)"), "")
        for name in ROLES:
            role.addItem(label("role", name), name)
        role.setCurrentIndex(max(role.findData(contact.get("role", "")), 0))
        self.table.setCellWidget(row, 4, role)
        self.table.setCurrentCell(row, 0)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def contacts(self) -> list[dict]:
        """Each row with a name, in order."""
        found = []
        for row in range(self.table.rowCount()):
            contact = {
                key: (self.table.item(row, column) or QTableWidgetItem("")).text().strip()
                for column, key in enumerate(TEXT_COLUMNS)
            }
            contact["role"] = self.table.cellWidget(row, 4).currentData()
            if contact["name"]:
                found.append(contact)
        return found


class ContactsDialog(QDialog):
    """A lead's contacts beyond the main one, edited on their own."""

    def __init__(self, parent, title: str, main_contact: str, contacts: list[dict]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 320)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Main contact: {name}").format(name=main_contact or "—")))
        self.editor = ContactsEditor(contacts)
        form.addRow(self.editor)
        add_ok_cancel(self, form)
