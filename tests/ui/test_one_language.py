"""One language at a time: the Chinese window has no English word a rep must read (data and
terms like PDF, ROI, SWOT aside), the English window no Chinese label (data aside)."""

import pytest
from PySide6.QtWidgets import QTabWidget

from tests.ui.one_language import data_strings, other_language, visible_texts
from ui import file_dialogs


def _menu_texts(window):
    texts = []

    def walk(menu_actions):
        for action in menu_actions:
            if action.text():
                texts.append(("menu", action.text()))
            if action.menu():
                walk(action.menu().actions())

    walk(window.menuBar().actions())
    return texts


def _walk_tabs(window, qapp):
    """Every tab and sub-tab shown in turn; what each shows."""
    texts = _menu_texts(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tab(index)
        qapp.processEvents()
        texts += visible_texts(window)
        for inner in tab.findChildren(QTabWidget):
            for sub in range(inner.count()):
                inner.setCurrentIndex(sub)
                qapp.processEvents()
                texts += visible_texts(window)
    return texts


def _dialogs(window, qapp):
    """The dialogs a rep opens without changing anything, as they first appear."""
    from app.models import Customer
    from ui.dialogs.customer_dialog import CustomerDialog
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.objection_dialog import ObjectionDialog
    from ui.dialogs.preferences_dialog import PreferencesDialog

    texts = []
    sheet = window.db_path.parent / "customers.csv"
    sheet.write_text("客户名称,phone\n甲公司,138\n", encoding="utf-8")
    made = [
        ImportDialog(window, window.as_of, path=sheet),  # its mapping list filled
        ExportDialog(window, window.db_path.parent),
        PreferencesDialog(window),
        CustomerDialog(window, Customer(name="")),
        ObjectionDialog(window),
    ]
    files = file_dialogs._dialog(window, "", str(window.db_path.parent))  # as File → … opens it
    made.append(files)
    for dialog in made:
        dialog.show()
        qapp.processEvents()
        texts += visible_texts(dialog)
        if isinstance(dialog, ImportDialog):  # the fields each column can fill
            for row in range(dialog.mapping.rowCount()):
                box = dialog.mapping.cellWidget(row, 1)
                texts += [("mapping", box.itemText(i)) for i in range(box.count())]
        dialog.close()
    return texts


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_speaks_one_language(make_window, qapp, language):
    qapp.translators.install(language)
    window = make_window()
    window.resize(1280, 800)
    window.show()
    texts = _walk_tabs(window, qapp) + _dialogs(window, qapp)
    assert len(texts) > 300  # the walk saw the window, not an empty one
    in_the_sheet = ["客户名称", "甲公司", "phone"]  # the file's own headers and cells: data
    data = sorted(data_strings(window.db_path) + in_the_sheet, key=len, reverse=True)
    wrong = other_language(texts, language, data)
    assert wrong == [], "\n".join(f"{where}: {text}" for where, text in wrong)


@pytest.mark.parametrize(("language", "leads"), [("en", "Leads"), ("zh_CN", "线索")])
def test_a_roll_up_card_says_where_it_came_from_in_words(qapp, language, leads):
    """The board draws its cards (no widget to walk): a roll-up card's origin is "Leads"."""
    from ui.tabs.board import origin_label

    qapp.translators.install(language)
    assert origin_label("lead_rollup:B") == leads
    assert origin_label("lifecycle:birthday") == {"en": "Birthday greeting"}.get(
        language, "生日祝福"
    )
