"""Opening the database: where it lives, pragmas, schema version, settings.

One SQLite file per rep. Every connection runs in WAL mode with full synchronous writes and
foreign keys on, so a crash never leaves half a transaction and readers (the command line's
`summary`, `report`, `export`) work while the window writes.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from app import backup, migrations, output, sqlite_file
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.migrations import SCHEMA_VERSION
from app.models import DATA_MODELS, MODELS, Setting, database
from app.sqlite_file import DatabaseDamaged

PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
)


_verified: Path | None = None  # the open file, when it was verified at open
_openings = 0  # counts opens and closes: what was read from one open file (a cache) is stale


def opening() -> int:
    """Changes whenever a database is opened or closed (see `_openings`)."""
    return _openings


def data_state() -> tuple | None:
    """What names the data as it stands, for a result worked out once per change instead of
    once per use: the opening of the file (another file, or the same one opened again, is
    another state), the rows this connection has changed (`total_changes`: every insert,
    update and delete, settings included; a rolled-back change counts too) and other
    connections' commits (`PRAGMA data_version`). None inside a transaction, which may
    still be rolled back: nothing is kept then."""
    connection = database.connection()
    if connection.in_transaction:
        return None
    version = connection.execute("PRAGMA data_version").fetchone()[0]
    return (_openings, connection.total_changes, version)


_KEPT: list[dict] = []  # every per_change function's results


def per_change(function):
    """`function(*args)` worked out once per state of the data (see `data_state`) and
    argument: the tabs shown after one change share it. Callers must not change what it
    returns (a list is copied for each caller; its items are shared)."""
    kept: dict = {}
    _KEPT.append(kept)

    def wrapper(*args):
        state = data_state()
        if state is None:
            return function(*args)
        if kept.get("state") != state:
            kept.clear()
            kept["state"] = state
        if args not in kept:
            kept[args] = function(*args)
        found = kept[args]
        return list(found) if isinstance(found, list) else found

    wrapper.__doc__, wrapper.__name__ = function.__doc__, function.__name__
    wrapper.cache_clear = kept.clear
    return wrapper


def forget_derived() -> None:
    """Drop every result kept by `per_change`: the next asks work it out again, as the first
    asks after a change do (the benchmarks time that)."""
    for kept in _KEPT:
        kept.clear()


def open_database(path: Path, verify: bool = False) -> None:
    """Open (creating if needed) the database at `path` for the models.

    A file from a newer RepDesk is refused and left untouched. With `verify` (the window,
    and commands that write) SQLite's quick_check runs first: a damaged file is never
    opened as if it were empty, and DatabaseDamaged is raised. The check reads every page
    (about a second on a heavy user's file), so it is skipped when the file is exactly as
    RepDesk left it after a verified session (see `sqlite_file.stamp`); any other change, a crash
    included, leaves the stamp behind and the check runs.
    """
    global _verified, _openings
    path = Path(path)
    close_database()
    created = not path.exists()
    journal = sqlite_file.companion(path, "-journal").exists()
    if journal:
        # A hot journal: the file is not what the connection will see; judge what it will.
        problems = sqlite_file.check(path)
        if problems:
            raise DatabaseDamaged(path, problems[0])
    if not created:
        version = sqlite_file.read_schema_version(path)
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
        _create(path)
        version = SCHEMA_VERSION
    if verify and not (created or journal or sqlite_file.unchanged_since_verified(path)):
        problems = sqlite_file.quick_check(path)
        if problems:
            raise DatabaseDamaged(path, problems[0])
    _verified = path if verify else None
    _openings += 1
    if 0 < version < SCHEMA_VERSION:
        _migrate(path, version)
    database.init(str(path), pragmas=PRAGMAS)
    database.connect()
    sqlite_file.opened_here(path)
    if version == 0:  # a SQLite file with nothing in it yet (made by another tool)
        _create_tables()


def _create_tables() -> None:
    with database.atomic():
        database.create_tables(MODELS)
        database.pragma("user_version", SCHEMA_VERSION)


def _create(path: Path) -> None:
    """A new database, written whole beside its name and renamed into place (user-only): a
    kill meanwhile never leaves an empty file that a later start would take for the rep's."""

    def write(partial: Path) -> None:
        database.init(str(partial), pragmas=PRAGMAS)
        database.connect()
        try:
            _create_tables()
        finally:
            database.close()

    path.parent.mkdir(parents=True, exist_ok=True)
    output.write_output(path, write, None, backup=True)


def _migrate(path: Path, version: int) -> None:
    """Upgrade the file from `version` to SCHEMA_VERSION, a verified backup taken first."""
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


def close_thread_connection() -> None:
    """Close this thread's own connection (a worker's), leaving the database open."""
    database.close()


def close_database() -> None:
    global _verified, _openings
    _openings += 1
    sqlite_file.opened_here(None)
    if database.database and not database.is_closed():
        database.close()
        if _verified is not None and _verified == Path(database.database):
            sqlite_file.write_stamp(_verified)
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
