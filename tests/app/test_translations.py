"""Every interface string has a Chinese translation with the same placeholders."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from app import i18n
from tests.conftest import ROOT

TS = ROOT / "resources" / "translations" / "repdesk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%\d")
MNEMONIC = re.compile(r"(?<!&)&[^&\s]")


def _messages(path=TS):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_zh_cn_string_is_translated_with_the_same_placeholders():
    problems = []
    for context, message in _messages():
        source = message.findtext("source")
        translation = message.find("translation")
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not text:
            problems.append(f"{context}: untranslated: {source!r}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: placeholders differ: {source!r} → {text!r}")
        elif bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(text)):
            problems.append(f"{context}: mnemonic differs: {source!r} → {text!r}")
    assert problems == []


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate") is None
    and not (ROOT / ".venv" / "bin" / "pyside6-lupdate").exists(),
    reason="Qt Linguist tools missing",
)
def test_the_catalogue_holds_every_string_of_the_code(tmp_path):
    """lupdate on the sources finds nothing that the committed .ts lacks."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    lupdate = shutil.which("pyside6-lupdate") or str(ROOT / ".venv" / "bin" / "pyside6-lupdate")
    sources = [
        str(p)
        for p in [ROOT / "main.py", *(ROOT / "app").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    ]
    subprocess.run(
        [lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    fresh = {(c, m.findtext("source")) for c, m in _messages(copy)}
    committed = {(c, m.findtext("source")) for c, m in _messages()}
    assert fresh - committed == set(), "run resources/translations/update.py and translate"
    assert committed - fresh == set(), "strings no longer in the code: run update.py"


def test_the_compiled_catalogue_is_there_and_current():
    qm = TS.with_suffix(".qm")
    assert qm.exists()
    assert qm.stat().st_size > 1000


def test_the_core_translates_from_the_same_catalogue():
    i18n.set_language("zh_CN")
    try:
        assert i18n.translate("Labels", "Important & urgent") == "重要紧急"
        assert i18n.message("{path} does not exist.", path="a.csv") == "a.csv 不存在。"
    finally:
        i18n.set_language("en")
    assert i18n.message("{path} does not exist.", path="a.csv") == "a.csv does not exist."


@pytest.mark.parametrize(
    "name, expected",
    [
        ("zh_CN", "zh_CN"),
        ("zh_TW.UTF-8", "zh_CN"),
        ("zh-Hans", "zh_CN"),
        ("Chinese (Simplified)_China", "zh_CN"),
        ("en_US", "en"),
        ("de_DE", "en"),
        (None, "en"),
    ],
)
def test_any_zh_locale_means_chinese(name, expected):
    assert i18n.normalize_language(name) == expected


def test_sys_path_sanity():
    assert sys.version_info >= (3, 11)
