"""A case for the review's journal: a win or a lesson, as told at the sales meeting."""

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QPlainTextEdit

from app import leads
from app.money import yuan_to_fen
from ui.widgets import add_ok_cancel, money_box


class CaseDialog(QDialog):
    """A case for the journal: a win or a lesson, as told at the sales morning meeting."""

    def __init__(self, parent, today: date):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Win"), "win")
        self.kind.addItem(self.tr("Lesson"), "lesson")
        self.title = QLineEdit()
        self.customer = QComboBox()
        self.customer.addItem(self.tr("(no customer)"), None)
        for customer_id, name in leads.customer_choices():
            self.customer.addItem(name, customer_id)
        self.body = QPlainTextEdit()
        self.said = QPlainTextEdit()
        self.said.setPlaceholderText(self.tr("The words that worked (or did not)"))
        self.takeaway = QPlainTextEdit()
        self.takeaway.setPlaceholderText(self.tr("What to repeat, or what to avoid next time"))
        self.amount = money_box(self.tr("no deal"))
        self.today = today
        for caption, widget in (
            (self.tr("Kind"), self.kind),
            (self.tr("Title"), self.title),
            (self.tr("Customer"), self.customer),
            (self.tr("Deal amount"), self.amount),
            (self.tr("What happened"), self.body),
            (self.tr("What was said"), self.said),
            (self.tr("What to repeat or avoid"), self.takeaway),
        ):
            widget.setAccessibleName(caption)
            form.addRow(caption, widget)
        add_ok_cancel(self, form)

    def values(self) -> dict | None:
        if not self.title.text().strip():
            return None
        return {
            "day": self.today,
            "kind": self.kind.currentData(),
            "title": self.title.text(),
            "body": self.body.toPlainText(),
            "said": self.said.toPlainText(),
            "takeaway": self.takeaway.toPlainText(),
            "amount_fen": yuan_to_fen(f"{self.amount.value():.2f}") or None,
            "customer_id": self.customer.currentData(),
        }
