"""RepDesk's core: data, rules of the sales guide, import/export and reports. No Qt here."""

from importlib import metadata as _metadata
from pathlib import Path as _Path


def _read_version() -> str:
    try:
        return _metadata.version("repdesk")
    except _metadata.PackageNotFoundError:  # running from a source tree or a frozen bundle
        import tomllib

        pyproject = _Path(__file__).resolve().parent.parent / "pyproject.toml"
        with pyproject.open("rb") as handle:
            return tomllib.load(handle)["project"]["version"]


__version__ = _read_version()
