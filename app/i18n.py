"""Language choice and message translation for the Qt-free core.

The catalogue is the Qt Linguist source `resources/translations/repdesk_zh_CN.ts`, the same
file the window compiles to `.qm`: one set of translations for the window, the command line
and the PDF. Source strings are English; placeholders are `{name}` and filled after lookup.
"""

import locale
import os
import sys
from functools import cache
from pathlib import Path

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "en"

_current = DEFAULT_LANGUAGE


def resources_dir() -> Path:
    """The `resources/` folder, in a source tree or inside a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def normalize_language(name: str | None) -> str:
    """Chinese for any `zh*` locale name (zh_CN, zh_TW, zh-Hans, Chinese_China…), else English."""
    if not name:
        return DEFAULT_LANGUAGE
    lowered = name.lower()
    if lowered.startswith("zh") or lowered.startswith("chinese"):
        return "zh_CN"
    return "en"


def system_language() -> str:
    """The language of the system locale, as the environment and Python's locale see it."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return normalize_language(value)
    try:
        name = locale.getlocale()[0]
    except ValueError:
        name = None
    return normalize_language(name)


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _current = language


def current_language() -> str:
    return _current


@cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    path = translations_dir() / f"repdesk_{language}.ts"
    if not path.exists():
        return {}
    import xml.etree.ElementTree as ET  # here: read on the first translated message

    catalogue = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") is None:
                catalogue[(name, source)] = translation.text
    return catalogue


def translate(context: str, source: str, /, **values) -> str:
    """`source` in the current language, placeholders filled from `values`."""
    text = source
    if _current != DEFAULT_LANGUAGE:
        text = _catalogue(_current).get((context, source), source)
    return text.format(**values) if values else text


def message(source: str, /, **values) -> str:
    """A "Messages" string marked with QT_TRANSLATE_NOOP, translated and filled."""
    return translate("Messages", source, **values)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a string for translation where it is defined; translate it where it is shown."""
    return source
