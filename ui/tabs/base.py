"""What every tab shares: a page layout, what data it watches, and refresh() from the
database."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.operations import EVERYTHING


class Tab(QWidget):
    """A tab of the main window; `self.main.as_of` is "today" for its rules.

    `watches` names the kinds of data it shows (see `ui.operations`): after an operation
    that changed any of them, the window calls `apply_changes` on the tab if it is built.
    """

    watches: frozenset[str] = EVERYTHING

    def __init__(self, main_window):
        super().__init__()
        self.setObjectName("page")
        self.main = main_window
        self.page = QVBoxLayout(self)
        self.page.setContentsMargins(16, 14, 16, 14)
        self.page.setSpacing(10)

    def refresh(self) -> None:
        """Show the current data again (after an import, a restore, another database)."""
        raise NotImplementedError

    def apply_changes(self, changes: frozenset[str]) -> None:
        """Data this tab watches changed (`changes`): show it again."""
        self.refresh()
