"""`repdesk screenshots DIR` renders every tab, in both languages."""

from PySide6.QtGui import QImage

from tests.conftest import run_cli_process

NAMES = [
    "01-targets.png",
    "02-leads.png",
    "03-lifecycle.png",
    "04-board.png",
    "05-dashboard.png",
    "06-review.png",
]


def test_screenshots_of_every_tab(tmp_path):
    path = tmp_path / "demo.sqlite3"
    assert run_cli_process("--db", path, "demo", "--as-of", "2026-11-20").returncode == 0
    for language in ("en", "zh_CN"):
        out = tmp_path / language
        result = run_cli_process(
            "--db", path, "--lang", language, "screenshots", out, "--as-of", "2026-11-20"
        )
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in out.iterdir()) == NAMES
        for name in NAMES:
            image = QImage(str(out / name))
            assert (image.width(), image.height()) == (1280, 800)
