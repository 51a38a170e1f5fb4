"""File → Team: Push now and the manager's Team month window, against a real PostgreSQL
server (tests/postgres.py); both run the command line in a process of their own."""

import json

from PySide6.QtCore import Qt

from tests.conftest import AS_OF, run_cli_process
from tests.postgres import SUPERUSER_PASSWORD


def _team_action(window, text):
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    [team_menu] = [a.menu() for a in file_menu.actions() if a.text() == "&Team"]
    [action] = [a for a in team_menu.actions() if a.text() == text]
    return action


def _push(window, qtbot, url, password, rep="wang"):
    _team_action(window, "&Push now…").trigger()
    dialog = window.team_push_dialog
    dialog.fields.server.setText(url)
    dialog.fields.password.setText(password)
    dialog.rep.setText(rep)
    qtbot.mouseClick(dialog.push_button, Qt.MouseButton.LeftButton)
    _wait(dialog.command)
    assert dialog.push_button.isEnabled()
    return dialog


def _wait(command):
    """Until the command's process ends (its `done` is delivered inside). Not an event loop:
    one would also delete earlier tests' windows, whose plots leak bool references in
    PySide6 as they go (enough of them crash the interpreter as it exits)."""
    assert command.process.waitForFinished(60_000)


def test_push_now_sends_the_records_and_keeps_no_password(make_window, qtbot, team_server):
    from app import db, team

    window = make_window()
    url = team_server.url(password=None)
    # a password typed into the URL is moved out of it before anything is kept
    dialog = _push(window, qtbot, team_server.url(), "")
    assert dialog.fields.server.text() == url
    assert dialog.fields.password.text() == SUPERUSER_PASSWORD
    assert "new, 0 changed, 0 deleted, 0 unchanged." in dialog.result.text()
    assert db.get_setting(team.SERVER_SETTING) == url
    with team_server.admin() as connection:
        assert connection.execute("SELECT rep FROM repdesk_rep").fetchall() == [("wang",)]
    # again: nothing to send (the window's own settings were in the first push)
    dialog = _push(window, qtbot, url, SUPERUSER_PASSWORD)
    assert " 0 new, 0 changed, 0 deleted," in dialog.result.text()
    window.release()
    for path in window.db_path.parent.iterdir():
        if path.is_file():
            assert SUPERUSER_PASSWORD.encode() not in path.read_bytes(), path


def test_push_now_to_a_server_that_is_down_says_so(make_window, qtbot, team_server):
    from tests.postgres import _free_port

    window = make_window()
    dialog = _push(window, qtbot, f"postgresql://wang@127.0.0.1:{_free_port()}/team", "pw")
    assert dialog.result.text().startswith("Cannot use the team server")
    assert "\n" not in dialog.result.text()


def test_the_team_month_shows_each_rep_and_the_totals(make_window, qtbot, team_server):
    window = make_window()
    _push(window, qtbot, team_server.url(), "")
    _team_action(window, "Team &month…").trigger()
    team_window = window.team_window
    team_window.fields.password.setText(SUPERUSER_PASSWORD)
    qtbot.mouseClick(team_window.refresh_button, Qt.MouseButton.LeftButton)
    _wait(team_window.command)
    assert team_window.refresh_button.isEnabled()
    assert team_window.status.text() == "1 reps, 2026-11 through 2026-11-20."
    table = team_window.table
    assert table.rowCount() == 2  # wang, then the team
    own = json.loads(
        run_cli_process("--db", window.db_path, "summary", "--as-of", AS_OF, "--json").stdout
    )
    from app.money import format_yuan, yuan_to_fen

    revenue = format_yuan(yuan_to_fen(f"{own['actual']['revenue']:.2f}"))
    for row, name in ((0, "wang"), (1, "Team")):
        assert table.item(row, 0).text() == name
        assert table.item(row, 1).text() == revenue  # one rep: the team's is the rep's
        assert table.item(row, 5).text() == str(own["actual"]["effective_visits"])
        assert table.item(row, 7).text() == str(len(own["leads"]["overdue"]))
    words = {"green": "on pace", "amber": "slightly behind", "red": "behind"}
    assert table.item(0, 4).text() == words[own["pace"]["status"]]
    assert (
        table.item(0, 4).foreground().color().name()
        == {
            "green": "#2e7d32",
            "amber": "#b26a00",
            "red": "#c62828",
        }[own["pace"]["status"]]
    )


def test_a_push_after_the_session_when_the_rep_asks_for_it(
    make_window, qtbot, team_server, monkeypatch
):
    import time
    from datetime import date

    from PySide6.QtCore import QCoreApplication, QPoint

    from app import db
    from app.models import Customer, Order

    window = make_window()
    quit_signal = QCoreApplication.instance().aboutToQuit
    dialog = _push(window, qtbot, team_server.url(), "")
    box = dialog.after_session  # its box, at the left (a wide row's middle is not the box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.after_session.isChecked()
    Order.create(customer=Customer.get(), date=date(2026, 11, 20), amount_fen=1234_00)
    window.release()
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)  # the keyring's part, in this test
    quit_signal.emit()  # RepDesk quits: the push runs on its own, after the window

    def orders():
        with team_server.admin() as connection:
            return connection.execute(
                "SELECT count(*) FROM repdesk_row WHERE rep = 'wang' AND tbl = 'order'"
            ).fetchone()[0]

    db.open_database(window.db_path)
    expected = Order.select().count()
    db.close_database()
    for _ in range(300):
        if orders() == expected:
            break
        time.sleep(0.1)
    assert orders() == expected


def test_no_push_after_the_session_unless_asked(make_window, qtbot, team_server):
    from app import team

    window = make_window()
    _push(window, qtbot, team_server.url(), "")
    window.release()
    assert team.session_push(window.db_path) is None


def test_stop_ends_a_push_half_way_and_the_server_keeps_what_it_had(
    make_window, qtbot, team_server
):
    import time
    from datetime import date

    from app.models import Customer, Order

    window = make_window()
    dialog = _push(window, qtbot, team_server.url(), "")
    assert not dialog.stop_button.isEnabled()

    def rows():
        with team_server.admin() as connection:
            return connection.execute(
                "SELECT tbl, row_id, hash, seq FROM repdesk_row ORDER BY 1, 2"
            ).fetchall()

    before = rows()
    Order.create(customer=Customer.get(), date=date(2026, 11, 20), amount_fen=99_00)
    blocker = team_server.admin()
    blocker.autocommit = False
    blocker.execute("LOCK TABLE repdesk_rep IN EXCLUSIVE MODE")  # the push's last write waits
    try:
        qtbot.mouseClick(dialog.push_button, Qt.MouseButton.LeftButton)
        assert dialog.stop_button.isEnabled()
        with team_server.admin() as watcher:
            for _ in range(300):
                waiting = watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'repdesk' "
                    "AND wait_event_type = 'Lock'"
                ).fetchone()[0]
                if waiting:
                    break
                time.sleep(0.1)
            assert waiting
            qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
            assert dialog.result.text() == "Stopped; nothing was changed on the server."
            assert dialog.push_button.isEnabled() and not dialog.stop_button.isEnabled()
            blocker.rollback()
            for _ in range(300):
                if not watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'repdesk'"
                ).fetchone()[0]:
                    break
                time.sleep(0.1)
    finally:
        blocker.close()
    assert rows() == before


def test_the_team_windows_open_once_each(make_window, team_server):
    window = make_window()
    _team_action(window, "&Push now…").trigger()
    first = window.team_push_dialog
    _team_action(window, "&Push now…").trigger()
    assert window.team_push_dialog is first and first.isVisible()
    _team_action(window, "Team &month…").trigger()
    month = window.team_window
    _team_action(window, "Team &month…").trigger()
    assert window.team_window is month
    month.close()
    _team_action(window, "Team &month…").trigger()
    assert window.team_window is not month and window.team_window.isVisible()
