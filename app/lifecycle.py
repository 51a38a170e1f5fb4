"""Lifecycle events as they stand in the database."""

from datetime import date, timedelta

from app.models import Customer, LifecycleEvent

AGENDA_DAYS = 14


def agenda(start: date, as_of: date) -> list[LifecycleEvent]:
    """Events from `start` through 14 days after as-of, with their customers, by date."""
    return list(
        LifecycleEvent.select(LifecycleEvent, Customer)
        .join(Customer)
        .where(LifecycleEvent.due.between(start, as_of + timedelta(days=AGENDA_DAYS)))
        .order_by(LifecycleEvent.due, Customer.name)
    )
