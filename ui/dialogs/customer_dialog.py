"""A customer's detail: contacts, persona, the dates the lifecycle rules use, the stage."""

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
)

from app import contacts, leads
from app.labels import label
from ui.dialogs.contacts_editor import ContactsEditor
from ui.widgets import add_ok_cancel


class CustomerDialog(QDialog):
    """A customer's detail; a new, blank `Customer()` for one entered by hand."""

    def __init__(self, parent, customer):
        super().__init__(parent)
        self.setWindowTitle(customer.name or self.tr("New customer"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        # inputs take the dialog's width (some styles keep them at their ~100 px hint)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.text = {}
        for key, caption in (
            ("name", self.tr("Customer")),
            ("contact", self.tr("Contact")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("Email")),
            ("industry", self.tr("Industry")),
            ("size", self.tr("Size")),
            ("area", self.tr("Area")),
            ("customer_type", self.tr("Type")),
            ("birthday", self.tr("Birthday (YYYY-MM-DD or MM-DD)")),
        ):
            if key in ("industry", "customer_type"):
                # the segments already used, so one segment is spelled one way
                edit = QComboBox()
                edit.setEditable(True)
                edit.addItems(leads.used_values(key))
                edit.setCurrentText(getattr(customer, key))
                edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            else:
                edit = QLineEdit(getattr(customer, key))
            self.text[key] = edit
            form.addRow(caption, edit)
        self.lunar = QCheckBox(self.tr("The birthday is a lunar calendar date"))
        self.lunar.setChecked(customer.birthday_lunar)
        form.addRow("", self.lunar)
        self.dates = {}
        for key, caption in (
            ("founded", self.tr("Founded")),
            ("contract_end", self.tr("Contract ends")),
        ):
            row = QHBoxLayout()
            has = QCheckBox()
            when = QDateEdit(
                QDate(getattr(customer, key)) if getattr(customer, key) else QDate.currentDate()
            )
            when.setDisplayFormat("yyyy-MM-dd")
            when.setCalendarPopup(True)
            has.setChecked(getattr(customer, key) is not None)
            when.setEnabled(has.isChecked())
            has.toggled.connect(when.setEnabled)
            row.addWidget(has)
            row.addWidget(when, 1)
            self.dates[key] = (has, when)
            form.addRow(caption, row)
        self.contact_left = QCheckBox(self.tr("The contact person has left"))
        self.contact_left.setChecked(customer.contact_left)
        form.addRow("", self.contact_left)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("(by the rules)"), None)
        for stage in ("new", "growth", "mature", "declining"):
            self.stage.addItem(label("stage", stage), stage)
        self.stage.setCurrentIndex(max(self.stage.findData(customer.stage_override), 0))
        form.addRow(self.tr("Lifecycle stage"), self.stage)
        self.people = ContactsEditor(
            contacts.contacts_of("customers", customer.id) if customer.id else []
        )
        form.addRow(self.tr("More contacts"), self.people)
        add_ok_cancel(self, form)

    def values(self) -> dict:
        values = {
            key: (edit.currentText() if isinstance(edit, QComboBox) else edit.text()).strip()
            for key, edit in self.text.items()
        }
        values.update(
            {
                key: when.date().toPython() if has.isChecked() else None
                for key, (has, when) in self.dates.items()
            }
        )
        values.update(
            birthday_lunar=self.lunar.isChecked(),
            contact_left=self.contact_left.isChecked(),
            stage_override=self.stage.currentData(),
            contacts=self.people.contacts(),
        )
        return values
