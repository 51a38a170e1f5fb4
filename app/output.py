"""Every file RepDesk writes for the rep goes through `write_output`: exports, the review
PDF, an import's errors file, backups and the calendar.

The file is written whole or not at all: into a temporary file in the same folder (mode
0600: only the user reads it), flushed to the disk, then renamed over the name. A path that
names the open database, a file SQLite or RepDesk keeps beside it, or one of its backups is
refused before anything is written.
"""

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app import sqlite_file
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP

T = TypeVar("T")
PARTIAL = ".partial"
STALE_AFTER_SECONDS = 3600  # a temporary file this old belongs to a killed run
CANNOT_WRITE = QT_TRANSLATE_NOOP("Messages", "Cannot write {path}: {reason}")


class ProtectedPath(UserError):
    def __init__(self, path: Path):
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is the database, a file beside it or one of its backups; "
                "choose another file name.",
            ),
            path=path,
        )


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def protected(path: Path, database: Path | None, *, backup: bool = False) -> bool:
    """Whether writing `path` could replace the database `database` or what keeps it safe:
    the file itself, its `-wal`/`-shm`/`-journal`/lock files, a copy kept aside as
    `.corrupt`, any existing file in its backups folder. Symbolic links and relative paths
    are resolved first. A file that is not a backup (`backup=False`) is also never written
    over an existing SQLite database, whichever it is."""
    path = Path(path).absolute()
    target = path.resolve()
    if not backup and target.is_file() and sqlite_file.read_header(target).startswith(b"SQLite"):
        return True
    if database is None:
        return False
    database = Path(database).absolute()
    real = database.resolve()
    for db_file in {database, real}:
        for name in (db_file, *(sqlite_file.companion(db_file, s) for s in sqlite_file.COMPANIONS)):
            if target == name.resolve() or path == name or _same(target, name):
                return True
        if target.parent == db_file.parent.resolve() and target.name.startswith(db_file.name):
            if target.name.endswith(".corrupt") or target.name.endswith(
                tuple(f".corrupt{s}" for s in ("-wal", "-journal"))
            ):
                return True
        folder = sqlite_file.backups_dir(db_file).resolve()
        if target.parent == folder and target.exists() and not target.name.endswith(PARTIAL):
            return True
    return False


def refuse_protected(path: Path, database: Path | None, *, backup: bool = False) -> None:
    if protected(path, database, backup=backup):
        raise ProtectedPath(path)
    target = Path(path).absolute().resolve()
    if target.exists() and not target.is_file():  # a folder, a device (/dev/null), a pipe
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "{path} is not a file; choose a file name."), path=path
        )


def clean_stale_partials(folder: Path, prefix: str = "") -> list[Path]:
    """Remove the temporary files a killed run left in `folder` (older than an hour, so a
    writer at work in another process keeps its own)."""
    removed = []
    now = time.time()
    try:
        candidates = list(Path(folder).glob(f"{prefix}*{PARTIAL}"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            if now - candidate.stat().st_mtime > STALE_AFTER_SECONDS:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_output(
    path: Path,
    write: Callable[[Path], T],
    database: Path | None,
    *,
    backup: bool = False,
) -> T:
    """Call `write(temporary)` to write the file, then put it at `path` whole, mode 0600.

    `database` is the open database file (the one `path` must never name). Raises
    ProtectedPath (nothing written) for a protected path and a UserError naming the
    failure (disk full, not writable…) when the disk refuses; the temporary file never
    stays behind, except after a kill (the next write cleans it).
    """
    path = Path(path)
    refuse_protected(path, database, backup=backup)
    folder = path.absolute().parent
    temporary = folder / f"{path.name}.{os.getpid()}-{time.monotonic_ns()}{PARTIAL}"
    try:
        clean_stale_partials(folder, f"{path.name}.")
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        result = write(temporary)
        os.chmod(temporary, 0o600)  # whatever the writer did to the file
        handle = os.open(temporary, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        refuse_protected(path, database, backup=backup)  # nothing took its place meanwhile
        os.replace(temporary, path)
        fsync_folder(folder)
        return result
    except OSError as exc:
        error = sqlite_file.named_error(exc, path)
        if error.source == sqlite_file.CANNOT_READ_OR_WRITE:
            error = UserError(CANNOT_WRITE, path=path, reason=exc.strerror or exc)
        raise error from exc
    finally:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


def write_text(path: Path, text: str, database: Path | None, encoding: str = "utf-8") -> Path:
    """A text file (the calendar's `.ics`, for one) through `write_output`."""
    output_path = Path(path)
    write_output(output_path, lambda partial: partial.write_bytes(text.encode(encoding)), database)
    return output_path
