"""The Leads tab's small dialogs: a new lead, and the first order of a lead won."""

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit

from app import leads
from app.money import yuan_to_fen
from ui.widgets import add_ok_cancel, money_box


class NewLeadDialog(QDialog):
    """A new lead: its name (required), contact, phone, tier (B unless chosen), channel (one
    in use or a new one) and expected amount."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New lead"))
        form = QFormLayout(self)
        self.name, self.contact, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.addItems([""] + leads.channel_names())
        self.tier = QComboBox()
        self.tier.addItems(["A", "B", "C"])
        self.tier.setCurrentIndex(1)
        self.amount = money_box()
        for caption, widget in (
            (self.tr("Lead"), self.name),
            (self.tr("Contact"), self.contact),
            (self.tr("Phone"), self.phone),
            (self.tr("Tier"), self.tier),
            (self.tr("Channel"), self.channel),
            (self.tr("Expected amount"), self.amount),
        ):
            form.addRow(caption, widget)
        add_ok_cancel(self, form)

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "contact": self.contact.text(),
            "phone": self.phone.text(),
            "tier": self.tier.currentText(),
            "channel": self.channel.currentText(),
            "expected_amount_fen": yuan_to_fen(f"{self.amount.value():.2f}") or None,
        }


class WonDialog(QDialog):
    """Won: the first order's amount (the lead's expected amount to start with) and product."""

    def __init__(self, parent, expected_fen: int | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Won: the first order"))
        form = QFormLayout(self)
        self.amount = money_box()
        self.amount.setValue((expected_fen or 0) / 100)
        self.product = QLineEdit()
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Product"), self.product)
        add_ok_cancel(self, form)

    def values(self) -> tuple[int, str]:
        """(amount in fen, product)."""
        return yuan_to_fen(f"{self.amount.value():.2f}"), self.product.text().strip()
