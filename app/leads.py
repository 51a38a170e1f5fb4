"""Leads and customers: listing with search, and the ABC follow-up rule."""

from dataclasses import dataclass
from datetime import date, timedelta

import peewee as pw

from app.models import Channel, Customer, Lead

FOLLOW_UP_DAYS = {"A": 3, "B": 7, "C": 30}


def follow_up_due(tier: str, last_contact: date | None, created: date) -> date:
    """Last contact (else created) + 3 / 7 / 30 days for tier A / B / C."""
    return (last_contact or created) + timedelta(days=FOLLOW_UP_DAYS.get(tier, 7))


def is_overdue(lead: Lead, as_of: date) -> bool:
    """An open lead whose follow-up date is before as-of."""
    due = follow_up_due(lead.tier, lead.last_contact, lead.created)
    return lead.outcome == "open" and as_of > due


@dataclass
class LeadRow:
    lead: Lead
    channel: str
    due: date
    overdue: bool


def _matching(query, model, search: str):
    if search:
        pattern = f"%{search}%"
        query = query.where(
            model.name ** pattern | model.contact ** pattern | model.phone ** pattern
            | model.industry ** pattern
        )
    return query


def lead_page(offset: int, limit: int, as_of: date, search: str = "") -> list[LeadRow]:
    """A page of leads, open ones first, then by tier and name."""
    query = (
        Lead.select(Lead, Channel.name.alias("channel_name"))
        .join(Channel, pw.JOIN.LEFT_OUTER)
        .order_by(Lead.outcome != "open", Lead.tier, Lead.name, Lead.id)
    )
    rows = []
    for lead in _matching(query, Lead, search).offset(offset).limit(limit).objects():
        due = follow_up_due(lead.tier, lead.last_contact, lead.created)
        rows.append(LeadRow(lead, getattr(lead, "channel_name", None) or "", due,
                            lead.outcome == "open" and as_of > due))
    return rows


def customer_page(offset: int, limit: int, search: str = "") -> list[Customer]:
    query = (
        Customer.select(Customer, Channel.name.alias("channel_name"))
        .join(Channel, pw.JOIN.LEFT_OUTER)
        .order_by(Customer.name, Customer.id)
    )
    return list(_matching(query, Customer, search).offset(offset).limit(limit).objects())
