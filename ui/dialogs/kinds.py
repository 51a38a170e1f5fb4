"""The kinds of file the import and export dialogs offer, by their display names."""

from app.io.kinds import KINDS
from app.labels import label


def kind_names() -> dict[str, str]:
    return {name: label("kind", name) for name in KINDS}
