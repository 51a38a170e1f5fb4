"""The team server at a heavy user's scale: pushes and the manager's summary for N reps.

    python bench/team.py [--reps 10] [--scale 1.0]

Starts a throwaway PostgreSQL server (tests/postgres.py; Debian's `postgresql` package),
writes one heavy rep's database (bench/run.py's: at scale 1, 100,000 leads, 20,000
customers, 200,000 orders, 1,000,000 activities), and times, as separate processes like a
rep would run them: the first push of each rep, a push without changes, a push after a day's
work (40 orders, 300 activities, 60 leads touched, 5 deleted), and `team summary` over all
the reps. Prints one line per measurement. A measurement, not a test.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(*argv: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])} failed: {result.stderr.strip()}")
    return elapsed, result.stdout


def days_work(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(
        'INSERT INTO "order" (customer_id, date, amount_fen, product, notes) '
        "SELECT id, '2026-11-20', 1000000 + id, 'A', '' FROM customer LIMIT 40"
    )
    connection.execute(
        "INSERT INTO activity (date, kind, count, effective, effective_leads, notes) "
        "SELECT '2026-11-20', 'visit', 1, 1, 0, '' FROM lead LIMIT 300"
    )
    connection.execute(
        "UPDATE lead SET last_contact = '2026-11-20' WHERE id IN "
        "(SELECT id FROM lead ORDER BY id DESC LIMIT 60)"
    )
    connection.execute('DELETE FROM "order" WHERE id IN (SELECT id FROM "order" LIMIT 5)')
    connection.commit()
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from bench.run import heavy_database
    from tests import postgres

    work = Path(tempfile.mkdtemp(prefix="repdesk-team-bench-"))
    server = postgres.start()
    try:
        url = server.url()
        started = time.perf_counter()
        heavy = heavy_database(work / "heavy.sqlite3", args.scale)
        rows = sum(
            sqlite3.connect(heavy).execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in ("customer", "lead", "order", "activity")
        )
        print(f"heavy rep's file: {rows:,} rows, written in {time.perf_counter() - started:.0f} s")
        firsts = []
        for number in range(args.reps):
            path = work / f"rep{number}.sqlite3"
            shutil.copy(heavy, path)
            elapsed, _ = timed(
                "--db", str(path), "team", "push", "--server", url, "--rep", f"rep{number:02d}"
            )
            firsts.append(elapsed)
            print(f"first push rep{number:02d}: {elapsed:.1f} s", flush=True)
        again, out = timed(
            "--db", str(work / "rep0.sqlite3"), "team", "push", "--server", url, "--rep", "rep00"
        )
        print(f"push again without changes: {again:.1f} s ({out.strip()})")
        days_work(work / "rep0.sqlite3")
        after, out = timed(
            "--db", str(work / "rep0.sqlite3"), "team", "push", "--server", url, "--rep", "rep00"
        )
        print(f"push after a day's work: {after:.1f} s ({out.strip()})")
        summary = ("team", "summary", "--server", url, "--as-of", "2026-11-20", "--json")
        cold, out = timed(*summary)
        print(
            f"team summary of {args.reps} reps, the manager's copies made: {cold:.1f} s "
            f"({len(out):,} bytes of JSON)"
        )
        warm, _ = timed(*summary)
        print(f"team summary again, nothing pushed since: {warm:.1f} s")
        days_work(work / "rep1.sqlite3")
        timed("--db", str(work / "rep1.sqlite3"), "team", "push", "--server", url, "--rep", "rep01")
        warm, _ = timed(*summary)
        print(f"team summary after one rep's day's work was pushed: {warm:.1f} s")
        own, _ = timed(
            "--db", str(work / "rep1.sqlite3"), "summary", "--as-of", "2026-11-20", "--json"
        )
        print(f"one rep's own summary on their file, for comparison: {own:.1f} s")
        with server.admin() as connection:
            size = connection.execute("SELECT pg_database_size('repdesk')").fetchone()[0]
        print(f"server database: {size / 2**20:.0f} MB")
    finally:
        postgres.stop(server)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
