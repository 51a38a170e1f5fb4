"""What a rep reads on screen, gathered widget by widget, and the words of the other language
left in it once the data (names, notes, anything stored in the database) is taken out.

Used by tests/ui/test_one_language.py; see docs/one-language.md.
"""

import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
WORD = re.compile(r"[A-Za-z][A-Za-z]+")
TAG = re.compile(r"<[^>]+>")
FILE_NAME = re.compile(r"[^\s（）()]*[/\\.][^\s（）()]*[A-Za-z][^\s（）()]*")  # paths, names.ext
# a persona's conditions, in the query syntax the rep types (docs/reference.md, `persona`):
# field names and money as in import cells are the syntax's own, like a file's column names
PERSONA_TERMS = re.compile(r"(?<![A-Za-z_])[a-z_]+(?:>=|<=|=)[^;\s]*;?")
WEEK_CODE = re.compile(r"\bW\d{1,2}\b")  # 2026-W46 is W46 in English, 第46周 in Chinese
# Each language's name in its own language, in View → Language.
LANGUAGE_NAMES = {("menu", "English"), ("menu", "中文")}
# The file dialog's lists show the rep's files and folders: data.
FILE_VIEWS = {"treeView", "listView", "sidebar", "lookInCombo", "fileNameEdit"}
# Terms a Chinese rep reads as they are: file formats, the guide's method names, the app's
# name, keys on the keyboard, units.
ALLOWED_IN_CHINESE = {
    "PDF",
    "ROI",
    "SWOT",
    "PDCA",
    "SMART",
    "CSV",
    "XLSX",
    "TXT",
    "VCF",
    "vCard",
    "Excel",
    "RepDesk",
    "Ctrl",
    "Alt",
    "Shift",
    "Del",
    "Tab",
    "Esc",
    "pt",
    "UTF",
    "GBK",
    "GB",
    "MB",
    "KB",
    "YYYY",
    "MM",
    "DD",
    "PostgreSQL",
    "SQLite",
    "KiB",
    "MiB",
    "GiB",
    "bytes",  # QLocale.system()'s unit: the system's language, not the interface's
}


def data_strings(db_path: Path) -> list[str]:
    """Every text stored in the database (longest first): the rep's data, not the interface."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        values = set()
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            for column in connection.execute(f'PRAGMA table_info("{table}")'):
                name = column[1]
                for (value,) in connection.execute(
                    f'SELECT DISTINCT "{name}" FROM "{table}" WHERE typeof("{name}") = \'text\''
                ):
                    if len(value) >= 2:
                        values.add(value)
                        values.update(line for line in value.splitlines() if len(line) >= 2)
    finally:
        connection.close()
    return sorted(values, key=len, reverse=True)


def _item_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    root = view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model: one column, and no public columnCount
        columns = 1
    texts = []
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header:
            texts.append(str(header))
    for row in range(min(model.rowCount(root), 40)):
        for column in range(columns):
            value = model.data(model.index(row, column, root))
            if isinstance(value, str):
                texts.append(value)
    return texts


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what `root` shows now: labels, buttons, headers, cells, choices."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        parent = widget.parentWidget()
        if parent is not None and parent.objectName() in FILE_VIEWS:
            continue  # a file list's header: read with its list below
        if widget.objectName() in FILE_VIEWS:
            if isinstance(widget, QAbstractItemView):  # the headers, and the type column
                model = widget.model()
                texts = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
                texts += [
                    model.data(model.index(r, c, widget.rootIndex()))
                    for r in range(model.rowCount(widget.rootIndex()))
                    for c in (1, 2)
                ]
                found.extend((where, text) for text in texts if isinstance(text, str))
            continue
        texts = []
        if isinstance(widget, QLabel):
            texts.append(TAG.sub(" ", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QComboBox):
            if not widget.isEditable():
                texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
            if widget.isReadOnly():
                texts.append(widget.toPlainText())
        elif isinstance(widget, QMenu):
            texts.extend(action.text() for action in widget.actions())
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(min(widget.count(), 40)))
        elif isinstance(widget, QAbstractItemView):
            texts.extend(_item_texts(widget))
        found.extend((where, text) for text in texts if text)
    return found


def other_language(texts, language: str, data: list[str]) -> list[tuple[str, str]]:
    """The (where, text) whose interface words are in the other language."""
    wrong = []
    for where, text in texts:
        if (where, text) in LANGUAGE_NAMES:
            continue
        rest = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        for value in data:
            if value in rest:
                rest = rest.replace(value, " ")
        rest = FILE_NAME.sub(" ", rest)
        rest = PERSONA_TERMS.sub(" ", rest)
        if language == "en":
            # a run of Chinese found inside a stored text is data too (a short name)
            # (of two characters at least: 万 alone is a word of the interface, not a name)
            runs = [
                run
                for run in CJK_RUN.findall(rest)
                if not (len(run) >= 2 and any(run in value for value in data))
            ]
            if runs:
                wrong.append((where, f"{text}  [{' '.join(runs)}]"))
        else:
            words = [w for w in WORD.findall(rest) if w not in ALLOWED_IN_CHINESE]
            words += WEEK_CODE.findall(rest)
            if words:
                wrong.append((where, f"{text}  [{' '.join(words)}]"))
    return sorted(set(wrong))
