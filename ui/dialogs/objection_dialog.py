"""An objection on a lead, the guide's way: empathise → decompose → verify."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

from ui.widgets import add_ok_cancel


class ObjectionDialog(QDialog):
    """An objection the guide's way: empathise → decompose → verify."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Objection"))
        form = QFormLayout(self)
        self.objection = QLineEdit()
        self.empathise = QLineEdit()
        self.empathise.setPlaceholderText(
            self.tr("I understand; many customers worried about that at first")
        )
        self.decompose = QLineEdit()
        self.decompose.setPlaceholderText(self.tr("Is it the price, or the result?"))
        self.verify = QLineEdit()
        self.verify.setPlaceholderText(self.tr("A case: another company cut costs 18% in 3 months"))
        for caption, widget in (
            (self.tr("Objection"), self.objection),
            (self.tr("Empathise"), self.empathise),
            (self.tr("Decompose"), self.decompose),
            (self.tr("Verify"), self.verify),
        ):
            form.addRow(caption, widget)
        add_ok_cancel(self, form)
