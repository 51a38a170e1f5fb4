"""Four quadrants 四象限: the tasks on one screen, important first."""

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QFrame, QGridLayout, QListWidget, QListWidgetItem, QVBoxLayout

from app import board
from app.labels import label
from ui.tabs.base import Tab
from ui.widgets import OVERDUE, note_label, title_label

QUADRANT_COLOURS = {1: "#c62828", 2: "#1f4e8c", 3: "#b26a00", 4: "#5b6776"}


class BoardTab(Tab):
    def __init__(self, main_window):
        super().__init__(main_window)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.lists = {}
        for quadrant in (1, 2, 3, 4):
            frame = QFrame()
            frame.setObjectName("quadrant")
            frame.setStyleSheet(
                f"QFrame#quadrant {{ border-top: 3px solid {QUADRANT_COLOURS[quadrant]}; }}")
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(10, 8, 10, 10)
            inner.addWidget(title_label(f"{quadrant}. {label('quadrant', quadrant)}",
                                        "sectionTitle"))
            tasks = QListWidget()
            tasks.setAccessibleName(label("quadrant", quadrant))
            tasks.setWordWrap(True)
            inner.addWidget(tasks)
            self.lists[quadrant] = tasks
            grid.addWidget(frame, (quadrant - 1) // 2, (quadrant - 1) % 2)
        self.page.addLayout(grid, 1)
        self.page.addWidget(note_label(self.tr(
            "Coming next on this tab: drag and drop between quadrants, keyboard moves, "
            "adding and editing tasks in place, undo, and the Today focus.")))
        self.refresh()

    def title(self) -> str:
        return self.tr("Four quadrants")

    def refresh(self) -> None:
        as_of = self.main.as_of
        for quadrant, tasks in board.quadrant_tasks().items():
            widget = self.lists[quadrant]
            widget.clear()
            for task in tasks:
                link = task.customer.name if task.customer_id else (
                    task.lead.name if task.lead_id else "")
                lines = [task.title]
                details = []
                if task.due:
                    details.append(self.tr("due {date}").format(date=task.due.isoformat()))
                if link and link not in task.title:
                    details.append(link)
                if details:
                    lines.append("    " + " · ".join(details))
                item = QListWidgetItem("\n".join(lines))
                if board.is_overdue(task, as_of):
                    item.setForeground(QBrush(OVERDUE))
                widget.addItem(item)
