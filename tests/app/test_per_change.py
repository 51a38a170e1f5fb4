"""Results worked out once per change of the data (`db.per_change`): kept while the data
stands, worked out again after any change, inside a transaction never kept, and never
carried over to another file or the same file opened again."""

from datetime import date

from app import db, lifecycle
from app.models import Customer, Order, database

AS_OF = date(2026, 11, 20)


def test_a_result_is_kept_until_the_data_changes(db_path):
    calls = []

    @db.per_change
    def counted(as_of):
        calls.append(as_of)
        return [Customer.select().count()]

    assert counted(AS_OF) == [0]
    assert counted(AS_OF) == [0]  # kept
    assert len(calls) == 1
    assert counted(date(2026, 11, 21)) == [0]  # another argument: worked out
    assert len(calls) == 2
    Customer.create(name="甲", created=AS_OF)
    assert counted(AS_OF) == [1]  # a change: worked out again
    assert len(calls) == 3
    with (
        database.atomic() as transaction
    ):  # inside a transaction, which may be rolled back: not kept
        Customer.create(name="乙", created=AS_OF)
        assert counted(AS_OF) == [2]
        assert counted(AS_OF) == [2]
        assert len(calls) == 5
        transaction.rollback()
    assert counted(AS_OF) == [1]  # the rolled-back row is not seen
    db.close_database()
    db.open_database(db_path)  # the same file opened again: another state
    assert counted(AS_OF) == [1]
    assert len(calls) == 7


def test_forgetting_works_every_result_out_again(db_path):
    calls = []

    @db.per_change
    def counted(as_of):
        calls.append(as_of)
        return Customer.select().count()

    assert (counted(AS_OF), counted(AS_OF), len(calls)) == (0, 0, 1)
    db.forget_derived()  # what the benchmarks do before each timed run
    assert (counted(AS_OF), len(calls)) == (0, 2)


def test_every_customers_lifecycle_facts_follow_a_new_order(db_path):
    customer = Customer.create(name="甲", created=date(2026, 1, 1))
    (before,) = lifecycle.facts(AS_OF)
    assert before.first_order is None
    Order.create(customer=customer, date=date(2026, 10, 5), amount_fen=100_00)
    (after,) = lifecycle.facts(AS_OF)
    assert after.first_order == date(2026, 10, 5)
    assert (before.stage, after.stage) == (None, "new")  # 46 days before as-of: ≤ 90
