"""Many rows of a model inserted at once: one prepared statement, defaults filled as the
model fills them. Imports and the board's arriving tasks go through here; peewee's
insert_many builds SQL row by row, which dominated both at a heavy user's scale.
"""

from datetime import date
from operator import itemgetter

import peewee as pw

from app.models import ExactDecimalField, database


def db_value(field: pw.Field, value):
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return field.db_value(value)


def _iso_dates(values: list) -> list:
    """Dates as SQLite stores them, each day written once (a column holds few days)."""
    text = {day: None if day is None else day.isoformat() for day in set(values)}
    return list(map(text.__getitem__, values))


def _converter(field: pw.Field):
    """The quickest correct way from a column of Python values to what SQLite stores for
    `field` (None: as they are)."""
    if isinstance(field, pw.DateField):
        return _iso_dates
    if isinstance(field, ExactDecimalField):
        return lambda values: [None if value is None else field.db_value(value) for value in values]
    if isinstance(
        field, pw.CharField | pw.TextField | pw.IntegerField | pw.BooleanField | pw.ForeignKeyField
    ):
        return None  # sqlite3 stores str, int (ids too) and bool as they are
    return lambda values: [db_value(field, value) for value in values]


def _literal(value) -> str | None:
    """`value` as an SQL literal, or None when it is better bound as a parameter."""
    if value is None:
        return "NULL"
    if value.__class__ in (bool, int):
        return str(int(value))
    if value.__class__ is str and len(value) <= 200 and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


DEFAULT = object()  # in a column of values: this row says nothing, the field's default


def insert_rows(model, rows: list[dict], same: dict | None = None) -> list[int]:
    """Insert rows (dicts by field; a field a row leaves out takes its default) with one
    prepared statement; returns their new ids in order (see `insert_columns`)."""
    if not rows:
        return []
    keys = list(dict.fromkeys(key for row in rows for key in row))
    if set(map(len, rows)) == {len(keys)}:  # every row has every key
        given = zip(*map(itemgetter(*keys), rows), strict=True) if len(keys) > 1 else None
        if given is None:
            columns = {keys[0]: [row[keys[0]] for row in rows]} if keys else {}
        else:
            columns = dict(zip(keys, map(list, given), strict=True))
    else:
        columns = {key: [row.get(key, DEFAULT) for row in rows] for key in keys}
    return insert_columns(model, columns, len(rows), same)


def insert_columns(
    model,
    columns: dict[str, list],
    count: int,
    same: dict | None = None,
    unsaid: set[str] | None = None,
) -> list[int]:
    """Insert `count` rows given a column at a time (field → its values in row order, DEFAULT
    where a row gives none) with one prepared statement; returns their new ids in order.
    `same` gives fields whose value is the same in every row (an import's batch); `unsaid`,
    when known, the only fields whose columns may hold DEFAULT (the others are not searched).

    peewee's insert_many builds SQL per row, which dominated big imports; this fills the
    model's defaults the same way. A column with the same value in every row (a default,
    or a file's constant column) is written once into the statement as a literal rather
    than bound for every row. The ids follow MAX(id): this process is the only writer (it
    holds the database lock) and is inside a transaction.
    """
    if not count:
        return []
    fields = [field for field in model._meta.sorted_fields if not isinstance(field, pw.AutoField)]
    keys = set(columns)
    unknown = keys - {field.name for field in fields}
    if unknown:
        raise KeyError(f"{model.__name__} has no field {sorted(unknown)}")
    defaults = {
        field.name: field.default() if callable(field.default) else field.default
        for field in fields
    }
    if same:
        unknown = set(same) - set(defaults)
        if unknown or keys & set(same):
            raise KeyError(f"{model.__name__}: {sorted(unknown or keys & set(same))} given twice")
        defaults.update(same)
    table = model._meta.table_name
    start = database.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0]
    converted = []  # (field, values in row order)
    for field in fields:
        convert = _converter(field)
        if field.name in columns:
            values = columns[field.name]
            if (unsaid is None or field.name in unsaid) and DEFAULT in values:
                default = defaults[field.name]
                values = [default if value is DEFAULT else value for value in values]
            converted.append((field, list(values) if convert is None else convert(values)))
        else:
            default = (
                defaults[field.name] if convert is None else convert([defaults[field.name]])[0]
            )
            converted.append((field, [default] * count))
    bound, literals = [], []
    for field, values in converted:
        literal = _literal(values[0])
        # count() compares with ==, so True and 1 match: SQLite stores both as the integer 1
        if literal is not None and values.count(values[0]) == len(values):
            literals.append((field, literal))
        else:
            bound.append((field, values))
    names = ", ".join(f'"{field.column_name}"' for field, _ in bound + literals)
    marks = ", ".join(["?"] * len(bound) + [literal for _, literal in literals])
    database.cursor().executemany(
        f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
        zip(*(values for _, values in bound), strict=True) if bound else [()] * count,
    )
    return list(range(start + 1, start + 1 + count))
