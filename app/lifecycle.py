"""Customer lifecycle: stages, churn signals, and the touchpoints the rules put on the calendar.

Events are derived from the data, never stored (so an import or an edit shows at once, and
`summary` needs to write nothing); the table `lifecycle_event` keeps what the rep did with
an event — done, snoozed to a date, skipped with a reason — keyed by customer, kind and due
date, and never loses it.

The facts and the rules run in SQLite, over every customer, and only the touchpoints in
the range asked come back (a heavy user has 20,000 customers; see
docs/lifecycle-at-scale.md). Every customer's touchpoints are derived once per change of
the data over the weeks around as-of (`near_span`), and each caller — the Today list, the
calendar, the agenda, the board, the month's figures — takes its range from them."""

import calendar
import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import NamedTuple

from lunardate import LunarDate

from app import db
from app.models import LIFECYCLE_KINDS, Customer, LifecycleEvent, database
from app.workdays import month_bounds, month_of, previous_month, shift_month

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
    if day <= 28:  # every month has it
        return date(year, month, day)
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


# -- the rules in SQL ----------------------------------------------------------------------------
#
# A heavy user has 20,000 customers and a range has touchpoints for a few hundred of them:
# the rules run in SQLite over every customer, which returns only the touchpoints (and only
# the customers asked for), instead of every customer's row read into Python and judged
# there (see docs/lifecycle-at-scale.md). What SQLite cannot work out — the lunar calendar,
# the festivals — Python gives it as small tables of dates for the range.

CUSTOMER_FIELDS = (
    "id",
    "name",
    "created",
    "birthday",
    "birthday_lunar",
    "founded",
    "contract_end",
    "contact_left",
    "contact_left_on",
    "stage_override",
    "content_every_days",
)

# A date's month as a number (year × 12 + month − 1) and its day
MONTH_NUMBER = "(CAST(substr({0}, 1, 4) AS INT) * 12 + CAST(substr({0}, 6, 2) AS INT) - 1)"
DAY = "CAST(substr({0}, 9, 2) AS INT)"

# Each customer's facts as of :as_of — the first order on or before it, whether the order
# amounts fell in each of the last 2 complete months (m−2 > m−1 > m), the day a churn
# signal was first seen (the 1st of as-of's month for falling orders, the day the contact
# left), and the stage (the rep's override; declining on a churn signal; new ≤ 90 days
# after the first order, growth ≤ 365, mature; none without orders).
# The customers whose order totals of the three complete months before as-of fell,
# m−2 > m−1 > m (through the (date, customer, amount) index): read once per change and
# given to the statements below as a JSON list (`_falling`).
_FALLING = """
SELECT id FROM (
    SELECT customer_id AS id,
        SUM(CASE WHEN date < :m1 THEN amount_fen ELSE 0 END) AS two_before,
        SUM(CASE WHEN date >= :m1 AND date < :m0 THEN amount_fen ELSE 0 END) AS one_before,
        SUM(CASE WHEN date >= :m0 THEN amount_fen ELSE 0 END) AS last
    FROM "order" WHERE date BETWEEN :m2 AND :m_end
    GROUP BY customer_id
) WHERE two_before > one_before AND one_before > last ORDER BY id"""

_JUDGED = f"""
signal AS NOT MATERIALIZED (
    SELECT {", ".join("c." + name for name in CUSTOMER_FIELDS)},
        c.id IN (SELECT value FROM json_each(:falling)) AS down
    FROM customer c {{customer_where}}
),
churn AS NOT MATERIALIZED (
    SELECT *,
        CASE WHEN down OR contact_left THEN MIN(
            CASE WHEN down THEN :month_first ELSE '9999-12-31' END,
            CASE WHEN contact_left THEN COALESCE(contact_left_on, :as_of) ELSE '9999-12-31' END
        ) END AS detected
    FROM signal
),
fact AS MATERIALIZED (
    SELECT *,
        (SELECT MIN(o.date) FROM "order" o WHERE o.customer_id = churn.id AND o.date <= :as_of)
            AS first_order
    FROM churn
),
judged AS MATERIALIZED (
    SELECT *,
        CASE WHEN stage_override != '' THEN stage_override
            WHEN down OR contact_left THEN 'declining'
            WHEN first_order IS NULL THEN NULL
            WHEN first_order >= :new_since THEN 'new'
            WHEN first_order >= :growth_since THEN 'growth'
            ELSE 'mature' END AS stage,
        {MONTH_NUMBER.format("first_order")} AS first_month,
        {DAY.format("first_order")} AS first_day,
        CASE WHEN birthday != '' THEN substr(birthday, -5) END AS birthday_key,
        substr(founded, -5) AS founded_key
    FROM fact
)"""

# the day in a month of the range (`m`): clamped to the month's end
_IN_MONTH = "printf('%04d-%02d-%02d', m.number / 12, m.number % 12 + 1, MIN({0}, m.days))"

# Each rule: the touchpoints it puts on every customer, any date (the range is applied
# after); `{x}` is the rule's timing. In the rules' order, which is the order derived.
# CROSS JOIN keeps the customers the outer loop (SQLite would otherwise index them per
# month or per key: slower), the IN lists let only the customers with a key go in.
_RULES = {
    "first_order_callback": """
        SELECT id, name, date(first_order, '+{x} days') AS due
        FROM judged WHERE first_order BETWEEN :x_start AND :x_end""",
    # every {x} months from the first order (k ≥ 1), month ends clamped, while growth
    "quarterly_callback": f"""
        SELECT j.id, j.name, {_IN_MONTH.format("j.first_day")}
        FROM judged j CROSS JOIN range_month m
            ON m.number > j.first_month AND (m.number - j.first_month) % {{x}} = 0
        WHERE j.stage = 'growth' AND j.first_order IS NOT NULL""",
    "annual_review": f"""
        SELECT j.id, j.name, {_IN_MONTH.format("j.first_day")}
        FROM judged j CROSS JOIN range_month m
            ON m.number > j.first_month AND (m.number - j.first_month) % {{x}} = 0
        WHERE j.stage = 'mature' AND j.first_order IS NOT NULL""",
    # {x} months before the contract ends, month ends clamped
    "renewal_demo": f"""
        SELECT j.id, j.name, {_IN_MONTH.format(DAY.format("j.contract_end"))}
        FROM judged j JOIN range_month m
            ON m.number = {MONTH_NUMBER.format("j.contract_end")} - {{x}}
        WHERE j.contract_end IS NOT NULL""",
    "birthday": """
        SELECT j.id, j.name, y.due FROM judged j CROSS JOIN yearly_day y
            ON y.key = j.birthday_key AND y.lunar = j.birthday_lunar
        WHERE j.birthday_key IN (SELECT key FROM yearly_day)""",
    "anniversary": """
        SELECT j.id, j.name, y.due FROM judged j CROSS JOIN yearly_day y
            ON y.key = j.founded_key AND y.lunar = 0
        WHERE j.founded_key IN (SELECT key FROM yearly_day) AND y.due > j.founded""",
    "holiday_greeting": """
        SELECT j.id, j.name, f.due FROM judged j JOIN festival f
        WHERE j.first_order IS NOT NULL""",
    "send_content": """
        SELECT id, name, date(day) FROM content""",
    "win_back": """
        SELECT id, name, date(detected, '+{x} days') FROM judged
        WHERE detected BETWEEN :x_start AND :x_end""",
}
RULE_KINDS = tuple(_RULES)
# send content: created + k × every (k ≥ 1) from the first such day on or after the range's
# start, while in the range
_CONTENT = """
content(id, name, day, every) AS (
    SELECT id, name, julianday(created) + content_every_days * MAX(1,
            (CAST(julianday(:start) - julianday(created) AS INT) + content_every_days - 1)
            / content_every_days),
        content_every_days
    FROM judged WHERE content_every_days > 0
    UNION ALL
    SELECT id, name, day + every, every FROM content WHERE day + every <= julianday(:end)
)"""


def _values(name: str, columns: str, rows: list[tuple], params: dict) -> str:
    """A table of rows given to SQL, its values bound as parameters."""
    if not rows:
        nulls = ", ".join("NULL" for _ in columns.split(","))
        return f"{name}({columns}) AS (SELECT {nulls} WHERE 0)"
    cells = []
    for row in rows:
        names = []
        for value in row:
            key = f"v{len(params)}"
            params[key] = value
            names.append(":" + key)
        cells.append(f"({', '.join(names)})")
    return f"{name}({columns}) AS (VALUES {', '.join(cells)})"


def _bounds(as_of: date) -> dict:
    """The days the facts are judged by: as-of, its month's first day, and the 3 complete
    months before it (m−2, m−1, m)."""
    m = previous_month(month_of(as_of))
    one_before = previous_month(m)
    two_before = previous_month(one_before)
    return {
        "as_of": as_of.isoformat(),
        "month_first": month_bounds(month_of(as_of))[0].isoformat(),
        "m2": month_bounds(two_before)[0].isoformat(),
        "m1": month_bounds(one_before)[0].isoformat(),
        "m0": month_bounds(m)[0].isoformat(),
        "m_end": month_bounds(m)[1].isoformat(),
        "new_since": (as_of - timedelta(days=NEW_DAYS)).isoformat(),
        "growth_since": (as_of - timedelta(days=GROWTH_DAYS)).isoformat(),
    }


def _judging(as_of: date) -> dict:
    """The parameters of the statements below: `_bounds` and the falling customers."""
    return {**_bounds(as_of), "falling": _falling(as_of)}


@db.per_change
def _falling(as_of: date) -> str:
    """The ids of the customers whose orders fell (`_FALLING`), as a JSON list, once per
    change: the touchpoints' statement and the churn warnings' both read them."""
    rows = database.execute_sql(_FALLING, _bounds(as_of)).fetchall()
    return json.dumps([customer_id for (customer_id,) in rows])


def _judged_sql(customer_ids: list[int] | None) -> str:
    if customer_ids is None:
        return _JUDGED.format(customer_where="")
    ids = ", ".join(str(int(i)) for i in customer_ids) or "NULL"
    return _JUDGED.format(customer_where=f"WHERE c.id IN ({ids})")


# -- facts per customer ---------------------------------------------------------------------------


class CustomerRow(NamedTuple):
    """A customer's fields the rules read."""

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


class Facts(NamedTuple):
    """What the rules found of one customer, as of a day."""

    customer: CustomerRow
    first_order: date | None
    stage: str | None  # new, growth, mature, declining; None without orders
    reasons: list[str]  # the churn signals: orders_down_2_months, contact_left
    detected: date | None  # the day the churn signal was first seen


def facts(as_of: date, customer_ids: list[int] | None = None) -> list[Facts]:
    """Each customer's facts (`customer_ids`: only theirs), by id; every customer's once per
    change of the data."""
    if customer_ids is None:
        return _every_customers_facts(as_of)
    return _facts(as_of, customer_ids)


@db.per_change
def _every_customers_facts(as_of: date) -> list[Facts]:
    return _facts(as_of, None)


def _facts(as_of: date, customer_ids: list[int] | None) -> list[Facts]:
    params = _judging(as_of)
    sql = f"""WITH {_judged_sql(customer_ids)}
        SELECT {", ".join(CUSTOMER_FIELDS)}, down, detected, first_order, stage
        FROM judged ORDER BY id"""
    day = date.fromisoformat
    return [
        Facts(customer, day(first) if first else None, stage, reasons, detected)
        for (customer, reasons, detected), (first, stage) in (
            (_churn_facts(row[:13]), row[13:])
            for row in database.execute_sql(sql, params).fetchall()
        )
    ]


def _churn_facts(row: tuple) -> tuple[CustomerRow, list[str], date | None]:
    """A row of CUSTOMER_FIELDS, down and detected → the customer, its churn signals and the
    day they were first seen."""
    (id_, name, created, birthday, lunar, founded, end, left, left_on, override, every) = row[:11]
    down, detected = row[11:]
    reasons = [ORDERS_DOWN] if down else []
    if left:
        reasons.append(CONTACT_LEFT)
    day = date.fromisoformat
    customer = CustomerRow(
        id_,
        name,
        day(created),
        birthday,
        bool(lunar),
        day(founded) if founded else None,
        day(end) if end else None,
        bool(left),
        day(left_on) if left_on else None,
        override,
        every,
    )
    return customer, reasons, day(detected) if detected else None


@db.per_change
def churning(as_of: date) -> list[tuple[CustomerRow, list[str], date]]:
    """(customer, churn signals, the day first seen) of each customer with a churn signal,
    by name, once per change: falling orders and a contact gone need neither the first
    order nor the stage, so this reads only the three months' amounts."""
    params = _judging(as_of)
    sql = f"""WITH {_judged_sql(None)}
        SELECT {", ".join(CUSTOMER_FIELDS)}, down, detected
        FROM churn WHERE detected IS NOT NULL ORDER BY name, id"""
    return [_churn_facts(row) for row in database.execute_sql(sql, params).fetchall()]


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


def _range_months(start: date, end: date) -> list[tuple[int, int]]:
    """(month number, its days) of each month start..end touches."""
    found = []
    number = start.year * 12 + start.month - 1
    while number <= end.year * 12 + end.month - 1:
        year, month = divmod(number, 12)
        found.append((number, calendar.monthrange(year, month + 1)[1]))
        number += 1
    return found


# every month-day as a date stores it: a solar birthday or founding day written NN-NN is
# one of these, or no day at all (13-01, 02-00)
SOLAR_KEYS = tuple(f"{month:02}-{day:02}" for month in range(1, 13) for day in range(1, 32))


def _yearly_days(start: date, end: date, customer_ids: list[int] | None) -> list[tuple]:
    """(month-day as stored, lunar, date) for each year's date in start..end of every solar
    month-day, and of the lunar (and oddly written) birthdays the customers have, read with
    one query (the lunar calendar is Python's)."""
    where = (
        "" if customer_ids is None else f"AND id IN ({', '.join(map(str, customer_ids)) or 'NULL'})"
    )
    keys = [(key, 0) for key in SOLAR_KEYS]
    keys += database.execute_sql(
        f"""SELECT DISTINCT substr(birthday, -5), birthday_lunar FROM customer
            WHERE birthday != '' {where}
                AND (birthday_lunar OR substr(birthday, -5) NOT GLOB '[0-9][0-9]-[0-9][0-9]')"""
    ).fetchall()
    found = []
    for key, lunar in keys:
        month_day = _month_day(key)
        if month_day:
            found += [
                (key, lunar, d.isoformat()) for d in yearly(start, end, *month_day, bool(lunar))
            ]
    return found


def _derive(
    as_of: date,
    start: date,
    end: date,
    customer_ids: list[int] | None = None,
    by_date: bool = False,
) -> list[tuple[int, str, int, str]]:
    """(customer id, name, rule's index in RULE_KINDS, due as text) of every touchpoint the
    rules put in start..end: by customer, then in the rules' order, then by date (the order
    derived); `by_date`: by date first."""
    rule = rules()
    timing = {
        "first_order_callback": "days",
        "quarterly_callback": "months",
        "annual_review": "months",
        "renewal_demo": "months",
        "win_back": "days",
    }
    params = {**_judging(as_of), "start": start.isoformat(), "end": end.isoformat()}
    parts = []
    for index, (kind, select) in enumerate(_RULES.items()):
        if not rule[kind]["on"]:
            continue
        x = int(rule[kind][timing[kind]]) if kind in timing else None
        if kind in ("quarterly_callback", "annual_review") and x <= 0:
            continue  # no repeats
        if ":x_start" in select:  # a rule due x days after a day: that day in the range − x
            select = select.replace(":x_", f":{kind}_")
            params[f"{kind}_start"] = (start - timedelta(days=x)).isoformat()
            params[f"{kind}_end"] = (end - timedelta(days=x)).isoformat()
        parts.append(f"SELECT *, {index} AS rule FROM ({select.format(x=x)})")
    if not parts:
        return []
    tables = [
        _judged_sql(customer_ids),
        _values("range_month", "number, days", _range_months(start, end), params),
        _values("yearly_day", "key, lunar, due", _yearly_days(start, end, customer_ids), params),
        _values(
            "festival",
            "due",
            [(d.isoformat(),) for d in festival_days(start, end, rule)],
            params,
        ),
        _CONTENT,
    ]
    sql = f"""WITH RECURSIVE {", ".join(tables)},
        touchpoint(id, name, due, rule) AS ({" UNION ALL ".join(parts)})
        SELECT id, name, rule, due FROM touchpoint WHERE due BETWEEN :start AND :end
        ORDER BY {"due, id, rule" if by_date else "id, rule, due"}"""
    return database.execute_sql(sql, params).fetchall()


def _events(rows: list[tuple[int, str, int, str]]) -> list[Event]:
    day = date.fromisoformat
    return [
        Event(customer_id, name, RULE_KINDS[rule], day(due))
        for customer_id, name, rule, due in rows
    ]


def events(
    as_of: date, start: date, end: date, customer_ids: list[int] | None = None
) -> list[Event]:
    """Every touchpoint in start..end (by the day it counts on) with the rep's marks.

    A snoozed event counts at its snooze date; done and skipped events are included (the
    calendar shows them) — filter on `status` for what is still to do. Every customer's
    (`customer_ids` None) are taken from the weeks around as-of derived once per change
    (see `DerivedSpan`)."""
    if customer_ids is None:
        found = derived_span(as_of, *span_for(as_of, start, end)).between(start, end)
        mark_rows = marks()
    else:
        found = _events(_derive(as_of, start, end, customer_ids))
        query = LifecycleEvent.select().where(
            (LifecycleEvent.status != "due") & LifecycleEvent.customer.in_(customer_ids)
        )
        mark_rows = _mark_rows(query)
    return _with_marks(found, start, end, mark_rows)


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
    """Every customer's touchpoints over a span, derived in one query: the Today list, the
    calendar's grid and agenda, the board and the month's figures each take their range of
    it. Kept in the order derived (customer, then the rules' order) and found by date."""

    def __init__(self, as_of: date, start: date, end: date):
        self.rows = _derive(as_of, start, end, by_date=True)
        self.dues = [row[3] for row in self.rows]  # ISO dates: text sorts as the days do

    def between(self, start: date, end: date) -> list[Event]:
        """New events (the caller's to mark) due in start..end, in the order derived."""
        found = self.rows[
            bisect_left(self.dues, start.isoformat()) : bisect_right(self.dues, end.isoformat())
        ]
        found.sort(key=lambda row: (row[0], row[2], row[3]))
        return _events(found)


@db.per_change
def derived_span(as_of: date, start: date, end: date) -> DerivedSpan:
    """Every customer's touchpoints in start..end, once per change of the data."""
    return DerivedSpan(as_of, start, end)


def _with_marks(found: list[Event], start: date, end: date, mark_rows: list[tuple]) -> list[Event]:
    """The events derived in start..end with the rep's marks on them, by the day each counts
    on (then customer and kind)."""
    by_key = {event.key: event for event in found}
    # the rep's marks: they change the status of the events above, and bring in the events
    # from before the range that were snoozed into it (a mark holds all an event needs)
    brought = []
    for customer_id, kind, due, status, snoozed_to, skip_reason in mark_rows:
        key = (customer_id, kind, due)
        event = by_key.get(key)
        if event is None:
            counts_on = snoozed_to if status == "snoozed" and snoozed_to else due
            if not start <= counts_on <= end:
                continue
            event = by_key[key] = Event(customer_id, "", kind, due)
            brought.append(event)
        event.status, event.snoozed_to, event.skip_reason = status, snoozed_to, skip_reason
    if brought:  # their customers' names
        ids = {event.customer_id for event in brought}
        names = dict(
            Customer.select(Customer.id, Customer.name).where(Customer.id.in_(ids)).tuples()
        )
        for event in brought:
            event.customer = names.get(event.customer_id, "")
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


def due_events(as_of: date, start: date, end: date) -> list[Event]:
    """The events in start..end still to do (not done, not skipped)."""
    return [e for e in events(as_of, start, end) if e.status in ("due", "snoozed")]


def churn_warnings(as_of: date) -> list[tuple]:
    """(customer row, reasons) of each customer with a churn signal, by name."""
    return [(customer, reasons) for customer, reasons, _ in churning(as_of)]


def churned_since(as_of: date) -> list[tuple]:
    """The customers with a churn signal and the day it was first seen, by name."""
    return [(customer, detected) for customer, _, detected in churning(as_of)]


def stages(as_of: date, customer_ids: list[int] | None = None) -> dict[int, str | None]:
    return {item.customer.id: item.stage for item in facts(as_of, customer_ids)}


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
