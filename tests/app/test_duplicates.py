"""File → Find duplicates…: records the normalised-name rule calls the same, merged into
one with everything that points at them, and taken back exactly."""

from app import duplicates
from app.models import (
    Activity,
    Customer,
    CustomerTag,
    Lead,
    LifecycleEvent,
    Order,
    Tag,
    Task,
)
from tests.conftest import AS_OF


def table_state():
    """Every row of every table a merge touches, ids and links included."""
    return {
        model.__name__: sorted(tuple(row.values()) for row in model.select().dicts())
        for model in (Customer, Lead, Order, Activity, Task, CustomerTag, LifecycleEvent)
    }


def test_pairs_of_the_same_normalised_name_are_found(db_path):
    first = Customer.create(name="ABC（杭州）有限公司", created=AS_OF)
    Customer.create(name="嘉兴瑞丰", created=AS_OF)
    second = Customer.create(name="ａｂｃ(杭州)有限公司 ", created=AS_OF)
    lead_a = Lead.create(name="Acme Ltd", created=AS_OF)
    lead_b = Lead.create(name="ACME  LTD", created=AS_OF)
    assert [(p.kind, p.keep_id, p.drop_id) for p in duplicates.find_pairs()] == [
        ("customers", first.id, second.id),
        ("leads", lead_a.id, lead_b.id),
    ]


def test_merging_moves_everything_to_the_older_record_and_undo_puts_it_back(db_path):
    keep = Customer.create(name="ABC（杭州）有限公司", phone="", industry="医药", created=AS_OF)
    drop = Customer.create(name="abc(杭州)有限公司", phone="138", industry="", created=AS_OF)
    for customer, amount in ((keep, 100), (drop, 200), (drop, 300)):
        Order.create(customer=customer, date=AS_OF, amount_fen=amount)
    Activity.create(date=AS_OF, kind="visit", customer=drop)
    Task.create(title="回访", customer=drop, created=AS_OF, quadrant=2, position=0)
    lead = Lead.create(name="ABC 线索", customer=drop, created=AS_OF)
    shared, own = Tag.create(name="大客户"), Tag.create(name="医药")
    CustomerTag.create(customer=keep, tag=shared)
    CustomerTag.create(customer=drop, tag=shared)  # the kept one has it already
    CustomerTag.create(customer=drop, tag=own)
    LifecycleEvent.create(customer=drop, kind="birthday", due=AS_OF)
    before = table_state()

    pair = duplicates.find_pairs()[0]
    done = duplicates.merge(pair)
    assert Customer.select().count() == 1
    kept = Customer.get()
    assert (kept.id, kept.name, kept.phone, kept.industry) == (
        keep.id,
        "ABC（杭州）有限公司",  # the kept record's name and values …
        "138",  # … its blank phone filled from the other
        "医药",
    )
    assert sorted(o.amount_fen for o in kept.orders) == [100, 200, 300]  # 100 + 200 + 300
    assert Activity.get().customer_id == keep.id and Task.get().customer_id == keep.id
    assert Lead.get_by_id(lead.id).customer_id == keep.id
    assert sorted(link.tag.name for link in kept.tag_links) == ["医药", "大客户"]
    assert LifecycleEvent.get().customer_id == keep.id

    duplicates.unmerge(done)
    assert table_state() == before
    assert duplicates.describe(pair) == ("ABC（杭州）有限公司", "abc(杭州)有限公司", 1, 2)
