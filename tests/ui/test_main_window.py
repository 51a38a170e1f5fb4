"""The main window as a rep meets it: six tabs with their data, menus, languages, memory."""

import json
import os
import subprocess
import sys
from unittest import mock

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import db
from app.lock import DatabaseLocked
from app.models import Customer, Lead, Task
from tests.conftest import AS_OF, ROOT, run_cli_process

ENGLISH_TABS = [
    "Today",
    "Targets",
    "Leads & customers",
    "Lifecycle calendar",
    "Four quadrants",
    "Dashboard",
    "Monthly review",
]
CHINESE_TABS = ["今日", "目标", "线索/客户", "客户生命周期", "四象限", "销售仪表盘", "月度复盘"]


def _tab_titles(window):
    return [window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())]


def _menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def test_six_tabs_and_four_menus(make_window):
    window = make_window()
    assert _tab_titles(window) == ENGLISH_TABS
    assert _menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    file_actions = [
        a.text() for a in window.menuBar().actions()[0].menu().actions() if not a.isSeparator()
    ]
    assert file_actions == [
        "&Open database…",
        "&Import…",
        "Import &history…",
        "Find &duplicates…",
        "&Export…",
        "Export &calendar…",
        "Back&ups…",
        "&Backup now…",
        "&Restore from backup…",
        "&Print monthly review…",
        "&Team",
        "&Quit",
    ]
    assert "2026-11-20" in window.status_label.text()


def test_each_tab_shows_the_data_of_the_database(make_window, qtbot):
    window = make_window()
    targets = window.tab("targets")
    assert targets.revenue.text() == "¥200,000.00"
    assert "(21 working days)" in targets.calc_lines.text()
    assert targets.plan.rowCount() == 2
    assert targets.plan.item(0, 4).text() == "12.5%"

    leads_tab = window.tab("leads")
    assert leads_tab.lead_model.rowCount() == 120
    assert leads_tab.customer_model.rowCount() == 60
    overdue = [row for row in leads_tab.lead_model.rows if row.highlight]
    assert overdue, "overdue leads stand out"
    leads_tab.search.setText("宁波")  # the tables wait for a pause in the typing
    assert leads_tab.lead_model.rowCount() == 120
    qtbot.waitUntil(lambda: leads_tab.lead_model.rowCount() < 120, timeout=2000)
    assert 0 < leads_tab.lead_model.rowCount() < 120
    assert all("宁波" in row[0] for row in leads_tab.lead_model.rows)

    lifecycle_tab = window.tab("lifecycle")
    assert lifecycle_tab.agenda.rowCount() > 0

    board_tab = window.tab("board")
    open_tasks = Task.select().where(~Task.done).count()
    assert sum(board_tab.models[q].rowCount() for q in (1, 2, 3, 4)) == open_tasks
    assert all(board_tab.models[q].rowCount() > 0 for q in (1, 2, 3, 4))

    dashboard = window.tab("dashboard")
    summary = json.loads(
        run_cli_process(
            "--db", window.db_path, "summary", "--json", "--as-of", AS_OF.isoformat()
        ).stdout
    )
    assert dashboard.cards["deals"].value.text() == str(summary["actual"]["deals"])
    assert dashboard.cards["pace"].change.text().startswith("expected by today: ¥")

    review_tab = window.tab("review")
    assert review_tab.heading.text() == "Review of 2026-11"
    review_tab.show_month(-1)
    assert "转介绍奖励机制" in review_tab.texts["kept_methods"].toPlainText()
    assert review_tab.pdca.rowCount() == 4


def test_the_leads_table_pages_in_as_it_scrolls(make_window, tmp_path):
    from datetime import date

    path = tmp_path / "many.sqlite3"
    db.open_database(path)
    with db.database.atomic():
        Lead.insert_many(
            [
                {"name": f"线索{i:04d}", "created": date(2026, 11, 1), "tier": "B"}
                for i in range(450)
            ]
        ).execute()
    db.close_database()
    window = make_window(path)
    model = window.tab("leads").lead_model
    assert model.rowCount() == 200
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450


def test_switching_the_language_retranslates_everything_and_is_remembered(make_window, qapp):
    window = make_window()
    window.tabs.setCurrentIndex(4)
    window.set_language("zh_CN")
    assert _tab_titles(window) == CHINESE_TABS
    assert _menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert window.tabs.currentIndex() == 4
    assert window.tab("board").views[1].accessibleName() == "重要紧急"
    from ui.app import choose_language
    from ui.settings import app_settings

    assert app_settings().value("language") == "zh_CN"
    assert choose_language(None) == "zh_CN"
    assert choose_language("en") == "en"
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "取消"  # Qt's own strings follow too
    window.set_language("en")
    assert _tab_titles(window) == ENGLISH_TABS


def test_window_size_position_and_last_tab_are_remembered(make_window):
    window = make_window()
    window.resize(700, 500)
    window.tabs.setCurrentIndex(5)
    window.close()
    again = make_window(window.db_path)
    assert again.tabs.currentIndex() == 5
    assert (again.width(), again.height()) == (700, 500)


def test_first_start_offers_the_demo(make_window, tmp_path):
    window = make_window(tmp_path / "new.sqlite3", demo=False)
    with (
        mock.patch.object(QMessageBox, "exec"),
        mock.patch.object(QMessageBox, "clickedButton", lambda box: box.buttons()[0]),
    ):  # "Load demo data"
        window.offer_demo_on_first_start()
    assert Customer.select().count() == 60
    assert window.tab("leads").customer_model.rowCount() == 60


def test_starting_clean_is_asked_once(make_window, tmp_path):
    window = make_window(tmp_path / "new.sqlite3", demo=False)
    with (
        mock.patch.object(QMessageBox, "exec") as shown,
        mock.patch.object(QMessageBox, "clickedButton", lambda box: box.buttons()[1]),
    ):
        window.offer_demo_on_first_start()
        window.offer_demo_on_first_start()
    assert shown.call_count == 1
    assert db.is_empty()


def test_a_second_window_on_the_same_database_is_refused(make_window):
    window = make_window()
    with pytest.raises(DatabaseLocked):
        make_window(window.db_path)
    assert window.lock.is_held


def test_starting_the_app_on_a_locked_database_says_so(make_window, tmp_path):
    from ui.app import run_window

    window = make_window()
    with mock.patch.object(QMessageBox, "critical") as critical:
        assert run_window(window.db_path, language="en", as_of=AS_OF) == 2
    assert "open in another RepDesk" in critical.call_args.args[2]


def test_a_start_paints_the_window_before_it_loads_and_opens_the_database(tmp_path):
    """The rep sees the window at once: the database modules are loaded, and the file
    locked and opened, only after the first paint; then the tab on screen is made."""
    path = tmp_path / "repdesk.sqlite3"
    db.open_database(path)
    db.set_setting("first_run_done", True)  # no welcome question
    db.close_database()
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import main
from ui.main_window import MainWindow

paint, attach = MainWindow.paintEvent, MainWindow.attach

def first_paint(window, event):
    if not window.painted:
        print("painted with", [name for name in ("peewee", "app.db", "app.models", "filelock")
                               if name in sys.modules])
    paint(window, event)

def watched(window):
    print("attached after the paint" if window.painted else "attached first")
    attach(window)
    QTimer.singleShot(0, lambda: (print("tab made", window.tabs.currentWidget().tab
                                        is not None), QApplication.quit()))

MainWindow.paintEvent, MainWindow.attach = first_paint, watched
main.main(["--db", {str(path)!r}, "--lang", "en"])
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        },
    )
    assert done.stdout.splitlines() == [
        "painted with []",
        "attached after the paint",
        "tab made True",
    ], done.stderr


def test_commands_beside_an_open_window(make_window):
    window = make_window()
    demo = run_cli_process("--db", window.db_path, "demo")
    assert demo.returncode == 2
    assert demo.stderr.count("\n") == 1 and "open in another RepDesk" in demo.stderr
    assert run_cli_process("--db", window.db_path, "summary", "--json").returncode == 0
    assert run_cli_process("--db", window.db_path, "check").returncode == 0


def test_print_goes_to_the_monthly_review(make_window):
    window = make_window()
    with mock.patch("ui.tabs.review.ReviewTab.print_review") as printed:
        action = next(
            a
            for a in window.menuBar().actions()[0].menu().actions()
            if a.text() == "&Print monthly review…"
        )
        action.trigger()
    assert printed.called
    assert window.tabs.currentIndex() == 6


def test_open_another_database_and_back(make_window, tmp_path):
    window = make_window()
    other = tmp_path / "other.sqlite3"
    with (
        mock.patch.object(QMessageBox, "exec"),
        mock.patch.object(QMessageBox, "clickedButton", lambda box: box.buttons()[1]),
    ):
        assert window.open_database(other)
    assert window.db_path == other
    assert window.tab("leads").lead_model.rowCount() == 0
    assert window.open_database(tmp_path / "repdesk.sqlite3")
    assert window.tab("leads").lead_model.rowCount() == 120


def test_opening_a_file_that_is_not_a_database_keeps_the_current_one(make_window, tmp_path):
    window = make_window()
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database")
    with mock.patch.object(QMessageBox, "warning") as warning:
        assert not window.open_database(bogus)
    assert "not a RepDesk database" in warning.call_args.args[2]
    assert window.db_path == tmp_path / "repdesk.sqlite3"
    assert Customer.select().count() == 60


def test_restore_from_the_window(make_window, tmp_path):
    from app import backup

    window = make_window()
    saved = backup.backup(window.db_path, tmp_path / "saved.sqlite3")
    Task.delete().execute()
    window.tab("board").models[4].reload()
    assert window.tab("board").models[4].rowCount() == 0
    with mock.patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes):
        assert window.restore_backup(saved)
    assert window.tab("board").models[4].rowCount() > 0
    assert window.lock.is_held


def test_undo_and_redo_are_in_the_edit_menu_with_standard_shortcuts(make_window):
    window = make_window()
    edit = window.menuBar().actions()[1].menu()
    undo, redo = edit.actions()[:2]
    assert undo.shortcut().matches(Qt.Modifier.CTRL | Qt.Key.Key_Z)
    assert not undo.isEnabled() and not redo.isEnabled()  # nothing to undo yet


def test_tabs_are_made_when_first_shown_the_first_after_the_window_is_painted(make_window, qtbot):
    window = make_window()
    pages = [window.tabs.widget(index) for index in range(window.tabs.count())]
    assert all(page.tab is None for page in pages)  # nothing made before the window shows
    window.show()
    qtbot.waitUntil(lambda: pages[0].tab is not None, timeout=5000)
    assert window.painted  # the window was on screen first, then its tab was made
    assert all(page.tab is None for page in pages[1:])  # the others wait to be shown
    window.tabs.setCurrentIndex(3)  # a switch makes the tab at once
    assert pages[3].tab is not None and pages[3].tab.agenda.rowCount() > 0
