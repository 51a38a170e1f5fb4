"""Qt's own file dialog in the interface's language.

Qt's catalogue (qtbase_zh_CN) lacks a few words of its file dialog; they are translated in
RepDesk's own catalogue under Qt's contexts, which the window loads beside Qt's (ui/app.py):
a Chinese rep meets no "Look in:" or "Folder". The dialogs are made here (not by Qt's
static functions) so that their size, type and date columns are shown whole.
"""

from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView

from app.i18n import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
)


def _dialog(parent, caption: str, directory: str, filter_: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filter_)
    tree = dialog.findChild(QTreeView, "treeView")  # Qt's own dialog (not a native one)
    if tree is not None:
        header = tree.header()  # the size, type and date whole ("715…tes" was cut)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def _chosen(dialog: QFileDialog) -> str:
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def save_file_name(
    parent, caption: str, directory: str, filter_: str, confirm_overwrite: bool = True
) -> str:
    """A file to write ("" when the rep cancels)."""
    dialog = _dialog(parent, caption, directory, filter_)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    return _chosen(dialog)


def open_file_name(parent, caption: str, directory: str, filter_: str) -> str:
    """An existing file to read ("" when the rep cancels)."""
    dialog = _dialog(parent, caption, directory, filter_)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def existing_directory(parent, caption: str, directory: str) -> str:
    """An existing folder ("" when the rep cancels)."""
    dialog = _dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog)
