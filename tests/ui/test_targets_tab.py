"""The Targets tab: the demo month at a glance, and every change undoable."""

from decimal import Decimal

import pytest

from app import planning
from app.models import PlanLine, Target, Task
from tests.conftest import AS_OF


@pytest.fixture
def tab(make_window):
    window = make_window()
    return window.tab("targets")


def test_the_demo_month_at_a_glance(tab):
    assert tab.heading.text() == "Target for 2026-11"
    assert tab.revenue.value() == 200000.0 and tab.visits.value() == 60
    assert tab.new_customers.text() == "calculated"
    text = tab.calc_lines.text()
    assert "60 visits ×" in text and "new customers" in text
    assert "3 a day → 15 a week → 60 a month (21 working days)" in text
    assert tab.plan.rowCount() == 2
    assert [tab.plan.item(r, 6).text() for r in range(2)] == ["2", "5"]  # the guide's 2 + 5
    assert [tab.xun.item(r, 1).text() for r in range(3)] == ["7", "8", "6"]
    assert tab.xun.item(2, 5).text() == "not started"
    assert "2026-11-10" in tab.checkpoint_text.text()
    assert tab.slices.rowCount() == 5
    assert tab.negotiation.isChecked() and tab.apply_shift.isEnabled()
    assert "expected by today" in tab.pace.text()


def test_saving_the_target_and_undoing_it(tab):
    stack = tab.main.undo_stack
    tab.visits.setValue(66)
    tab.new_customers.setValue(9)
    tab.save_target()
    target = Target.get(Target.month == "2026-11")
    assert (target.effective_visits, target.new_customers) == (66, 9)
    assert tab.visits.value() == 66
    stack.undo()
    target = Target.get(Target.month == "2026-11")
    assert (target.effective_visits, target.new_customers) == (60, None)
    assert tab.visits.value() == 60
    stack.redo()
    assert Target.get(Target.month == "2026-11").effective_visits == 66


def test_a_new_month_target_is_created_and_undo_removes_it(tab):
    Target.delete().where(Target.month == "2026-11").execute()
    tab.refresh()
    assert "No target for this month yet" in tab.calc_lines.text()
    # no revenue target: no pace colour anywhere, "no target" instead
    assert "no target" in tab.pace.text() and "expected" not in tab.pace.text()
    assert [tab.xun.item(r, 5).text() for r in range(3)] == ["no target"] * 3
    tab.revenue.setValue(150000)
    tab.save_target()
    assert Target.get(Target.month == "2026-11").revenue_fen == 150000_00
    tab.main.undo_stack.undo()
    assert Target.get_or_none(Target.month == "2026-11") is None


def test_plan_lines_add_edit_delete_with_undo(tab):
    stack = tab.main.undo_stack
    tab.save_line(
        None,
        {
            "product": "C",
            "customer_type": "",
            "revenue_fen": 30000_00,
            "average_order_fen": 3000_00,
            "close_rate": Decimal("0.25"),
            "high_ticket": False,
        },
    )
    assert tab.plan.rowCount() == 3
    # 10 orders ÷ 25% ÷ 21 working days = 1.9 → 2 actions a day
    assert tab.plan.item(2, 5).text() == "10" and tab.plan.item(2, 6).text() == "2"
    stack.undo()
    assert tab.plan.rowCount() == 2
    tab.plan.selectRow(1)
    tab.delete_line()
    assert PlanLine.select().where(PlanLine.month == "2026-11").count() == 1
    stack.undo()
    assert [row.line.product for row in tab.rows] == ["产品A（高毛利）", "产品B（走量）"]


def test_the_negotiation_proposal_can_be_applied_and_undone(tab):
    tab.shift_percent.setValue(20)
    assert "move 20% (¥20,000.00)" in tab.proposal.text()
    tab.apply_negotiation_shift()
    assert [row.line.revenue_fen for row in tab.rows] == [80000_00, 120000_00]
    tab.main.undo_stack.undo()
    assert [row.line.revenue_fen for row in tab.rows] == [100000_00, 100000_00]


def test_swot_notes_are_saved(tab):
    tab.swot_edits["strength"].setPlainText("擅长陌拜\n开口率高")
    tab.negotiation.setChecked(False)
    tab.save_swot()
    assert planning.swot("2026-11")["strength"] == ["擅长陌拜", "开口率高"]
    assert not planning.has_negotiation_weakness("2026-11")
    assert not tab.apply_shift.isEnabled()
    tab.main.undo_stack.undo()
    assert planning.has_negotiation_weakness("2026-11")


def test_sending_todays_actions_to_the_board_never_duplicates(tab):
    tab.main.tab("board")  # opening the board takes in today's follow-ups and touchpoints
    Task.delete().where(Task.origin == "plan").execute()
    assert tab.send_to_board() == 2  # 2 × 产品A and 5 × 产品B a day: one task each
    assert tab.send_to_board() == 0
    titles = sorted(t.title for t in Task.select().where(Task.origin == "plan"))
    assert titles == [
        "Today's plan: 2 × 产品A（高毛利） 大客户",
        "Today's plan: 5 × 产品B（走量） 中小客户",
    ]
    assert AS_OF.isoformat() in Task.get(Task.origin == "plan").origin_key


def test_market_slices_and_the_season_factor_are_edited_here(tab):
    from app.models import MarketSlice, SeasonFactor

    stack = tab.main.undo_stack
    tab.save_slice(
        None,
        {
            "area": "拱墅商圈",
            "customer_type": "大客户",
            "share": Decimal("0.1"),
            "market_stage": "new",
            "new_customer_share": None,
            "reachable_pool": 10,
        },
    )
    assert tab.slices.rowCount() == 6
    assert tab.slices.item(5, 3).text() == "¥20,000.00"  # 10% of 200,000
    first = tab.slice_rows[0].slice
    tab.save_slice(first.id, {"market_stage": "new"})
    assert MarketSlice.get_by_id(first.id).market_stage == "new"
    assert tab.slices.item(0, 5).text() == "60.0%"  # a new market: 60% from new customers
    stack.undo()
    assert MarketSlice.get_by_id(first.id).market_stage == "mature"
    stack.undo()
    assert tab.slices.rowCount() == 5
    tab.base_target.setValue(180000)
    tab.season_factor.setValue(1.2)
    tab.save_season()
    assert planning.seasonal_target("2026-11") == 216000_00  # 180,000 × 1.2
    assert "¥216,000.00" in tab.slice_notes.text()
    stack.undo()
    assert planning.seasonal_target("2026-11") is None
    assert SeasonFactor.select().count() == 0


def test_the_slice_dialog_returns_its_fields(tab, qtbot):
    from ui.tabs.targets import SliceDialog

    dialog = SliceDialog(tab, None)
    qtbot.addWidget(dialog)
    assert dialog.values() is None  # an area is required
    dialog.area.setText("西湖商圈")
    dialog.share.setValue(30)
    dialog.pool.setValue(40)
    assert dialog.values() == {
        "area": "西湖商圈",
        "customer_type": "",
        "share": Decimal("0.3"),
        "market_stage": "new",
        "new_customer_share": None,
        "reachable_pool": 40,
        "pool_prospects": None,
        "pool_competitor_share": None,
        "pool_reachable_share": None,
    }


def test_the_pool_estimated_from_its_inputs_through_the_dialog(tab, qtbot):
    from PySide6.QtCore import Qt

    from app.models import MarketSlice
    from tests.ui.test_operations import answer_next_dialog, button

    def fill(dialog):
        dialog.area.setText("未来科技城")
        dialog.share.setValue(10)
        dialog.stage.setCurrentIndex(dialog.stage.findData("new"))
        dialog.pool.setValue(500)  # typed, then replaced by the estimate
        dialog.prospects.setValue(200)
        dialog.competitors.setValue(40)
        dialog.reach.setValue(50)
        # 200 × (1 − 40%) × 50% = 60
        assert dialog.estimate.text() == "200 × (1 − 40.0%) × 50.0% = 60 customers"
        assert not dialog.pool.isEnabled()
        dialog.accept()

    seen = answer_next_dialog(qtbot, fill)
    qtbot.mouseClick(button(tab, "Add slice…"), Qt.MouseButton.LeftButton)
    assert seen
    piece = MarketSlice.get(MarketSlice.area == "未来科技城")
    assert (piece.pool_prospects, piece.pool_competitor_share, piece.pool_reachable_share) == (
        200,
        Decimal("0.4"),
        Decimal("0.5"),
    )
    row = [r.slice.area for r in tab.slice_rows].index("未来科技城")
    assert tab.slices.item(row, 6).text() == "60 (estimated)"
    tab.main.undo_stack.undo()
    assert not MarketSlice.select().where(MarketSlice.area == "未来科技城").exists()
