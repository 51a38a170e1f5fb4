"""A phone's or mail client's contacts (vCard 2.1, 3.0 and 4.0) as rows of an import.

The file is split into cards first, so that one card that cannot be read rejects itself
(with the line of its BEGIN) and not the file; each card is parsed by `vobject` (with
quoted-printable allowed, as Android's exports need). A card becomes one row of the columns
below: ORG → name (else FN, else N family-first), FN/N → contact, TEL (a mobile number
first) → phone, EMAIL, BDAY → birthday, NOTE → notes. Matching, batches and undo are the
pipeline's, as for any import (docs/reference.md, "vCard contacts"); a later card of the
same company (ORG) becomes one more contact of its record (app.contacts), with its TITLE.
"""

import re
from collections.abc import Iterator

from app.i18n import QT_TRANSLATE_NOOP
from app.io.fields import Refused

HEADER = ["name", "contact", "phone", "email", "birthday", "notes", "title"]
UNREADABLE = QT_TRANSLATE_NOOP("Messages", "not a readable contact card")
MOBILE_TYPES = {"cell", "mobile", "iphone"}
BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)


def looks_like_vcard(content: str) -> bool:
    return any(BEGIN.match(line) for line in content[:4096].lstrip("\ufeff").splitlines()[:20])


def split_cards(content: str) -> Iterator[tuple[int, str]]:
    """Each card's text with the line of its BEGIN (a card left open ends at the next
    BEGIN or the end of the file)."""
    start, lines = None, []
    for number, line in enumerate(content.splitlines(), start=1):
        if BEGIN.match(line):
            if start is not None:
                yield start, "\r\n".join(lines)
            start, lines = number, [line]
        elif start is not None:
            lines.append(line)
            if END.match(line):
                yield start, "\r\n".join(lines)
                start, lines = None, []
    if start is not None:
        yield start, "\r\n".join(lines)


def _types(line) -> set[str]:
    """A property's TYPE values in any version: `TEL;CELL` (2.1), `TYPE=CELL,VOICE` (3.0),
    `TYPE="voice,cell"` (4.0)."""
    found = set()
    for value in [*line.params.get("TYPE", []), *getattr(line, "singletonparams", [])]:
        found.update(part.strip().strip('"').lower() for part in str(value).split(","))
    return found


def _text(line) -> str:
    value = line.value
    if isinstance(value, list):
        value = next((part for part in value if str(part).strip()), "")
    return str(value).strip()


def _family_first(line) -> str:
    name = line.value
    parts = [
        str(part).strip()
        for part in (getattr(name, "family", ""), getattr(name, "given", ""))
        if str(part).strip()
    ]
    if not parts:
        return ""
    latin = any(char.isascii() and char.isalpha() for char in "".join(parts))
    return (" " if latin else "").join(parts)


def _phone(lines) -> str:
    numbers = [(_types(line), _text(line).removeprefix("tel:").strip()) for line in lines]
    numbers = [(types, number) for types, number in numbers if number]
    for types, number in numbers:
        if types & MOBILE_TYPES:
            return number
    return numbers[0][1] if numbers else ""


def _birthday(text: str) -> str:
    """1985-03-05, 19850305, 1985-03-05T00:00:00Z → 1985-03-05; --0305 / --03-05 → 03-05."""
    digits = re.sub(r"[^0-9]", "", text.split("T")[0])
    if text.startswith("--") and len(digits) == 4:
        return f"{digits[:2]}-{digits[2:]}"
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return text


def card_row(text: str) -> list:
    """One card as a row of HEADER, or with a Refused name cell when it cannot be read."""
    import vobject  # imported here: only a vCard import pays for it

    try:
        card = vobject.readOne(text, allowQP=True)
        contents = card.contents
        fn = _text(contents["fn"][0]) if "fn" in contents else ""
        n = _family_first(contents["n"][0]) if "n" in contents else ""
        org = _text(contents["org"][0]) if "org" in contents else ""
        contact = fn or n
        email = _text(contents["email"][0]) if "email" in contents else ""
        birthday = _birthday(_text(contents["bday"][0])) if "bday" in contents else ""
        notes = "\n".join(_text(line) for line in contents.get("note", []) if _text(line))
        phone = _phone(contents.get("tel", []))
        title = _text(contents["title"][0]) if "title" in contents else ""
    except Exception:  # vobject raises many kinds of error for a damaged card
        return [Refused(UNREADABLE), "", "", "", "", "", ""]
    return [org or contact, contact, phone, email, birthday, notes, title]


def as_contact(cells: list) -> dict:
    """A card's person, for a record that has its main contact already."""
    return {
        "name": str(cells[1]),
        "title": str(cells[6]),
        "phone": str(cells[2]),
        "email": str(cells[3]),
    }


def rows(content: str) -> Iterator[tuple[int, list]]:
    for line, text in split_cards(content):
        yield line, card_row(text)
