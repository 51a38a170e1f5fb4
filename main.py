"""RepDesk 销售工作台 — `python main.py` and the `repdesk` command are the same program."""

import sys


def _window(args, db_path) -> int:
    """The commands that need Qt; imported only when one of them runs."""
    if args.command == "screenshots":
        from ui.screenshots import take_screenshots

        return take_screenshots(db_path, args.dir, language=args.lang, as_of=args.as_of)
    from ui.app import run_window

    return run_window(db_path, language=args.lang, minimized=getattr(args, "minimized", False))


def main(argv: list[str] | None = None) -> int:
    from app.cli import run

    return run(argv, window=_window)


if __name__ == "__main__":
    sys.exit(main())
