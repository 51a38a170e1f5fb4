"""Benchmarks at a heavy user's scale, each printed as a ratio against a baseline measured in
the same run (machines here are shared and noisy, so medians of several runs are quoted).

    python bench/run.py            # the full set
    python bench/run.py --quick    # a reduced set, under a minute

Each line: `NAME ratio X (goal ≤ Y)  [absolute figures]`, ending in `over goal` when missed.
"""

import argparse
import csv
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, ratio: float, goal: float, details: str) -> None:
    verdict = "" if ratio <= goal else "  over goal"
    print(f"{name} ratio {ratio:.2f} (goal ≤ {goal:g})  [{details}]{verdict}")


def leads_csv(path: Path, rows: int) -> Path:
    """A deterministic leads file in the rep's own (Chinese) columns."""
    rng = random.Random(12)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["线索名称", "联系人", "电话", "行业", "来源渠道", "分级", "阶段",
                         "预计金额", "创建日期", "最近跟进", "结果", "标签", "备注"])
        for i in range(rows):
            writer.writerow([f"测试{i:06d}有限公司", "王伟", f"139{i:08d}",
                             rng.choice(["制造业", "零售", "物流"]),
                             rng.choice(["陌拜", "转介绍", "展会", "线上"]), rng.choice("ABC"),
                             "需求挖掘", f"{rng.randint(1, 900) * 1000}", "2026-11-01",
                             "2026-11-15", "open", "", ""])
    return path


def bench_import(work: Path, rows: int, runs: int) -> None:
    """`repdesk import leads` against the sqlite3 command line's `.import` of the same file."""
    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli is None:
        print("import skipped: the sqlite3 command line is not installed (Debian: sqlite3)")
        return
    source = leads_csv(work / "leads.csv", rows)
    counter = iter(range(10_000))

    def ours():
        database = work / f"ours-{next(counter)}.sqlite3"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(database), "import",
                        "leads", str(source)], check=True, capture_output=True)

    def baseline():
        database = work / f"cli-{next(counter)}.sqlite3"
        subprocess.run([sqlite3_cli, str(database), ".import --csv " + str(source) + " lead"],
                       check=True, capture_output=True)

    ours_s = median_seconds(ours, runs)
    base_s = median_seconds(baseline, runs)
    report("import", ours_s / base_s, 3,
           f"{rows:,} leads: repdesk {ours_s:.2f} s, sqlite3 .import {base_s:.2f} s, "
           f"median of {runs}")


def heavy_database(path: Path, customers: int, orders: int, activities: int) -> Path:
    """A deterministic heavy user's database, written with raw SQL for speed."""
    import sqlite3
    from datetime import date, timedelta

    from app import db

    db.open_database(path)
    db.close_database()
    rng = random.Random(7)
    start = date(2024, 1, 1)
    span = (date(2026, 11, 30) - start).days
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=off")
    connection.executemany(
        "INSERT INTO customer (name, contact, phone, email, industry, size, area, customer_type,"
        " referred_by, decision_chain, pain_points, birthday, birthday_lunar, contact_left,"
        " notes, created) VALUES (?, '', ?, '', '', '', ?, '', '', '', '', ?, 0, 0, '', ?)",
        [(f"客户{i:05d}", f"1{i:010d}", rng.choice("ABCDE"),
          f"{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", "2024-01-01")
         for i in range(customers)])
    connection.executemany(
        "INSERT INTO \"order\" (customer_id, date, amount_fen, product, notes)"
        " VALUES (?, ?, ?, 'A', '')",
        [(rng.randrange(1, customers + 1), str(start + timedelta(days=rng.randrange(span))),
          rng.randrange(100_00, 50_000_00)) for _ in range(orders)])
    kinds = ("visit", "call", "follow_up", "meeting", "executive_visit")
    connection.executemany(
        "INSERT INTO activity (date, kind, count, effective, effective_leads, notes)"
        " VALUES (?, ?, ?, ?, ?, '')",
        [(str(start + timedelta(days=rng.randrange(span))), rng.choice(kinds),
          rng.randrange(1, 4), rng.random() < 0.8, rng.randrange(0, 2))
         for _ in range(activities)])
    connection.commit()
    connection.close()
    return path


def bench_summary(work: Path, scale: float, runs: int) -> None:
    """`summary --json` figures for a month against the same aggregates in hand-written SQL."""
    import sqlite3
    from datetime import date

    from app import db, metrics

    path = heavy_database(work / "heavy.sqlite3", int(20_000 * scale), int(200_000 * scale),
                          int(1_000_000 * scale))
    as_of = date(2026, 11, 20)
    db.open_database(path)

    def ours():
        metrics.month_summary("2026-11", as_of)

    connection = sqlite3.connect(path)
    raw_queries = [
        "SELECT SUM(amount_fen), COUNT(*) FROM \"order\" WHERE date BETWEEN '2026-11-01' AND "
        "'2026-11-20'",
        "SELECT SUM(CASE WHEN kind IN ('visit','executive_visit') AND effective THEN count END),"
        " SUM(effective_leads), SUM(CASE WHEN kind='call' THEN count END) FROM activity "
        "WHERE date BETWEEN '2026-11-01' AND '2026-11-20'",
        "SELECT COUNT(*) FROM (SELECT customer_id, MIN(date) f FROM \"order\" GROUP BY 1) "
        "WHERE f BETWEEN '2026-11-01' AND '2026-11-20'",
        # key accounts: revenue per customer over the 12 months before as-of
        "SELECT customer_id, SUM(amount_fen) s FROM \"order\" WHERE date > '2025-11-20' AND "
        "date <= '2026-11-20' GROUP BY 1 ORDER BY s DESC",
        # lifecycle: every customer's dates, first orders, the last 3 complete months
        "SELECT id, name, created, birthday, founded, contract_end, contact_left FROM customer",
        "SELECT customer_id, MIN(date) FROM \"order\" WHERE date <= '2026-11-20' GROUP BY 1",
        "SELECT customer_id, strftime('%Y-%m', date), SUM(amount_fen) FROM \"order\" "
        "WHERE date BETWEEN '2026-08-01' AND '2026-10-31' GROUP BY 1, 2",
        # anomalies: visits and deals per day for the month and the 4 weeks before
        "SELECT date, SUM(CASE WHEN kind IN ('visit','executive_visit') AND effective THEN "
        "count END) FROM activity WHERE date BETWEEN '2026-09-28' AND '2026-11-20' GROUP BY 1",
        "SELECT date, COUNT(*) FROM \"order\" WHERE date BETWEEN '2026-09-28' AND "
        "'2026-11-20' GROUP BY 1",
    ]

    def baseline():
        for query in raw_queries:
            connection.execute(query).fetchall()

    ours_s = median_seconds(ours, runs)
    base_s = median_seconds(baseline, runs)
    db.close_database()
    connection.close()
    report("summary", ours_s / base_s, 2,
           f"{int(200_000 * scale):,} orders, {int(1_000_000 * scale):,} activities, "
           f"{int(20_000 * scale):,} customers: month_summary {ours_s * 1000:.0f} ms, "
           f"the same aggregates in raw SQL {base_s * 1000:.0f} ms, median of {runs}")


def bench_tables(work: Path, rows: int, runs: int) -> None:
    """The leads table: its first page, sorted by a column, filtered by text, against the same
    page as raw SQL through sqlite3."""
    import sqlite3
    from datetime import date

    from app import db, leads

    source = leads_csv(work / "table-leads.csv", rows)
    path = work / "table.sqlite3"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "import", "leads",
                    str(source)], check=True, capture_output=True)
    db.open_database(path)
    connection = sqlite3.connect(path)
    as_of = date(2026, 11, 20)
    cases = {
        "table_open": (lambda: leads.lead_page(None, 200, as_of),
                       "SELECT * FROM lead ORDER BY outcome != 'open', tier, name, id LIMIT 200"),
        "table_sort": (lambda: leads.lead_page(None, 200, as_of, sort="expected_amount",
                                               descending=True),
                       "SELECT * FROM lead ORDER BY expected_amount_fen DESC, id LIMIT 200"),
        "table_filter": (lambda: leads.lead_page(None, 200, as_of,
                                                 leads.LeadFilter(search="测试01234")),
                         "SELECT * FROM lead WHERE name LIKE '%测试01234%' OR contact LIKE "
                         "'%测试01234%' OR phone LIKE '%测试01234%' OR industry LIKE "
                         "'%测试01234%' ORDER BY outcome != 'open', tier, name, id LIMIT 200"),
    }
    for name, (ours, sql) in cases.items():
        ours_s = median_seconds(ours, runs)
        base_s = median_seconds(lambda sql=sql: connection.execute(sql).fetchall(), runs)
        verdict = "" if ours_s < 0.1 else "  over 100 ms"
        report(name, ours_s / base_s, 3, f"{rows:,} leads: {ours_s * 1000:.1f} ms, raw SQL "
               f"{base_s * 1000:.1f} ms, median of {runs}{verdict}")
    connection.close()
    db.close_database()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a reduced set, under a minute")
    args = parser.parse_args()
    import peewee
    import PySide6

    print(f"{platform.platform()}; Python {platform.python_version()}; "
          f"PySide6 {PySide6.__version__}; peewee {peewee.__version__}; "
          f"SQLite {__import__('sqlite3').sqlite_version}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.quick:
            bench_import(work, rows=20_000, runs=3)
            bench_tables(work, rows=20_000, runs=3)
            bench_summary(work, scale=0.1, runs=3)
        else:
            bench_import(work, rows=100_000, runs=5)
            bench_tables(work, rows=100_000, runs=5)
            bench_summary(work, scale=1.0, runs=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
