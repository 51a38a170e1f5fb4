"""Labels that say what they are, and space used well, as a rep sees them."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel


def _label_of(root, widget) -> QLabel:
    (found,) = [label for label in root.findChildren(QLabel) if label.buddy() is widget]
    return found


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("en", ["S · Strengths", "W · Weaknesses", "O · Opportunities", "T · Threats"]),
        ("zh_CN", ["S · 优势", "W · 劣势", "O · 机会", "T · 威胁"]),
    ],
)
def test_each_swot_box_keeps_its_title_once_filled(make_window, qapp, qtbot, language, titles):
    qapp.translators.install(language)
    window = make_window()
    tab = window.tab("targets")
    for kind in ("strength", "weakness", "opportunity", "threat"):
        edit = tab.swot_edits[kind]
        edit.clear()
        qtbot.keyClicks(edit, "x")  # filled: the placeholder is gone
        assert edit.toPlainText() == "x"
    shown = [
        _label_of(tab, tab.swot_edits[kind]).text().replace("<b>", "").replace("</b>", "")
        for kind in ("strength", "weakness", "opportunity", "threat")
    ]
    assert shown == titles


def test_the_rep_name_on_the_review_is_labelled(make_window):
    window = make_window()
    tab = window.tab("review")
    assert _label_of(tab, tab.rep_name).text() == "Rep on the report:"


def test_customer_columns_fit_their_content_and_are_remembered(make_window, qtbot, tmp_path):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    window.show_tab("leads")
    tab = window.tab("leads")
    tab.views.setCurrentIndex(1)  # Customers
    view = tab.customer_view
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: view.viewport().width() > 800)
    # the name column as wide as the longest name shown, not half the table
    assert header.sectionSize(0) < 0.35 * view.viewport().width()
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)
    assert header.sectionResizeMode(0) == header.ResizeMode.Interactive  # the rep resizes
    header.resizeSection(1, 260)  # as a drag of the column's edge does
    lead_header = tab.lead_view.horizontalHeader()
    qtbot.mouseClick(
        lead_header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(lead_header.sectionViewportPosition(4) + 10, lead_header.height() // 2),
    )  # sort by expected amount
    assert lead_header.sortIndicatorSection() == 4
    window.close()

    again = make_window(window.db_path)
    tab = again.tab("leads")
    assert tab.customer_view.horizontalHeader().sectionSize(1) == 260
    assert tab.lead_view.horizontalHeader().sortIndicatorSection() == 4
    assert tab.lead_model.sort_key == "expected_amount"  # sorted, not only marked


def test_the_lead_filters_show_only_where_they_apply(make_window, qtbot):
    window = make_window()
    window.show()
    window.show_tab("leads")
    tab = window.tab("leads")
    bar = tab.views.tabBar()
    new_lead = tab.lead_buttons[0]
    qtbot.waitUntil(tab.isVisible)
    assert new_lead.isVisible() and tab.tier.isVisible() and tab.search.isVisible()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # Customers
    assert tab.views.currentIndex() == 1
    assert not new_lead.isVisible() and not tab.tier.isVisible()
    assert tab.search.isVisible() and tab.lifecycle_stage.isVisible()  # they filter customers
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())  # Channels
    assert not tab.search.isVisible() and not new_lead.isVisible()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())  # Leads
    assert new_lead.isVisible() and not tab.lifecycle_stage.isVisible()


def test_a_long_objection_wraps_instead_of_being_cut(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    window.show_tab("leads")
    tab = window.tab("leads")
    qtbot.waitUntil(tab.isVisible)
    tab.lead_view.selectRow(0)
    long = "预算今年已经用完了，" * 6
    tab.add_objection({"objection": long, "empathise": "", "decompose": "", "verify": ""})
    qtbot.waitUntil(lambda: tab.objections.count() > 0)
    item = tab.objections.item(tab.objections.count() - 1)
    assert long in item.text()
    rect = tab.objections.visualItemRect(item)
    line = tab.objections.fontMetrics().height()
    assert rect.right() <= tab.objections.viewport().width()  # nothing past the right edge
    assert rect.height() >= 2 * line  # wrapped onto more lines


def test_the_new_customer_dialog_is_wide_and_offers_the_segments_in_use(make_window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

    from app import leads
    from app.models import Customer
    from ui.dialogs.customer_dialog import CustomerDialog

    window = make_window()
    window.show()
    window.show_tab("leads")
    tab = window.tab("leads")
    qtbot.waitUntil(tab.isVisible)
    tab.views.setCurrentIndex(1)
    used = leads.used_values("industry")
    assert len(used) >= 3  # the demo's industries
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CustomerDialog):
            QTimer.singleShot(20, fill)  # not open yet
            return
        try:
            seen["widths"] = [edit.width() for edit in dialog.text.values()]
            industry = dialog.text["industry"]
            seen["editable"] = isinstance(industry, QComboBox) and industry.isEditable()
            seen["offered"] = [industry.itemText(i) for i in range(industry.count())]
            qtbot.keyClicks(dialog.text["name"], "Newco Ltd")
            industry.setCurrentIndex(industry.findText(used[0]))  # picked from the list
            qtbot.keyClicks(dialog.text["customer_type"].lineEdit(), "Key account")
        finally:
            dialog.accept()

    QTimer.singleShot(0, fill)
    (button,) = [b for b in tab.findChildren(QPushButton) if b.text() == "New customer…"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen["editable"]
    assert min(seen["widths"]) >= 300  # not ~100 px
    assert seen["offered"] == used
    made = Customer.get(Customer.name == "Newco Ltd")
    assert (made.industry, made.customer_type) == (used[0], "Key account")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_market_slices_show_area_and_type_whole(make_window, qapp, qtbot, language):
    qapp.translators.install(language)
    window = make_window()
    window.resize(1280, 800)
    window.show()
    window.show_tab("targets")
    tab = window.tab("targets")
    qtbot.waitUntil(tab.slices.isVisible)
    slices = tab.slices
    assert slices.rowCount() == 5  # the demo's five areas
    areas = [slices.item(r, 0).text() for r in range(5)]
    assert "余杭未来科技城" in areas
    types = [slices.item(r, 1).text() for r in range(5)]
    assert all(types)  # each slice's customer type shown
    assert slices.columnWidth(0) >= slices.sizeHintForColumn(0)  # no area cut to "西…"
    assert not slices.horizontalScrollBar().isVisible()  # no side scrolling


def test_the_file_dialog_shows_sizes_whole(make_window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView

    window = make_window()
    window.show()
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        try:
            tree = dialog.findChild(QTreeView, "treeView")
            dialog.setViewMode(QFileDialog.ViewMode.Detail)
            qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) > 0)
            tree.doItemsLayout()
            seen["size"] = (tree.columnWidth(1), tree.sizeHintForColumn(1))
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    backup = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Backup now…"
    )
    backup.trigger()  # File → Backup now…: the save dialog, cancelled
    width, needed = seen["size"]
    assert needed > 0 and width >= needed  # "715.00 KiB" whole, not "715…tes"
