"""One writer per database, and a lock left by a crashed process is taken over."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from app.lock import DatabaseLock, DatabaseLocked
from tests.conftest import ROOT


def test_a_second_writer_is_refused_until_the_first_lets_go(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    first = DatabaseLock(path).acquire()
    with pytest.raises(DatabaseLocked, match="open in another RepDesk"):
        DatabaseLock(path).acquire()
    first.release()
    with DatabaseLock(path) as second:
        assert second.is_held


def test_locks_of_different_databases_do_not_interfere(tmp_path):
    with DatabaseLock(tmp_path / "a.sqlite3"), DatabaseLock(tmp_path / "b.sqlite3") as other:
        assert other.is_held


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_lock_held_by_a_killed_process_is_taken_over(tmp_path):
    path = tmp_path / "repdesk.sqlite3"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(ROOT)!r})
            from app.lock import DatabaseLock
            lock = DatabaseLock({str(path)!r}).acquire()
            print("held", flush=True)
            time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseLocked):
            DatabaseLock(path).acquire()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        with DatabaseLock(path) as lock:
            assert lock.is_held
    finally:
        holder.kill()
        holder.wait(timeout=10)
        holder.stdout.close()
