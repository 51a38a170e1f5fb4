"""Monthly reviews and the case journal as stored."""

from datetime import date

import peewee as pw

from app.models import CaseEntry, Customer, MonthlyReview, PdcaItem


def latest_review(on_or_before: str) -> MonthlyReview | None:
    """The newest review of a month on or before `on_or_before` (YYYY-MM)."""
    return (
        MonthlyReview.select()
        .where(MonthlyReview.month <= on_or_before)
        .order_by(MonthlyReview.month.desc())
        .first()
    )


def pdca_items(review: MonthlyReview) -> list[PdcaItem]:
    return list(review.pdca_items.order_by(PdcaItem.id))


def recent_cases(as_of: date, limit: int = 10) -> list[CaseEntry]:
    return list(
        CaseEntry.select(CaseEntry, Customer)
        .join(Customer, join_type=pw.JOIN.LEFT_OUTER)
        .where(CaseEntry.date <= as_of)
        .order_by(CaseEntry.date.desc())
        .limit(limit)
    )
