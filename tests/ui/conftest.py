"""Qt fixtures: settings in a temporary folder, and a main window on a temporary database."""

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import AS_OF


@pytest.fixture(autouse=True)
def qt_settings(tmp_path, qapp):
    """QSettings (window state, language) written under this test's folder."""
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    from ui.app import create_application

    create_application()
    qapp.translators.install("en")
    yield
    qapp.translators.install("en")


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Open a MainWindow on a database (a fresh demo one by default)."""
    from app import db
    from app.demo import load_demo
    from ui.main_window import MainWindow

    windows = []

    def make(path=None, demo=True):
        if path is None:
            path = tmp_path / "repdesk.sqlite3"
            if demo and not path.exists():
                db.open_database(path)
                load_demo(AS_OF)
                db.close_database()
        window = MainWindow(path, as_of=AS_OF)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.release()
        window.deleteLater()
