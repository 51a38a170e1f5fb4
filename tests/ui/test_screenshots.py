"""`repdesk screenshots DIR` renders every tab, in both languages."""

from PySide6.QtGui import QImage

from tests.conftest import run_cli_process

NAMES = [
    "01-today.png",
    "02-targets.png",
    "03-leads.png",
    "04-lifecycle.png",
    "05-board.png",
    "06-dashboard.png",
    "07-review.png",
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
