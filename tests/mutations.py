"""Named mutations of the data-safety code, each of which the tests must kill.

Each mutation changes one thing in a copy of the tree (never in the tree itself); the tests
that guard it are run on the copy and must fail. `tests/app/test_mutations.py` (slow) runs
them all; `python -m tests.mutations [NAME…]` runs some and prints which survive.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAFETY_TESTS = (
    "tests/app/test_data_safety.py",
    "tests/app/test_db.py",
    "tests/app/test_connections.py",
    "tests/app/test_outputs.py",
    "tests/app/test_failures_named.py",
    "tests/app/test_cli.py",
)


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str
    find: str  # occurs exactly once in the file
    replace: str
    tests: tuple[str, ...] = SAFETY_TESTS


MUTATIONS = (
    Mutation(
        "a backup is not integrity-checked",
        "app/backup.py",
        "        problems = integrity_problems(target)\n",
        "        problems = []\n",
    ),
    Mutation(
        "restore does not check its source",
        "app/backup.py",
        "    problems = check(backup_file)\n",
        "    problems = []\n",
    ),
    Mutation(
        "no foreign-key check after a migration step",
        "app/db.py",
        "                if orphans:\n",
        "                if False:\n",
    ),
    Mutation(
        "synchronous=off",
        "app/db.py",
        '("synchronous", "full")',
        '("synchronous", "off")',
    ),
    Mutation(
        "migrations run with foreign keys on",
        "app/db.py",
        '0 if name == "foreign_keys" else value',
        "value",
    ),
    Mutation(
        "no backup before a migration",
        "app/db.py",
        '    backup.automatic_backup(path, datetime.now(), f"before-migration-v{version}")\n',
        "",
    ),
    Mutation(
        "backups are matched by stem (a.sqlite3 and a.db share a set)",
        "app/backup.py",
        "        names = {db_path.name}\n",
        "        names = {db_path.stem}\n",
    ),
    Mutation(
        "a restore leaves the old write-ahead log beside the new file",
        "app/backup.py",
        "        _leave_no_log(db_path, sound)\n",
        "",
    ),
    Mutation(
        "a damaged file is not kept aside before a restore",
        "app/backup.py",
        "    elif db_path.exists():\n        aside = keep_aside(db_path, now)\n",
        "    elif db_path.exists():\n        aside = None\n",
    ),
    Mutation(
        "rotation keeps no weekly backups",
        "app/backup.py",
        "KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6",
        "KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 0, 6",
    ),
    Mutation(
        "version 2 forgets the order table's CHECK constraint",
        "app/migrations.py",
        "    for model in (Customer, Order, ChannelCost):\n",
        "    for model in (Customer, ChannelCost):\n",
    ),
    Mutation(
        "the migration step's own transaction is dropped",
        "app/db.py",
        "            with database.atomic():\n                migrations.STEPS[step]()",
        "            if True:\n                migrations.STEPS[step]()",
    ),
)


def _copy_tree(target: Path) -> None:
    ignore = shutil.ignore_patterns(
        ".venv",
        ".git",
        "__pycache__",
        ".pytest_cache",
        ".ruff_cache",
        "build",
        "dist",
        "*.egg-info",
    )
    for name in ("app", "tests", "resources", "main.py", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


def apply(mutation: Mutation, tree: Path) -> None:
    path = tree / mutation.file
    text = path.read_text(encoding="utf-8")
    if text.count(mutation.find) != 1:
        raise AssertionError(f"{mutation.name}: the text to mutate is not in {mutation.file} once")
    path.write_text(text.replace(mutation.find, mutation.replace), encoding="utf-8")


def killed(mutation: Mutation) -> tuple[bool, str]:
    """Apply `mutation` to a copy of the tree and run its tests there: (killed, output)."""
    with tempfile.TemporaryDirectory(prefix="repdesk-mutant-") as folder:
        tree = Path(folder)
        _copy_tree(tree)
        apply(mutation, tree)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(tree)}
        where = subprocess.run(
            [sys.executable, "-c", "import app; print(app.__file__)"],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not Path(where).is_relative_to(tree):
            raise AssertionError(f"the copy's tests would import {where}, not the mutant")
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", "not slow"]
            + list(mutation.tests),
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        mutated = (tree / mutation.file).read_text(encoding="utf-8")
        assert mutation.find not in mutated or mutation.find in mutation.replace
        return result.returncode != 0, result.stdout[-3000:]


def main(names: list[str]) -> int:
    chosen = [m for m in MUTATIONS if not names or m.name in names]
    survivors = []
    for mutation in chosen:
        dead, _ = killed(mutation)
        print(f"{'killed' if dead else 'SURVIVED'}: {mutation.name}", flush=True)
        if not dead:
            survivors.append(mutation.name)
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
