"""Errors a user can cause and must be told about in one clear, translated line."""

from app.i18n import translate


class UserError(Exception):
    """A problem the user can fix; `str()` is the message in the current language.

    `source` is an English string marked with QT_TRANSLATE_NOOP("Messages", …) where it is
    raised, so the catalogue holds its translation.
    """

    exit_code = 2

    def __init__(self, source: str, **values):
        super().__init__(source)
        self.source = source
        self.values = values

    def __str__(self) -> str:
        return translate("Messages", self.source, **self.values)
