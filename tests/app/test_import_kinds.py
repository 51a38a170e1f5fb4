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
