"""Every test runs offscreen, on its own temporary database file, with "today" passed in.

Tests under tests/ui need a QApplication and are marked `gui` automatically, so
`pytest -m "not gui"` runs the Qt-free core alone in seconds.
"""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 20)  # a Friday; November 2026 has 21 working days in China


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/ui" in Path(item.fspath).as_posix():
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """User folders (data, logs, settings) point into a temporary home, never the real one."""
    home = tmp_path_factory.mktemp("home")
    for variable, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / sub))
    monkeypatch.delenv("REPDESK_DB", raising=False)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    yield home
    from app import db, i18n

    db.close_database()
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path):
    """A fresh, open database file for this test."""
    from app import db

    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    yield path
    db.close_database()


@pytest.fixture
def demo_db(db_path):
    """The demo dataset as of AS_OF, open."""
    from app.demo import load_demo

    load_demo(AS_OF)
    return db_path


@pytest.fixture
def cli(capsys):
    """Run the command line in this process: returns (exit code, stdout, stderr)."""
    from main import main

    def run(*argv):
        code = main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def run_cli_process(*argv, env=None) -> subprocess.CompletedProcess:
    """Run `python main.py …` as its own process (for the lock across processes)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *[str(arg) for arg in argv]],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the whole session (tests/postgres.py); the team tests
    skip only where PostgreSQL is not installed."""
    from tests import postgres

    if postgres.binaries() is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    server = postgres.start()
    yield server
    postgres.stop(server)


@pytest.fixture
def team_server(postgres_server, monkeypatch):
    """The session's PostgreSQL server, emptied of RepDesk's tables and roles, with a
    keyring that keeps nothing and no password from the environment."""
    from tests import postgres

    postgres.reset(postgres_server)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("REPDESK_TEAM_SERVER", raising=False)
    return postgres_server
