"""The monthly review in the guide's three dimensions — results, process, ability — with the
automatic readings, PDCA items carried into next month, and the case journal.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

import peewee as pw

from app import figures, planning
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    PDCA_PHASES,
    CaseEntry,
    Channel,
    Customer,
    MonthlyReview,
    Order,
    PdcaItem,
    Task,
    database,
)
from app.workdays import month_bounds, previous_month

PHASES = PDCA_PHASES  # plan, do, check, act
REP_NAME_SETTING = "profile.rep_name"  # the rep's name on the review and its PDF

# The reading rules (the guide's "process" questions), with their thresholds.
CONVERSION_SHARE = Fraction(8, 10)  # close rate under 80 % of the 3-month rate
ACTIVITY_SHARE = Fraction(9, 10)  # visits under 90 % of pace
ORDER_SIZE_SHARE = Fraction(9, 10)  # average order under 90 % of plan

READINGS = {
    "conversion": QT_TRANSLATE_NOOP(
        "Messages",
        "Conversion problem: visits are on pace but the close rate is below 80% of "
        "the last 3 months. Is it discovery (the three questions) or negotiation?",
    ),
    "activity": QT_TRANSLATE_NOOP(
        "Messages",
        "Activity problem: effective visits are below 90% of pace. Protect the "
        "daily visit time first.",
    ),
    "order_size": QT_TRANSLATE_NOOP(
        "Messages",
        "Order size problem: the average order is below 90% of the plan. Lead with "
        "the high-ticket lines and the key accounts.",
    ),
    "on_track": QT_TRANSLATE_NOOP(
        "Messages", "Process on track: visits, close rate and order size hold up."
    ),
}


@dataclass
class LineResult:
    product: str
    customer_type: str
    plan_fen: int
    actual_fen: int

    @property
    def gap_fen(self) -> int:
        return self.plan_fen - self.actual_fen


@dataclass
class Review:
    """Everything the review tab and the PDF show for a month, as of a day: the month's
    figures (app.figures) with the review's own comparisons and readings."""

    figures: figures.MonthFigures
    lines: list[LineResult]
    channels: list[tuple[str, int, int]]  # channel, revenue this month, last month
    expected_visits: Fraction
    history_rate: Fraction | None
    plan_average: Fraction | None
    readings: list[str] = field(default_factory=list)
    stored: MonthlyReview | None = None

    @property
    def month(self) -> str:
        return self.figures.month

    @property
    def as_of(self) -> date:
        return self.figures.as_of

    @property
    def actual(self) -> figures.Actuals:
        return self.figures.actual

    @property
    def target_fen(self) -> int:
        return self.figures.target_fen

    @property
    def completion(self) -> Fraction | None:
        return self.figures.completion

    @property
    def gap_fen(self) -> int:
        return self.figures.gap_fen

    @property
    def close_rate(self) -> Fraction | None:
        return self.figures.close_rate

    @property
    def average_order(self) -> Fraction | None:
        """Average order value in fen, exact."""
        return self.figures.average_order_fen


def _revenue_by_line(line, start: date, end: date) -> int:
    query = (
        Order.select(pw.fn.COALESCE(pw.fn.SUM(Order.amount_fen), 0))
        .join(Customer)
        .where(Order.date.between(start, end) & (Order.product == line.product))
    )
    if line.customer_type:
        query = query.where(Customer.customer_type == line.customer_type)
    return query.scalar()


def _revenue_by_channel(start: date, end: date) -> dict[str, int]:
    return dict(
        Order.select(Channel.name, pw.fn.SUM(Order.amount_fen))
        .join(Customer)
        .join(Channel)
        .where(Order.date.between(start, end))
        .group_by(Channel.name)
        .tuples()
    )


def readings(
    visits: int, expected_visits: Fraction, close_rate, history_rate, average_order, plan_average
) -> list[str]:
    """Which of the reading rules hold (keys of READINGS), in the guide's order."""
    found = []
    if expected_visits and visits < ACTIVITY_SHARE * expected_visits:
        found.append("activity")
    elif (
        close_rate is not None
        and history_rate
        and visits >= expected_visits
        and close_rate < CONVERSION_SHARE * history_rate
    ):
        found.append("conversion")
    if (
        average_order is not None
        and plan_average
        and average_order < ORDER_SIZE_SHARE * plan_average
    ):
        found.append("order_size")
    return found or ["on_track"]


def build(month: str, as_of: date, month_figures: figures.MonthFigures | None = None) -> Review:
    """The month's review on as-of (`month_figures`: the month's figures, when already
    built)."""
    numbers = month_figures or figures.build(month, as_of)
    first, _ = month_bounds(month)
    through = numbers.through
    lines = [
        LineResult(
            line.product,
            line.customer_type,
            line.revenue_fen,
            _revenue_by_line(line, first, through) if through else 0,
        )
        for line in planning.plan_lines(month)
    ]
    previous_first, previous_last = month_bounds(previous_month(month))
    now = _revenue_by_channel(first, through) if through else {}
    before = _revenue_by_channel(previous_first, min(previous_last, as_of))
    channels = sorted(
        ((name, now.get(name, 0), before.get(name, 0)) for name in set(now) | set(before)),
        key=lambda row: (-row[1], -row[2], row[0]),
    )
    expected_visits = (
        Fraction(numbers.target_effective_visits * numbers.elapsed, numbers.working_days)
        if numbers.working_days
        else Fraction(0)
    )
    history_rate = planning.historical_close_rate(month)
    plan_orders = sum(row.orders for row in numbers.plan)
    plan_average = (
        Fraction(sum(row.line.revenue_fen for row in numbers.plan), plan_orders)
        if plan_orders
        else None
    )
    review = Review(
        numbers,
        lines,
        channels,
        expected_visits,
        history_rate,
        plan_average,
        stored=MonthlyReview.get_or_none(MonthlyReview.month == month),
    )
    review.readings = readings(
        numbers.actual.effective_visits,
        expected_visits,
        numbers.close_rate,
        history_rate,
        numbers.average_order_fen,
        plan_average,
    )
    return review


# -- the rep's own text, PDCA and cases --------------------------------------------------------

TEXT_FIELDS = (
    "results",
    "process",
    "ability",
    "improvement_plan",
    "kept_methods",
    "dropped_methods",
)


def latest_review(on_or_before: str) -> MonthlyReview | None:
    """The newest review of a month on or before `on_or_before` (YYYY-MM)."""
    return (
        MonthlyReview.select()
        .where(MonthlyReview.month <= on_or_before)
        .order_by(MonthlyReview.month.desc())
        .first()
    )


def save_text(month: str, **texts) -> dict | None:
    """Store the rep's text for the month; returns the former text (None: no review yet)."""
    unknown = set(texts) - set(TEXT_FIELDS) - {"finished"}
    if unknown:
        raise ValueError(f"unknown review fields {sorted(unknown)}")
    with database.atomic():
        found = MonthlyReview.get_or_none(MonthlyReview.month == month)
        if found is None:
            MonthlyReview.create(month=month, **texts)
            return None
        before = {name: getattr(found, name) for name in texts}
        MonthlyReview.update(**texts).where(MonthlyReview.id == found.id).execute()
        return before


def review_for(month: str) -> MonthlyReview:
    return MonthlyReview.get_or_create(month=month)[0]


def pdca_items(review: MonthlyReview) -> list[PdcaItem]:
    return list(review.pdca_items.order_by(PdcaItem.id))


def add_pdca(month: str, phase: str, text: str) -> int:
    return PdcaItem.create(review=review_for(month), phase=phase, text=text.strip()).id


def set_pdca_status(item_id: int, status: str) -> str:
    item = PdcaItem.get_by_id(item_id)
    PdcaItem.update(status=status).where(PdcaItem.id == item_id).execute()
    return item.status


def carry_forward(month: str, today: date) -> list[int]:
    """Open PDCA items become tasks on the board for next month (quadrant 2), once each."""
    review = MonthlyReview.get_or_none(MonthlyReview.month == month)
    if review is None:
        return []
    created = []
    first_next = month_bounds(month)[1] + timedelta(days=1)
    with database.atomic():
        for item in review.pdca_items.where(
            (PdcaItem.status == "open") & ~PdcaItem.carried_forward
        ):
            key = f"pdca:{item.id}"
            if not Task.select().where(Task.origin_key == key).exists():
                position = Task.select().where(Task.quadrant == 2).count()
                created.append(
                    Task.create(
                        title=item.text,
                        quadrant=2,
                        position=position,
                        due=first_next + timedelta(days=6),
                        origin="review",
                        origin_key=key,
                        created=today,
                    ).id
                )
            PdcaItem.update(carried_forward=True).where(PdcaItem.id == item.id).execute()
    return created


def undo_carry_forward(created: list[int]) -> None:
    """Take back what `carry_forward` made: its tasks go, their items are open again."""
    with database.atomic():
        keys = [key for (key,) in Task.select(Task.origin_key).where(Task.id.in_(created)).tuples()]
        item_ids = [int(key.split(":", 1)[1]) for key in keys if key.startswith("pdca:")]
        Task.delete().where(Task.id.in_(created)).execute()
        PdcaItem.update(carried_forward=False).where(PdcaItem.id.in_(item_ids)).execute()


def delete_pdca(item_id: int) -> None:
    PdcaItem.delete().where(PdcaItem.id == item_id).execute()


def cases(month: str) -> list[CaseEntry]:
    first, last = month_bounds(month)
    return list(
        CaseEntry.select(CaseEntry, Customer)
        .join(Customer, pw.JOIN.LEFT_OUTER)
        .where(CaseEntry.date.between(first, last))
        .order_by(CaseEntry.date)
    )


def recent_cases(as_of: date, limit: int = 10) -> list[CaseEntry]:
    return list(
        CaseEntry.select(CaseEntry, Customer)
        .join(Customer, pw.JOIN.LEFT_OUTER)
        .where(CaseEntry.date <= as_of)
        .order_by(CaseEntry.date.desc())
        .limit(limit)
    )


def add_case(
    day: date,
    kind: str,
    title: str,
    body: str = "",
    customer_id: int | None = None,
    said: str = "",
    takeaway: str = "",
    amount_fen: int | None = None,
) -> int:
    return CaseEntry.create(
        date=day,
        kind=kind,
        title=title.strip(),
        body=body,
        said=said,
        takeaway=takeaway,
        amount_fen=amount_fen,
        customer=customer_id,
    ).id


def delete_case(case_id: int) -> dict:
    snapshot = CaseEntry.select().where(CaseEntry.id == case_id).dicts().get()
    CaseEntry.delete().where(CaseEntry.id == case_id).execute()
    return snapshot


def restore_case(snapshot: dict) -> None:
    CaseEntry.insert(**snapshot).execute()
