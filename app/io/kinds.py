"""The eight kinds of import/export file, each a declaration of its columns (docs/reference.md).

A column is declared once (`Col`): its English and Chinese header and the other spellings
reps' sheets use, its type, the model field it is stored in, and the record it names (a
customer, a lead, a channel). One row builder (`pipeline.check_chunk`: the cells parsed by
column, the kind's own rules, `Kind.link` for the linked names, all a column at a time) turns
a file into `Checked` columns to write, and one exporter (`Kind.export_rows`) turns stored
records back into cells; a kind adds only its own rules (`Kind.check`: a birthday that
exists, a target's floor below it, …, or `Kind.check_columns` for the same a column at a
time). Valid rows are written in batches; re-imported customers, leads and keyed
rows update the stored ones, their former state kept for undo (docs/import-files.md).
"""

import json
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from datetime import date

import peewee as pw

from app import contacts
from app.bulk import DEFAULT, db_value, insert_columns, insert_rows
from app.io import fields as f
from app.models import (
    Activity,
    Channel,
    ChannelCost,
    Customer,
    CustomerTag,
    ImportChange,
    Lead,
    LeadTag,
    Order,
    PlanLine,
    Tag,
    Target,
    Task,
    database,
)
from app.names import names_by_key, normalise_name, normalise_names

# Other header spellings reps' own sheets use (docs/reference.md). A phone column: the mobile
# spellings are preferred, so that a sheet with both a mobile and a landline column imports
# the mobile one (the other is reported as ignored).
MOBILE_HEADERS = ("手机", "手机号", "手机号码", "mobile", "mobile phone", "cell phone")
PHONE_HEADERS = (*MOBILE_HEADERS, "联系电话", "电话号码", "联系方式", "telephone", "tel")
CUSTOMER_HEADERS = ("客户", "公司", "公司名称", "单位名称", "customer name", "company")
CONTACT_HEADERS = ("姓名", "联系人姓名", "contact name")
LEAD_HEADERS = ("线索", "公司名称", "lead name")

LINKED = {"customer": Customer, "lead": Lead, "channel": Channel}  # Col.link → its model


@dataclass(frozen=True)
class Col:
    """One column, declared once: its English (`key`) and Chinese (`zh`) header and other
    spellings (`synonyms`, `preferred` ones beating the column's own name), its type,
    required or its default, the model `field` it is stored in (the key when not given), and
    `link`: the kind of record whose name the cell holds (stored as that record's id)."""

    key: str
    zh: str
    type: str = "text"  # text date money count bool rate factor month tags birthday word
    required: bool = False
    default: object = None
    words: dict | None = None  # for type "word": accepted words → canonical value
    field: str = ""
    link: str | None = None  # "customer", "lead" (must exist) or "channel" (made when new)
    synonyms: tuple[str, ...] = ()
    preferred: tuple[str, ...] = ()

    def __post_init__(self):  # parsers chosen once: they run for every cell
        parser = f.word_parser(self.words) if self.type == "word" else PARSERS[self.type]
        object.__setattr__(self, "parse", parser)
        object.__setattr__(self, "quick", getattr(parser, "quick", QUICK.get(self.type)))
        if not self.field:
            object.__setattr__(self, "field", self.key)

    @property
    def blank(self):
        """What a blank cell stands for (f.MISSING when the column is required)."""
        if self.required:
            return f.MISSING
        if self.default is not None:
            return self.default
        if self.type in ("text", "birthday", "month"):
            return ""
        if self.type == "tags":
            return []
        return None

    @property
    def is_money(self) -> bool:
        return self.type in ("money", "positive_money")

    def csv_value(self, value) -> str:
        """The canonical text of a stored value in a CSV cell."""
        if value is None:
            return ""
        if self.type in ("text", "tags", "birthday", "month"):
            return f.neutralise(f.format_tags(value) if self.type == "tags" else str(value))
        return CSV_FORMATTERS[self.type](value)

    def xlsx_value(self, value):
        """A stored value as an XLSX cell: numbers and dates typed, text never a formula."""
        if value is None:
            return None
        if self.type == "date":
            return value
        if self.type in ("money", "positive_money"):
            return f.money_cell(value)
        if self.type == "count":
            return value
        if self.type in ("rate", "factor"):
            return float(value)
        if self.type == "word" and isinstance(value, int):
            return value
        if self.type in ("text", "tags", "birthday", "month"):
            # As stored, no `'` in front: the writer marks every text cell as text, which no
            # spreadsheet runs as a formula (the reader takes it back as it is).
            return f.format_tags(value) if self.type == "tags" else str(value)
        return self.csv_value(value)


PARSERS: dict[str, Callable] = {
    "text": f.text,
    "date": f.parse_date,
    "money": f.parse_money,
    "positive_money": f.parse_positive_money,
    "count": f.parse_count,
    "bool": f.parse_bool,
    "rate": f.parse_rate,
    "factor": f.parse_factor,
    "month": f.parse_month,
    "tags": f.parse_tags,
    "birthday": f.parse_birthday,
}
QUICK: dict[str, Callable] = {  # a whole column at once, for the usual spellings
    "text": f.quick_text,
    "date": f.quick_date,
    "money": f.quick_money,
    "count": f.quick_count,
    "bool": f.quick_bool,
    "tags": f.quick_tags,
}
CSV_FORMATTERS: dict[str, Callable] = {
    "date": f.format_date,
    "money": f.format_money,
    "positive_money": f.format_money,
    "count": str,
    "bool": f.format_bool,
    "rate": f.format_decimal,
    "factor": f.format_decimal,
    "word": str,
}

# Word maps: each accepted word (any case) → the value the model keeps (app/models.py's
# TIERS, OUTCOMES, ACTIVITY_KINDS, QUADRANTS; tests/app/test_import_export.py checks them
# against those tuples both ways). Their order is the order an error message lists them in.
TIERS = {"A": "A", "B": "B", "C": "C"}
OUTCOMES = {
    "open": "open",
    "won": "won",
    "lost": "lost",
    "跟进中": "open",
    "赢单": "won",
    "输单": "lost",
}
ACTIVITY_KINDS = {
    "visit": "visit",
    "拜访": "visit",
    "call": "call",
    "电话": "call",
    "follow_up": "follow_up",
    "follow-up": "follow_up",
    "跟进": "follow_up",
    "meeting": "meeting",
    "会议": "meeting",
    "executive_visit": "executive_visit",
    "高层拜访": "executive_visit",
}
QUADRANT_WORDS = {
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "important & urgent": 1,
    "重要紧急": 1,
    "important & not urgent": 2,
    "重要不紧急": 2,
    "urgent & not important": 3,
    "紧急不重要": 3,
    "neither": 4,
    "不重要不紧急": 4,
}


BLANK = "__blank__"  # in a checked row: the fields whose cells were blank
KEY = "__key__"  # in a checked row of a keyed kind: its key, found once
CONTACT_OF = "__contact_of__"  # a row that is one more contact of the record of this key


class Checked:
    """A chunk's valid rows a column at a time: each model field's values in row order
    (DEFAULT where a row says nothing of the field), the rows' positions in the chunk and,
    for a keyed kind, their keys and blank fields. New rows are written straight from the
    columns; a dict is made only for a row that needs one (an update, the preview)."""

    def __init__(self, positions: list[int], columns: dict[str, list]):
        self.positions = positions
        self.columns = columns
        self.keys: list[Hashable] | None = None
        self.blanks: Callable[[int], tuple] = lambda position: ()  # by position
        self.contacts: list[tuple[int, dict]] = []  # (position, row) of a record's contact
        self.unsaid: set[str] | None = None  # the fields whose columns may hold DEFAULT

    def __len__(self) -> int:
        return len(self.positions)

    def drop(self, indices) -> None:
        """Leave out the rows at these indices (rejected, or written another way)."""
        if not indices:
            return
        keep = [index for index in range(len(self.positions)) if index not in indices]
        self.positions = [self.positions[index] for index in keep]
        self.columns = {field: [values[i] for i in keep] for field, values in self.columns.items()}
        if self.keys is not None:
            self.keys = [self.keys[index] for index in keep]

    def row(self, index: int) -> dict:
        """The row at `index` as a dict by model field (with its key and blank fields)."""
        row = {
            field: values[index]
            for field, values in self.columns.items()
            if values[index] is not DEFAULT
        }
        if self.keys is not None:
            row[BLANK] = self.blanks(self.positions[index])
            row[KEY] = self.keys[index]
        return row


def rows_of(columns: dict[str, list], count: int) -> list[dict]:
    """Columns of values as one dict per row (DEFAULT values left out)."""
    if not columns:
        return [{} for _ in range(count)]
    fields = list(columns)
    return [
        {field: value for field, value in zip(fields, values, strict=True) if value is not DEFAULT}
        for values in zip(*columns.values(), strict=True)
    ]


class RowProblem(Exception):
    """The checks of one row failed: a list of (column key, reason, values)."""

    def __init__(self, problems: list[tuple[str, str, dict]]):
        super().__init__(problems)
        self.problems = problems


class Lookup:
    """Names → ids of customers, leads and channels, loaded once per import."""

    def __init__(self, today: date):
        self.today = today
        self._customers = None
        self._leads = None
        self._channels = None

    def customer(self, name: str, column: str) -> int:
        """The customer of this name (normalised: spaces, full-width letters, case)."""
        if self._customers is None:
            self._customers = names_by_key(Customer)
        return self._one(
            self._customers.get(normalise_name(name), []),
            column,
            f.UNKNOWN_CUSTOMER,
            f.AMBIGUOUS_CUSTOMER,
        )

    def lead(self, name: str, column: str) -> int:
        if self._leads is None:
            self._leads = names_by_key(Lead)
        return self._one(
            self._leads.get(normalise_name(name), []), column, f.UNKNOWN_LEAD, f.AMBIGUOUS_LEAD
        )

    @staticmethod
    def _one(ids, column, unknown, ambiguous) -> int:
        if not ids:
            raise RowProblem([(column, unknown, {})])
        if len(ids) > 1:
            raise RowProblem([(column, ambiguous, {})])
        return ids[0]

    def channel(self, name: str, column: str = "channel") -> int | None:
        """The channel's id, created when the rep names a new one (channels are named freely)."""
        if not name:
            return None
        if self._channels is None:
            self._channels = dict(Channel.select(Channel.name, Channel.id).tuples())
        if name not in self._channels:
            self._channels[name] = Channel.insert(name=name).execute()
        return self._channels[name]


def _tags_of(link_model, owner_field, ids) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    query = (
        link_model.select(owner_field, Tag.name)
        .join(Tag)
        .where(owner_field.in_(ids))
        .order_by(link_model.id)
        .tuples()
    )
    for owner_id, name in query:
        tags.setdefault(owner_id, []).append(name)
    return tags


def _set_tags(link_model, owner_name: str, owner_id: int, names: list[str]) -> None:
    owner_field = getattr(link_model, owner_name)
    link_model.delete().where(owner_field == owner_id).execute()
    for name in names:
        tag_id = Tag.get_or_create(name=name)[0].id
        link_model.insert(**{owner_name: owner_id, "tag": tag_id}).execute()


class Kind:
    """One importable kind: its columns declared, its model, and only its own rules."""

    name: str
    columns: list[Col]
    model: type[pw.Model]
    tags_link = None  # (link model, owner field name) for customers and leads
    EXPORT_PAGE = 2000  # records read at a time by the export

    def check(self, row: dict, lookup: Lookup, today: date) -> dict:
        """The kind's own checks (several columns, the database); returns the row to write.

        `row` holds the parsed cells by model field, made for this call: it may be changed
        and returned; a problem is raised as RowProblem."""
        return row

    def check_columns(
        self, columns: dict[str, list], count: int, lookup: "Lookup", today: date
    ) -> dict[int, list]:
        """The kind's own checks of a chunk's parsed rows, given a column at a time (they may
        be changed or added, DEFAULT where a row says nothing); returns the problems by row
        index. A kind without a column form has each row's dict go through `check`."""
        if type(self).check is Kind.check:
            return {}
        problems: dict[int, list] = {}
        checked = []
        for index, row in enumerate(rows_of(columns, count)):
            try:
                checked.append(self.check(row, lookup, today))
            except RowProblem as problem:
                problems[index] = problem.problems
                checked.append({})
        fields = dict.fromkeys([*columns, *(field for row in checked for field in row)])
        columns.clear()
        columns.update({field: [row.get(field, DEFAULT) for row in checked] for field in fields})
        return problems

    def __init__(self):
        self.links = [(c.field, c.link, c.key) for c in self.columns if c.link]

    def link(self, columns: dict[str, list], lookup: Lookup) -> dict[int, list]:
        """Each name of a linked record in these checked columns turned into the record's id
        (a blank into None), each name looked up once; the problems of the rows whose names
        find no record (or several), by row index."""
        problems: dict[int, list] = {}
        for field, link, key in self.links:
            names = columns.get(field)
            if names is None:
                continue
            find = getattr(lookup, link)
            found: dict = {"": None, None: None, DEFAULT: DEFAULT}
            for name in dict.fromkeys(names):  # each name once, in the order of the file
                if name not in found:
                    try:
                        found[name] = find(name, key)
                    except RowProblem as problem:
                        found[name] = problem
            ids = list(map(found.__getitem__, names))
            if any(value.__class__ is RowProblem for value in found.values()):
                for index, value in enumerate(ids):
                    if value.__class__ is RowProblem:
                        problems.setdefault(index, []).extend(value.problems)
                        ids[index] = None
            columns[field] = ids
        return problems

    def write(self, checked: Checked, batch_id: int, lookup: Lookup) -> None:
        insert_columns(
            self.model,
            checked.columns,
            len(checked),
            same={"batch": batch_id},
            unsaid=checked.unsaid,
        )

    def export_rows(self) -> Iterator[dict]:
        """Every record as cells by column key, oldest first: a linked record by its name
        (blank when none), tags as a list."""
        model = self.model
        links = [column for column in self.columns if column.link]
        query = model.select(
            model, *(LINKED[c.link].name.alias(f"_{c.key}_name") for c in links)
        ).order_by(model.id)
        for column in links:
            linked = LINKED[column.link]
            on = getattr(model, column.field) == linked.id
            query = query.join_from(model, linked, pw.JOIN.LEFT_OUTER, on=on)
        stored = [column for column in self.columns if not column.link and column.type != "tags"]
        last_id = 0
        while True:
            records = list(query.where(model.id > last_id).limit(self.EXPORT_PAGE).objects())
            if not records:
                return
            tags = {}
            if self.tags_link:
                link_model, owner = self.tags_link
                tags = _tags_of(link_model, getattr(link_model, owner), [r.id for r in records])
            for record in records:
                row = {column.key: getattr(record, column.field) for column in stored}
                for column in links:
                    row[column.key] = getattr(record, f"_{column.key}_name") or ""
                if self.tags_link:
                    row["tags"] = tags.get(record.id, [])
                yield row
            last_id = records[-1].id

    def column(self, key: str) -> Col:
        return next(column for column in self.columns if column.key == key)


class _Upserting(Kind):
    """Rows with a natural key update the existing row (its former state kept for undo).

    A row that updates never erases: its blank cells (listed under BLANK by the pipeline)
    leave the stored values as they are."""

    KEEP_ON_UPDATE: tuple[str, ...] = ()  # fields an update never changes (a name's spelling)

    def key(self, row: dict) -> Hashable:
        raise NotImplementedError

    def keys(self, columns: dict[str, list], count: int) -> list[Hashable]:
        """The keys of a chunk's rows (a kind may find them a column at a time)."""
        return [self.key(row) for row in rows_of(columns, count)]

    def existing(self) -> dict[Hashable, int]:
        raise NotImplementedError

    def write(self, checked: Checked, batch_id: int, lookup: Lookup) -> None:
        """Rows whose key is stored update that record; the others are inserted straight
        from the columns (then a phone's further cards become contacts)."""
        if not hasattr(lookup, self.name):
            setattr(lookup, self.name, self.existing())
        known: dict[Hashable, int] = getattr(lookup, self.name)
        if checked.keys is None:
            checked.keys = self.keys(checked.columns, len(checked))
        updating = []
        if not known.keys().isdisjoint(checked.keys):
            updating = [index for index, key in enumerate(checked.keys) if key in known]
        updates: list[tuple[int, dict, list | None]] = []
        for index in updating:
            row = checked.row(index)
            blank = row.pop(BLANK, ())
            tags = row.pop("tags", None)
            key = row.pop(KEY)
            self._keep_stored(row, blank)
            updates.append((known[key], row, None if "tags" in blank else tags))
        checked.drop(set(updating))
        columns = dict(checked.columns)
        tags = columns.pop("tags", None)
        self.adjust_insert(columns, len(checked), lookup)
        unsaid = None if checked.unsaid is None else checked.unsaid | {"created"}
        ids = insert_columns(
            self.model, columns, len(checked), same={"batch": batch_id}, unsaid=unsaid
        )
        known.update(zip(checked.keys, ids, strict=True))
        if self.tags_link and tags and any(tags):
            for names, row_id in zip(tags, ids, strict=True):
                if names and names is not DEFAULT:
                    _set_tags(*self.tags_link, row_id, names)
        self._update(updates, batch_id)
        for _, person in checked.contacts:
            person = dict(person)
            record_id = known[person.pop(CONTACT_OF)]
            contacts.add_contact(self.name, record_id, person, batch=batch_id)

    def _keep_stored(self, row: dict, blank) -> None:
        """An update leaves alone the fields its blank cells and KEEP_ON_UPDATE name."""
        for name in (*blank, *self.KEEP_ON_UPDATE):
            row.pop(name, None)

    def outlook(self, rows: list[dict]) -> list[list[str] | None]:
        """What importing each of these checked rows would do: None adds a record, a list
        of column keys updates one (those whose stored value changes). Nothing is written."""
        known = self.existing()
        fields = {c.field: c.key for c in self.columns}
        effects: list[list[str] | None] = []
        stored_rows: dict[int, dict] = {}
        targets = [(known.get(row[KEY] if KEY in row else self.key(row)), row) for row in rows]
        ids = sorted({row_id for row_id, _ in targets if row_id is not None})
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for stored in self.model.select().where(self.model.id.in_(chunk)).dicts():
                stored_rows[stored["id"]] = stored
        tags_of = {}
        if self.tags_link and ids:
            link_model, owner = self.tags_link
            tags_of = _tags_of(link_model, getattr(link_model, owner), ids)
        for row_id, checked in targets:
            if row_id is None:
                effects.append(None)
                continue
            row = dict(checked)
            blank = row.pop(BLANK, ())
            row.pop(KEY, None)
            tags = row.pop("tags", None)
            self._keep_stored(row, blank)
            old = stored_rows[row_id]
            self.adjust_update(old, row)
            changed = [
                fields.get(key, key)
                for key, value in row.items()
                if key in old and old[key] != value and key in fields
            ]
            if tags is not None and "tags" not in blank and tags != tags_of.get(row_id, []):
                changed.append("tags")
            effects.append(changed)
        return effects

    def _update(self, updates: list[tuple[int, dict, list | None]], batch_id: int) -> None:
        """Apply updates in bulk, recording the former state of each row that changes."""
        if not updates:
            return
        ids = sorted({row_id for row_id, _, _ in updates})
        before: dict[int, dict] = {}
        for start in range(0, len(ids), 500):
            for row in (
                self.model.select().where(self.model.id.in_(ids[start : start + 500])).dicts()
            ):
                before[row["id"]] = row
        tags_before: dict[int, list[str]] = {}
        if self.tags_link and any(tags is not None for _, _, tags in updates):
            link_model, owner_name = self.tags_link
            for start in range(0, len(ids), 500):
                tags_before.update(
                    _tags_of(link_model, getattr(link_model, owner_name), ids[start : start + 500])
                )
        changes, statements = [], {}
        for row_id, row, tags in updates:
            old = before[row_id]
            self.adjust_update(old, row)
            tags_changed = tags is not None and tags != tags_before.get(row_id, [])
            if not tags_changed and all(old.get(key) == value for key, value in row.items()):
                continue  # the same as stored: nothing to record or write
            snapshot = dict(old)
            if self.tags_link:
                snapshot["__tags__"] = tags_before.get(row_id, [])
            changes.append(
                {
                    "batch": batch_id,
                    "table": self.model._meta.table_name,
                    "row_id": row_id,
                    "before": json.dumps(snapshot, default=str, ensure_ascii=False),
                }
            )
            keys = tuple(sorted(row))
            statements.setdefault(keys, []).append(
                [db_value(self.model._meta.fields[key], row[key]) for key in keys] + [row_id]
            )
            if tags_changed:
                _set_tags(*self.tags_link, row_id, tags)
        insert_rows(ImportChange, changes)
        table = self.model._meta.table_name
        for keys, params in statements.items():
            assignments = ", ".join(
                f'"{self.model._meta.fields[key].column_name}" = ?' for key in keys
            )
            database.cursor().executemany(
                f'UPDATE "{table}" SET {assignments} WHERE id = ?', params
            )

    def adjust_update(self, old: dict, row: dict) -> None:
        """Fit an incoming row to the stored one before comparing (e.g. keep a created date)."""

    def adjust_insert(self, columns: dict[str, list], count: int, lookup: "Lookup") -> None:
        """Complete new rows, given a column at a time (e.g. created today when the file
        gives no date)."""


class Customers(_Upserting):
    name = "customers"
    model = Customer
    columns = [
        Col("name", "客户名称", required=True, synonyms=CUSTOMER_HEADERS),
        Col("contact", "联系人", synonyms=CONTACT_HEADERS),
        Col("phone", "电话", synonyms=PHONE_HEADERS, preferred=MOBILE_HEADERS),
        Col("email", "邮箱"),
        Col("industry", "行业"),
        Col("size", "规模"),
        Col("area", "区域"),
        Col("customer_type", "客户类型"),
        Col("channel", "来源渠道", link="channel"),
        Col("referred_by", "推荐人"),
        Col("tags", "标签", "tags"),
        Col("annual_revenue", "年营收", "money", field="annual_revenue_fen"),
        Col("budget", "预算", "money", field="budget_fen"),
        Col("decision_chain", "决策链"),
        Col("pain_points", "痛点"),
        Col("birthday", "生日", "birthday"),
        Col("birthday_lunar", "农历生日", "bool", default=False),
        Col("founded", "成立日期", "date"),
        Col("contract_end", "合同到期", "date"),
        Col("contact_left", "对接人离职", "bool", default=False),
        Col("contact_left_on", "离职日期", "date"),
        Col("notes", "备注"),
    ]
    tags_link = (CustomerTag, "customer")
    KEEP_ON_UPDATE = ("name",)

    def key(self, row):
        return normalise_name(row["name"])  # the key is the normalised name itself

    def keys(self, columns, count):
        return normalise_names(columns["name"])

    def existing(self):
        return {key: ids[0] for key, ids in names_by_key(Customer).items()}

    def check(self, row, lookup, today):
        birthday = row.get("birthday")
        if birthday and not row.get("birthday_lunar"):
            month, day = (int(part) for part in birthday[-5:].split("-"))
            year = int(birthday[:4]) if len(birthday) == 10 else 2000  # 2000: 29 Feb exists
            try:
                date(year, month, day)
            except ValueError:
                raise RowProblem([("birthday", f.NOT_A_DATE, {})]) from None
        elif birthday and int(birthday[-2:]) > 30:
            raise RowProblem([("birthday", f.NOT_A_BIRTHDAY, {})])
        # the day the contact left: the one given, else (marked as left) the day it is marked
        # — the import's own day, passed in (an update keeps the day first recorded)
        given = row.get("contact_left_on") is not None
        if not given:
            row.pop("contact_left_on", None)  # a blank cell never erases a stored day
            if row.get("contact_left"):
                row["contact_left_on"] = today
        row["_left_given"] = given
        return row

    def adjust_update(self, old, row):
        row.pop("created", None)
        given = row.pop("_left_given", False)
        if row.get("contact_left") and old["contact_left"] and not given:
            row["contact_left_on"] = old["contact_left_on"]  # the day it was first set

    def adjust_insert(self, columns, count, lookup):
        columns.pop("_left_given", None)
        columns["created"] = [lookup.today] * count


class Leads(_Upserting):
    name = "leads"
    model = Lead
    columns = [
        Col("name", "线索名称", required=True, synonyms=LEAD_HEADERS),
        Col("contact", "联系人", synonyms=CONTACT_HEADERS),
        Col("phone", "电话", synonyms=PHONE_HEADERS, preferred=MOBILE_HEADERS),
        Col("industry", "行业"),
        Col("channel", "来源渠道", link="channel"),
        Col("referred_by", "推荐人"),
        Col("size", "规模"),
        Col("tier", "分级", "word", default="B", words=TIERS),
        Col("stage", "阶段"),
        Col("expected_amount", "预计金额", "money", field="expected_amount_fen"),
        Col("expected_close", "预计成交日期", "date"),
        Col("created", "创建日期", "date"),
        Col("last_contact", "最近跟进", "date"),
        Col("outcome", "结果", "word", default="open", words=OUTCOMES),
        Col("closed", "结案日期", "date"),
        Col("lost_reason", "输单原因"),
        Col("tags", "标签", "tags"),
        Col("annual_revenue", "年营收", "money", field="annual_revenue_fen"),
        Col("budget", "预算", "money", field="budget_fen"),
        Col("notes", "备注"),
    ]
    tags_link = (LeadTag, "lead")
    KEEP_ON_UPDATE = ("name",)

    def key(self, row):
        return normalise_name(row["name"])  # the key is the normalised name itself

    def keys(self, columns, count):
        return normalise_names(columns["name"])

    def existing(self):
        return {key: ids[0] for key, ids in names_by_key(Lead).items()}

    def check(self, row, lookup, today):
        # the closing day: the one given, else (won or lost without one) the import's day
        if "outcome" not in row:
            if row.get("closed") is None:
                row.pop("closed", None)  # nothing said about closing: the stored day stays
        elif row["outcome"] == "open":
            row["closed"] = None
        elif row.get("closed") is None:
            row["closed"] = today
            row["_closed_given"] = False
        return row

    def adjust_update(self, old, row):
        if row.get("created") is None:
            row.pop("created", None)  # a blank created date keeps the one stored
        given = row.pop("_closed_given", True)
        if not given and old["outcome"] == row.get("outcome") and old["closed"]:
            row["closed"] = old["closed"]  # still closed as it was: keep the day it closed

    def check_columns(self, columns, count, lookup, today):
        """`check` a column at a time."""
        outcome, closed = columns.get("outcome"), columns.get("closed")
        if outcome is None:
            if closed is not None and None in closed:
                columns["closed"] = [DEFAULT if day is None else day for day in closed]
            return {}
        if outcome.count("open") == count:  # no lead closed: none has a closing day
            columns["closed"] = [None] * count
            return {}
        closed = closed or [None] * count
        columns["closed"] = [
            None if word == "open" else today if day is None else day
            for word, day in zip(outcome, closed, strict=True)
        ]
        given = [
            DEFAULT if word == "open" or day is not None else False
            for word, day in zip(outcome, closed, strict=True)
        ]
        if False in given:
            columns["_closed_given"] = given
        return {}

    def adjust_insert(self, columns, count, lookup):
        columns.pop("_closed_given", None)
        created = columns.get("created")
        if created is None:
            columns["created"] = [lookup.today] * count
        elif None in created or DEFAULT in created:
            columns["created"] = [
                lookup.today if day is None or day is DEFAULT else day for day in created
            ]


class Orders(Kind):
    name = "orders"
    model = Order
    columns = [
        Col("customer", "客户名称", required=True, link="customer", synonyms=CUSTOMER_HEADERS),
        Col("date", "日期", "date", required=True),
        Col("amount", "金额", "money", required=True, field="amount_fen"),
        Col("product", "产品"),
        Col("quantity", "数量", "count"),
        Col("notes", "备注"),
    ]


class Activities(Kind):
    name = "activities"
    model = Activity
    columns = [
        Col("date", "日期", "date", required=True),
        Col("kind", "类型", "word", required=True, words=ACTIVITY_KINDS),
        Col("customer", "客户名称", link="customer", synonyms=CUSTOMER_HEADERS),
        Col("lead", "线索名称", link="lead", synonyms=LEAD_HEADERS),
        Col("count", "次数", "count", default=1),
        Col("effective", "有效", "bool", default=True),
        Col("effective_leads", "有效线索", "count", default=0),
        Col("notes", "备注"),
    ]


class Channels(_Upserting):
    name = "channels"
    model = ChannelCost
    columns = [
        Col("channel", "渠道", required=True, link="channel"),
        Col("month", "月份", "month", required=True),
        Col("cost", "费用", "money", required=True, field="cost_fen"),
        Col("notes", "备注"),
    ]

    def key(self, row):
        return (row["channel"], row["month"])

    def existing(self):
        return {
            (channel, month): row_id
            for row_id, channel, month in ChannelCost.select(
                ChannelCost.id, ChannelCost.channel, ChannelCost.month
            ).tuples()
        }


class Targets(_Upserting):
    name = "targets"
    model = Target
    columns = [
        Col("month", "月份", "month", required=True),
        Col("revenue", "业绩目标", "money", required=True, field="revenue_fen"),
        Col("effective_visits", "有效拜访目标", "count"),
        Col("new_customers", "新客户目标", "count"),
        Col("challenge_coefficient", "挑战系数", "factor", default=None),
        Col("floor", "保底目标", "money", field="floor_fen"),
        Col("stretch", "冲刺目标", "money", field="stretch_fen"),
        Col("statement", "目标描述"),
        Col("notes", "备注"),
    ]

    def key(self, row):
        return (row["month"],)

    def existing(self):
        return {
            (month,): row_id for row_id, month in Target.select(Target.id, Target.month).tuples()
        }

    def check(self, row, lookup, today):
        from app.planning import FLOOR_ABOVE_TARGET, tier_problem  # (not loaded for other kinds)

        problem = tier_problem(row["revenue_fen"], row.get("floor_fen"), row.get("stretch_fen"))
        if problem:
            column = "floor" if problem == FLOOR_ABOVE_TARGET else "stretch"
            raise RowProblem([(column, problem, {})])
        if row.get("challenge_coefficient") is None:
            row.pop("challenge_coefficient", None)  # the model's default, 1.1
        return row


class PlanLines(_Upserting):
    name = "plan_lines"
    model = PlanLine
    columns = [
        Col("month", "月份", "month", required=True),
        Col("product", "产品", required=True),
        Col("customer_type", "客户类型"),
        Col("revenue", "目标金额", "money", required=True, field="revenue_fen"),
        Col("average_order", "客单价", "positive_money", required=True, field="average_order_fen"),
        Col("close_rate", "成交率", "rate", required=True),
        Col("notes", "备注"),
    ]

    def key(self, row):
        return (row["month"], row["product"], row.get("customer_type", ""))

    def existing(self):
        return {
            (month, product, customer_type): row_id
            for row_id, month, product, customer_type in PlanLine.select(
                PlanLine.id, PlanLine.month, PlanLine.product, PlanLine.customer_type
            ).tuples()
        }

    def check(self, row, lookup, today):
        row.setdefault("customer_type", "")
        return row


class Tasks(Kind):
    name = "tasks"
    model = Task
    columns = [
        Col("title", "任务", required=True),
        Col("quadrant", "象限", "word", default=2, words=QUADRANT_WORDS),
        Col("due", "截止日期", "date"),
        Col("customer", "客户名称", link="customer", synonyms=CUSTOMER_HEADERS),
        Col("lead", "线索名称", link="lead", synonyms=LEAD_HEADERS),
        Col("done", "完成", "bool", default=False),
        Col("notes", "备注"),
    ]

    def check(self, row, lookup, today):
        row.setdefault("created", today)
        if row.get("done"):
            row.setdefault("done_on", today)
        return row

    def write(self, checked, batch_id, lookup):
        if not hasattr(lookup, "positions"):
            lookup.positions = dict(
                Task.select(Task.quadrant, pw.fn.MAX(Task.position))
                .group_by(Task.quadrant)
                .tuples()
            )
        positions = []
        for quadrant in checked.columns.get("quadrant", [DEFAULT] * len(checked)):
            quadrant = 2 if quadrant is DEFAULT else quadrant
            positions.append(lookup.positions.get(quadrant, -1) + 1)
            lookup.positions[quadrant] = positions[-1]
        checked.columns["position"] = positions
        super().write(checked, batch_id, lookup)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Customers(),
        Leads(),
        Orders(),
        Activities(),
        Channels(),
        Targets(),
        PlanLines(),
        Tasks(),
    )
}
