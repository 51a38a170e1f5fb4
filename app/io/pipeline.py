"""The one import pipeline (read → map → check → write) and export, for every caller.

The command line, the import wizard and the tests all go through `plan_import` and
`run_import`. The valid rows of a file are written in one transaction, all or none; an
import is a batch that `undo_batch` takes back whole.
"""

import gc
import json
import unicodedata
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from operator import itemgetter
from pathlib import Path

from app import db, output
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, current_language, message, translate
from app.io import fields as f
from app.io import vcard
from app.io.files import MONEY_FORMAT, Table, read_table, write_csv, write_xlsx
from app.io.kinds import (
    CONTACT_OF,
    KINDS,
    Checked,
    Col,
    Kind,
    Lookup,
    _set_tags,
    _tags_of,
    _Upserting,
)
from app.models import Contact, ImportBatch, ImportChange, database

DUPLICATE = QT_TRANSLATE_NOOP("Messages", "duplicate of line {line}")
TEXT_TYPES = ("text", "tags", "birthday", "month")
XLSX_CELL_LIMIT = 32_767  # characters Excel holds in a cell
CHECK_CHUNK = 2000  # rows checked and written at a time (keeps memory flat on big files)
BULK_ROWS = 5000  # a file this long, and longer than its table, has the indexes built after


class Cancelled(Exception):
    """The user cancelled an import; nothing was written."""


def _kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "Unknown kind {kind}; use one of {kinds}."),
            kind=name,
            kinds=", ".join(KINDS),
        ) from None


def column_title(column: Col) -> str:
    """A column's name in the interface language (its header on export, in messages)."""
    return column.zh if current_language() == "zh_CN" else column.key


def _normalise_header(text: str) -> str:
    cleaned = unicodedata.normalize("NFKC", text).strip().lstrip("\ufeff").lower()
    return "_".join(cleaned.replace("-", " ").replace("_", " ").split())


def _header_names(kind: Kind) -> dict[str, tuple[str, int]]:
    """Each header spelling → (field key, rank): 0 the column's own English or Chinese
    name (or a preferred spelling, e.g. a mobile phone header), 1 a synonym. A synonym two
    columns could claim goes to the first (an activity's `公司名称` is its customer)."""
    names: dict[str, tuple[str, int]] = {}
    for column in kind.columns:
        names[_normalise_header(column.key)] = (column.key, 0)
        names[_normalise_header(column.zh)] = (column.key, 0)
    for column in kind.columns:
        for synonym in column.synonyms:
            rank = 0 if synonym in column.preferred else 1
            names.setdefault(_normalise_header(synonym), (column.key, rank))
    return names


def map_header(kind: Kind, header: list[str]) -> dict[int, str]:
    """Which file column holds which field: English or Chinese header or a synonym, any
    order and case. Where several columns name one field, the best named is used (a preferred
    spelling — a mobile phone column over a landline one —, then the field's own name over a
    synonym); the others are left out (reported as ignored). Equally good ones are all kept:
    the caller refuses them."""
    names = _header_names(kind)
    found = [
        (index, *names[_normalise_header(cell)])
        for index, cell in enumerate(header)
        if _normalise_header(cell) in names
    ]
    for column in kind.columns:  # a preferred spelling beats any other of its column
        preferred = {_normalise_header(word) for word in column.preferred}
        if any(_normalise_header(header[i]) in preferred for i, k, _ in found if k == column.key):
            found = [
                (i, k, 0 if _normalise_header(header[i]) in preferred else 1)
                if k == column.key
                else (i, k, rank)
                for i, k, rank in found
            ]
    best: dict[str, int] = {}
    for _, key, rank in found:
        best[key] = min(rank, best.get(key, rank))
    return {index: key for index, key, rank in found if rank == best[key]}


@dataclass
class RowError:
    line: int
    problems: list[tuple[str, str, dict]]  # (column key, English reason, values)
    cells: list

    def text(self, kind: Kind) -> str:
        """`line 9: name: required` / `第 9 行：客户名称：必填`, every problem of the row."""
        parts = [
            message(
                QT_TRANSLATE_NOOP("Messages", "{column}: {reason}"),
                column=column_title(kind.column(key)),
                reason=translate("Messages", reason, **values),
            )
            for key, reason, values in self.problems
        ]
        return message(
            QT_TRANSLATE_NOOP("Messages", "line {line}: {problems}"),
            line=self.line,
            problems=message(QT_TRANSLATE_NOOP("Messages", "; ")).join(parts),
        )


@dataclass
class ImportPlan:
    """A file read and mapped, ready to preview or import."""

    kind: Kind
    path: Path
    table: Table
    mapping: dict[int, str]  # file column index → field key
    unknown_columns: list[str]
    outlook: "Outlook | None" = None  # set by preview() for customers, leads and other keyed kinds

    @property
    def columns(self) -> list[tuple[int, Col]]:
        return [(index, self.kind.column(key)) for index, key in sorted(self.mapping.items())]

    @property
    def missing_required(self) -> list[str]:
        mapped = set(self.mapping.values())
        return [c.key for c in self.kind.columns if c.required and c.key not in mapped]


@dataclass
class Outlook:
    """What the previewed rows would do: records added, and those updated with the columns
    each changes (by line)."""

    adds: int
    updates: dict[int, list[str]]  # line → column keys whose stored value changes
    contacts: list[int] = field(default_factory=list)  # lines that add a contact (vCard)

    @property
    def changed_columns(self) -> list[str]:
        return list(dict.fromkeys(key for keys in self.updates.values() for key in keys))


@dataclass
class ImportResult:
    kind: str
    imported: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    batch_id: int | None = None
    dry_run: bool = False


def plan_import(
    kind_name: str, path: Path, mapping: dict[int, str | None] | None = None
) -> ImportPlan:
    """Read the file's header and map its columns; `mapping` overrides (None ignores one)."""
    kind = _kind(kind_name)
    table = read_table(Path(path))
    auto = map_header(kind, table.header)
    if mapping is not None:
        auto = {index: key for index, key in mapping.items() if key}
    seen: dict[str, int] = {}
    for index, key in sorted(auto.items()):
        if key in seen:
            table.close()
            raise UserError(
                QT_TRANSLATE_NOOP("Messages", "Two columns of the file are both {column}."),
                column=column_title(kind.column(key)),
            )
        seen[key] = index
    unknown = [cell for index, cell in enumerate(table.header) if index not in auto and cell]
    if table.encoding == "vCard":
        unknown = []  # the reader's own columns (a lead has no email or birthday)
    return ImportPlan(kind, Path(path), table, auto, unknown)


def check_rows(
    plan: ImportPlan,
    columns: list[tuple[int, Col]],
    records: list[tuple[int, list]],
    lookup: Lookup,
    today: date,
) -> list[dict | RowError]:
    """Each record as it would import: its row as a dict by model field (with its key and
    blank fields), or a RowError with every problem of the row (the preview's view of
    `check_chunk`)."""
    checked, errors = check_chunk(plan, columns, records, lookup, today)
    results: list = [None] * len(records)
    for index, position in enumerate(checked.positions):
        results[position] = checked.row(index)
    for position, row in checked.contacts:
        results[position] = row
    for position, error in errors.items():
        results[position] = error
    return results


def check_chunk(
    plan: ImportPlan,
    columns: list[tuple[int, Col]],
    records: list[tuple[int, list]],
    lookup: Lookup,
    today: date,
) -> tuple[Checked, dict[int, RowError]]:
    """A chunk's valid rows, a column at a time, and its rejected rows by position (each
    RowError with every problem of its row).

    The cells are parsed column by column (a column's quick path reads it in one go); the
    rows that parsed are checked by their kind's own rules (`Kind.check_columns`); the names
    of linked records are found a column at a time; a keyed kind's keys, duplicates and
    blank cells are found last.
    """
    width = max((index for index, _ in columns), default=-1) + 1
    grid = list(map(itemgetter(1), records))
    if min(map(len, grid), default=width) < width:  # short rows: their missing cells None
        grid = [
            cells if len(cells) >= width else [*cells, *[None] * (width - len(cells))]
            for cells in grid
        ]
    by_index = list(zip(*grid, strict=False)) if grid else [()] * width  # the file's columns
    fields, names, parsed, problems = [], [], [], []  # model fields, column keys
    xlsx = plan.table.encoding in ("XLSX", "vCard")  # text as it stands, no `'` to take off
    for index, column in columns:
        cells = list(by_index[index])
        if xlsx and column.type in TEXT_TYPES:
            # An XLSX text cell is text as it stands (our export adds no `'`): quoted the
            # CSV way here so that text() gives it back unchanged, `'=1+2` included.
            cells = [f.neutralise(cell) if cell.__class__ is str else cell for cell in cells]
        values, found = f.parse_column(cells, column.parse, column.quick, column.blank)
        fields.append(column.field)
        names.append(column.key)
        parsed.append(values)
        problems.append(found)
    errors: dict[int, RowError] = {}
    for position in sorted(set().union(*problems)):
        line, cells = records[position]
        found = [
            (key, *p[position]) for key, p in zip(names, problems, strict=True) if position in p
        ]
        errors[position] = RowError(line, found, cells)
    checked = Checked(list(range(len(records))), dict(zip(fields, parsed, strict=True)))
    checked.drop(set(errors))
    kind = plan.kind
    as_parsed = dict(checked.columns)
    own = kind.check_columns(checked.columns, len(checked), lookup, today)
    checked.unsaid = {  # the columns the kind's check made or replaced may hold DEFAULT
        field for field, values in checked.columns.items() if as_parsed.get(field) is not values
    }
    _reject(checked, errors, records, own)
    _reject(checked, errors, records, kind.link(checked.columns, lookup))
    if isinstance(kind, _Upserting) and not plan.missing_required:
        checked.blanks = _blank_fields(
            fields, [by_index[index] for index, _ in columns], len(records)
        )
        _mark_keys(plan, records, checked, errors, lookup)
    return checked, errors


def _reject(
    checked: Checked,
    errors: dict[int, RowError],
    records: list[tuple[int, list]],
    problems: dict[int, list],
) -> None:
    """The rows at these indices rejected with their problems."""
    for index, found in problems.items():
        position = checked.positions[index]
        line, cells = records[position]
        errors[position] = RowError(line, found, cells)
    checked.drop(set(problems))


def _mark_keys(
    plan: ImportPlan,
    records: list[tuple[int, list]],
    checked: Checked,
    errors: dict[int, RowError],
    lookup: Lookup,
) -> None:
    """Each valid row of a keyed kind gets its key (its blank fields go with `checked`:
    they never erase a stored value); a key seen earlier in this import makes the row a
    duplicate (or, for the cards of a phone, one more contact of that record)."""
    kind = plan.kind
    if not hasattr(lookup, "lines"):
        lookup.lines = {}
    seen: dict[Hashable, int] = lookup.lines  # the line of each key so far in this import
    keys = kind.keys(checked.columns, len(checked))
    checked.keys = keys
    if len(checked) == len(records):
        lines = list(map(itemgetter(0), records))
    else:
        lines = [records[position][0] for position in checked.positions]
    new = dict(zip(keys, lines, strict=True))
    if len(new) == len(keys) and seen.keys().isdisjoint(new):  # no key twice
        seen.update(new)
        return
    vcard_file = plan.table.encoding == "vCard"
    again = set()
    for index, (position, key) in enumerate(zip(checked.positions, keys, strict=True)):
        if key in seen:
            again.add(index)
            line, cells = records[position]
            if vcard_file and not f.is_blank(cells[1]):
                # a phone's cards of one company: one record, this card one more contact
                checked.contacts.append((position, {CONTACT_OF: key, **vcard.as_contact(cells)}))
                continue
            errors[position] = RowError(
                line, [(kind.columns[0].key, DUPLICATE, {"line": seen[key]})], cells
            )
            continue
        seen[key] = lines[index]
    checked.drop(again)


def _blank_fields(
    fields: list[str], cells_by_column: list[list], count: int
) -> Callable[[int], tuple]:
    """The fields whose cells were blank, by row position: found a column at a time (most
    columns have none or are blank throughout), the tuples shared between rows; only when
    first asked (only a row that updates a record needs them)."""
    found: list[Callable[[int], tuple]] = []

    def blanks(position: int) -> tuple:
        if not found:
            found.append(_find_blank_fields(fields, cells_by_column, count))
        return found[0](position)

    return blanks


def _find_blank_fields(
    fields: list[str], cells_by_column: list[list], count: int
) -> Callable[[int], tuple]:
    always: list[str] = []
    some: dict[int, list[str]] = {}
    for name, cells in zip(fields, cells_by_column, strict=True):
        try:
            stripped = list(map(str.strip, cells))  # every CSV cell: the quick way
        except TypeError:  # XLSX: numbers, dates, None
            blank = [position for position, cell in enumerate(cells) if f.is_blank(cell)]
        else:
            if "" not in stripped:
                continue
            blank = [position for position, cell in enumerate(stripped) if not cell]
        if len(blank) == count:
            always.append(name)
        else:
            for position in blank:
                some.setdefault(position, []).append(name)
    shared = tuple(always)
    by_position = {position: (*always, *names) for position, names in some.items()}
    return lambda position: by_position.get(position, shared)


def preview(
    plan: ImportPlan, today: date, limit: int = 200
) -> list[tuple[int, list, RowError | None]]:
    """The first rows of the file as they would import, each with its problems (if any).

    Runs the same checks as the import inside a transaction that is rolled back, so a
    preview never writes anything (not even a new channel name).
    """
    rows = []
    lookup = Lookup(today)
    columns = plan.columns
    with database.atomic() as transaction:
        records = []
        for line, cells in plan.table.rows:
            if not f.is_blank_row(cells):
                records.append((line, cells))
                if len(records) >= limit:
                    break
        if records and columns:
            checked = check_rows(plan, columns, records, lookup, today)
            rows = [
                (line, cells, result if isinstance(result, RowError) else None)
                for (line, cells), result in zip(records, checked, strict=True)
            ]
            if isinstance(plan.kind, _Upserting) and not plan.missing_required:
                valid = [
                    (line, result)
                    for (line, _), result in zip(records, checked, strict=True)
                    if not isinstance(result, RowError) and CONTACT_OF not in result
                ]
                effects = plan.kind.outlook([result for _, result in valid])
                plan.outlook = Outlook(
                    adds=effects.count(None),
                    updates={
                        line: changed
                        for (line, _), changed in zip(valid, effects, strict=True)
                        if changed is not None
                    },
                    contacts=[
                        line
                        for (line, _), result in zip(records, checked, strict=True)
                        if isinstance(result, dict) and CONTACT_OF in result
                    ],
                )
        transaction.rollback()
    return rows


def run_import(
    plan: ImportPlan,
    today: date,
    dry_run: bool = False,
    progress: Callable[[int, int | None], bool] | None = None,
) -> ImportResult:
    """Check every row and write the valid ones in one transaction, as one batch.

    `progress(rows_read, total)` is called now and then; returning False cancels (Cancelled
    is raised and nothing is written). With `dry_run` everything is checked, nothing kept.
    """
    if plan.missing_required:
        plan.table.close()
        names = ", ".join(column_title(plan.kind.column(key)) for key in plan.missing_required)
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "The file has no column for {columns}."), columns=names
        )
    if not dry_run:
        _backup_first("before-import")
    result = ImportResult(plan.kind.name, dry_run=dry_run)
    lookup = Lookup(today)
    columns = plan.columns
    table = plan.kind.model._meta.table_name
    try:
        with _no_cycle_collection(), database.atomic() as transaction:
            bulk = (plan.table.total or 0) >= max(BULK_ROWS, plan.kind.model.select().count())
            with db.indexes_built_after(table, rebuild=not dry_run) if bulk else nullcontext():
                _check_and_write(plan, columns, lookup, today, result, progress)
            if dry_run:
                transaction.rollback()
    finally:
        plan.table.close()
    return result


def _check_and_write(
    plan: ImportPlan,
    columns: list[tuple[int, Col]],
    lookup: Lookup,
    today: date,
    result: ImportResult,
    progress: Callable[[int, int | None], bool] | None,
) -> None:
    batch = ImportBatch.create(
        kind=plan.kind.name,
        file_name=plan.path.name,
        created_at=datetime.now().replace(microsecond=0),
    )
    read = 0
    rows = plan.table.rows
    while chunk := list(islice(rows, CHECK_CHUNK)):
        records = f.without_blank_rows(chunk)  # an empty line is no row
        read += len(records)
        _check_and_write_chunk(plan, columns, records, lookup, today, batch.id, result)
        if progress and progress(read, plan.table.total) is False:
            raise Cancelled()
    result.rejected = len(result.errors)
    if progress and progress(read, read) is False:
        raise Cancelled()
    batch.rows = result.imported
    batch.save()
    if not result.dry_run:
        result.batch_id = batch.id


def _check_and_write_chunk(
    plan: ImportPlan,
    columns: list[tuple[int, Col]],
    records: list[tuple[int, list]],
    lookup: Lookup,
    today: date,
    batch_id: int,
    result: ImportResult,
) -> None:
    if not records:
        return
    checked, errors = check_chunk(plan, columns, records, lookup, today)
    result.errors.extend(errors[position] for position in sorted(errors))
    result.imported += len(checked) + len(checked.contacts)
    plan.kind.write(checked, batch_id, lookup)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A big import makes millions of small objects and no garbage cycles; the cycle
    collector's passes over them (every few hundred allocations, ever longer) cost more
    than the checks themselves, so it rests until the import is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _backup_first(reason: str) -> None:
    """A verified backup before a change that touches many rows (none for an empty file)."""
    from app import backup, db

    if not db.is_empty():
        backup.automatic_backup(db.database_path(), datetime.now(), reason)


def write_errors(result: ImportResult, plan: ImportPlan, path: Path) -> None:
    """The rejected rows as they were, with their line and reason first, to fix and re-import.

    Cells a spreadsheet would run as formulas are neutralised as in an export."""
    header = [
        message(QT_TRANSLATE_NOOP("Messages", "line")),
        message(QT_TRANSLATE_NOOP("Messages", "error")),
        *plan.table.header,
    ]
    rows = (
        [
            f.neutralise(cell)
            for cell in (
                str(e.line),
                e.text(plan.kind),
                *["" if c is None else str(c) for c in e.cells],
            )
        ]
        for e in result.errors
    )
    output.write_output(
        path, lambda partial: write_csv(partial, [f.neutralise(h) for h in header], rows), _open()
    )


def _open() -> Path | None:
    """The open database file (the one an output must never replace)."""
    return None if db.database.database is None else db.database_path()


def export_kind(kind_name: str, path: Path, progress: Callable[[int], bool] | None = None) -> int:
    """Write every row of a kind to CSV or XLSX (by the extension); returns the row count."""
    kind = _kind(kind_name)
    path = Path(path)
    output.refuse_protected(path, _open())
    header = [column_title(column) for column in kind.columns]
    xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
    if not xlsx and path.suffix.lower() not in (".csv", ".txt"):
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "Export to a .csv or .xlsx file, not {path}."),
            path=path.name,
        )

    if xlsx:
        _refuse_cells_a_sheet_cannot_hold(kind)

    def rows():
        for count, row in enumerate(kind.export_rows(), start=1):
            if progress and count % 1000 == 0 and progress(count) is False:
                raise Cancelled()
            if xlsx:
                yield [column.xlsx_value(row.get(column.key)) for column in kind.columns]
            else:
                yield [column.csv_value(row.get(column.key)) for column in kind.columns]

    def write(partial: Path) -> int:
        if xlsx:
            formats = [MONEY_FORMAT if column.is_money else None for column in kind.columns]
            return write_xlsx(partial, header, rows(), formats)
        return write_csv(partial, header, rows())

    return output.write_output(path, write, _open())


def _refuse_cells_a_sheet_cannot_hold(kind: Kind) -> None:
    """An XLSX export of a text longer than Excel's 32,767 characters is refused before a
    byte is written, naming the record (CSV holds it)."""
    import peewee as pw

    model = kind.model
    for column in kind.columns:
        field = model._meta.fields.get(column.field)
        if not isinstance(field, pw.CharField | pw.TextField):
            continue
        record = model.get_or_none(pw.fn.LENGTH(field) > XLSX_CELL_LIMIT)
        if record is not None:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{record}: {column} has more than {limit} characters, more than a "
                    "spreadsheet cell holds; export to CSV instead.",
                ),
                record=getattr(record, "name", None)
                or getattr(record, "title", None)
                or f"#{record.id}",
                column=column_title(column),
                limit=f"{XLSX_CELL_LIMIT:,}",
            )


def _restore_changes(kind: Kind, batch: ImportBatch) -> None:
    """Put back the rows the batch updated, newest change first (so the oldest wins)."""
    model = kind.model
    changes = [
        (row_id, json.loads(before))
        for row_id, before in batch.changes.select(ImportChange.row_id, ImportChange.before)
        .order_by(ImportChange.id.desc())
        .tuples()
    ]
    if not changes:
        return
    fields = [field for field in model._meta.sorted_fields if field.name != "id"]
    assignments = ", ".join(f'"{field.column_name}" = ?' for field in fields)
    database.cursor().executemany(
        f'UPDATE "{model._meta.table_name}" SET {assignments} WHERE id = ?',
        [[before.get(field.name) for field in fields] + [row_id] for row_id, before in changes],
    )
    link = getattr(kind, "tags_link", None)
    if link:
        ids = sorted({row_id for row_id, _ in changes})
        current: dict[int, list[str]] = {}
        for start in range(0, len(ids), 500):
            current.update(_tags_of(link[0], getattr(link[0], link[1]), ids[start : start + 500]))
        for row_id, before in changes:
            if before.get("__tags__", []) != current.get(row_id, []):
                _set_tags(*link, row_id, before["__tags__"])
                current[row_id] = before["__tags__"]


def list_batches() -> list[ImportBatch]:
    return list(ImportBatch.select().order_by(ImportBatch.id.desc()))


def undo_batch(batch_id: int) -> int:
    """Take an import back whole: its new rows deleted, the rows it updated restored.

    Returns the number of rows it had imported. Refused (nothing changed) when later data
    depends on its rows, e.g. orders imported since for its customers.
    """
    batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
    if batch is None or batch.undone:
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "There is no import {batch} to undo."), batch=batch_id
        )
    kind = KINDS[batch.kind]
    model = kind.model
    _backup_first("before-undo")
    try:
        with database.atomic():
            _restore_changes(kind, batch)
            Contact.delete().where(Contact.batch == batch.id).execute()
            model.delete().where(model.batch == batch.id).execute()
            batch.undone = True
            batch.save()
    except Exception as exc:  # a foreign key that protects later data
        if "FOREIGN KEY" not in str(exc):
            raise
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Import {batch} cannot be undone: records added since depend on it (e.g. orders "
                "for its customers). Undo those first.",
            ),
            batch=batch_id,
        ) from exc
    return batch.rows
