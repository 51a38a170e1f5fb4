"""The four-quadrant task board: order, moves, edits, and tasks arriving from the app.

The board is the one place that changes tasks. Every change runs in a transaction, keeps
positions 0…n−1 inside each quadrant, and tells the listeners which quadrants changed, so
each quadrant's view refreshes from here (the Qt models only listen; see ui/tabs/board.py).
Each change returns what its undo needs.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import peewee as pw

from app import db, lifecycle
from app.bulk import insert_columns
from app.i18n import QT_TRANSLATE_NOOP, message
from app.labels import label
from app.leads import due_sql
from app.models import (
    QUADRANTS,
    Customer,
    Lead,
    PlanLine,
    Task,
    database,
)
from app.planning import daily_actions
from app.workdays import is_working_day, month_bounds, month_of, working_days

EDITABLE = ("title", "due", "notes", "customer", "lead")
GREETINGS = ("birthday", "anniversary", "holiday_greeting")
GREETING_DAYS = 3  # greetings reach the board when due within 3 days
LEAD_CARDS = 10  # A-tier follow-ups with a card of their own; the rest rolled up by tier
ROLLUP = "lead_rollup"  # a tier's roll-up card has the origin "lead_rollup:B"
UPCOMING_DAYS = 7  # other touchpoints a week ahead
MAPPING_SETTING = "board.mapping"
# The win-back plan a churn warning puts on the board: the guide's three win-back steps.
WIN_BACK_PLAN = (
    QT_TRANSLATE_NOOP("Messages", "Win back {customer}: exclusive offer"),
    QT_TRANSLATE_NOOP("Messages", "Win back {customer}: executive visit"),
    QT_TRANSLATE_NOOP("Messages", "Win back {customer}: tailored improvement plan"),
)

# Where arriving tasks land unless the rep's `board.mapping` setting says otherwise.
DEFAULT_MAPPING = {
    "lead_A": 1,
    "lead_B": 2,
    "lead_C": 2,
    "renewal_demo": 1,
    "win_back": 1,
    "first_order_callback": 2,
    "quarterly_callback": 2,
    "annual_review": 2,
    "send_content": 2,
    "plan": 2,
    "birthday": 3,
    "anniversary": 3,
    "holiday_greeting": 3,
}


class TaskCard(NamedTuple):
    """A task as the board shows it (read only: changes go through the Board)."""

    id: int
    title: str
    quadrant: int
    position: int
    due: date | None
    done: bool
    notes: str
    origin: str
    customer_id: int | None
    lead_id: int | None
    customer_name: str | None
    lead_name: str | None


@dataclass(frozen=True)
class Snapshot:
    """A deleted task's row, enough to put it back exactly (same id, place and links)."""

    data: dict


class Board:
    """The board over the open database; `listen(callback)` hears `callback(quadrants)`."""

    def __init__(self):
        self._listeners: list[Callable[[set[int]], None]] = []
        self._synced: tuple | None = None  # (as-of, the data's state) after the last sync

    def listen(self, callback: Callable[[set[int]], None]) -> None:
        self._listeners.append(callback)

    def forget_listeners(self) -> None:
        """Drop every listener (the window rebuilds its tabs on a language switch)."""
        self._listeners.clear()

    def _changed(self, *quadrants: int) -> None:
        for callback in list(self._listeners):
            callback(set(quadrants))

    # -- reading ---------------------------------------------------------------------------
    def tasks(
        self, quadrant: int, show_done: bool = False, due_by: date | None = None
    ) -> list["TaskCard"]:
        """The quadrant's tasks in the rep's order, with their customer's or lead's name;
        built from raw rows, as a quadrant may hold thousands.

        `due_by` keeps the tasks due on or before that day, plus undated ones (the Today
        focus).
        """
        query = (
            Task.select(
                Task.id,
                Task.title,
                Task.quadrant,
                Task.position,
                Task.due,
                Task.done,
                Task.notes,
                Task.origin,
                Task.customer,
                Task.lead,
                Customer.name,
                Lead.name,
            )
            .join_from(Task, Customer, pw.JOIN.LEFT_OUTER)
            .join_from(Task, Lead, pw.JOIN.LEFT_OUTER)
            .where(Task.quadrant == quadrant)
            .order_by(Task.position, Task.id)
        )
        if not show_done:
            query = query.where(~Task.done)
        if due_by is not None:
            query = query.where(Task.due.is_null() | (Task.due <= due_by))
        return [
            TaskCard(
                task_id,
                title,
                quadrant_,
                position,
                due and date.fromisoformat(due),
                bool(done),
                notes,
                origin,
                customer_id,
                lead_id,
                customer,
                lead,
            )
            for (
                task_id,
                title,
                quadrant_,
                position,
                due,
                done,
                notes,
                origin,
                customer_id,
                lead_id,
                customer,
                lead,
            ) in database.execute(query).fetchall()
        ]

    def _ids(self, quadrant: int) -> list[int]:
        return [
            task_id
            for (task_id,) in Task.select(Task.id)
            .where(Task.quadrant == quadrant)
            .order_by(Task.position, Task.id)
            .tuples()
        ]

    def _renumber(self, quadrant: int, ids: list[int]) -> None:
        """Positions 0…n−1 in the order of `ids` (the quadrant's tasks), written only where
        a task's place changed, by one prepared statement: a heavy user's quadrant holds
        thousands of cards (a statement of its own for each of 1,667 took 65–70 ms a
        move, a delete or a restore)."""
        database.cursor().executemany(
            'UPDATE "task" SET "position" = ? WHERE "id" = ? AND "position" != ?',
            [(position, task_id, position) for position, task_id in enumerate(ids)],
        )

    def place(self, task_id: int) -> tuple[int, int]:
        """(quadrant, index in the quadrant's full order) of a task."""
        task = Task.get_by_id(task_id)
        return task.quadrant, self._ids(task.quadrant).index(task_id)

    # -- changing --------------------------------------------------------------------------
    def move(
        self, task_id: int, quadrant: int, index: int | None = None, before_task: int | None = None
    ) -> tuple[int, int]:
        """Put a task into `quadrant` just before `before_task`, or at `index` of the
        quadrant's order without it (None for both: at the end); returns where it was.

        Indexes count every task of the quadrant, done ones included.
        """
        if quadrant not in QUADRANTS:
            raise ValueError(f"no quadrant {quadrant}")
        with database.atomic():
            before = self.place(task_id)
            source = self._ids(before[0])
            source.remove(task_id)
            target = source if quadrant == before[0] else self._ids(quadrant)
            if before_task is not None and before_task in target:
                index = target.index(before_task)
            index = len(target) if index is None else max(0, min(index, len(target)))
            target.insert(index, task_id)
            Task.update(quadrant=quadrant, moved_by_rep=True).where(Task.id == task_id).execute()
            self._renumber(quadrant, target)
            if quadrant != before[0]:
                self._renumber(before[0], source)
        self._changed(before[0], quadrant)
        return before

    def shift(self, task_id: int, step: int, visible: list[int] | None = None) -> bool:
        """Move a task one place up (−1) or down (+1) among `visible` (the ids the rep sees;
        default all of its quadrant). False when it is already at that end."""
        quadrant, _ = self.place(task_id)
        order = self._ids(quadrant)
        seen = visible if visible is not None else order
        where = seen.index(task_id)
        if not 0 <= where + step < len(seen):
            return False
        neighbour = seen[where + step]
        order.remove(task_id)
        self.move(task_id, quadrant, order.index(neighbour) + (1 if step > 0 else 0))
        return True

    def add(
        self,
        title: str,
        quadrant: int,
        today: date,
        due: date | None = None,
        customer: int | None = None,
        lead: int | None = None,
        notes: str = "",
        origin: str = "manual",
        origin_key: str | None = None,
        index: int | None = None,
    ) -> int:
        """A new task at the end of its quadrant (or at `index`); returns its id."""
        title = title.strip()
        if not title:
            raise ValueError("a task needs a title")
        with database.atomic():
            ids = self._ids(quadrant)
            task = Task.create(
                title=title,
                quadrant=quadrant,
                position=len(ids),
                due=due,
                customer=customer,
                lead=lead,
                notes=notes,
                created=today,
                origin=origin,
                origin_key=origin_key,
            )
            if index is not None:
                ids.insert(max(0, min(index, len(ids))), task.id)
                self._renumber(quadrant, ids)
        self._changed(quadrant)
        return task.id

    def edit(self, task_id: int, **values) -> dict:
        """Change title, due, notes or links; returns the former values."""
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise ValueError(f"cannot edit {sorted(unknown)}")
        if "title" in values and not str(values["title"]).strip():
            raise ValueError("a task needs a title")
        task = Task.get_by_id(task_id)
        before = {
            name: getattr(task, f"{name}_id" if name in ("customer", "lead") else name)
            for name in values
        }
        # the rep's card from now on: a new sync leaves it as it is
        Task.update(moved_by_rep=True, **values).where(Task.id == task_id).execute()
        self._changed(task.quadrant)
        return before

    def set_done(self, task_id: int, done: bool, today: date) -> bool:
        """Tick or untick; returns the former state."""
        task = Task.get_by_id(task_id)
        Task.update(done=done, done_on=today if done else None).where(Task.id == task_id).execute()
        self._changed(task.quadrant)
        return task.done

    def delete(self, task_id: int) -> Snapshot:
        with database.atomic():
            data = Task.select().where(Task.id == task_id).dicts().get()
            Task.delete().where(Task.id == task_id).execute()
            self._renumber(data["quadrant"], self._ids(data["quadrant"]))
        self._changed(data["quadrant"])
        return Snapshot(data)

    def restore(self, snapshot: Snapshot) -> int:
        """Put a deleted task back where it was."""
        data = dict(snapshot.data)
        quadrant, index = data["quadrant"], data["position"]
        with database.atomic():
            Task.insert(**data).execute()
            ids = self._ids(quadrant)
            ids.remove(data["id"])
            ids.insert(min(index, len(ids)), data["id"])
            self._renumber(quadrant, ids)
        self._changed(quadrant)
        return data["id"]

    # -- tasks from the rest of the app -------------------------------------------------------
    def sync(self, as_of: date) -> int:
        """Add the tasks that lead follow-ups, touchpoints and the plan call for by as-of.

        Each has an origin key, so running this again never duplicates a task, and a task
        already on the board (moved, edited or done) is left as the rep has it. Returns the
        number added. Done once per change of the data: with nothing changed since the last
        sync for the same day there is nothing new to add.
        """
        state = db.data_state()
        if state is not None and self._synced == (as_of, state):
            return 0
        added = self._sync(as_of)
        self._synced = (as_of, db.data_state())
        return added

    def _sync(self, as_of: date) -> int:
        mapping = {**DEFAULT_MAPPING, **(db.get_setting(MAPPING_SETTING) or {})}
        existing = {
            key
            for (key,) in database.execute(
                Task.select(Task.origin_key).where(Task.origin_key.is_null(False))
            ).fetchall()
        }
        arriving = arriving_tasks(as_of, existing)
        changed = self._update_rollups(as_of, arriving)
        wanted = [item for item in arriving if item["origin_key"] not in existing]
        if not wanted:
            if changed:
                self._changed(*sorted(changed))
            return 0
        with database.atomic():
            # each at the end of its quadrant, as add() puts one: in one insert, given a
            # column at a time, since a heavy user's first sync brings thousands
            ends = dict(
                Task.select(Task.quadrant, pw.fn.COUNT(Task.id)).group_by(Task.quadrant).tuples()
            )
            quadrants, positions = [], []
            for item in wanted:
                quadrant = mapping.get(item["category"], 2)
                positions.append(ends.get(quadrant, 0))
                ends[quadrant] = positions[-1] + 1
                quadrants.append(quadrant)
            columns = {
                name: [item.get(name) for item in wanted]
                for name in ("title", "due", "customer", "lead", "origin", "origin_key")
            }
            insert_columns(
                Task,
                {**columns, "quadrant": quadrants, "position": positions},
                len(wanted),
                same={"notes": "", "created": as_of},
                unsaid=set(),
            )
        self._changed(*sorted(set(quadrants) | changed))
        return len(wanted)

    def _update_rollups(self, as_of: date, arriving: list[dict]) -> set[int]:
        """Today's roll-up cards say today's counts; an earlier day's (or one whose tier has
        nothing left) goes, unless the rep moved, edited or ticked it. Returns the quadrants
        changed."""
        titles = {
            item["origin_key"]: item["title"]
            for item in arriving
            if item["origin"].startswith(ROLLUP)
        }
        changed, gone = set(), {}  # gone: the cards that go, by id, with their quadrant
        with database.atomic():
            for task_id, key, title, quadrant in (
                Task.select(Task.id, Task.origin_key, Task.title, Task.quadrant)
                .where(Task.origin.startswith(ROLLUP) & ~Task.done & ~Task.moved_by_rep)
                .tuples()
            ):
                if key not in titles:
                    gone[task_id] = quadrant
                elif titles[key] != title:
                    Task.update(title=titles[key]).where(Task.id == task_id).execute()
                    changed.add(quadrant)
            if gone:  # yesterday's: each quadrant numbered again once
                Task.delete().where(Task.id.in_(list(gone))).execute()
                for quadrant in set(gone.values()):
                    self._renumber(quadrant, self._ids(quadrant))
        return changed | set(gone.values())


def _lead_cards(as_of: date, already) -> list[dict]:
    """A card for each of the 10 A-tier leads due by tomorrow with the largest expected
    amounts; one roll-up card per tier for the other overdue leads ("Follow up 37 tier-B
    leads"), which opens the leads table filtered. Counted in SQL: a heavy user has tens of
    thousands due."""
    soon = as_of + timedelta(days=1)
    follow_up = due_sql()
    # down the expected amount's index until 10 are found: a heavy user has tens of
    # thousands due, and walking them through the follow-up date's index to sort them by
    # amount reads them all (the unary + keeps SQLite off that index)
    not_through_its_index = pw.NodeList((pw.SQL("+"), follow_up), glue="")
    items = []
    cards = database.execute(
        Lead.select(Lead.id, Lead.name, follow_up)
        .where(
            (Lead.outcome == "open")
            & (Lead.tier == "A")
            & (not_through_its_index <= soon.isoformat())
        )
        .order_by(Lead.expected_amount_fen.desc(nulls="LAST"), follow_up, Lead.id)
        .limit(LEAD_CARDS)
    ).fetchall()
    for lead_id, name, due in cards:
        if f"lead:{lead_id}:{due}" in already:
            continue
        title = message(
            QT_TRANSLATE_NOOP("Messages", "Follow up {lead} (tier {tier})"), lead=name, tier="A"
        )
        items.append(
            {
                "title": title,
                "due": date.fromisoformat(due),
                "lead": lead_id,
                "origin": "lead",
                "origin_key": f"lead:{lead_id}:{due}",
                "category": "lead_A",
            }
        )
    carded = [lead_id for lead_id, _name, _due in cards]
    counts = dict(
        zip("ABC", database.execute(overdue_by_tier(as_of, carded)).fetchone(), strict=True)
    )
    for tier in "ABC":
        if counts.get(tier):
            items.append(
                {
                    "title": message(
                        QT_TRANSLATE_NOOP("Messages", "Follow up {count} tier-{tier} leads"),
                        count=counts[tier],
                        tier=tier,
                    ),
                    "due": as_of,
                    "origin": f"{ROLLUP}:{tier}",
                    "origin_key": f"rollup:{tier}:{as_of.isoformat()}",
                    "category": f"lead_{tier}",
                }
            )
    return items


def overdue_by_tier(as_of: date, carded: list[int]) -> pw.Select:
    """The open leads overdue on `as_of`, counted for tiers A, B and C in one row, leaving
    out those with a card of their own: read from the follow-up date's index, which holds
    each lead's outcome and tier (models.follow_up_index_sql), without reading a lead's
    row, and summed as they come rather than sorted by tier: a heavy user has tens of
    thousands overdue, and a pass over the table takes 2–3 times as long."""
    return Lead.select(*[pw.fn.SUM(Lead.tier == tier) for tier in "ABC"]).where(
        (Lead.outcome == "open") & (due_sql() < as_of.isoformat()) & Lead.id.not_in(carded)
    )


def rollup_tier(task: "TaskCard | Task") -> str | None:
    """The tier a roll-up card stands for (None: not a roll-up)."""
    origin, _, tier = task.origin.partition(":")
    return tier if origin == ROLLUP else None


def arriving_tasks(as_of: date, already: frozenset | set = frozenset()) -> list[dict]:
    """What the app wants on the board on `as_of`, each with a category for the mapping.

    Cards whose origin key is in `already` (on the board: the rep's now) are left out
    before their titles are written, as a heavy user has thousands; the roll-up cards are
    always there, as their titles say today's counts.
    """
    return [
        *_lead_cards(as_of, already),
        *_touchpoint_cards(as_of, already),
        *_win_back_cards(as_of, already),
        *_plan_cards(as_of, already),
    ]


def _touchpoint_cards(as_of: date, already) -> list[dict]:
    """The lifecycle touchpoints of the week around as-of; greetings 3 days ahead only."""
    items = []
    horizon = as_of + timedelta(days=UPCOMING_DAYS)
    for event in lifecycle.due_events(as_of, as_of - timedelta(days=UPCOMING_DAYS), horizon):
        limit = as_of + timedelta(days=GREETING_DAYS) if event.kind in GREETINGS else horizon
        key = f"event:{event.customer_id}:{event.kind}:{event.due.isoformat()}"
        if event.date <= limit and key not in already:
            title = message(
                QT_TRANSLATE_NOOP("Messages", "{touchpoint}: {customer}"),
                touchpoint=label("event", event.kind),
                customer=event.customer,
            )
            items.append(
                {
                    "title": title,
                    "due": event.date,
                    "customer": event.customer_id,
                    "origin": f"lifecycle:{event.kind}",
                    "origin_key": key,
                    "category": event.kind,
                }
            )
    return items


def _win_back_cards(as_of: date, already) -> list[dict]:
    """The win-back plan's three steps for each customer a churn warning names."""
    items = []
    for customer, detected in lifecycle.churned_since(as_of):
        for step, text in enumerate(WIN_BACK_PLAN):
            key = f"winback:{customer.id}:{detected.isoformat()}:{step}"
            if key not in already:
                items.append(
                    {
                        "title": message(text, customer=customer.name),
                        "due": as_of,
                        "customer": customer.id,
                        "origin": "lifecycle:win_back",
                        "origin_key": key,
                        "category": "win_back",
                    }
                )
    return items


def _plan_cards(as_of: date, already) -> list[dict]:
    """On a working day, a card for each plan line with actions due today."""
    if not is_working_day(as_of):
        return []
    items = []
    month = month_of(as_of)
    first, _ = month_bounds(month)
    days = len(working_days(first.year, first.month))
    for line in PlanLine.select().where(PlanLine.month == month):
        actions = daily_actions(line, days)
        key = f"plan:{line.id}:{as_of.isoformat()}"
        if actions and key not in already:
            title = message(
                QT_TRANSLATE_NOOP("Messages", "Today's plan: {count} × {product} {customer_type}"),
                count=actions,
                product=line.product,
                customer_type=line.customer_type,
            )
            items.append(
                {
                    "title": title.strip(),
                    "due": as_of,
                    "origin": "plan",
                    "origin_key": key,
                    "category": "plan",
                }
            )
    return items


def is_overdue(task: "TaskCard | Task", as_of: date) -> bool:
    return not task.done and task.due is not None and task.due < as_of
