"""Reading and writing the rep's spreadsheets: CSV in any encoding Excel saves, and XLSX.

CSV encodings are decided the strict way: a UTF-8 BOM, else strict UTF-8, else GB18030
(a superset of GBK, which Chinese Excel writes). A file that is neither CSV nor XLSX is
refused whole.
"""

import codecs
import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.io import vcard
from app.io.fields import MAX_TEXT_CELL, FormulaWithoutValue

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
VCARD_SUFFIXES = (".vcf", ".vcard")


@dataclass
class Table:
    """The rows of a file: the header, then each data row with its line number in the file."""

    header: list[str]
    rows: Iterator[tuple[int, list]]
    encoding: str  # "UTF-8", "UTF-8 (BOM)", "GB18030" or "XLSX"
    total: int | None = None  # data rows, when known before reading them
    closers: list = field(default_factory=list)

    def close(self) -> None:
        for closer in self.closers:
            closer()


def _not_tabular(path: Path) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("Messages", "{path} is not a CSV or XLSX file."), path=path.name
    )


MAX_UNPACKED_XLSX = 200 * 1024 * 1024  # an XLSX that unpacks to more is refused unread
# Other encodings a rep's file may come in: tried, strictly, after UTF-8 and GB18030.
OTHER_ENCODINGS = (("Big5", "cp950"), ("Shift-JIS", "cp932"))


def _gb2312_share(content: str) -> float:
    """The share of the non-ASCII characters that are common Chinese: GB2312's hanzi and
    punctuation. Text in Big5 or Shift-JIS read as GB18030 scores low (rare characters,
    kana, Greek and Cyrillic letters); a Chinese spreadsheet scores near 1."""
    total = common = 0
    for char in content[:20000]:
        if char < "\x80":
            continue
        total += 1
        try:
            lead = char.encode("gb2312")[0]
        except UnicodeEncodeError:
            continue
        common += lead in (0xA1, 0xA3) or 0xB0 <= lead <= 0xF7
    return common / total if total else 1.0


def _cjk_share(content: str) -> float:
    """The share of the non-ASCII characters that are CJK ideographs, kana or full-width."""
    total = cjk = 0
    for char in content[:20000]:
        if char < "\x80":
            continue
        total += 1
        cjk += "\u3000" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff" or char >= "\uff00"
    return cjk / total if total else 1.0


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    try:
        return data.decode("utf-8", errors="strict"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        content = data.decode("gb18030", errors="strict")
    except UnicodeDecodeError:
        content = None
    if content is not None and _gb2312_share(content) >= 0.8:
        return content, "GB18030"
    for name, codec in OTHER_ENCODINGS:
        try:
            other = data.decode(codec, errors="strict")
        except UnicodeDecodeError:
            continue
        if _cjk_share(other) >= 0.9:
            return other, name
    if content is not None:  # GB18030 with many rare characters: still GB18030
        return content, "GB18030"
    from charset_normalizer import from_bytes  # only a file we cannot read pays for it

    guess = from_bytes(data[:65536]).best()
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "{path} is text in {encoding}, which is not UTF-8, GBK/GB18030, Big5 or Shift-JIS; "
            "save it as CSV UTF-8 or XLSX.",
        ),
        path=path.name,
        encoding=guess.encoding if guess else "an unknown encoding",
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte order mark: the zero bytes of its ASCII show which order."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = "utf-16-le" if odd > 4 * max(even, 1) else "utf-16-be" if even > 4 * max(odd, 1) else ""
    if not codec or len(data) % 2:
        return None
    try:
        return data.decode(codec, errors="strict")
    except UnicodeDecodeError:
        return None


def _csv_rows(content: str, path: Path) -> Iterator[tuple[int, list]]:
    """Records with the file line they start on (a quoted cell may span lines).

    A quote left open (it would swallow every following line into one cell) or text after
    a closing quote is refused with the line where the broken record starts."""
    sample = content[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    if csv.field_size_limit() < 4 * MAX_TEXT_CELL:
        csv.field_size_limit(4 * MAX_TEXT_CELL)  # longer cells are rejected row by row
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    previous_end = 0
    try:
        for record in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            yield start, record
    except csv.Error as exc:
        if "field larger" in str(exc):
            reason = QT_TRANSLATE_NOOP(
                "Messages",
                "{path}: line {line} has a cell of more than {limit} characters.",
            )
        else:
            reason = QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is not valid CSV: the cell starting on line {line} has an "
                "unbalanced quote.",
            )
        raise UserError(
            reason, path=path.name, line=previous_end + 1, limit=f"{4 * MAX_TEXT_CELL:,}"
        ) from None


def read_table(path: Path) -> Table:
    """Open a CSV or XLSX file for import; raises UserError for anything else."""
    path = Path(path)
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} does not exist."), path=path)
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(8)
    if suffix == ".xls" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages", "{path} is an old Excel .xls file; save it as .xlsx or CSV first."
            ),
            path=path.name,
        )
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path)
    if suffix in XLSX_SUFFIXES:
        raise _not_tabular(path)
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            content, encoding = data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise _not_tabular(path) from None
    elif b"\x00" in data[:65536]:
        content, encoding = _utf16_without_bom(data), "UTF-16"
        if content is None:
            raise _not_tabular(path)
    else:
        content, encoding = _decode(data, path)
    if content.startswith("%PDF") or content.lstrip().startswith(("<html", "<!DOCTYPE", "{")):
        raise _not_tabular(path)
    if suffix in VCARD_SUFFIXES or vcard.looks_like_vcard(content):
        return Table(
            header=list(vcard.HEADER),
            rows=vcard.rows(content),
            encoding="vCard",
            total=sum(1 for _ in vcard.split_cards(content)),
        )
    rows = _csv_rows(content, path)
    header = _first_header(rows, path)
    # Line ends minus the header's: exact unless a quoted cell spans lines (progress only).
    total = max(content.count("\n") - (0 if content.endswith("\n") else -1) - 1, 0)
    return Table(header=header, rows=rows, encoding=encoding, total=total)


def _first_header(rows: Iterator[tuple[int, list]], path: Path) -> list[str]:
    for _line, record in rows:
        if any(cell is not None and str(cell).strip() for cell in record):
            return ["" if cell is None else str(cell).strip() for cell in record]
    raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} is empty."), path=path.name)


def _inspect_xlsx(path: Path) -> bool:
    """Refuse a zip bomb or XML with entity declarations before openpyxl reads anything;
    returns whether any worksheet holds a formula."""
    too_big = UserError(
        QT_TRANSLATE_NOOP(
            "Messages", "{path} unpacks to more than {limit} MB; it is refused unread."
        ),
        path=path.name,
        limit=MAX_UNPACKED_XLSX // (1024 * 1024),
    )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            # The sizes the archive declares bound what unpacking them yields (zipfile
            # stops at the declared size), so their sum is checked first.
            if sum(member.file_size for member in members) > MAX_UNPACKED_XLSX:
                raise too_big
            formulas = False
            for member in members:
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                with archive.open(member) as handle:
                    head = handle.read(2048)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise _not_tabular(path)
                    if formulas or not member.filename.startswith("xl/worksheets/"):
                        continue
                    tail = b""
                    chunk = head
                    while chunk:
                        if b"<f>" in tail + chunk or b"<f " in tail + chunk:
                            formulas = True
                            break
                        tail = chunk[-4:]
                        chunk = handle.read(1 << 20)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise _not_tabular(path) from exc
    return formulas


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # imported here: only an XLSX import or export pays for it

    formulas = _inspect_xlsx(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        written = (
            openpyxl.load_workbook(path, read_only=True, data_only=False) if formulas else None
        )
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _not_tabular(path) from exc
    sheet = workbook.worksheets[0]
    total = sheet.max_row

    def rows():
        if written is None:
            for number, record in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(record)
            return
        pairs = zip(
            sheet.iter_rows(values_only=True),
            written.worksheets[0].iter_rows(values_only=True),
            strict=False,
        )
        for number, (record, source) in enumerate(pairs, start=1):
            cells = list(record)
            for index, value in enumerate(cells):
                if value is None and index < len(source):
                    formula = source[index]
                    if isinstance(formula, str) and formula.startswith("="):
                        cells[index] = FormulaWithoutValue(formula)
            yield number, cells

    closers = [workbook.close] + ([written.close] if written is not None else [])
    iterator = rows()
    try:
        header = _first_header(iterator, path)
    except UserError:
        for closer in closers:
            closer()
        raise
    return Table(
        header=header,
        rows=iterator,
        encoding="XLSX",
        total=None if total is None else max(total - 1, 0),
        closers=closers,
    )


def write_csv(path: Path, header: Sequence[str], rows: Iterator[Sequence[str]]) -> int:
    """UTF-8 with BOM (Excel opens it as Unicode), every cell quoted, CRLF line ends.

    Writes `path` directly: callers put it in place through `app.output.write_output`."""
    count = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


MONEY_FORMAT = '"¥"#,##0.00'  # yuan as a number cell, shown ¥1,234.50
DATE_FORMAT = "yyyy-mm-dd"
WIDTH_SAMPLE = 500  # rows the column widths are measured on
MAX_WIDTH = 60


def _width(value) -> int:
    """Characters a value takes in a cell, a Chinese (wide) character counting two."""
    if value is None:
        return 0
    if isinstance(value, float | int) and not isinstance(value, bool):
        return len(f"{value:,.2f}") + 1
    if hasattr(value, "isoformat"):
        return 10
    text_value = str(value).split("\n", 1)[0]
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text_value)


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterator[Sequence],
    formats: Sequence[str | None] | None = None,
) -> int:
    """One sheet as a rep would lay it out: a bold header row that stays in view, columns as
    wide as their content, `formats` per column (money as a number shown in ¥, dates as
    dates shown YYYY-MM-DD). Text cells are always text, never a formula, with no `'`.

    Writes `path` directly: callers put it in place through `app.output.write_output`."""
    import datetime
    from itertools import chain, islice

    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    formats = list(formats or [None] * len(header))
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.freeze_panes = "A2"
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))  # widths are set before the first row
    for index, title in enumerate(header):
        widest = max([_width(title), *(_width(row[index]) for row in sample)])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(widest + 2, MAX_WIDTH)
    bold = Font(bold=True)
    head = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=title)
        cell.data_type, cell.font = "s", bold
        head.append(cell)
    sheet.append(head)
    count = 0
    for row in chain(sample, rows):
        cells = []
        for value, number_format in zip(row, formats, strict=False):
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            elif isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
            elif number_format and value is not None:
                cell.number_format = number_format
            cells.append(cell)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count
