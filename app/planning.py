"""Targets: the attainable calculator, the process ladder, cross decomposition, market
slices, SWOT calibration, key accounts, and the month's pace and checkpoints.

Every ceiling is taken on exact fractions (the guide's 60 × 12% × 1.1 = 7.92 → 8; 21 orders
÷ 35% ÷ 20 working days = 3, where floating point gives 4). Money stays in fen.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

import peewee as pw

from app import db, preferences
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.metrics import activity_totals, order_totals, revenue_by_customer
from app.models import (
    Activity,
    Customer,
    MarketSlice,
    Order,
    PlanLine,
    SeasonFactor,
    SwotNote,
    Target,
    database,
)
from app.money import round_fen
from app.workdays import (
    add_months,
    month_bounds,
    previous_month,
    working_days,
    working_days_through,
)

DEFAULT_COEFFICIENT = Decimal("1.1")
GREEN, AMBER = Fraction(1), Fraction(85, 100)  # pace status thresholds
DAYS_PER_WEEK = 5
LONG_TERM_DAYS = 90  # a second order within 90 days makes a new customer long-term
NEGOTIATION_SHIFT = Decimal("0.2")  # a weak negotiator moves 20 % off high-ticket lines
NEW_CUSTOMER_SHARE = {"new": Decimal("0.6"), "mature": Decimal("0.5")}
SATURATION_LEFT = Fraction(1, 5)  # under 20 % of the reachable pool left: saturated
BASE_TARGET_SETTING = "planning.base_target_fen"


def ceil(value: Fraction) -> int:
    return -(-value.numerator // value.denominator)


def exact(value) -> Fraction:
    """Decimal, int or str as an exact fraction (never through binary floating point)."""
    return Fraction(str(value)) if isinstance(value, Decimal | str) else Fraction(value)


def pace_status(actual: int, expected: Fraction, target_fen: int) -> str | None:
    """The pace colour: None without a revenue target (nothing to be on pace with); else
    green ≥ 100 % of expected, amber ≥ 85 %, red below (nothing expected yet: green)."""
    if not target_fen:
        return None
    if expected <= 0 or actual / expected >= GREEN:
        return "green"
    return "amber" if actual / expected >= AMBER else "red"


# -- the month ---------------------------------------------------------------------------


class Tiers(NamedTuple):
    """The month's three revenue lines in fen (保底 / 目标 / 冲刺); None where not set."""

    floor: int | None
    target: int | None
    stretch: int | None


def tiers(target: Target | None) -> Tiers:
    """The floor as set; the target's revenue; the stretch as set, else the revenue × the
    challenge coefficient (¥200,000 × 1.1 → ¥220,000). Without a revenue target there is
    no target and no default stretch."""
    if target is None:
        return Tiers(None, None, None)
    revenue = target.revenue_fen or None
    stretch = target.stretch_fen
    if stretch is None and revenue:
        coefficient = target.challenge_coefficient or DEFAULT_COEFFICIENT
        stretch = round_fen(revenue * exact(coefficient))
    return Tiers(target.floor_fen, revenue, stretch)


def target_for(month: str) -> Target | None:
    return Target.get_or_none(Target.month == month)


def plan_lines(month: str) -> list[PlanLine]:
    return list(PlanLine.select().where(PlanLine.month == month).order_by(PlanLine.id))


def month_working_days(month: str) -> int:
    first, _ = month_bounds(month)
    return len(working_days(first.year, first.month))


def _elapsed(month: str, through: date) -> int:
    first, last = month_bounds(month)
    if through < first:
        return 0
    return working_days_through(first.year, first.month, min(through, last))


def history_months(month: str) -> list[str]:
    """The full months before `month` (3 unless the rep chose otherwise), oldest first."""
    months, current = [], month
    for _ in range(preferences.get("planning.history_months")):
        current = previous_month(current)
        months.append(current)
    return months[::-1]


def historical_close_rate(month: str) -> Fraction | None:
    """Deals ÷ effective visits over the history months before `month` (None: no
    visits)."""
    months = history_months(month)
    start, _ = month_bounds(months[0])
    _, end = month_bounds(months[-1])
    _, deals = order_totals(start, end)
    effective_visits, _, _ = activity_totals(start, end)
    return Fraction(deals, effective_visits) if effective_visits else None


def attainable_new_customers(
    visits: int, close_rate: Fraction, coefficient: Decimal = DEFAULT_COEFFICIENT
) -> int:
    """⌈effective visits × close rate × challenge coefficient⌉ (60 × 12% × 1.1 → 8)."""
    return ceil(visits * close_rate * exact(coefficient))


@dataclass
class Calculator:
    """The attainable calculator's inputs and result for one target."""

    visits: int
    close_rate: Fraction | None
    rate_from_history: bool
    coefficient: Decimal
    new_customers: int | None  # computed; None without a rate
    stored: int | None  # what the rep set (or imported), which wins when present

    @property
    def target(self) -> int | None:
        return self.stored if self.stored is not None else self.new_customers


def calculator(target: Target) -> Calculator:
    history = historical_close_rate(target.month)
    rate = (
        history
        if history is not None
        else (exact(target.manual_close_rate) if target.manual_close_rate is not None else None)
    )
    coefficient = target.challenge_coefficient or DEFAULT_COEFFICIENT
    visits = target.effective_visits or 0
    computed = attainable_new_customers(visits, rate, coefficient) if rate is not None else None
    return Calculator(
        visits, rate, history is not None, coefficient, computed, target.new_customers
    )


@dataclass
class Ladder:
    """Effective visits a day → a week → a month on the month's real working days."""

    per_day: int
    per_week: int
    per_month: int
    working_days: int


def process_ladder(month_visits: int, working_days_in_month: int) -> Ladder:
    per_day = ceil(Fraction(month_visits, working_days_in_month)) if working_days_in_month else 0
    return Ladder(per_day, per_day * DAYS_PER_WEEK, month_visits, working_days_in_month)


# -- cross decomposition -------------------------------------------------------------------


def orders_needed(line: PlanLine) -> int:
    """⌈revenue ÷ average order⌉."""
    if not line.average_order_fen:
        return 0
    return ceil(Fraction(line.revenue_fen, line.average_order_fen))


def daily_actions(line: PlanLine, working_days_in_month: int) -> int:
    """⌈orders ÷ close rate ÷ working days⌉ (5 ÷ 12.5% ÷ 20 = 2; 20 ÷ 20% ÷ 20 = 5)."""
    if not working_days_in_month or not line.close_rate:
        return 0
    return ceil(orders_needed(line) / exact(line.close_rate) / working_days_in_month)


@dataclass
class PlanRow:
    line: PlanLine
    orders: int
    daily_actions: int


def decomposition(month: str) -> list[PlanRow]:
    days = month_working_days(month)
    return [
        PlanRow(line, orders_needed(line), daily_actions(line, days)) for line in plan_lines(month)
    ]


# -- pace and checkpoints --------------------------------------------------------------------


def revenue_through(month: str, through: date) -> int:
    first, last = month_bounds(month)
    if through < first:
        return 0
    return (
        Order.select(pw.fn.COALESCE(pw.fn.SUM(Order.amount_fen), 0))
        .where(Order.date.between(first, min(through, last)))
        .scalar()
    )


def expected_revenue(target_fen: int, month: str, through: date) -> Fraction:
    """Target × working days elapsed through `through` ÷ working days in the month (fen,
    exact)."""
    days = month_working_days(month)
    return Fraction(target_fen * _elapsed(month, through), days) if days else Fraction(0)


def pace_line(tier_fen: int, month: str) -> list[Fraction]:
    """A tier's expected revenue through each day of the month (day 1 first), in fen: the
    tier × working days through that day ÷ working days in the month."""
    first, last = month_bounds(month)
    return [expected_revenue(tier_fen, month, first + timedelta(days=n)) for n in range(last.day)]


@dataclass
class Checkpoint:
    day: date
    expected_fen: Fraction
    actual_fen: int
    target_fen: int  # the month's revenue target (0: none, so no status)

    @property
    def status(self) -> str | None:
        return pace_status(self.actual_fen, self.expected_fen, self.target_fen)


def checkpoints(month: str, as_of: date, target_fen: int) -> list[Checkpoint]:
    """The 10th and the 20th (or the rep's two days) on or before as-of."""
    first, _ = month_bounds(month)
    found = []
    for day_number in (
        preferences.get("planning.first_checkpoint"),
        preferences.get("planning.second_checkpoint"),
    ):
        day = first.replace(day=day_number)
        if day <= as_of:
            found.append(
                Checkpoint(
                    day,
                    expected_revenue(target_fen, month, day),
                    revenue_through(month, day),
                    target_fen,
                )
            )
    return found


UPCOMING = "upcoming"  # a period's status before it starts


@dataclass
class Period:
    """A week or a 旬 of the month: its working days, the revenue expected in it (all of it,
    and the part due by as-of) and its revenue through as-of."""

    label: str
    start: date
    end: date
    working_days: int
    expected_fen: int
    expected_to_date_fen: int
    actual_fen: int
    status: str | None  # pace colour, UPCOMING before it starts, None without a target


def _spans(month: str, by: str) -> list[tuple[str, date, date]]:
    first, last = month_bounds(month)
    spans = []
    if by == "week":
        start = first
        while start <= last:
            end = min(start + timedelta(days=6 - start.weekday()), last)
            year, week, _ = start.isocalendar()
            spans.append((f"{year}-W{week:02d}", start, end))
            start = end + timedelta(days=1)
    else:
        for number, (low, high) in enumerate(((1, 10), (11, 20), (21, last.day)), start=1):
            spans.append((str(number), first.replace(day=low), first.replace(day=high)))
    return spans


def periods(month: str, target_fen: int, by: str, as_of: date) -> list[Period]:
    """The month split by ISO week (`by="week"`) or by 旬 (1–10, 11–20, 21–end); each
    period's revenue counts its orders through as-of, and its status compares them with what
    its working days through as-of expect."""
    first, _ = month_bounds(month)
    days = working_days(first.year, first.month)
    rows = []
    for name, start, end in _spans(month, by):
        in_span = sum(1 for day in days if start <= day <= end)
        to_date = sum(1 for day in days if start <= day <= min(end, as_of))
        expected = round_fen(Fraction(target_fen * in_span, len(days))) if days else 0
        expected_to_date = Fraction(target_fen * to_date, len(days)) if days else Fraction(0)
        actual = (
            Order.select(pw.fn.COALESCE(pw.fn.SUM(Order.amount_fen), 0))
            .where(Order.date.between(start, min(end, as_of)))
            .scalar()
        )
        state = (
            pace_status(actual, expected_to_date, target_fen)
            if start <= as_of or not target_fen
            else UPCOMING
        )
        rows.append(
            Period(name, start, end, in_span, expected, round_fen(expected_to_date), actual, state)
        )
    return rows


# -- key accounts -------------------------------------------------------------------------


@dataclass
class KeyAccounts:
    customers: list  # rows with id, name and revenue (fen)
    revenue_fen: int
    total_fen: int

    @property
    def share(self) -> Fraction | None:
        return Fraction(self.revenue_fen, self.total_fen) if self.total_fen else None


class KeyAccount(NamedTuple):
    id: int
    name: str
    revenue: int  # fen, the 12 months before as-of


def key_accounts(as_of: date) -> KeyAccounts:
    """The top 20 % (or the rep's share; rounded up) of customers by revenue in the 12
    months before as-of
    (ties by name). Raw rows, not model objects: a heavy user has tens of thousands."""
    totals = revenue_by_customer(add_months(as_of, -12), as_of)
    rows = sorted(totals, key=lambda row: -row[1])  # (customer id, revenue)
    if not rows:
        return KeyAccounts([], 0, 0)
    size = ceil(len(rows) * Fraction(preferences.get("planning.key_account_percent"), 100))
    contenders = [row for row in rows if row[1] >= rows[size - 1][1]]  # ties at the cut too
    names = dict(database.execute(Customer.select(Customer.id, Customer.name)).fetchall())
    top = sorted(
        (
            KeyAccount(customer_id, names[customer_id], revenue)
            for customer_id, revenue in contenders
        ),
        key=lambda c: (-c.revenue, c.name),
    )[:size]
    return KeyAccounts(top, sum(c.revenue for c in top), sum(row[1] for row in rows))


def key_account_executive_visits(
    month: str, as_of: date, accounts: KeyAccounts | None = None
) -> int:
    """Executive visits this month (through as-of) to the key accounts."""
    first, last = month_bounds(month)
    if as_of < first:
        return 0
    ids = {customer.id for customer in (accounts or key_accounts(as_of)).customers}
    visits = database.execute(
        Activity.select(Activity.customer, Activity.count).where(
            (Activity.kind == "executive_visit") & Activity.date.between(first, min(as_of, last))
        )
    )
    return sum(count for customer_id, count in visits.fetchall() if customer_id in ids)


def new_long_term_customers(month: str, as_of: date) -> int:
    """New customers of the month whose second order came within 90 days of the first."""
    first, last = month_bounds(month)
    earlier, other = Order.alias(), Order.alias()
    second = (
        other.select(other.date)
        .where(other.customer == Order.customer)
        .order_by(other.date, other.id)
        .limit(1)
        .offset(1)
    )
    # one query: the month's new customers (an order in it, none before), each with its
    # first order and its second one
    rows = database.execute(
        Order.select(Order.customer, pw.fn.MIN(Order.date), second)
        .where(
            Order.date.between(first, min(last, as_of))
            & ~pw.fn.EXISTS(
                earlier.select(pw.SQL("1")).where(
                    (earlier.customer == Order.customer) & (earlier.date < first)
                )
            )
        )
        .group_by(Order.customer)
    ).fetchall()
    return sum(
        1
        for _customer, first_day, second_day in rows
        if second_day
        and date.fromisoformat(second_day)
        <= min(as_of, date.fromisoformat(first_day) + timedelta(days=LONG_TERM_DAYS))
    )


def average_order_before(month: str) -> Fraction | None:
    """Average order value (fen) over the 3 full months before `month`."""
    months = history_months(month)
    start, _ = month_bounds(months[0])
    _, end = month_bounds(months[-1])
    revenue, deals = (
        Order.select(pw.fn.COALESCE(pw.fn.SUM(Order.amount_fen), 0), pw.fn.COUNT(Order.id))
        .where(Order.date.between(start, end))
        .scalar(as_tuple=True)
    )
    return Fraction(revenue, deals) if deals else None


# -- market slicing and season -------------------------------------------------------------


def estimated_pool(
    prospects: int | None, competitor_share: Decimal | None, reachable_share: Decimal | None
) -> int | None:
    """The guide's pool from its inputs: the new sites or prospects in the area, less the
    part the competitors hold, times the part the rep can reach, rounded down (a part of a
    customer is not reachable): 200 × (1 − 40%) × 50% = 60. None without prospects; a blank
    share counts as 0% held by competitors, 100% reachable."""
    if not prospects:
        return None
    held = exact(competitor_share) if competitor_share is not None else Fraction(0)
    reach = exact(reachable_share) if reachable_share is not None else Fraction(1)
    value = prospects * (1 - held) * reach
    return value.numerator // value.denominator


@dataclass
class SliceRow:
    slice: MarketSlice
    revenue_fen: int
    new_share: Decimal
    won: int
    saturated: bool
    pool: int | None = None  # estimated from its inputs, else as typed
    pool_estimated: bool = False


def slices(month: str) -> list[SliceRow]:
    """Each area/customer-type slice with its revenue, new/repeat mix and pool left."""
    pieces = list(MarketSlice.select().where(MarketSlice.month == month).order_by(MarketSlice.id))
    if not pieces:
        return []
    target = target_for(month)
    revenue = target.revenue_fen if target else 0
    # customers won: those with an order (one index probe each, not a join of every order)
    ordered = pw.fn.EXISTS(Order.select(pw.SQL("1")).where(Order.customer == Customer.id))
    won_by_area = dict(
        Customer.select(Customer.area, pw.fn.COUNT(Customer.id))
        .where(ordered)
        .group_by(Customer.area)
        .tuples()
    )
    rows = []
    for piece in pieces:
        new_share = (
            piece.new_customer_share
            if piece.new_customer_share is not None
            else NEW_CUSTOMER_SHARE.get(piece.market_stage, NEW_CUSTOMER_SHARE["mature"])
        )
        won = won_by_area.get(piece.area, 0)
        estimate = estimated_pool(
            piece.pool_prospects, piece.pool_competitor_share, piece.pool_reachable_share
        )
        pool = estimate if estimate is not None else piece.reachable_pool
        saturated = False
        if pool:
            left = Fraction(max(pool - won, 0), pool)
            saturated = left < SATURATION_LEFT and new_share >= Decimal("0.5")
        rows.append(
            SliceRow(
                piece,
                int(revenue * exact(piece.share)),
                new_share,
                won,
                saturated,
                pool,
                estimate is not None,
            )
        )
    return rows


def seasonal_target(month: str) -> int | None:
    """The base monthly target × this month's season factor (None without a base)."""
    base = db.get_setting(BASE_TARGET_SETTING)
    if base is None:
        return None
    factor = SeasonFactor.get_or_none(SeasonFactor.month_of_year == int(month[5:]))
    return int(base * exact(factor.factor)) if factor else int(base)


# -- SWOT calibration ---------------------------------------------------------------------


def has_negotiation_weakness(month: str) -> bool:
    return (
        SwotNote.select()
        .where(
            (SwotNote.month == month)
            & (SwotNote.kind == "weakness")
            & (SwotNote.code == "negotiation")
        )
        .exists()
    )


@dataclass
class Shift:
    """A proposed change of plan-line revenue: line id → new revenue (fen)."""

    moved_fen: int
    revenue: dict[int, int] = field(default_factory=dict)


def negotiation_shift(month: str, share: Decimal = NEGOTIATION_SHIFT) -> Shift | None:
    """Move `share` of the high-ticket lines' revenue to the volume lines, in proportion to
    their revenue (the month total stays the same). None when nothing can move."""
    lines = plan_lines(month)
    high = [line for line in lines if line.high_ticket]
    volume = [line for line in lines if not line.high_ticket]
    if not high or not volume:
        return None
    shift = Shift(0)
    for line in high:
        moved = int(line.revenue_fen * exact(share))
        shift.revenue[line.id] = line.revenue_fen - moved
        shift.moved_fen += moved
    volume_total = sum(line.revenue_fen for line in volume)
    given = 0
    for index, line in enumerate(volume):
        if index == len(volume) - 1:
            part = shift.moved_fen - given  # the last line takes the rounding remainder
        elif volume_total:
            part = int(Fraction(shift.moved_fen * line.revenue_fen, volume_total))
        else:
            part = shift.moved_fen // len(volume)
        given += part
        shift.revenue[line.id] = line.revenue_fen + part
    return shift


def apply_revenues(revenues: dict[int, int]) -> dict[int, int]:
    """Set plan-line revenues; returns the former ones (for undo)."""
    before = {}
    with database.atomic():
        for line_id, revenue in revenues.items():
            before[line_id] = PlanLine.get_by_id(line_id).revenue_fen
            PlanLine.update(revenue_fen=revenue).where(PlanLine.id == line_id).execute()
    return before


# -- editing ---------------------------------------------------------------------------------

TARGET_FIELDS = (
    "revenue_fen",
    "floor_fen",
    "stretch_fen",
    "effective_visits",
    "new_customers",
    "new_long_term_customers",
    "average_order_uplift",
    "challenge_coefficient",
    "manual_close_rate",
    "key_account_executive_visits",
    "statement",
    "relevance",
    "notes",
)


FLOOR_ABOVE_TARGET = QT_TRANSLATE_NOOP("Messages", "the floor is above the revenue target")
STRETCH_BELOW_TARGET = QT_TRANSLATE_NOOP("Messages", "the stretch is below the revenue target")


def tier_problem(revenue_fen: int | None, floor_fen: int | None, stretch_fen: int | None):
    """What is wrong with these tiers (a message source), or None: a floor above the target
    or a stretch below it (each compared only when both are set)."""
    if revenue_fen and floor_fen is not None and floor_fen > revenue_fen:
        return FLOOR_ABOVE_TARGET
    if revenue_fen and stretch_fen is not None and stretch_fen < revenue_fen:
        return STRETCH_BELOW_TARGET
    return None


def save_target(month: str, /, **values) -> dict | None:
    """Create or change the month's target; returns its former values (None: it was new).
    A floor above the target or a stretch below it is refused (UserError)."""
    unknown = set(values) - set(TARGET_FIELDS)
    if unknown:
        raise ValueError(f"unknown target fields {sorted(unknown)}")
    with database.atomic():
        target = target_for(month)
        tiers_after = {
            name: values.get(name, getattr(target, name) if target else None)
            for name in ("revenue_fen", "floor_fen", "stretch_fen")
        }
        problem = tier_problem(**tiers_after)
        if problem:
            raise UserError(problem)
        if target is None:
            Target.create(month=month, **{"revenue_fen": 0, **values})
            return None
        before = {name: getattr(target, name) for name in values}
        Target.update(**values).where(Target.id == target.id).execute()
    return before


def delete_target(month: str) -> None:
    Target.delete().where(Target.month == month).execute()


EDITABLE_ROWS = {
    PlanLine: (
        "product",
        "customer_type",
        "revenue_fen",
        "average_order_fen",
        "close_rate",
        "high_ticket",
        "notes",
    ),
    MarketSlice: (
        "area",
        "customer_type",
        "share",
        "market_stage",
        "new_customer_share",
        "reachable_pool",
        "pool_prospects",
        "pool_competitor_share",
        "pool_reachable_share",
    ),
}


def save_row(model, row_id: int | None, month: str, **values) -> int:
    """Add (row_id None) or change a plan line or market slice of `month`; returns its id."""
    unknown = set(values) - set(EDITABLE_ROWS[model])
    if unknown:
        raise ValueError(f"unknown {model.__name__} fields {sorted(unknown)}")
    if row_id is None:
        return model.create(month=month, **values).id
    model.update(**values).where(model.id == row_id).execute()
    return row_id


def row_snapshot(model, row_id: int) -> dict:
    return model.select().where(model.id == row_id).dicts().get()


def restore_row(model, snapshot: dict) -> None:
    model.insert(**snapshot).on_conflict_replace().execute()


def delete_row(model, row_id: int) -> dict:
    snapshot = row_snapshot(model, row_id)
    model.delete().where(model.id == row_id).execute()
    return snapshot


def set_season(base_fen: int | None, month: str, factor: Decimal | None) -> None:
    """The base monthly target (a setting) and this month's season factor."""
    db.set_setting(BASE_TARGET_SETTING, base_fen)
    number = int(month[5:])
    if factor is None:
        SeasonFactor.delete().where(SeasonFactor.month_of_year == number).execute()
    else:
        SeasonFactor.replace(month_of_year=number, factor=factor).execute()


def season(month: str) -> tuple[int | None, Decimal | None]:
    found = SeasonFactor.get_or_none(SeasonFactor.month_of_year == int(month[5:]))
    return db.get_setting(BASE_TARGET_SETTING), found.factor if found else None


def swot(month: str) -> dict[str, list[str]]:
    """The rep's SWOT notes by kind (the ticked common weaknesses are kept apart)."""
    notes = {kind: [] for kind in ("strength", "weakness", "opportunity", "threat")}
    for note in (
        SwotNote.select()
        .where((SwotNote.month == month) & (SwotNote.code == ""))
        .order_by(SwotNote.id)
    ):
        notes.setdefault(note.kind, []).append(note.text)
    return notes


def save_swot(month: str, notes: dict[str, list[str]], negotiation_weak: bool) -> None:
    with database.atomic():
        SwotNote.delete().where(SwotNote.month == month).execute()
        for kind, texts in notes.items():
            for text in texts:
                if text.strip():
                    SwotNote.create(month=month, kind=kind, text=text.strip())
        if negotiation_weak:
            SwotNote.create(month=month, kind="weakness", text="negotiation", code="negotiation")
