"""Every button and menu action, clicked as a rep clicks, in both languages: no crash, no
Python exception, no unexpected-error message, no Qt warning (tests/ui/click_everything.py
does the clicking in a process of its own, so that a crash fails this test instead of
ending the run)."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_clicking_everything_never_fails(language, tmp_path, isolated_home):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(isolated_home)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.click_everything", str(tmp_path), "--lang", language],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    clicks = done.stdout.count("\nclick ")
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    assert clicks >= 40, done.stdout  # the buttons were found and clicked
    assert "undid and redid" in done.stdout
