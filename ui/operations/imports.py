"""An import made in File → Import…: undone as its batch, redone from the same file."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.io import pipeline
from ui.operations import EVERYTHING, operation


def imported(result: pipeline.ImportResult, kind: str, path: Path, mapping: dict, today: date):
    """The import the wizard just made (with its progress and Cancel) as an undo step."""

    def redo(_undone):
        return pipeline.run_import(pipeline.plan_import(kind, path, mapping), today)

    return operation(
        QCoreApplication.translate("Operations", "Import"),
        lambda: result,
        lambda done: pipeline.undo_batch(done.batch_id),
        EVERYTHING,
        redo=redo,
    )
