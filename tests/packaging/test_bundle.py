"""The double-click bundle: built from this checkout in a clean virtual environment by
packaging/build.py, then run as a user's machine would run it.

Slow (a fresh environment and a PyInstaller build, about a minute or two); `.ci/run` runs it
after the main suite with the other slow checks.
"""

import os
import shutil
import struct
import subprocess
import sys
import textwrap

import pytest

from app import __version__
from tests.conftest import AS_OF, ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the bundle test builds on Linux"),
]

XVFB_SCRIPT = textwrap.dedent("""
    set -u
    "$PROGRAM" --db "$DB" --lang en &
    for _ in $(seq 100); do
        WID=$(xdotool search --onlyvisible --name "RepDesk" 2>/dev/null | head -1)
        [ -n "$WID" ] && break
        sleep 0.2
    done
    [ -n "$WID" ] || { echo "no window" >&2; kill %1; exit 3; }
    xdotool getwindowname "$WID"
    sleep 1
    xdotool windowfocus "$WID"
    sleep 0.5
    xdotool key ctrl+q
    wait %1
""")


def png_size(path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    """The frozen executable, built once for the tests here."""
    folder = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(folder / "dist"),
            "--work",
            str(folder / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    executable = folder / "dist" / "RepDesk" / "RepDesk"
    assert f"double-click: {executable}" in result.stdout
    return executable


def frozen_env(home) -> dict:
    """A user's session: their own home, nothing of the checkout on the Python path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "REPDESK_DB")
    }
    return {
        **env,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "LANG": "en_US.UTF-8",
    }


def test_the_frozen_program_knows_its_version(program, tmp_path):
    result = subprocess.run(
        [str(program), "--version"],
        capture_output=True,
        text=True,
        env=frozen_env(tmp_path),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"RepDesk {__version__}"


def test_the_frozen_program_pushes_to_a_team_server_and_reads_it(program, tmp_path, team_server):
    """psycopg's binary part and keyring's backends are in the bundle (loaded by name)."""
    env = {**frozen_env(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    path = tmp_path / "rep.sqlite3"
    url = team_server.url()
    for argv in (
        ["--db", str(path), "demo", "--as-of", AS_OF.isoformat()],
        ["--db", str(path), "team", "push", "--server", url, "--rep", "wang"],
        ["team", "summary", "--server", url, "--as-of", AS_OF.isoformat(), "--json"],
    ):
        result = subprocess.run(
            [str(program), *argv], capture_output=True, text=True, env=env, timeout=300
        )
        assert result.returncode == 0, result.stderr
    assert '"rep": "wang"' in result.stdout


def test_the_frozen_screenshots_match_the_source_run(program, tmp_path):
    """Every tab renders from the bundle (translations, fonts, pyqtgraph, ReportLab all
    found when frozen) exactly as from the source tree: same files, same sizes."""
    env = {**frozen_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    database = tmp_path / "demo.sqlite3"
    made = subprocess.run(
        [str(program), "--db", str(database), "demo", "--as-of", AS_OF.isoformat()],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    runs = {"frozen": [str(program)], "source": [sys.executable, str(ROOT / "main.py")]}
    for name, command in runs.items():
        result = subprocess.run(
            [
                *command,
                "--db",
                str(database),
                "--lang",
                "zh_CN",
                "screenshots",
                str(tmp_path / name),
                "--as-of",
                AS_OF.isoformat(),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert result.returncode == 0, f"{name}: {result.stderr[-2000:]}"
    frozen = sorted(path.name for path in (tmp_path / "frozen").iterdir())
    source = sorted(path.name for path in (tmp_path / "source").iterdir())
    assert frozen == source and len(frozen) == 7  # one picture a tab, Today to Monthly review
    for name in frozen:
        one, other = tmp_path / "frozen" / name, tmp_path / "source" / name
        assert png_size(one) == png_size(other), name
        assert one.stat().st_size == other.stat().st_size, name


@pytest.mark.skipif(
    not shutil.which("xvfb-run") or not shutil.which("xdotool"), reason="needs xvfb-run and xdotool"
)
def test_the_frozen_program_opens_its_window_on_an_x_server(program, tmp_path):
    env = {**frozen_env(tmp_path), "PROGRAM": str(program), "DB": str(tmp_path / "new.sqlite3")}
    env.pop("QT_QPA_PLATFORM", None)
    # a database that is not empty, so the first-start demo question does not wait for a click
    subprocess.run(
        [str(program), "--db", env["DB"], "demo"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", XVFB_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "RepDesk" in result.stdout  # the main window's title
