"""Several contacts per customer and lead: the people of the decision chain (决策链) beyond
the main contact, who stays in the record's own contact, phone and email columns.

A contact is a dict of CONTACT_FIELDS; `role` is one of ROLES or "" (not known yet).
"""

from app.models import Contact, database

CONTACT_FIELDS = ("name", "title", "phone", "email", "role")
ROLES = ("decision_maker", "influencer", "user")
OWNER = {"customers": Contact.customer, "leads": Contact.lead}


def contacts_of(kind: str, record_id: int) -> list[dict]:
    owner = OWNER[kind]
    query = Contact.select().where(owner == record_id).order_by(Contact.position, Contact.id)
    return [{name: getattr(contact, name) for name in CONTACT_FIELDS} for contact in query]


def _clean(contact: dict) -> dict:
    cleaned = {name: str(contact.get(name) or "").strip() for name in CONTACT_FIELDS}
    if cleaned["role"] not in ("", *ROLES):
        raise ValueError(f"unknown role {cleaned['role']!r}; use one of {ROLES}")
    return cleaned


def set_contacts(
    kind: str, record_id: int, contacts: list[dict], batch: int | None = None
) -> list[dict]:
    """Replace a record's contacts (those without a name are left out); returns the former
    list, which set back is the undo."""
    owner = OWNER[kind]
    cleaned = [_clean(contact) for contact in contacts]
    cleaned = [contact for contact in cleaned if contact["name"]]
    with database.atomic():
        before = contacts_of(kind, record_id)
        Contact.delete().where(owner == record_id).execute()
        for position, contact in enumerate(cleaned):
            Contact.create(**{owner.name: record_id}, position=position, batch=batch, **contact)
    return before


def add_contact(kind: str, record_id: int, contact: dict, batch: int | None = None) -> bool:
    """Add one contact after the others, unless the record has one of that name already
    (a phone's file imported again); returns whether it was added."""
    from app.names import normalise_name

    owner = OWNER[kind]
    cleaned = _clean(contact)
    main = owner.rel_model.get_by_id(record_id).contact
    known = {normalise_name(c["name"]) for c in contacts_of(kind, record_id)}
    known.add(normalise_name(main))
    if not cleaned["name"] or normalise_name(cleaned["name"]) in known:
        return False
    last = Contact.select().where(owner == record_id).count()
    Contact.create(**{owner.name: record_id}, position=last, batch=batch, **cleaned)
    return True


def copy_contacts(from_kind: str, from_id: int, to_kind: str, to_id: int) -> None:
    """A won lead's contacts become its new customer's."""
    set_contacts(to_kind, to_id, contacts_of(from_kind, from_id))
