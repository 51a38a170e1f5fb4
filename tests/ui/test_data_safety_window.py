"""What the window does for the rep's data: backups at start and close, damaged files."""

from datetime import date
from unittest import mock

from PySide6.QtWidgets import QMessageBox

from app import backup, db
from app.models import Customer
from tests.app.test_data_safety import _damage
from tests.conftest import AS_OF


def test_a_daily_backup_at_start_and_one_on_closing_after_changes(make_window):
    window = make_window()
    path = window.db_path
    assert window.backup_label.text() == "Taking the daily backup…"
    window.wait_for_daily_backup()  # taken beside the open window, on a worker thread
    assert [b.reason for b in backup.list_backups(path)] == ["daily"]
    assert window.backup_label.text() == "Daily backup taken."
    window.show()
    assert window.status_label.isVisible()  # the database line stays in view beside it
    window.tab("board")  # the board takes in today's follow-ups: data changed
    window.close()  # …so a closing backup
    [first] = backup.list_backups(path)  # the newest of the day replaces the daily one
    assert first.reason == "on-exit"
    window = make_window(path)  # the newest backup is less than a day old: none at start
    window.close()  # nothing changed this time: no backup
    assert backup.list_backups(path) == [first]
    window = make_window(path)
    Customer.create(name="新客户", created=AS_OF)
    window.close()
    [latest] = backup.list_backups(path)
    assert latest.reason == "on-exit" and latest.taken_at > first.taken_at
    assert backup.row_counts(latest.path)["customer"] == 61


def test_the_window_works_while_the_daily_backup_is_taken(make_window, monkeypatch):
    """A heavy user's daily backup takes seconds: the window opens without waiting, and a
    backup that fails says why in the status bar."""
    import threading

    from app.errors import UserError

    may_finish = threading.Event()
    real_backup = backup.automatic_backup

    def slow_backup(*args, **kwargs):
        assert may_finish.wait(10)
        return real_backup(*args, **kwargs)

    monkeypatch.setattr(backup, "automatic_backup", slow_backup)
    window = make_window()  # returned while the backup waits
    assert window.tab("leads").lead_model.rowCount() > 0
    assert backup.list_backups(window.db_path) == []
    may_finish.set()
    window.wait_for_daily_backup()
    assert [b.reason for b in backup.list_backups(window.db_path)] == ["daily"]
    window.release()

    for old in backup.list_backups(window.db_path):
        old.path.unlink()

    def failing_backup(*args, **kwargs):
        raise UserError("The disk is full.")

    monkeypatch.setattr(backup, "automatic_backup", failing_backup)
    window = make_window(window.db_path)
    window.wait_for_daily_backup()
    assert window.backup_label.text() == "The disk is full."


def test_the_backups_dialog_lists_and_restores(make_window, qtbot):
    from ui.dialogs.backups_dialog import BackupsDialog

    window = make_window()
    window.wait_for_daily_backup()
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Daily"
    assert dialog.table.item(0, 3).text() == "60"  # customers in that backup
    Customer.create(name="新客户", created=AS_OF)
    dialog.back_up_now()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Made by you"
    dialog.table.selectRow(1)  # the daily one, with 60 customers
    with mock.patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes):
        assert dialog.restore_selected()
    assert Customer.select().count() == 60


def test_a_damaged_database_at_start_is_kept_aside_and_the_backup_offered(make_window, tmp_path):
    from ui.app import run_window

    window = make_window()
    path = window.db_path
    Customer.create(name="备份之后的客户", created=AS_OF)
    window.release()
    _damage(path)
    damaged = path.read_bytes()
    with (
        mock.patch.object(
            QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes
        ) as asked,
        mock.patch("PySide6.QtWidgets.QApplication.exec", return_value=0),
    ):
        assert run_window(path, language="en", as_of=AS_OF) == 0
    assert "is damaged" in asked.call_args.args[2]
    [aside] = path.parent.glob("*.corrupt")
    assert aside.read_bytes() == damaged
    assert backup.check(path) == []
    # the newest sound backup is the one taken on closing, with the customer added last
    assert Customer.get_or_none(Customer.name == "备份之后的客户") is not None
    db.close_database()


def test_a_damaged_database_without_a_backup_is_left_alone(tmp_path, qapp):
    from app.demo import load_demo
    from ui.app import run_window

    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    load_demo(date(2026, 11, 20))
    db.close_database()
    _damage(path)
    damaged = path.read_bytes()
    with mock.patch.object(QMessageBox, "critical") as told:
        assert run_window(path, language="en", as_of=AS_OF) == 2
    assert "no backup" in told.call_args.args[2]
    assert path.read_bytes() == damaged
    assert len(list(tmp_path.glob("*.corrupt"))) == 1


def test_a_second_backup_folder_chosen_in_the_preferences_gets_the_daily_backup(
    make_window, qtbot, tmp_path
):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from app import preferences
    from ui.dialogs.preferences_dialog import PreferencesDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    window = make_window()
    window.wait_for_daily_backup()

    def choose_and_accept():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog))
        with mock.patch("ui.file_dialogs.existing_directory", return_value=str(usb)):
            qtbot.mouseClick(dialog.choose_folder, Qt.MouseButton.LeftButton)
        assert dialog.folder.text() == str(usb)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_and_accept)
    window.show_preferences()
    assert preferences.second_backup_folder() == usb
    path = window.db_path
    window.close()
    for old in backup.list_backups(path):  # a day later: the next start takes a daily backup
        old.path.unlink()
    window = make_window(path)
    window.wait_for_daily_backup()
    assert window.backup_label.text() == "Daily backup taken."
    [local] = backup.list_backups(path)
    [copied] = backup.list_backups(path, usb)  # …and a verified copy of it off the laptop
    assert copied.reason == "daily" and copied.path.read_bytes() == local.path.read_bytes()
    window.close()
