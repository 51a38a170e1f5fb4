"""Labels that say what they are, and space used well, as a rep sees them."""

import pytest
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
