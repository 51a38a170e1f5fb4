"""File → Team → Team month: the manager's read-only view of every rep's month, from the
team's server — reps × revenue, completion, pace, visits, close rate, overdue leads and
churn warnings, with the team's totals and the dashboard's pace colours. The figures are
`team summary --json`'s (ui.team runs it), so each rep's equal that rep's own summary."""

import json

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.money import format_percent, format_yuan, yuan_to_fen
from ui import team_command as team_ui
from ui.dialogs.team_dialog import ServerFields, stop_button
from ui.widgets import PACE_COLOURS


def _yuan(value: float) -> str:
    return format_yuan(yuan_to_fen(f"{value:.2f}"))


class TeamWindow(QDialog):
    """Read only: nothing here changes the rep's database or the server's rows."""

    def __init__(self, window):
        super().__init__(window)
        self.command = None
        self.summary: dict | None = None
        self.setWindowTitle(self.tr("Team month"))
        self.resize(1000, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = ServerFields(form)
        self.as_of = QDateEdit(QDate(window.as_of.year, window.as_of.month, window.as_of.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("As of"), self.as_of)
        self.table = QTableWidget(0, 10)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Rep"),
                self.tr("Revenue"),
                self.tr("Target"),
                self.tr("Completion"),
                self.tr("Pace"),
                self.tr("Effective visits"),
                self.tr("Close rate"),
                self.tr("Overdue leads"),
                self.tr("Churn warnings"),
                self.tr("Last push"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        self.stop_button = stop_button(self, buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        url, password = self.fields.values()
        as_of = self.as_of.date().toString("yyyy-MM-dd")
        arguments = ["team", "summary", "--server", url, "--as-of", as_of, "--json"]
        self.refresh_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading the team's month…"))
        self.command = team_ui.TeamCommand(self, arguments, password)
        self.command.done.connect(lambda code, out, err: self._done(code, out, err, url, password))

    def done(self, result: int) -> None:  # closing stops a reading still running
        if self.command is not None:
            self.command.cancel()
        super().done(result)

    def _done(self, code: int, out: str, err: str, url: str, password: str) -> None:
        self.refresh_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if code == team_ui.TeamCommand.CANCELLED:
            self.status.setText(self.tr("Stopped."))
            return
        if code != 0:
            self.status.setStyleSheet(f"color: {PACE_COLOURS['red']};")
            self.status.setText(err or out.strip())
            return
        team_ui.remember(url, password)
        self.summary = json.loads(out)
        self._fill(self.summary)
        self.status.setText(
            self.tr("{reps} reps, {month} through {date}.").format(
                reps=len(self.summary["reps"]),
                month=self.summary["month"],
                date=self.summary["as_of"],
            )
        )

    def _fill(self, summary: dict) -> None:
        rows = [
            (
                rep["rep"],
                rep["summary"]["actual"],
                rep["summary"]["target"]["revenue"],
                rep["summary"]["completion"],
                rep["summary"]["pace"]["status"] if rep["summary"]["target"]["revenue"] else None,
                rep["summary"]["close_rate"],
                len(rep["summary"]["leads"]["overdue"]),
                len(rep["summary"]["churn_warnings"]),
                rep["pushed_at"][:16].replace("T", " "),
            )
            for rep in summary["reps"]
        ]
        team = summary["team"]
        rows.append(
            (
                self.tr("Team"),
                team["actual"],
                team["target"]["revenue"],
                team["completion"],
                team["pace"]["status"],
                team["close_rate"],
                team["overdue_leads"],
                team["churn_warnings"],
                "",
            )
        )
        words = {
            "green": self.tr("on pace"),
            "amber": self.tr("slightly behind"),
            "red": self.tr("behind"),
            None: self.tr("no target"),
        }
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for number, row in enumerate(rows):
            name, actual, target, completion, pace, close_rate, overdue, churn, pushed = row
            cells = [
                name,
                _yuan(actual["revenue"]),
                _yuan(target),
                format_percent(completion),
                words[pace],
                str(actual["effective_visits"]),
                format_percent(close_rate),
                str(overdue),
                str(churn),
                pushed,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 4 and pace:
                    item.setForeground(QColor(PACE_COLOURS[pace]))
                if number == len(rows) - 1:
                    item.setFont(bold)
                self.table.setItem(number, column, item)
