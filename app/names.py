"""Customers and leads are matched by their normalised name (docs/reference.md).

Unicode NFKC (full-width letters, digits and brackets as half-width), spaces trimmed and
collapsed, Latin letters case-insensitive: `ＡＢＣ（杭州） 有限公司` and `abc(杭州) 有限公司` are
one name. Every place that matches a name — import, an order's, activity's or task's customer
or lead, converting a lead, the new-record dialogs — goes through `normalise_name`.
"""

import unicodedata

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.models import Customer, Lead

SAME_CUSTOMER = QT_TRANSLATE_NOOP("Messages", "There is already a customer named {name}.")
SAME_LEAD = QT_TRANSLATE_NOOP("Messages", "There is already a lead named {name}.")


def normalise_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def normalise_names(names: list[str]) -> list[str]:
    """`normalise_name` of many names at once (an import's column of them)."""
    nfkc = unicodedata.normalize
    return [" ".join(nfkc("NFKC", name).split()).casefold() for name in names]


def names_by_key(model) -> dict[str, list[int]]:
    """Every normalised name of a model → the ids that have it, oldest first."""
    found: dict[str, list[int]] = {}
    query = model.select(model.id, model.name).order_by(model.id)
    rows = model._meta.database.execute(query).fetchall()  # as stored: ids and text
    names = normalise_names([name for _, name in rows])  # a column at a time
    for (row_id, _), key in zip(rows, names, strict=True):
        found.setdefault(key, []).append(row_id)
    return found


def _named(model, name: str, other_than: int | None = None) -> int | None:
    key = normalise_name(name)
    if not key:
        return None
    for row_id in names_by_key(model).get(key, []):
        if row_id != other_than:
            return row_id
    return None


def customer_named(name: str, other_than: int | None = None) -> int | None:
    """The (oldest) customer whose name is the same as `name`, or None."""
    return _named(Customer, name, other_than)


def lead_named(name: str, other_than: int | None = None) -> int | None:
    """The (oldest) lead whose name is the same as `name`, or None."""
    return _named(Lead, name, other_than)


def refuse_same_customer(name: str, other_than: int | None = None) -> None:
    """A second customer of the same normalised name is refused (UserError)."""
    found = customer_named(name, other_than)
    if found is not None:
        raise UserError(SAME_CUSTOMER, name=Customer.get_by_id(found).name)


def refuse_same_lead(name: str, other_than: int | None = None) -> None:
    """A second lead of the same normalised name is refused (UserError)."""
    found = lead_named(name, other_than)
    if found is not None:
        raise UserError(SAME_LEAD, name=Lead.get_by_id(found).name)
