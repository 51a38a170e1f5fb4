"""Add an order (from the dashboard): customer, date, amount, product."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QLineEdit

from app import leads
from app.money import yuan_to_fen
from ui.widgets import add_ok_cancel, money_box


class OrderDialog(QDialog):
    """Add an order from the dashboard: customer, date, amount, product."""

    def __init__(self, parent, today: date):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an order"))
        form = QFormLayout(self)
        self.customer = QComboBox()
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for customer_id, name in leads.customer_choices():
            self.customer.addItem(name, customer_id)
        self.customer.setCurrentIndex(-1)
        self.day = QDateEdit(QDate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.amount = money_box()
        self.product = QLineEdit()
        for caption, widget in (
            (self.tr("Customer"), self.customer),
            (self.tr("Date"), self.day),
            (self.tr("Amount"), self.amount),
            (self.tr("Product"), self.product),
        ):
            form.addRow(caption, widget)
        add_ok_cancel(self, form)

    def values(self) -> dict | None:
        index = self.customer.findText(self.customer.currentText().strip())
        if index < 0:
            return None
        return {
            "customer_id": self.customer.itemData(index),
            "day": self.day.date().toPython(),
            "amount_fen": yuan_to_fen(f"{self.amount.value():.2f}"),
            "product": self.product.text().strip(),
        }
