"""The sales dashboard: the daily record, trend series, anomaly weeks, Pareto (the channel
figures are app.leads.channels, read through app.figures).

Aggregates come from SQL grouped by day (indexes on activity.date and order.date); weeks
and months are summed from those days.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

import peewee as pw

from app import db, preferences
from app.metrics import revenue_by_customer
from app.models import (
    EFFECTIVE_VISIT_KINDS,
    Activity,
    Customer,
    Order,
    database,
)
from app.workdays import add_months, month_bounds, previous_month

QUICK_NOTE = "quick-entry"  # the activity rows the quick entry owns, one per kind and day


@dataclass
class Day:
    """One period's figures (a day, an ISO week or a month)."""

    label: str
    start: date
    effective_visits: int = 0
    effective_leads: int = 0
    calls: int = 0
    deals: int = 0
    revenue_fen: int = 0

    @property
    def close_rate(self) -> Fraction | None:
        return Fraction(self.deals, self.effective_visits) if self.effective_visits else None

    @property
    def average_order(self) -> Fraction | None:
        return Fraction(self.revenue_fen, self.deals) if self.deals else None

    def add(self, other: "Day") -> None:
        self.effective_visits += other.effective_visits
        self.effective_leads += other.effective_leads
        self.calls += other.calls
        self.deals += other.deals
        self.revenue_fen += other.revenue_fen


def daily(start: date, end: date) -> list[Day]:
    """Every day of start..end with its figures (days without any are zero)."""
    days = {
        start + timedelta(days=n): Day(
            (start + timedelta(days=n)).isoformat(), start + timedelta(days=n)
        )
        for n in range((end - start).days + 1)
    }
    visits = pw.fn.SUM(
        pw.Case(
            None,
            [(Activity.kind.in_(EFFECTIVE_VISIT_KINDS) & Activity.effective, Activity.count)],
            0,
        )
    )
    calls = pw.fn.SUM(pw.Case(None, [(Activity.kind == "call", Activity.count)], 0))
    for when, v, leads, c in (
        Activity.select(Activity.date, visits, pw.fn.SUM(Activity.effective_leads), calls)
        .where(Activity.date.between(start, end))
        .group_by(Activity.date)
        .tuples()
    ):
        day = days[_as_date(when)]
        day.effective_visits, day.effective_leads, day.calls = v or 0, leads or 0, c or 0
    for when, deals, revenue in (
        Order.select(Order.date, pw.fn.COUNT(Order.id), pw.fn.SUM(Order.amount_fen))
        .where(Order.date.between(start, end))
        .group_by(Order.date)
        .tuples()
    ):
        day = days[_as_date(when)]
        day.deals, day.revenue_fen = deals, revenue or 0
    return [days[key] for key in sorted(days)]


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def grouped(days: list[Day], by: str) -> list[Day]:
    """Days summed by ISO week (`week`) or calendar month (`month`); `day` keeps them."""
    if by == "day":
        return days
    groups: dict[str, Day] = {}
    for day in days:
        if by == "week":
            key, start = week_label(day.start), day.start - timedelta(days=day.start.weekday())
        else:
            key, start = day.start.strftime("%Y-%m"), day.start.replace(day=1)
        groups.setdefault(key, Day(key, start)).add(day)
    return list(groups.values())


# -- anomalies ------------------------------------------------------------------------------


@dataclass
class Anomaly:
    week: str
    sunday: date
    value: Fraction
    baseline: Fraction


def anomalies(month: str, as_of: date, days: list[Day] | None = None) -> list[Anomaly]:
    """ISO weeks whose Sunday falls in `month` on or before as-of, with at least 10 effective
    visits, whose close rate is below 60 % of the mean close rate of those of the previous 4
    weeks that had effective visits (docs/reference.md, "Anomaly"; the numbers are settings).

    `days`: `daily(…)` already read by the caller (the dashboard's trend); used when it
    covers the weeks needed, instead of reading them again."""
    ratio = Fraction(preferences.get("dashboard.anomaly_percent"), 100)
    min_visits = preferences.get("dashboard.anomaly_min_visits")
    baseline_weeks = preferences.get("dashboard.anomaly_baseline_weeks")
    first, last = month_bounds(month)
    first_sunday = first + timedelta(days=6 - first.weekday())
    start = first_sunday - timedelta(days=6 + 7 * baseline_weeks)
    end = min(last, as_of)
    if days and days[0].start <= start and days[-1].start >= end:
        days = [day for day in days if start <= day.start <= end]
    else:
        days = daily(start, end)
    weeks = grouped(days, "week")
    found = []
    for index, week in enumerate(weeks):
        sunday = week.start + timedelta(days=6)
        if not (first <= sunday <= last and sunday <= as_of):
            continue
        if week.effective_visits < min_visits:
            continue
        previous = [
            w.close_rate
            for w in weeks[max(0, index - baseline_weeks) : index]
            if w.effective_visits
        ]
        if not previous:
            continue  # no baseline
        baseline = sum(previous, Fraction(0)) / len(previous)
        if week.close_rate < ratio * baseline:
            found.append(Anomaly(week.label, sunday, week.close_rate, baseline))
    return found


# -- customers -------------------------------------------------------------------


TOP_CUSTOMERS = 10  # the Pareto chart names this many customers; the rest are one bar


@dataclass(frozen=True)
class Pareto:
    """Customers' revenue (fen) in the 12 months before as-of: the largest few by name, the
    others summed, and how much the top fifth of the customers bought (the 80/20 check)."""

    top: list[tuple[str, int]]  # (name, revenue), largest first (equal: by name)
    rest_fen: int  # the other customers' revenue together
    customers: int  # customers with an order in the 12 months
    total_fen: int
    top_fifth: int  # how many customers the top 20 % is: customers ÷ 5, rounded up
    top_fifth_fen: int  # their revenue

    @property
    def rest_customers(self) -> int:
        return self.customers - len(self.top)

    def share(self, fen: int) -> Fraction | None:
        """`fen` as a share of the total (None without revenue)."""
        return Fraction(fen, self.total_fen) if self.total_fen else None


@db.per_change
def pareto(as_of: date, top: int = TOP_CUSTOMERS) -> Pareto:
    """Customers by revenue in the 12 months before as-of (after as-of − 12 months, through
    as-of): the `top` largest named, the rest summed. The revenues are the key accounts'
    (`metrics.revenue_by_customer`, read once per change); only the named customers' names
    are read (a heavy user has 20,000 customers)."""
    bought = revenue_by_customer(add_months(as_of, -12), as_of)  # as the key accounts read
    revenues = sorted((revenue for _customer, revenue in bought), reverse=True)
    total, customers = sum(revenues), len(revenues)
    fifth = -(-customers // 5)
    named = []
    if revenues and top > 0:
        smallest = revenues[min(top, customers) - 1]  # those tied with the last one named
        wanted = {customer: revenue for customer, revenue in bought if revenue >= smallest}
        names = dict(
            Customer.select(Customer.id, Customer.name)
            .where(Customer.id.in_(list(wanted)))
            .tuples()
        )
        named = sorted(
            ((names[customer], revenue) for customer, revenue in wanted.items()),
            key=lambda row: (-row[1], row[0]),
        )[:top]
    return Pareto(
        top=named,
        rest_fen=total - sum(revenue for _name, revenue in named),
        customers=customers,
        total_fen=total,
        top_fifth=fifth,
        top_fifth_fen=sum(revenues[:fifth]),
    )


# -- the daily record ---------------------------------------------------------------------------


@dataclass
class Record:
    effective_visits: int
    calls: int
    effective_leads: int


def record(day: date) -> Record:
    figures = daily(day, day)[0]
    return Record(figures.effective_visits, figures.calls, figures.effective_leads)


def set_record(day: date, wanted: Record) -> Record:
    """Make the day's totals what the rep typed, by adjusting the quick-entry rows only (the
    other activities of the day stay as they are); returns the former totals.

    Raises ValueError when a total is below what the other activities of the day already
    count (those are changed where they were entered)."""
    with database.atomic():
        before = record(day)
        quick = {
            row.kind: row
            for row in Activity.select().where(
                (Activity.date == day) & (Activity.notes == QUICK_NOTE)
            )
        }
        visit_row, call_row = quick.get("visit"), quick.get("call")
        others = Record(
            before.effective_visits - (visit_row.count if visit_row else 0),
            before.calls - (call_row.count if call_row else 0),
            before.effective_leads - sum(row.effective_leads for row in quick.values()),
        )
        if (
            wanted.effective_visits < others.effective_visits
            or wanted.calls < others.calls
            or wanted.effective_leads < others.effective_leads
        ):
            raise ValueError("below the activities recorded elsewhere")
        for kind, count, leads, row in (
            (
                "visit",
                wanted.effective_visits - others.effective_visits,
                wanted.effective_leads - others.effective_leads,
                visit_row,
            ),
            ("call", wanted.calls - others.calls, 0, call_row),
        ):
            if row is None:
                if count or leads:
                    Activity.create(
                        date=day,
                        kind=kind,
                        count=count,
                        effective=True,
                        effective_leads=leads,
                        notes=QUICK_NOTE,
                    )
            elif count or leads:
                Activity.update(count=count, effective_leads=leads).where(
                    Activity.id == row.id
                ).execute()
            else:
                Activity.delete().where(Activity.id == row.id).execute()
    return before


def add_order(customer_id: int, day: date, amount_fen: int, product: str = "") -> int:
    if amount_fen < 0:
        raise ValueError("an order amount is not negative")
    return Order.create(customer=customer_id, date=day, amount_fen=amount_fen, product=product).id


def delete_order(order_id: int) -> None:
    Order.delete().where(Order.id == order_id).execute()


def same_period_last_month(month: str, as_of: date) -> tuple[str, date]:
    """Last month, through the same day of the month as as-of (or its last day)."""
    previous = previous_month(month)
    first, last = month_bounds(previous)
    through = (
        min(last, first.replace(day=min(as_of.day, last.day)))
        if as_of >= month_bounds(month)[0]
        else last
    )
    return previous, through
