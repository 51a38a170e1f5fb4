"""Customer personas: which kind of lead closes, and which open leads are of that kind.

A persona is a line of conditions on a lead's fields (docs/reference.md, `persona`):

    industry=软件;size=中型;channel=转介绍;tag=数字化转型;annual_revenue>=5000万;budget>=300万

Its win rate is won ÷ closed over the leads won or lost on or before as-of (their `closed`
day) that match every term — None below 5 closed, as for the single segments in
`app.leads.win_rates`. Its open leads are the leads open on as-of that match, largest
expected amount first. The rep's saved personas mark those open leads in the leads table.
"""

import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import peewee as pw

from app import db, leads
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message
from app.io.fields import CellError, format_money, parse_money
from app.models import Channel, Lead, LeadTag, Tag, database
from app.money import fen_to_json

MIN_CLOSED = leads.MIN_CLOSED  # fewer closed leads than this: no rate ("not enough data")
SAVED_SETTING = "persona.saved"  # [{"name": …, "conditions": …}, …]

TEXT_FIELDS = ("industry", "size", "channel", "tag")
MONEY_FIELDS = {
    "annual_revenue": Lead.annual_revenue_fen,
    "budget": Lead.budget_fen,
    "expected_amount": Lead.expected_amount_fen,
}
# the Chinese names a rep may write instead (the import headers')
SYNONYMS = {
    "行业": "industry",
    "规模": "size",
    "渠道": "channel",
    "来源渠道": "channel",
    "标签": "tag",
    "年营收": "annual_revenue",
    "预算": "budget",
    "预计金额": "expected_amount",
}
OPERATORS = (">=", "<=", "=")  # the two-character ones are looked for first

BAD_TERM = QT_TRANSLATE_NOOP(
    "Messages",
    "Persona term “{term}”: write field=value (industry, size, channel, tag) or "
    "field>=amount / field<=amount (annual_revenue, budget, expected_amount).",
)
BAD_AMOUNT = QT_TRANSLATE_NOOP("Messages", "Persona term “{term}”: {reason}.")
EMPTY_VALUE = QT_TRANSLATE_NOOP("Messages", "Persona term “{term}”: the value is missing.")
NO_NAME = QT_TRANSLATE_NOOP("Messages", "A saved persona needs a name.")


@dataclass(frozen=True)
class Term:
    field: str  # industry size channel tag annual_revenue budget expected_amount
    operator: str  # "=" for the text fields, ">=" or "<=" for money
    value: str | int  # text, or fen

    def __str__(self) -> str:
        value = self.value if self.field in TEXT_FIELDS else format_amount(self.value)
        return f"{self.field}{self.operator}{value}"

    def expression(self) -> pw.Expression:
        """This term as a condition on Lead (the tag and channel through sub-queries)."""
        if self.field == "tag":
            tagged = LeadTag.select(LeadTag.lead).join(Tag).where(Tag.name == self.value)
            return Lead.id.in_(tagged)
        if self.field == "channel":
            named = Channel.select(Channel.id).where(Channel.name == self.value)
            return Lead.channel.in_(named)
        if self.field in TEXT_FIELDS:
            return getattr(Lead, self.field) == self.value
        column = MONEY_FIELDS[self.field]
        return (column >= self.value) if self.operator == ">=" else (column <= self.value)


def format_amount(fen: int) -> str:
    """An amount as a rep writes it in a condition: whole 万 as `5000万`, else yuan."""
    if fen and fen % 1_000_000 == 0:
        return f"{fen // 1_000_000}万"
    return format_money(fen)


def parse(conditions: str) -> list[Term]:
    """The terms of a CONDITIONS line (`;` between them, `；` too); a bad term is a UserError
    naming it. An empty line is the persona of every lead."""
    terms = []
    for raw in conditions.replace("；", ";").split(";"):
        text = raw.strip()
        if text:
            terms.append(_term(text))
    return terms


def _term(text: str) -> Term:
    for operator in OPERATORS:
        if operator in text:
            name, value = (part.strip() for part in text.split(operator, 1))
            break
    else:
        raise UserError(BAD_TERM, term=text)
    field = SYNONYMS.get(name, name.lower())
    if not value:
        raise UserError(EMPTY_VALUE, term=text)
    if field in TEXT_FIELDS and operator == "=":
        return Term(field, "=", value)
    if field in MONEY_FIELDS and operator in (">=", "<="):
        try:
            return Term(field, operator, parse_money(value))
        except CellError as error:
            reason = message(error.reason, **error.values)
            raise UserError(BAD_AMOUNT, term=text, reason=reason) from None
    raise UserError(BAD_TERM, term=text)


def canonical(terms: Iterable[Term]) -> str:
    return ";".join(str(term) for term in terms)


def matching(terms: Iterable[Term]) -> pw.Expression:
    expression = pw.SQL("1 = 1")
    for term in terms:
        expression &= term.expression()
    return expression


@dataclass
class OpenLead:
    id: int
    name: str
    expected_amount_fen: int | None
    tier: str


@dataclass
class Persona:
    conditions: str
    closed: int
    won: int
    open: list[OpenLead]

    @property
    def win_rate(self) -> Fraction | None:
        """won ÷ closed; None below 5 closed."""
        return Fraction(self.won, self.closed) if self.closed >= MIN_CLOSED else None

    def to_json(self) -> dict:
        return {
            "conditions": self.conditions,
            "closed": self.closed,
            "won": self.won,
            "win_rate": None if self.win_rate is None else float(self.win_rate),
            "open": [
                {
                    "lead": lead.name,
                    "expected_amount": None
                    if lead.expected_amount_fen is None
                    else fen_to_json(lead.expected_amount_fen),
                    "tier": lead.tier,
                }
                for lead in self.open
            ],
        }


def evaluate(conditions: str, as_of: date) -> Persona:
    """The persona's closed, won and open leads on as-of (conditions as the rep wrote them;
    a bad one is a UserError)."""
    terms = parse(conditions)
    where = matching(terms)
    counts = dict(
        Lead.select(Lead.outcome, pw.fn.COUNT(Lead.id))
        .where(leads.closed_through(as_of) & where)
        .group_by(Lead.outcome)
        .tuples()
    )
    open_rows = (
        Lead.select(Lead.id, Lead.name, Lead.expected_amount_fen, Lead.tier)
        .where(leads.open_on(as_of) & where)
        .order_by(Lead.expected_amount_fen.is_null(), Lead.expected_amount_fen.desc(), Lead.name)
        .tuples()
    )
    return Persona(
        conditions=conditions.strip(),
        closed=counts.get("won", 0) + counts.get("lost", 0),
        won=counts.get("won", 0),
        open=[OpenLead(*row) for row in open_rows],
    )


# -- suggestions: the combinations that closed best -------------------------------------------


@dataclass
class Suggestion:
    conditions: str
    closed: int
    won: int

    @property
    def win_rate(self) -> Fraction:
        return Fraction(self.won, self.closed)


def suggestions(as_of: date, limit: int = 5, size: int = 2) -> list[Suggestion]:
    """The combinations of up to `size` terms (each on another field) with the highest win
    rate among the rep's own closed leads, at least 5 closed each; ties by more closed, then
    by fewer terms. Terms are the values the closed leads carry (industry, size, channel,
    tag) and, for each amount, its median among them (`annual_revenue>=…`).

    Each term's leads are a bit set (a Python int, bit i for the i-th closed lead), so a
    combination is an `&` and its counts `bit_count()`: 75,000 closed leads in well under a
    second."""
    closed = leads.closed_through(as_of)
    position: dict[int, int] = {}  # lead id → its bit
    won: list[int] = []
    by_term: dict[tuple, list[int]] = {}  # (field, operator, value) → bits
    amounts: dict[str, list[tuple[int, int]]] = {name: [] for name in MONEY_FIELDS}
    query = (
        Lead.select(
            Lead.id,
            Lead.outcome,
            Lead.industry,
            Lead.size,
            Channel.name,
            Lead.annual_revenue_fen,
            Lead.budget_fen,
            Lead.expected_amount_fen,
        )
        .join(Channel, pw.JOIN.LEFT_OUTER)
        .where(closed)
    )
    for bit, row in enumerate(database.execute(query)):
        lead_id, result, industry, size_, channel, revenue, budget, amount = row
        position[lead_id] = bit
        if result == "won":
            won.append(bit)
        for key in (("industry", "=", industry), ("size", "=", size_), ("channel", "=", channel)):
            if key[2]:
                by_term.setdefault(key, []).append(bit)
        for field, value in (
            ("annual_revenue", revenue),
            ("budget", budget),
            ("expected_amount", amount),
        ):
            if value is not None:
                amounts[field].append((value, bit))
    tags = LeadTag.select(LeadTag.lead, Tag.name).join(Tag).switch(LeadTag).join(Lead)
    for lead_id, name in database.execute(tags.where(closed)):
        by_term.setdefault(("tag", "=", name), []).append(position[lead_id])
    for field, values in amounts.items():
        if len(values) >= MIN_CLOSED:
            values.sort()
            median = values[len(values) // 2][0]
            by_term[(field, ">=", median)] = [bit for value, bit in values if value >= median]
    total = len(position)
    won_bits = _bit_set(won, total)
    usable = [
        (Term(*key), _bit_set(bits, total))
        for key, bits in by_term.items()
        if len(bits) >= MIN_CLOSED
    ]
    found: list[tuple[tuple, Suggestion]] = []
    for count in range(1, size + 1):
        for combination in itertools.combinations(usable, count):
            if len({term.field for term, _ in combination}) < count:
                continue
            bits = combination[0][1]
            for _, more in combination[1:]:
                bits &= more
            number = bits.bit_count()
            if number < MIN_CLOSED:
                continue
            won = (bits & won_bits).bit_count()
            text = canonical(sorted((term for term, _ in combination), key=str))
            found.append(
                ((-Fraction(won, number), -number, count, text), Suggestion(text, number, won))
            )
    found.sort(key=lambda pair: pair[0])
    return [suggestion for _, suggestion in found[:limit]]


def _bit_set(bits: list[int], total: int) -> int:
    """These bit positions as one int (built in a byte array: or-ing bits into a growing int
    one at a time costs the square of the count)."""
    array = bytearray((total + 7) // 8)
    for bit in bits:
        array[bit >> 3] |= 1 << (bit & 7)
    return int.from_bytes(array, "little")


# -- saved personas ------------------------------------------------------------------------


def saved() -> list[dict]:
    """The rep's saved personas, in the order saved: {"name", "conditions"}."""
    return list(db.get_setting(SAVED_SETTING) or [])


def set_saved(personas: list[dict]) -> None:
    db.set_setting(SAVED_SETTING, personas)


def save(name: str, conditions: str) -> list[dict]:
    """Save (or replace, by name) a persona; returns the list before, for undo."""
    name = name.strip()
    if not name:
        raise UserError(NO_NAME)
    terms = parse(conditions)
    before = saved()
    after = [p for p in before if p["name"] != name] + [
        {"name": name, "conditions": canonical(terms)}
    ]
    set_saved(after)
    return before


def remove(name: str) -> list[dict]:
    before = saved()
    set_saved([p for p in before if p["name"] != name])
    return before


def saved_condition(as_of: date) -> pw.Expression | None:
    """One SQL condition true for the leads `saved_matches` finds: open on as-of and
    matching any saved persona (None when none is saved). The Today list orders by it."""
    found = []
    for persona in saved():
        try:
            found.append(matching(parse(persona["conditions"])))
        except UserError:
            continue  # as in saved_matches
    if not found:
        return None
    return leads.open_on(as_of) & functools.reduce(lambda either, other: either | other, found)


def saved_matches(as_of: date, ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """The open leads on as-of matching a saved persona: lead id → the personas' names
    (only among `ids` when given)."""
    found: dict[int, list[str]] = {}
    wanted = None if ids is None else list(ids)
    for persona in saved():
        try:
            terms = parse(persona["conditions"])
        except UserError:
            continue  # a persona saved by another version: not a reason to fail the table
        query = Lead.select(Lead.id).where(leads.open_on(as_of) & matching(terms))
        if wanted is not None:
            query = query.where(Lead.id.in_(wanted))
        for (lead_id,) in query.tuples():
            found.setdefault(lead_id, []).append(persona["name"])
    return found
