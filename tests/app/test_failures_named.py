"""Failures named for what they are, under the real conditions: a full disk, a read-only file
or folder, another program's lock. "Damaged" only when SQLite's check says so."""

import contextlib
import ctypes
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import db
from app.models import Customer
from tests.conftest import AS_OF, run_cli_process

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="Linux mounts and capabilities")


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _small_database(path: Path, customers: int = 3) -> Path:
    db.open_database(path)
    for number in range(customers):
        Customer.create(name=f"客户{number}", created=AS_OF)
    db.close_database()
    return path


def _import_file(folder: Path, rows: int = 2000) -> Path:
    source = folder / "many.csv"
    lines = ["name,notes"] + [f"新客户{n},{'备注' * 200}" for n in range(rows)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source


def _assert_named(err: str, words: str) -> None:
    assert words in err, err
    assert "damaged" not in err and "Traceback" not in err, err
    assert err.count("\n") == 1, err


# -- a full disk ---------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MB filesystem of its own (tmpfs), where a root test run may mount one."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tiny filesystem needs root on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


@linux_only
def test_an_import_onto_a_full_disk_says_full_and_changes_nothing(cli, tiny_disk, tmp_path):
    path = _small_database(tiny_disk / "repdesk.sqlite3")
    source = _import_file(tmp_path)  # about 1.2 MB of notes: more than the disk holds
    before = _sha(path)
    code, out, err = cli("--db", path, "import", "customers", source)
    assert code == 2
    _assert_named(err, "is full")
    db.open_database(path)
    assert Customer.select().count() == 3  # all or nothing
    db.close_database()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    del before  # the file may have been checkpointed; its rows are what matter


@linux_only
def test_outputs_onto_a_full_disk_say_full_and_leave_no_partial_file(cli, tiny_disk, tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    cli("--db", path, "demo", "--as-of", AS_OF)
    filler = tiny_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        handle.write(b"\0" * (1024 * 1024 - 8192))  # the disk is nearly full
    for argv in (
        ["export", "leads", tiny_disk / "leads.csv"],
        ["backup", "--to", tiny_disk / "saved.sqlite3"],
        ["report", "--as-of", AS_OF, "--out", tiny_disk / "review.pdf"],
    ):
        code, out, err = cli("--db", path, *argv)
        assert code == 2, argv
        _assert_named(err, "is full")
        assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"], argv


def test_a_database_that_cannot_grow_says_full_not_damaged(cli, tmp_path, monkeypatch):
    """SQLite's own SQLITE_FULL (a page limit stands in for the disk)."""
    path = _small_database(tmp_path / "repdesk.sqlite3")
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    monkeypatch.setattr(db, "PRAGMAS", (*db.PRAGMAS, ("max_page_count", pages + 20)))
    code, _, err = cli("--db", path, "import", "customers", _import_file(tmp_path))
    assert code == 2
    _assert_named(err, "is full")


# -- read-only files and folders -----------------------------------------------------------

_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _PR_CAPBSET_DROP = 1, 2, 24


def _without_root_powers():
    """In the child: drop the capabilities by which root ignores file modes."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")


def _run_as_a_user(*argv):
    """`python main.py …` in its own process, obeying file modes even when tests run as root."""
    if sys.platform == "win32":
        pytest.skip("POSIX file modes")
    if os.geteuid() != 0:
        return run_cli_process(*argv)
    probe = subprocess.run(
        [sys.executable, "-c", "open('/proc/self/status').read()"],
        preexec_fn=_without_root_powers,
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("root here cannot drop CAP_DAC_OVERRIDE, so file modes cannot bind it")
    from tests.conftest import ROOT

    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *[str(arg) for arg in argv]],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_without_root_powers,
    )


@pytest.fixture
def read_only(tmp_path):
    """Makes paths read-only; gives their modes back at the end (pytest removes them)."""
    changed = []

    def make(path: Path, mode: int) -> Path:
        changed.append((path, path.stat().st_mode))
        os.chmod(path, mode)
        return path

    yield make
    for path, mode in reversed(changed):
        os.chmod(path, mode)


def test_a_read_only_database_file_is_named_read_only(tmp_path, read_only):
    path = _small_database(tmp_path / "repdesk.sqlite3")
    source = _import_file(tmp_path, rows=3)
    read_only(path, 0o444)
    before = _sha(path)
    result = _run_as_a_user("--db", path, "import", "customers", source)
    assert result.returncode == 2, result
    _assert_named(result.stderr, "read-only")
    assert _sha(path) == before


def test_a_folder_that_cannot_be_written_is_named_not_writable(tmp_path, read_only):
    folder = tmp_path / "data"
    folder.mkdir()
    path = _small_database(folder / "repdesk.sqlite3")
    source = _import_file(tmp_path, rows=3)
    read_only(folder, 0o555)
    before = _sha(path)
    for argv in (
        ["import", "customers", source],
        ["export", "customers", folder / "customers.csv"],
        ["backup"],
    ):
        result = _run_as_a_user("--db", path, *argv)
        assert result.returncode == 2, (argv, result)
        _assert_named(result.stderr, "not writable")
    assert _sha(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["repdesk.sqlite3"]


# -- another program's lock -----------------------------------------------------------------


def test_a_database_locked_by_another_program_is_named_in_use(cli, tmp_path, monkeypatch):
    path = _small_database(tmp_path / "repdesk.sqlite3")
    monkeypatch.setattr(
        db, "PRAGMAS", tuple((n, 200 if n == "busy_timeout" else v) for n, v in db.PRAGMAS)
    )
    other = sqlite3.connect(path, isolation_level=None)  # e.g. a database browser
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = cli("--db", path, "import", "customers", _import_file(tmp_path, rows=3))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 2
    _assert_named(err, "in use by another program")
    db.open_database(path)
    assert Customer.select().count() == 3
