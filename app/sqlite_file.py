"""A database file as a file: reading it without changing it, judging whether it is sound,
the files SQLite and RepDesk keep beside it, and naming what went wrong truly.

Used by `app.db` (opening), `app.backup` (backups, restore, check) and `app.output` (what an
output may never overwrite); it imports none of them.
"""

import errno
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message

SQLITE_HEADER = b"SQLite format 3\x00"
# Files SQLite and RepDesk keep beside a database file `<name>`: `<name><suffix>`.
COMPANIONS = ("-wal", "-shm", "-journal", ".lock", ".verified")
BACKUPS_FOLDER = "backups"


def companion(path: Path, suffix: str) -> Path:
    path = Path(path)
    return path.with_name(path.name + suffix)


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUPS_FOLDER


class DatabaseDamaged(UserError):
    """The file is not a sound SQLite database (SQLite's check says so, or it is empty)."""

    def __init__(self, path: Path, problem: str):
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is damaged ({problem}). Nothing was changed; 'repdesk check' "
                "tells more, 'repdesk restore' puts a backup back.",
            ),
            path=path,
            problem=problem,
        )
        self.path = Path(path)
        self.problem = problem


def _empty_file_problem() -> str:
    return message(QT_TRANSLATE_NOOP("Messages", "the file is empty (0 bytes)"))


def _not_sqlite_problem() -> str:
    return message(QT_TRANSLATE_NOOP("Messages", "the file does not start as a SQLite database"))


def _no_data_problem() -> str:
    return message(
        QT_TRANSLATE_NOOP("Messages", "opened as SQLite would, it holds no RepDesk data")
    )


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot change the file (no checkpoint, no header write).

    Without a `-wal` file beside it nobody has the database open for writing and the file is
    complete, so it is opened immutable: SQLite then creates no `-wal`/`-shm` files either.
    """
    path = Path(path).resolve()
    if not path.is_file():  # SQLite would create an empty database instead
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=path)
    in_use = companion(path, "-wal").exists()
    return sqlite3.connect(f"{path.as_uri()}?{'mode=ro' if in_use else 'immutable=1'}", uri=True)


_open_here: Path | None = None  # the file the models have open, for every thread to see


def opened_here(path: Path | None) -> None:
    """`app.db` tells which file this process has open for the models (None: none)."""
    global _open_here
    _open_here = Path(path).resolve() if path is not None else None


def _is_open_here(path: Path) -> bool:
    try:
        return _open_here is not None and _open_here == Path(path).resolve()
    except OSError:
        return False


def read_header(path: Path) -> bytes:
    if _is_open_here(path):
        # Closing a file descriptor drops every POSIX lock this process holds on the file,
        # SQLite's included: another process's SQLite would then take the open database for
        # unused and delete its write-ahead log under it. Only SQLite opens it meanwhile.
        return SQLITE_HEADER
    try:
        with Path(path).open("rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except FileNotFoundError as exc:
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=path) from exc
    except OSError as exc:  # reading: "read-only" would not be the word
        raise UserError(CANNOT_READ_OR_WRITE, path=path, reason=exc.strerror or exc) from exc


def read_schema_version(path: Path) -> int:
    """`PRAGMA user_version` of an existing file, read without touching it.

    Raises UserError when the file is not a SQLite database, DatabaseDamaged when it is
    empty (0 bytes: never silently taken for a new database) or SQLite cannot read it.
    """
    header = read_header(path)
    if not header:
        raise DatabaseDamaged(path, _empty_file_problem())
    if header != SQLITE_HEADER:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "{path} is not a RepDesk database."), path=path
        )
    try:
        connection = connect_read_only(path)
        try:
            return connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise named_error(exc, path) from exc


def integrity_problems(connection: sqlite3.Connection, quick: bool = False) -> list[str]:
    """What SQLite's integrity check reports; empty when the database is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    problems = [row for row in rows if row != "ok"]
    problems += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
    return problems


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check of the file, reading only."""
    try:
        connection = connect_read_only(path)
        try:
            return [row[0] for row in connection.execute("PRAGMA quick_check") if row[0] != "ok"]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def check(path: Path) -> list[str]:
    """Whether the file at `path` is a sound database, as the next open will see it.

    The file and its write-ahead log or rollback journal are copied to a temporary folder
    and the copy opened as a program opening the file would (a hot journal is rolled back,
    a log replayed), then checked whole: the file itself is never modified. Returns the
    problems found (empty: sound). Raises UserError when the file is missing or unreadable.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=path)
    header = read_header(path)
    if not header:
        return [_empty_file_problem()]
    if header != SQLITE_HEADER:
        return [_not_sqlite_problem()]
    with tempfile.TemporaryDirectory(prefix="repdesk-check-") as folder:
        copy = Path(folder) / path.name
        snapshot = _hold_snapshot(path)  # a window writing meanwhile cannot move the log
        try:
            for suffix in ("", "-wal", "-journal"):
                source = companion(path, suffix)
                if suffix == "" or source.exists():
                    try:
                        shutil.copyfile(source, companion(copy, suffix))
                    except FileNotFoundError:
                        pass  # the log was checkpointed away between the test and the copy
                    except OSError as exc:
                        raise named_error(exc, path) from exc
        finally:
            if snapshot is not None:
                snapshot.close()
        try:
            connection = sqlite3.connect(copy)
            try:
                if not connection.execute("PRAGMA user_version").fetchone()[0]:
                    return [_no_data_problem()]
                return integrity_problems(connection)
            finally:
                connection.close()
        except sqlite3.DatabaseError as exc:
            return [str(exc)]


def _hold_snapshot(path: Path) -> sqlite3.Connection | None:
    """With a write-ahead log beside the file that a program has open (its shared-memory
    file is there too): a read transaction, so that no checkpoint rewrites the file past it
    or restarts the log while they are copied. Without one nothing is opened (SQLite would
    create the shared-memory file)."""
    if companion(path, "-journal").exists() or not all(
        companion(path, suffix).exists() for suffix in ("-wal", "-shm")
    ):
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        connection.execute("BEGIN")
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.Error:
        return None


# -- the verified stamp ------------------------------------------------------------------


def stamp_file(path: Path) -> Path:
    return companion(path, ".verified")


def stamp(path: Path) -> str:
    """The file's size and modification time, and its write-ahead log's size."""
    stat = Path(path).stat()
    wal = companion(path, "-wal")
    return f"{stat.st_size}:{stat.st_mtime_ns}:{wal.stat().st_size if wal.exists() else 0}"


def unchanged_since_verified(path: Path) -> bool:
    try:
        return stamp_file(path).read_text("ascii") == stamp(path)
    except OSError:
        return False


def write_stamp(path: Path) -> None:
    """Record that `path`, as it is now, was verified at open and then written only by
    SQLite through RepDesk (a crash never gets here, so the next open checks)."""
    stamped = stamp_file(path)
    partial = companion(stamped, ".partial")
    try:
        with os.fdopen(
            os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="ascii"
        ) as handle:
            handle.write(stamp(path))
        partial.replace(stamped)
    except OSError:
        pass  # no stamp: the next open simply checks


# -- failures named for what they are ------------------------------------------------------


def _chain(exc: BaseException) -> list[BaseException]:
    """`exc` and the errors behind it: peewee wraps SQLite's in its own class, and a failed
    rollback after SQLite already rolled back (a full disk does that) hides the first."""
    found, todo = [], [exc]
    while todo:
        current = todo.pop(0)
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        todo += [arg for arg in current.args if isinstance(arg, BaseException)]
        todo += [current.__cause__, current.__context__]
    return found


DISK_FULL = QT_TRANSLATE_NOOP("Messages", "The disk holding {path} is full; nothing was changed.")
NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "Messages", "{path} is read-only or its folder is not writable; nothing was changed."
)
IN_USE = QT_TRANSLATE_NOOP(
    "Messages", "{path} is in use by another program; close it and try again."
)
CANNOT_READ_OR_WRITE = QT_TRANSLATE_NOOP("Messages", "Cannot read or write {path}: {reason}")


def named_error(exc: BaseException, path: Path) -> UserError:
    """The UserError that names what `exc` (an OSError or a SQLite error) truly is.

    "Damaged" only when SQLite's check of the file says so; a full disk, a file or folder
    that cannot be written and another program's lock each have their own message.
    """
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return UserError(DISK_FULL, path=path)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return UserError(NOT_WRITABLE, path=path)
        if exc.errno in (errno.EBUSY, errno.ETXTBSY):
            return UserError(IN_USE, path=path)
        return UserError(CANNOT_READ_OR_WRITE, path=path, reason=exc.strerror or exc)
    chain = _chain(exc)
    for error in chain:
        name = getattr(error, "sqlite_errorname", "") or ""
        text = str(error)
        if name.startswith("SQLITE_FULL") or "disk is full" in text:
            return UserError(DISK_FULL, path=path)
        if isinstance(error, OSError) and error is not exc:
            return named_error(error, path)
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) or (
            "readonly" in text or "unable to open" in text
        ):
            return UserError(NOT_WRITABLE, path=path)
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "is locked" in text:
            return UserError(IN_USE, path=path)
    text = str(exc)
    if Path(path).is_file():
        try:
            problems = check(path)
        except UserError:
            problems = []
        if problems:
            return DatabaseDamaged(path, problems[0])
    return UserError(CANNOT_READ_OR_WRITE, path=path, reason=text)
