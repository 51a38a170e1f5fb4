"""Backups, restore and the integrity check, through SQLite's own backup API.

A backup is a plain SQLite database file, written beside its final name, checked with
`integrity_check`, then renamed into place: a half-written backup never carries the name.
Each database file has its own backup set, named after the whole file name
(`a.sqlite3-20261120-090000-daily.sqlite3`), so `a.sqlite3` and `a.db` in one folder never
share or rotate each other's backups.
"""

import filecmp
import functools
import os
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import output, sqlite_file
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.migrations import SCHEMA_VERSION
from app.sqlite_file import backups_dir, check, companion, integrity_problems

__all__ = ["backups_dir", "check", "integrity_problems"]

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
MANUAL = "manual"
# `<database file name>-<stamp>-<reason>.sqlite3`; the name is greedy and a reason holds no
# dot or stamp, so every backup name splits one way only.
NAME = re.compile(
    r"^(?P<name>.+)-(?P<stamp>\d{8}-\d{6}(\.\d{6})?)-(?P<reason>[a-z0-9-]+)"
    r"\.sqlite3$"
)


# The window takes its daily backup on a worker thread; every backup, restore and listing
# waits for the one before it (a listing never sees a file that rotation is removing).
_one_at_a_time = threading.RLock()


def _serialised(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with _one_at_a_time:
            return function(*args, **kwargs)

    return wrapper


@dataclass
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str  # manual, daily, before-import, before-restore, before-migration-v1, on-exit…

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL


def _owns_legacy_backups(db_path: Path) -> bool:
    """Backups named after the file's stem alone (`a-<stamp>-daily.sqlite3`, before each
    file had its own set) belong to `db_path` only when no other database file in its
    folder has that stem; otherwise nobody can tell whose they are, and they are left to
    the rep (never listed, rotated or restored automatically)."""
    db_path = Path(db_path)
    if db_path.name == db_path.stem:
        return False  # a name without suffix: its own backups already carry that name
    try:
        siblings = [p for p in db_path.parent.iterdir() if p.stem == db_path.stem]
    except OSError:
        return False
    for sibling in siblings:
        if sibling.name != db_path.name and sibling.is_file():
            try:
                if sqlite_file.read_header(sibling) == sqlite_file.SQLITE_HEADER:
                    return False
            except UserError:
                return False
    return True


@_serialised
def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """The backups of this database file in its backups folder (or `folder`: the second
    one), newest first."""
    db_path = Path(db_path)
    main = folder is None
    folder = backups_dir(db_path) if main else Path(folder)
    found = []
    if folder.is_dir():
        names = {db_path.name}
        if main and _owns_legacy_backups(db_path):
            names.add(db_path.stem)
        for path in folder.iterdir():
            match = NAME.match(path.name)
            if match and match["name"] in names:
                stamp = match["stamp"] if "." in match["stamp"] else match["stamp"] + ".000000"
                found.append(
                    BackupFile(path, datetime.strptime(stamp, "%Y%m%d-%H%M%S.%f"), match["reason"])
                )
    return sorted(found, key=lambda backup_file: backup_file.taken_at, reverse=True)


def rotation_keeps(backups: list[BackupFile]) -> set[Path]:
    """Which automatic backups to keep: the newest of each of the 7 latest days, 4 latest
    ISO weeks and 6 latest months that have one. Manual backups are always kept."""
    automatic = sorted((b for b in backups if b.automatic), key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in backups if not b.automatic}
    for period, count in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    ):
        seen = []
        for backup_file in automatic:
            key = period(backup_file.taken_at)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(backup_file.path)
    return keep


@_serialised
def rotate(
    db_path: Path, protect: frozenset[Path] = frozenset(), folder: Path | None = None
) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps (never one in `protect`,
    e.g. the backup being restored); returns them. `folder`: the second folder's own."""
    backups = list_backups(db_path, folder)
    keep = rotation_keeps(backups) | {Path(path) for path in protect}
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@_serialised
def automatic_backup(
    db_path: Path, now: datetime, reason: str, protect: frozenset[Path] = frozenset()
) -> Path:
    """A verified backup into the backups folder, then rotation."""
    written = backup(db_path, default_backup_path(db_path, now, reason))
    rotate(db_path, protect)
    return written


class SecondFolderUnavailable(UserError):
    def __init__(self, folder: Path):
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The second backup folder {folder} is not available (a drive not plugged "
                "in?); the backup stays on this computer only.",
            ),
            folder=folder,
        )


def _copy_checked(source: Path, partial: Path) -> None:
    shutil.copyfile(source, partial)
    problems = check(partial)
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "The backup failed its integrity check: {problem}"),
            problem=problems[0],
        )


@_serialised
def copy_to_second_folder(written: Path, db_path: Path, folder: Path) -> Path:
    """A verified copy of the backup `written` in `folder` (a USB drive, a synced folder:
    backups off the laptop), then that folder's own rotation (7 days, 4 weeks, 6 months)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SecondFolderUnavailable(folder)
    dest = folder / Path(written).name
    output.write_output(dest, functools.partial(_copy_checked, written), db_path, backup=True)
    rotate(db_path, folder=folder)
    return dest


def daily_backup_due(db_path: Path, now: datetime) -> bool:
    """At start: true when the newest backup is more than a day old (or there is none)."""
    backups = list_backups(db_path)
    return not backups or now - backups[0].taken_at > timedelta(days=1)


def row_counts(path: Path) -> dict[str, int]:
    """Customers, leads and orders in a backup (for the list of backups)."""
    connection = sqlite_file.connect_read_only(path)
    try:
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in ("customer", "lead", "order")
        }
    except sqlite3.DatabaseError:
        return {}
    finally:
        connection.close()


def _restorable_version(path: Path) -> int:
    """The schema version of a sound backup this RepDesk can restore; 0 for any other."""
    try:
        version = sqlite_file.read_schema_version(path)
    except UserError:
        return 0
    return version if 0 < version <= SCHEMA_VERSION else 0


def newest_sound_backup(db_path: Path) -> BackupFile | None:
    """The newest backup that passes the integrity check."""
    for backup_file in list_backups(db_path):
        try:
            if not check(backup_file.path) and _restorable_version(backup_file.path):
                return backup_file
        except UserError:
            continue
    return None


def recover(db_path: Path, now: datetime) -> tuple[Path, BackupFile]:
    """Replace a damaged database with its newest sound backup, the damaged file kept aside.

    Raises UserError when there is no sound backup (the damaged file stays where it is).
    """
    newest = newest_sound_backup(db_path)
    if newest is None:
        aside = keep_aside(db_path, now)
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "There is no sound backup of {path}; the damaged file was kept as {aside}.",
            ),
            path=db_path,
            aside=aside,
        )
    restored = restore(newest.path, db_path, now)
    return restored.aside or restored.safety, newest


def keep_aside(db_path: Path, now: datetime) -> Path:
    """Copy a damaged database (with its log or journal) to `<name>.<date>.corrupt`; never
    delete. The same damaged file kept again gets the same copy; a different one the same
    day gets its own (`<name>.<date>-2.corrupt`…). A copy is complete when its main file
    carries its name."""
    db_path = Path(db_path)
    number = 1
    while True:
        tail = "" if number == 1 else f"-{number}"
        aside = db_path.with_name(f"{db_path.name}.{now:%Y%m%d}{tail}.corrupt")
        if not aside.exists():
            break
        if _same_content(aside, db_path):
            return aside
        number += 1
    for suffix in ("-wal", "-journal", ""):
        source = companion(db_path, suffix)
        if source.exists():
            output.write_output(
                companion(aside, suffix),
                functools.partial(shutil.copyfile, source),
                None,
                backup=True,
            )
    return aside


def _same_content(a: Path, b: Path) -> bool:
    for suffix in ("", "-wal", "-journal"):
        first, second = companion(a, suffix), companion(b, suffix)
        if first.exists() != second.exists():
            return False
        if first.exists() and not filecmp.cmp(first, second, shallow=False):
            return False
    return True


def default_backup_path(db_path: Path, now: datetime, reason: str = "manual") -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S") + (f".{now:%f}" if now.microsecond else "")
    return backups_dir(db_path) / f"{Path(db_path).name}-{stamp}-{reason}.sqlite3"


def _require_file(path: Path) -> None:
    if not Path(path).is_file():
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=path)


def _copy_verified(source: sqlite3.Connection, partial: Path) -> None:
    """Copy the database of `source` into the (empty) file `partial`, and check the copy."""
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=delete")  # a backup is one self-contained file
        problems = integrity_problems(target)
    finally:
        target.close()
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "The backup failed its integrity check: {problem}"),
            problem=problems[0],
        )


def _named(exc: BaseException, db_path: Path, dest: Path) -> UserError:
    """A failure while copying `db_path` to `dest`, named for the file it concerns: a full
    disk or a folder that cannot be written is the destination's, the rest the source's."""
    error = sqlite_file.named_error(exc, dest)
    if error.source in (sqlite_file.DISK_FULL, sqlite_file.NOT_WRITABLE):
        return error
    return sqlite_file.named_error(exc, db_path)


@_serialised
def backup(db_path: Path, dest: Path) -> Path:
    """Copy the database at `db_path` to `dest`, verified; works while the window is open."""
    db_path, dest = Path(db_path), Path(dest)
    _require_file(db_path)
    sqlite_file.read_schema_version(db_path)
    output.refuse_protected(dest, db_path, backup=True)
    try:
        dest.absolute().parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise sqlite_file.named_error(exc, dest) from exc
    if dest.absolute().parent == backups_dir(db_path).absolute():
        output.clean_stale_partials(dest.absolute().parent)  # a killed backup's leftovers
    try:
        source = sqlite_file.connect_read_only(db_path)
    except sqlite3.Error as exc:
        raise sqlite_file.named_error(exc, db_path) from exc
    try:
        output.write_output(dest, functools.partial(_copy_verified, source), db_path, backup=True)
    except sqlite3.Error as exc:
        raise _named(exc, db_path, dest) from exc
    finally:
        source.close()
    return dest


@dataclass
class Restored:
    safety: Path | None  # a backup of the replaced state, when it was sound
    aside: Path | None  # the replaced file kept as `.corrupt`, when it was not


@_serialised
def restore(backup_file: Path, db_path: Path, now: datetime) -> Restored:
    """Replace the database at `db_path` with `backup_file`, whatever state it is in.

    The caller holds the database lock and has closed it. A sound file is backed up first;
    one that is not (damaged, truncated, empty, not SQLite) is kept aside as `.corrupt`.
    The new file is written whole beside the database and renamed over it: a kill at any
    moment leaves either the old file or the backup's copy, never a mix.
    """
    backup_file, db_path = Path(backup_file), Path(db_path)
    _require_file(backup_file)
    if db_path.exists() and os.path.samefile(backup_file, db_path):
        raise output.ProtectedPath(backup_file)
    not_a_backup = UserError(
        QT_TRANSLATE_NOOP("Messages", "{path} is not a RepDesk backup this version can restore."),
        path=backup_file,
    )
    if sqlite_file.read_header(backup_file) != sqlite_file.SQLITE_HEADER:
        raise not_a_backup
    problems = check(backup_file)
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "{path} is damaged and was not restored: {problem}"),
            path=backup_file,
            problem=problems[0],
        )
    if not _restorable_version(backup_file):
        raise not_a_backup
    safety = aside = None
    sound = db_path.is_file() and not check(db_path)
    if sound:
        safety = automatic_backup(db_path, now, "before-restore", protect=frozenset({backup_file}))
    elif db_path.exists():
        aside = keep_aside(db_path, now)
    partial = companion(db_path, ".restoring" + output.PARTIAL)
    try:
        partial.unlink(missing_ok=True)  # a killed restore's (the caller holds the lock)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        source = sqlite_file.connect_read_only(backup_file)
        try:
            _copy_verified(source, partial)
        finally:
            source.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        _leave_no_log(db_path, sound)
        os.replace(partial, db_path)
        output.fsync_folder(db_path.parent)
        sqlite_file.stamp_file(db_path).unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        raise _named(exc, backup_file, db_path) from exc
    finally:
        partial.unlink(missing_ok=True)
    return Restored(safety, aside)


def _leave_no_log(db_path: Path, sound: bool) -> None:
    """Before the file is replaced: no write-ahead log or journal may stay beside it, or
    the next open would replay the old file's pages into the new one. A sound file is
    checkpointed and switched to a rollback journal by SQLite itself (a kill meanwhile
    leaves it sound); a damaged one's were kept aside with it."""
    if sound:
        connection = sqlite3.connect(db_path)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode=delete")
        finally:
            connection.close()
    for suffix in ("-wal", "-journal", "-shm"):
        companion(db_path, suffix).unlink(missing_ok=True)
