"""The kinds' declarations (app/io/kinds.py): each column declared once against its model,
and the word maps against the values the model keeps (app/models.py)."""

import peewee as pw
import pytest

from app import models
from app.io import kinds
from app.io.kinds import KINDS, LINKED

WORD_MAPS = [
    (kinds.TIERS, models.TIERS),
    (kinds.OUTCOMES, models.OUTCOMES),
    (kinds.ACTIVITY_KINDS, models.ACTIVITY_KINDS),
    (kinds.QUADRANT_WORDS, models.QUADRANTS),
]


@pytest.mark.parametrize(
    ("words", "values"), WORD_MAPS, ids=["tiers", "outcomes", "activity_kinds", "quadrants"]
)
def test_word_maps_give_exactly_the_models_values(words, values):
    # every accepted word stands for a value the model keeps …
    assert set(words.values()) == set(values)
    # … and every value the model keeps is a word of its own, as an export writes it (str)
    for value in values:
        assert words[str(value)] == value


def test_every_word_column_uses_a_checked_map_and_a_default_the_model_keeps():
    maps = {id(words): values for words, values in WORD_MAPS}
    word_columns = [c for kind in KINDS.values() for c in kind.columns if c.type == "word"]
    assert [c.key for c in word_columns] == ["tier", "outcome", "kind", "quadrant"]
    for column in word_columns:
        assert id(column.words) in maps, column.key
        assert column.required or column.default in maps[id(column.words)], column.key


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_each_column_is_declared_once_against_its_models_field(kind):
    keys = [column.key for column in kind.columns]
    assert len(set(keys)) == len(keys)
    assert len({column.zh for column in kind.columns}) == len(keys)
    fields = kind.model._meta.fields
    for column in kind.columns:
        if column.type == "tags":  # kept in the kind's tag table, not a field
            assert kind.tags_link is not None
            continue
        field = fields[column.field]
        if column.link:
            assert isinstance(field, pw.ForeignKeyField), column.key
            assert field.rel_model is LINKED[column.link], column.key
        else:
            assert not isinstance(field, pw.ForeignKeyField), column.key
        if column.is_money:  # money is kept in integer fen
            assert column.field.endswith("_fen"), column.key


@pytest.mark.parametrize("outcomes", [("open", "won", "lost"), ("open",)], ids=str)
@pytest.mark.parametrize("mapped", [("outcome", "closed"), ("outcome",), ("closed",), ()], ids=str)
def test_the_leads_column_check_gives_what_the_row_check_gives(mapped, outcomes):
    # Leads.check_columns is Leads.check a column at a time: for every outcome and closing
    # day (given or blank), with or without those columns in the file, the rows are the same
    from datetime import date

    from app.bulk import DEFAULT
    from app.io.kinds import rows_of

    today = date(2026, 11, 20)
    leads = KINDS["leads"]
    cases = [
        (outcome, closed)
        for outcome in outcomes  # ("open",): every lead of the chunk open
        for closed in (None, date(2026, 3, 5))
    ]
    columns = {"name": [f"甲{i}" for i in range(len(cases))]}
    if "outcome" in mapped:
        columns["outcome"] = [outcome for outcome, _ in cases]
    if "closed" in mapped:
        columns["closed"] = [closed for _, closed in cases]
    by_row = [leads.check(row, None, today) for row in rows_of(dict(columns), len(cases))]
    assert leads.check_columns(columns, len(cases), None, today) == {}
    assert rows_of(columns, len(cases)) == by_row
    assert DEFAULT not in columns["name"]  # a column the check leaves alone stays as parsed


def test_insert_columns_fills_the_models_defaults_for_rows_that_say_nothing(db_path):
    from datetime import date

    from app.bulk import DEFAULT, insert_columns
    from app.models import Lead

    ids = insert_columns(
        Lead,
        {"name": ["甲", "乙"], "tier": ["A", DEFAULT], "created": [date(2026, 1, 2)] * 2},
        2,
        unsaid={"tier"},
    )
    stored = list(Lead.select(Lead.name, Lead.tier, Lead.created).order_by(Lead.id).tuples())
    # 乙 says nothing of its tier: the model's default, B
    assert stored == [("甲", "A", date(2026, 1, 2)), ("乙", "B", date(2026, 1, 2))]
    assert ids == [1, 2]
