"""One writer per database: the window and the data-changing commands share this lock.

The lock is an OS file lock (filelock) on `<database>.lock`; the OS drops it when its
process dies, so a lock left by a crash is simply taken over by the next start.
"""

from pathlib import Path

from filelock import FileLock, Timeout

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP


class DatabaseLocked(UserError):
    def __init__(self, path: Path):
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is open in another RepDesk window or command; close it and try again.",
            ),
            path=path,
        )


class DatabaseLock:
    """The single-writer lock of one database file; use as a context manager or acquire()."""

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.lock_path = self.db_path.with_name(self.db_path.name + ".lock")
        self._lock = FileLock(self.lock_path, timeout=0, thread_local=False)

    def acquire(self) -> "DatabaseLock":
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout as exc:
            raise DatabaseLocked(self.db_path) from exc
        return self

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    @property
    def is_held(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> "DatabaseLock":
        return self.acquire()

    def __exit__(self, *exc_info) -> None:
        self.release()
