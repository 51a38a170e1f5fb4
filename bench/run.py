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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing


def median_seconds(ours, baseline, runs: int) -> tuple[float, float]:
    """Median wall times of `ours` and `baseline`, run turn about, so that a neighbour's load
    on this shared machine falls on both alike."""
    times: tuple[list, list] = ([], [])
    for _ in range(runs):
        for action, found in ((ours, times[0]), (baseline, times[1])):
            start = time.perf_counter()
            action()
            found.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def report(name: str, ratio: float, goal: float, details: str) -> None:
    verdict = "" if ratio <= goal else "  over goal"
    print(f"{name} ratio {ratio:.2f} (goal ≤ {goal:g})  [{details}]{verdict}")


def leads_csv(path: Path, rows: int) -> Path:
    """A deterministic leads file in the rep's own (Chinese) columns."""
    rng = random.Random(12)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "线索名称",
                "联系人",
                "电话",
                "行业",
                "来源渠道",
                "分级",
                "阶段",
                "预计金额",
                "创建日期",
                "最近跟进",
                "结果",
                "标签",
                "备注",
            ]
        )
        for i in range(rows):
            writer.writerow(
                [
                    f"测试{i:06d}有限公司",
                    "王伟",
                    f"139{i:08d}",
                    rng.choice(["制造业", "零售", "物流"]),
                    rng.choice(["陌拜", "转介绍", "展会", "线上"]),
                    rng.choice("ABC"),
                    "需求挖掘",
                    f"{rng.randint(1, 900) * 1000}",
                    "2026-11-01",
                    "2026-11-15",
                    "open",
                    "",
                    "",
                ]
            )
    return path


def bench_import(work: Path, rows: int, runs: int) -> None:
    """`repdesk import leads` against SQLite's own part of it: the rows it stored, written
    again by raw SQL into RepDesk's own indexed table (see `sqlite_share`); the sqlite3
    command line's `.import` of the same file into an untyped table without indexes (not
    the same work) is printed beside it for information. The three run turn about, so that
    a neighbour's load on this shared machine falls on each alike (the ratio is what
    counts); a first import, untimed, gives the share its rows."""
    source = leads_csv(work / "leads.csv", rows)
    counter = iter(range(10_000))
    sqlite3_cli = shutil.which("sqlite3")

    def ours():
        database = work / f"ours-{next(counter)}.sqlite3"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--db",
                str(database),
                "import",
                "leads",
                str(source),
            ],
            check=True,
            capture_output=True,
            env=_window_env(work / "home-import"),  # as on a rep's machine: bytecode kept
        )
        return database

    def cli_import():
        database = work / f"cli-{next(counter)}.sqlite3"
        subprocess.run(
            [sqlite3_cli, str(database), ".import --csv " + str(source) + " lead"],
            check=True,
            capture_output=True,
        )

    share = sqlite_share(ours(), work, runs)
    actions = [ours, share] + ([cli_import] if sqlite3_cli else [])
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, found in zip(actions, times, strict=True):
            start = time.perf_counter()
            action()
            found.append(time.perf_counter() - start)
    ours_s, share_s, *cli = (statistics.median(found) for found in times)
    report(
        "import",
        ours_s / share_s,
        2,
        f"{rows:,} leads: repdesk import {ours_s:.2f} s, SQLite's own part (the same rows "
        f"by raw SQL into RepDesk's indexed lead table, indexes built, foreign keys checked, "
        f"committed) "
        f"{share_s:.2f} s, median of {runs}, run turn about",
    )
    if not cli:
        print("import_cli skipped: the sqlite3 command line is not installed (Debian: sqlite3)")
    else:
        print(
            f"import_cli ratio {ours_s / cli[0]:.2f} (information)  [the sqlite3 command "
            f"line's .import into an untyped table without indexes {cli[0]:.2f} s; SQLite's "
            f"own part above is {share_s / cli[0]:.1f}× that]"
        )


def sqlite_share(imported: Path, work: Path, runs: int) -> Callable[[], None]:
    """The least an import into RepDesk's schema can take: the rows an import stored, already
    parsed and checked, written again by raw SQL as the import writes them (indexes dropped,
    rows inserted, indexes built, committed, on a connection with RepDesk's pragmas: WAL,
    full synchronous writes, foreign keys checked against the rows' parents: the import's
    batch, the channels it made). Returns
    one run of it; the `runs` copies of the new database it writes into are made here,
    outside the timing."""
    import sqlite3

    source = sqlite3.connect(imported)
    columns = [row[1] for row in source.execute("PRAGMA table_info(lead)") if row[1] != "id"]
    rows = source.execute(f"SELECT {', '.join(columns)} FROM lead ORDER BY id").fetchall()
    # the rows' parents (the import's batch, the channels it made), as the import made them
    parents = {
        table: source.execute(f'SELECT * FROM "{table}"').fetchall()
        for table in {row[2] for row in source.execute("PRAGMA foreign_key_list(lead)")}
    }
    indexes = source.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'lead' AND sql IS NOT NULL"
    ).fetchall()
    source.close()
    from app import db

    empty = work / "schema.sqlite3"  # a new database, as `repdesk import` makes one
    db.open_database(empty)
    db.close_database()
    connection = sqlite3.connect(empty)  # before the rows, outside the timing
    for table, found in parents.items():
        if found:
            marks = ", ".join("?" * len(found[0]))
            connection.executemany(f'INSERT INTO "{table}" VALUES ({marks})', found)
    connection.commit()
    connection.close()  # the last connection: its WAL written back into the file copied
    # as the import writes them: a column with one value in every row is a literal
    constant = {
        index for index in range(len(columns)) if all(row[index] == rows[0][index] for row in rows)
    }
    bound = [index for index in range(len(columns)) if index not in constant]
    values = ", ".join(
        "?" if index in bound else _sql_literal(rows[0][index]) for index in range(len(columns))
    )
    insert = f"INSERT INTO lead ({', '.join(columns)}) VALUES ({values})"
    rows = [tuple(row[index] for index in bound) for row in rows]
    paths = []
    for run in range(runs):
        paths.append(work / f"share-{run}.sqlite3")
        shutil.copy(empty, paths[-1])

    def write() -> None:
        connection = sqlite3.connect(paths.pop(), isolation_level=None)
        for name, value in db.PRAGMAS:  # RepDesk's own: WAL, full sync, foreign keys checked
            connection.execute(f"PRAGMA {name} = {value}")
        connection.execute("BEGIN")
        for name, _ in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        connection.executemany(insert, rows)
        for _, sql in indexes:
            connection.execute(sql)
        connection.execute("COMMIT")
        connection.close()

    return write


def _sql_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def heavy_database(path: Path, scale: float) -> Path:
    """A heavy user's database, deterministic, written with raw SQL for speed: at scale 1,
    100,000 leads, 20,000 customers, 200,000 orders and 1,000,000 activities over three
    years, with this month's target and plan lines."""
    import sqlite3
    from datetime import date, timedelta
    from decimal import Decimal

    from app import db
    from app.models import PlanLine, Target

    customers, leads = int(20_000 * scale), int(100_000 * scale)
    orders, activities = int(200_000 * scale), int(1_000_000 * scale)
    db.open_database(path)
    Target.create(
        month="2026-11",
        revenue_fen=2_000_000_00,
        effective_visits=60,
        challenge_coefficient=Decimal("1.1"),
        key_account_executive_visits=2,
        new_long_term_customers=2,
        average_order_uplift=Decimal("0.15"),
    )
    PlanLine.create(
        month="2026-11",
        product="A",
        customer_type="大客户",
        revenue_fen=1_000_000_00,
        average_order_fen=20_000_00,
        close_rate=Decimal("0.125"),
        high_ticket=True,
    )
    PlanLine.create(
        month="2026-11",
        product="B",
        customer_type="中小客户",
        revenue_fen=1_000_000_00,
        average_order_fen=5_000_00,
        close_rate=Decimal("0.2"),
    )
    db.close_database()
    rng = random.Random(7)
    start = date(2024, 1, 1)
    span = (date(2026, 11, 30) - start).days
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=off")
    channels = ("陌拜", "转介绍", "展会", "线上")
    connection.executemany("INSERT INTO channel (name) VALUES (?)", [(c,) for c in channels])
    connection.executemany(
        "INSERT INTO customer (name, contact, phone, email, industry, size, area, customer_type,"
        " referred_by, decision_chain, pain_points, birthday, birthday_lunar, contact_left,"
        " notes, created) VALUES (?, '', ?, '', '', '', ?, '', '', '', '', ?, 0, 0, '', ?)",
        [
            (
                f"客户{i:05d}",
                f"1{i:010d}",
                rng.choice("ABCDE"),
                f"{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                "2024-01-01",
            )
            for i in range(customers)
        ],
    )
    connection.executemany(
        "INSERT INTO lead (name, contact, phone, industry, size, channel_id, referred_by, tier,"
        " stage, expected_amount_fen, created, last_contact, outcome, lost_reason,"
        " discovery_efficiency, discovery_hidden_costs, discovery_tried, signal_after_sales,"
        " signal_contract, signal_competitor, notes, closed) VALUES (?, '王伟', ?, ?, '', ?, '',"
        " ?, ?, ?, ?, ?, ?, '', '', '', '', 0, 0, 0, '',"
        " CASE WHEN ?10 = 'open' THEN NULL ELSE ?9 END)",  # closed: the last contact
        [
            (
                f"测试{i:06d}有限公司",
                f"139{i:08d}",
                rng.choice(["制造业", "零售", "物流"]),
                rng.randrange(1, len(channels) + 1),
                rng.choice("ABC"),
                rng.choice(["需求挖掘", "方案", "商务谈判"]),
                rng.randint(1, 900) * 1000_00,
                str(start + timedelta(days=rng.randrange(span))),
                str(date(2026, 11, 1) + timedelta(days=rng.randrange(20))),
                rng.choice(["open"] * 8 + ["won", "lost"]),
            )
            for i in range(leads)
        ],
    )
    connection.executemany(
        'INSERT INTO "order" (customer_id, date, amount_fen, product, notes)'
        " VALUES (?, ?, ?, 'A', '')",
        [
            (
                rng.randrange(1, customers + 1),
                str(start + timedelta(days=rng.randrange(span))),
                rng.randrange(100_00, 50_000_00),
            )
            for _ in range(orders)
        ],
    )
    kinds = ("visit", "call", "follow_up", "meeting", "executive_visit")
    connection.executemany(
        "INSERT INTO activity (date, kind, count, effective, effective_leads, notes)"
        " VALUES (?, ?, ?, ?, ?, '')",
        [
            (
                str(start + timedelta(days=rng.randrange(span))),
                rng.choice(kinds),
                rng.randrange(1, 4),
                rng.random() < 0.8,
                rng.randrange(0, 2),
            )
            for _ in range(activities)
        ],
    )
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()
    return path


def bench_summary(path: Path, scale: float, runs: int) -> None:
    """`summary --json` figures for a month against the same aggregates in hand-written SQL."""
    import sqlite3
    from datetime import date

    from app import db, figures

    as_of = date(2026, 11, 20)
    db.open_database(path)

    def ours():
        db.forget_derived()  # as the first summary after a change: nothing worked out before
        figures.month_summary("2026-11", as_of)

    connection = sqlite3.connect(path)
    raw_queries = [
        # the month's target and plan lines
        "SELECT * FROM target WHERE month = '2026-11'",
        "SELECT * FROM plan_line WHERE month = '2026-11'",
        # actuals: revenue and deals, activity counts, customers whose first order is in it
        "SELECT SUM(amount_fen), COUNT(*) FROM \"order\" WHERE date BETWEEN '2026-11-01' AND "
        "'2026-11-20'",
        "SELECT SUM(CASE WHEN kind IN ('visit','executive_visit') AND effective THEN count END),"
        " SUM(effective_leads), SUM(CASE WHEN kind='call' THEN count END) FROM activity "
        "WHERE date BETWEEN '2026-11-01' AND '2026-11-20'",
        'SELECT COUNT(*) FROM (SELECT customer_id, MIN(date) f FROM "order" GROUP BY 1) '
        "WHERE f BETWEEN '2026-11-01' AND '2026-11-20'",
        # the attainable calculator's close rate: deals ÷ effective visits, Aug–Oct
        "SELECT COUNT(*) FROM \"order\" WHERE date BETWEEN '2026-08-01' AND '2026-10-31'",
        "SELECT SUM(CASE WHEN kind IN ('visit','executive_visit') AND effective THEN count END)"
        " FROM activity WHERE date BETWEEN '2026-08-01' AND '2026-10-31'",
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
        # leads: open by tier, and every overdue lead with its follow-up date
        "SELECT tier, COUNT(*) FROM lead WHERE created <= '2026-11-20' AND (outcome = 'open' "
        "OR closed > '2026-11-20') GROUP BY tier",
        "SELECT name, date(COALESCE(last_contact, created), CASE tier WHEN 'A' THEN "
        "'+3 days' WHEN 'B' THEN '+7 days' WHEN 'C' THEN '+30 days' ELSE '+7 days' END) d "
        "FROM lead WHERE created <= '2026-11-20' AND (outcome = 'open' OR closed > "
        "'2026-11-20') AND d < '2026-11-20' ORDER BY d, name",
        # channels: their costs, leads created and won in the month, deals and revenue of
        # their customers
        "SELECT id, name FROM channel ORDER BY id",
        "SELECT channel_id, cost_fen FROM channel_cost WHERE month = '2026-11'",
        "SELECT channel_id, COUNT(*), SUM(outcome = 'won' AND closed <= '2026-11-20') FROM "
        "lead WHERE created BETWEEN '2026-11-01' AND '2026-11-20' GROUP BY 1",
        'SELECT c.channel_id, COUNT(*), SUM(o.amount_fen) FROM "order" o JOIN customer c '
        "ON o.customer_id = c.id WHERE o.date BETWEEN '2026-11-01' AND '2026-11-20' GROUP BY 1",
        # the rep's touchpoint marks, and the 10th/20th checkpoints
        "SELECT * FROM lifecycle_event WHERE status != 'due'",
        "SELECT SUM(amount_fen) FROM \"order\" WHERE date BETWEEN '2026-11-01' AND '2026-11-10'",
        "SELECT SUM(amount_fen) FROM \"order\" WHERE date BETWEEN '2026-11-01' AND '2026-11-20'",
    ]

    def baseline():
        for query in raw_queries:
            connection.execute(query).fetchall()

    ours()  # the first call reads the working-day calendar and compiles the queries
    ours_s, base_s = median_seconds(ours, baseline, runs)
    db.close_database()
    connection.close()
    report(
        "summary",
        ours_s / base_s,
        1.5,
        f"{int(200_000 * scale):,} orders, {int(1_000_000 * scale):,} activities, "
        f"{int(20_000 * scale):,} customers: month_summary {ours_s * 1000:.0f} ms, "
        f"the same aggregates in raw SQL {base_s * 1000:.0f} ms, median of {runs}",
    )


def bench_tables(path: Path, scale: float, runs: int) -> None:
    """The leads table: its first page, sorted by a column, filtered by text, against the same
    page as raw SQL through sqlite3."""
    import sqlite3
    from datetime import date

    from app import db, leads

    rows = int(100_000 * scale)
    db.open_database(path)
    connection = sqlite3.connect(path)
    as_of = date(2026, 11, 20)
    select = (
        "SELECT lead.id, lead.name, tier, stage, channel.name, expected_amount_fen, "
        "last_contact, created, outcome FROM lead LEFT JOIN channel ON "
        "lead.channel_id = channel.id "
    )
    search = (
        "WHERE lead.name LIKE '%测试01234%' OR contact LIKE '%测试01234%' OR phone LIKE "
        "'%测试01234%' OR industry LIKE '%测试01234%' "
    )
    cases = {
        "table_open": (
            lambda: leads.lead_page(None, 200, as_of),
            select + "ORDER BY outcome != 'open', tier, lead.name, lead.id LIMIT 200",
        ),
        "table_sort": (
            lambda: leads.lead_page(None, 200, as_of, sort="expected_amount", descending=True),
            select + "ORDER BY expected_amount_fen DESC, lead.id DESC LIMIT 200",
        ),
        "table_filter": (
            lambda: leads.lead_page(None, 200, as_of, leads.LeadFilter(search="测试01234")),
            select + search + "ORDER BY outcome != 'open', tier, lead.name, lead.id LIMIT 200",
        ),
    }
    # a page takes under a millisecond: five runs a side moved the ratio from 2.4 to 3.1
    # between full runs, so each line takes five times as many
    runs *= 5
    for name, (ours, sql) in cases.items():
        ours_s, base_s = median_seconds(
            ours, lambda sql=sql: connection.execute(sql).fetchall(), runs
        )
        verdict = "" if ours_s < 0.1 else "  over 100 ms"
        report(
            name,
            ours_s / base_s,
            3,
            f"{rows:,} leads: {ours_s * 1000:.1f} ms, raw SQL "
            f"{base_s * 1000:.1f} ms, median of {runs}{verdict}",
        )
    connection.close()
    db.close_database()


def bench_morning(path: Path, work: Path, scale: float, runs: int) -> None:
    """The rep's morning at a heavy user's scale: the board's first sync (ten A-tier cards and
    a roll-up card per tier, on a fresh copy each run), the Today list and the calendar feed
    (first written, then again from the events written before), each against raw SQL reading
    what it must at least read: the open leads' follow-up dates."""
    import shutil
    import sqlite3
    from datetime import date

    from app import calendar_feed, db, today
    from app.board import Board

    as_of = date(2026, 11, 20)
    leads = int(100_000 * scale)
    raw_sql = (
        "SELECT id, date(COALESCE(last_contact, created), CASE tier WHEN 'A' THEN '+3 days' "
        "WHEN 'B' THEN '+7 days' WHEN 'C' THEN '+30 days' ELSE '+7 days' END) FROM lead "
        "WHERE outcome = 'open'"
    )
    connection = sqlite3.connect(path)

    def baseline():
        connection.execute(raw_sql).fetchall()

    copy = work / "morning.sqlite3"
    sync_times, base_times, added = [], [], 0
    for _ in range(runs):
        shutil.copy(path, copy)
        db.open_database(copy)
        start = time.perf_counter()
        added = Board().sync(as_of)
        sync_times.append(time.perf_counter() - start)
        db.close_database()
        start = time.perf_counter()
        baseline()
        base_times.append(time.perf_counter() - start)
    ours_s, base_s = statistics.median(sync_times), statistics.median(base_times)
    report(
        "board_sync",
        ours_s / base_s,
        10,
        f"{leads:,} leads: the first sync {ours_s:.2f} s ({added} cards), the raw follow-up "
        f"dates {base_s * 1000:.0f} ms, median of {runs}",
    )
    db.open_database(path)

    def todays_items():
        db.forget_derived()  # as the first list after a change
        return today.items(as_of)

    ours_s, base_s = median_seconds(todays_items, baseline, runs)
    report(
        "today",
        ours_s / base_s,
        10,
        f"{len(today.items(as_of)):,} items due: {ours_s:.2f} s, the raw follow-up dates "
        f"{base_s * 1000:.0f} ms, median of {runs}",
    )
    feed = work / "feed.ics"
    calendar_feed._serialised.clear()
    start = time.perf_counter()
    events = calendar_feed.write(feed, as_of, db_path=path)
    first_s = time.perf_counter() - start
    ours_s, base_s = median_seconds(
        lambda: calendar_feed.write(feed, as_of, db_path=path), baseline, runs
    )
    report(
        "feed",
        ours_s / base_s,
        25,
        f"{events:,} events, {feed.stat().st_size / 2**20:.0f} MB: first written in "
        f"{first_s:.1f} s (icalendar), again {ours_s:.2f} s, the raw follow-up dates "
        f"{base_s * 1000:.0f} ms, median of {runs}",
    )
    db.close_database()
    connection.close()


def _window_env(home: Path) -> dict:
    """A fresh process's environment, as on a rep's machine: offscreen, its settings under
    `home`, started afresh, the modules' compiled bytecode kept (this machine's
    PYTHONDONTWRITEBYTECODE would make every process compile RepDesk's modules again, which
    an installed RepDesk does not)."""
    import os

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONDONTWRITEBYTECODE", "REPDESK_DB")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
    )
    shutil.rmtree(home / "config", ignore_errors=True)  # the default first tab every time
    return env


def _window_run(args: list[str], home: Path) -> tuple[float, dict]:
    """One fresh process of bench/window.py: its wall time and what it printed."""
    import json

    env = _window_env(home)
    env["BENCH_LAUNCHED"] = repr(time.time())
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "window.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["painted"]:
        raise RuntimeError(f"no window painted: {done.stderr[-500:]}")
    return result["painted_s"], result


def bench_window(path: Path, work: Path, runs: int) -> None:
    """Cold start to the first painted main window, and peak memory with the leads table open,
    each a fresh process, against a bare PySide6 window in a fresh process."""
    home = work / "home"
    _window_run(["repdesk", str(path)], home)  # warm-up: the day's backup, compiled modules
    _window_run(["bare"], home)
    bare, ours = [], []
    for _ in range(runs):  # turn about, as median_seconds does
        bare.append(_window_run(["bare"], home))
        ours.append(_window_run(["repdesk", str(path)], home))
    bare_s = statistics.median(seconds for seconds, _ in bare)
    ours_s = statistics.median(seconds for seconds, _ in ours)
    ready_s = statistics.median(result["ready_s"] for _, result in ours)
    report(
        "startup",
        ours_s / bare_s,
        1.5,
        f"launch to the first painted window on the heavy "
        f"database {ours_s * 1000:.0f} ms (its first tab filled in at "
        f"{ready_s * 1000:.0f} ms), a bare PySide6 window {bare_s * 1000:.0f} ms, "
        f"median of {runs} fresh processes",
    )
    bare_mb = statistics.median(result["peak_mb"] for _, result in bare)
    leads_mb = statistics.median(
        _window_run(["repdesk", str(path), "--leads"], home)[1]["peak_mb"]
        for _ in range(max(3, runs // 2))
    )
    extra = leads_mb - bare_mb
    print(
        f"memory ratio {leads_mb / bare_mb:.2f} (goal ≤ +150 MB)  [peak with the leads table "
        f"open {leads_mb:.0f} MB, a bare PySide6 window {bare_mb:.0f} MB: "
        f"+{extra:.0f} MB]{'' if extra <= 150 else '  over goal'}"
    )


AS_OF = "2026-11-20"


def tab_goal(demo_s: float) -> float:
    """A tab's goal as a ratio: heavy ≤ max(1.5 × demo, demo + 150 ms), the cost may grow a
    little with the data, not with its size."""
    return max(1.5, (demo_s + 0.15) / demo_s)


def report_against_demo(name: str, heavy_s: float, demo_s: float, what: str, runs: int):
    report(
        name,
        heavy_s / demo_s,
        round(tab_goal(demo_s), 2),
        f"{what}: heavy file {heavy_s * 1000:.0f} ms, demo file {demo_s * 1000:.0f} ms, "
        f"goal heavy ≤ max(1.5 × demo, demo + 150 ms), median of {runs}",
    )


def demo_database(path: Path) -> Path:
    """The demo file, as `repdesk demo` writes it, on the heavy file's "today"."""
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path), "demo", "--as-of", AS_OF],
        check=True,
        capture_output=True,
    )
    return path


def _tabs_run(database: Path, home: Path, *names: str) -> dict:
    """One fresh process of bench/tabs.py: each tab's first show and the refresh, in s."""
    import json

    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "tabs.py"), str(database), AS_OF, *names],
        capture_output=True,
        text=True,
        env=_window_env(home),
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_tabs(path: Path, work: Path, runs: int) -> None:
    """Every tab's first show (painted, offscreen) and the refresh of every built tab after a
    change, on the heavy file against the demo file, each run a fresh process of each, turn
    about; then the board's first sync and open, on a fresh copy of each file every run,
    and `today --json`."""
    names = ["today", "targets", "leads", "lifecycle", "board", "dashboard", "review"]
    home = work / "home-tabs"
    demo = demo_database(work / "demo.sqlite3")
    unsynced = {"heavy": work / "heavy-unsynced.sqlite3", "demo": work / "demo-unsynced.sqlite3"}
    shutil.copy(path, unsynced["heavy"])
    shutil.copy(demo, unsynced["demo"])
    files = {"heavy": path, "demo": demo}
    for database in files.values():
        _tabs_run(database, home)  # warm-up: the board's first sync, compiled modules
    found: dict = {"heavy": [], "demo": []}
    for _ in range(runs):
        for side, database in files.items():
            found[side].append(_tabs_run(database, home))

    def median(side, key):
        return statistics.median(run[key] for run in found[side])

    for name in [*names, "refresh"]:
        what = (
            "the tab on screen shown again after one change (the others marked stale)"
            if name == "refresh"
            else ("first show, painted")
        )
        key = name
        report_against_demo(
            "refresh" if name == "refresh" else f"tab_{name}",
            median("heavy", key),
            median("demo", key),
            what,
            runs,
        )
    heavy_s, demo_s = median("heavy", "catch_up"), median("demo", "catch_up")
    print(
        f"catch_up ratio {heavy_s / demo_s:.2f} (information)  [after one change, the six other "
        f"built tabs shown in turn, each brought up to date: heavy file {heavy_s * 1000:.0f} ms, "
        f"demo file {demo_s * 1000:.0f} ms, median of {runs}]"
    )
    rollup: dict = {"heavy": [], "demo": []}
    for run in range(runs):
        for side, source in unsynced.items():
            copy = work / f"rollup-{side}-{run}.sqlite3"
            shutil.copy(source, copy)
            rollup[side].append(_tabs_run(copy, home, "board")["board"])
            copy.unlink()
    report_against_demo(
        "board_rollup",
        statistics.median(rollup["heavy"]),
        statistics.median(rollup["demo"]),
        "the board's first sync and open on a fresh copy",
        runs,
    )

    def today_json(database):
        return lambda: subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--db",
                str(database),
                "today",
                "--as-of",
                AS_OF,
                "--json",
            ],
            check=True,
            capture_output=True,
            env=_window_env(home),  # as on a rep's machine: bytecode kept
        )

    heavy_s, demo_s = median_seconds(today_json(path), today_json(demo), runs)
    report_against_demo("today_json", heavy_s, demo_s, "`repdesk today --json`", runs)


def bench_report(path: Path, work: Path, runs: int) -> None:
    """The month's review PDF against a one-page ReportLab PDF in the same process."""
    from datetime import date

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app import db
    from app.report_pdf import write_report

    db.open_database(path)
    counter = iter(range(10_000))

    def ours():
        db.forget_derived()  # as the first report after a change
        write_report("2026-11", date(2026, 11, 20), work / f"review-{next(counter)}.pdf")

    def baseline():
        doc = SimpleDocTemplate(str(work / f"one-{next(counter)}.pdf"), pagesize=A4)
        doc.build([Paragraph("Monthly review 2026-11", getSampleStyleSheet()["Title"])])

    ours()  # the first PDF registers and loads the font once per process
    baseline()
    ours_s, base_s = median_seconds(ours, baseline, runs)
    db.close_database()
    verdict = "" if ours_s <= 1.0 else "  over goal"
    print(
        f"report ratio {ours_s / base_s:.1f} (goal ≤ about 1 s)  [the month's review PDF on "
        f"the heavy database {ours_s:.2f} s, a one-page ReportLab PDF {base_s:.3f} s, "
        f"median of {runs}]{verdict}"
    )


SECTIONS = ("window", "tables", "summary", "report", "morning", "tabs", "import")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a reduced set, under a minute")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(SECTIONS),
        default=list(SECTIONS),
        help="run only these sections",
    )
    args = parser.parse_args()
    import peewee
    import PySide6

    print(
        f"{platform.platform()}; Python {platform.python_version()}; "
        f"PySide6 {PySide6.__version__}; peewee {peewee.__version__}; "
        f"SQLite {__import__('sqlite3').sqlite_version}"
    )
    scale, runs = (0.1, 3) if args.quick else (1.0, 5)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        started = time.perf_counter()
        heavy = heavy_database(work / "heavy.sqlite3", scale)
        print(
            f"heavy database at scale {scale:g} written in "
            f"{time.perf_counter() - started:.0f} s ({heavy.stat().st_size / 2**20:.0f} MB)"
        )
        sections = {
            "window": lambda: bench_window(heavy, work, 2 * runs - 1),  # fresh processes vary
            # the most: more of them
            "tables": lambda: bench_tables(heavy, scale, runs),
            "summary": lambda: bench_summary(heavy, scale, runs),
            "report": lambda: bench_report(heavy, work, runs),
            "morning": lambda: bench_morning(heavy, work, scale, runs),
            "tabs": lambda: bench_tabs(heavy, work, runs),
            "import": lambda: bench_import(work, rows=int(100_000 * scale), runs=runs),
        }
        for name in SECTIONS:
            if name in args.only:
                sections[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
