"""Where the database lives: `--db`, then `REPDESK_DB`, then the user data folder. Kept apart
from `app.db` so that the window's start can name its file before importing the database
modules."""

import os
from pathlib import Path

APP_NAME = "RepDesk"
DB_FILE_NAME = "repdesk.sqlite3"


def default_db_path() -> Path:
    """The database in the user data folder (platformdirs), e.g. ~/.local/share/RepDesk."""
    import platformdirs  # only a start without --db pays for it

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DB_FILE_NAME


def resolve_db_path(given: str | os.PathLike | None) -> Path:
    """`--db` first, then the `REPDESK_DB` environment variable, then the default."""
    if given:
        return Path(given).expanduser().resolve()
    if os.environ.get("REPDESK_DB"):
        return Path(os.environ["REPDESK_DB"]).expanduser().resolve()
    return default_db_path()
