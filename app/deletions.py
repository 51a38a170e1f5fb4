"""Deleting a record with what hangs on it, and putting it all back exactly (undo).

The foreign keys say what goes with a record: rows that cascade (a lead's objections, a
customer's tags and touchpoint marks) and rows that restrict (a customer's orders) are
deleted with it; rows that merely point at it (an activity, a task) keep their place and lose
the link. The snapshot holds both, so restoring brings back every row with its id and every
link.
"""

import peewee as pw

from app.models import MODELS, database


def _dependents(model: type[pw.Model]):
    for other in MODELS:
        for field in other._meta.refs:
            if field.rel_model is model:
                yield other, field


def dependents(model: type[pw.Model]):
    """Each (model, foreign key field) that points at `model`."""
    return list(_dependents(model))


def _collect(model: type[pw.Model], ids: list[int], snapshot: dict) -> None:
    for other, field in _dependents(model):
        if field.on_delete == "SET NULL":
            linked = list(other.select(other.id, field).where(field.in_(ids)).tuples())
            if linked:
                snapshot["links"].append((other, field, linked))
            continue
        rows = list(other.select().where(field.in_(ids)).dicts())
        if rows:
            _collect(other, [row["id"] for row in rows], snapshot)
            snapshot["rows"].append((other, rows))


def delete_with_dependents(model: type[pw.Model], record_id: int) -> dict:
    """Delete one record and the rows that go with it, in one transaction; returns the
    snapshot `restore` takes."""
    with database.atomic():
        snapshot = {"rows": [], "links": []}
        _collect(model, [record_id], snapshot)
        snapshot["rows"].append((model, list(model.select().where(model.id == record_id).dicts())))
        for other, rows in snapshot["rows"]:  # children first: restricted rows go before
            other.delete().where(other.id.in_([row["id"] for row in rows])).execute()
    return snapshot


def restore(snapshot: dict) -> None:
    """Put back what `delete_with_dependents` took, ids and links included."""
    with database.atomic():
        for other, rows in reversed(snapshot["rows"]):  # parents first
            other.insert_many(rows).execute()
        for other, field, linked in snapshot["links"]:
            for target in {target for _id, target in linked}:
                other.update({field: target}).where(
                    other.id.in_([i for i, t in linked if t == target])
                ).execute()
