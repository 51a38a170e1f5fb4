"""Today: the day's work ranked (docs/reference.md, `today --json`), today's quota, and the
one-key actions on each item — done and snooze.

What is due is read from the rules that already decide it (a lead's follow-up date, the
lifecycle touchpoints, the board's tasks), never stored twice. Each action returns what its
undo needs; `undo` takes it back.
"""

import functools
import json
import string
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from functools import cached_property
from json.encoder import encode_basestring
from typing import TypeVar

import peewee as pw

from app import figures, leads, lifecycle, metrics, persona, planning
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message
from app.labels import label
from app.models import Customer, Lead, Task, database
from app.workdays import is_working_day, month_bounds, month_of

T = TypeVar("T")
MAX_OVERDUE_DAYS = 30
URGENT = ("renewal_demo", "win_back")  # group 1
GREETINGS = ("birthday", "anniversary", "holiday_greeting")  # group 4: only on their day
# tasks the app generates (from leads, touchpoints, the plan): listed as those, never twice
GENERATED_ORIGINS = ("lead", "plan")
GENERATED_PREFIXES = ("lifecycle", "lead_rollup")


@dataclass(slots=True)
class Item:
    """One thing to do today. `ref` says what it acts on: ("lead", lead id),
    ("event", (customer id, kind, rule's due date)) or ("task", task id)."""

    kind: str
    title: str
    customer: str | None
    lead: str | None
    due: date
    overdue_days: int
    group: int
    amount_fen: int
    ref: tuple
    customer_id: int | None = None
    lead_id: int | None = None
    rank: int = 0

    @property
    def name(self) -> str:
        return self.customer or self.lead or self.title

    def sort_key(self) -> tuple:
        """Within its group: the most overdue, the larger amount, the name."""
        return (-self.overdue_days, -self.amount_fen, self.name, self.kind, self.title)

    def json_text(self) -> str:
        """`as_json()` as `today --json` prints it (see `today_json_bytes`), as text."""
        return _item_text(
            self.rank,
            self.kind,
            self.title,
            self.customer,
            self.lead,
            self.due.isoformat(),
            self.overdue_days,
        )

    def as_json(self) -> dict:
        return {
            "rank": self.rank,
            "kind": self.kind,
            "title": self.title,
            "customer": self.customer,
            "lead": self.lead,
            "due": self.due.isoformat(),
            "overdue_days": self.overdue_days,
        }


def _is_generated(origin: str) -> bool:
    return origin in GENERATED_ORIGINS or origin.startswith(GENERATED_PREFIXES)


# -- the follow-ups: counted and ranked in SQL (a heavy user has tens of thousands due) ---------


class _FollowUps:
    """Open leads whose follow-up (snoozed date, else last contact + the tier's days) is due
    on as-of or in the 30 days before it: A-tier in group 2, B and C in group 6 (those a saved
    persona finds first). SQLite counts them and ranks them — ORDER BY the group's order, the
    "lead_follow_up_due" index finding the window and holding the columns filtered and
    ranked by — and only the rows asked for are read."""

    def __init__(self, as_of: date):
        self.as_of = as_of
        self.due = leads.due_sql()
        oldest = as_of - timedelta(days=MAX_OVERDUE_DAYS)
        self.where = (Lead.outcome == "open") & self.due.between(
            oldest.isoformat(), as_of.isoformat()
        )
        chosen = persona.saved_condition(as_of)
        # B and C leads a saved persona finds come first in their group
        first = [] if chosen is None else [pw.Case(None, [((Lead.tier != "A") & chosen, 0)], 1)]
        # within a group: the most overdue (the earliest date), the larger amount, the name
        # (a lead always has one; SQLite's binary order is Python's for text), the title
        self.order = [
            *first,
            self.due,
            pw.fn.COALESCE(Lead.expected_amount_fen, 0).desc(),
            Lead.name,
            Lead.tier,
        ]
        # translated once, filled per lead; the window's 31 days read once
        self.title = message(QT_TRANSLATE_NOOP("Messages", "Follow up {lead} (tier {tier})"))
        self.days = {}
        for overdue in range(MAX_OVERDUE_DAYS + 1):
            day = as_of - timedelta(days=overdue)
            self.days[day.isoformat()] = (day, overdue)

    def counts_query(self) -> pw.Select:
        a_tier = Lead.tier == "A"
        return Lead.select(a_tier, pw.fn.COUNT(Lead.id)).where(self.where).group_by(a_tier)

    def counts(self) -> dict[int, int]:
        found = {2: 0, 6: 0}
        for is_a, count in database.execute(self.counts_query()).fetchall():
            found[2 if is_a else 6] = count
        return found

    def rows_query(self, group: int, limit: int | None = None) -> pw.Select:
        tier = (Lead.tier == "A") if group == 2 else (Lead.tier != "A")
        query = (
            Lead.select(Lead.id, Lead.name, Lead.tier, Lead.expected_amount_fen, self.due)
            .where(self.where & tier)
            .order_by(*self.order)
        )
        return query if limit is None else query.limit(limit)

    def rows(self, group: int, limit: int | None = None) -> list[tuple]:
        """(id, name, tier, amount, due) of the group's first `limit` (all: None), ranked."""
        return database.execute(self.rows_query(group, limit)).fetchall()

    def items(self, group: int, limit: int | None, first_rank: int) -> list[Item]:
        days, title = self.days, self.title
        found = []
        for rank, (lead_id, name, tier, amount, due_text) in enumerate(
            self.rows(group, limit), start=first_rank
        ):
            day, overdue = days[due_text]
            found.append(
                Item(
                    "lead_follow_up",
                    title.format(lead=name, tier=tier),
                    None,
                    name,
                    day,
                    overdue,
                    group,
                    amount or 0,
                    ("lead", lead_id),
                    None,
                    lead_id,
                    rank,
                )
            )
        return found

    def texts_query(self, group: int) -> pw.Select:
        """The group's rows in `rows_query`'s order, each its item as `today --json` prints
        it after the rank (`_FOLLOW_UP_REST`), written by SQLite: json_quote escapes as
        json.dumps does; the translated title's text around {lead} and {tier} goes in as
        parameters."""
        title = _format_sql(self.title, {"lead": Lead.name, "tier": Lead.tier})
        overdue = pw.Cast(
            pw.fn.julianday(self.as_of.isoformat()) - pw.fn.julianday(self.due), "INTEGER"
        )
        text = pw.fn.printf(
            _FOLLOW_UP_REST, pw.fn.json_quote(title), pw.fn.json_quote(Lead.name), self.due, overdue
        )
        return self.rows_query(group).select(text)

    def texts(self, group: int) -> list[bytes]:
        """Each of the group's items as `today --json` prints it after its rank, in UTF-8:
        SQLite writes each (the rank is put in front by `Day.texts`: SQLite's ROW_NUMBER()
        takes the rows through a window pass, 20-30 ms more on a heavy user's 40,000). The
        rows are read as SQLite's UTF-8 bytes: 10 MB decoded and encoded again cost a heavy
        user's `today --json` about 25 ms."""
        connection = database.connection()
        connection.text_factory = bytes
        try:
            return [rest for (rest,) in database.execute(self.texts_query(group)).fetchall()]
        finally:
            connection.text_factory = str

    def all_texts(self) -> dict[int, list[bytes]]:
        """`texts` of both groups."""
        return {group: self.texts(group) for group in FOLLOW_UP_GROUPS}


def _format_sql(template: str, columns: dict[str, pw.Node]) -> pw.Node:
    """`template.format(**values)` in SQL, each value read from its column: the template's
    text passed as parameters, never written into the SQL (a translation may hold % or
    quotes)."""
    parts: list[pw.Node] = []
    for text, name, spec, conversion in string.Formatter().parse(template):
        if text:
            parts.append(pw.Value(text))
        if name is None:
            continue
        if spec or conversion or name not in columns:
            raise ValueError(f"{template!r}: SQL fills only the plain fields {sorted(columns)}")
        parts.append(columns[name])
    if not parts:
        return pw.Value("")
    return functools.reduce(lambda whole, part: whole.concat(part), parts)


# -- touchpoints and tasks: a few, read whole ---------------------------------------------------


def _event_items(as_of: date) -> list[Item]:
    """Touchpoints still to do, counted at their (snoozed) date: greetings on their day only,
    the others up to 30 days overdue."""
    oldest = as_of - timedelta(days=MAX_OVERDUE_DAYS)
    template = message(QT_TRANSLATE_NOOP("Messages", "{touchpoint}: {customer}"))
    labels: dict[str, str] = {}
    items = []
    for event in lifecycle.due_events(as_of, oldest, as_of):
        if event.kind in GREETINGS and event.date != as_of:
            continue
        group = 1 if event.kind in URGENT else 4 if event.kind in GREETINGS else 5
        if event.kind not in labels:
            labels[event.kind] = label("event", event.kind)
        items.append(
            Item(
                kind=event.kind,
                title=template.format(touchpoint=labels[event.kind], customer=event.customer),
                customer=event.customer,
                lead=None,
                due=event.date,
                overdue_days=(as_of - event.date).days,
                group=group,
                amount_fen=0,
                ref=("event", event.key),
                customer_id=event.customer_id,
            )
        )
    return items


def _task_items(as_of: date) -> list[Item]:
    """The rep's own quadrant-1 tasks not done, due on as-of or in the 30 days before."""
    oldest = as_of - timedelta(days=MAX_OVERDUE_DAYS)
    query = (
        Task.select(
            Task.id,
            Task.title,
            Task.due,
            Task.origin,
            Task.customer,
            Task.lead,
            Customer.name,
            Lead.name,
            Lead.expected_amount_fen,
        )
        .join_from(Task, Customer, pw.JOIN.LEFT_OUTER)
        .join_from(Task, Lead, pw.JOIN.LEFT_OUTER)
        .where((Task.quadrant == 1) & ~Task.done & Task.due.between(oldest, as_of))
    )
    items = []
    for (
        task_id,
        title,
        due_text,
        origin,
        customer_id,
        lead_id,
        customer,
        lead,
        amount,
    ) in database.execute(query).fetchall():
        if _is_generated(origin):
            continue
        day = date.fromisoformat(due_text)
        items.append(
            Item(
                kind="task",
                title=title,
                customer=customer,
                lead=lead,
                due=day,
                overdue_days=(as_of - day).days,
                group=3,
                amount_fen=amount or 0,
                ref=("task", task_id),
                customer_id=customer_id,
                lead_id=lead_id,
            )
        )
    return items


# -- the day's work -------------------------------------------------------------------------------


GROUPS = (1, 2, 3, 4, 5, 6)
FOLLOW_UP_GROUPS = (2, 6)


class Day:
    """The day's work, ranked: by group (renewals and win-backs; A-tier follow-ups; the rep's
    quadrant-1 tasks; the day's birthdays, anniversaries and greetings; other touchpoints;
    B- and C-tier follow-ups, those a saved persona finds first), then the most overdue, the
    larger expected amount, the name.

    Read once per change: the touchpoints and tasks whole (a few), the follow-ups counted;
    `items(group, limit)` reads a group's first rows, ranked, `all()` every row."""

    def __init__(self, as_of: date):
        self.as_of = as_of
        self.follow_ups = _FollowUps(as_of)
        self._small: dict[int, list[Item]] = {group: [] for group in GROUPS}
        for item in _event_items(as_of) + _task_items(as_of):
            self._small[item.group].append(item)
        for found in self._small.values():
            found.sort(key=Item.sort_key)

    @cached_property
    def counts(self) -> dict[int, int]:
        """Each group's number of items."""
        found = {group: len(items) for group, items in self._small.items()}
        found.update(self.follow_ups.counts())
        return found

    @cached_property
    def first_ranks(self) -> dict[int, int]:
        """Each group's first rank."""
        found, rank = {}, 1
        for group in GROUPS:
            found[group] = rank
            rank += self.counts[group]
        return found

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def items(self, group: int, limit: int | None = None) -> list[Item]:
        """The group's first `limit` items (all: None), ranked."""
        return self._items(group, limit, self.first_ranks[group])

    def _items(self, group: int, limit: int | None, first_rank: int) -> list[Item]:
        if group in FOLLOW_UP_GROUPS:
            return self.follow_ups.items(group, limit, first_rank)
        found = self._small[group][:limit]
        for rank, item in enumerate(found, start=first_rank):
            item.rank = rank
        return found

    def first(self, count: int) -> list[Item]:
        """The day's first `count` items, ranked (a reminder's lines): each group read only
        as far as needed."""
        found: list[Item] = []
        for group in GROUPS:
            if len(found) >= count:
                break
            found += self.items(group, count - len(found))
        return found

    def all(self) -> list[Item]:
        """Every item, ranked (the groups read whole: no count needed)."""
        found: list[Item] = []
        for group in GROUPS:
            found += self._items(group, None, len(found) + 1)
        return found

    def texts(self, follow_ups: dict[int, list[bytes]] | None = None) -> list[bytes]:
        """Every item as `today --json` prints it, ranked, in UTF-8; `follow_ups`: the
        follow-ups' `_FollowUps.all_texts`, when read already."""
        if follow_ups is None:
            follow_ups = self.follow_ups.all_texts()
        head = _ITEM_HEAD.encode()
        found: list[bytes] = []
        for group in GROUPS:
            if group in FOLLOW_UP_GROUPS:
                found += [
                    b"%s%d%s" % (head, rank, rest)
                    for rank, rest in enumerate(follow_ups[group], len(found) + 1)
                ]
            else:
                found += [
                    item.json_text().encode() for item in self._items(group, None, len(found) + 1)
                ]
        return found


def items(as_of: date) -> list[Item]:
    """Every item of the day's work, ranked (see `Day`)."""
    return Day(as_of).all()


# -- the quota and the month -----------------------------------------------------------


@dataclass
class Quota:
    """Today's effective visits planned (the target ladder's day) and done, calls done, and
    the actions the plan asks for today (the larger of the ladder's visits and the plan
    lines' daily actions): the rows each group of the Today tab shows before the fold."""

    effective_visits_planned: int
    effective_visits_done: int
    calls_done: int
    actions_planned: int

    def as_json(self) -> dict:
        return {
            "effective_visits_planned": self.effective_visits_planned,
            "effective_visits_done": self.effective_visits_done,
            "calls_done": self.calls_done,
            "actions_planned": self.actions_planned,
        }


def quota(as_of: date) -> Quota:
    month = month_of(as_of)
    days = planning.month_working_days(month)
    visits_planned = plan_actions = 0
    if is_working_day(as_of):  # nothing is planned on a day off
        target = planning.target_for(month)
        if target is not None and target.effective_visits:
            visits_planned = planning.process_ladder(target.effective_visits, days).per_day
        plan_actions = sum(
            planning.daily_actions(line, days) for line in planning.plan_lines(month)
        )
    visits_done, _, calls = metrics.activity_totals(as_of, as_of)
    return Quota(visits_planned, visits_done, calls, max(visits_planned, plan_actions))


@dataclass
class NextCheckpoint:
    day: date
    expected_fen: Fraction  # the revenue expected by that day (pace's rule)
    actual_fen: int  # revenue so far


def next_checkpoint(as_of: date) -> NextCheckpoint | None:
    """The month's next checkpoint on or after as-of (None: past both, or no target)."""
    from app import preferences

    month = month_of(as_of)
    target = planning.target_for(month)
    if target is None:
        return None
    first, _ = month_bounds(month)
    for key in ("planning.first_checkpoint", "planning.second_checkpoint"):
        day = first.replace(day=preferences.get(key))
        if day >= as_of:
            return NextCheckpoint(
                day,
                planning.expected_revenue(target.revenue_fen, month, day),
                planning.revenue_through(month, as_of),
            )
    return None


def today_json(as_of: date) -> dict:
    """The `today --json` object."""
    return {
        "date": as_of.isoformat(),
        "items": [item.as_json() for item in items(as_of)],
        "quota": quota(as_of).as_json(),
        "pace": figures.build(month_of(as_of), as_of).pace_json(),  # as `summary`'s
    }


def today_json_bytes(as_of: date) -> bytes:
    """`today --json` as printed, in UTF-8 (JSON's encoding, RFC 8259): exactly
    `json.dumps(today_json(as_of), ensure_ascii=False, indent=2)`, with the items (a heavy
    user has tens of thousands) written straight from each item, not through json's
    pure-Python indenting encoder: the follow-ups' by SQLite (`_FollowUps.texts`)."""
    # the follow-ups' text (a heavy user's 40,000 rows) is read on a worker thread while this
    # one works out the rest, the touchpoints above all: both are SQLite's work, done
    # without Python's lock, so on two cores they run at once (separate reads, as they were
    # one after the other)
    follow_ups = meanwhile(_FollowUps(as_of).all_texts)
    shell = {
        "date": as_of.isoformat(),
        "items": [],
        "quota": quota(as_of).as_json(),
        "pace": figures.build(month_of(as_of), as_of).pace_json(),
    }
    text = json.dumps(shell, ensure_ascii=False, indent=2).encode()
    day = Day(as_of)
    found = day.texts(follow_ups())
    if not found:
        return text
    # one join writes the whole text (a heavy user's is 10 MB: a replace would copy it again)
    head, _, tail = text.partition(b'"items": []')
    found[0] = b'%s"items": [\n%s' % (head, found[0])
    found[-1] = b"%s\n  ]%s" % (found[-1], tail)
    return b",\n".join(found)


# An item of `today --json` as json.dumps(indent=2) writes it inside "items": the keys of
# Item.as_json, in its order, six spaces in (tests/app/test_today.py compares the two).
_ITEM_TEXT = (
    "    {\n"
    '      "rank": %d,\n'
    '      "kind": %s,\n'
    '      "title": %s,\n'
    '      "customer": %s,\n'
    '      "lead": %s,\n'
    '      "due": "%s",\n'
    '      "overdue_days": %d\n'
    "    }"
)
# what comes before the rank, and after it a follow-up's item with its kind and customer
# filled, for SQLite's printf to fill the title, lead, due date and days overdue
_ITEM_HEAD, _ITEM_REST = _ITEM_TEXT.split("%d", 1)
_FOLLOW_UP_REST = _ITEM_REST.replace("%d", "%%d") % (
    encode_basestring("lead_follow_up"),
    "%s",
    "null",
    "%s",
    "%s",
)


def _item_text(rank, kind, title, customer, lead, due_text, overdue_days) -> str:
    return _ITEM_TEXT % (
        rank,
        encode_basestring(kind),
        encode_basestring(title),
        "null" if customer is None else encode_basestring(customer),
        "null" if lead is None else encode_basestring(lead),
        due_text,
        overdue_days,
    )


def meanwhile(function: Callable[[], T]) -> Callable[[], T]:
    """Start `function()` on a worker thread, which reads on a connection of its own (closed
    when it is done); returns a function that waits for its result or raises its error."""
    found: dict = {}

    def run() -> None:
        try:
            found["value"] = function()
        except BaseException as error:  # raised again where the result is asked for
            found["error"] = error
        finally:
            database.close()  # this thread's connection

    worker = threading.Thread(target=run, name="repdesk-read")
    worker.start()

    def result() -> T:
        worker.join()
        if "error" in found:
            raise found["error"]
        return found["value"]

    return result


# -- the actions ------------------------------------------------------------------------------


@dataclass
class Change:
    """What an action did, for `undo`: the item, the kind's own undo data, and the board
    tasks generated for the item that it ticked."""

    item_ref: tuple
    action: str  # "done" or "snooze"
    before: object
    ticked: list[int] = field(default_factory=list)


def _board(board):
    if board is None:
        from app.board import Board

        board = Board()
    return board


def _generated_task_key(item: Item) -> str | None:
    """The origin key of the board task the app made for this item (app.board.sync)."""
    what, ref = item.ref
    if what == "lead":
        return f"lead:{ref}:{item.due.isoformat()}"
    if what == "event":
        customer_id, kind, due = ref
        return f"event:{customer_id}:{kind}:{due.isoformat()}"
    return None


def done(item: Item, today: date, board=None) -> Change:
    """Done: a follow-up records a follow-up activity and sets the lead's last contact to
    `today` (its next date moves); a touchpoint is marked done; a task is ticked. The board
    task the app made for a follow-up or touchpoint is ticked with it."""
    board = _board(board)
    what, ref = item.ref
    with database.atomic():
        if what == "lead":
            before = leads.log_follow_up(ref, today)
        elif what == "event":
            before = lifecycle.mark_done(ref, today)
        else:
            before = board.set_done(ref, True, today)
        ticked = []
        key = _generated_task_key(item)
        if key is not None:
            for (task_id,) in (
                Task.select(Task.id).where((Task.origin_key == key) & ~Task.done).tuples()
            ):
                board.set_done(task_id, True, today)
                ticked.append(task_id)
    return Change(item.ref, "done", before, ticked)


def check_snooze(to: date, today: date) -> None:
    """UserError unless `to` is after today."""
    if to <= today:
        raise UserError(QT_TRANSLATE_NOOP("Messages", "Snooze to a day after today."))


def snooze(item: Item, to: date, today: date, board=None) -> Change:
    """Snooze to a later day: a follow-up's next date, a touchpoint's snooze date, a task's
    due date become `to`."""
    check_snooze(to, today)
    board = _board(board)
    what, ref = item.ref
    if what == "lead":
        before = leads.snooze_follow_up(ref, to)
    elif what == "event":
        before = lifecycle.snooze(ref, to)
    else:
        before = board.edit(ref, due=to)
    return Change(item.ref, "snooze", before)


def undo(change: Change, board=None) -> None:
    """Take an action back exactly."""
    board = _board(board)
    what, ref = change.item_ref
    with database.atomic():
        for task_id in change.ticked:
            board.set_done(task_id, False, None)
        if what == "lead":
            if change.action == "done":
                leads.undo_follow_up(ref, change.before)
            else:
                leads.snooze_follow_up(ref, change.before)
        elif what == "event":
            lifecycle.restore_mark(ref, change.before)
        elif change.action == "done":
            board.set_done(ref, change.before, None)
        else:
            board.edit(ref, **change.before)
