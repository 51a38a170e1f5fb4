"""The monthly review tab: the three dimensions, PDCA, cases, and printing the PDF's pages."""

import shutil
import subprocess
from datetime import timedelta

import pytest

from app import figures, review
from app.models import CaseEntry, Customer, Order, PdcaItem, Target, Task
from app.money import format_fen
from tests.conftest import AS_OF


@pytest.fixture
def tab(make_window):
    window = make_window()
    return window.tab("review")


def test_the_three_dimensions_of_the_month(tab):
    assert tab.heading.text() == "Review of 2026-11"
    assert "complete, gap" in tab.results.text()
    assert "产品A（高毛利）" in tab.results.text()
    assert "Effective visits" in tab.process.text() and "<b>" in tab.process.text()
    assert "2026-11-17 Win" in tab.cases.text()
    # the average order to the fen, as the month's figures have it (revenue ÷ deals)
    numbers = figures.build("2026-11", AS_OF)
    assert f"Average order {format_fen(numbers.average_order_fen)}" in tab.process.text()


def test_an_order_after_as_of_is_not_in_the_review_and_no_target_says_so(tab):
    text = tab.results.text()
    buyer = Customer.select().first()
    Order.create(customer=buyer, date=AS_OF + timedelta(days=1), amount_fen=77_777_00)
    Target.delete().execute()
    tab.refresh()
    assert "¥77,777.00" not in tab.results.text()
    revenue = text.split(" of ")[0]  # "Revenue ¥…": the same revenue, without a target
    assert tab.results.text().startswith(f"{revenue}: no target for this month")
    assert "complete" not in tab.results.text().split("<br>")[0]


def test_writing_the_review_is_undoable(tab):
    tab.texts["ability"].setPlainText("谈判技巧不足")
    tab.save_texts()
    assert review.latest_review("2026-11").ability == "谈判技巧不足"
    tab.main.undo_stack.undo()
    assert review.latest_review("2026-11").ability == ""


def test_pdca_items_and_carrying_them_forward(tab):
    tab.add_pdca("plan", "每周2次大客户拜访")
    tab.add_pdca("check", "复盘成交率")
    assert tab.pdca.rowCount() == 2
    tab.pdca.selectRow(0)
    tab.set_pdca_status("done")
    assert tab.pdca.item(0, 2).text() == "done"
    created = tab.carry_forward()
    assert [Task.get_by_id(i).title for i in created] == ["复盘成交率"]
    assert tab.pdca.item(1, 2).text() == "open → next month"
    tab.main.undo_stack.undo()  # carrying forward: the task goes, the item is open again
    assert not Task.select().where(Task.id.in_(created)).exists()
    assert tab.pdca.item(1, 2).text() == "open"
    tab.main.undo_stack.undo()  # the status change
    assert PdcaItem.get(text="每周2次大客户拜访").status == "open"


def test_adding_a_case(tab):
    before = CaseEntry.select().count()
    tab.add_case(
        {"day": AS_OF, "kind": "lesson", "title": "报价太早", "body": "", "customer_id": None}
    )
    assert CaseEntry.select().count() == before + 1
    assert "报价太早" in tab.cases.text()
    tab.main.undo_stack.undo()
    assert CaseEntry.select().count() == before


def test_printing_paints_the_pdfs_pages(tab, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert tab.print_review(printer)
    assert out.stat().st_size > 10_000
    from app import db

    assert not db.database.is_closed()  # the worker closed its own connection only
    assert tab.results.text()  # and the window still reads the database
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        source = tab._temporary_pdf()
        pages = subprocess.run(["pdfinfo", str(source)], capture_output=True, text=True).stdout
        page_count = [line for line in pages.splitlines() if line.startswith("Pages:")]
        assert page_count and page_count[0] in info  # as many pages as the PDF


def test_the_pdf_is_never_written_over_the_database(tab, qtbot):
    """Export PDF… with the database's own name: refused in a message, the file intact."""
    from unittest import mock

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    database = tab.main.db_path
    before = database.read_bytes()[:100]
    [button] = [b for b in tab.findChildren(QPushButton) if b.text() == "Export PDF…"]
    with (
        mock.patch("ui.file_dialogs.save_file_name", return_value=str(database)),
        mock.patch("PySide6.QtWidgets.QMessageBox.warning") as warned,
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "choose another file name" in warned.call_args.args[2]
    assert database.read_bytes()[:100] == before


def test_the_month_bar_steps_back_and_forward_and_the_review_follows(tab, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    back, forward = (
        next(b for b in tab.findChildren(QPushButton) if b.accessibleName() == name)
        for name in ("Previous month", "Next month")
    )
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert tab.heading.text() == "Review of 2026-10"
    assert tab.data.figures.month == "2026-10"
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert tab.heading.text() == "Review of 2026-12"
