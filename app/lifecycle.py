"""Customer lifecycle: stages, churn signals, and the touchpoints the rules put on the calendar.

Events are derived from the data, never stored (so an import or an edit shows at once, and
`summary` needs to write nothing); the table `lifecycle_event` keeps what the rep did with
an event — done, snoozed to a date, skipped with a reason — keyed by customer, kind and due
date, and never loses it.

Every customer's touchpoints are derived once per change of the data over the weeks around
as-of (`near_span`: the Today list's 30 days back, the calendar's month and its neighbours,
the agenda, the board's week), and each caller takes its range from them (see
docs/lifecycle-at-scale.md): the Today list, the calendar, the agenda, the board and the
month's figures ask different ranges, and derived one by one they each cost a pass over
every customer.
"""

import calendar
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import NamedTuple

import peewee as pw
from lunardate import LunarDate

from app import db
from app.models import LIFECYCLE_KINDS, Customer, LifecycleEvent, Order, database
from app.workdays import add_months, month_bounds, month_of, previous_month, shift_month

KINDS = LIFECYCLE_KINDS  # the touchpoint kinds, in the order the window lists them
AGENDA_DAYS = 14
OVERDUE_DAYS = 30  # the Today list shows touchpoints up to 30 days overdue
NEW_DAYS, GROWTH_DAYS = 90, 365
RULES_SETTING = "lifecycle.rules"
DEFAULT_RULES = {
    "first_order_callback": {"on": True, "days": 3},
    "quarterly_callback": {"on": True, "months": 3},
    "annual_review": {"on": True, "months": 12},
    "renewal_demo": {"on": True, "months": 2},
    "birthday": {"on": True},
    "anniversary": {"on": True},
    "holiday_greeting": {"on": True, "holidays": ["spring_festival", "mid_autumn"]},
    "send_content": {"on": True},
    "win_back": {"on": True, "days": 7},
}
# Festivals: lunar ones through lunardate, solar ones by date.
LUNAR_FESTIVALS = {"spring_festival": (1, 1), "dragon_boat": (5, 5), "mid_autumn": (8, 15)}
SOLAR_FESTIVALS = {"new_year": (1, 1), "national_day": (10, 1)}
ORDERS_DOWN = "orders_down_2_months"
CONTACT_LEFT = "contact_left"


def rules() -> dict:
    """The rep's rule settings over the defaults (each rule: on/off and its timing)."""
    saved = db.get_setting(RULES_SETTING) or {}
    return {kind: {**default, **saved.get(kind, {})} for kind, default in DEFAULT_RULES.items()}


# -- dates ------------------------------------------------------------------------------------


@cache
def solar_day(year: int, month: int, day: int) -> date:
    """This year's day for a month and day; 29 February → 28 February in other years."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@cache
def lunar_day(year: int, month: int, day: int) -> date:
    """The solar date of a lunar month and day in lunar year `year`; a missing 30th → 29th."""
    try:
        return LunarDate(year, month, day).to_solar_date()
    except ValueError:
        return LunarDate(year, month, day - 1).to_solar_date()


@lru_cache(maxsize=1024)
def _month_day(text: str) -> tuple[int, int] | None:
    """`1985-10-08` or `10-08` → (10, 8)."""
    try:
        month, day = (int(part) for part in text[-5:].split("-"))
    except ValueError:
        return None
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


@lru_cache(maxsize=4096)  # every customer asks for the same festivals and few birthdays
def yearly(start: date, end: date, month: int, day: int, lunar: bool = False) -> tuple:
    """Each year's date of a (lunar or solar) month and day that falls in start..end."""
    found = []
    for year in range(start.year - 1, end.year + 1):
        try:
            when = lunar_day(year, month, day) if lunar else solar_day(year, month, day)
        except ValueError:
            continue
        if start <= when <= end:
            found.append(when)
    return tuple(found)


@lru_cache(maxsize=4096)  # customers share first-order dates
def stepping(first: date, months: int, start: date, end: date) -> tuple[date, ...]:
    """first + k × months (k ≥ 1, month ends clamped) that fall in start..end."""
    if months <= 0:
        return ()
    # start at the last step that can still fall in the range, not at the first order:
    # steps before it land in a month before start's
    k = max(1, ((start.year - first.year) * 12 + start.month - first.month) // months)
    found = []
    while True:
        when = add_months(first, months * k)
        if when > end:
            break
        if when >= start:
            found.append(when)
        k += 1
    return tuple(found)


# -- facts per customer ---------------------------------------------------------------------------

CUSTOMER_FIELDS = (
    Customer.id,
    Customer.name,
    Customer.created,
    Customer.birthday,
    Customer.birthday_lunar,
    Customer.founded,
    Customer.contract_end,
    Customer.contact_left,
    Customer.contact_left_on,
    Customer.stage_override,
    Customer.content_every_days,
)


class CustomerRow(NamedTuple):
    """A row of CUSTOMER_FIELDS."""

    id: int
    name: str
    created: date
    birthday: str
    birthday_lunar: bool
    founded: date | None
    contract_end: date | None
    contact_left: bool
    contact_left_on: date | None
    stage_override: str | None
    content_every_days: int | None


@dataclass(slots=True)
class Facts:
    """What the rules need of one customer, as of a day."""

    customer: CustomerRow
    first_order: date | None = None
    monthly: dict[str, int] = field(default_factory=dict)  # the 3 months m−2, m−1, m
    reasons: list[str] | None = None  # churn_reasons, once worked out


def facts(as_of: date, customer_ids: list[int] | None = None) -> list[Facts]:
    """Every customer's first order and order amounts in the 3 complete months before as-of,
    from two grouped queries; every customer's once per change of the data (the Today list,
    the board and the lifecycle tab all read them after each change)."""
    if customer_ids is None:
        return _every_customers_facts(as_of)
    return _facts(as_of, customer_ids)


@db.per_change
def _every_customers_facts(as_of: date) -> list[Facts]:
    return _facts(as_of, None)


def _facts(as_of: date, customer_ids: list[int] | None) -> list[Facts]:
    m = previous_month(month_of(as_of))
    months = [previous_month(previous_month(m)), previous_month(m), m]
    start, _ = month_bounds(months[0])
    _, end = month_bounds(m)
    # each customer's first order through the (customer, date) index, in the same query
    first_order = Order.select(pw.fn.MIN(Order.date)).where(
        (Order.customer == Customer.id) & (Order.date <= as_of)
    )
    query = Customer.select(*CUSTOMER_FIELDS, first_order)
    if customer_ids is not None:
        query = query.where(Customer.id.in_(customer_ids))
    # raw rows, not model instances: this runs over every customer after each change
    found = {}
    no_amounts = dict.fromkeys(months, 0)
    fromisoformat = date.fromisoformat
    for (
        customer_id,
        name,
        created,
        birthday,
        lunar,
        founded,
        contract_end,
        left,
        left_on,
        override,
        every,
        first,
    ) in database.execute(query).fetchall():
        found[customer_id] = Facts(
            CustomerRow(
                customer_id,
                name,
                fromisoformat(created),
                birthday,
                bool(lunar),
                fromisoformat(founded) if founded else None,
                fromisoformat(contract_end) if contract_end else None,
                bool(left),
                fromisoformat(left_on) if left_on else None,
                override,
                every,
            ),
            fromisoformat(first) if first else None,
            no_amounts.copy(),
        )
    # a page of customers (the customers table) reads only their orders
    theirs = Order.customer.in_(customer_ids) if customer_ids is not None else True
    month_expr = pw.fn.strftime("%Y-%m", Order.date)
    amounts = database.execute(
        Order.select(Order.customer, month_expr, pw.fn.SUM(Order.amount_fen))
        .where(Order.date.between(start, end) & theirs)
        .group_by(Order.customer, month_expr)
    )
    for customer_id, month, amount in amounts.fetchall():  # only the three months
        if customer_id in found:
            found[customer_id].monthly[month] = amount
    return list(found.values())


def churn_reasons(item: Facts) -> list[str]:
    """`orders_down_2_months` when m−2 > m−1 > m (m the last complete month before as-of);
    `contact_left` when the contact person has left."""
    if item.reasons is None:
        item.reasons = []
        two_before, one_before, last = item.monthly.values()
        if two_before > one_before > last:
            item.reasons.append(ORDERS_DOWN)
        if item.customer.contact_left:
            item.reasons.append(CONTACT_LEFT)
    return item.reasons


def stage(item: Facts, as_of: date) -> str | None:
    """declining (churn signal), new (first order ≤ 90 days ago), growth (≤ 365), mature;
    the rep's override wins; None for a customer without orders."""
    if item.customer.stage_override:
        return item.customer.stage_override
    if churn_reasons(item):
        return "declining"
    if item.first_order is None:
        return None
    age = (as_of - item.first_order).days
    return "new" if age <= NEW_DAYS else "growth" if age <= GROWTH_DAYS else "mature"


def churn_detected(item: Facts, as_of: date) -> date | None:
    """When the churn signal was first seen: the 1st of the month after m for falling orders
    (the day m completed), the day the contact left was recorded; the earlier of the two."""
    reasons = churn_reasons(item)
    days = []
    if ORDERS_DOWN in reasons:
        days.append(month_bounds(month_of(as_of))[0])
    if CONTACT_LEFT in reasons:
        days.append(item.customer.contact_left_on or as_of)
    return min(days) if days else None


# -- events -------------------------------------------------------------------------------------


@dataclass
class Event:
    customer_id: int
    customer: str
    kind: str
    due: date  # the rule's date: the key the rep's marks are stored under
    status: str = "due"  # due, done, snoozed, skipped
    snoozed_to: date | None = None
    skip_reason: str = ""

    @property
    def date(self) -> date:
        """The day it counts on: a snoozed event at its snooze date."""
        return self.snoozed_to if self.status == "snoozed" and self.snoozed_to else self.due

    @property
    def key(self) -> tuple[int, str, date]:
        return (self.customer_id, self.kind, self.due)


def festival_days(start: date, end: date, rule: dict) -> tuple[date, ...]:
    """The chosen festivals' dates in start..end (the same for every customer)."""
    days = []
    for name in rule["holiday_greeting"]["holidays"]:
        if name in LUNAR_FESTIVALS:
            days += yearly(start, end, *LUNAR_FESTIVALS[name], lunar=True)
        elif name in SOLAR_FESTIVALS:
            days += yearly(start, end, *SOLAR_FESTIVALS[name])
    return tuple(days)


@dataclass(frozen=True)
class RulesForRange:
    """The touchpoint rules resolved once for a date range (which are on, their timings, the
    festivals in the range), so that each of many customers costs only its own dates."""

    as_of: date
    start: date
    end: date
    first_order_days: int | None  # None: the rule is off
    quarterly_months: int | None
    annual_months: int | None
    renewal_months: int | None
    birthday: bool
    anniversary: bool
    festivals: tuple[date, ...]  # () when greetings are off
    send_content: bool
    win_back_days: int | None
    _birthdays: dict = field(default_factory=dict, compare=False, repr=False)
    _repeats: dict = field(default_factory=dict, compare=False, repr=False)

    def repeats(self, first_order: date) -> tuple[tuple[date, ...], tuple[date, ...]]:
        """The quarterly callbacks' and the annual reviews' dates in range for a first
        order (customers share first-order dates: each is worked out once)."""
        found = self._repeats.get(first_order)
        if found is None:
            quarterly, annual = self.quarterly_months, self.annual_months
            found = (
                () if quarterly is None else stepping(first_order, quarterly, self.start, self.end),
                () if annual is None else stepping(first_order, annual, self.start, self.end),
            )
            self._repeats[first_order] = found
        return found

    def birthdays(self, text: str, lunar: bool) -> tuple[date, ...]:
        """The dates in range of a birthday as stored (`1985-10-08` or `10-08`)."""
        key = (text, lunar)
        found = self._birthdays.get(key)
        if found is None:
            month_day = _month_day(text)
            found = yearly(self.start, self.end, *month_day, lunar) if month_day else ()
            self._birthdays[key] = found
        return found

    @classmethod
    def of(cls, as_of: date, start: date, end: date, rule: dict) -> "RulesForRange":
        def timing(kind, unit):
            return rule[kind][unit] if rule[kind]["on"] else None

        return cls(
            as_of,
            start,
            end,
            timing("first_order_callback", "days"),
            timing("quarterly_callback", "months"),
            timing("annual_review", "months"),
            timing("renewal_demo", "months"),
            rule["birthday"]["on"],
            rule["anniversary"]["on"],
            festival_days(start, end, rule) if rule["holiday_greeting"]["on"] else (),
            rule["send_content"]["on"],
            timing("win_back", "days"),
        )


def derived(item: Facts, window: "RulesForRange") -> list[Event]:
    """The touchpoints the rules put in the window's range for one customer."""
    customer = item.customer
    return [Event(customer.id, customer.name, kind, due) for kind, due in touchpoints(item, window)]


def touchpoints(item: Facts, window: "RulesForRange") -> list[tuple[str, date]]:
    """(kind, due date) of each touchpoint the rules put in the window's range for one
    customer, in the rules' order."""
    customer = item.customer
    first_order = item.first_order
    if first_order is None and not (
        customer.contract_end
        or customer.birthday
        or customer.founded
        or customer.content_every_days
        or customer.contact_left
    ):
        return []  # no orders and no dates: no rule has anything to say
    as_of, start, end = window.as_of, window.start, window.end
    found: list[tuple[str, date]] = []
    if first_order:
        if window.first_order_days is not None:
            due = first_order + timedelta(days=window.first_order_days)
            if start <= due <= end:
                found.append(("first_order_callback", due))
        # the repeating callbacks' dates first (shared by customers of the same first
        # order); the stage, which picks one of them, only when there is a date
        quarterly, annual = window.repeats(first_order)
        if quarterly or annual:
            current = stage(item, as_of)
            if current == "growth":
                found += [("quarterly_callback", d) for d in quarterly]
            elif current == "mature":
                found += [("annual_review", d) for d in annual]
    if customer.contract_end and window.renewal_months is not None:
        due = add_months(customer.contract_end, -window.renewal_months)
        if start <= due <= end:
            found.append(("renewal_demo", due))
    if customer.birthday and window.birthday:
        found += [
            ("birthday", d) for d in window.birthdays(customer.birthday, customer.birthday_lunar)
        ]
    if customer.founded and window.anniversary:
        found += [
            ("anniversary", d)
            for d in yearly(start, end, customer.founded.month, customer.founded.day)
            if d > customer.founded
        ]
    if first_order:
        found += [("holiday_greeting", d) for d in window.festivals]
    if customer.content_every_days and window.send_content:
        every = timedelta(days=customer.content_every_days)
        due = customer.created + every
        if due < start:  # jump to the last step before the range
            due += every * ((start - due).days // customer.content_every_days)
        while due <= end:
            if due >= start:
                found.append(("send_content", due))
            due += every
    if window.win_back_days is not None and churn_reasons(item):
        due = churn_detected(item, as_of) + timedelta(days=window.win_back_days)
        if start <= due <= end:
            found.append(("win_back", due))
    return found


def events(
    as_of: date,
    start: date,
    end: date,
    customer_ids: list[int] | None = None,
    items: list[Facts] | None = None,
) -> list[Event]:
    """Every touchpoint in start..end (by the day it counts on) with the rep's marks.

    A snoozed event counts at its snooze date; done and skipped events are included (the
    calendar shows them) — filter on `status` for what is still to do. Every customer's
    (`customer_ids` and `items` None, or `items` the facts of every customer) are taken
    from the touchpoints derived once per change (see `DerivedSpan`).
    """
    if customer_ids is None and db.data_state() is not None:
        if items is None or _every_customer(items, as_of):
            span = derived_span(as_of, *span_for(as_of, start, end))
            return _with_marks(span.between(start, end), start, end, span.names, marks())
    window = RulesForRange.of(as_of, start, end, rules())
    if items is None:
        items = facts(as_of, customer_ids)
    found = []
    for item in items:
        found += derived(item, window)
    names = {item.customer.id: item.customer.name for item in items}
    query = LifecycleEvent.select().where(LifecycleEvent.status != "due")
    if customer_ids is not None:
        query = query.where(LifecycleEvent.customer.in_(customer_ids))
    return _with_marks(found, start, end, names, _mark_rows(query))


def _with_marks(
    found: list[Event], start: date, end: date, names: dict[int, str], mark_rows: list[tuple]
) -> list[Event]:
    """The events derived in start..end with the rep's marks on them, by the day each counts
    on (then customer and kind)."""
    by_key = {event.key: event for event in found}
    # the rep's marks: they change the status of the events above, and bring in the events
    # from before the range that were snoozed into it (a mark holds all an event needs)
    for customer_id, kind, due, status, snoozed_to, skip_reason in mark_rows:
        key = (customer_id, kind, due)
        event = by_key.get(key) or Event(customer_id, names.get(customer_id, ""), kind, due)
        event.status, event.snoozed_to, event.skip_reason = status, snoozed_to, skip_reason
        by_key[key] = event
    return sorted(
        (e for e in by_key.values() if start <= e.date <= end),
        key=lambda e: (e.date, e.customer, e.kind),
    )


def _mark_rows(query) -> list[tuple]:
    return [
        (mark.customer_id, mark.kind, mark.due, mark.status, mark.snoozed_to, mark.skip_reason)
        for mark in query
    ]


@db.per_change
def marks() -> list[tuple]:
    """The rep's marks (customer id, kind, due, status, snoozed to, skip reason) of every
    event not left as due, once per change."""
    return _mark_rows(LifecycleEvent.select().where(LifecycleEvent.status != "due"))


def _every_customer(items: list[Facts], as_of: date) -> bool:
    """Whether `items` are every customer's facts as `facts(as_of)` keeps them now."""
    kept = facts(as_of)
    return len(items) == len(kept) and all(a is b for a, b in zip(items, kept, strict=True))


def near_span(as_of: date) -> tuple[date, date]:
    """The days the app asks touchpoints for around as-of: from the 1st of the month before
    (and at least the Today list's 30 days back) to the end of the month after (the
    calendar's month with the weeks it shows of its neighbours, the agenda's 14 days, the
    board's week ahead)."""
    month = month_of(as_of)
    start = min(month_bounds(previous_month(month))[0], as_of - timedelta(days=OVERDUE_DAYS))
    return start, month_bounds(shift_month(month, 1))[1]


def span_for(as_of: date, start: date, end: date) -> tuple[date, date]:
    """The span to derive for a range: the weeks around as-of when it lies within them, else
    the range's months with a month either side (the calendar paged to another month
    asks its grid and then its agenda)."""
    near_start, near_end = near_span(as_of)
    if near_start <= start and end <= near_end:
        return near_start, near_end
    before = month_bounds(previous_month(month_of(start)))[0]
    return before, month_bounds(shift_month(month_of(end), 1))[1]


class DerivedSpan:
    """Every customer's touchpoints over a span, derived in one pass: kept in the order
    they were derived (customer, then the rules' order) and found by due date."""

    def __init__(self, as_of: date, start: date, end: date):
        window = RulesForRange.of(as_of, start, end, rules())
        items = facts(as_of)
        rows = []
        for item in items:
            customer = item.customer
            for kind, due in touchpoints(item, window):
                rows.append((due, len(rows), customer.id, customer.name, kind))
        rows.sort()
        self.rows = rows
        self.dues = [row[0] for row in rows]
        self.names = {item.customer.id: item.customer.name for item in items}

    def between(self, start: date, end: date) -> list[Event]:
        """New events (the caller's to mark) due in start..end, in the order derived."""
        found = self.rows[bisect_left(self.dues, start) : bisect_right(self.dues, end)]
        found.sort(key=lambda row: row[1])
        return [Event(customer_id, name, kind, due) for due, _, customer_id, name, kind in found]


@db.per_change
def derived_span(as_of: date, start: date, end: date) -> DerivedSpan:
    """Every customer's touchpoints in start..end, once per change of the data."""
    return DerivedSpan(as_of, start, end)


def due_events(
    as_of: date, start: date, end: date, items: list[Facts] | None = None
) -> list[Event]:
    """The events in start..end still to do (not done, not skipped)."""
    return [e for e in events(as_of, start, end, items=items) if e.status in ("due", "snoozed")]


def churn_warnings(as_of: date, items: list[Facts] | None = None) -> list[tuple]:
    """(customer row, reasons) of each customer with a churn signal, by name."""
    items = facts(as_of) if items is None else items
    return sorted(
        ((item.customer, churn_reasons(item)) for item in items if churn_reasons(item)),
        key=lambda pair: pair[0].name,
    )


def churned_since(as_of: date, items: list[Facts] | None = None) -> list[tuple]:
    """The customers with a churn signal and the day it was first seen."""
    items = facts(as_of) if items is None else items
    return sorted(
        ((item.customer, churn_detected(item, as_of)) for item in items if churn_reasons(item)),
        key=lambda pair: pair[0].name,
    )


def stages(as_of: date, customer_ids: list[int] | None = None) -> dict[int, str | None]:
    return {item.customer.id: stage(item, as_of) for item in facts(as_of, customer_ids)}


# -- the rep's marks ---------------------------------------------------------------------------


def _mark(event_key: tuple[int, str, date], **values) -> dict | None:
    """Store a mark; returns the former mark (None when there was none), for undo."""
    customer_id, kind, due = event_key
    with database.atomic():
        row = LifecycleEvent.get_or_none(customer=customer_id, kind=kind, due=due)
        before = (
            None
            if row is None
            else {
                "status": row.status,
                "snoozed_to": row.snoozed_to,
                "skip_reason": row.skip_reason,
                "done_on": row.done_on,
            }
        )
        if row is None:
            LifecycleEvent.create(customer=customer_id, kind=kind, due=due, **values)
        else:
            LifecycleEvent.update(**values).where(LifecycleEvent.id == row.id).execute()
    return before


def mark_done(event_key, today: date) -> dict | None:
    return _mark(event_key, status="done", done_on=today, snoozed_to=None)


def snooze(event_key, to: date) -> dict | None:
    return _mark(event_key, status="snoozed", snoozed_to=to)


def skip(event_key, reason: str) -> dict | None:
    return _mark(event_key, status="skipped", skip_reason=reason.strip())


def restore_mark(event_key, before: dict | None) -> None:
    """Undo a mark: put the former one back, or none."""
    customer_id, kind, due = event_key
    if before is None:
        LifecycleEvent.delete().where(
            (LifecycleEvent.customer == customer_id)
            & (LifecycleEvent.kind == kind)
            & (LifecycleEvent.due == due)
        ).execute()
    else:
        _mark(event_key, **before)


def set_stage_override(customer_id: int, value: str | None) -> str | None:
    customer = Customer.get_by_id(customer_id)
    Customer.update(stage_override=value).where(Customer.id == customer_id).execute()
    return customer.stage_override


def set_content_rhythm(customer_id: int, days: int | None) -> int | None:
    """Send value-added content to this customer every `days` days (None: never)."""
    customer = Customer.get_by_id(customer_id)
    Customer.update(content_every_days=days or None).where(Customer.id == customer_id).execute()
    return customer.content_every_days


def agenda(start: date, as_of: date) -> list[Event]:
    """From `start` through 14 days after as-of."""
    return events(as_of, start, as_of + timedelta(days=AGENDA_DAYS))
