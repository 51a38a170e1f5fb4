"""The command line: `repdesk [--db PATH] [--lang zh_CN|en] [COMMAND …]` (docs/reference.md).

Commands that need a window (`repdesk` alone, `screenshots`) are handed to the caller, so
this module stays free of Qt; the others are in `app.cli_commands`, imported only when one of
them runs (the window's start does not pay for the database modules before its first
paint). Every user error prints one translated line on stderr and exits 2 (nothing done) or
1 (done in part); no traceback ever reaches the user.
"""

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import app
from app import i18n, paths
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, message

IMPORT_KINDS = (
    "customers",
    "leads",
    "orders",
    "activities",
    "channels",
    "targets",
    "plan_lines",
    "tasks",
)
WINDOW_COMMANDS = (None, "screenshots")


class UsageError(UserError):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exit status 2."""

    def error(self, message):
        raise UsageError(
            QT_TRANSLATE_NOOP("Messages", "Usage error: {reason} (see --help)"), reason=message
        )


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
            message(QT_TRANSLATE_NOOP("Messages", "{value} is not a date (YYYY-MM-DD)"), value=text)
        ) from None


def _month(text: str) -> str:
    from app.workdays import month_of

    try:
        return month_of(datetime.strptime(text, "%Y-%m").date())
    except ValueError:
        raise argparse.ArgumentTypeError(
            message(QT_TRANSLATE_NOOP("Messages", "{value} is not a month (YYYY-MM)"), value=text)
        ) from None


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 3660:
        raise argparse.ArgumentTypeError(
            message(
                QT_TRANSLATE_NOOP("Messages", "{value} is not a number of days (0 to 3660)"),
                value=text,
            )
        )
    return days


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="repdesk", description="RepDesk 销售工作台")
    parser.add_argument("--version", action=_Version, nargs=0)
    # the window starts hidden in the tray (the start-at-login entry, app/reminders.py)
    parser.add_argument("--minimized", action="store_true", help=argparse.SUPPRESS)
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="database file (default: user data folder)")
    common.add_argument("--lang", choices=i18n.LANGUAGES, help="interface language")
    for action in common._actions:
        if action.dest in ("db", "lang"):
            parser.add_argument(
                *action.option_strings,
                dest=action.dest,
                metavar=action.metavar,
                choices=action.choices,
                help=action.help,
            )
            action.default = argparse.SUPPRESS  # after the command, only override when given
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    _add_data_commands(commands, common)
    _add_reading_commands(commands, common)
    _add_team_commands(commands, common)
    return parser


def _add_data_commands(commands, common) -> None:
    """The commands that write the rep's data (demo, import, restore) or copy it whole."""
    sub = commands.add_parser("demo", parents=[common], help="fill an empty database with a demo")
    sub.add_argument("--months", type=int, default=6)
    sub.add_argument("--seed", type=int, default=1)
    sub.add_argument("--as-of", type=_date)

    sub = commands.add_parser(
        "import", parents=[common], help="import a CSV, XLSX or vCard (contacts) file"
    )
    sub.add_argument("kind", choices=(*IMPORT_KINDS, "contacts"))
    sub.add_argument("file")
    sub.add_argument(
        "--as",
        dest="as_kind",
        choices=("leads", "customers"),
        help="import contacts as leads (default) or customers",
    )
    sub.add_argument("--dry-run", action="store_true")
    sub.add_argument("--errors", metavar="OUT.csv")

    sub = commands.add_parser("export", parents=[common], help="export to CSV or XLSX")
    sub.add_argument("kind", choices=IMPORT_KINDS)
    sub.add_argument("file")

    commands.add_parser("imports", parents=[common], help="list the imports (batches)")
    sub = commands.add_parser("undo-import", parents=[common], help="undo one import whole")
    sub.add_argument("batch", type=int)

    sub = commands.add_parser("backup", parents=[common], help="write a verified backup")
    sub.add_argument("--to", metavar="PATH")
    sub = commands.add_parser("restore", parents=[common], help="restore a backup")
    sub.add_argument("file")
    commands.add_parser("check", parents=[common], help="integrity check (read only)")


def _add_reading_commands(commands, common) -> None:
    """The commands that read the month: figures, lists, the review, the calendar, pictures."""
    sub = commands.add_parser("summary", parents=[common], help="the month's figures")
    sub.add_argument("--month", type=_month)
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--json", action="store_true", required=True)

    sub = commands.add_parser(
        "persona", parents=[common], help="a persona's win rate and its open leads"
    )
    sub.add_argument("conditions", metavar="CONDITIONS")
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--json", action="store_true", required=True)

    sub = commands.add_parser("report", parents=[common], help="the monthly review PDF")
    sub.add_argument("--month", type=_month)
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--out", metavar="FILE.pdf")

    sub = commands.add_parser("today", parents=[common], help="the day's work, ranked")
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--json", action="store_true", required=True)

    sub = commands.add_parser("calendar", parents=[common], help="write the iCalendar feed")
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--days", type=_days, default=30)
    sub.add_argument("--out", metavar="FILE.ics", required=True)
    sub = commands.add_parser("screenshots", parents=[common], help="render each tab to PNG")
    sub.add_argument("dir")
    sub.add_argument("--as-of", type=_date)


def _add_team_commands(commands, common) -> None:
    """`team push` and `team summary` (app.team): the team's PostgreSQL server."""
    sub = commands.add_parser("team", parents=[common], help="the team's PostgreSQL server")
    team = sub.add_subparsers(
        dest="team_command", metavar="push|summary", parser_class=_Parser, required=True
    )
    server = _Parser(add_help=False)
    server.add_argument(
        "--server",
        metavar="URL",
        default=os.environ.get("REPDESK_TEAM_SERVER"),
        help="postgresql://user@host:port/database (or REPDESK_TEAM_SERVER)",
    )
    sub = team.add_parser("push", parents=[common, server], help="send this rep's records")
    sub.add_argument("--rep", metavar="NAME")
    sub = team.add_parser("summary", parents=[common, server], help="every rep's month")
    sub.add_argument("--month", type=_month)
    sub.add_argument("--as-of", type=_date)
    sub.add_argument("--json", action="store_true", required=True)


def _import_peewee_without_its_server_drivers() -> None:
    """peewee imports psycopg (and psycopg2) at its own import when they are installed, for
    a PostgresqlDatabase RepDesk never makes: the team server is reached through psycopg
    itself (app/team.py), imported when a team command runs. Hidden from peewee's import
    only, they cost a command (an import of a big file among them) none of its ~70 ms;
    importing them later works as ever."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in ("psycopg", "psycopg2", "psycopg2cffi") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # `import name` raises ImportError, as when not installed
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


def _log_unexpected() -> Path:
    from app.log import log_unexpected  # here: only an unexpected error pays for it

    return log_unexpected(sys.exc_info()[1], "command line")


def run(argv: list[str] | None, window: Callable[[argparse.Namespace, Path], int]) -> int:
    """Parse `argv` and run the command; `window` runs the Qt commands. Returns the exit code."""
    i18n.set_language(i18n.system_language())
    try:
        if argv is None:
            argv = sys.argv[1:]
        for index, word in enumerate(argv):  # the language of the parser's own messages
            if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in i18n.LANGUAGES:
                i18n.set_language(argv[index + 1])
        args = build_parser().parse_args(argv)
        if args.lang:
            i18n.set_language(args.lang)
        db_path = paths.resolve_db_path(args.db)
        if args.command in WINDOW_COMMANDS:
            return window(args, db_path)
        _import_peewee_without_its_server_drivers()
        from app.cli_commands import run_command

        return run_command(args, db_path)
    except UserError as error:
        print(f"repdesk: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the user gets one line; the details go to the log
        log_file = _log_unexpected()
        text = QT_TRANSLATE_NOOP("Messages", "unexpected error: {reason} (details in {log})")
        print(f"repdesk: {message(text, reason=exc, log=log_file)}", file=sys.stderr)
        return 1
