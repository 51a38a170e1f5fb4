"""Backups, restore and the integrity check, through SQLite's own backup API.

A backup is a plain SQLite database file, written beside its final name, checked with
`integrity_check`, then renamed into place: a half-written backup never carries the name.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from app import db
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def default_backup_path(db_path: Path, now: datetime, reason: str = "manual") -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
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
            path=db_path, reason=exc,
        ) from exc
    finally:
        source.close()
    return Path(dest)


def restore(backup_file: Path, db_path: Path, now: datetime) -> Path | None:
    """Replace the database at `db_path` with `backup_file`, keeping a backup of it first.

    The caller holds the database lock. Returns the safety backup of the replaced state.
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
            path=backup_file, problem=problems[0],
        )
    safety = None
    if Path(db_path).exists():
        safety = backup(db_path, default_backup_path(db_path, now, "before-restore"))
    source = db.connect_read_only(backup_file)
    try:
        if not Path(db_path).exists():
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
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
