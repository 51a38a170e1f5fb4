"""Leads and customers: the ABC follow-up rule, the tables (filtered and sorted in SQL), the
conversion workspace, winning a lead into a customer, channels and the persona win rates.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

import peewee as pw

from app import contacts, deletions, names, preferences
from app.i18n import QT_TRANSLATE_NOOP
from app.models import (
    Activity,
    Channel,
    ChannelCost,
    Customer,
    CustomerTag,
    Lead,
    LeadTag,
    Objection,
    Order,
    ReferralReward,
    Tag,
    database,
)
from app.workdays import month_bounds

MIN_CLOSED = 5  # fewer closed leads than this in a segment: "not enough data"
ASSUMPTIVE_CLOSE = QT_TRANSLATE_NOOP(
    "Messages",
    'Closing signals: try an assumptive close — "If the plan works for you, '
    'shall our team start tomorrow?"',
)


def due_sql(days: dict[str, int] | None = None) -> pw.Node:
    """SQL for a lead's follow-up date: the day it was snoozed to, else last contact (else
    created) + the tier's days; in literals, as the "lead_follow_up_due" index is written
    (models.follow_up_index_sql), so that the index serves it."""
    days = days or preferences.follow_up_days()
    return pw.fn.COALESCE(
        Lead.next_follow_up,
        pw.fn.date(
            pw.fn.COALESCE(Lead.last_contact, Lead.created),
            pw.Case(
                Lead.tier,
                [(pw.SQL(f"'{tier}'"), pw.SQL(f"'+{int(days[tier])} days'")) for tier in "ABC"],
                pw.SQL("'+7 days'"),
            ),
        ),
    )


def follow_up_due(
    tier: str,
    last_contact: date | None,
    created: date,
    days: dict[str, int] | None = None,
    snoozed_to: date | None = None,
) -> date:
    """The day the follow-up was snoozed to, else last contact (else created) + the tier's
    days (`days`: preferences.follow_up_days(), read once by a caller with many leads)."""
    if snoozed_to is not None:
        return snoozed_to
    days = days or preferences.follow_up_days()
    return (last_contact or created) + timedelta(days=days.get(tier, 7))


# -- the tables ------------------------------------------------------------------------------


@dataclass
class LeadFilter:
    search: str = ""
    tier: str | None = None
    channel: str | None = None
    outcome: str | None = None
    overdue_only: bool = False
    tag: str | None = None
    stage: str | None = None


# a sort: its column, and whether the column can be empty (NULL)
LEAD_SORTS = {
    "name": (Lead.name, False),
    "tier": (Lead.tier, False),
    "stage": (Lead.stage, False),
    "channel": (Channel.name, True),
    "expected_amount": (Lead.expected_amount_fen, True),
    "last_contact": (Lead.last_contact, True),
    "due": (None, False),  # due_sql() when used
    "outcome": (Lead.outcome, False),
}
# open leads first, then by tier and name; the literal lets the "lead_default_order" index
# serve it
DEFAULT_LEAD_ORDER = (Lead.outcome != pw.SQL("'open'"), Lead.tier, Lead.name, Lead.id)


class LeadRow(NamedTuple):
    id: int
    name: str
    tier: str
    stage: str
    channel: str
    expected_amount_fen: int | None
    last_contact: date | None
    outcome: str
    due: date
    overdue: bool
    key: tuple  # where the next page starts (keyset paging)


def _matching(query, model, search: str):
    if search:
        pattern = f"%{search}%"
        query = query.where(
            model.name**pattern
            | model.contact**pattern
            | model.phone**pattern
            | model.industry**pattern
        )
    return query


# A search finds its leads in the narrow index of the searched columns first; past this many
# they are dense enough that walking the table in its order fills a page soon.
SEARCH_IDS_LIMIT = 2000


def _searched(query, search: str):
    """`query` narrowed to the leads whose name, contact, phone or industry contain `search`.

    A rare text is found by one scan of the narrow index (the table's rows are far wider),
    then its few ids are read in the table's order; a common one by walking in that order.
    """
    found = _matching(Lead.select(Lead.id), Lead, search).limit(SEARCH_IDS_LIMIT + 1).tuples()
    ids = [lead_id for (lead_id,) in found]
    if len(ids) > SEARCH_IDS_LIMIT:
        return _matching(query, Lead, search)
    return query.where(Lead.id.in_(ids))


def _after(terms: Sequence, key: Sequence, descending: bool, nullable: bool):
    """Rows strictly after `key` in the order of `terms` (keyset paging: a page starts where
    the last one ended, found through the index, instead of counting past OFFSET rows).

    All terms run in one direction; only the first may be NULL, which SQLite sorts first
    ascending and last descending. The rest end in the id, so the order is total.
    """
    values = [pw.Value(v.isoformat() if isinstance(v, date) else v, converter=False) for v in key]
    if nullable and key[0] is None:
        rest = (
            pw.Tuple(*terms[1:]) < pw.Tuple(*values[1:])
            if descending
            else pw.Tuple(*terms[1:]) > pw.Tuple(*values[1:])
        )
        nulls = terms[0].is_null() & rest
        return nulls if descending else nulls | terms[0].is_null(False)
    if descending:
        after = pw.Tuple(*terms) < pw.Tuple(*values)
        return after | terms[0].is_null() if nullable else after
    return pw.Tuple(*terms) > pw.Tuple(*values)


def _order(terms: Sequence, descending: bool) -> list:
    return [term.desc() if descending else term.asc() for term in terms]


def lead_query(as_of: date, where: LeadFilter | None = None, channel: bool = True):
    """Leads (with their channel's name) matching the filter, in no particular order;
    `channel=False` leaves the channel out unless the filter names one (a count needs no
    name: it then reads an index alone)."""
    where = where or LeadFilter()
    query = Lead.select()
    if channel or where.channel:
        query = query.join(Channel, pw.JOIN.LEFT_OUTER)
    if where.search.strip():
        query = _searched(query, where.search.strip())
    if where.tier:
        query = query.where(Lead.tier == where.tier)
    if where.channel:
        query = query.where(Channel.name == where.channel)
    if where.outcome:
        query = query.where(Lead.outcome == where.outcome)
    if where.stage:
        query = query.where(Lead.stage == where.stage)
    if where.overdue_only:
        query = query.where((Lead.outcome == "open") & (due_sql() < as_of.isoformat()))
    if where.tag:
        query = query.where(
            Lead.id.in_(LeadTag.select(LeadTag.lead).join(Tag).where(Tag.name == where.tag))
        )
    return query


def lead_counts(as_of: date, where: LeadFilter | None = None) -> tuple[int, int]:
    """How many leads the filter holds, and how many of them are overdue (open, follow-up
    date before as-of): two counts in SQL, without the channel's name."""
    where = where or LeadFilter()

    def count(query) -> int:
        return query.select(pw.fn.COUNT(Lead.id)).scalar()

    return (
        count(lead_query(as_of, where, channel=False)),
        count(lead_query(as_of, replace(where, overdue_only=True), channel=False)),
    )


# A row's key: the values of its sort's terms (LEAD_SORTS, DEFAULT_LEAD_ORDER), taken from
# the row rather than selected a second time; arguments (name, tier, stage, channel, amount,
# last contact, due, outcome, id).
_PAGE_KEYS = {
    None: lambda n, t, s, c, a, lc, d, o, i: (o != "open", t, n, i),
    "name": lambda n, t, s, c, a, lc, d, o, i: (n, i),
    "tier": lambda n, t, s, c, a, lc, d, o, i: (t, i),
    "stage": lambda n, t, s, c, a, lc, d, o, i: (s, i),
    "channel": lambda n, t, s, c, a, lc, d, o, i: (c, i),
    "expected_amount": lambda n, t, s, c, a, lc, d, o, i: (a, i),
    "last_contact": lambda n, t, s, c, a, lc, d, o, i: (lc, i),
    "due": lambda n, t, s, c, a, lc, d, o, i: (d, i),
    "outcome": lambda n, t, s, c, a, lc, d, o, i: (o, i),
}


def lead_page(
    after: tuple | None,
    limit: int,
    as_of: date,
    where: LeadFilter | None = None,
    sort: str | None = None,
    descending: bool = False,
) -> list[LeadRow]:
    """The next `limit` leads after the row whose key is `after` (None: the first page),
    filtered and sorted in SQL, with their follow-up dates."""
    if sort in LEAD_SORTS:
        column, nullable = LEAD_SORTS[sort]
        terms = (due_sql() if sort == "due" else column, Lead.id)
    else:
        sort, terms, nullable, descending = None, DEFAULT_LEAD_ORDER, False, False
    query = lead_query(as_of, where).select(
        Lead.id,
        Lead.name,
        Lead.tier,
        Lead.stage,
        Channel.name,
        Lead.expected_amount_fen,
        Lead.last_contact,
        Lead.created,
        Lead.outcome,
        Lead.next_follow_up,
    )
    if after is not None:
        query = query.where(_after(terms, after, descending, nullable))
    rows = []
    key_of = _PAGE_KEYS[sort]
    days = preferences.follow_up_days()
    cursor = database.execute(query.order_by(*_order(terms, descending)).limit(limit))
    for (
        lead_id,
        name,
        tier,
        stage,
        channel,
        amount,
        last_contact,
        created,
        outcome,
        snoozed_to,
    ) in cursor.fetchall():  # raw rows: a page is built without model objects
        last_contact = last_contact and date.fromisoformat(last_contact)
        snoozed_to = snoozed_to and date.fromisoformat(snoozed_to)
        due = follow_up_due(tier, last_contact, date.fromisoformat(created), days, snoozed_to)
        rows.append(
            LeadRow(
                lead_id,
                name,
                tier,
                stage,
                channel or "",
                amount,
                last_contact,
                outcome,
                due,
                outcome == "open" and as_of > due,
                key_of(name, tier, stage, channel, amount, last_contact, due, outcome, lead_id),
            )
        )
    return rows


def customer_page(
    after: tuple | None, limit: int, search: str = "", ids: list[int] | None = None
) -> list[tuple[tuple, Customer]]:
    """The next `limit` customers by name after the key `after` (None: the first page), each
    with its key; `ids` keeps only those (e.g. of one lifecycle stage)."""
    terms = (Customer.name, Customer.id)
    query = (
        Customer.select(Customer, Channel.name.alias("channel_name"))
        .join(Channel, pw.JOIN.LEFT_OUTER)
        .order_by(*terms)
    )
    if ids is not None:
        query = query.where(Customer.id.in_(ids))
    if after is not None:
        query = query.where(_after(terms, after, False, False))
    return [((c.name, c.id), c) for c in _matching(query, Customer, search).limit(limit).objects()]


def lead_stages() -> list[str]:
    return [
        stage
        for (stage,) in Lead.select(Lead.stage)
        .where(Lead.stage != "")
        .distinct()
        .order_by(Lead.stage)
        .tuples()
    ]


SEGMENT_FIELDS = ("industry", "customer_type", "size", "area")


def used_values(field: str) -> list[str]:
    """The values of a customer's segment field (industry, customer type, …) already in use,
    the most used first: offered when entering one, so that the same segment is spelled
    the same way and the win-rate and slice figures group it."""
    if field not in SEGMENT_FIELDS:
        raise ValueError(f"not a segment field: {field!r}")
    column = getattr(Customer, field)
    query = (
        Customer.select(column, pw.fn.COUNT(Customer.id).alias("uses"))
        .where(column != "")
        .group_by(column)
        .order_by(pw.fn.COUNT(Customer.id).desc(), column)
        .tuples()
    )
    return [value for value, _uses in query]


def channel_names() -> list[str]:
    return [name for (name,) in Channel.select(Channel.name).order_by(Channel.id).tuples()]


def lead_by_id(lead_id: int) -> Lead | None:
    """The lead with this id, None when it is gone (deleted, an import undone)."""
    return Lead.get_or_none(Lead.id == lead_id)


def customer_by_id(customer_id: int) -> Customer:
    return Customer.get_by_id(customer_id)


def blank_customer() -> Customer:
    """A customer not yet stored: what the New customer dialog starts from."""
    return Customer(name="")


def customer_choices() -> list[tuple[int, str]]:
    """Every customer as (id, name), by name: the choices of a customer box."""
    return list(Customer.select(Customer.id, Customer.name).order_by(Customer.name).tuples())


# -- the month's leads and channels (summary) --------------------------------------------------


def open_on(as_of: date) -> pw.Expression:
    """Leads open on as-of: created by then, and not yet won or lost on that day (a lead
    closed after as-of was still open)."""
    return (Lead.created <= as_of) & ((Lead.outcome == "open") | (Lead.closed > as_of))


def closed_through(as_of: date) -> pw.Expression:
    """Leads won or lost on or before as-of (their `closed` day)."""
    return Lead.outcome.in_(("won", "lost")) & (Lead.closed <= as_of)


def open_by_tier(as_of: date) -> dict[str, int]:
    """Leads open on as-of, by tier: those open now but for the ones created after as-of,
    and those closed after it (three narrow queries, each served by an index)."""
    counts = dict.fromkeys("ABC", 0)
    for where, sign in (
        (Lead.outcome == "open", 1),
        ((Lead.created > as_of) & (Lead.outcome == "open"), -1),
        ((Lead.closed > as_of) & (Lead.created <= as_of), 1),
    ):
        for tier, count in (
            Lead.select(Lead.tier, pw.fn.COUNT(Lead.id)).where(where).group_by(Lead.tier).tuples()
        ):
            counts[tier] = counts.get(tier, 0) + sign * count
    return {tier: counts[tier] for tier in "ABC"}


def overdue(as_of: date) -> list[tuple[str, str]]:
    """Leads open on as-of whose follow-up was due before it: (name, due as YYYY-MM-DD, as
    `summary --json` lists them), earliest first."""
    due = due_sql()
    rows = database.execute(
        Lead.select(Lead.name, due)
        .where(open_on(as_of) & (due < as_of.isoformat()))
        .order_by(due, Lead.name)
    )
    return rows.fetchall()


@dataclass
class ChannelFigures:
    channel: str
    cost_fen: int = 0
    leads: int = 0
    won: int = 0
    deals: int = 0
    revenue_fen: int = 0

    @property
    def conversion(self) -> Fraction | None:
        """Won ÷ leads, of the leads the channel brought in the month (through as-of)."""
        return Fraction(self.won, self.leads) if self.leads else None

    @property
    def cost_per_deal(self) -> Fraction | None:
        return Fraction(self.cost_fen, self.deals) if self.deals else None

    @property
    def roi(self) -> Fraction | None:
        """(revenue from the channel's customers − its cost) ÷ cost (docs/reference.md)."""
        return Fraction(self.revenue_fen - self.cost_fen, self.cost_fen) if self.cost_fen else None


def channels(month: str, as_of: date) -> list[ChannelFigures]:
    """Each channel's month through as-of: its cost, the leads it brought (created in the
    month) and how many of them were won by as-of, the deals and revenue of its customers
    (docs/reference.md, channel ROI)."""
    first, last = month_bounds(month)
    through = min(as_of, last)
    figures = {
        channel_id: ChannelFigures(name)
        for channel_id, name in Channel.select(Channel.id, Channel.name)
        .order_by(Channel.id)
        .tuples()
    }
    for channel_id, cost in (
        ChannelCost.select(ChannelCost.channel, ChannelCost.cost_fen)
        .where(ChannelCost.month == month)
        .tuples()
    ):
        figures[channel_id].cost_fen = cost
    won = pw.fn.SUM(pw.Case(None, [((Lead.outcome == "won") & (Lead.closed <= as_of), 1)], 0))
    for channel_id, count, wins in (
        Lead.select(Lead.channel, pw.fn.COUNT(Lead.id), won)
        .where(Lead.created.between(first, through) & Lead.channel.is_null(False))
        .group_by(Lead.channel)
        .tuples()
    ):
        figures[channel_id].leads, figures[channel_id].won = count, wins or 0
    for channel_id, deals, revenue in (
        Order.select(Customer.channel, pw.fn.COUNT(Order.id), pw.fn.SUM(Order.amount_fen))
        .join(Customer)
        .where(Order.date.between(first, through) & Customer.channel.is_null(False))
        .group_by(Customer.channel)
        .tuples()
    ):
        figures[channel_id].deals, figures[channel_id].revenue_fen = deals, revenue or 0
    return [f for f in figures.values() if f.cost_fen or f.leads or f.deals]


# -- persona: win rates ---------------------------------------------------------------------------


@dataclass
class WinRate:
    segment: str  # "tag", "industry", "size", "amount"
    value: str
    won: int
    lost: int

    @property
    def closed(self) -> int:
        return self.won + self.lost

    @property
    def rate(self) -> Fraction | None:
        """won ÷ (won + lost); None under 5 closed leads ("not enough data")."""
        return Fraction(self.won, self.closed) if self.closed >= MIN_CLOSED else None


AMOUNT_BANDS = (  # (below this many yuan, the band's name); ¥10k is 1万 in Chinese
    (10_000, QT_TRANSLATE_NOOP("Labels", "< ¥10k")),
    (50_000, QT_TRANSLATE_NOOP("Labels", "¥10k–50k")),
    (200_000, QT_TRANSLATE_NOOP("Labels", "¥50k–200k")),
)
TOP_BAND = QT_TRANSLATE_NOOP("Labels", "≥ ¥200k")


def amount_band(fen: int | None) -> str:
    """The expected amount's band, named in the interface's language."""
    from app.i18n import translate

    if fen is None:
        return "—"
    yuan = fen // 100
    for limit, name in AMOUNT_BANDS:
        if yuan < limit:
            return translate("Labels", name)
    return translate("Labels", TOP_BAND)


def win_rates(as_of: date) -> list[WinRate]:
    """Win rate per tag and per segment (industry, size, expected-amount band) over the leads
    closed on or before as-of, ranked: rates with enough data first, highest first."""
    found: dict[tuple[str, str], WinRate] = {}

    def count(segment: str, value: str, outcome: str, leads: int) -> None:
        if not value:
            return
        rate = found.setdefault((segment, value), WinRate(segment, value, 0, 0))
        if outcome == "won":
            rate.won += leads
        else:
            rate.lost += leads

    closed = closed_through(as_of)
    # closed leads counted per combination in SQL (a heavy user has tens of thousands)
    combinations = database.execute(
        Lead.select(
            Lead.industry, Lead.size, Lead.expected_amount_fen, Lead.outcome, pw.fn.COUNT(Lead.id)
        )
        .where(closed)
        .group_by(Lead.industry, Lead.size, Lead.expected_amount_fen, Lead.outcome)
    )
    for industry, size, amount, outcome, leads in combinations.fetchall():
        count("industry", industry, outcome, leads)
        count("size", size, outcome, leads)
        count("amount", amount_band(amount), outcome, leads)
    tags = database.execute(
        LeadTag.select(Tag.name, Lead.outcome, pw.fn.COUNT(LeadTag.id))
        .join_from(LeadTag, Tag)
        .join_from(LeadTag, Lead)
        .where(closed)
        .group_by(Tag.name, Lead.outcome)
    )
    for name, outcome, leads in tags.fetchall():
        count("tag", name, outcome, leads)
    return sorted(
        found.values(), key=lambda r: (r.rate is None, -(r.rate or 0), r.segment, r.value)
    )


# -- the conversion workspace ----------------------------------------------------------

DISCOVERY_FIELDS = ("discovery_efficiency", "discovery_hidden_costs", "discovery_tried")
SIGNAL_FIELDS = ("signal_after_sales", "signal_contract", "signal_competitor")
EDITABLE = (
    (
        "name",
        "contact",
        "phone",
        "industry",
        "size",
        "tier",
        "stage",
        "expected_amount_fen",
        "annual_revenue_fen",
        "budget_fen",
        "expected_close",
        "last_contact",
        "notes",
        "lost_reason",
        "outcome",
        "closed",
    )
    + DISCOVERY_FIELDS
    + SIGNAL_FIELDS
)


def edit_lead(lead_id: int, **values) -> dict:
    """Change a lead; returns the former values. Ticking a closing signal promotes it to A."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"cannot edit {sorted(unknown)}")
    lead = Lead.get_by_id(lead_id)
    if values.get("outcome") == "open":
        values.setdefault("closed", None)  # reopened: no closing day
    elif values.get("outcome", lead.outcome) != lead.outcome and values.get("closed") is None:
        raise ValueError("a lead is won or lost on a day (`closed`)")
    if any(values.get(name) and not getattr(lead, name) for name in SIGNAL_FIELDS):
        values["tier"] = "A"  # a new closing signal: the lead can close within 3 days
    before = {name: getattr(lead, name) for name in values}
    Lead.update(**values).where(Lead.id == lead_id).execute()
    return before


def add_lead(
    name: str,
    today: date,
    tier: str = "B",
    contact: str = "",
    phone: str = "",
    channel: str = "",
    expected_amount_fen: int | None = None,
) -> int:
    """A new lead, created today; a new channel name is created as the rep writes it."""
    if not name.strip():
        raise ValueError("a lead needs a name")
    names.refuse_same_lead(name)
    channel_id = Channel.get_or_create(name=channel.strip())[0].id if channel.strip() else None
    return Lead.create(
        name=name.strip(),
        tier=tier,
        contact=contact.strip(),
        phone=phone.strip(),
        channel=channel_id,
        expected_amount_fen=expected_amount_fen,
        created=today,
    ).id


def delete_lead(lead_id: int) -> dict:
    """Delete a lead with its tags and objections; returns what undo (`deletions.restore`)
    needs."""
    return deletions.delete_with_dependents(Lead, lead_id)


def tag_names() -> list[str]:
    return [name for (name,) in Tag.select(Tag.name).order_by(Tag.name).tuples()]


CUSTOMER_EDITABLE = (
    "contacts",  # the list beyond the main contact (app.contacts)
    "name",
    "contact",
    "phone",
    "email",
    "industry",
    "size",
    "area",
    "customer_type",
    "birthday",
    "birthday_lunar",
    "founded",
    "contract_end",
    "contact_left",
    "contact_left_on",
    "stage_override",
    "notes",
)


def edit_customer(customer_id: int, today: date, **values) -> dict:
    """Change a customer; returns the former values. Marking the contact as gone records the
    day (it starts the churn warning's win-back clock)."""
    unknown = set(values) - set(CUSTOMER_EDITABLE)
    if unknown:
        raise ValueError(f"cannot edit {sorted(unknown)}")
    if "name" in values:
        names.refuse_same_customer(values["name"], other_than=customer_id)
    customer = Customer.get_by_id(customer_id)
    if values.get("contact_left") and not customer.contact_left:
        values["contact_left_on"] = today
    people = values.pop("contacts", None)
    before = {name: getattr(customer, name) for name in values}
    with database.atomic():
        if values:
            Customer.update(**values).where(Customer.id == customer_id).execute()
        if people is not None:
            before["contacts"] = contacts.set_contacts("customers", customer_id, people)
    return before


def add_customer(name: str, today: date, **values) -> int:
    """A new customer entered by hand, created today."""
    unknown = set(values) - set(CUSTOMER_EDITABLE)
    if unknown:
        raise ValueError(f"cannot set {sorted(unknown)}")
    if not name.strip():
        raise ValueError("a customer needs a name")
    names.refuse_same_customer(name)
    people = values.pop("contacts", None)
    with database.atomic():
        customer_id = Customer.create(name=name.strip(), created=today, **values).id
        if people:
            contacts.set_contacts("customers", customer_id, people)
    return customer_id


def customer_orders(customer_id: int) -> tuple[int, int]:
    """How many orders a customer has and their total in fen (what deleting it takes away)."""
    count, total = (
        Order.select(pw.fn.COUNT(Order.id), pw.fn.SUM(Order.amount_fen))
        .where(Order.customer == customer_id)
        .tuples()
        .get()
    )
    return count, total or 0


def delete_customer(customer_id: int) -> dict:
    """Delete a customer with its orders, tags and touchpoint marks (leads, activities and
    tasks stay, unlinked); returns what undo (`deletions.restore`) needs."""
    return deletions.delete_with_dependents(Customer, customer_id)


def has_closing_signal(lead: Lead) -> bool:
    return any(getattr(lead, name) for name in SIGNAL_FIELDS)


def log_follow_up(lead_id: int, day: date) -> tuple:
    """A follow-up with the lead today: an activity, the lead's last contact is that day and
    the next follow-up moves (a snoozed date is used up). Returns what undo needs."""
    with database.atomic():
        lead = Lead.get_by_id(lead_id)
        activity = Activity.create(date=day, kind="follow_up", lead=lead_id, count=1)
        Lead.update(last_contact=day, next_follow_up=None).where(Lead.id == lead_id).execute()
    return activity.id, lead.last_contact, lead.next_follow_up


def undo_follow_up(lead_id: int, done: tuple) -> None:
    activity_id, last_contact, *snoozed = done
    with database.atomic():
        Activity.delete().where(Activity.id == activity_id).execute()
        values = {"last_contact": last_contact}
        if snoozed:
            values["next_follow_up"] = snoozed[0]
        Lead.update(**values).where(Lead.id == lead_id).execute()


def snooze_follow_up(lead_id: int, to: date) -> date | None:
    """Move the lead's next follow-up to `to`; returns the former snoozed date (None: none),
    which `snooze_follow_up` puts back for undo."""
    lead = Lead.get_by_id(lead_id)
    Lead.update(next_follow_up=to).where(Lead.id == lead_id).execute()
    return lead.next_follow_up


def add_objection(
    lead_id: int,
    day: date,
    objection: str,
    empathise: str = "",
    decompose: str = "",
    verify: str = "",
) -> int:
    return Objection.create(
        lead=lead_id,
        raised_on=day,
        objection=objection.strip(),
        empathise=empathise,
        decompose=decompose,
        verify=verify,
    ).id


def delete_objection(objection_id: int) -> None:
    Objection.delete().where(Objection.id == objection_id).execute()


@dataclass
class Conversion:
    """What winning a lead created, so undo can take it back."""

    lead_id: int
    customer_id: int
    order_id: int
    reward_id: int | None
    new_customer: bool
    lead_before: dict = field(default_factory=dict)


def win(lead_id: int, day: date, amount_fen: int, product: str = "") -> Conversion:
    """Won: the lead becomes a customer (or joins the one of the same normalised name) with its
    first order; a referral owes its referrer the reward."""
    if amount_fen < 0:
        raise ValueError("an order amount is not negative")
    with database.atomic():
        lead = Lead.get_by_id(lead_id)
        before = {
            "outcome": lead.outcome,
            "closed": lead.closed,
            "customer": lead.customer_id,
            "last_contact": lead.last_contact,
        }
        same_name = names.customer_named(lead.name)  # normalised: spaces, width, case
        customer = Customer.get_by_id(same_name) if same_name else None
        new = customer is None
        if new:
            customer = Customer.create(
                name=lead.name,
                contact=lead.contact,
                phone=lead.phone,
                industry=lead.industry,
                size=lead.size,
                channel=lead.channel_id,
                referred_by=lead.referred_by,
                notes=lead.notes,
                created=day,
            )
            for link in lead.tag_links:
                CustomerTag.create(customer=customer, tag=link.tag_id)
            contacts.copy_contacts("leads", lead.id, "customers", customer.id)
        order = Order.create(customer=customer, date=day, amount_fen=amount_fen, product=product)
        reward_id = None
        if lead.referred_by:
            referrer_id = names.customer_named(lead.referred_by)
            referrer = Customer.get_by_id(referrer_id) if referrer_id else None
            hours = preferences.get("leads.referral_reward_hours")
            reward_id = ReferralReward.create(
                referrer=lead.referred_by,
                referrer_customer=referrer,
                lead=lead,
                customer=customer,
                owed_on=day,
                # service hours when the rep rewards referrals so, else cash
                amount_fen=0 if hours else preferences.get("leads.referral_reward_fen"),
                service_hours=Decimal(hours) if hours else None,
            ).id
        Lead.update(outcome="won", closed=day, customer=customer, last_contact=day).where(
            Lead.id == lead_id
        ).execute()
    return Conversion(lead_id, customer.id, order.id, reward_id, new, before)


def undo_win(conversion: Conversion) -> None:
    with database.atomic():
        Lead.update(**conversion.lead_before).where(Lead.id == conversion.lead_id).execute()
        if conversion.reward_id:
            ReferralReward.delete().where(ReferralReward.id == conversion.reward_id).execute()
        Order.delete().where(Order.id == conversion.order_id).execute()
        if conversion.new_customer:
            Customer.delete().where(Customer.id == conversion.customer_id).execute()


def lose(lead_id: int, reason: str, day: date) -> dict:
    """Lost on `day`, for `reason`; returns the former values (for undo)."""
    return edit_lead(lead_id, outcome="lost", closed=day, lost_reason=reason.strip())


def rewards_owed() -> list[ReferralReward]:
    return list(
        ReferralReward.select()
        .where(ReferralReward.paid_on.is_null())
        .order_by(ReferralReward.owed_on)
    )


def mark_reward_paid(reward_id: int, day: date | None) -> date | None:
    reward = ReferralReward.get_by_id(reward_id)
    ReferralReward.update(paid_on=day).where(ReferralReward.id == reward_id).execute()
    return reward.paid_on


# -- picking up sesame, dropping the watermelon (撿了芝麻丟西瓜) ----------------------


def neglected_big_leads(as_of: date) -> list[str]:
    """The names of the overdue A-tier leads (or leads of key-account customers) while C-tier
    leads were worked this week: the warning of the guide; by name. Empty when no small lead
    was worked this week. Picked in SQL (a heavy user has tens of thousands of open leads)."""
    from app.planning import key_accounts

    monday = as_of - timedelta(days=as_of.weekday())
    small_work = (
        Activity.select()
        .join(Lead)
        .where(Activity.date.between(monday, as_of) & (Lead.tier == "C"))
        .exists()
    )
    if not small_work:
        return []
    key_names = sorted({c.name for c in key_accounts(as_of).customers})
    big = Lead.tier == "A"
    if key_names:
        big |= Lead.name.in_(key_names)
    found = database.execute(
        Lead.select(Lead.name)
        .where((Lead.outcome == "open") & (due_sql() < as_of.isoformat()) & big)
        .order_by(Lead.name)
    )
    return [name for (name,) in found.fetchall()]
