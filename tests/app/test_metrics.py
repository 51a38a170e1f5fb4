"""The month's figures by docs/reference.md's definitions, on data small enough to add by hand."""

from datetime import date

import pytest

from app.figures import month_summary
from app.models import Activity, Customer, Order
from app.money import yuan_to_fen

AS_OF = date(2026, 11, 20)


@pytest.fixture
def month_data(db_path):
    def customer(name):
        return Customer.create(name=name, created=date(2026, 10, 1))

    jia, yi, bing = customer("甲公司"), customer("乙公司"), customer("丙公司")
    for who, day, yuan in (
        (jia, date(2026, 10, 5), "10000.00"),  # October: not this month
        (jia, date(2026, 11, 10), "84000.50"),
        (yi, date(2026, 11, 3), "12345.67"),  # 乙's first order: a new customer in November
        (yi, date(2026, 11, 20), "3000.00"),  # on as-of: included
        (bing, date(2026, 11, 21), "700.00"),  # as-of + 1: not yet
        (bing, date(2026, 11, 25), "5000.00"),  # after as-of: not yet
    ):
        Order.create(customer=who, date=day, amount_fen=yuan_to_fen(yuan))
    for day, kind, count, effective, leads in (
        (date(2026, 11, 2), "visit", 3, True, 1),
        (date(2026, 11, 3), "visit", 2, False, 0),  # not effective
        (date(2026, 11, 5), "executive_visit", 1, True, 0),
        (date(2026, 11, 6), "call", 7, True, 2),
        (date(2026, 11, 9), "follow_up", 4, True, 0),  # not a visit
        (date(2026, 10, 30), "visit", 5, True, 0),  # October
        (date(2026, 11, 21), "visit", 9, True, 0),  # after as-of
    ):
        Activity.create(
            date=day, kind=kind, count=count, effective=effective, effective_leads=leads
        )
    return db_path


def test_the_month_through_as_of(month_data):
    summary = month_summary("2026-11", AS_OF)
    assert summary["month"] == "2026-11"
    assert summary["as_of"] == "2026-11-20"
    assert summary["working_days"] == {"month": 21, "elapsed": 15}
    assert summary["actual"] == {
        "revenue": 99346.17,  # 84,000.50 + 12,345.67 + 3,000.00
        "deals": 3,
        "new_customers": 1,  # 乙; 甲 first ordered in October, 丙 after as-of
        "effective_visits": 4,  # 3 visits + 1 executive visit; the 2 ineffective don't count
        "effective_leads": 3,  # 1 + 2
        "calls": 7,
    }
    assert summary["close_rate"] == 0.75  # 3 deals ÷ 4 effective visits
    assert summary["average_order_value"] == 33115.39  # 99,346.17 ÷ 3, exact to the fen


def test_a_past_month_is_counted_whole(month_data):
    summary = month_summary("2026-10", AS_OF)
    assert summary["working_days"] == {"month": 18, "elapsed": 18}
    assert summary["actual"]["revenue"] == 10000.0
    assert summary["actual"]["new_customers"] == 1
    assert summary["close_rate"] == 0.2  # 1 deal ÷ 5 effective visits


def test_a_month_not_yet_begun_has_zeros_and_null_ratios(month_data):
    summary = month_summary("2026-12", AS_OF)
    # December 2026: Tuesday the 1st; 23 weekdays, no statutory holiday.
    assert summary["working_days"] == {"month": 23, "elapsed": 0}
    assert summary["actual"] == {
        "revenue": 0.0,
        "deals": 0,
        "new_customers": 0,
        "effective_visits": 0,
        "effective_leads": 0,
        "calls": 0,
    }
    assert summary["close_rate"] is None
    assert summary["average_order_value"] is None


def test_money_is_exact_to_the_fen():
    assert yuan_to_fen("84000.5") == 8400050
    assert yuan_to_fen("0.1") + yuan_to_fen("0.2") == yuan_to_fen("0.3")
    with pytest.raises(ValueError):
        yuan_to_fen("1.005")
