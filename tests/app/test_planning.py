"""Targets by the guide's rules, on hand-computed data (each figure's arithmetic beside it)."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from app import db, planning, preferences
from app.figures import month_summary
from app.models import Activity, Customer, MarketSlice, Order, PlanLine, SwotNote, Target
from app.money import yuan_to_fen

NOV = "2026-11"


def order(customer, day, yuan):
    Order.create(customer=customer, date=day, amount_fen=yuan_to_fen(yuan))


def visits(day, count, effective=True, kind="visit", customer=None):
    Activity.create(date=day, kind=kind, count=count, effective=effective, customer=customer)


@pytest.fixture
def customer(db_path):
    return Customer.create(name="甲", created=date(2026, 1, 1))


# -- the attainable calculator -------------------------------------------------------------


def test_the_guides_attainable_target():
    # 60 effective visits × 12% × 1.1 = 7.92 → 8 new customers
    assert planning.attainable_new_customers(60, Fraction(12, 100), Decimal("1.1")) == 8
    # exactly 8 stays 8: 80 × 10% × 1 = 8
    assert planning.attainable_new_customers(80, Fraction(1, 10), Decimal("1")) == 8


def test_the_close_rate_comes_from_the_three_full_months_before(customer):
    # August 50 visits / 6 deals, September 25 / 3 (plus 10 ineffective), October 25 / 3:
    # 12 deals ÷ 100 effective visits = 12%. July and November do not count.
    for day, count, deals in (
        (date(2026, 8, 5), 50, 6),
        (date(2026, 9, 7), 25, 3),
        (date(2026, 10, 9), 25, 3),
        (date(2026, 7, 1), 100, 0),
        (date(2026, 11, 2), 10, 5),
    ):
        visits(day, count)
        for _ in range(deals):
            order(customer, day, "1000")
    visits(date(2026, 9, 8), 10, effective=False)
    assert planning.historical_close_rate(NOV) == Fraction(12, 100)
    target = Target.create(month=NOV, revenue_fen=yuan_to_fen(200000), effective_visits=60)
    calculator = planning.calculator(target)
    assert (calculator.close_rate, calculator.rate_from_history) == (Fraction(3, 25), True)
    assert calculator.new_customers == 8 and calculator.target == 8  # 60 × 12% × 1.1 → 8
    Target.update(new_customers=6).execute()
    assert planning.calculator(Target.get()).target == 6  # what the rep set wins


def test_the_rep_can_take_the_close_rate_over_another_window(customer):
    # September 20 visits / 1 deal, October 20 / 3; with a one-month window only October
    # counts: 3 ÷ 20 = 15%; over the default three months 4 ÷ 40 = 10%
    for day, count, deals in ((date(2026, 9, 7), 20, 1), (date(2026, 10, 9), 20, 3)):
        visits(day, count)
        for _ in range(deals):
            order(customer, day, "1000")
    assert planning.historical_close_rate(NOV) == Fraction(10, 100)
    preferences.save({"planning.history_months": 1})
    assert planning.historical_close_rate(NOV) == Fraction(15, 100)


def test_without_history_the_rep_types_the_rate(db_path):
    target = Target.create(
        month=NOV, revenue_fen=1, effective_visits=60, manual_close_rate=Decimal("0.12")
    )
    calculator = planning.calculator(target)
    assert calculator.rate_from_history is False
    assert calculator.new_customers == 8


def test_no_history_and_no_rate_means_no_computed_target(db_path):
    target = Target.create(month=NOV, revenue_fen=1, effective_visits=60)
    assert planning.calculator(target).new_customers is None


def test_the_process_ladder():
    # 60 visits a month on 20 working days: 3 a day → 15 a week → 60 a month
    ladder = planning.process_ladder(60, 20)
    assert (ladder.per_day, ladder.per_week, ladder.per_month) == (3, 15, 60)
    # on November 2026's 21 working days: 60 ÷ 21 = 2.86 → 3 a day
    assert planning.process_ladder(60, 21).per_day == 3


# -- cross decomposition -------------------------------------------------------------------


def test_the_guides_cross_decomposition(db_path):
    """200,000 = A 100,000 at 20,000 an order (5 orders, 12.5%) + B 100,000 at 5,000 (20
    orders, 20%); on 20 working days: 5 ÷ 12.5% ÷ 20 = 2 visits, 20 ÷ 20% ÷ 20 = 5
    follow-ups a day."""
    a = PlanLine.create(
        month=NOV,
        product="A",
        revenue_fen=yuan_to_fen(100000),
        average_order_fen=yuan_to_fen(20000),
        close_rate=Decimal("0.125"),
    )
    b = PlanLine.create(
        month=NOV,
        product="B",
        revenue_fen=yuan_to_fen(100000),
        average_order_fen=yuan_to_fen(5000),
        close_rate=Decimal("0.2"),
    )
    assert (planning.orders_needed(a), planning.orders_needed(b)) == (5, 20)
    assert (planning.daily_actions(a, 20), planning.daily_actions(b, 20)) == (2, 5)
    # 21 orders ÷ 35% ÷ 20 working days = 3 exactly (floating point gives 4)
    c = PlanLine(revenue_fen=2100, average_order_fen=100, close_rate=Decimal("0.35"))
    assert planning.daily_actions(c, 20) == 3
    # an order more than the revenue covers is an order: 100,001 ÷ 20,000 → 6
    assert (
        planning.orders_needed(
            PlanLine(revenue_fen=yuan_to_fen("100000.01"), average_order_fen=yuan_to_fen(20000))
        )
        == 6
    )


# -- pace and checkpoints ------------------------------------------------------------------


@pytest.fixture
def november(customer):
    # 210,000 on November 2026's 21 working days: 10,000 a working day.
    Target.create(month=NOV, revenue_fen=yuan_to_fen(210000), effective_visits=60)
    for day, yuan in ((3, "60000"), (10, "5000"), (16, "80000"), (20, "10000")):
        order(customer, date(2026, 11, day), yuan)
    order(customer, date(2026, 11, 21), "33333")  # the day after the tests' as-of (the 20th)


def test_checkpoints_on_the_10th_and_the_20th(november):
    points = planning.checkpoints(NOV, date(2026, 11, 20), yuan_to_fen(210000))
    # 10th: 7 working days (2–6, 9–10) → 70,000 expected; 65,000 actual = 92.9% → amber
    # 20th: 15 working days → 150,000 expected; 155,000 actual ≥ 100% → green
    assert [(p.day.day, p.expected_fen, p.actual_fen, p.status) for p in points] == [
        (10, yuan_to_fen(70000), yuan_to_fen(65000), "amber"),
        (20, yuan_to_fen(150000), yuan_to_fen(155000), "green"),
    ]
    assert len(planning.checkpoints(NOV, date(2026, 11, 15), 1)) == 1  # the 20th not yet


def test_the_checkpoints_are_the_reps_two_days(november):
    preferences.save({"planning.first_checkpoint": 5, "planning.second_checkpoint": 16})
    points = planning.checkpoints(NOV, date(2026, 11, 20), yuan_to_fen(210000))
    # 5th: 4 working days (2–5) → 40,000 expected, 60,000 actual → green
    # 16th: 11 working days (2–6, 9–13, 16) → 110,000 expected; 145,000 actual → green
    assert [(p.day.day, p.expected_fen, p.actual_fen) for p in points] == [
        (5, yuan_to_fen(40000), yuan_to_fen(60000)),
        (16, yuan_to_fen(110000), yuan_to_fen(145000)),
    ]


def test_a_slipping_month_is_red_at_the_10th(customer):
    Target.create(month=NOV, revenue_fen=yuan_to_fen(210000))
    order(customer, date(2026, 11, 4), "50000")
    summary = month_summary(NOV, date(2026, 11, 10))
    # 50,000 against 70,000 expected = 71% → red
    assert summary["pace"] == {"expected_revenue": 70000.0, "status": "red"}
    assert summary["checkpoints"] == [
        {
            "date": "2026-11-10",
            "expected_revenue": 70000.0,
            "actual_revenue": 50000.0,
            "status": "red",
        }
    ]


def test_the_summary_reports_target_plan_completion_and_pace(november):
    PlanLine.create(
        month=NOV,
        product="A",
        customer_type="大客户",
        revenue_fen=yuan_to_fen(100000),
        average_order_fen=yuan_to_fen(20000),
        close_rate=Decimal("0.125"),
    )
    summary = month_summary(NOV, date(2026, 11, 20))
    assert summary["target"] == {
        "revenue": 210000.0,
        "new_customers": 0,
        "effective_visits": 60,
        # no floor set; the stretch defaults to 210,000 × 1.1 = 231,000
        "tiers": {"floor": None, "target": 210000.0, "stretch": 231000.0},
    }  # no history, no rate: 0
    # 5 orders ÷ 12.5% ÷ 21 working days = 1.9 → 2
    assert summary["plan"] == [
        {
            "product": "A",
            "customer_type": "大客户",
            "revenue": 100000.0,
            "orders": 5,
            "daily_actions": 2,
        }
    ]
    assert summary["completion"] == 155000 / 210000  # 0.738…
    assert summary["pace"] == {"expected_revenue": 150000.0, "status": "green"}
    # 19 November: 14 working days → 140,000 expected; 145,000 actual → green
    assert month_summary(NOV, date(2026, 11, 19))["pace"]["expected_revenue"] == 140000.0


def test_without_a_target_there_is_no_pace(customer):
    order(customer, date(2026, 11, 3), "5000")
    order(customer, date(2026, 11, 21), "7000")  # as-of + 1: in no figure
    summary = month_summary(NOV, date(2026, 11, 20))
    assert summary["target"] == {
        "revenue": 0.0,
        "new_customers": 0,
        "effective_visits": 0,
        "tiers": {"floor": None, "target": None, "stretch": None},
    }
    assert summary["completion_tiers"] == {"floor": None, "target": None, "stretch": None}
    assert summary["plan"] == [] and summary["completion"] is None
    # no revenue target: nothing to be on pace with — no colour, not green
    assert summary["pace"] == {"expected_revenue": 0.0, "status": None}
    assert summary["checkpoints"] == [
        {"date": "2026-11-10", "expected_revenue": 0.0, "actual_revenue": 5000.0, "status": None},
        {"date": "2026-11-20", "expected_revenue": 0.0, "actual_revenue": 5000.0, "status": None},
    ]
    by_xun = planning.periods(NOV, 0, by="xun", as_of=date(2026, 11, 20))
    assert [p.status for p in by_xun] == [None, None, None]
    # a target row of ¥0 is no revenue target either
    Target.create(month=NOV, revenue_fen=0, effective_visits=10)
    assert month_summary(NOV, date(2026, 11, 20))["pace"]["status"] is None


def test_an_expected_revenue_between_fen_is_rounded_to_the_fen(november):
    Target.update(revenue_fen=yuan_to_fen(200000)).execute()
    # 200,000 × 15 ÷ 21 = 142,857.142857… → 142,857.14
    assert month_summary(NOV, date(2026, 11, 20))["pace"]["expected_revenue"] == 142857.14


def test_the_month_by_xun_and_by_week(november):
    as_of = date(2026, 11, 20)
    by_xun = planning.periods(NOV, yuan_to_fen(210000), by="xun", as_of=as_of)
    # 1–10: 7 working days, 11–20: 8, 21–30: 6 (23–27 and 30); 10,000 a working day.
    # 1–10: 65,000 of 70,000 (92.9%) amber; 11–20: 90,000 of 80,000 green; 21–30: not begun
    # (the 33,333 of the 21st is after as-of: not counted, nothing expected yet)
    assert [
        (p.working_days, p.expected_fen, p.expected_to_date_fen, p.actual_fen, p.status)
        for p in by_xun
    ] == [
        (7, yuan_to_fen(70000), yuan_to_fen(70000), yuan_to_fen(65000), "amber"),
        (8, yuan_to_fen(80000), yuan_to_fen(80000), yuan_to_fen(90000), "green"),
        (6, yuan_to_fen(60000), 0, 0, planning.UPCOMING),
    ]
    # on the 16th the 11–20 旬 has had 4 working days (Wed 11, Thu 12, Fri 13, Mon 16):
    # 40,000 expected so far; the 80,000 of the 16th is in it
    middle = planning.periods(NOV, yuan_to_fen(210000), by="xun", as_of=date(2026, 11, 16))[1]
    assert (middle.expected_to_date_fen, middle.actual_fen) == (yuan_to_fen(40000), 80000_00)
    weeks = planning.periods(NOV, yuan_to_fen(210000), by="week", as_of=as_of)
    assert [p.label for p in weeks] == [
        "2026-W44",
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
        "2026-W49",
    ]
    assert [p.working_days for p in weeks] == [0, 5, 5, 5, 5, 1]


def test_october_2026_has_18_working_days(db_path):
    assert planning.month_working_days("2026-10") == 18


# -- key accounts, long-term customers, average order ---------------------------------------


def test_key_accounts_are_the_top_fifth_by_revenue(db_path):
    as_of = date(2026, 11, 20)
    names = {}
    for name, yuan in (("A", 500), ("B", 300), ("C", 100), ("D", 50), ("E", 30), ("F", 20)):
        names[name] = Customer.create(name=name, created=as_of)
        order(names[name], date(2026, 6, 1), yuan)
    old = Customer.create(name="G", created=as_of)
    order(old, date(2025, 11, 20), 9999)  # exactly 12 months before: not counted
    order(old, date(2026, 11, 21), 9999)  # after as-of: not counted
    accounts = planning.key_accounts(as_of)
    # 6 customers with revenue: ⌈6 × 20%⌉ = 2 → A and B, 800 of 1,000
    assert [c.name for c in accounts.customers] == ["A", "B"]
    assert accounts.share == Fraction(4, 5)
    for who, count in (("A", 2), ("C", 1)):
        visits(date(2026, 11, 3), count, kind="executive_visit", customer=names[who])
    assert planning.key_account_executive_visits(NOV, as_of) == 2  # C is not a key account
    assert month_summary(NOV, as_of)["key_accounts"] == {
        "customers": ["A", "B"],
        "revenue_share": 0.8,
    }


def test_the_key_account_share_is_the_reps(db_path):
    as_of = date(2026, 11, 20)
    for name, yuan in (("A", 500), ("B", 300), ("C", 100), ("D", 50)):
        order(Customer.create(name=name, created=as_of), date(2026, 6, 1), yuan)
    assert [c.name for c in planning.key_accounts(as_of).customers] == ["A"]  # ⌈4 × 20%⌉ = 1
    preferences.save({"planning.key_account_percent": 50})
    assert [c.name for c in planning.key_accounts(as_of).customers] == ["A", "B"]  # ⌈4 × 50%⌉


def test_new_long_term_customers(db_path):
    as_of = date(2026, 11, 30)
    quick = Customer.create(name="复购快", created=as_of)
    order(quick, date(2026, 11, 2), 100)
    order(quick, date(2026, 11, 25), 100)  # second order within 90 days
    once = Customer.create(name="只买一次", created=as_of)
    order(once, date(2026, 11, 5), 100)
    old = Customer.create(name="老客户", created=as_of)
    order(old, date(2026, 9, 1), 100)
    order(old, date(2026, 11, 3), 100)  # not new this month
    assert planning.new_long_term_customers(NOV, as_of) == 1


def test_average_order_of_the_three_months_before(customer):
    for day, yuan in (
        (date(2026, 8, 1), 1000),
        (date(2026, 9, 1), 2000),
        (date(2026, 10, 1), 3000),
        (date(2026, 11, 1), 9000),
    ):
        order(customer, day, yuan)
    # (1,000 + 2,000 + 3,000) ÷ 3 orders = 2,000 yuan
    assert planning.average_order_before(NOV) == yuan_to_fen(2000)


# -- market slicing, season, SWOT -----------------------------------------------------------


def test_slices_stage_mix_and_a_saturated_pool(db_path):
    Target.create(month=NOV, revenue_fen=yuan_to_fen(200000))
    for index in range(17):
        won = Customer.create(name=f"西湖{index}", area="西湖商圈", created=date(2026, 1, 1))
        order(won, date(2026, 3, 1), 100)
    MarketSlice.create(
        month=NOV, area="西湖商圈", share=Decimal("0.3"), market_stage="new", reachable_pool=20
    )
    MarketSlice.create(
        month=NOV, area="滨江高新区", share=Decimal("0.7"), market_stage="mature", reachable_pool=40
    )
    west, river = planning.slices(NOV)
    # 30% of 200,000 = 60,000; new market: 60% from new customers; 3 of 20 left (15% < 20%)
    assert (west.revenue_fen, west.new_share, west.won, west.saturated) == (
        yuan_to_fen(60000),
        Decimal("0.6"),
        17,
        True,
    )
    assert (river.revenue_fen, river.new_share, river.saturated) == (
        yuan_to_fen(140000),
        Decimal("0.5"),
        False,
    )
    MarketSlice.update(new_customer_share=Decimal("0.3")).where(
        MarketSlice.area == "西湖商圈"
    ).execute()
    assert planning.slices(NOV)[0].saturated is False  # leaning on repeat: no warning


def test_the_pool_is_estimated_from_its_inputs():
    # 200 new sites, competitors hold 40%, the rep reaches half: 200 × 0.6 × 0.5 = 60
    assert planning.estimated_pool(200, Decimal("0.4"), Decimal("0.5")) == 60
    # 33 × (1 − 0.1) × 0.5 = 14.85 → 14 (a part of a customer is not reachable)
    assert planning.estimated_pool(33, Decimal("0.1"), Decimal("0.5")) == 14
    # blank shares: none held by competitors, all reachable
    assert planning.estimated_pool(25, None, None) == 25
    assert planning.estimated_pool(None, Decimal("0.4"), Decimal("0.5")) is None
    assert planning.estimated_pool(0, None, None) is None


def test_the_saturation_warning_reads_the_estimated_pool(db_path):
    Target.create(month=NOV, revenue_fen=yuan_to_fen(100000))
    for index in range(17):
        won = Customer.create(name=f"西湖{index}", area="西湖商圈", created=date(2026, 1, 1))
        order(won, date(2026, 3, 1), 100)
    # typed pool 100 (83 left: no warning), but the inputs give 50 × (1 − 20%) × 50% = 20:
    # 3 of 20 left = 15% < 20% in a new market → saturated
    MarketSlice.create(
        month=NOV,
        area="西湖商圈",
        share=Decimal("1"),
        market_stage="new",
        reachable_pool=100,
        pool_prospects=50,
        pool_competitor_share=Decimal("0.2"),
        pool_reachable_share=Decimal("0.5"),
    )
    (west,) = planning.slices(NOV)
    assert (west.pool, west.pool_estimated, west.won, west.saturated) == (20, True, 17, True)
    # 60 prospects: 60 × 0.8 × 0.5 = 24, 7 of 24 left = 29% → not saturated
    MarketSlice.update(pool_prospects=60).execute()
    (west,) = planning.slices(NOV)
    assert (west.pool, west.saturated) == (24, False)
    # no prospects: the typed pool (100) again
    MarketSlice.update(pool_prospects=None).execute()
    (west,) = planning.slices(NOV)
    assert (west.pool, west.pool_estimated, west.saturated) == (100, False, False)


def test_the_season_factor_scales_the_base_target(db_path):
    from app.models import SeasonFactor

    assert planning.seasonal_target(NOV) is None
    db.set_setting(planning.BASE_TARGET_SETTING, yuan_to_fen(180000))
    SeasonFactor.create(month_of_year=11, factor=Decimal("1.2"))
    assert planning.seasonal_target(NOV) == yuan_to_fen(216000)  # 180,000 × 1.2
    assert planning.seasonal_target("2026-07") == yuan_to_fen(180000)  # no factor: × 1


def test_a_negotiation_weakness_moves_a_fifth_of_high_ticket_revenue(db_path):
    a = PlanLine.create(
        month=NOV,
        product="A",
        revenue_fen=yuan_to_fen(100000),
        average_order_fen=1,
        close_rate=Decimal("0.1"),
        high_ticket=True,
    )
    b = PlanLine.create(
        month=NOV,
        product="B",
        revenue_fen=yuan_to_fen(100000),
        average_order_fen=1,
        close_rate=Decimal("0.2"),
    )
    c = PlanLine.create(
        month=NOV,
        product="C",
        revenue_fen=yuan_to_fen(50000),
        average_order_fen=1,
        close_rate=Decimal("0.2"),
    )
    assert not planning.has_negotiation_weakness(NOV)
    SwotNote.create(month=NOV, kind="weakness", text="谈判弱", code="negotiation")
    assert planning.has_negotiation_weakness(NOV)
    shift = planning.negotiation_shift(NOV)
    # 20% of 100,000 = 20,000 moves; B gets 2/3 (13,333.33), C the rest (6,666.67)
    assert shift.moved_fen == yuan_to_fen(20000)
    assert shift.revenue == {
        a.id: yuan_to_fen(80000),
        b.id: yuan_to_fen("113333.33"),
        c.id: yuan_to_fen("56666.67"),
    }
    before = planning.apply_revenues(shift.revenue)
    assert sum(line.revenue_fen for line in planning.plan_lines(NOV)) == yuan_to_fen(250000)
    planning.apply_revenues(before)  # undo
    assert PlanLine.get_by_id(a.id).revenue_fen == yuan_to_fen(100000)


def test_saving_a_target_returns_what_undo_needs(db_path):
    assert planning.save_target(NOV, revenue_fen=yuan_to_fen(200000), effective_visits=60) is None
    before = planning.save_target(NOV, effective_visits=66, statement="开发10家制造业客户")
    assert before == {"effective_visits": 60, "statement": ""}
    assert Target.get().effective_visits == 66
    with pytest.raises(ValueError):
        planning.save_target(NOV, month="2026-12")
