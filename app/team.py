"""A team on one PostgreSQL server: each rep pushes their records, the manager reads the month.

The rep's own SQLite file stays the master. `push` sends its rows to the server, each keyed
by the rep, its table and its stable id (the row's primary key), with a hash of its values;
only rows whose hash differs from the one on the server travel, rows gone from the file are
deleted there, all in one transaction (a push killed half way leaves the server as it was).
The push state is the server's own hashes, so the rep's file is only read (a push works
while the window is open) and a second push without changes writes nothing.

`team_summary` keeps a copy of each rep's rows on the manager's computer, a RepDesk database
of the manager's own version (user-only files in the user cache folder), brings it up to
date with the rows pushed or deleted since (each server row carries a sequence number), and
runs the same `summary` code on it: each rep's figures equal that rep's own `summary --json`
by construction. The settings table travels like any other (preferences, lifecycle rules,
profile), so the rules that shape the figures travel with the records.

Security: the password is never written anywhere by RepDesk: it comes from the URL, the
environment (PGPASSWORD, ~/.pgpass), the system keyring or a prompt, and the keyring keeps
what a prompt gave. Every statement names the rep, and the tables carry row-level security:
a rep logging in as their own role (named like the rep) sees and changes only their rows;
the tables' owner (the manager) sees every rep. TLS is used when the server offers it
(`sslmode=prefer` unless the URL says otherwise). See docs/team.md.
"""

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from fractions import Fraction
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP

KEYRING_SERVICE = "RepDesk team server"
SERVER_SETTING = "team.server"  # the last server URL used in the window, without password
REP_SETTING = "team.rep"  # the rep's name on the server, when not the profile's
SESSION_PUSH_SETTING = "team.push_after_session"  # true: push when the window closes
# Local history of imports, not the rep's records: undo data stays on the rep's computer.
NOT_PUSHED = ("import_batch", "import_change")
CONNECT_TIMEOUT = 10  # seconds

SCHEMA = (
    "CREATE SEQUENCE repdesk_seq",
    """CREATE TABLE repdesk_rep (
        rep text PRIMARY KEY,
        pushed_at timestamptz NOT NULL,
        app_version text NOT NULL,
        schema_version integer NOT NULL,
        columns json NOT NULL)""",
    """CREATE TABLE repdesk_row (
        rep text NOT NULL REFERENCES repdesk_rep (rep) DEFERRABLE INITIALLY DEFERRED,
        tbl text NOT NULL,
        row_id text NOT NULL,
        hash bigint NOT NULL,
        content json NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('repdesk_seq'),
        PRIMARY KEY (rep, tbl, row_id))""",
    "CREATE INDEX repdesk_row_seq ON repdesk_row (rep, seq)",
    """CREATE TABLE repdesk_gone (
        rep text NOT NULL,
        tbl text NOT NULL,
        row_id text NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('repdesk_seq'))""",
    "CREATE INDEX repdesk_gone_seq ON repdesk_gone (rep, seq)",
    "ALTER TABLE repdesk_rep ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE repdesk_row ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE repdesk_gone ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY repdesk_rep_own ON repdesk_rep USING (rep = current_user)",
    "CREATE POLICY repdesk_row_own ON repdesk_row USING (rep = current_user)",
    "CREATE POLICY repdesk_gone_own ON repdesk_gone USING (rep = current_user)",
)


class TeamError(UserError):
    """The server cannot be reached or refused what was asked (exit 2, nothing changed)."""


@dataclass
class PushResult:
    rep: str
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.inserted + self.updated + self.deleted


# --- the server URL and the password ---------------------------------------------------


def server_params(url: str) -> dict:
    """The URL's connection parameters; UserError when it is not a PostgreSQL URL."""
    from psycopg.conninfo import conninfo_to_dict

    if not url or not url.startswith(("postgresql://", "postgres://")):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{server} is not a PostgreSQL URL (postgresql://user@host:port/database).",
            ),
            server=redact(url or ""),
        )
    try:
        return conninfo_to_dict(url)
    except Exception as exc:  # psycopg.ProgrammingError: the URL does not parse
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "{server} is not a valid server URL: {reason}"),
            server=redact(url),
            reason=_without_secret(_first_line(exc), url),
        ) from None


def redact(url: str) -> str:
    """The URL without its password, as it may be shown, logged or kept in the settings."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    credentials, at, host = rest.rpartition("@")
    if not at:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}" if user else f"{scheme}://{host}"


def _without_secret(text: str, url: str) -> str:
    """`text` (an error from libpq) with the URL's password taken out wherever it appears."""
    text = text.replace(url, redact(url))
    credentials = url.partition("://")[2].rpartition("@")[0]
    secret = credentials.partition(":")[2]
    return text.replace(secret, "***") if secret else text


def keyring_name(params: dict) -> str:
    """The keyring's user name for this server's password: user@host:port/database."""
    return (
        f"{params.get('user', '')}@{params.get('host', '')}:{params.get('port', '5432')}"
        f"/{params.get('dbname', '')}"
    )


def _keyring_get(name: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, name)
    except Exception:  # no usable keyring: ask instead
        return None


def _keyring_set(name: str, password: str) -> None:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, name, password)
    except Exception:  # no usable keyring: the next run asks again
        pass


def remember_password(url: str, password: str) -> None:
    """Keep a password that worked for this server in the system keyring."""
    _keyring_set(keyring_name(server_params(url)), password)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


def _needs_password(exc: BaseException) -> bool:
    text = str(exc)
    return "no password supplied" in text or "password authentication failed" in text


def connect(url: str, ask_password: Callable[[str], str | None] | None = None):
    """A psycopg connection to the team server (autocommit off, TLS when offered).

    The password is the URL's, else PGPASSWORD or ~/.pgpass (libpq's own), else the
    keyring's, else `ask_password(server)` — and then kept in the keyring when it worked.
    A server that is down or refuses the login raises TeamError in one line.
    """
    import psycopg

    params = server_params(url)
    if "PGSSLMODE" not in os.environ:  # TLS when the server offers it, unless told more
        params.setdefault("sslmode", "prefer")
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT))
    params.setdefault("application_name", "repdesk")
    name = keyring_name(params)
    if "password" not in params and not os.environ.get("PGPASSWORD"):
        stored = _keyring_get(name)
        if stored:
            params["password"] = stored
    try:
        return psycopg.connect(**params)
    except psycopg.OperationalError as exc:
        if not _needs_password(exc) or ask_password is None:
            raise _unreachable(url, exc) from None
        failure = exc
    password = ask_password(redact(url))
    if not password:
        raise _unreachable(url, failure) from None
    params["password"] = password
    try:
        connection = psycopg.connect(**params)
    except psycopg.OperationalError as exc:
        raise _unreachable(url, exc) from None
    _keyring_set(name, password)
    return connection


def _unreachable(url: str, exc: BaseException) -> TeamError:
    return TeamError(
        QT_TRANSLATE_NOOP("Messages", "Cannot use the team server {server}: {reason}"),
        server=redact(url),
        reason=_without_secret(_first_line(exc), url),
    )


def _refused(url: str, exc: BaseException) -> TeamError:
    return TeamError(
        QT_TRANSLATE_NOOP(
            "Messages", "The team server {server} refused it: {reason}. Nothing was changed."
        ),
        server=redact(url),
        reason=_without_secret(_first_line(exc), url),
    )


def ensure_schema(connection) -> None:
    """Create RepDesk's tables on the server when they are missing (in their own transaction:
    the one who creates them owns them and sees every rep — the manager, see docs/team.md)."""
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(hashtext('repdesk schema'))")
        exists = connection.execute("SELECT to_regclass('repdesk_row') IS NOT NULL").fetchone()[0]
        if not exists:
            for statement in SCHEMA:
                connection.execute(statement)


def session_push(path) -> list[str] | None:
    """`--server URL --rep NAME` for the push after a session, read from the rep's file
    without opening it for writing; None when the rep has not asked for one."""
    import sqlite3

    from app import sqlite_file

    try:
        connection = sqlite_file.connect_read_only(path)
        try:
            stored = dict(
                connection.execute(
                    "SELECT key, value FROM setting WHERE key IN (?, ?, ?)",
                    (SESSION_PUSH_SETTING, SERVER_SETTING, REP_SETTING),
                ).fetchall()
            )
        finally:
            connection.close()
    except (UserError, sqlite3.Error, OSError):
        return None
    values = {key: json.loads(value) for key, value in stored.items()}
    if not values.get(SESSION_PUSH_SETTING) or not values.get(SERVER_SETTING):
        return None
    rep = values.get(REP_SETTING)
    return ["--server", values[SERVER_SETTING], *(["--rep", rep] if rep else [])]


# --- reading the rep's file --------------------------------------------------------------


def _pushed_tables() -> list[tuple[str, str]]:
    """(table, primary key column) of every table the rep's records live in."""
    from app.models import MODELS

    return [
        (model._meta.table_name, model._meta.primary_key.column_name)
        for model in MODELS
        if model._meta.table_name not in NOT_PUSHED
    ]


def _row_hash(header: bytes, row: tuple) -> int:
    """A 64-bit signed hash of the row's values (and its table's columns)."""
    digest = hashlib.blake2b(header + repr(row).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _local_rows(connection, table: str, key: str) -> tuple[list[str], Iterator[tuple]]:
    columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    quoted = ", ".join(f'"{column}"' for column in columns)
    return columns, connection.execute(f'SELECT {quoted} FROM "{table}"')


def rep_name(rep: str | None) -> str:
    """`--rep`, else the name in the open database's profile."""
    from app import db, review

    name = (rep or db.get_setting(review.REP_NAME_SETTING) or "").strip()
    if not name:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "No rep name: give --rep NAME or write your name in the review's profile.",
            )
        )
    return name


# --- push ----------------------------------------------------------------------------------


def push(url: str, rep: str, ask_password: Callable[[str], str | None] | None = None) -> PushResult:
    """Send the open database's records to the server as `rep`'s, in one transaction.

    Reads the file in one read transaction (a consistent snapshot while the window writes);
    nothing is written locally.
    """
    import psycopg

    import app
    from app.db import SCHEMA_VERSION
    from app.models import database

    connection = connect(url, ask_password)
    result = PushResult(rep)
    try:
        try:
            ensure_schema(connection)
            with database.atomic(), connection.transaction():
                connection.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (rep,))
                local = database.connection()
                columns = {}
                for table, key in _pushed_tables():
                    columns[table] = _push_table(connection, local, rep, table, key, result)
                tables = list(columns)
                gone = connection.execute(
                    "WITH gone AS (DELETE FROM repdesk_row WHERE rep = %s AND "
                    "NOT (tbl = ANY(%s)) RETURNING tbl, row_id) "
                    "INSERT INTO repdesk_gone (rep, tbl, row_id) SELECT %s, tbl, row_id FROM gone",
                    (rep, tables, rep),
                ).rowcount
                result.deleted += gone
                state = connection.execute(
                    "SELECT app_version, schema_version, columns::text FROM repdesk_rep "
                    "WHERE rep = %s",
                    (rep,),
                ).fetchone()
                wanted = (app.__version__, SCHEMA_VERSION, json.dumps(columns))
                if result.changed or state is None or tuple(state) != wanted:
                    # written last: the push's other statements have all run before it
                    connection.execute(
                        "INSERT INTO repdesk_rep "
                        "(rep, pushed_at, app_version, schema_version, columns) "
                        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (rep) DO UPDATE SET "
                        "pushed_at = EXCLUDED.pushed_at, app_version = EXCLUDED.app_version, "
                        "schema_version = EXCLUDED.schema_version, columns = EXCLUDED.columns",
                        (rep, datetime.now(timezone.utc), *wanted),
                    )
        except psycopg.OperationalError as exc:
            raise _unreachable(url, exc) from None
        except psycopg.Error as exc:
            raise _refused(url, exc) from None
    finally:
        connection.close()
    return result


def _push_table(connection, local, rep: str, table: str, key: str, result: PushResult):
    """Send one table's inserted and changed rows, delete its gone ones; its columns."""
    server = dict(
        connection.execute(
            "SELECT row_id, hash FROM repdesk_row WHERE rep = %s AND tbl = %s", (rep, table)
        ).fetchall()
    )
    columns, rows = _local_rows(local, table, key)
    header = json.dumps(columns).encode()
    position = columns.index(key)
    changed = []
    for row in rows:
        row_id = str(row[position])
        digest = _row_hash(header, row)
        before = server.pop(row_id, None)
        if before == digest:
            result.unchanged += 1
            continue
        if before is None:
            result.inserted += 1
        else:
            result.updated += 1
        changed.append((row_id, digest, json.dumps(row, ensure_ascii=False)))
    if changed:
        connection.execute(
            "CREATE TEMP TABLE IF NOT EXISTS repdesk_incoming "
            "(row_id text, hash bigint, content json) ON COMMIT DROP"
        )
        connection.execute("TRUNCATE repdesk_incoming")
        with connection.cursor().copy(
            "COPY repdesk_incoming (row_id, hash, content) FROM STDIN"
        ) as copy:
            for item in changed:
                copy.write_row(item)
        connection.execute(
            "INSERT INTO repdesk_row (rep, tbl, row_id, hash, content) "
            "SELECT %s, %s, row_id, hash, content FROM repdesk_incoming "
            "ON CONFLICT (rep, tbl, row_id) DO UPDATE SET hash = EXCLUDED.hash, "
            "content = EXCLUDED.content, seq = EXCLUDED.seq",
            (rep, table),
        )
    if server:
        connection.execute(
            "WITH gone AS (DELETE FROM repdesk_row WHERE rep = %s AND tbl = %s AND "
            "row_id = ANY(%s) RETURNING tbl, row_id) "
            "INSERT INTO repdesk_gone (rep, tbl, row_id) SELECT %s, tbl, row_id FROM gone",
            (rep, table, list(server), rep),
        )
        result.deleted += len(server)
    return columns


# --- the manager's month ---------------------------------------------------------------


def team_summary(
    url: str,
    month: str,
    as_of: date,
    ask_password: Callable[[str], str | None] | None = None,
) -> dict:
    """Every rep's `summary` for the month as their file stood at its last push, and the
    team's totals (the `team summary --json` object). Uses the models' database: the
    caller has no database of its own open (the command line; the window runs it apart)."""
    import psycopg

    connection = connect(url, ask_password)
    reps = []
    try:
        try:
            ensure_schema(connection)  # the manager's first summary makes the tables theirs
            with connection.transaction():
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                states = connection.execute(
                    "SELECT rep, pushed_at, columns FROM repdesk_rep ORDER BY rep"
                ).fetchall()
                # tables made again (a new server, a reset) start their numbers again
                tables = connection.execute(
                    "SELECT 'repdesk_row'::regclass::oid::bigint, "
                    "(SELECT system_identifier FROM pg_control_system())"
                ).fetchone()
                for rep, pushed_at, columns in states:
                    cache = _cache_path(url, rep)
                    origin = {"columns": columns, "server": list(tables)}
                    summary = _rep_summary(connection, rep, origin, month, as_of, cache)
                    reps.append(
                        {
                            "rep": rep,
                            "pushed_at": pushed_at.astimezone(timezone.utc).isoformat(),
                            "summary": summary,
                        }
                    )
        except psycopg.OperationalError as exc:
            raise _unreachable(url, exc) from None
        except psycopg.Error as exc:
            raise _refused(url, exc) from None
    finally:
        connection.close()
    return {
        "month": month,
        "as_of": as_of.isoformat(),
        "reps": reps,
        "team": team_totals([rep["summary"] for rep in reps]),
    }


def cache_dir() -> Path:
    """Where the manager's copies of the reps' rows are kept (user-only files)."""
    import platformdirs

    return platformdirs.user_cache_path("RepDesk", appauthor=False) / "team"


def _cache_path(url: str, rep: str) -> Path:
    """One file per server, login and rep (a rep's role sees less than the manager)."""
    params = server_params(url)
    key = json.dumps(
        [params.get(name) for name in ("host", "port", "dbname", "user")] + [rep],
        ensure_ascii=False,
    )
    return cache_dir() / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.sqlite3"


_SIDE_FILES = ("-wal", "-shm", ".verified")


def _cache_state(path: Path) -> dict | None:
    """What the cached copy holds ({"stamp", "seq"}), None when there is no usable one."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(path)
        try:
            row = connection.execute(
                "SELECT value FROM repdesk_cache WHERE key = 'state'"
            ).fetchone()
        finally:
            connection.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None


def _rep_summary(connection, rep: str, origin: dict, month: str, as_of: date, cache: Path) -> dict:
    """The rep's rows in the manager's copy, brought up to the server's state, through
    `figures.month_summary`.

    The copy is a RepDesk database of the manager's own RepDesk version. Only rows pushed
    (or deleted) since it was last brought up to date are read: every row on the server
    carries the sequence number of the push that wrote it, and a deletion leaves one behind
    (`repdesk_gone`); they are applied in that order. A copy made by another RepDesk schema,
    of other columns or from other tables (a new server, tables made again) is made again
    whole.
    """
    from app import db, figures
    from app.db import SCHEMA_VERSION
    from app.models import database

    columns = origin["columns"]
    stamp = json.dumps({"schema": SCHEMA_VERSION, **origin}, sort_keys=True)
    db.close_database()
    state = _cache_state(cache)
    if state is None or state.get("stamp") != stamp:
        for leftover in (cache, *(cache.with_name(cache.name + end) for end in _SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        state = None
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.parent.chmod(0o700)
    db.open_database(cache)
    try:
        local = database.connection()
        local.execute("PRAGMA foreign_keys = OFF")  # rows arrive table by table
        local.execute("CREATE TABLE IF NOT EXISTS repdesk_cache (key TEXT PRIMARY KEY, value TEXT)")
        known = {}
        for table, key in _pushed_tables():
            ours = [row[1] for row in local.execute(f'PRAGMA table_info("{table}")')]
            theirs = columns.get(table)
            if theirs:
                shared = [column for column in theirs if column in ours]
                known[table] = (shared, [theirs.index(column) for column in shared], key)
        with database.atomic():
            if state is None:
                newest = _load_whole(connection, local, rep, known)
            else:
                newest = _load_since(connection, local, rep, known, state["seq"])
            local.execute(
                "INSERT OR REPLACE INTO repdesk_cache (key, value) VALUES ('state', ?)",
                (json.dumps({"stamp": stamp, "seq": newest}),),
            )
        return figures.month_summary(month, as_of)
    finally:
        db.close_database()


def _newest(connection, rep: str) -> int:
    return connection.execute(
        "SELECT GREATEST((SELECT max(seq) FROM repdesk_row WHERE rep = %s), "
        "(SELECT max(seq) FROM repdesk_gone WHERE rep = %s), 0)",
        (rep, rep),
    ).fetchone()[0]


def _load_whole(connection, local, rep: str, known: dict) -> int:
    """Every row of the rep into an empty copy, table by table, each table's indexes built
    once at its end; the rows come as text in batches and each batch is parsed at once."""
    from contextlib import ExitStack
    from itertools import groupby
    from operator import itemgetter

    from app import db

    newest = _newest(connection, rep)
    cursor = connection.cursor(name="repdesk_rows")  # server side: rows arrive in batches
    cursor.execute("SELECT tbl, content::text FROM repdesk_row WHERE rep = %s ORDER BY tbl", (rep,))
    current = None
    with ExitStack() as indexes:
        while batch := cursor.fetchmany(20_000):
            for table, items in groupby(batch, key=itemgetter(0)):
                if table != current:
                    indexes.close()  # the previous table's indexes, built now
                    current = table
                    if table in known:
                        indexes.enter_context(db.indexes_built_after(table))
                rows = json.loads("[" + ",".join(text for _, text in items) + "]")
                _insert(local, known.get(table), table, rows)
    cursor.close()
    return newest


def _load_since(connection, local, rep: str, known: dict, seen: int) -> int:
    """The rows written and deleted since sequence number `seen`, in the order they were."""
    newest = _newest(connection, rep)
    if newest <= seen:
        return seen
    cursor = connection.cursor(name="repdesk_changes")
    cursor.itersize = 20_000
    cursor.execute(
        "SELECT seq, tbl, row_id, content FROM repdesk_row WHERE rep = %s AND seq > %s "
        "UNION ALL SELECT seq, tbl, row_id, NULL FROM repdesk_gone WHERE rep = %s AND seq > %s "
        "ORDER BY 1",
        (rep, seen, rep, seen),
    )
    batch, current = [], None
    for _, table, row_id, content in cursor:
        kind = (table, content is None)
        if kind != current:
            _apply(local, known, current, batch)
            batch, current = [], kind
        batch.append(row_id if content is None else content)
    _apply(local, known, current, batch)
    cursor.close()
    return newest


def _apply(local, known: dict, kind, batch: list) -> None:
    if not batch or kind is None or kind[0] not in known:
        return
    table, deleted = kind
    if deleted:
        key = known[table][2]
        local.executemany(f'DELETE FROM "{table}" WHERE "{key}" = ?', [(b,) for b in batch])
    else:
        _insert(local, known[table], table, batch)


def _insert(local, known, table, rows) -> None:
    """Rows (JSON arrays in the rep's column order) into the copy; a row already there
    (the same key, or the same value of a unique column) is replaced."""
    if not rows or known is None:
        return
    shared, positions, _ = known
    quoted = ", ".join(f'"{column}"' for column in shared)
    marks = ", ".join("?" * len(shared))
    local.executemany(
        f'INSERT OR REPLACE INTO "{table}" ({quoted}) VALUES ({marks})',
        ([row[index] for index in positions] for row in rows),
    )


def team_totals(summaries: list[dict]) -> dict:
    """The team's sums: actuals, revenue target, completion and pace, overdue leads and
    churn warnings (money summed in fen, so no floating-point drift)."""
    from app import planning
    from app.money import fen_to_json, yuan_to_fen

    def fen(yuan: float) -> int:
        return yuan_to_fen(f"{yuan:.2f}")

    keys = ("deals", "new_customers", "effective_visits", "effective_leads", "calls")
    revenue = sum(fen(s["actual"]["revenue"]) for s in summaries)
    target = sum(fen(s["target"]["revenue"]) for s in summaries)
    expected = sum(fen(s["pace"]["expected_revenue"]) for s in summaries)
    actual = {"revenue": fen_to_json(revenue)}
    actual.update({key: sum(s["actual"][key] for s in summaries) for key in keys})
    return {
        "actual": actual,
        "target": {"revenue": fen_to_json(target)},
        "completion": float(Fraction(revenue, target)) if target else None,
        "close_rate": (
            float(Fraction(actual["deals"], actual["effective_visits"]))
            if actual["effective_visits"]
            else None
        ),
        "pace": {
            "expected_revenue": fen_to_json(expected),
            "status": planning.pace_status(revenue, expected, target),
        },
        "overdue_leads": sum(len(s["leads"]["overdue"]) for s in summaries),
        "churn_warnings": sum(len(s["churn_warnings"]) for s in summaries),
    }
