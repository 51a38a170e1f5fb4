"""The command line's commands (all but the window's): each opens the database it needs.

`app.cli` parses the command line and imports this module only for these commands, so
starting the window does not pay for the database modules before its first paint. A
command imports what only it needs (the demo, the figures) inside it: an import of a big
file is not kept waiting for modules it never uses.
"""

import gc
import json
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import peewee

from app import backup, db, output, sqlite_file
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message
from app.lock import DatabaseLock
from app.workdays import month_of


def _open_existing(db_path: Path, verify: bool = False) -> None:
    """Open an existing database (a missing file is a user error); `verify` before writing."""
    if not db_path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=db_path)
    db.open_database(db_path, verify=verify)


def _cmd_demo(args, db_path: Path) -> int:
    from app import demo

    as_of = args.as_of or date.today()
    with DatabaseLock(db_path):
        db.open_database(db_path, verify=True)
        counts = demo.load_demo(as_of, months=args.months, seed=args.seed)
    print(
        message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Demo loaded: {customers} customers, {leads} leads, {orders} orders, {tasks} tasks.",  # noqa: E501
            ),
            **counts,
        )
    )
    return 0


def _cmd_summary(args, db_path: Path) -> int:
    from app import figures

    as_of = args.as_of or date.today()
    _open_existing(db_path, verify=True)  # figures from a damaged file would mislead
    summary = figures.month_summary(args.month or month_of(as_of), as_of)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


def _cmd_persona(args, db_path: Path) -> int:
    from app import persona

    as_of = args.as_of or date.today()
    persona.parse(args.conditions)  # a bad term is told before the file is opened
    _open_existing(db_path, verify=True)
    found = persona.evaluate(args.conditions, as_of)
    print(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    return 0


def _cmd_import(args, db_path: Path) -> int:
    from app.io import pipeline

    if args.errors:  # refused before anything is imported
        output.refuse_protected(Path(args.errors), db_path)
        if Path(args.errors).absolute().resolve() == Path(args.file).absolute().resolve():
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Messages", "{path} is the file being imported; choose another file name."
                ),
                path=args.errors,
            )
    with DatabaseLock(db_path):
        db.open_database(db_path, verify=True)
        if args.as_kind and args.kind != "contacts":
            raise UserError(
                QT_TRANSLATE_NOOP("Messages", "--as goes with import contacts FILE.vcf only.")
            )
        kind = (args.as_kind or "leads") if args.kind == "contacts" else args.kind  # a vCard
        plan = pipeline.plan_import(kind, Path(args.file))
        if plan.unknown_columns:
            print(
                message(
                    QT_TRANSLATE_NOOP("Messages", "Ignored columns: {columns}"),
                    columns=", ".join(plan.unknown_columns),
                ),
                file=sys.stderr,
            )
        result = pipeline.run_import(plan, today=date.today(), dry_run=args.dry_run)
    for error in result.errors:
        print(error.text(plan.kind), file=sys.stderr)
    if args.errors and result.errors:
        pipeline.write_errors(result, plan, Path(args.errors))
    if args.dry_run:
        print(
            message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Dry run: {imported} rows would be imported, {rejected} rejected; "
                    "nothing was written.",
                ),
                imported=result.imported,
                rejected=result.rejected,
            )
        )
    else:
        print(
            message(
                QT_TRANSLATE_NOOP(
                    "Messages", "Imported {imported} rows, rejected {rejected} (import {batch})."
                ),
                imported=result.imported,
                rejected=result.rejected,
                batch=result.batch_id,
            )
        )
    return 1 if result.rejected else 0


def _cmd_export(args, db_path: Path) -> int:
    from app.io import pipeline

    _open_existing(db_path)
    count = pipeline.export_kind(args.kind, Path(args.file))
    print(
        message(
            QT_TRANSLATE_NOOP("Messages", "Exported {count} rows to {path}."),
            count=count,
            path=args.file,
        )
    )
    return 0


def _cmd_imports(args, db_path: Path) -> int:
    from app.io import pipeline

    _open_existing(db_path)
    for batch in pipeline.list_batches():
        state = message(QT_TRANSLATE_NOOP("Messages", "undone")) if batch.undone else ""
        print(
            f"{batch.id}\t{batch.created_at}\t{batch.kind}\t{batch.rows}\t"
            f"{batch.file_name}\t{state}".rstrip()
        )
    return 0


def _cmd_undo_import(args, db_path: Path) -> int:
    from app.io import pipeline

    with DatabaseLock(db_path):
        _open_existing(db_path, verify=True)
        rows = pipeline.undo_batch(args.batch)
    print(
        message(
            QT_TRANSLATE_NOOP("Messages", "Import {batch} undone ({rows} rows)."),
            batch=args.batch,
            rows=rows,
        )
    )
    return 0


def _cmd_report(args, db_path: Path) -> int:
    from app.report_pdf import write_report

    as_of = args.as_of or date.today()
    month = args.month or month_of(as_of)
    _open_existing(db_path, verify=True)
    out = Path(args.out or f"repdesk-review-{month}.pdf")
    written = write_report(month, as_of, out)
    print(message(QT_TRANSLATE_NOOP("Messages", "Report written: {path}"), path=written))
    return 0


def _cmd_backup(args, db_path: Path) -> int:
    dest = Path(args.to) if args.to else backup.default_backup_path(db_path, datetime.now())
    written = backup.backup(db_path, dest)
    print(message(QT_TRANSLATE_NOOP("Messages", "Backup written: {path}"), path=written))
    return 0


def _cmd_restore(args, db_path: Path) -> int:
    with DatabaseLock(db_path):
        restored = backup.restore(Path(args.file), db_path, datetime.now())
    if restored.aside:
        print(
            message(
                QT_TRANSLATE_NOOP("Messages", "The damaged database was kept as {path}"),
                path=restored.aside,
            )
        )
    print(
        message(
            QT_TRANSLATE_NOOP("Messages", "Restored {source} into {path}."),
            source=args.file,
            path=db_path,
        )
    )
    if restored.safety:
        print(
            message(
                QT_TRANSLATE_NOOP("Messages", "The previous state was kept in {path}"),
                path=restored.safety,
            )
        )
    return 0


def _cmd_check(args, db_path: Path) -> int:
    problems = backup.check(db_path)
    if problems:
        for problem in problems[:20]:
            print(problem, file=sys.stderr)
        print(
            message(
                QT_TRANSLATE_NOOP("Messages", "{path} is damaged ({count} problems found)."),
                path=db_path,
                count=len(problems),
            )
        )
        return 1
    print(message(QT_TRANSLATE_NOOP("Messages", "{path} is sound."), path=db_path))
    return 0


def _ask_password(server: str) -> str | None:
    """The team server's password, asked on the terminal (never echoed, never kept here)."""
    import getpass

    if not sys.stdin.isatty():
        return None
    return getpass.getpass(
        message(QT_TRANSLATE_NOOP("Messages", "Password for {server}: "), server=server)
    )


def _cmd_team(args, db_path: Path) -> int:
    from app import team

    if not args.server:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages", "No team server: give --server URL or set REPDESK_TEAM_SERVER."
            )
        )
    team.server_params(args.server)  # a wrong URL is told before anything else
    if args.team_command == "push":
        _open_existing(db_path, verify=True)  # a damaged file is never sent
        result = team.push(args.server, team.rep_name(args.rep), _ask_password)
        print(
            message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Pushed to {server} as {rep}: {inserted} new, {updated} changed, "
                    "{deleted} deleted, {unchanged} unchanged.",
                ),
                server=team.redact(args.server),
                rep=result.rep,
                inserted=result.inserted,
                updated=result.updated,
                deleted=result.deleted,
                unchanged=result.unchanged,
            )
        )
        return 0
    as_of = args.as_of or date.today()
    db.close_database()
    summary = team.team_summary(args.server, args.month or month_of(as_of), as_of, _ask_password)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


def _cmd_today(args, db_path: Path) -> int:
    from app import today

    _open_existing(db_path, verify=True)
    # UTF-8 whatever the console's code page (JSON's own encoding), written as SQLite gives it
    sys.stdout.flush()
    sys.stdout.buffer.write(today.today_json_bytes(args.as_of or date.today()))
    sys.stdout.buffer.write(b"\n")
    sys.stdout.buffer.flush()
    return 0


def _cmd_calendar(args, db_path: Path) -> int:
    from app import calendar_feed

    _open_existing(db_path, verify=True)
    out = Path(args.out)
    count = calendar_feed.write(out, args.as_of or date.today(), args.days, db_path)
    print(
        message(
            QT_TRANSLATE_NOOP("Messages", "Calendar written: {path} ({count} events)."),
            path=out,
            count=count,
        )
    )
    return 0


COMMANDS: dict[str, Callable] = {
    "team": _cmd_team,
    "demo": _cmd_demo,
    "summary": _cmd_summary,
    "persona": _cmd_persona,
    "import": _cmd_import,
    "export": _cmd_export,
    "imports": _cmd_imports,
    "undo-import": _cmd_undo_import,
    "report": _cmd_report,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "today": _cmd_today,
    "calendar": _cmd_calendar,
}


def run_command(args, db_path: Path) -> int:
    """Run the parsed command on `db_path`; a SQLite or disk failure is named for what it
    is (full, not writable, in use, damaged only when SQLite's check says so), and the
    database is closed whatever happens."""
    # start-up's objects (modules, classes, the models) live as long as the command: the
    # cycle collector leaves them alone (docs/performance.md, "The collector")
    gc.freeze()
    try:
        return COMMANDS[args.command](args, db_path)
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        db.close_database()  # the check of a damaged file must not wait for this connection
        raise sqlite_file.named_error(exc, db_path) from exc
    except OSError as exc:
        raise sqlite_file.named_error(exc, Path(exc.filename or db_path)) from exc
    finally:
        db.close_database()
