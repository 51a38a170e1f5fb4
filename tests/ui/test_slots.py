"""No bool into a slot: a button's `clicked` and an action's `triggered` pass `checked`,
which a slot with an optional argument takes for that argument (New lead… once received
`values=False` and crashed). Every slot connected to them takes nothing it did not ask for.
"""

import ast

from tests.conftest import ROOT

SIGNALS = {"clicked", "triggered"}


def _connections(tree):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "connect"
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr in SIGNALS
            and node.args
        ):
            yield node.args[0]


def _parameters(function) -> list[str]:
    names = [a.arg for a in function.args.args + function.args.kwonlyargs]
    return [n for n in names if n != "self"]


def test_every_clicked_and_triggered_slot_takes_no_argument_it_did_not_ask_for():
    problems = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = {
            node.name: node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        for slot in _connections(tree):
            where = f"{path.relative_to(ROOT)}:{slot.lineno}"
            if isinstance(slot, ast.Lambda):
                # `lambda: …` or `lambda _checked=False, …: …` (defaults bind the rest)
                taken = slot.args.args[: len(slot.args.args) - len(slot.args.defaults)]
                if taken and taken[0].arg not in ("checked", "_checked", "action"):
                    problems.append(f"{where}: lambda takes {taken[0].arg}")
            elif isinstance(slot, ast.Name):  # a slot from a loop: its signature unknown here
                problems.append(f"{where}: {slot.id} connected as it is; wrap it in a lambda")
            elif isinstance(slot, ast.Attribute) and slot.attr in methods:
                extra = [p for p in _parameters(methods[slot.attr]) if p != "checked"]
                if extra:
                    problems.append(f"{where}: {slot.attr}({', '.join(extra)})")
    assert problems == []
