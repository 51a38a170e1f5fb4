"""RepDesk's core: data, rules of the sales guide, import/export and reports. No Qt here."""

from functools import cache as _cache
from pathlib import Path as _Path


@_cache
def _read_version() -> str:
    """pyproject.toml in a source tree (cheap), else the installed or bundled metadata."""
    pyproject = _Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.exists():
        import tomllib

        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
        if project.get("name") == "repdesk":
            return project["version"]
    from importlib import metadata

    return metadata.version("repdesk")


def __getattr__(name: str):
    if name == "__version__":  # read on first use: start-up does not pay for it
        return _read_version()
    raise AttributeError(f"module 'app' has no attribute {name!r}")
