"""The window side of a rep's own files: the wizard's outlook and default mapping, and the
refusal of a second record with the same normalised name."""

from PySide6.QtWidgets import QMessageBox

from app.models import Customer, Lead
from tests.app.test_import_export import write_csv
from tests.conftest import AS_OF


def test_the_wizard_says_what_is_added_and_updated_by_a_synonym_header(
    make_window, qtbot, tmp_path
):
    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    Customer.create(name="杭州华东医药有限公司", phone="0571-1", created=AS_OF)
    rows = [
        ["公司名称", "联系电话", "手机"],
        ["杭州华东医药有限公司", "0571-2", "13800001111"],
        ["嘉兴瑞丰物流有限公司", "0573-1", "13512345678"],
    ]
    from ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(window, AS_OF, path=write_csv(tmp_path / "c.csv", rows))
    qtbot.addWidget(dialog)
    mapped = [dialog.mapping.cellWidget(row, 1).currentData() for row in range(3)]
    assert mapped == ["name", None, "phone"]  # the mobile column; 联系电话 ignored
    summary = dialog.summary.text()
    assert [dialog.preview.item(row, 2).text() for row in range(2)] == ["updates phone", "new"]
    assert "Of these rows, 1 add new records and 1 update existing ones." in summary
    assert "Fields that change: phone" in summary
    assert "Ignored columns: 联系电话" in summary


def test_a_second_customer_or_lead_of_the_same_name_is_refused(make_window, monkeypatch):
    tab = make_window().tab("leads")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    tab.new_customer({"name": "ABC（杭州）有限公司"})
    steps = tab.main.undo_stack.count()
    tab.new_customer({"name": " ａｂｃ(杭州)有限公司"})
    assert warnings == ["There is already a customer named ABC（杭州）有限公司."]
    assert tab.main.undo_stack.count() == steps
    assert Customer.select().where(Customer.name.contains("杭州)")).count() == 0
    existing = Lead.select().first().name
    tab.new_lead(
        {
            "name": f"  {existing.upper()} ",
            "contact": "",
            "phone": "",
            "tier": "B",
            "channel": "",
            "expected_amount_fen": None,
        }
    )
    assert warnings[-1] == f"There is already a lead named {existing}."
    assert tab.main.undo_stack.count() == steps


def test_the_wizard_imports_a_phones_contacts_as_leads(make_window, qtbot, tmp_path):
    from unittest import mock

    from tests.app.test_vcard import MACOS
    from ui.dialogs.import_dialog import ImportDialog

    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    path = tmp_path / "Contacts.vcf"
    path.write_text(MACOS, encoding="utf-8")
    dialog = ImportDialog(window, AS_OF, path=path, kind="orders")
    qtbot.addWidget(dialog)
    assert dialog.kind_name() == "leads"  # a vCard file: leads, not orders
    assert dialog.encoding.text() == "vCard"
    assert dialog.preview.rowCount() == 2
    assert "Of these rows, 2 add new records and 0 update existing ones." in dialog.summary.text()
    with mock.patch.object(QMessageBox, "information") as told:
        dialog.import_button.click()
    assert "Imported 2 rows, rejected 0" in told.call_args.args[2]
    assert [(lead.name, lead.phone) for lead in Lead.select()] == [
        ("ＡＢＣ（杭州）有限公司", "138 0000 1111"),
        ("张三", "+86-139-0000-2222"),
    ]


def test_find_duplicates_merges_a_pair_and_undo_takes_it_back(make_window, qtbot, tmp_path):
    from unittest import mock

    from PySide6.QtCore import Qt

    from app.models import Order
    from ui.dialogs.duplicates_dialog import DuplicatesDialog

    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    keep = Customer.create(name="ABC（杭州）有限公司", created=AS_OF)
    drop = Customer.create(name="abc(杭州)有限公司", phone="138", created=AS_OF)
    Order.create(customer=drop, date=AS_OF, amount_fen=500)
    seen = {}

    def use_the_dialog(dialog):
        seen["rows"] = dialog.table.rowCount()
        seen["names"] = [dialog.table.item(0, column).text() for column in range(5)]
        assert not dialog.merge_button.isEnabled()
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        seen["after"] = dialog.table.rowCount()
        seen["empty"] = dialog.empty.isVisibleTo(dialog)
        return 0

    with mock.patch.object(DuplicatesDialog, "exec", use_the_dialog):
        action = next(
            a
            for a in window.menuBar().actions()[0].menu().actions()
            if a.text() == "Find &duplicates…"
        )
        action.trigger()
    assert seen == {
        "rows": 1,
        "names": ["Customer", "ABC（杭州）有限公司", "abc(杭州)有限公司", "0", "1"],
        "after": 0,
        "empty": True,
    }
    assert [(c.id, c.phone) for c in Customer.select()] == [(keep.id, "138")]
    assert Order.get().customer_id == keep.id
    window.undo_stack.undo()
    assert [(c.id, c.phone) for c in Customer.select().order_by(Customer.id)] == [
        (keep.id, ""),
        (drop.id, "138"),
    ]
    assert Order.get().customer_id == drop.id


def test_a_customers_contacts_are_edited_in_its_dialog_and_undone(make_window, qtbot):
    from unittest import mock

    from PySide6.QtCore import Qt

    from app import contacts
    from ui.dialogs.customer_dialog import CustomerDialog

    tab = make_window().tab("leads")
    customer = Customer.get(Customer.name == tab.customer_model.rows[0][0])
    filled = {}

    def fill_in(dialog):
        editor = dialog.people
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        editor.table.item(0, 0).setText("张总")
        editor.table.item(0, 1).setText("总经理")
        role = editor.table.cellWidget(0, 4)
        role.setCurrentIndex(role.findData("decision_maker"))
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        editor.table.item(1, 0).setText("王工")
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # left blank: no contact
        filled["roles"] = [role.itemText(i) for i in range(role.count())]
        return QDialog.DialogCode.Accepted

    from PySide6.QtWidgets import QDialog

    with mock.patch.object(CustomerDialog, "exec", fill_in):
        tab.customer_view.selectRow(0)
        tab.edit_customer(customer.id)
    assert filled["roles"] == ["(not known)", "Decision maker", "Influencer", "User"]
    assert contacts.contacts_of("customers", customer.id) == [
        {"name": "张总", "title": "总经理", "phone": "", "email": "", "role": "decision_maker"},
        {"name": "王工", "title": "", "phone": "", "email": "", "role": ""},
    ]
    tab.main.undo_stack.undo()
    assert contacts.contacts_of("customers", customer.id) == []


def test_a_leads_contacts_button(make_window, qtbot):
    from unittest import mock

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QPushButton

    from app import contacts
    from ui.dialogs.contacts_editor import ContactsDialog

    tab = make_window().tab("leads")
    tab.lead_view.selectRow(0)
    lead = tab.lead
    assert lead is not None

    def fill_in(dialog):
        qtbot.mouseClick(dialog.editor.add_button, Qt.MouseButton.LeftButton)
        dialog.editor.table.item(0, 0).setText("赵主任")
        return QDialog.DialogCode.Accepted

    button = next(b for b in tab.detail.findChildren(QPushButton) if b.text() == "Contacts…")
    with mock.patch.object(ContactsDialog, "exec", fill_in):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [c["name"] for c in contacts.contacts_of("leads", lead.id)] == ["赵主任"]
    tab.main.undo_stack.undo()
    assert contacts.contacts_of("leads", lead.id) == []
