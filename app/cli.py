"""The command line: `repdesk [--db PATH] [--lang zh_CN|en] [COMMAND …]` (CONTRACT.md).

Commands that need a window (`repdesk` alone, `screenshots`) are handed to the caller, so
this module stays free of Qt. Every user error prints one translated line on stderr and
exits 2 (nothing done) or 1 (done in part); no traceback ever reaches the user.
"""

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import peewee
import platformdirs

import app
from app import backup, db, demo, i18n, metrics
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message
from app.lock import DatabaseLock
from app.workdays import month_of

IMPORT_KINDS = ("customers", "leads", "orders", "activities", "channels", "targets",
                "plan_lines", "tasks")
WINDOW_COMMANDS = (None, "screenshots")


class UsageError(UserError):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exit status 2."""

    def error(self, message):
        raise UsageError(QT_TRANSLATE_NOOP("Messages", "Usage error: {reason} (see --help)"),
                         reason=message)


class _Version(argparse.Action):
    """`--version`: the version is read only when asked for (start-up does not pay)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"RepDesk {app.__version__}")
        parser.exit()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            message(QT_TRANSLATE_NOOP("Messages", "{value} is not a date (YYYY-MM-DD)"),
                    value=text)
        ) from None


def _month(text: str) -> str:
    try:
        return month_of(datetime.strptime(text, "%Y-%m").date())
    except ValueError:
        raise argparse.ArgumentTypeError(
            message(QT_TRANSLATE_NOOP("Messages", "{value} is not a month (YYYY-MM)"),
                    value=text)
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="repdesk", description="RepDesk 销售工作台")
    parser.add_argument("--version", action=_Version, nargs=0)
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="database file (default: user data folder)")
    common.add_argument("--lang", choices=i18n.LANGUAGES, help="interface language")
    for action in common._actions:
        if action.dest in ("db", "lang"):
            parser.add_argument(*action.option_strings, dest=action.dest, metavar=action.metavar,
                                choices=action.choices, help=action.help)
            action.default = argparse.SUPPRESS  # after the command, only override when given
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    sub = commands.add_parser("demo", parents=[common], help="fill an empty database with a demo")
    sub.add_argument("--months", type=int, default=6)
    sub.add_argument("--seed", type=int, default=1)
    sub.add_argument("--as-of", type=_date)

    sub = commands.add_parser("import", parents=[common], help="import a CSV or XLSX file")
    sub.add_argument("kind", choices=IMPORT_KINDS)
    sub.add_argument("file")
    sub.add_argument("--dry-run", action="store_true")
    sub.add_argument("--errors", metavar="OUT.csv")

    sub = commands.add_parser("export", parents=[common], help="export to CSV or XLSX")
    sub.add_argument("kind", choices=IMPORT_KINDS)
    sub.add_argument("file")

    commands.add_parser("imports", parents=[common], help="list the imports (batches)")
    sub = commands.add_parser("undo-import", parents=[common], help="undo one import whole")
    sub.add_argument("batch", type=int)

    sub = commands.add_parser("summary", parents=[common], help="the month's figures")
    sub.add_argument("--month", type=_month)
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--json", action="store_true", required=True)

    sub = commands.add_parser("report", parents=[common], help="the monthly review PDF")
    sub.add_argument("--month", type=_month)
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--out", metavar="FILE.pdf")

    sub = commands.add_parser("backup", parents=[common], help="write a verified backup")
    sub.add_argument("--to", metavar="PATH")
    sub = commands.add_parser("restore", parents=[common], help="restore a backup")
    sub.add_argument("file")
    commands.add_parser("check", parents=[common], help="integrity check (read only)")

    sub = commands.add_parser("screenshots", parents=[common], help="render each tab to PNG")
    sub.add_argument("dir")
    sub.add_argument("--as-of", type=_date)
    return parser


def _open_existing(db_path: Path, verify: bool = False) -> None:
    """Open an existing database (a missing file is a user error); `verify` before writing."""
    if not db_path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=db_path)
    db.open_database(db_path, verify=verify)


def _cmd_demo(args, db_path: Path) -> int:
    as_of = args.as_of or date.today()
    with DatabaseLock(db_path):
        db.open_database(db_path, verify=True)
        counts = demo.load_demo(as_of, months=args.months, seed=args.seed)
    print(message(QT_TRANSLATE_NOOP(
        "Messages",
        "Demo loaded: {customers} customers, {leads} leads, {orders} orders, {tasks} tasks.",
    ), **counts))
    return 0


def _cmd_summary(args, db_path: Path) -> int:
    as_of = args.as_of or date.today()
    _open_existing(db_path, verify=True)  # figures from a damaged file would mislead
    summary = metrics.month_summary(args.month or month_of(as_of), as_of)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


def _cmd_import(args, db_path: Path) -> int:
    from app.io import pipeline

    with DatabaseLock(db_path):
        db.open_database(db_path, verify=True)
        plan = pipeline.plan_import(args.kind, Path(args.file))
        if plan.unknown_columns:
            print(message(QT_TRANSLATE_NOOP("Messages", "Ignored columns: {columns}"),
                          columns=", ".join(plan.unknown_columns)), file=sys.stderr)
        result = pipeline.run_import(plan, today=date.today(), dry_run=args.dry_run)
    for error in result.errors:
        print(error.text(plan.kind), file=sys.stderr)
    if args.errors and result.errors:
        pipeline.write_errors(result, plan, Path(args.errors))
    if args.dry_run:
        print(message(QT_TRANSLATE_NOOP(
            "Messages", "Dry run: {imported} rows would be imported, {rejected} rejected; "
            "nothing was written."), imported=result.imported, rejected=result.rejected))
    else:
        print(message(QT_TRANSLATE_NOOP(
            "Messages", "Imported {imported} rows, rejected {rejected} (import {batch})."),
            imported=result.imported, rejected=result.rejected, batch=result.batch_id))
    return 1 if result.rejected else 0


def _cmd_export(args, db_path: Path) -> int:
    from app.io import pipeline

    _open_existing(db_path)
    count = pipeline.export_kind(args.kind, Path(args.file))
    print(message(QT_TRANSLATE_NOOP("Messages", "Exported {count} rows to {path}."),
                  count=count, path=args.file))
    return 0


def _cmd_imports(args, db_path: Path) -> int:
    from app.io import pipeline

    _open_existing(db_path)
    for batch in pipeline.list_batches():
        state = message(QT_TRANSLATE_NOOP("Messages", "undone")) if batch.undone else ""
        print(f"{batch.id}\t{batch.created_at}\t{batch.kind}\t{batch.rows}\t"
              f"{batch.file_name}\t{state}".rstrip())
    return 0


def _cmd_undo_import(args, db_path: Path) -> int:
    from app.io import pipeline

    with DatabaseLock(db_path):
        _open_existing(db_path, verify=True)
        rows = pipeline.undo_batch(args.batch)
    print(message(QT_TRANSLATE_NOOP("Messages", "Import {batch} undone ({rows} rows)."),
                  batch=args.batch, rows=rows))
    return 0


def _cmd_report(args, db_path: Path) -> int:
    from app.report_pdf import write_report

    as_of = args.as_of or date.today()
    month = args.month or month_of(as_of)
    _open_existing(db_path, verify=True)
    out = Path(args.out or f"repdesk-review-{month}.pdf")
    try:
        written = write_report(month, as_of, out)
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("Messages", "Cannot write {path}: {reason}"),
                        path=out, reason=exc.strerror or exc) from exc
    print(message(QT_TRANSLATE_NOOP("Messages", "Report written: {path}"), path=written))
    return 0


def _cmd_backup(args, db_path: Path) -> int:
    dest = Path(args.to) if args.to else backup.default_backup_path(db_path, datetime.now())
    written = backup.backup(db_path, dest)
    print(message(QT_TRANSLATE_NOOP("Messages", "Backup written: {path}"), path=written))
    return 0


def _cmd_restore(args, db_path: Path) -> int:
    with DatabaseLock(db_path):
        now = datetime.now()
        damaged = db_path.exists() and bool(backup.check(db_path))
        if damaged:  # keep the damaged file aside; it cannot be backed up
            aside = backup.keep_aside(db_path, now)
            print(message(QT_TRANSLATE_NOOP("Messages", "The damaged database was kept as {path}"),
                          path=aside))
        safety = backup.restore(Path(args.file), db_path, now, keep_current=not damaged)
    print(message(QT_TRANSLATE_NOOP("Messages", "Restored {source} into {path}."),
                  source=args.file, path=db_path))
    if safety:
        print(message(QT_TRANSLATE_NOOP("Messages", "The previous state was kept in {path}"),
                      path=safety))
    return 0


def _cmd_check(args, db_path: Path) -> int:
    problems = backup.check(db_path)
    if problems:
        for problem in problems[:20]:
            print(problem, file=sys.stderr)
        print(message(QT_TRANSLATE_NOOP("Messages", "{path} is damaged ({count} problems found)."),
                        path=db_path, count=len(problems)))
        return 1
    print(message(QT_TRANSLATE_NOOP("Messages", "{path} is sound."), path=db_path))
    return 0


COMMANDS: dict[str, Callable] = {
    "demo": _cmd_demo,
    "summary": _cmd_summary,
    "import": _cmd_import,
    "export": _cmd_export,
    "imports": _cmd_imports,
    "undo-import": _cmd_undo_import,
    "report": _cmd_report,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
}


def _log_unexpected() -> Path:
    import logging  # here: only an unexpected error pays for them
    import traceback

    log_dir = platformdirs.user_log_path("RepDesk", appauthor=False)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "repdesk.log"
    logging.basicConfig(filename=log_file, level=logging.ERROR)
    logging.getLogger("repdesk").error("unexpected error\n%s", traceback.format_exc())
    return log_file


def run(argv: list[str] | None, window: Callable[[argparse.Namespace, Path], int]) -> int:
    """Parse `argv` and run the command; `window` runs the Qt commands. Returns the exit code."""
    i18n.set_language(i18n.system_language())
    db_path = None
    try:
        if argv is None:
            argv = sys.argv[1:]
        for index, word in enumerate(argv):  # the language of the parser's own messages
            if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in i18n.LANGUAGES:
                i18n.set_language(argv[index + 1])
        args = build_parser().parse_args(argv)
        if args.lang:
            i18n.set_language(args.lang)
        db_path = db.resolve_db_path(args.db)
        if args.command in WINDOW_COMMANDS:
            return window(args, db_path)
        return COMMANDS[args.command](args, db_path)
    except UserError as error:
        print(f"repdesk: {error}", file=sys.stderr)
        return error.exit_code
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:  # damaged while reading
        print(f"repdesk: {db.DatabaseDamaged(db_path, str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the user gets one line; the details go to the log
        log_file = _log_unexpected()
        text = QT_TRANSLATE_NOOP("Messages", "unexpected error: {reason} (details in {log})")
        print(f"repdesk: {message(text, reason=exc, log=log_file)}", file=sys.stderr)
        return 1
    finally:
        db.close_database()
