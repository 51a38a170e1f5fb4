"""Cell values in and out: how each type of column is parsed on import and written on export.

A parser takes the cell as read (text from CSV; text, number, date or bool from XLSX) and
returns the stored value or raises CellError with an English reason marked for translation.
A formatter returns the canonical value for export: ISO dates, plain numbers with `.`
decimals, `yes`/`no`, English kind words.
"""

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from operator import itemgetter

from app.i18n import QT_TRANSLATE_NOOP
from app.money import FEN_PER_YUAN


class CellError(ValueError):
    """A cell that cannot be stored; `reason` is an English source string, `values` fill it."""

    def __init__(self, reason: str, **values):
        super().__init__(reason)
        self.reason = reason
        self.values = values


REQUIRED = QT_TRANSLATE_NOOP("Messages", "required")
NOT_A_DATE = QT_TRANSLATE_NOOP("Messages", "not a date")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Messages", "not a number")
NEGATIVE = QT_TRANSLATE_NOOP("Messages", "must not be negative")
TOO_MANY_DECIMALS = QT_TRANSLATE_NOOP("Messages", "more than two decimals")
NOT_WHOLE = QT_TRANSLATE_NOOP("Messages", "not a whole number")
NOT_YES_NO = QT_TRANSLATE_NOOP("Messages", "not yes or no")
NOT_A_MONTH = QT_TRANSLATE_NOOP("Messages", "not a month (YYYY-MM)")
NOT_A_RATE = QT_TRANSLATE_NOOP("Messages", "not a rate between 0 and 1 (or 0% and 100%)")
NOT_POSITIVE = QT_TRANSLATE_NOOP("Messages", "must be greater than zero")
UNKNOWN_WORD = QT_TRANSLATE_NOOP("Messages", "unknown value {value}; use one of {choices}")
UNKNOWN_CUSTOMER = QT_TRANSLATE_NOOP("Messages", "no customer of this name")
UNKNOWN_LEAD = QT_TRANSLATE_NOOP("Messages", "no lead of this name")
AMBIGUOUS_CUSTOMER = QT_TRANSLATE_NOOP(
    "Messages", "several customers have this name (File → Find duplicates… merges them)"
)
AMBIGUOUS_LEAD = QT_TRANSLATE_NOOP(
    "Messages", "several leads have this name (File → Find duplicates… merges them)"
)
NOT_A_BIRTHDAY = QT_TRANSLATE_NOOP("Messages", "not a birthday (YYYY-MM-DD or MM-DD)")
AMBIGUOUS_COMMA = QT_TRANSLATE_NOOP(
    "Messages", "ambiguous comma (not a thousands separator); write 12.50 or 1250"
)
TOO_LARGE_AMOUNT = QT_TRANSLATE_NOOP("Messages", "more than ¥1,000,000,000")
TOO_LARGE_NUMBER = QT_TRANSLATE_NOOP("Messages", "more than 1,000,000,000")
NOT_FINITE = QT_TRANSLATE_NOOP("Messages", "not a finite number")
TOO_LONG = QT_TRANSLATE_NOOP("Messages", "longer than {limit} characters")
FORMULA_WITHOUT_VALUE = QT_TRANSLATE_NOOP("Messages", "formula without a value")

MAX_TEXT_CELL = 100_000  # characters a text cell holds; longer ones reject their row
MAX_YUAN = 1_000_000_000  # an amount above ¥1,000,000,000 is a typing error
MAX_FEN = MAX_YUAN * FEN_PER_YUAN
MAX_COUNT = 1_000_000_000
UNITS = {"万": 10_000, "亿": 100_000_000}
THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


class Refused:
    """A cell the reader already knows cannot be stored: its row is rejected for `reason`."""

    reason = ""

    def __init__(self, reason: str = ""):
        self.reason = reason or self.reason

    def __str__(self) -> str:
        return ""  # shown and written back blank

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.reason!r})"


class FormulaWithoutValue(Refused):
    """An XLSX cell holding a formula but no value computed by a spreadsheet (a file
    written by a program and never opened in Excel or WPS): its row is rejected. The
    formula itself is never passed on."""

    def __init__(self, formula: str):
        super().__init__(FORMULA_WITHOUT_VALUE)
        self.formula = formula


YES = {"yes", "是", "true", "y", "1"}
NO = {"no", "否", "false", "n", "0"}
YES_OR_NO = YES | NO
LIST_SEPARATORS = re.compile(r"[;,，、；]")
DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
)
BIRTHDAY_PATTERNS = DATE_PATTERNS + (
    re.compile(r"^()(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^()(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^()(\d{1,2})月(\d{1,2})日$"),
)
# OWASP CSV injection: a cell beginning with one of these is a formula to a spreadsheet.
# A line feed is quoted too: XLSX turns a leading carriage return into one.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_blank(value) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


def is_blank_row(cells: list) -> bool:
    try:
        return not "".join(cells).strip()  # every CSV row: the quick way
    except TypeError:  # XLSX: numbers, dates, None
        return all(is_blank(cell) for cell in cells)


def without_blank_rows(records: list[tuple[int, list]]) -> list[tuple[int, list]]:
    """The records (line, cells) that are not blank rows."""
    try:  # every row's first cell filled (CSV): no blank row
        if "" not in map(str.strip, map(itemgetter(0), map(itemgetter(1), records))):
            return records
    except (IndexError, TypeError):  # an empty line; XLSX: numbers, dates, None
        pass
    try:
        return [record for record in records if "".join(record[1]).strip()]  # CSV: quick
    except TypeError:  # XLSX: numbers, dates, None
        return [record for record in records if not is_blank_row(record[1])]


def text(value) -> str:
    """A text cell, with a spreadsheet-safety quote from our own export taken off again."""
    if value.__class__ is str:  # every CSV cell: the quick way
        if len(value) > MAX_TEXT_CELL:
            raise CellError(TOO_LONG, limit=f"{MAX_TEXT_CELL:,}")
        return unneutralise(value.strip())
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed into Excel comes back as 13800001111.0
    if isinstance(value, datetime | date):
        value = value.strftime("%Y-%m-%d")
    result = str(value).strip()
    if len(result) > MAX_TEXT_CELL:
        raise CellError(TOO_LONG, limit=f"{MAX_TEXT_CELL:,}")
    return unneutralise(result)


def neutralise(value: str) -> str:
    """Prefix `'` to a cell a spreadsheet would run as a formula (or that starts with `'`)."""
    if value.startswith("'") or value.lstrip(' "').startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """Undo neutralise(): exactly one added quote is removed, nothing else is touched."""
    if value.startswith("'") and (
        value[1:2] == "'" or value[1:].lstrip(' "').startswith(FORMULA_TRIGGERS)
    ):
        return value[1:]
    return value


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    cleaned = str(value).strip()
    if len(cleaned) == 10 and cleaned[4] == "-" and cleaned[7] == "-":
        try:  # YYYY-MM-DD, the usual spelling, parsed in C
            return date.fromisoformat(cleaned)
        except ValueError:
            pass  # e.g. 2026-13-01: the patterns below say what is wrong
    for pattern in DATE_PATTERNS:
        match = pattern.match(cleaned)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                break
    raise CellError(NOT_A_DATE)


def format_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def parse_birthday(value) -> str:
    """A birthday as the rep knows it: `YYYY-MM-DD` or `MM-DD`, month 1–12 and day 1–31.

    Whether it is a real solar date is checked with the lunar flag, row by row.
    """
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    cleaned = str(value).strip()
    for pattern in BIRTHDAY_PATTERNS:
        match = pattern.match(cleaned)
        if match:
            year, month, day = match.groups()
            if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
                month_day = f"{int(month):02d}-{int(day):02d}"
                return f"{year}-{month_day}" if year else month_day
    raise CellError(NOT_A_BIRTHDAY)


def _decimal(value) -> Decimal:
    """A number as a rep writes it: full-width digits, `,` only as a thousands separator."""
    if isinstance(value, bool):
        raise CellError(NOT_A_NUMBER)
    if isinstance(value, int | float):
        number = Decimal(repr(value))
        if not number.is_finite():
            raise CellError(NOT_FINITE)
        return number
    cleaned = unicodedata.normalize("NFKC", str(value)).replace(" ", "").strip()
    if "," in cleaned:
        if not THOUSANDS.match(cleaned):
            raise CellError(AMBIGUOUS_COMMA)  # 12,50 or 1,2,3: never guessed
        cleaned = cleaned.replace(",", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise CellError(NOT_A_NUMBER) from None
    if not number.is_finite():
        raise CellError(NOT_FINITE)
    return number


def parse_money(value) -> int:
    """Yuan with up to 2 decimals → fen: with or without ¥/￥, thousands separators or 元,
    in 万 or 亿 (`8000万`, `3.5亿`, `1.2万元`), full-width digits; at most ¥1,000,000,000."""
    unit = 1
    if isinstance(value, str):
        value = unicodedata.normalize("NFKC", value).strip().lstrip("¥").strip()
        value = value.removesuffix("元").strip()
        if value[-1:] in UNITS:
            unit = UNITS[value[-1]]
            value = value[:-1]
    amount = _decimal(value)
    if abs(amount) > MAX_YUAN:  # before scaling: 1e999999 must not be multiplied out
        raise CellError(TOO_LARGE_AMOUNT)
    fen = amount * unit * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise CellError(TOO_MANY_DECIMALS)
    if fen < 0:
        raise CellError(NEGATIVE)
    if fen > MAX_FEN:
        raise CellError(TOO_LARGE_AMOUNT)
    return int(fen)


def format_money(fen: int | None) -> str:
    if fen is None:
        return ""
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    return str(yuan) if cents == 0 else f"{yuan}.{cents:02d}"


def money_cell(fen: int | None):
    """Money for an XLSX cell: a number (exact in binary floating point to the fen)."""
    if fen is None:
        return None
    return fen // FEN_PER_YUAN if fen % FEN_PER_YUAN == 0 else float(Decimal(fen) / 100)


def parse_count(value) -> int:
    number = _decimal(value)
    if abs(number) > MAX_COUNT:
        raise CellError(TOO_LARGE_NUMBER)
    if number != number.to_integral_value():
        raise CellError(NOT_WHOLE)
    if number < 0:
        raise CellError(NEGATIVE)
    return int(number)


def parse_positive_money(value) -> int:
    fen = parse_money(value)
    if fen == 0:
        raise CellError(NOT_POSITIVE)
    return fen


def parse_factor(value) -> Decimal:
    number = _decimal(value)
    if number <= 0:
        raise CellError(NOT_POSITIVE)
    if number > MAX_COUNT:
        raise CellError(TOO_LARGE_NUMBER)
    return number.normalize() if number == number.to_integral_value() else number


def parse_rate(value) -> Decimal:
    """0.125 or 12.5% → Decimal('0.125'); must lie in (0, 1]."""
    percent = isinstance(value, str) and value.strip().endswith(("%", "％"))
    if percent:
        value = value.strip()[:-1]
    rate = _decimal(value)
    if percent:
        rate = rate / 100
    if not rate.is_finite() or rate <= 0 or rate > 1:
        raise CellError(NOT_A_RATE)
    return rate.normalize()


def format_decimal(value: Decimal | None) -> str:
    if value is None:
        return ""
    text_value = format(value.normalize(), "f")
    return text_value


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    cleaned = str(value).strip().lower()
    if cleaned in YES:
        return True
    if cleaned in NO:
        return False
    raise CellError(NOT_YES_NO)


def format_bool(value: bool) -> str:
    return "yes" if value else "no"


def parse_month(value) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m")
    cleaned = str(value).strip()
    match = re.match(r"^(\d{4})(?:-|/|年)(\d{1,2})月?$", cleaned)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    raise CellError(NOT_A_MONTH)


def parse_tags(value) -> list[str]:
    seen = []
    for part in LIST_SEPARATORS.split(text(value)):
        tag = part.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def format_tags(tags: list[str]) -> str:
    return ";".join(tags)


def word_parser(words: dict[str, object]):
    """A parser for a closed set of words (either language, any case) → canonical value."""
    lookup = {str(key).strip().lower(): canonical for key, canonical in words.items()}
    choices = " / ".join(dict.fromkeys(str(key) for key in words))

    def parse(value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        key = str(value).strip().lower()
        if key in lookup:
            return lookup[key]
        raise CellError(UNKNOWN_WORD, value=str(value).strip(), choices=choices)

    parse.quick = quick_words(lookup)
    return parse


# -- a column of cells at once -----------------------------------------------------------------
#
# A big import spends its time in per-cell calls, so each common type has a quick path that
# reads a whole column with one comprehension. It gives exactly what the cell-by-cell parser
# gives, for the usual spellings only (CSV text, ISO dates, whole numbers, the listed words);
# any other cell raises, and the column takes the cell-by-cell path instead.

MISSING = object()  # the "blank" of a required column: a blank cell is a problem


class _Slow(Exception):
    """A cell the quick path leaves to the cell-by-cell parser."""


def _blank_or_slow(cell, blank):
    if cell == "" and blank is not MISSING:
        return blank
    raise _Slow


def quick_text(cells: list, blank) -> list:
    if max(map(len, cells), default=0) > MAX_TEXT_CELL:
        raise _Slow
    values = list(map(str.strip, cells))
    if blank != "" and "" in values:
        raise _Slow
    if "\n'" not in "\n".join(["", *values]):  # no cell starts with a quote: nothing to undo
        return values
    return [unneutralise(value) if value.startswith("'") else value for value in values]


def quick_date(cells: list, blank) -> list:
    iso = date.fromisoformat
    days = {  # each spelling read once: a column of dates holds few different days
        cell: iso(cell)
        if len(cell) == 10 and cell[4] == "-" == cell[7]
        else _blank_or_slow(cell, blank)
        for cell in set(cells)
    }
    return list(map(days.__getitem__, cells))


def quick_money(cells: list, blank) -> list:
    return [
        int(cell) * FEN_PER_YUAN
        if len(cell) <= 9 and cell.isdigit()
        else _blank_or_slow(cell, blank)
        for cell in cells
    ]


def quick_count(cells: list, blank) -> list:
    return [
        int(cell) if len(cell) <= 9 and cell.isdigit() else _blank_or_slow(cell, blank)
        for cell in cells
    ]


def quick_bool(cells: list, blank) -> list:
    return [
        cell.lower() in YES if cell.lower() in YES_OR_NO else _blank_or_slow(cell, blank)
        for cell in cells
    ]


def quick_tags(cells: list, blank) -> list:
    if blank is MISSING or "".join(cells).strip():  # a cell with a tag in it
        raise _Slow
    return [[] for _ in cells]


def quick_words(lookup: dict):
    def quick(cells: list, blank) -> list:
        values = {  # each spelling looked up once: a column of words holds a few
            cell: lookup[cell.lower()] if cell else _blank_or_slow(cell, blank)
            for cell in set(cells)
        }
        return list(map(values.__getitem__, cells))

    return quick


def parse_column(cells: list, parse, quick, blank) -> tuple[list, dict[int, tuple[str, dict]]]:
    """Each cell's value, and the problems by position. `blank` is what a blank cell stands
    for, or MISSING when the column is required."""
    if quick is not None:
        try:
            return quick(cells, blank), {}
        except (_Slow, ValueError, TypeError, AttributeError, KeyError):
            pass
    values, problems = [], {}
    for position, cell in enumerate(cells):
        if isinstance(cell, Refused):
            problems[position] = (cell.reason, {})
            values.append(None)
            continue
        if is_blank(cell):
            if blank is MISSING:
                problems[position] = (REQUIRED, {})
            values.append(None if blank is MISSING else blank)
            continue
        try:
            values.append(parse(cell))
        except CellError as error:
            problems[position] = (error.reason, error.values)
            values.append(None)
    return values, problems
