"""The calendar feed: the rep's follow-ups, touchpoints and dated tasks as an iCalendar file
(RFC 5545, docs/reference.md `calendar --out FILE.ics`).

Each item is an all-day event with a UID that stays the same from run to run (a calendar
that imports the file again updates the event instead of adding another), a reminder at
09:00 that day, and STATUS:CANCELLED once it is done or skipped. The file is written whole
(a temporary file beside it, then renamed) and readable by the rep only.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import peewee as pw

from app import leads, lifecycle, output
from app.i18n import QT_TRANSLATE_NOOP, message
from app.labels import label
from app.models import Customer, Lead, Task, database

DEFAULT_DAYS = 30
PAST_DAYS = 30
ALARM_AT = timedelta(hours=9)  # from the start of the (all-day) event: 09:00 that day
UID_DOMAIN = "repdesk"


@dataclass(frozen=True)
class FeedItem:
    uid: str
    day: date
    summary: str
    cancelled: bool


def _lead_items(start: date, end: date) -> list[FeedItem]:
    """Each lead's next follow-up in the range (a lead has one: its UID is the lead's, so the
    event moves when a follow-up is logged); a closed lead's is cancelled."""
    due = leads.due_sql()
    rows = database.execute(
        Lead.select(Lead.id, Lead.name, Lead.tier, Lead.outcome, due).where(
            due.between(start.isoformat(), end.isoformat())
        )
    )
    return [
        FeedItem(
            f"lead-{lead_id}@{UID_DOMAIN}",
            date.fromisoformat(day),
            message(
                QT_TRANSLATE_NOOP("Messages", "Follow up {lead} (tier {tier})"),
                lead=name,
                tier=tier,
            ),
            outcome != "open",
        )
        for lead_id, name, tier, outcome, day in rows.fetchall()
    ]


def _event_items(as_of: date, start: date, end: date) -> list[FeedItem]:
    return [
        FeedItem(
            f"event-{event.customer_id}-{event.kind}-{event.due.isoformat()}@{UID_DOMAIN}",
            event.date,
            message(
                QT_TRANSLATE_NOOP("Messages", "{touchpoint}: {customer}"),
                touchpoint=label("event", event.kind),
                customer=event.customer,
            ),
            event.status in ("done", "skipped"),
        )
        for event in lifecycle.events(as_of, start, end)
    ]


def _task_items(start: date, end: date) -> list[FeedItem]:
    """Tasks with a due date in the range, but those the board made for a follow-up, a
    touchpoint or a tier's follow-ups (the feed has them already, under their own UID)."""
    query = (
        Task.select(Task.id, Task.title, Task.due, Task.done, Customer.name, Lead.name)
        .join_from(Task, Customer, pw.JOIN.LEFT_OUTER)
        .join_from(Task, Lead, pw.JOIN.LEFT_OUTER)
        .where(
            Task.due.between(start, end)
            & (
                Task.origin_key.is_null()
                | ~(
                    Task.origin_key.startswith("lead:")
                    | Task.origin_key.startswith("event:")
                    | Task.origin_key.startswith("rollup:")
                )
            )
        )
    )
    found = []
    for task_id, title, day, done, customer, lead in database.execute(query).fetchall():
        name = customer or lead
        summary = (
            message(QT_TRANSLATE_NOOP("Messages", "{task} · {name}"), task=title, name=name)
            if name and name not in title
            else title
        )
        found.append(
            FeedItem(f"task-{task_id}@{UID_DOMAIN}", date.fromisoformat(day), summary, bool(done))
        )
    return found


def feed_items(as_of: date, days: int = DEFAULT_DAYS) -> list[FeedItem]:
    """Everything due from as-of − 30 days through as-of + `days`, by day."""
    start, end = as_of - timedelta(days=PAST_DAYS), as_of + timedelta(days=days)
    found = _lead_items(start, end) + _event_items(as_of, start, end) + _task_items(start, end)
    return sorted(found, key=lambda item: (item.day, item.uid))


# Each item's event as icalendar wrote it, by item and stamp: a feed kept up to date after
# every change serialises only the events that changed (a heavy user's 100,000 events take
# icalendar about 25 s; the same file from the cache about 1 s).
_serialised: dict[tuple[FeedItem, datetime], bytes] = {}
_STAMP: datetime | None = None


def _event_bytes(item: FeedItem, stamp: datetime) -> bytes:
    import icalendar  # only the calendar commands pay for it

    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.day)
    event.add("dtend", item.day + timedelta(days=1))
    event.add("summary", item.summary)
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    if not item.cancelled:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.summary)
        alarm.add("trigger", ALARM_AT, parameters={"RELATED": "START"})
        event.add_component(alarm)
    return event.to_ical()


def build(as_of: date, days: int = DEFAULT_DAYS, stamp: datetime | None = None) -> bytes:
    """The iCalendar file's bytes (UTF-8). Without `stamp`, DTSTAMP is this process's first
    build time, so that the events it wrote before are reused."""
    return render(feed_items(as_of, days), stamp)


def render(items: list[FeedItem], stamp: datetime | None = None) -> bytes:
    """The file of these items (no database needed: the window renders on a worker thread;
    one render at a time)."""
    import icalendar

    global _serialised, _STAMP
    if stamp is None:
        _STAMP = _STAMP or datetime.now(timezone.utc).replace(microsecond=0)
        stamp = _STAMP
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//RepDesk//RepDesk Sales Workbench//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "RepDesk")
    head, end = calendar.to_ical().split(b"END:VCALENDAR")
    kept = {}
    for item in items:
        key = (item, stamp)
        kept[key] = _serialised.get(key) or _event_bytes(item, stamp)
    _serialised = kept  # only the current events stay cached
    return head + b"".join(kept.values()) + b"END:VCALENDAR" + end


def check_target(path: Path, db_path: Path | None) -> None:
    """UserError for a path that is the database's own (its file, journal, WAL, shared
    memory, lock, backups) or not a file at all."""
    output.refuse_protected(Path(path), db_path)


def write(path: Path, as_of: date, days: int = DEFAULT_DAYS, db_path: Path | None = None) -> int:
    """Write the feed to `path` whole, mode 0600; returns the number of events. Refuses the
    database's own files (exit 2)."""
    return write_content(Path(path), build(as_of, days), db_path)


def write_content(path: Path, content: bytes, db_path: Path | None = None) -> int:
    """`content` written whole at `path` (app.output: temporary file, rename, 0600)."""
    output.write_output(Path(path), lambda partial: partial.write_bytes(content), db_path)
    return content.count(b"BEGIN:VEVENT")
