"""File → Import, Import history and Export, driven the way a rep uses them."""

from unittest import mock

from PySide6.QtWidgets import QMessageBox

from app.models import Customer, ImportBatch
from tests.app.test_import_export import CUSTOMERS_ZH, write_csv
from tests.conftest import AS_OF


def _import_dialog(window, path, kind="customers"):
    from ui.dialogs.import_dialog import ImportDialog

    return ImportDialog(window, AS_OF, path=path, kind=kind)


def test_the_wizard_shows_encoding_mapping_and_the_bad_rows(make_window, qtbot, tmp_path):
    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    path = write_csv(tmp_path / "客户.csv", CUSTOMERS_ZH, encoding="gbk")
    dialog = _import_dialog(window, path)
    qtbot.addWidget(dialog)
    assert dialog.encoding.text() == "GB18030"
    mapped = [
        dialog.mapping.cellWidget(row, 1).currentData() for row in range(dialog.mapping.rowCount())
    ]
    assert mapped == [
        "name",
        "contact",
        "phone",
        "industry",
        "channel",
        "tags",
        "annual_revenue",
        "birthday",
        "birthday_lunar",
        "contract_end",
        "contact_left",
    ]
    assert dialog.preview.rowCount() == 4
    problems = [dialog.preview.item(row, 1).text() for row in range(4)]
    assert problems == [
        "",
        "line 3: name: required",
        "line 4: annual_revenue: not a number; contract_end: not a date; "
        "contact_left: not yes or no",
        "",
    ]
    assert "2 with problems" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    assert Customer.select().count() == 0  # the preview wrote nothing
    from app.models import Channel

    assert Channel.select().count() == 0


def test_changing_a_column_mapping_updates_the_preview(make_window, qtbot, tmp_path):
    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    path = write_csv(tmp_path / "c.csv", [["商户", "联系电话"], ["甲", "138"]])
    dialog = _import_dialog(window, path)
    qtbot.addWidget(dialog)
    assert dialog.mapping.cellWidget(1, 1).currentData() == "phone"  # a synonym, by default
    assert "name *" in dialog.summary.text()  # required field not mapped
    assert not dialog.import_button.isEnabled()
    box = dialog.mapping.cellWidget(0, 1)
    box.setCurrentIndex(box.findData("name"))
    assert dialog.import_button.isEnabled()
    with mock.patch.object(QMessageBox, "information") as told:
        dialog.import_button.click()
    assert "Imported 1 rows, rejected 0" in told.call_args.args[2]
    assert [(c.name, c.phone) for c in Customer.select()] == [("甲", "138")]


def test_importing_shows_the_rejected_rows_and_refreshes_the_tabs(make_window, qtbot, tmp_path):
    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    path = write_csv(tmp_path / "c.csv", CUSTOMERS_ZH)
    dialog = _import_dialog(window, path)
    qtbot.addWidget(dialog)
    with mock.patch.object(QMessageBox, "exec") as shown:
        dialog.import_button.click()
    assert shown.called
    assert dialog.result.imported == 2 and dialog.result.rejected == 2
    window.refresh()
    assert window.tab("leads").customer_model.rowCount() == 2


def test_a_file_that_cannot_be_read_is_explained_in_the_dialog(make_window, qtbot, tmp_path):
    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    dialog = _import_dialog(window, path)
    qtbot.addWidget(dialog)
    assert "not a CSV or XLSX file" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_cancelling_an_import_writes_nothing(make_window, qtbot, tmp_path):
    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    path = write_csv(tmp_path / "c.csv", [["name"]] + [[f"客户{i}"] for i in range(5000)])
    dialog = _import_dialog(window, path)
    qtbot.addWidget(dialog)
    with mock.patch("PySide6.QtWidgets.QProgressDialog.wasCanceled", return_value=True):
        dialog.import_button.click()
    assert "cancelled" in dialog.summary.text()
    assert Customer.select().count() == 0 and ImportBatch.select().count() == 0


def test_import_history_undoes_a_batch(make_window, qtbot, tmp_path):
    from app.io import pipeline
    from ui.dialogs.history_dialog import ImportHistoryDialog

    window = make_window(tmp_path / "empty.sqlite3", demo=False)
    path = write_csv(tmp_path / "c.csv", [["name"], ["甲"], ["乙"]])
    pipeline.run_import(pipeline.plan_import("customers", path), AS_OF)
    dialog = ImportHistoryDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Customers"
    assert not dialog.undo_button.isEnabled()
    dialog.table.selectRow(0)
    with mock.patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes):
        assert dialog.undo_selected()
    assert Customer.select().count() == 0
    assert dialog.table.item(0, 4).text() == "undone"
    assert not dialog.undo_button.isEnabled()


def test_export_from_the_window(make_window, qtbot, tmp_path):
    from ui.dialogs.export_dialog import ExportDialog

    window = make_window()
    dialog = ExportDialog(window, tmp_path)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("leads"))
    assert dialog.export_to(tmp_path / "leads.xlsx")
    assert dialog.count == 120
    import openpyxl

    assert openpyxl.load_workbook(tmp_path / "leads.xlsx").active.max_row == 121
