"""Crash safety: processes killed with SIGKILL at random moments.

A writer of raw transactions, 200 times; then the real commands — `import`, `restore` and
`backup` — 200 times in a random order, and a `restore` over a damaged file. After every
kill: every import that finished is there whole, none is there in part, a restore left the
old data or the backup's, a backup is there whole and verified or not at all, and the file
is sound as the next open will see it. A kill keeps the page cache, so `synchronous` is
checked apart (tests/app/test_connections.py). Slow: `.ci/run` runs it after the main suite
(`pytest -m slow`).
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


GROUP_ROWS = 150  # customers per imported file


def _groups(path) -> dict[str, int]:
    """The imported groups as the next open sees them (log replayed, journal rolled back),
    read from a copy so that the file itself is left as the kill left it."""
    import shutil
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        for suffix in ("", "-wal", "-journal"):
            if path.with_name(path.name + suffix).exists():
                shutil.copyfile(path.with_name(path.name + suffix), Path(str(copy) + suffix))
        connection = sqlite3.connect(copy)
        try:
            rows = connection.execute("SELECT name FROM customer").fetchall()
        finally:
            connection.close()
    groups: dict[str, int] = {}
    for (name,) in rows:
        group = name.split("/")[0]
        groups[group] = groups.get(group, 0) + 1
    return groups


def _run_killed(argv, delay):
    """Run `python main.py …`, SIGKILL it after `delay` seconds; True when it finished."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *[str(arg) for arg in argv]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stderr.close()
        return False
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.returncode == 0, err
    return True


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killing_the_real_import_restore_and_backup_never_loses_a_record(tmp_path):
    from app import sqlite_file

    path = tmp_path / "repdesk.sqlite3"
    rng = random.Random(20)
    files = tmp_path / "files"
    files.mkdir()

    def import_file(number):
        source = files / f"g{number}.csv"
        rows = [f"g{number}/{index},1380000{index:04d}" for index in range(GROUP_ROWS)]
        source.write_text("name,phone\n" + "\n".join(rows) + "\n", encoding="utf-8")
        return source

    assert _run_killed(["--db", path, "import", "customers", import_file(0)], 120)
    saved, saved_groups = tmp_path / "saved-0.sqlite3", {"g0"}
    assert _run_killed(["--db", path, "backup", "--to", saved], 120)
    durations = {}
    for operation, argv in (
        ("import", ["import", "customers", import_file(1)]),
        ("backup", ["backup", "--to", tmp_path / "probe.sqlite3"]),
        ("restore", ["restore", saved]),
    ):
        started = time.monotonic()
        assert _run_killed(["--db", path, *argv], 120)
        durations[operation] = time.monotonic() - started
    before = set(_groups(path))
    assert before == saved_groups  # the restore put the import of g1 away
    finished = {"import": 0, "backup": 0, "restore": 0}
    for round_number in range(2, 2 + ROUNDS):
        operation = rng.choice(("import", "import", "restore", "backup"))
        # every fifth runs to its end (a loaded machine is slower than the first runs)
        delay = 120 if round_number % 5 == 0 else rng.uniform(0.0, durations[operation] * 1.2)
        if operation == "import":
            done = _run_killed(
                ["--db", path, "import", "customers", import_file(round_number)], delay
            )
            possible = (
                [before | {f"g{round_number}"}] if done else [before, before | {f"g{round_number}"}]
            )
        elif operation == "restore":
            done = _run_killed(["--db", path, "restore", saved], delay)
            possible = [saved_groups] if done else [before, saved_groups]
        else:
            dest = tmp_path / f"saved-{round_number}.sqlite3"
            done = _run_killed(["--db", path, "backup", "--to", dest], delay)
            possible = [before]
            if dest.exists():  # a backup carries its name only whole and verified
                assert sqlite_file.check(dest) == [], round_number
                assert set(_groups(dest)) == before, round_number
                saved, saved_groups = dest, set(before)
            else:
                assert not done
        finished[operation] += done
        assert sqlite_file.check(path) == [], f"round {round_number}: {operation} left it unsound"
        groups = _groups(path)
        assert all(count == GROUP_ROWS for count in groups.values()), (
            f"round {round_number}: an import is there in part"
        )
        assert set(groups) in possible, f"round {round_number}: {operation} lost records"
        before = set(groups)
    assert all(finished.values()), finished  # each operation also ran to its end


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_restore_killed_while_it_replaces_a_damaged_file_leaves_one_or_the_other(tmp_path):
    from app import sqlite_file

    path = tmp_path / "repdesk.sqlite3"
    source = tmp_path / "c.csv"
    source.write_text("name\n" + "\n".join(f"g0/{n}" for n in range(GROUP_ROWS)) + "\n")
    assert _run_killed(["--db", path, "import", "customers", source], 120)
    saved = tmp_path / "saved.sqlite3"
    assert _run_killed(["--db", path, "backup", "--to", saved], 120)
    rng = random.Random(3)
    started = time.monotonic()
    assert _run_killed(["--db", path, "restore", saved], 120)
    duration = time.monotonic() - started
    replaced = 0
    for round_number in range(ROUNDS // 4):
        if sqlite_file.check(path) == []:  # damage it again: a header, a tail or all of it
            data = path.read_bytes()
            harm = round_number % 3
            damaged = (
                bytes(100) + data[100:]
                if harm == 0
                else data[: len(data) // 2]
                if harm == 1
                else b""
            )
            path.write_bytes(damaged)
        damaged = path.read_bytes()
        # every fourth runs to its end (a loaded machine is slower than the first run)
        delay = 120 if round_number % 4 == 3 else rng.uniform(0.0, duration * 1.2)
        done = _run_killed(["--db", path, "restore", saved], delay)
        if sqlite_file.check(path) == []:
            replaced += 1
            assert _groups(path) == {"g0": GROUP_ROWS}, round_number
            kept = [p.read_bytes() for p in tmp_path.glob("repdesk.sqlite3.*.corrupt")]
            assert damaged in kept, f"round {round_number}: the damaged file was not kept"
        else:  # the damaged file, exactly as it was, and nothing beside it to replay
            assert not done and path.read_bytes() == damaged, round_number
            for suffix in ("-wal", "-journal"):
                assert not path.with_name(path.name + suffix).exists(), (round_number, suffix)
    assert replaced >= ROUNDS // 16
