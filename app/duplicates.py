"""File → Find duplicates…: customers (or leads) that matching by normalised name calls the
same, and merging a pair into one, undoably.

A file written before names were matched this way may hold `ABC公司` and `ａｂｃ 公司` as two
records. Merging keeps the older one: everything that points at the other (orders,
activities, tasks, touchpoints, converted leads, referral rewards, tags) moves to it, its
blank fields are filled from the other, and the other is deleted. `unmerge` puts it all
back exactly (the same ids and links).
"""

from dataclasses import dataclass, field

import peewee as pw

from app import deletions
from app.models import Customer, Lead, database
from app.names import names_by_key

KINDS = {"customers": Customer, "leads": Lead}


@dataclass
class Pair:
    kind: str  # customers or leads
    keep_id: int  # the older record, kept
    drop_id: int  # merged into it


@dataclass
class Merge:
    pair: Pair
    moved: list = field(default_factory=list)  # (model, field, ids moved to the kept record)
    kept_before: dict = field(default_factory=dict)  # the kept record's filled fields, before
    snapshot: dict = field(default_factory=dict)  # the merged record as deletions.restore takes


def find_pairs() -> list[Pair]:
    """Every record with an older one of the same normalised name, customers first."""
    pairs = []
    for kind, model in KINDS.items():
        for ids in names_by_key(model).values():
            pairs += [Pair(kind, ids[0], other) for other in ids[1:]]
    return pairs


def _blank(value) -> bool:
    return value is None or value == ""


def merge(pair: Pair) -> Merge:
    """Move everything of `drop_id` to `keep_id`, fill the kept record's blanks, delete the
    other; one transaction. Returns what `unmerge` needs."""
    model = KINDS[pair.kind]
    done = Merge(pair)
    with database.atomic():
        for other, link in deletions.dependents(model):
            ids = [i for (i,) in other.select(other.id).where(link == pair.drop_id).tuples()]
            if not ids:
                continue
            # A row the kept record already has (the same tag, the same touchpoint) stays
            # behind and goes with the merged record (UPDATE OR IGNORE skips it).
            table, column = other._meta.table_name, link.column_name
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                database.execute_sql(
                    f'UPDATE OR IGNORE "{table}" SET "{column}" = ? '
                    f"WHERE id IN ({', '.join('?' * len(chunk))})",
                    [pair.keep_id, *chunk],
                )
            moved = [
                i
                for (i,) in other.select(other.id)
                .where(other.id.in_(ids) & (link == pair.keep_id))
                .tuples()
            ]
            if moved:
                done.moved.append((other, link, moved))
        kept = model.select().where(model.id == pair.keep_id).dicts().get()
        dropped = model.select().where(model.id == pair.drop_id).dicts().get()
        fill = {
            name: dropped[name]
            for name, value in kept.items()
            if name not in ("id", "name", "batch") and _blank(value) and not _blank(dropped[name])
        }
        if fill:
            done.kept_before = {name: kept[name] for name in fill}
            model.update(**fill).where(model.id == pair.keep_id).execute()
        done.snapshot = deletions.delete_with_dependents(model, pair.drop_id)
    return done


def unmerge(done: Merge) -> None:
    """Take a merge back: the merged record and its rows restored, moved rows moved back."""
    model = KINDS[done.pair.kind]
    with database.atomic():
        deletions.restore(done.snapshot)
        for other, link, ids in done.moved:
            for start in range(0, len(ids), 500):
                other.update({link: done.pair.drop_id}).where(
                    other.id.in_(ids[start : start + 500])
                ).execute()
        if done.kept_before:
            model.update(**done.kept_before).where(model.id == done.pair.keep_id).execute()


def describe(pair: Pair) -> tuple[str, str, int, int]:
    """The pair's two names and how many orders (customers) or activities (leads) each has."""
    model = KINDS[pair.kind]
    names = dict(
        model.select(model.id, model.name)
        .where(model.id.in_([pair.keep_id, pair.drop_id]))
        .tuples()
    )
    if model is Customer:
        from app.models import Order as counted

        link = counted.customer
    else:
        from app.models import Activity as counted

        link = counted.lead
    counts = dict(
        counted.select(link, pw.fn.COUNT(counted.id))
        .where(link.in_([pair.keep_id, pair.drop_id]))
        .group_by(link)
        .tuples()
    )
    return (
        names[pair.keep_id],
        names[pair.drop_id],
        counts.get(pair.keep_id, 0),
        counts.get(pair.drop_id, 0),
    )
