"""Dashboard aggregates and the anomaly rule on hand-computed weeks."""

from datetime import date, timedelta
from fractions import Fraction

import pytest

from app import dashboard, figures, preferences
from app.figures import month_summary
from app.models import Activity, Channel, ChannelCost, Customer, Order
from app.money import yuan_to_fen

AS_OF = date(2026, 11, 20)


@pytest.fixture
def who(db_path):
    return Customer.create(name="甲", created=date(2026, 1, 1))


def week(who, monday, visits, deals):
    Activity.create(date=monday, kind="visit", count=visits)
    for _ in range(deals):
        Order.create(customer=who, date=monday, amount_fen=100_00)


def test_anomaly_weeks_as_the_contract_defines_them(who):
    week(who, date(2026, 9, 28), 20, 2)  # W40: 10%
    # W41 (5–11 Oct): no visits
    week(who, date(2026, 10, 12), 10, 2)  # W42: 20%
    week(who, date(2026, 10, 19), 15, 3)  # W43: 20%
    week(who, date(2026, 10, 26), 20, 1)  # W44 (26 Oct – 1 Nov, Sunday in November): 5%
    week(who, date(2026, 11, 2), 9, 0)  # W45: 0%, but under 10 visits
    week(who, date(2026, 11, 9), 12, 1)  # W46: 8.3%
    week(who, date(2026, 11, 16), 30, 0)  # W47: Sunday 22 Nov is after as-of
    found = dashboard.anomalies("2026-11", AS_OF)
    # W44: baseline = mean(10%, 20%, 20%) = 16.67% (W41 had no visits); 60% of it = 10%;
    # 5% < 10% → anomaly. W46: baseline = mean(20, 20, 5, 0) = 11.25%; 60% = 6.75% < 8.3%.
    assert [(a.week, a.value, a.baseline) for a in found] == [
        ("2026-W44", Fraction(1, 20), Fraction(1, 6))
    ]
    assert month_summary("2026-11", AS_OF)["anomalies"] == [
        {"week": "2026-W44", "metric": "close_rate", "value": 0.05, "baseline": 1 / 6}
    ]
    # the days the dashboard's trend already read (16 weeks) give the same weeks; days that
    # do not reach back to the baseline's first week are read again
    trend = dashboard.daily(date(2026, 8, 3), AS_OF)
    assert dashboard.anomalies("2026-11", AS_OF, trend) == found
    assert dashboard.anomalies("2026-11", AS_OF, trend[-20:]) == found


def test_a_week_without_a_baseline_is_no_anomaly(who):
    week(who, date(2026, 11, 2), 20, 0)  # 0%, but nothing before it
    assert dashboard.anomalies("2026-11", AS_OF) == []


def test_the_numbers_of_the_rule_are_settings(who):
    week(who, date(2026, 10, 26), 10, 2)  # 20%
    week(who, date(2026, 11, 2), 10, 1)  # 10%: half the baseline
    assert [a.week for a in dashboard.anomalies("2026-11", AS_OF)] == ["2026-W45"]
    preferences.save({"dashboard.anomaly_percent": 40})  # 10% is not below 40% of 20%
    assert dashboard.anomalies("2026-11", AS_OF) == []
    preferences.save({"dashboard.anomaly_percent": 60, "dashboard.anomaly_min_visits": 11})
    assert dashboard.anomalies("2026-11", AS_OF) == []  # 10 effective visits are too few


def test_daily_weekly_and_monthly_series(who):
    Activity.create(date=date(2026, 11, 2), kind="visit", count=3, effective_leads=1)
    Activity.create(date=date(2026, 11, 2), kind="visit", count=2, effective=False)
    Activity.create(date=date(2026, 11, 3), kind="executive_visit", count=1)
    Activity.create(date=date(2026, 11, 3), kind="call", count=7, effective_leads=2)
    Order.create(customer=who, date=date(2026, 11, 3), amount_fen=yuan_to_fen("84000.50"))
    Order.create(customer=who, date=date(2026, 11, 9), amount_fen=yuan_to_fen("15999.50"))
    days = dashboard.daily(date(2026, 11, 1), date(2026, 11, 10))
    assert len(days) == 10 and days[0].effective_visits == 0
    assert (days[1].effective_visits, days[1].effective_leads) == (3, 1)
    assert (days[2].effective_visits, days[2].calls, days[2].deals) == (1, 7, 1)
    weeks = dashboard.grouped(days, "week")
    assert [w.label for w in weeks] == ["2026-W44", "2026-W45", "2026-W46"]
    assert (weeks[1].effective_visits, weeks[1].deals, weeks[1].close_rate) == (
        4,
        1,
        Fraction(1, 4),
    )
    [month] = dashboard.grouped(days, "month")
    # (84,000.50 + 15,999.50) ÷ 2 = 50,000
    assert month.revenue_fen == yuan_to_fen(100000) and month.average_order == 50000_00


def test_channel_roi_through_as_of(who):
    referral = Channel.create(name="转介绍")
    fair = Channel.create(name="展会")
    Customer.update(channel=referral).execute()
    ChannelCost.create(channel=referral, month="2026-11", cost_fen=yuan_to_fen(800))
    ChannelCost.create(channel=fair, month="2026-11", cost_fen=yuan_to_fen(6000))
    Order.create(customer=who, date=date(2026, 11, 5), amount_fen=yuan_to_fen(8800))
    Order.create(customer=who, date=date(2026, 10, 5), amount_fen=yuan_to_fen(9999))
    Order.create(customer=who, date=AS_OF + timedelta(days=1), amount_fen=yuan_to_fen(500))
    rows = {r.channel: r for r in figures.build("2026-11", AS_OF).channels}
    assert rows["转介绍"].roi == Fraction(10)  # (8,800 − 800) ÷ 800
    assert rows["展会"].roi == Fraction(-1)  # (0 − 6,000) ÷ 6,000


def test_the_quick_entry_sets_the_days_totals_and_keeps_other_records(who):
    day = date(2026, 11, 20)
    Activity.create(date=day, kind="visit", count=2, effective_leads=1)  # imported
    assert dashboard.record(day) == dashboard.Record(2, 0, 1)
    before = dashboard.set_record(day, dashboard.Record(5, 8, 3))
    assert before == dashboard.Record(2, 0, 1)
    assert dashboard.record(day) == dashboard.Record(5, 8, 3)
    assert Activity.select().where(Activity.notes == dashboard.QUICK_NOTE).count() == 2
    dashboard.set_record(day, dashboard.Record(2, 0, 1))  # undo: quick rows go away
    assert Activity.select().count() == 1
    with pytest.raises(ValueError):
        dashboard.set_record(day, dashboard.Record(1, 0, 0))  # below the imported 2 visits


def test_last_months_same_period():
    assert dashboard.same_period_last_month("2026-11", AS_OF) == ("2026-10", date(2026, 10, 20))
    assert dashboard.same_period_last_month("2026-03", date(2026, 3, 31)) == (
        "2026-02",
        date(2026, 2, 28),
    )


def test_the_pareto_names_the_largest_customers_ties_by_name_and_follows_a_change(db_path):
    amounts = {"丁": 500, "乙": 300, "甲": 300, "丙": 100}  # yuan, in the last 12 months
    for name, yuan in amounts.items():
        customer = Customer.create(name=name, created=date(2025, 1, 1))
        Order.create(customer=customer, date=date(2026, 3, 1), amount_fen=yuan * 100)
    found = dashboard.pareto(AS_OF, 2)
    # 乙 and 甲 tie at ¥300: by name, 乙 (U+4E59) before 甲 (U+7532)
    assert found.top == [("丁", 500_00), ("乙", 300_00)]
    # the rest: 甲 300 + 丙 100 = ¥400 of ¥1,200; the top fifth: 4 ÷ 5 rounded up = 1
    assert (found.rest_customers, found.rest_fen, found.total_fen) == (2, 400_00, 1200_00)
    assert (found.top_fifth, found.top_fifth_fen) == (1, 500_00)
    assert found.share(found.top_fifth_fen) == Fraction(5, 12)  # 500 ÷ 1,200
    Order.create(customer=Customer.get(name="丙"), date=AS_OF, amount_fen=1000_00)
    # a change is seen at once (worked out once per change): 丙 now ¥1,100
    assert dashboard.pareto(AS_OF, 2).top == [("丙", 1100_00), ("丁", 500_00)]
