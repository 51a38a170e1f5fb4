"""Backups, restore and the integrity check, through SQLite's own backup API.

A backup is a plain SQLite database file, written beside its final name, checked with
`integrity_check`, then renamed into place: a half-written backup never carries the name.
"""

import functools
import os
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import db
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
MANUAL = "manual"
NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(\.\d{6})?)-(?P<reason>[a-z0-9-]+)"
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


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


@dataclass
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str  # manual, daily, before-import, before-restore, before-migration-v1, on-exit…

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL


@_serialised
def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of this database in its backups folder, newest first."""
    folder = backups_dir(db_path)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = NAME.match(path.name)
            if match and match["stem"] == Path(db_path).stem:
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
def rotate(db_path: Path, protect: frozenset[Path] = frozenset()) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps (never one in `protect`,
    e.g. the backup being restored); returns them."""
    backups = list_backups(db_path)
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


def daily_backup_due(db_path: Path, now: datetime) -> bool:
    """At start: true when the newest backup is more than a day old (or there is none)."""
    backups = list_backups(db_path)
    return not backups or now - backups[0].taken_at > timedelta(days=1)


def row_counts(path: Path) -> dict[str, int]:
    """Customers, leads and orders in a backup (for the list of backups)."""
    connection = db.connect_read_only(path)
    try:
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in ("customer", "lead", "order")
        }
    except sqlite3.DatabaseError:
        return {}
    finally:
        connection.close()


def newest_sound_backup(db_path: Path) -> BackupFile | None:
    """The newest backup that passes the integrity check."""
    for backup_file in list_backups(db_path):
        try:
            if not check(backup_file.path) and db.read_schema_version(backup_file.path):
                return backup_file
        except UserError:
            continue
    return None


def recover(db_path: Path, now: datetime) -> tuple[Path, BackupFile]:
    """Replace a damaged database with its newest sound backup, the damaged file kept aside.

    Raises UserError when there is no sound backup (the damaged file stays where it is).
    """
    aside = keep_aside(db_path, now)
    newest = newest_sound_backup(db_path)
    if newest is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "There is no sound backup of {path}; the damaged file was kept as {aside}.",
            ),
            path=db_path,
            aside=aside,
        )
    restore(newest.path, db_path, now, keep_current=False)
    return aside, newest


def keep_aside(db_path: Path, now: datetime) -> Path:
    """Copy a damaged database to `<name>.<date>.corrupt` (once a day at most); never delete."""
    db_path = Path(db_path)
    aside = db_path.with_name(f"{db_path.name}.{now:%Y%m%d}.corrupt")
    if not aside.exists():
        for suffix in ("", "-wal"):
            source = db_path.with_name(db_path.name + suffix)
            if source.exists():
                target = aside.with_name(aside.name + suffix)
                shutil.copyfile(source, target)
                os.chmod(target, 0o600)
    return aside


def default_backup_path(db_path: Path, now: datetime, reason: str = "manual") -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S") + (f".{now:%f}" if now.microsecond else "")
    return backups_dir(db_path) / f"{Path(db_path).stem}-{stamp}-{reason}.sqlite3"


def integrity_problems(connection: sqlite3.Connection, quick: bool = False) -> list[str]:
    """What SQLite's integrity check reports; empty when the database is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    problems = [row for row in rows if row != "ok"]
    problems += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
    return problems


def _require_file(path: Path) -> None:
    if not Path(path).is_file():
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=path)


def check(path: Path) -> list[str]:
    """Integrity check of the file at `path`, reading only; returns the problems found."""
    path = Path(path)
    _require_file(path)
    db.read_schema_version(path)
    try:
        connection = db.connect_read_only(path)
        try:
            return integrity_problems(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _copy_verified(source: sqlite3.Connection, dest: Path) -> None:
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=delete")  # a backup is one self-contained file
        problems = integrity_problems(target)
    finally:
        target.close()
    if problems:
        partial.unlink(missing_ok=True)
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "The backup failed its integrity check: {problem}"),
            problem=problems[0],
        )
    os.replace(partial, dest)


@_serialised
def backup(db_path: Path, dest: Path) -> Path:
    """Copy the database at `db_path` to `dest`, verified; works while the window is open."""
    _require_file(db_path)
    db.read_schema_version(db_path)
    source = db.connect_read_only(db_path)
    try:
        _copy_verified(source, dest)
    except sqlite3.DatabaseError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "{path} cannot be read as a database: {reason}"),
            path=db_path,
            reason=exc,
        ) from exc
    finally:
        source.close()
    return Path(dest)


@_serialised
def restore(
    backup_file: Path, db_path: Path, now: datetime, keep_current: bool = True
) -> Path | None:
    """Replace the database at `db_path` with `backup_file`, keeping a backup of it first.

    The caller holds the database lock. Returns the safety backup of the replaced state
    (none with `keep_current=False`, for a damaged file already kept aside).
    """
    backup_file = Path(backup_file)
    _require_file(backup_file)
    version = db.read_schema_version(backup_file)
    if version > db.SCHEMA_VERSION or version == 0:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages", "{path} is not a RepDesk backup this version can restore."
            ),
            path=backup_file,
        )
    problems = check(backup_file)
    if problems:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "{path} is damaged and was not restored: {problem}"),
            path=backup_file,
            problem=problems[0],
        )
    safety = None
    if keep_current and Path(db_path).exists():
        safety = automatic_backup(db_path, now, "before-restore", protect=frozenset({backup_file}))
    source = db.connect_read_only(backup_file)
    try:
        if not Path(db_path).exists():
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        if not keep_current:  # a damaged file may not even open: start the file anew
            for suffix in ("-wal", "-shm"):
                Path(db_path).with_name(Path(db_path).name + suffix).unlink(missing_ok=True)
            with Path(db_path).open("r+b") as handle:
                handle.truncate(0)
        target = sqlite3.connect(db_path)
        try:
            # The backup API replaces every page in one step, WAL included.
            source.backup(target)
            target.execute("PRAGMA journal_mode=wal")
        finally:
            target.close()
    finally:
        source.close()
    return safety
