"""No key sequence is bound twice in one context: Qt then fires neither ("Ambiguous
shortcut overload") — on X11 the redo key Ctrl+Shift+Z was, and redo did nothing."""

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtGui import QKeySequence

from tests.conftest import ROOT
from tests.ui.shortcut_check import clashes


def test_no_key_is_bound_twice_offscreen(make_window):
    window = make_window()
    for index in range(window.tabs.count()):
        window.tab(index)
    assert clashes(window) == []


def test_redo_has_both_keys_once_each(make_window):
    window = make_window()
    redo = next(
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.text().startswith("&Redo")
    )
    keys = [k.toString() for k in redo.shortcuts()]
    assert "Ctrl+Shift+Z" in keys and "Ctrl+Y" in keys
    assert len(keys) == len(set(keys))
    assert QKeySequence("Ctrl+Z").toString() not in keys


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian xvfb)")
def test_no_key_is_bound_twice_under_x11(tmp_path, isolated_home):
    """X11's own bindings: StandardKey.Redo is Ctrl+Shift+Z there (Ctrl+Y offscreen)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(isolated_home)}
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.ui.shortcut_check", str(tmp_path)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("xcb keys bound twice: none")
