"""File → Team → Push now: send this rep's records to the team's PostgreSQL server.

The server's URL is kept in the database's settings without its password; a password typed
here is handed to the push (ui.team) and, once it worked, kept in the system keyring.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app import db, review, team
from ui import team_command as team_ui
from ui.widgets import PACE_COLOURS


class ServerFields:
    """The server URL and password fields both team windows share."""

    def __init__(self, form: QFormLayout):
        self.server = QLineEdit(db.get_setting(team.SERVER_SETTING) or "")
        self.server.setPlaceholderText("postgresql://user@host:5432/team")
        form.addRow(QCoreApplication.translate("ServerFields", "Server"), self.server)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            QCoreApplication.translate("ServerFields", "(kept in the system keyring once it works)")
        )
        form.addRow(QCoreApplication.translate("ServerFields", "Password"), self.password)

    def values(self) -> tuple[str, str]:
        """(the URL without its password, the password): a password typed into the URL is
        moved to the password field and never kept with the URL."""
        url, password = team_ui.password_from(self.server.text().strip())
        if password:
            self.server.setText(url)
            self.password.setText(password)
        if url:
            db.set_setting(team.SERVER_SETTING, url)
        return url, self.password.text()


def stop_button(dialog, buttons: QDialogButtonBox) -> QPushButton:
    """A Stop button beside the action, enabled while the command runs."""
    button = QPushButton(QCoreApplication.translate("TeamCommand", "Stop"))
    button.setEnabled(False)
    buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    button.clicked.connect(lambda: dialog.command.cancel())
    return button


class TeamPushDialog(QDialog):
    """Push now: the server, the rep's name, and what the last push did."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.command = None
        self.setWindowTitle(self.tr("Push to the team server"))
        self.resize(560, 240)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = ServerFields(form)
        self.rep = QLineEdit(
            db.get_setting(team.REP_SETTING) or db.get_setting(review.REP_NAME_SETTING) or ""
        )
        form.addRow(self.tr("Rep"), self.rep)
        self.after_session = QCheckBox(self.tr("Push again each time RepDesk closes"))
        self.after_session.setChecked(bool(db.get_setting(team.SESSION_PUSH_SETTING)))
        self.after_session.toggled.connect(lambda on: db.set_setting(team.SESSION_PUSH_SETTING, on))
        form.addRow("", self.after_session)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.push_button = QPushButton(self.tr("Push now"))
        buttons.addButton(self.push_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.push_button.clicked.connect(self.push)
        self.stop_button = stop_button(self, buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def push(self) -> None:
        url, password = self.fields.values()
        rep = self.rep.text().strip()
        if rep:
            db.set_setting(team.REP_SETTING, rep)
        arguments = ["--db", str(self.window_.db_path), "team", "push", "--server", url]
        if rep:
            arguments += ["--rep", rep]
        self.push_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Pushing…"))
        self.command = team_ui.TeamCommand(self, arguments, password)
        self.command.done.connect(lambda code, out, err: self._done(code, out, err, url, password))

    def done(self, result: int) -> None:  # closing stops a push still running
        if self.command is not None:
            self.command.cancel()
        super().done(result)

    def _done(self, code: int, out: str, err: str, url: str, password: str) -> None:
        self.push_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if code == team_ui.TeamCommand.CANCELLED:
            self.result.setText(self.tr("Stopped; nothing was changed on the server."))
        elif code == 0:
            team_ui.remember(url, password)
            self.result.setText(out.strip())
        else:
            self.result.setStyleSheet(f"color: {PACE_COLOURS['red']};")
            self.result.setText(err or out.strip())
