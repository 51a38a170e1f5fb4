"""Target tiers in the window: the Targets form's floor and stretch, its tier line and the
dashboard's three pace lines."""

import pytest
from PySide6.QtCore import Qt

from app.models import Target
from tests.ui.test_operations import button, show


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    window.show()
    return window


def test_floor_and_stretch_saved_through_the_button_and_undone(window, qtbot):
    tab = show(window, "targets")
    # the demo's November target: floor ¥160,000; ¥200,000 × 1.1 → stretch ¥220,000
    assert "Floor ¥160,000.00" in tab.tier_lines.text()
    assert "Stretch ¥220,000.00" in tab.tier_lines.text()
    assert tab.stretch.text() == "target × challenge coefficient"
    tab.floor.setValue(150000)
    tab.stretch.setValue(250000)
    qtbot.mouseClick(button(tab, "Save target"), Qt.MouseButton.LeftButton)
    target = Target.get(Target.month == "2026-11")
    assert (target.floor_fen, target.stretch_fen) == (150000_00, 250000_00)
    text = tab.tier_lines.text()
    assert "Floor ¥150,000.00" in text and "Stretch ¥250,000.00" in text
    window.undo_stack.undo()
    target = Target.get(Target.month == "2026-11")
    assert (target.floor_fen, target.stretch_fen) == (160000_00, None)  # the demo's
    assert tab.stretch.text() == "target × challenge coefficient"


def test_the_pace_chart_draws_the_three_lines(window, qtbot):
    Target.update(floor_fen=150000_00).where(Target.month == "2026-11").execute()  # not 160k
    tab = show(window, "dashboard")
    tab.refresh()
    names = [item.name() for item in tab.pace_plot.listDataItems() if item.name()]
    assert names == ["Floor pace", "Target pace", "Stretch pace", "Revenue"]
    lines = {item.name(): list(item.getData()[1]) for item in tab.pace_plot.listDataItems()}
    # on the 30th (all 21 working days) each line reaches its tier, in 万:
    # 150,000 → 15, 200,000 → 20, 200,000 × 1.1 = 220,000 → 22
    assert [lines[name][-1] for name in names[:3]] == [15.0, 20.0, 22.0]
