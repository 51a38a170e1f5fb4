"""Every output file (export, report, an import's errors, backup) is written whole, 0600, and
never over the database, the files beside it or its backups (docs/reference.md)."""

import csv
import hashlib
import io
import os
import sqlite3
import stat
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from app import backup, db, output
from app.models import Customer
from tests.conftest import AS_OF

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes and links")


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def database(tmp_path):
    """A small database with one automatic backup and a copy kept aside, closed."""
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    Customer.create(name="甲公司", created=AS_OF)
    made = backup.automatic_backup(path, datetime(2026, 11, 20, 9), "daily")
    backup.keep_aside(path, datetime(2026, 11, 20, 9))
    db.close_database()
    window = sqlite3.connect(path)  # as a window keeps it open: -wal and -shm beside it
    window.execute("PRAGMA journal_mode=wal")
    window.execute("UPDATE customer SET phone = '138'")
    window.commit()
    path.with_name(path.name + ".lock").write_bytes(b"")
    yield path, made
    window.close()


def _state(folder):
    """Each file's inode (a rename over it changes it) and, but for the shared memory that
    readers write to, its content (the stamp of a verified open is rewritten at close)."""
    return {
        p: (p.stat().st_ino, None if p.name.endswith("-shm") else _sha(p))
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink() and not p.name.endswith(".verified")
    }


def _targets(path, made, tmp_path):
    relative = os.path.relpath(path, os.getcwd())
    link = tmp_path / "link.csv"
    link.symlink_to(path)
    return {
        "the database": path,
        "the database by a relative path": relative,
        "a link to the database": link,
        "its -wal": path.with_name(path.name + "-wal"),
        "its -shm": path.with_name(path.name + "-shm"),
        "its lock file": path.with_name(path.name + ".lock"),
        "one of its backups": made,
        "its kept-aside copy": path.with_name(path.name + ".20261120.corrupt"),
    }


COMMANDS = {
    "export": lambda target, source: ["export", "customers", target],
    "report": lambda target, source: ["report", "--as-of", AS_OF, "--out", target],
    "import --errors": lambda target, source: ["import", "customers", source, "--errors", target],
    "backup --to": lambda target, source: ["backup", "--to", target],
}


@posix_only
@pytest.mark.parametrize("command", COMMANDS)
def test_no_output_replaces_the_database_or_what_keeps_it_safe(cli, database, tmp_path, command):
    path, made = database
    source = tmp_path / "bad.csv"
    source.write_text("name,founded\n乙公司,someday\n", encoding="utf-8")  # not a date: rejected
    targets = _targets(path, made, tmp_path)
    before = _state(tmp_path)
    for name, target in targets.items():
        code, out, err = cli("--db", path, *COMMANDS[command](target, source))
        assert code == 2, (command, name, out, err)
        assert err.count("\n") == 1 and "choose another file name" in err, (command, name)
        assert _state(tmp_path) == before, (command, name)
    db.open_database(path)
    assert [c.name for c in Customer.select()] == ["甲公司"]  # the import never ran


@posix_only
def test_outputs_are_written_whole_for_the_user_only(cli, tmp_path, monkeypatch):
    path = tmp_path / "repdesk.sqlite3"
    cli("--db", path, "demo", "--as-of", AS_OF, "--months", "2")
    source = tmp_path / "bad.csv"
    source.write_text("name,founded\n乙公司,someday\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    old = os.umask(0o022)
    try:
        for argv in (
            ["export", "customers", out / "c.csv"],
            ["export", "orders", out / "o.xlsx"],
            ["report", "--as-of", AS_OF, "--out", out / "r.pdf"],
            ["import", "customers", source, "--errors", out / "e.csv"],
            ["backup", "--to", out / "b.sqlite3"],
        ):
            assert cli("--db", path, *argv)[0] in (0, 1), argv
    finally:
        os.umask(old)
    written = sorted(out.iterdir())
    assert [p.name for p in written] == ["b.sqlite3", "c.csv", "e.csv", "o.xlsx", "r.pdf"]
    for written_file in written:
        assert stat.S_IMODE(written_file.stat().st_mode) == 0o600, written_file


def test_an_output_that_fails_midway_leaves_nothing_and_the_old_file_whole(tmp_path):
    target = tmp_path / "export.csv"
    target.write_text("the previous export", encoding="utf-8")

    def write(partial):
        partial.write_text("half of it", encoding="utf-8")
        raise OSError(5, "Input/output error")

    with pytest.raises(db.UserError, match="Cannot write"):
        output.write_output(target, write, None)
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_csv_or_pdf_never_replaces_any_sqlite_database(tmp_path):
    other = tmp_path / "other-rep.db"
    db.open_database(other)
    db.close_database()
    with pytest.raises(output.ProtectedPath):
        output.write_output(other, lambda partial: partial.write_text("x"), None)
    assert other.read_bytes().startswith(b"SQLite format 3")


def test_the_errors_file_neutralises_formulas_like_an_export(cli, tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    db.close_database()
    source = tmp_path / "bad.csv"
    source.write_text(
        'name,founded\n"=HYPERLINK(""http://x"",""click"")",someday\n@SUM(A1),someday\n',
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    code, _, _ = cli("--db", path, "import", "customers", source, "--errors", errors)
    assert code == 1
    rows = list(csv.reader(io.StringIO(errors.read_text(encoding="utf-8-sig"), newline="")))
    assert [row[2] for row in rows[1:]] == ['\'=HYPERLINK("http://x","click")', "'@SUM(A1)"]


def test_a_killed_backups_partial_file_is_cleaned_on_the_next_run(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    Customer.create(name="甲公司", created=AS_OF)
    folder = backup.backups_dir(path)
    folder.mkdir()
    killed = folder / "repdesk.sqlite3-20261119-090000-daily.sqlite3.partial"
    killed.write_bytes(b"half a backup")
    hour_ago = time.time() - output.STALE_AFTER_SECONDS - 60
    os.utime(killed, (hour_ago, hour_ago))
    at_work = folder / "repdesk.sqlite3-20261120-085959-daily.sqlite3.4242-1.partial"
    at_work.write_bytes(b"another process is writing this one")
    backup.automatic_backup(path, datetime(2026, 11, 20, 9), "daily")
    assert not killed.exists()
    assert at_work.exists()  # a writer at work in another process keeps its file


@posix_only
def test_the_log_of_an_unexpected_error_is_for_the_user_only(cli, tmp_path, monkeypatch):
    from app import cli_commands

    def broken(args, db_path):
        raise RuntimeError("a bug")

    monkeypatch.setitem(cli_commands.COMMANDS, "check", broken)
    old = os.umask(0o022)
    try:
        code, _, err = cli("--db", tmp_path / "x.sqlite3", "check")
    finally:
        os.umask(old)
    assert code == 1 and "unexpected error" in err
    log = err.rsplit("details in ", 1)[1].rstrip(")\n")
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600


@posix_only
def test_a_text_output_such_as_the_calendar_goes_the_same_way(tmp_path):
    database = tmp_path / "repdesk.sqlite3"
    db.open_database(database)
    db.close_database()
    ics = output.write_text(tmp_path / "rep.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", database)
    assert ics.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert stat.S_IMODE(ics.stat().st_mode) == 0o600
    with pytest.raises(output.ProtectedPath):
        output.write_text(database.with_name("repdesk.sqlite3-wal"), "x", database)


def test_the_errors_file_never_replaces_the_file_being_imported(cli, tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    db.close_database()
    source = tmp_path / "mine.csv"
    source.write_text("name,founded\n乙公司,someday\n", encoding="utf-8")
    code, _, err = cli("--db", path, "import", "customers", source, "--errors", source)
    assert code == 2 and "the file being imported" in err
    assert source.read_text(encoding="utf-8") == "name,founded\n乙公司,someday\n"


@posix_only
def test_an_output_never_replaces_a_folder_or_a_device(tmp_path):
    for target in (tmp_path, Path(os.devnull)):
        with pytest.raises(db.UserError, match="is not a file"):
            output.write_output(target, lambda partial: partial.write_text("x"), None)
    assert Path(os.devnull).is_char_device()
