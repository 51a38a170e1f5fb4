"""When reminders fire (a fake clock), what they say, and the start-at-login entries."""

import plistlib
from datetime import datetime, time

import pytest

from app import reminders


def at(text):
    return datetime.fromisoformat(f"2026-11-20T{text}")


def test_a_reminder_at_start_then_once_at_each_time_passed():
    schedule = reminders.Schedule()  # 09:00 and 14:00
    assert schedule.due(at("08:10"))  # at start
    assert not schedule.due(at("08:59:30"))
    assert schedule.due(at("09:00:10"))  # 09:00 passed since the last look
    assert not schedule.due(at("09:00:40"))  # once only
    assert not schedule.due(at("13:59:59"))
    assert schedule.due(at("14:00:00"))
    assert not schedule.due(at("23:59:00"))
    assert not schedule.due(datetime(2026, 11, 21, 8, 0))
    assert schedule.due(datetime(2026, 11, 21, 9, 0, 20))  # the next day's 09:00


def test_times_passed_while_asleep_make_one_reminder():
    schedule = reminders.Schedule([time(9), time(11), time(14)])
    schedule.due(at("08:00"))
    assert schedule.due(at("15:00"))  # 09:00, 11:00 and 14:00 passed: one reminder
    assert not schedule.due(at("15:00:30"))
    schedule.due(at("16:00"))
    assert schedule.due(datetime(2026, 11, 21, 10, 0))  # slept through the night and 09:00


def test_a_start_after_the_last_time_still_reminds_once():
    schedule = reminders.Schedule()
    assert schedule.due(at("20:00"))
    assert not schedule.due(at("20:00:30"))


def test_the_reminder_names_the_top_three():
    title, body = reminders.reminder_text(5, ["甲", "乙", "丙", "丁", "戊"])
    assert title == "5 to do today"
    assert body == "1. 甲\n2. 乙\n3. 丙\nand 2 more"
    assert reminders.reminder_text(1, ["甲"]) == ("1 to do today", "1. 甲")
    assert reminders.reminder_text(0, []) == ("0 to do today", "Nothing due today.")


def test_reminder_times_are_read_as_the_rep_writes_them():
    assert reminders.parse_times("14:00, 9:00，9:00; 17") == [time(9), time(14), time(17)]
    assert reminders.format_times([time(9), time(14, 30)]) == "09:00, 14:30"
    with pytest.raises(ValueError):
        reminders.parse_times("25:00")
    with pytest.raises(ValueError):
        reminders.parse_times("noon")


def test_start_at_login_on_linux_is_an_autostart_entry(isolated_home):
    entry = reminders.linux_entry_path()
    assert entry == isolated_home / "config" / "autostart" / "repdesk.desktop"
    assert not reminders.starts_at_login("linux")
    reminders.set_start_at_login(True, "linux")
    assert reminders.starts_at_login("linux")
    text = entry.read_text()
    assert "[Desktop Entry]" in text and "Type=Application" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("main.py --minimized")
    reminders.set_start_at_login(False, "linux")
    assert not entry.exists() and not reminders.starts_at_login("linux")
    reminders.set_start_at_login(False, "linux")  # already off: nothing to do


def test_start_at_login_on_macos_is_a_launch_agent(isolated_home):
    reminders.set_start_at_login(True, "darwin")
    agent = isolated_home / "Library" / "LaunchAgents" / "com.repdesk.RepDesk.plist"
    found = plistlib.loads(agent.read_bytes())
    assert found["Label"] == "com.repdesk.RepDesk" and found["RunAtLoad"] is True
    assert found["ProgramArguments"][-1] == "--minimized"
    assert reminders.starts_at_login("darwin")
    reminders.set_start_at_login(False, "darwin")
    assert not agent.exists()


def test_the_day_rolls_over_at_midnight():
    from datetime import date

    assert not reminders.day_changed(date(2026, 11, 20), at("23:59:59"))
    assert reminders.day_changed(date(2026, 11, 20), datetime(2026, 11, 21, 0, 0, 1))


def test_start_at_login_on_windows_is_the_run_key(monkeypatch):
    """With a stand-in for winreg (this runs on any system): the value RepDesk under
    HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run, set and deleted."""
    import sys
    import types

    values = {}

    class Key:
        def __init__(self, path):
            self.path = path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def query(key, name):
        if (key.path, name) not in values:
            raise FileNotFoundError(name)
        return values[key.path, name], 1

    def delete(key, name):
        if (key.path, name) not in values:
            raise FileNotFoundError(name)
        del values[key.path, name]

    fake = types.SimpleNamespace(
        HKEY_CURRENT_USER="HKCU",
        KEY_ALL_ACCESS=0xF003F,
        REG_SZ=1,
        OpenKey=lambda root, path, reserved, access: Key(f"{root}\\{path}"),
        SetValueEx=lambda key, name, reserved, kind, value: values.__setitem__(
            (key.path, name), value
        ),
        QueryValueEx=query,
        DeleteValue=delete,
    )
    monkeypatch.setitem(sys.modules, "winreg", fake)
    run = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"
    assert not reminders.starts_at_login("win32")
    reminders.set_start_at_login(True, "win32")
    assert reminders.starts_at_login("win32")
    assert values[run, "RepDesk"].endswith("main.py --minimized")
    reminders.set_start_at_login(False, "win32")
    assert values == {} and not reminders.starts_at_login("win32")
    reminders.set_start_at_login(False, "win32")  # already off: nothing to do


def test_the_minimized_start_is_a_flag_of_the_command_line():
    from app.cli import build_parser

    assert build_parser().parse_args(["--minimized"]).minimized
    assert not build_parser().parse_args([]).minimized
