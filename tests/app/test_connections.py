"""The pragmas of every SQLite connection the program opens, checked as each closes.

A killed process keeps its writes in the operating system's page cache, so no kill loop can
see `synchronous=off`; only a power cut could. So every connection that can write is checked
here: full (or extra) synchronous writes; the rep's database itself also in WAL mode with
foreign keys enforced (but for a migration step, which switches them off and checks them
itself before committing).
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "repdesk-v1.sqlite3"
FULL = 2  # PRAGMA synchronous: 0 off, 1 normal, 2 full, 3 extra


@pytest.fixture
def connections(monkeypatch):
    """Every connection opened meanwhile: (what it opened, its pragmas when it closed)."""
    seen = []
    real_connect = sqlite3.connect

    class Recorded(sqlite3.Connection):
        def close(self):
            try:
                pragmas = {
                    name: self.execute(f"PRAGMA {name}").fetchone()[0]
                    for name in ("journal_mode", "synchronous", "foreign_keys")
                }
                seen.append((self.opened, pragmas))
            except sqlite3.Error:
                seen.append((self.opened, None))  # a damaged file: nothing was written
            super().close()

    def connect(database, *args, **kwargs):
        kwargs.setdefault("factory", Recorded)
        connection = real_connect(database, *args, **kwargs)
        connection.opened = str(database)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    return seen


def test_every_connection_that_writes_is_durable_and_the_database_keeps_its_pragmas(
    cli, tmp_path, connections
):
    database = tmp_path / "repdesk.sqlite3"
    shutil.copy(FIXTURE, database)  # version 1: the first command migrates it
    source = tmp_path / "c.csv"
    source.write_text("name\n新客户\n", encoding="utf-8")
    saved = tmp_path / "saved.sqlite3"
    for argv in (
        ["summary", "--json"],
        ["import", "customers", source],
        ["backup", "--to", saved],
        ["backup"],
        ["export", "customers", tmp_path / "c-out.csv"],
        ["check"],
        ["restore", saved],
        ["undo-import", "1"],
        ["report", "--as-of", AS_OF, "--out", tmp_path / "r.pdf"],
    ):
        assert cli("--db", database, *argv)[0] == 0, argv
    writers = [
        (opened, pragmas)
        for opened, pragmas in connections
        if pragmas is not None and "mode=ro" not in opened and "immutable=1" not in opened
    ]
    assert writers, "no connection was recorded"
    for opened, pragmas in writers:
        assert pragmas["synchronous"] >= FULL, (opened, pragmas)
    working = [p for opened, p in writers if Path(opened) == database]
    # restore switches the old file out of WAL before it is replaced (no log may outlive it)
    assert [p["journal_mode"] for p in working].count("delete") == 1
    sessions = [p for p in working if p["journal_mode"] == "wal"]
    assert len(sessions) == len(working) - 1
    assert [p["foreign_keys"] for p in sessions].count(0) == 1  # the one upgrade, from v1
    # summary, import, export, undo-import and report: each its own connection
    assert [p["foreign_keys"] for p in sessions].count(1) == 5
