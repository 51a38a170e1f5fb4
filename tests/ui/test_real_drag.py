"""A real mouse drag under an X server moves a card, and the move survives a restart.

QTest cannot start a real drag, so this drives the running app with xdotool under
xvfb-run. Slow (it starts the app twice); `.ci/run` runs it with the other slow checks.
"""

import os
import shutil
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from app import db
from app.board import Board
from app.models import Task
from tests.conftest import AS_OF, ROOT, run_cli_process

SCRIPT = textwrap.dedent("""
    set -u
    "$PYTHON" "$ROOT/main.py" --db "$DB" --lang en &
    for _ in $(seq 50); do
        WID=$(xdotool search --name "RepDesk" 2>/dev/null | head -1)
        [ -n "$WID" ] && break
        sleep 0.2
    done
    sleep 1
    xdotool windowmove "$WID" 0 0 windowsize "$WID" 1280 800
    sleep 1
    xdotool mousemove 1226 79 click 1     # "Dismiss" on the reminders banner (no tray here)
    sleep 1
    xdotool mousemove 800 170             # the first card of quadrant 2
    sleep 0.3
    xdotool mousedown 1
    sleep 0.3
    for _ in $(seq 12); do xdotool mousemove_relative -- 12 40; sleep 0.08; done
    sleep 0.5                              # over the empty part of quadrant 4
    xdotool mouseup 1
    sleep 1
    xdotool key ctrl+q
    wait
""")


@pytest.mark.slow
@pytest.mark.skipif(
    sys.platform != "linux" or not shutil.which("xvfb-run") or not shutil.which("xdotool"),
    reason="needs xvfb-run and xdotool",
)
def test_a_real_drag_moves_a_card_and_the_move_survives_a_restart(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    assert run_cli_process("--db", path, "demo", "--as-of", AS_OF).returncode == 0
    db.open_database(path)
    Board().sync(AS_OF)  # what the window adds on opening, so the first card is known
    first = Board().tasks(2)[0]
    db.close_database()
    # not the day's first start (which opens Today): the window opens on the board
    settings = tmp_path / "config" / "RepDesk" / "RepDesk.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        f"[window]\ntab=board\nlast_start_day={date.today().isoformat()}\n", encoding="utf-8"
    )
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "ROOT": str(ROOT),
        "DB": str(path),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    db.open_database(path)  # a restart: the move is in the database
    moved = Task.get_by_id(first.id)
    assert moved.quadrant == 4, result.stderr[-2000:]
    assert first.id not in [task.id for task in Board().tasks(2)]
    assert first.id in [task.id for task in Board().tasks(4)]
