"""`repdesk … team …` run from the window as its own process, and the password it needs.

The push dialog and the Team window both run RepDesk's own command line (see `ui.team`); a
password typed there goes to the process in its environment (PGPASSWORD), never into a
file, and into the system keyring once it worked.
"""

import sys

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from app import i18n


def repdesk_command() -> list[str]:
    """This program's command line: the bundle itself, or Python running main.py."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    import main

    return [sys.executable, main.__file__]


class TeamCommand(QObject):
    """One run of `repdesk … team …` in its own process; `done(code, stdout, stderr)`,
    code CANCELLED when it was stopped (a push stopped half way changes nothing: its
    transaction never commits)."""

    CANCELLED = -1
    done = Signal(int, str, str)

    def __init__(self, parent, arguments: list[str], password: str = ""):
        super().__init__(parent)
        self.cancelled = False
        command = repdesk_command()
        self.process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        if password:
            environment.insert("PGPASSWORD", password)
        self.process.setProcessEnvironment(environment)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed)
        self.process.start(
            command[0], [*command[1:], "--lang", i18n.current_language(), *arguments]
        )

    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def cancel(self) -> None:
        """Stop the command now (and wait until its process is gone)."""
        if self.running():
            self.cancelled = True
            self.process.kill()
            self.process.waitForFinished(10_000)

    def _finished(self, code, status) -> None:
        out = bytes(self.process.readAllStandardOutput()).decode("utf-8", "replace")
        err = bytes(self.process.readAllStandardError()).decode("utf-8", "replace")
        if self.cancelled:
            self.done.emit(self.CANCELLED, "", "")
            return
        if status != QProcess.ExitStatus.NormalExit:
            code = code or 1
        self.done.emit(code, out, err.strip().removeprefix("repdesk: "))

    def _failed(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.done.emit(2, "", self.process.errorString())


def password_from(url: str) -> tuple[str, str]:
    """A URL typed with its password: (the URL without it, the password)."""
    from app import team

    try:
        params = team.server_params(url)
    except Exception:
        return url, ""
    return team.redact(url), params.get("password", "")


def remember(url: str, password: str) -> None:
    """Keep a password that worked in the system keyring (not in any file)."""
    from app import team

    if password:
        team.remember_password(url, password)
