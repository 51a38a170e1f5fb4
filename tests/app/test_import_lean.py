"""An import from the command line loads only what it needs (docs/import-files.md): no
demo, no month's figures or plan, no PostgreSQL driver — the modules a big import would otherwise
wait for. The team commands still find psycopg afterwards."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_an_import_loads_neither_the_figures_nor_the_demo_nor_psycopg(tmp_path):
    source = tmp_path / "leads.csv"
    source.write_text("线索名称,电话\n甲公司,13900000000\n", encoding="utf-8")
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import main
code = main.main(["--db", {str(tmp_path / "r.sqlite3")!r}, "import", "leads", {str(source)!r}])
print(code, sorted(name for name in ("app.figures", "app.demo", "app.lifecycle", "app.planning",
                                     "psycopg") if name in sys.modules))
import psycopg  # the team commands import it when they run
print(psycopg.__name__)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.splitlines()[-2:] == ["0 []", "psycopg"], done.stderr
