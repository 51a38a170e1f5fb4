"""Build the RepDesk bundle for the platform this runs on.

    python packaging/build.py            # → dist/RepDesk/ (macOS: dist/RepDesk.app too)

A clean virtual environment (build/package-venv) gets RepDesk and PyInstaller from this
checkout's pyproject.toml, then PyInstaller runs packaging/repdesk.spec. The script ends by
printing the bundle's folder, its size and the executable to double-click.
"""

import argparse
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if WINDOWS else "bin/python")


def executable(dist: Path) -> Path:
    return dist / "RepDesk" / ("RepDesk.exe" if WINDOWS else "RepDesk")


def folder_size(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def build(dist: Path, work: Path, reuse_venv: bool = False) -> Path:
    environment = work / "package-venv"
    if environment.exists() and not reuse_venv:
        shutil.rmtree(environment)
    if not environment.exists():
        venv.create(environment, with_pip=True)
    python = str(venv_python(environment))
    subprocess.run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", f"{ROOT}[package]"], check=True)
    subprocess.run(
        [
            python,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(ROOT / "packaging" / "repdesk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return executable(dist)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build",
        help="the build environment and PyInstaller's work files (build/)",
    )
    parser.add_argument(
        "--reuse-venv",
        action="store_true",
        help="keep an existing build environment instead of starting clean",
    )
    args = parser.parse_args()
    program = build(args.dist.resolve(), args.work.resolve(), args.reuse_venv)
    print(f"bundle: {program.parent} ({folder_size(program.parent) / 2**20:.0f} MB)")
    print(f"double-click: {program}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
