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


# -- the import graph of app/ and ui/ ------------------------------------------------------------

PACKAGES = ("app", "ui")


def _modules() -> dict[str, tuple]:
    """Every module of app/ and ui/: dotted name → (path, is a package)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _imported(name: str, is_package: bool, node, known) -> set[str]:
    """The modules of app/ and ui/ that one import statement loads (`from x import y` loads y
    when y is a module, else x)."""
    if isinstance(node, ast.Import):
        wanted = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:  # relative: from the module's own package upward
            parts = name.split(".") if is_package else name.split(".")[:-1]
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        wanted = [base, *(f"{base}.{alias.name}" for alias in node.names)]
    found = set()
    for target in wanted:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the modules it imports, every import statement counted (those inside
    functions too: they hide a cycle, they do not break it)."""
    known = _modules()
    graph = {}
    for name, (path, is_package) in known.items():
        graph[name] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                graph[name] |= _imported(name, is_package, node, known)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_hidden_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_a_function_level_import_is_in_the_graph():
    graph = import_graph()
    assert "ui.main_window" in graph["ui.app"]  # imported inside run_window()
    assert "app.io.kinds" in graph["app.io.pipeline"]  # `from app.io.kinds import …`
    assert "app.io.fields" in graph["app.io.pipeline"]  # `from app.io import fields`


def test_no_import_cycle_in_app_or_ui():
    assert cycles(import_graph()) == []


def _type_only(tree) -> set[int]:
    """The ids of the import statements under `if TYPE_CHECKING:` (a type named, no query)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found |= {id(inner) for part in node.body for inner in ast.walk(part)}
    return found


def ui_model_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name, (path, _) in _modules().items():
        if not name.startswith("ui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = _type_only(tree)
        for node in ast.walk(tree):
            if id(node) in type_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module == "app.models":
                found.setdefault(name, set()).update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module == "app":
                if any(alias.name == "models" for alias in node.names):
                    found.setdefault(name, set()).add("*")
            elif isinstance(node, ast.Import):
                if any(alias.name.startswith("app.models") for alias in node.names):
                    found.setdefault(name, set()).add("*")
    return found


def test_ui_does_not_import_the_models():
    """ui/ asks app/ for its rows and figures; a type named under `if TYPE_CHECKING:` is no
    query."""
    assert ui_model_imports() == {}


# -- no function over 80 lines -------------------------------------------------------------------

MAX_FUNCTION_LINES = 80


def _functions(node, prefix=""):
    """(qualified name, node) of every function in `node`, methods as `Class.method`."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + child.name, child
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)


def long_functions() -> dict[str, int]:
    """`path qualified.name` → lines, for every function of app/ and ui/ over the limit."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for name, node in _functions(tree):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    found[f"{path.relative_to(ROOT).as_posix()} {name}"] = lines
    return found


def test_the_length_check_sees_methods_and_nested_functions():
    body = "\n".join(f"            x{n} = {n}" for n in range(80))
    tree = ast.parse(f"class A:\n    def f(self):\n        def g():\n{body}\n")
    assert {name: node.end_lineno - node.lineno + 1 for name, node in _functions(tree)} == {
        "A.f": 82,  # its own line, g's line and g's 80
        "A.f.g": 81,
    }


def test_no_function_is_over_80_lines():
    assert long_functions() == {}
