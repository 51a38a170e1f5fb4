"""The benchmarks keep working: `bench/run.py --quick` runs every line. Nothing here looks
at the figures (benchmarks are not tests; no test fails on timing). Slow (about a
minute); `.ci/run` runs it with the other slow checks."""

import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_the_quick_benchmark_prints_every_line_as_a_ratio_against_its_goal():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = ["startup", "memory", "table_open", "table_sort", "table_filter", "summary", "report"]
    names += ["board_sync", "today", "feed", "import"]
    names += [f"tab_{tab}" for tab in ("today", "targets", "leads", "lifecycle", "board")]
    names += ["tab_dashboard", "tab_review", "refresh", "board_rollup", "today_json"]
    if shutil.which("sqlite3"):
        names.append("import_cli")
    for name in names:
        assert re.search(
            rf"^{name} ratio \d+\.\d+ \((goal ≤ [^)]+|information)\)  \[.+\]",
            result.stdout,
            re.MULTILINE,
        ), f"{name} missing:\n{result.stdout}"
