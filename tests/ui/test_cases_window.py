"""Cases in the Review tab: a case added through its dialog with what was said and what to
repeat, exported as a one-page PDF, and the month's cases as a handout."""

from unittest import mock

from PySide6.QtCore import Qt

from app.models import CaseEntry
from tests.app.test_review import pdf_pages
from tests.ui.test_operations import answer_next_dialog, button, press, show, window  # noqa: F401


def test_a_case_added_exported_and_printed_as_a_handout(window, qtbot, tmp_path):  # noqa: F811
    tab = show(window, "review")

    def fill(dialog):
        dialog.title.setText("我是如何用三年总账搞定刁难客户的")
        dialog.said.setPlainText("我们算一笔三年的账。")
        dialog.takeaway.setPlainText("先算总账再谈单价。")
        dialog.amount.setValue(48000)
        dialog.accept()

    answer_next_dialog(qtbot, fill)
    qtbot.mouseClick(button(tab, "Add a case…"), Qt.MouseButton.LeftButton)
    case = CaseEntry.select().order_by(CaseEntry.id.desc()).get()
    assert (case.said, case.takeaway, case.amount_fen) == (
        "我们算一笔三年的账。",
        "先算总账再谈单价。",
        48000_00,
    )
    tab.case_pick.setCurrentIndex(tab.case_pick.findData(case.id))
    out = tmp_path / "case.pdf"
    with (
        mock.patch("ui.file_dialogs.save_file_name", return_value=str(out)),
        mock.patch("PySide6.QtGui.QDesktopServices.openUrl") as opened,
    ):
        qtbot.mouseClick(button(tab, "Case as PDF…"), Qt.MouseButton.LeftButton)
    assert opened.called
    pages = pdf_pages(out)
    assert len(pages) == 1
    text = "\n".join(pages[0])
    assert "我是如何用三年总账搞定刁难客户的" in text and "¥48,000.00" in text
    assert "What was said" in text and "先算总账再谈单价" in text
    handout = tmp_path / "handout.pdf"
    with (
        mock.patch("ui.file_dialogs.save_file_name", return_value=str(handout)),
        mock.patch("PySide6.QtGui.QDesktopServices.openUrl"),
    ):
        qtbot.mouseClick(button(tab, "Month's cases as a handout…"), Qt.MouseButton.LeftButton)
    text = "\n".join(line for page in pdf_pages(handout) for line in page)
    assert "Cases for the sales meeting · 2026-11" in text
    assert all(
        title in text
        for title in (tab.case_pick.itemText(i)[11:] for i in range(tab.case_pick.count()))
    )
    press(window, "Ctrl+Z", qtbot)  # the case is taken back; the files stay as written
    assert not CaseEntry.select().where(CaseEntry.id == case.id).exists()
