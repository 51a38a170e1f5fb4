"""The demo: a living, deterministic month that only fills an empty database."""

from datetime import timedelta

import pytest

from app import db
from app.demo import load_demo
from app.errors import UserError
from app.figures import month_summary
from app.models import (
    Activity,
    Customer,
    Lead,
    LifecycleEvent,
    MonthlyReview,
    Order,
    PlanLine,
    Target,
    Task,
)
from tests.conftest import AS_OF


def _fingerprint():
    return (
        [(c.name, c.phone) for c in Customer.select().order_by(Customer.id)],
        [(o.customer_id, o.date, o.amount_fen) for o in Order.select().order_by(Order.id)],
        month_summary("2026-11", AS_OF),
    )


def test_the_demo_is_rich_enough_for_every_tab(demo_db):
    assert Customer.select().count() == 60
    assert Lead.select().count() == 120
    assert {lead.tier for lead in Lead.select()} == {"A", "B", "C"}
    assert {lead.outcome for lead in Lead.select()} == {"open", "won", "lost"}
    assert {task.quadrant for task in Task.select()} == {1, 2, 3, 4}
    assert Target.get(Target.month == "2026-11").revenue_fen == 200000_00
    assert PlanLine.select().where(PlanLine.month == "2026-11").count() == 2
    assert MonthlyReview.get(MonthlyReview.month == "2026-10").finished
    assert LifecycleEvent.select().count() > 0
    # six months of orders and daily activity, ending on as-of
    first_day = Activity.select().order_by(Activity.date).first().date
    assert first_day.strftime("%Y-%m") == "2026-06"
    assert max(o.date for o in Order.select()) <= AS_OF
    assert max(a.date for a in Activity.select()) == AS_OF
    summary = month_summary("2026-11", AS_OF)
    assert summary["actual"]["revenue"] > 0
    assert 2 <= summary["actual"]["effective_visits"] / summary["working_days"]["elapsed"] <= 4


def test_the_same_seed_gives_the_same_demo(tmp_path):
    fingerprints = []
    for name in ("one.sqlite3", "two.sqlite3"):
        db.open_database(tmp_path / name)
        load_demo(AS_OF, seed=7)
        fingerprints.append(_fingerprint())
    db.close_database()
    assert fingerprints[0] == fingerprints[1]
    db.open_database(tmp_path / "three.sqlite3")
    load_demo(AS_OF, seed=8)
    assert _fingerprint()[0] != fingerprints[0][0]


def test_the_demo_refuses_a_database_with_data(demo_db):
    before = Customer.select().count()
    with pytest.raises(UserError, match="already has data"):
        load_demo(AS_OF + timedelta(days=1))
    assert Customer.select().count() == before
