"""Lifecycle rules on hand-built customer histories, every edge case of docs/reference.md."""

from datetime import date, timedelta

import pytest

from app import db, lifecycle
from app.figures import month_summary
from app.models import Customer, LifecycleEvent, Order
from app.money import yuan_to_fen

AS_OF = date(2026, 11, 20)


def customer(name="甲", **fields):
    return Customer.create(name=name, created=date(2020, 1, 1), **fields)


def order(who, day, yuan=1000):
    Order.create(customer=who, date=day, amount_fen=yuan_to_fen(yuan))


def kinds_and_dates(as_of, start, end, **options):
    return [(e.kind, e.date) for e in lifecycle.events(as_of, start, end, **options)]


@pytest.fixture(autouse=True)
def only(db_path):
    """Holiday greetings off unless a test asks: they would fill every customer's calendar."""
    db.set_setting(lifecycle.RULES_SETTING, {"holiday_greeting": {"on": False}})


# -- dates ----------------------------------------------------------------------------------


def test_a_contract_ending_31_march_gets_its_renewal_demo_on_31_january():
    who = customer(contract_end=date(2027, 3, 31))
    events = kinds_and_dates(AS_OF, date(2027, 1, 1), date(2027, 1, 31))
    assert events == [("renewal_demo", date(2027, 1, 31))]
    assert who.id


def test_a_29_february_birthday_falls_on_28_february_in_other_years():
    customer(birthday="1988-02-29")
    assert kinds_and_dates(AS_OF, date(2027, 2, 1), date(2027, 3, 31)) == [
        ("birthday", date(2027, 2, 28))
    ]
    assert kinds_and_dates(AS_OF, date(2028, 2, 1), date(2028, 3, 31)) == [
        ("birthday", date(2028, 2, 29))
    ]


def test_a_birthday_written_oddly_still_falls_on_its_day():
    """As a file from elsewhere may hold it: `1-08` is 8 January; `13-01` is no day."""
    customer("甲", birthday="1-08")
    customer("乙", birthday="13-01")
    assert kinds_and_dates(AS_OF, date(2027, 1, 1), date(2027, 1, 31)) == [
        ("birthday", date(2027, 1, 8))
    ]


def test_a_lunar_birthday_is_this_years_solar_day():
    customer(birthday="1985-10-08", birthday_lunar=True)  # 农历十月初八
    assert kinds_and_dates(AS_OF, date(2026, 11, 1), date(2026, 11, 30)) == [
        ("birthday", date(2026, 11, 16))
    ]


def test_a_lunar_30th_missing_this_year_falls_on_the_29th():
    customer(birthday="02-30", birthday_lunar=True)  # lunar 2nd month has 29 days in 2026
    assert kinds_and_dates(AS_OF, date(2026, 4, 1), date(2026, 4, 30)) == [
        ("birthday", date(2026, 4, 16))
    ]  # 农历二月廿九


def test_company_anniversary_yearly_from_the_founded_date():
    customer(founded=date(2008, 12, 3))
    assert kinds_and_dates(AS_OF, date(2026, 12, 1), date(2026, 12, 31)) == [
        ("anniversary", date(2026, 12, 3))
    ]


def test_holiday_greetings_for_the_festivals_the_rep_picks():
    db.set_setting(
        lifecycle.RULES_SETTING,
        {"holiday_greeting": {"on": True, "holidays": ["spring_festival", "national_day"]}},
    )
    who = customer()
    order(who, date(2026, 1, 5))
    events = kinds_and_dates(AS_OF, date(2026, 9, 1), date(2027, 2, 28))
    assert ("holiday_greeting", date(2026, 10, 1)) in events
    assert ("holiday_greeting", date(2027, 2, 6)) in events  # 正月初一 2027
    assert ("holiday_greeting", date(2026, 9, 25)) not in events  # Mid-Autumn not picked


# -- stages and stage events ---------------------------------------------------------------


@pytest.mark.parametrize(
    "first, expected",
    [
        (date(2026, 8, 22), "new"),  # 90 days before as-of
        (date(2026, 8, 21), "growth"),  # 91 days
        (date(2025, 11, 20), "growth"),  # 365 days
        (date(2025, 11, 19), "mature"),  # 366 days
    ],
)
def test_stage_by_the_age_of_the_first_order(first, expected):
    who = customer()
    order(who, first)
    assert lifecycle.stages(AS_OF)[who.id] == expected


def test_no_orders_no_stage_and_no_stage_events():
    who = customer()
    assert lifecycle.stages(AS_OF)[who.id] is None
    assert kinds_and_dates(AS_OF, date(2026, 1, 1), date(2027, 12, 31)) == []


def test_the_rep_can_override_the_stage():
    who = customer()
    order(who, date(2026, 11, 1))
    lifecycle.set_stage_override(who.id, "mature")
    assert lifecycle.stages(AS_OF)[who.id] == "mature"


def test_new_customers_get_a_callback_3_days_after_the_first_order():
    who = customer()
    order(who, date(2026, 11, 10))
    assert kinds_and_dates(AS_OF, date(2026, 11, 1), date(2026, 11, 30)) == [
        ("first_order_callback", date(2026, 11, 13))
    ]
    assert who.id


def test_growth_customers_get_a_callback_every_3_months_from_the_first_order():
    who = customer()
    order(who, date(2026, 5, 31))  # growth on 20 November (173 days)
    events = kinds_and_dates(AS_OF, date(2026, 6, 1), date(2027, 3, 31))
    assert [d for kind, d in events if kind == "quarterly_callback"] == [
        date(2026, 8, 31),
        date(2026, 11, 30),
        date(2027, 2, 28),
    ]  # month ends clamped
    assert who.id


def test_mature_customers_get_an_annual_review_on_the_first_order_anniversary():
    who = customer()
    order(who, date(2024, 12, 2))
    assert kinds_and_dates(AS_OF, date(2026, 11, 1), date(2026, 12, 31)) == [
        ("annual_review", date(2026, 12, 2))
    ]
    assert who.id


# -- churn --------------------------------------------------------------------------------------


def test_orders_down_two_months_in_a_row_is_a_churn_signal():
    # m = October (the last complete month before 20 November): Aug 300 > Sep 200 > Oct 100
    falling = customer("下滑")
    for day, yuan in ((date(2026, 8, 5), 300), (date(2026, 9, 5), 200), (date(2026, 10, 5), 100)):
        order(falling, day, yuan)
    flat = customer("持平")
    for day, yuan in ((date(2026, 8, 5), 300), (date(2026, 9, 5), 200), (date(2026, 10, 5), 200)):
        order(flat, day, yuan)
    left = customer("对接人离职", contact_left=True, contact_left_on=date(2026, 11, 2))
    order(left, date(2026, 1, 5))
    warnings = [(c.name, reasons) for c, reasons in lifecycle.churn_warnings(AS_OF)]
    assert warnings == [("下滑", ["orders_down_2_months"]), ("对接人离职", ["contact_left"])]
    assert lifecycle.stages(AS_OF)[falling.id] == "declining"
    # win-back 7 days after first detection: the signal held from 1 November (October
    # complete) → 8 November; the contact's leaving was recorded 2 November → 9 November
    events = kinds_and_dates(AS_OF, date(2026, 11, 1), date(2026, 11, 30))
    assert ("win_back", date(2026, 11, 8)) in events and ("win_back", date(2026, 11, 9)) in events
    assert month_summary("2026-11", AS_OF)["churn_warnings"] == [
        {"customer": "下滑", "reasons": ["orders_down_2_months"]},
        {"customer": "对接人离职", "reasons": ["contact_left"]},
    ]


def test_a_customer_that_recovers_loses_the_warning():
    who = customer("下滑")
    for day, yuan in ((date(2026, 8, 5), 300), (date(2026, 9, 5), 200), (date(2026, 10, 5), 100)):
        order(who, day, yuan)
    assert lifecycle.churn_warnings(AS_OF)
    order(who, date(2026, 11, 12), 500)  # November up again: by December, Sep > Oct < Nov
    assert lifecycle.churn_warnings(date(2026, 12, 3)) == []
    assert lifecycle.stages(date(2026, 12, 3))[who.id] == "growth"


# -- the rep's marks and the summary ---------------------------------------------------------


def test_done_and_snoozed_marks_survive_any_regeneration():
    who = customer(contract_end=date(2027, 1, 20), birthday="11-25")
    order(who, date(2026, 11, 10))
    callback = (who.id, "first_order_callback", date(2026, 11, 13))
    renewal = (who.id, "renewal_demo", date(2026, 11, 20))
    lifecycle.mark_done(callback, AS_OF)
    lifecycle.snooze(renewal, date(2026, 11, 27))
    order(who, date(2026, 11, 18))  # more data: everything is derived again
    Customer.update(industry="制造业").where(Customer.id == who.id).execute()
    events = {
        (e.kind, e.status, e.date)
        for e in lifecycle.events(AS_OF, date(2026, 11, 1), date(2026, 12, 4))
    }
    assert ("first_order_callback", "done", date(2026, 11, 13)) in events
    assert ("renewal_demo", "snoozed", date(2026, 11, 27)) in events
    due = month_summary("2026-11", AS_OF)["lifecycle_due"]
    # done is not listed; the snoozed demo counts at its snooze date
    assert due == [
        {"date": "2026-11-25", "customer": "甲", "kind": "birthday"},
        {"date": "2026-11-27", "customer": "甲", "kind": "renewal_demo"},
    ]
    assert LifecycleEvent.select().count() == 2


def test_skipping_keeps_the_reason_and_undo_restores():
    who = customer(birthday="11-25")
    key = (who.id, "birthday", date(2026, 11, 25))
    assert lifecycle.skip(key, "客户不过生日") is None
    [event] = lifecycle.events(AS_OF, date(2026, 11, 25), date(2026, 11, 25))
    assert (event.status, event.skip_reason) == ("skipped", "客户不过生日")
    assert month_summary("2026-11", AS_OF)["lifecycle_due"] == []
    lifecycle.restore_mark(key, None)
    assert lifecycle.events(AS_OF, date(2026, 11, 25), date(2026, 11, 25))[0].status == "due"


def test_lifecycle_due_runs_from_the_1st_through_14_days_after_as_of():
    customer("月初", birthday="11-01")
    customer("两周后", birthday="12-04")  # 20 November + 14 days: included
    customer("太远", birthday="12-05")
    customer("上月", birthday="10-31")
    due = month_summary("2026-11", AS_OF)["lifecycle_due"]
    assert [(d["customer"], d["date"]) for d in due] == [
        ("月初", "2026-11-01"),
        ("两周后", "2026-12-04"),
    ]


def test_each_rule_can_be_switched_off_and_retimed():
    who = customer(birthday="11-25")
    order(who, date(2026, 11, 10))
    db.set_setting(
        lifecycle.RULES_SETTING,
        {
            "birthday": {"on": False},
            "first_order_callback": {"days": 2},
            "holiday_greeting": {"on": False},
        },
    )
    assert kinds_and_dates(AS_OF, date(2026, 11, 1), date(2026, 11, 30)) == [
        ("first_order_callback", date(2026, 11, 12))
    ]


def test_repeating_callbacks_fall_where_walking_month_by_month_from_the_first_order_lands():
    """SQL works the callbacks out by month numbers; walking k × months from the first order
    (month ends clamped: 31 Jan + 1 month → 28 Feb) must land on the same days."""
    from app.workdays import add_months

    def walked(first, months, start, end):
        found, k = [], 1
        while (when := add_months(first, months * k)) <= end:
            if when >= start:
                found.append(when)
            k += 1
        return found

    firsts = (date(2023, 1, 31), date(2024, 2, 29), date(2026, 11, 15))
    for first in firsts:
        who = customer(f"customer {first}", stage_override="growth")
        order(who, first)
    for months in (1, 3, 12):
        db.set_setting(
            lifecycle.RULES_SETTING,
            {
                "quarterly_callback": {"months": months},
                "first_order_callback": {"on": False},
                "holiday_greeting": {"on": False},
            },
        )
        for start in (date(2023, 1, 1), date(2026, 3, 31), date(2026, 11, 20)):
            end = start + timedelta(days=400)
            found = lifecycle.events(date(2027, 12, 31), start, end)
            for first in firsts:
                assert [e.due for e in found if e.customer == f"customer {first}"] == walked(
                    first, months, start, end
                ), (first, months, start)


# -- once per change ------------------------------------------------------------------------


def test_every_customers_touchpoints_are_derived_once_per_change(demo_db, monkeypatch):
    """The Today list, the calendar's grid and agenda, the board and the month's figures ask
    different ranges near as-of: one pass over the customers serves them all until the data
    changes, and each range is what deriving it alone for the customers by id finds (the
    marks included: a birthday snoozed into a range from before it)."""
    db.set_setting(lifecycle.RULES_SETTING, {})  # every rule on, greetings included
    LifecycleEvent.create(
        customer=Customer.select().first(),
        kind="birthday",
        due=date(2026, 9, 1),
        status="snoozed",
        snoozed_to=date(2026, 11, 21),
    )
    passes = []
    derive = lifecycle._derive

    def counted(as_of, start, end, customer_ids=None, by_date=False):
        passes.append(customer_ids is None)
        return derive(as_of, start, end, customer_ids, by_date)

    monkeypatch.setattr(lifecycle, "_derive", counted)
    every = [c.id for c in Customer.select(Customer.id)]
    ranges = [
        (AS_OF - timedelta(days=30), AS_OF),  # Today: 30 days overdue at most
        (date(2026, 10, 26), date(2026, 12, 6)),  # the calendar's six weeks
        (AS_OF, AS_OF + timedelta(days=14)),  # the agenda
        (AS_OF - timedelta(days=7), AS_OF + timedelta(days=7)),  # the board
        (date(2026, 11, 1), AS_OF + timedelta(days=14)),  # the month's figures
    ]
    for start, end in ranges:
        shared = lifecycle.events(AS_OF, start, end)
        alone = lifecycle.events(AS_OF, start, end, customer_ids=every)
        assert [vars(e) for e in shared] == [vars(e) for e in alone]
        assert shared
    # one pass over every customer for the five ranges; each by id is a pass of its own
    assert (passes.count(True), passes.count(False)) == (1, len(ranges))
    snoozed = lifecycle.events(AS_OF, AS_OF, AS_OF + timedelta(days=1))
    assert ("birthday", date(2026, 11, 21), "snoozed") in [
        (e.kind, e.date, e.status) for e in snoozed
    ]
    passes.clear()
    db.set_setting("something", 1)  # a change: derived again, once
    lifecycle.events(AS_OF, AS_OF, AS_OF + timedelta(days=14))
    lifecycle.events(AS_OF, AS_OF - timedelta(days=7), AS_OF + timedelta(days=7))
    assert passes == [True]
    # a month far from as-of: its own span, once
    passes.clear()
    lifecycle.events(AS_OF, date(2027, 5, 1), date(2027, 5, 31))
    lifecycle.events(AS_OF, date(2027, 5, 10), date(2027, 5, 24))
    assert passes == [True]
