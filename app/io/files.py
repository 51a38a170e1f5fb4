"""Reading and writing the rep's spreadsheets: CSV in any encoding Excel saves, and XLSX.

CSV encodings are decided the strict way: a UTF-8 BOM, else strict UTF-8, else GB18030
(a superset of GBK, which Chinese Excel writes). A file that is neither CSV nor XLSX is
refused whole.
"""

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


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


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    try:
        return data.decode("utf-8", errors="strict"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030", errors="strict"), "GB18030"
    except UnicodeDecodeError:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8 or XLSX.",
            ),
            path=path.name,
        ) from None


def _csv_rows(content: str) -> Iterator[tuple[int, list]]:
    """Records with the file line they start on (a quoted cell may span lines)."""
    sample = content[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    previous_end = 0
    for record in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        yield start, record


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
    if b"\x00" in data[:65536] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _not_tabular(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        content, encoding = data.decode("utf-16"), "UTF-16"
    else:
        content, encoding = _decode(data, path)
    if content.startswith("%PDF") or content.lstrip().startswith(("<html", "<!DOCTYPE", "{")):
        raise _not_tabular(path)
    rows = _csv_rows(content)
    header = _first_header(rows, path)
    # Line ends minus the header's: exact unless a quoted cell spans lines (progress only).
    total = max(content.count("\n") - (0 if content.endswith("\n") else -1) - 1, 0)
    return Table(header=header, rows=rows, encoding=encoding, total=total)


def _first_header(rows: Iterator[tuple[int, list]], path: Path) -> list[str]:
    for _line, record in rows:
        if any(cell is not None and str(cell).strip() for cell in record):
            return ["" if cell is None else str(cell).strip() for cell in record]
    raise UserError(QT_TRANSLATE_NOOP("Messages", "{path} is empty."), path=path.name)


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # imported here: only an XLSX import or export pays for it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _not_tabular(path) from exc
    sheet = workbook.worksheets[0]
    total = sheet.max_row

    def rows():
        for number, record in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(record)

    iterator = rows()
    try:
        header = _first_header(iterator, path)
    except UserError:
        workbook.close()
        raise
    return Table(
        header=header,
        rows=iterator,
        encoding="XLSX",
        total=None if total is None else max(total - 1, 0),
        closers=[workbook.close],
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


def write_xlsx(path: Path, header: Sequence[str], rows: Iterator[Sequence]) -> int:
    """One sheet; text cells are always text (never a formula), numbers and dates typed.

    Writes `path` directly: callers put it in place through `app.output.write_output`."""
    import datetime

    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(header)
    count = 0
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            elif isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count
