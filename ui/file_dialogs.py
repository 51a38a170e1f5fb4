"""Qt's own file dialog in the interface's language.

Qt's catalogue (qtbase_zh_CN) lacks a few words of its file dialog; they are translated in
RepDesk's own catalogue under Qt's contexts, which the window loads beside Qt's (ui/app.py):
a Chinese rep meets no "Look in:" or "Folder".
"""

from app.i18n import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
)
