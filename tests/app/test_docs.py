"""The README's commands are the ones CI runs, and the project cites its own reference."""

import re

from tests.conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.*?)\n```", text, re.S)[:2]


def test_the_readme_opens_with_install_and_test_and_ci_runs_that_test_command():
    install, test = _readme_commands()
    assert install == (
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/repdesk'
    )
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci  # the whole line, byte for byte


def test_the_readme_is_short():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) < 200


def test_code_tests_and_docs_cite_docs_reference_not_the_shared_specs():
    cited = []
    files = [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    for folder in ("app", "ui", "tests", "bench", "packaging"):
        files += (ROOT / folder).rglob("*.py")
    for path in files:
        if path == ROOT / "tests" / "app" / "test_docs.py":
            continue
        text = path.read_text(encoding="utf-8")
        cited += [
            f"{path.relative_to(ROOT)}: {word}"
            for word in ("CONTRACT", "PRODUCT.md", "../shared")
            if word in text
        ]
    assert cited == []
    assert (ROOT / "docs" / "reference.md").is_file()
