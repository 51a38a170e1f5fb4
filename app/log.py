"""The log file: where an unexpected error's details go (the rep is shown one line)."""

import logging
import os
import traceback
from pathlib import Path


def log_path() -> Path:
    import platformdirs

    return platformdirs.user_log_path("RepDesk", appauthor=False) / "repdesk.log"


def log_unexpected(error: BaseException, where: str = "") -> Path:
    """Write `error` with its traceback to the log (kept private to the user: 0600);
    returns the log's path."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    os.chmod(path, 0o600)  # it may hold the rep's data: for the user only
    logger = logging.getLogger("repdesk")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        logger.addHandler(logging.FileHandler(path, encoding="utf-8"))
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    logger.error("unexpected error%s\n%s", f" ({where})" if where else "", text)
    return path
