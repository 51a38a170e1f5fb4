"""Crash safety: the writer is killed with SIGKILL at random moments, 200 times.

After every kill: every transaction the writer reported committed is there, no transaction
is there in part, and SQLite's integrity check is clean. Slow: `.ci/run` runs it after the
main suite (`pytest -m slow`).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import ROOT

ROUNDS = 200
ORDERS_PER_GROUP = 5

WRITER = textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(ROOT)!r})
    from datetime import date
    from app import db
    from app.models import Customer, Order, database
    db.open_database(sys.argv[1])
    start = int(sys.argv[2])
    print("ready", flush=True)
    for number in range(start, start + 100000):
        with database.atomic():
            customer = Customer.create(name=f"group-{{number}}", created=date(2026, 11, 20))
            for index in range({ORDERS_PER_GROUP}):
                Order.create(customer=customer, date=date(2026, 11, 20),
                             amount_fen=number * 100 + index, product=f"p{{index}}")
        print(number, flush=True)
""")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killing_the_writer_never_loses_or_half_writes_a_transaction(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    rng = random.Random(2026)
    committed: set[int] = set()
    next_number = 0
    for round_number in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(next_number)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(writer.pid, signal.SIGKILL)
        reported = [int(line) for line in writer.stdout.read().split() if line.isdigit()]
        writer.wait()
        writer.stdout.close()
        committed.update(reported)

        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            groups = dict(
                connection.execute(
                    'SELECT c.name, COUNT(o.id) FROM customer c LEFT JOIN "order" o '
                    "ON o.customer_id = c.id GROUP BY c.id"
                ).fetchall()
            )
        finally:
            connection.close()
        present = {int(name.split("-")[1]) for name in groups}
        assert committed <= present, f"round {round_number}: committed rows lost"
        assert all(count == ORDERS_PER_GROUP for count in groups.values()), (
            f"round {round_number}: a transaction is there in part"
        )
        next_number = max(present | committed, default=-1) + 1
    assert len(committed) > ROUNDS  # the writer got real work done between kills
