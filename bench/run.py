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
        else:
            bench_import(work, rows=100_000, runs=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
