"""Today: the day's work ranked (docs/reference.md, `today --json`), today's quota, and the
one-key actions on each item — done and snooze.

What is due is read from the rules that already decide it (a lead's follow-up date, the
lifecycle touchpoints, the board's tasks), never stored twice. Each action returns what its
undo needs; `undo` takes it back.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

import peewee as pw

from app import figures, leads, lifecycle, metrics, planning
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message
from app.labels import label
from app.models import Customer, Lead, Task, database
from app.workdays import is_working_day, month_bounds, month_of

MAX_OVERDUE_DAYS = 30
URGENT = ("renewal_demo", "win_back")  # group 1
GREETINGS = ("birthday", "anniversary", "holiday_greeting")  # group 4: only on their day
# tasks the app generates (from leads, touchpoints, the plan): listed as those, never twice
GENERATED_ORIGINS = ("lead", "plan")
GENERATED_PREFIXES = ("lifecycle", "lead_rollup")


@dataclass
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
    persona: bool = False  # a B/C lead matching a saved persona (listed first in its group)
    rank: int = 0

    @property
    def name(self) -> str:
        return self.customer or self.lead or self.title

    def sort_key(self) -> tuple:
        return (
            self.group,
            not self.persona,
            -self.overdue_days,
            -self.amount_fen,
            self.name,
            self.kind,
            self.title,
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


def _lead_items(as_of: date, persona_leads: set[int]) -> list[Item]:
    """Open leads whose follow-up (snoozed date, else last contact + the tier's days) is due
    on as-of or in the 30 days before it."""
    due = leads.due_sql()
    oldest = as_of - timedelta(days=MAX_OVERDUE_DAYS)
    rows = database.execute(
        Lead.select(Lead.id, Lead.name, Lead.tier, Lead.expected_amount_fen, due).where(
            (Lead.outcome == "open") & due.between(oldest.isoformat(), as_of.isoformat())
        )
    )
    items = []
    # translated once, filled per lead (a heavy user has tens of thousands due)
    title = message(QT_TRANSLATE_NOOP("Messages", "Follow up {lead} (tier {tier})"))
    for lead_id, name, tier, amount, due_text in rows.fetchall():
        day = date.fromisoformat(due_text)
        items.append(
            Item(
                kind="lead_follow_up",
                title=title.format(lead=name, tier=tier),
                customer=None,
                lead=name,
                due=day,
                overdue_days=(as_of - day).days,
                group=2 if tier == "A" else 6,
                amount_fen=amount or 0,
                ref=("lead", lead_id),
                lead_id=lead_id,
                persona=tier != "A" and lead_id in persona_leads,
            )
        )
    return items


def _event_items(as_of: date) -> list[Item]:
    """Touchpoints still to do, counted at their (snoozed) date: greetings on their day only,
    the others up to 30 days overdue."""
    oldest = as_of - timedelta(days=MAX_OVERDUE_DAYS)
    items = []
    for event in lifecycle.due_events(as_of, oldest, as_of):
        if event.kind in GREETINGS and event.date != as_of:
            continue
        group = 1 if event.kind in URGENT else 4 if event.kind in GREETINGS else 5
        items.append(
            Item(
                kind=event.kind,
                title=message(
                    QT_TRANSLATE_NOOP("Messages", "{touchpoint}: {customer}"),
                    touchpoint=label("event", event.kind),
                    customer=event.customer,
                ),
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


def items(as_of: date, persona_leads: set[int] | None = None) -> list[Item]:
    """The day's work, ranked: by group (renewals and win-backs; A-tier follow-ups; the rep's
    quadrant-1 tasks; the day's birthdays, anniversaries and greetings; other touchpoints;
    B- and C-tier follow-ups, those in `persona_leads` first), then the most overdue, the
    larger expected amount, the name."""
    if persona_leads is None:  # the leads a saved persona finds (app.persona)
        from app import persona

        persona_leads = persona.saved_matches(as_of)
    found = _lead_items(as_of, persona_leads) + _event_items(as_of) + _task_items(as_of)
    found.sort(key=Item.sort_key)
    for rank, item in enumerate(found, start=1):
        item.rank = rank
    return found


# -- the quota and the month -----------------------------------------------------------


@dataclass
class Quota:
    """Today's effective visits planned (the target ladder's day) and done, calls done, and
    the actions the plan asks for today (the larger of the ladder's visits and the plan
    lines' daily actions): the rows the Today tab shows before folding the rest."""

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


def today_json(as_of: date, persona_leads: set[int] | None = None) -> dict:
    """The `today --json` object."""
    return {
        "date": as_of.isoformat(),
        "items": [item.as_json() for item in items(as_of, persona_leads)],
        "quota": quota(as_of).as_json(),
        "pace": figures.build(month_of(as_of), as_of).to_json()["pace"],  # as `summary`
    }


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
