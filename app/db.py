"""Opening the database: where it lives, pragmas, schema version, settings.

One SQLite file per rep. Every connection runs in WAL mode with full synchronous writes and
foreign keys on, so a crash never leaves half a transaction and readers (the command line's
`summary`, `report`, `export`) work while the window writes.
"""

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import DATA_MODELS, MODELS, Setting, database

SCHEMA_VERSION = 6  # app/migrations.py has a step for every version after 1
SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot change the file (no checkpoint, no header write).

    Without a `-wal` file beside it nobody has the database open for writing and the file is
    complete, so it is opened immutable: SQLite then creates no `-wal`/`-shm` files either.
    """
    path = Path(path).resolve()
    if not path.is_file():  # SQLite would create an empty database instead
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=path)
    in_use = path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(f"{path.as_uri()}?{'mode=ro' if in_use else 'immutable=1'}", uri=True)


def read_schema_version(path: Path) -> int:
    """`PRAGMA user_version` of an existing file, read without touching it.

    Raises UserError when the file is not a RepDesk (SQLite) database.
    """
    with Path(path).open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "{path} is not a RepDesk database."), path=path
        )
    if not header:
        return 0  # an empty file is an empty database
    try:
        connection = connect_read_only(path)
        try:
            return connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, str(exc)) from exc


class DatabaseDamaged(UserError):
    """The file is a SQLite database that SQLite finds damaged."""

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


_verified: Path | None = None  # the open file, when it was verified at open
_openings = 0  # counts opens and closes: what was read from one open file (a cache) is stale


def opening() -> int:
    """Changes whenever a database is opened or closed (see `_openings`)."""
    return _openings


def open_database(path: Path, verify: bool = False) -> None:
    """Open (creating if needed) the database at `path` for the models.

    A file from a newer RepDesk is refused and left untouched. With `verify` (the window,
    and commands that write) SQLite's quick_check runs first: a damaged file is never
    opened as if it were empty, and DatabaseDamaged is raised. The check reads every page
    (about a second on a heavy user's file), so it is skipped when the file is exactly as
    RepDesk left it after a verified session (see `_stamp`); any other change, a crash
    included, leaves the stamp behind and the check runs.
    """
    global _verified, _openings
    path = Path(path)
    close_database()
    if path.exists():
        version = read_schema_version(path)
        if version > SCHEMA_VERSION:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{path} was written by a newer RepDesk (schema {found}, this version "
                    "knows {known}); update RepDesk to open it.",
                ),
                path=path,
                found=version,
                known=SCHEMA_VERSION,
            )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Create the file user-only before SQLite writes a byte; -wal/-shm inherit the mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        version = 0
    if verify and version and not _unchanged_since_verified(path):
        problems = _quick_check(path)
        if problems:
            raise DatabaseDamaged(path, problems[0])
    _verified = path if verify else None
    _openings += 1
    if 0 < version < SCHEMA_VERSION:
        _migrate(path, version)
    database.init(str(path), pragmas=PRAGMAS)
    database.connect()
    if version == 0:
        with database.atomic():
            database.create_tables(MODELS)
            database.pragma("user_version", SCHEMA_VERSION)


def _stamp_file(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _stamp(path: Path) -> str:
    """The file's size and modification time, and its write-ahead log's size."""
    stat = path.stat()
    wal = path.with_name(path.name + "-wal")
    return f"{stat.st_size}:{stat.st_mtime_ns}:{wal.stat().st_size if wal.exists() else 0}"


def _unchanged_since_verified(path: Path) -> bool:
    try:
        return _stamp_file(path).read_text("ascii") == _stamp(path)
    except OSError:
        return False


def _write_stamp(path: Path) -> None:
    """Record that `path`, as it is now, was verified at open and then written only by
    SQLite through RepDesk (a crash never gets here, so the next open checks)."""
    stamp = _stamp_file(path)
    partial = stamp.with_name(stamp.name + ".partial")
    try:
        with os.fdopen(
            os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="ascii"
        ) as handle:
            handle.write(_stamp(path))
        partial.replace(stamp)
    except OSError:
        pass  # no stamp: the next open simply checks


def _quick_check(path: Path) -> list[str]:
    try:
        connection = connect_read_only(path)
        try:
            return [row[0] for row in connection.execute("PRAGMA quick_check") if row[0] != "ok"]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _migrate(path: Path, version: int) -> None:
    """Upgrade the file from `version` to SCHEMA_VERSION, a verified backup taken first."""
    from datetime import datetime

    from app import backup, migrations

    backup.automatic_backup(path, datetime.now(), f"before-migration-v{version}")
    database.init(
        str(path),
        pragmas=[(name, 0 if name == "foreign_keys" else value) for name, value in PRAGMAS],
    )
    database.connect()
    try:
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with database.atomic():
                migrations.STEPS[step]()
                orphans = database.execute_sql("PRAGMA foreign_key_check").fetchall()
                if orphans:
                    raise RuntimeError(
                        f"migration to {step} left foreign keys broken: {orphans[:3]}"
                    )
                database.pragma("user_version", step)
    finally:
        database.close()


def close_database() -> None:
    global _verified, _openings
    _openings += 1
    if database.database and not database.is_closed():
        database.close()
        if _verified is not None and _verified == Path(database.database):
            _write_stamp(_verified)
    _verified = None


def database_path() -> Path:
    return Path(database.database)


def is_empty() -> bool:
    """True when the rep has no records yet (settings alone do not count)."""
    return not any(model.select().exists() for model in DATA_MODELS)


@contextmanager
def indexes_built_after(table: str, rebuild: bool = True) -> Iterator[None]:
    """For many rows inserted at once, inside a transaction: the table's (non-unique) indexes
    are dropped first and built again at the end, where SQLite sorts each once instead of
    updating it row by row. On an error they come back with the rollback; so they do
    without `rebuild`, for a transaction that is rolled back anyway (a dry run)."""
    indexes = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND "
        "sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
        (table,),
    ).fetchall()
    if not database.in_transaction():
        raise RuntimeError("indexes_built_after() needs a transaction")
    for name, _ in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes if rebuild else ():
        database.execute_sql(sql)


def get_setting(key: str, default=None):
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def set_setting(key: str, value) -> None:
    Setting.replace(key=key, value=json.dumps(value, ensure_ascii=False)).execute()


def delete_setting(key: str) -> None:
    Setting.delete().where(Setting.key == key).execute()
