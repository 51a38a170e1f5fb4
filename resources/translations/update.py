"""Refresh the translation sources from the code, then compile them.

    python resources/translations/update.py

`pyside6-lupdate` collects every `tr()`, `translate()` and `QT_TRANSLATE_NOOP()` string of
`app/`, `ui/` and `main.py` into `repdesk_zh_CN.ts` (translations already there are kept);
translate the new entries (Qt Linguist, or by hand), then run this again to compile the
`.qm` files the window loads. The command line reads the `.ts` directly.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("zh_CN",)


def sources() -> list[str]:
    files = [
        ROOT / "main.py",
        *sorted((ROOT / "app").rglob("*.py")),
        *sorted((ROOT / "ui").rglob("*.py")),
    ]
    return [str(path.relative_to(ROOT)) for path in files]


def main() -> int:
    for language in LANGUAGES:
        ts = HERE / f"repdesk_{language}.ts"
        subprocess.run(
            [
                "pyside6-lupdate",
                "-no-obsolete",
                "-locations",
                "none",
                *sources(),
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
