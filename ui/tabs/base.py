"""What every tab shares: a page layout and refresh() from the database."""

from PySide6.QtWidgets import QVBoxLayout, QWidget


class Tab(QWidget):
    """A tab of the main window; `self.main.as_of` is "today" for its rules."""

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
