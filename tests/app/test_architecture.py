"""app/ is the Qt-free core: it never imports Qt, pyqtgraph or ui/."""

import ast
import subprocess
import sys

from tests.conftest import ROOT

FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "ui")


def test_no_module_of_app_imports_qt_or_ui():
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {name}" for name in names if name.split(".")[0] in FORBIDDEN
            ]
    assert offenders == []


def test_the_whole_core_and_the_command_line_load_without_qt():
    code = (
        "import importlib, pkgutil, sys, app\n"
        "for m in pkgutil.walk_packages(app.__path__, 'app.'): importlib.import_module(m.name)\n"
        "import main\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'ui')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
