"""What every tab shares: a page layout, what data it watches, and refresh() from the
database — at once when it is on screen, when it is next shown when it is not."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.operations import EVERYTHING


class Tab(QWidget):
    """A tab of the main window; `self.main.as_of` is "today" for its rules.

    `watches` names the kinds of data it shows (see `ui.operations`): after an operation
    that changed any of them, the window calls `apply_changes` on the tab on screen and
    `mark_stale` on the other tabs built so far, which apply the changes when next shown.
    """

    watches: frozenset[str] = EVERYTHING

    def __init__(self, main_window):
        super().__init__()
        self.setObjectName("page")
        self.main = main_window
        self.stale: frozenset[str] = frozenset()  # changed while hidden, shown when next shown
        self.page = QVBoxLayout(self)
        self.page.setContentsMargins(16, 14, 16, 14)
        self.page.setSpacing(10)

    def refresh(self) -> None:
        """Show the current data again (after an import, a restore, another database)."""
        raise NotImplementedError

    def apply_changes(self, changes: frozenset[str]) -> None:
        """Data this tab watches changed (`changes`): show it again."""
        self.refresh()

    def mark_stale(self, changes: frozenset[str]) -> None:
        """Data this tab watches changed while it is hidden: shown again when next shown
        (the rep waits only for the tab on screen)."""
        self.stale |= changes

    def bring_up_to_date(self) -> None:
        """Apply the changes kept while hidden, if any."""
        if self.stale:
            changed, self.stale = self.stale, frozenset()
            self.apply_changes(changed)

    def showEvent(self, event):  # noqa: N802 - Qt's name
        self.bring_up_to_date()  # before the tab's own show (the dashboard draws there)
        super().showEvent(event)
