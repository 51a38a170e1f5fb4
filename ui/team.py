"""File → Team: push this rep's records to the team's server, and the manager's Team window.

Both run RepDesk's own command line (`team push`, `team summary --json`) as a separate
process: the window's database stays untouched and responsive while the server works, and
the figures the manager sees are the command line's, exactly. A password typed here goes
to that process in its environment (PGPASSWORD, as libpq reads it), never into a file, and
into the system keyring once it worked.
"""

from PySide6.QtCore import QCoreApplication, QObject, QProcess

from ui.team_command import repdesk_command


def install_team_menu(window, file_menu) -> None:
    """The File menu's Team submenu: Push now…, Team month…"""
    menu = file_menu.addMenu(QCoreApplication.translate("TeamMenu", "&Team"))
    push = menu.addAction(QCoreApplication.translate("TeamMenu", "&Push now…"))
    push.triggered.connect(lambda: show_push_dialog(window))
    month = menu.addAction(QCoreApplication.translate("TeamMenu", "Team &month…"))
    month.triggered.connect(lambda: show_team_window(window))
    if not hasattr(window, "session_push"):  # once per window (the menus are rebuilt)
        window.session_push = SessionPush(window)


class SessionPush(QObject):
    """The optional push after each session: when RepDesk quits and the rep ticked it, a
    detached `team push` runs once the window has let go of the file (its password from
    the keyring; what it did shows at the next Push now)."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        QCoreApplication.instance().aboutToQuit.connect(self.push)

    def push(self) -> None:
        from app import team

        path = self.window_.db_path
        wanted = team.session_push(path)
        if wanted is None:
            return
        command = repdesk_command()
        QProcess.startDetached(
            command[0],
            [*command[1:], "--db", str(path), "team", "push", *wanted],
        )


def show_push_dialog(window) -> None:
    from ui.dialogs.team_dialog import TeamPushDialog

    _show(window, "team_push_dialog", TeamPushDialog)


def show_team_window(window) -> None:
    from ui.team_window import TeamWindow

    _show(window, "team_window", TeamWindow)


def _show(window, name: str, kind) -> None:
    """One of each (non-modal) at a time: a second call brings the open one forward."""
    current = getattr(window, name, None)
    if current is None or not current.isVisible():
        if current is not None:
            current.deleteLater()
        current = kind(window)
        setattr(window, name, current)
    current.show()
    current.activateWindow()
