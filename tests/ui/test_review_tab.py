"""The monthly review tab: the three dimensions, PDCA, cases, and printing the PDF's pages."""

import shutil
import subprocess

import pytest

from app import review
from app.models import CaseEntry, PdcaItem, Task
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
