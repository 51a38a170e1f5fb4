"""Reminders: when to remind the rep (at start, and at the rep's times of day), what the
reminder says, and starting RepDesk at login (an autostart entry on Linux, the Run key on
Windows, a LaunchAgent on macOS). No Qt here: the window's tray or banner shows them
(ui/reminders.py), driven by a clock the tests replace.
"""

import os
import plistlib
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP, message

DEFAULT_TIMES = (time(9, 0), time(14, 0))
TOP = 3  # a reminder names the first three things to do
APP_ID = "RepDesk"
MAC_LABEL = "com.repdesk.RepDesk"
MINIMIZED_FLAG = "--minimized"


def parse_times(text: str) -> list[time]:
    """`09:00, 14:00` → [09:00, 14:00], sorted, without repeats; ValueError on a bad time."""
    found = set()
    for part in text.replace("，", ",").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        hours, _, minutes = part.partition(":")
        found.add(time(int(hours), int(minutes or 0)))
    return sorted(found)


def format_times(times) -> str:
    return ", ".join(t.strftime("%H:%M") for t in times)


@dataclass
class Schedule:
    """Decides, each time it is asked with the clock's time, whether to remind now: once at
    start, then once at each of the day's times as the clock passes it (several times passed
    while the computer slept make one reminder, not several)."""

    times: list[time] = field(default_factory=lambda: list(DEFAULT_TIMES))
    last: datetime | None = None  # when it was last asked

    def due(self, now: datetime) -> bool:
        if self.last is None:
            self.last = now
            return True  # at start
        passed = any(
            self.last < datetime.combine(now.date(), when) <= now
            or (
                self.last.date() < now.date()
                and self.last < datetime.combine(self.last.date(), when)
            )
            for when in self.times
        )
        self.last = now
        return passed


def reminder_text(count: int, first_titles: list[str]) -> tuple[str, str]:
    """The notification's title and body: how many (`count`) are due, the first three by
    name (`first_titles`, the day's first items in rank order; more are ignored)."""
    title = message(QT_TRANSLATE_NOOP("Messages", "{count} to do today"), count=count)
    if not count:
        return title, message(QT_TRANSLATE_NOOP("Messages", "Nothing due today."))
    shown = first_titles[:TOP]
    body = "\n".join(f"{rank}. {text}" for rank, text in enumerate(shown, start=1))
    if count > len(shown):
        body += "\n" + message(
            QT_TRANSLATE_NOOP("Messages", "and {count} more"), count=count - len(shown)
        )
    return title, body


# -- start at login --------------------------------------------------------------------------


def launch_command() -> list[str]:
    """How this RepDesk is started, minimised to the tray: the bundle's executable, else this
    Python running main.py."""
    if getattr(sys, "frozen", False):
        return [sys.executable, MINIMIZED_FLAG]
    main = Path(__file__).resolve().parent.parent / "main.py"
    return [sys.executable, str(main), MINIMIZED_FLAG]


def _quote(argument: str) -> str:
    return f'"{argument}"' if " " in argument else argument


def linux_entry_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / "repdesk.desktop"


def mac_agent_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"


def linux_entry(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=RepDesk\n"
        "Comment=RepDesk Sales Workbench reminders\n"
        f"Exec={' '.join(_quote(part) for part in command)}\n"
        "Icon=repdesk\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def mac_agent(command: list[str]) -> bytes:
    return plistlib.dumps({"Label": MAC_LABEL, "ProgramArguments": command, "RunAtLoad": True})


def _windows_run_key():
    import winreg  # only on Windows

    return winreg.OpenKey(
        winreg.HKEY_CURRENT_USER,
        r"Software\Microsoft\Windows\CurrentVersion\Run",
        0,
        winreg.KEY_ALL_ACCESS,
    )


def set_start_at_login(on: bool, platform: str | None = None) -> None:
    """Add or remove the entry that starts RepDesk, minimised, when the rep logs in."""
    platform = platform or sys.platform
    command = launch_command()
    if platform == "win32":
        import winreg

        with _windows_run_key() as key:
            if on:
                value = " ".join(_quote(part) for part in command)
                winreg.SetValueEx(key, APP_ID, 0, winreg.REG_SZ, value)
            else:
                try:
                    winreg.DeleteValue(key, APP_ID)
                except FileNotFoundError:
                    pass
        return
    path, content = (
        (mac_agent_path(), mac_agent(command))
        if platform == "darwin"
        else (linux_entry_path(), linux_entry(command).encode("utf-8"))
    )
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(content)
        partial.replace(path)
    else:
        path.unlink(missing_ok=True)


def starts_at_login(platform: str | None = None) -> bool:
    platform = platform or sys.platform
    if platform == "win32":
        import winreg

        try:
            with _windows_run_key() as key:
                winreg.QueryValueEx(key, APP_ID)
        except FileNotFoundError:
            return False
        return True
    return (mac_agent_path() if platform == "darwin" else linux_entry_path()).exists()


def day_changed(shown: date, now: datetime) -> bool:
    """The window's "today" rolls over when the clock passes midnight."""
    return now.date() != shown
