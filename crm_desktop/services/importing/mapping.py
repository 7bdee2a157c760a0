"""Which column of a file goes into which field: targets, presets and header guessing.

Each kind of import (customers, contacts, products) has *targets*: the
fields a column can feed ("Email", "Company", "First name", "Add to
notes"…). A mapping is one target (or ``None``: not imported) per column.
It is guessed header by header, and every step is tried for every header:

1. the **preset** of a known export when the headers are one (Google
   Contacts, Outlook, Thunderbird, vCards), which knows its odd names
   (Outlook's "Title" is Mr./Ms., not a job title);
2. an **exact name** in :mod:`.headers` (many languages, Outlook, Outlook.com,
   Thunderbird, Apple Contacts CSV), compared case-, accent- and
   punctuation-blind;
3. a **keyword** that is a whole word of the header ("Mobile phone",
   "Город (раб. адрес)"; ``Geburtstag`` is not ``tag``);
4. anything else is **kept in the notes** as ``Header: value`` — no column
   is dropped unless it only describes another column (an email's type or
   display name) or the user says so.

A file without a header is mapped by content: a column of emails, of
phones, then the first text column as the name.

Several columns may feed one target. For a single-value field the first
non-empty one wins and the others are added to the notes, so that nothing
in the file is lost; "Street" parts and tags are joined instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from crm_desktop.i18n import N_, _
from crm_desktop.services import catalogue, contacts, customers, products  # noqa: F401
from crm_desktop.services.importing import headers
from crm_desktop.services.importing.table import Table
from crm_desktop.services.text import fold


@dataclass(frozen=True)
class Target:
    """A field a column can feed; ``join`` targets combine several columns."""

    key: str
    label: str
    join: bool = False


NOTE = Target("note_extra", N_("Add to notes"), join=True)

_PERSON = (
    Target("first_name", N_("First name")),
    Target("middle_name", N_("Middle name")),
    Target("last_name", N_("Last name")),
)

_BUILT_IN_TARGETS: dict[str, tuple[Target, ...]] = {
    "customer": (
        Target("name", N_("Customer name")),
        Target("kind", N_("Kind (company / person)")),
        Target("company", N_("Company")),
        Target("person", N_("Person's full name")),
        *_PERSON,
        Target("position", N_("Person's job title")),
        Target("email", N_("Email")),
        Target("phone", N_("Phone")),
        Target("website", N_("Website")),
        Target("address", N_("Address")),
        Target("street", N_("Street"), join=True),
        Target("postal_code", N_("Postal code")),
        Target("region", N_("Region / state")),
        Target("city", N_("City")),
        Target("country", N_("Country")),
        Target("status", N_("Status")),
        Target("source", N_("Source")),
        Target("tags", N_("Tags"), join=True),
        Target("notes", N_("Notes")),
        Target("contact_name", N_("Contact: name")),
        Target("contact_position", N_("Contact: position")),
        Target("contact_email", N_("Contact: email")),
        Target("contact_phone", N_("Contact: phone")),
        Target("id", N_("Record id (our exports)")),
        NOTE,
    ),
    "contact": (
        Target("name", N_("Name")),
        *_PERSON,
        Target("position", N_("Position")),
        Target("email", N_("Email")),
        Target("phone", N_("Phone")),
        Target("notes", N_("Notes")),
        Target("is_primary", N_("Primary contact (yes / no)")),
        Target("customer", N_("Customer (company name)")),
        Target("customer_email", N_("Customer's email")),
        Target("customer_id", N_("Customer's id (our exports)")),
        Target("id", N_("Record id (our exports)")),
        NOTE,
    ),
    "product": (
        Target("sku", N_("SKU")),
        Target("name", N_("Name")),
        Target("description", N_("Description")),
        Target("unit_price", N_("Unit price")),
        Target("stock_qty", N_("Stock")),
        Target("active", N_("Active (yes / no)")),
        Target("tax_pct", N_("Tax %")),
        Target("id", N_("Record id (our exports)")),
        Target("note_extra", N_("Add to description"), join=True),
    ),
}


def extra_targets(entity: str) -> tuple[Target, ...]:
    """Fields of the catalogue the importer has no special rule for (a field added to the
    declaration, a custom field): a column maps straight into each, by its label or synonyms."""
    special = {t.key for t in _BUILT_IN_TARGETS[entity]}
    return tuple(
        Target(f.key, f.label) for f in catalogue.import_fields(entity) if f.key not in special
    )


def built_in_extra_keys(entity: str) -> list[str]:
    """The built-in fields among :func:`extra_targets` (no database needed)."""
    special = {t.key for t in _BUILT_IN_TARGETS[entity]}
    return [
        f.key
        for f in catalogue.built_in(entity)
        if f.editable and f.importable and f.key not in special
    ]


class _Targets(Mapping[str, tuple[Target, ...]]):
    """Each import's targets: its own, then the catalogue's other fields, then the notes."""

    def __getitem__(self, entity: str) -> tuple[Target, ...]:
        own = _BUILT_IN_TARGETS[entity]
        return (*own[:-1], *extra_targets(entity), own[-1])

    def __iter__(self) -> Iterator[str]:
        return iter(_BUILT_IN_TARGETS)

    def __len__(self) -> int:
        return len(_BUILT_IN_TARGETS)


TARGETS: Mapping[str, tuple[Target, ...]] = _Targets()

ENTITY_LABELS = {
    "customer": N_("customers"),
    "contact": N_("contacts"),
    "product": N_("products"),
}
PRESETS = ("auto", "google", "outlook", "thunderbird")
IGNORED = ""  # a preset's or meaning's "not imported": the column only describes another

# meaning (headers.py) → target, per entity; meanings not listed go to the notes.
_MEANING_TARGET: dict[str, dict[str, str]] = {
    "customer": {
        "name": "name",
        "customer": "name",
        "company": "company",
        "person": "person",
        "first_name": "first_name",
        "middle_name": "middle_name",
        "last_name": "last_name",
        "position": "position",
        "email": "email",
        "phone": "phone",
        "website": "website",
        "address": "address",
        "street": "street",
        "postal_code": "postal_code",
        "region": "region",
        "city": "city",
        "country": "country",
        "notes": "notes",
        "tags": "tags",
        "status": "status",
        "source": "source",
        "kind": "kind",
        "id": "id",
        "customer_email": "email",
        "contact_name": "contact_name",
        "contact_position": "contact_position",
        "contact_email": "contact_email",
        "contact_phone": "contact_phone",
        "ignore": IGNORED,
    },
    "contact": {
        "name": "name",
        "person": "name",
        "contact_name": "name",
        "customer": "customer",
        "company": "customer",
        "first_name": "first_name",
        "middle_name": "middle_name",
        "last_name": "last_name",
        "position": "position",
        "contact_position": "position",
        "email": "email",
        "contact_email": "email",
        "phone": "phone",
        "contact_phone": "phone",
        "notes": "notes",
        "is_primary": "is_primary",
        "customer_email": "customer_email",
        "customer_id": "customer_id",
        "id": "id",
        "ignore": IGNORED,
    },
    "product": {
        "name": "name",
        "product": "name",
        "sku": "sku",
        "notes": "description",
        "unit_price": "unit_price",
        "stock_qty": "stock_qty",
        "active": "active",
        "tax_pct": "tax_pct",
        "id": "id",
        "ignore": IGNORED,
    },
}
# Words that mean something else for one entity (a product's "title" is its name).
_OVERRIDES: dict[str, dict[str, str]] = {
    "product": {"title": "name", "description": "description", "article": "sku"},
}


def target(entity: str, key: str) -> Target:
    for item in TARGETS[entity]:
        if item.key == key:
            return item
    raise KeyError(f"{entity} import has no target {key!r}")


def normal(header: str) -> str:
    """A header as compared: folded (case, accents, ё→е), punctuation and spacing collapsed."""
    text = fold(header.replace("\ufeff", ""))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _has_cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)


_EXACT: dict[str, str] = {}
for _meaning, _names in headers.EXACT.items():
    for _name in _names:
        _EXACT.setdefault(normal(_name), _meaning)

# (meaning, [(words, prefix?, cjk?)]) for the keyword step.
_KEYWORDS: list[tuple[str, list[tuple[tuple[str, ...], bool, bool]]]] = [
    (
        meaning,
        [
            (tuple(normal(word.rstrip("*")).split()), word.endswith("*"), _has_cjk(word))
            for word in words
        ],
    )
    for meaning, words in headers.KEYWORDS
]


def _keyword_meaning(n: str) -> str | None:
    words = n.split()
    for meaning, keywords in _KEYWORDS:
        for phrase, prefix, cjk in keywords:
            if cjk:
                if phrase and phrase[0] in n:
                    return meaning
                continue
            size = len(phrase)
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if window[:-1] == list(phrase[:-1]) and (
                    window[-1] == phrase[-1] or (prefix and window[-1].startswith(phrase[-1]))
                ):
                    return meaning
    return None


def meaning_of(header: str) -> str | None:
    """What a header means (``email``, ``city``, ``fax``…), or None when unknown."""
    n = normal(header)
    if not n:
        return None
    return _EXACT.get(n) or _keyword_meaning(n)


def guess_target(entity: str, header: str) -> str | None:
    """The target of one header by exact names, then keywords; unknown → the notes."""
    n = normal(header)
    if not n:
        return None
    override = _OVERRIDES.get(entity, {}).get(n)
    if override:
        return override
    for extra in catalogue.import_fields(entity):
        names = (extra.label, extra.export_header, *extra.synonyms)
        if extra.key in {t.key for t in extra_targets(entity)} and n in map(normal, names):
            return extra.key
    meaning = meaning_of(header)
    if meaning is None:
        return "note_extra"
    found = _MEANING_TARGET[entity].get(meaning, "note_extra")
    return found or None


def header_score(entity: str, cells: list[str]) -> int:
    """How many cells of a row are known header names (to find the header row)."""
    score = 0
    for cell in cells:
        n = normal(cell)
        if (
            n
            and len(cell) <= 80
            and (n in _EXACT or _google(entity, cell) or _outlook(entity, cell))
        ):
            score += 1
    return score


# --- presets --------------------------------------------------------------------------


def _google(entity: str, header: str) -> str | None:
    """Google Contacts CSV, the old layout ("Given Name", "E-mail 1 - Value") and the 2024 one."""
    n = normal(header)
    company = "customer" if entity == "contact" else "company"
    fixed = {
        "name": "person" if entity == "customer" else "name",
        "given name": "first_name",
        "first name": "first_name",
        "additional name": "middle_name",
        "middle name": "middle_name",
        "family name": "last_name",
        "last name": "last_name",
        "notes": "notes",
        "organization 1 name": company,
        "organization name": company,
        "organization 1 title": "position",
        "organization title": "position",
        "group membership": "tags" if entity == "customer" else "note_extra",
        "labels": "tags" if entity == "customer" else "note_extra",
    }
    if n in fixed:
        return fixed[n]
    found = re.match(r"^(e mail|phone|website|address|relation|event|im) (\d+) (.+)$", n)
    if found:
        kind, number, part = found.group(1), int(found.group(2)), found.group(3)
        if part in ("type", "label"):
            return IGNORED
        if kind == "e mail" and part == "value":
            return "email"
        if kind == "phone" and part == "value":
            return "phone"
        if kind == "website" and part == "value":
            return "website" if entity == "customer" else "note_extra"
        if kind == "address" and entity == "customer":
            if number > 1:
                return "note_extra" if part == "formatted" else IGNORED
            parts = {
                "street": "street",
                "extended address": "street",
                "po box": "street",
                "city": "city",
                "region": "region",
                "postal code": "postal_code",
                "country": "country",
                "formatted": IGNORED,  # the same address once more, as one text
            }
            return parts.get(part, "note_extra")
        if kind == "address":
            return "note_extra" if part == "formatted" else IGNORED
        return "note_extra"
    return None


_OUTLOOK_PHONES = (
    "business phone",
    "business phone 2",
    "mobile phone",
    "primary phone",
    "company main phone",
    "home phone",
    "home phone 2",
    "other phone",
    "car phone",
    "assistant s phone",
    "callback",
    "radio phone",
    "pager",
    "isdn",
    "tty tdd phone",
    "telex",
)


def _outlook(entity: str, header: str) -> str | None:
    """Outlook's "Export to a file → CSV" and Outlook.com's export (English headers)."""
    n = normal(header)
    company = "customer" if entity == "contact" else "company"
    fixed = {
        "title": "note_extra",  # Mr., Ms., Dr.: not a job title
        "suffix": "note_extra",
        "first name": "first_name",
        "middle name": "middle_name",
        "last name": "last_name",
        "company": company,
        "job title": "position",
        "e mail address": "email",
        "e mail 2 address": "email",
        "e mail 3 address": "email",
        "e mail type": IGNORED,
        "e mail 2 type": IGNORED,
        "e mail 3 type": IGNORED,
        "e mail display name": IGNORED,
        "e mail 2 display name": IGNORED,
        "e mail 3 display name": IGNORED,
        "notes": "notes",
        "categories": "tags" if entity == "customer" else "note_extra",
        "web page": "website" if entity == "customer" else "note_extra",
    }
    if entity == "customer":
        fixed.update(
            {
                "business street": "street",
                "business street 2": "street",
                "business street 3": "street",
                "business po box": "street",
                "business address": "street",
                "business city": "city",
                "business state": "region",
                "business postal code": "postal_code",
                "business country region": "country",
                "business country": "country",
            }
        )
    if n in fixed:
        return fixed[n]
    if n in _OUTLOOK_PHONES:
        return "phone"
    return None


def _thunderbird(entity: str, header: str) -> str | None:
    """Thunderbird's address book export (CSV, English headers)."""
    n = normal(header)
    company = "customer" if entity == "contact" else "company"
    fixed = {
        "display name": "person" if entity == "customer" else "name",
        "primary email": "email",
        "secondary email": "email",
        "work phone": "phone",
        "mobile number": "phone",
        "home phone": "phone",
        "organization": company,
        "job title": "position",
        "notes": "notes",
    }
    if entity == "customer":
        fixed.update(
            {
                "work address": "street",
                "work address 2": "street",
                "work city": "city",
                "work state": "region",
                "work zipcode": "postal_code",
                "work country": "country",
                "web page 1": "website",
                "web page 2": "website",
            }
        )
    return fixed.get(n)


def _vcard(entity: str, header: str) -> str | None:
    """The columns our vCard reader makes (the others go to the notes)."""
    fixed = {
        "customer": {
            "Full name": "person",
            "First name": "first_name",
            "Middle name": "middle_name",
            "Last name": "last_name",
            "Organization": "company",
            "Title": "position",
            "Kind": "kind",
            "Address": "street",
            "City": "city",
            "Region": "region",
            "Postal code": "postal_code",
            "Country": "country",
            "Note": "notes",
            "Categories": "tags",
            "Status": "status",
            "Source": "source",
            "Contact name": "contact_name",
            "Contact position": "contact_position",
            "Contact email": "contact_email",
            "Contact phone": "contact_phone",
            "ID": "id",
        },
        "contact": {
            "Full name": "name",
            "First name": "first_name",
            "Middle name": "middle_name",
            "Last name": "last_name",
            "Organization": "customer",
            "Customer": "customer",
            "Title": "position",
            "Note": "notes",
            "Customer email": "customer_email",
            "Customer ID": "customer_id",
            "Primary contact": "is_primary",
            "ID": "id",
            "Kind": IGNORED,  # a person, always: a contact has no kind
        },
        "product": {},
    }[entity]
    if header in fixed:
        return fixed[header]
    if re.match(r"^Email \d+$", header):
        return "email"
    if re.match(r"^Phone \d+$", header):
        return "phone"
    if re.match(r"^Website \d+$", header):
        return "website" if entity == "customer" else "note_extra"
    return "note_extra" if entity != "product" else None


_PRESET_FUNCTIONS = {
    "google": _google,
    "outlook": _outlook,
    "thunderbird": _thunderbird,
    "vcard": _vcard,
}
_PRESET_MARKS = {
    "google": {
        "given name",
        "family name",
        "group membership",
        "e mail 1 value",
        "phone 1 value",
        "labels",
        "organization name",
        "organization 1 name",
        "e mail 1 label",
        "phone 1 label",
    },
    "outlook": {
        "e mail address",
        "business phone",
        "mobile phone",
        "job title",
        "business street",
        "e mail display name",
        "home phone",
        "business country region",
        "business country",
        "business city",
        "e mail type",
    },
    "thunderbird": {
        "primary email",
        "secondary email",
        "display name",
        "work zipcode",
        "mobile number",
        "screen name",
        "work phone",
        "web page 1",
    },
}


def detect_preset(headers_: list[str]) -> str | None:
    """The export the headers come from (``google``, ``outlook``, ``thunderbird``), if any."""
    names = {normal(h) for h in headers_}
    scores = {preset: len(names & marks) for preset, marks in _PRESET_MARKS.items()}
    best = max(scores, key=lambda p: scores[p])
    return best if scores[best] >= 2 else None


# --- content sniffing -----------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{6,}$")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def looks_like_email(cell: str) -> bool:
    return bool(_EMAIL.match(cell.strip()))


def looks_like_data(cell: str) -> bool:
    """An email, a phone number or a number: a cell no header looks like."""
    text = cell.strip()
    return bool(_EMAIL.match(text) or _PHONE.match(text) or _NUMBER.match(text))


def guess_by_content(entity: str, table: Table) -> list[str | None]:
    """A mapping for a file without a header, from what its columns hold."""
    mapping: list[str | None] = [None] * table.width
    used: set[str] = set()
    for index in range(table.width):
        values = table.column(index)
        if not values:
            continue
        key: str | None
        if all(_EMAIL.match(v.strip()) for v in values) and "email" not in used:
            key = "email"
        elif all(_PHONE.match(v.strip()) for v in values) and entity != "product":
            key = "phone" if "phone" not in used else "note_extra"
        elif entity == "product" and all(_NUMBER.match(v.strip()) for v in values):
            key = "unit_price" if "unit_price" not in used else "note_extra"
        elif "name" not in used:
            key = "name"
        else:
            key = "note_extra"
        mapping[index] = key
        used.add(key)
    return mapping


# --- the mapping ----------------------------------------------------------------------


def guess_mapping(table: Table, entity: str, preset: str = "auto") -> list[str | None]:
    """One target (or None) per column of ``table`` for an import of ``entity``."""
    if entity not in TARGETS:
        raise KeyError(f"cannot import {entity}")
    if not table.has_header:
        return guess_by_content(entity, table)
    chosen = preset if preset != "auto" else (table.preset or detect_preset(table.headers))
    function = _PRESET_FUNCTIONS.get(chosen or "")
    mapping: list[str | None] = []
    for header in table.headers:
        key = function(entity, header) if function else None
        if key is None:  # the preset does not know it: the synonyms and keywords may
            key = guess_target(entity, header)
        mapping.append(key or None)
    if entity == "customer":
        _settle_customer_names(mapping, table.headers)
    _settle_name_parts(mapping, table.headers)
    _fallback_name(table, entity, mapping)
    return mapping


def _fallback_name(table: Table, entity: str, mapping: list[str | None]) -> None:
    """No header says "name" (a language we do not know): the first column of words is it.

    Better than refusing the whole file: the wizard and ``--dry-run`` show the
    choice, and the user can change it.
    """
    if any(key in ("name", "company", "person", "first_name", "last_name") for key in mapping):
        return
    for index, key in enumerate(mapping):
        if key != "note_extra":
            continue
        values = table.column(index, limit=50)
        words = [v for v in values if not looks_like_data(v) and not _EMAIL.search(v)]
        if values and len(words) * 4 >= len(values) * 3:
            mapping[index] = "name"
            return


def _settle_customer_names(mapping: list[str | None], headers_: list[str]) -> None:
    """ "Name" beside "Company" is a person's name (a contact list), not the customer's."""
    if "company" not in mapping or "person" in mapping:
        return
    for index, key in enumerate(mapping):
        if key == "name" and normal(headers_[index]) in ("name", "full name", "фио", "nom"):
            mapping[index] = "person"


def _settle_name_parts(mapping: list[str | None], headers_: list[str]) -> None:
    """French "Nom" beside "Prénom" is the family name, not the whole name."""
    if "first_name" in mapping and "last_name" not in mapping:
        for index, key in enumerate(mapping):
            if key in ("name", "person") and normal(headers_[index]) in ("nom", "name"):
                mapping[index] = "last_name"
                return


@dataclass(frozen=True)
class ColumnFates:
    """Where the columns of a mapping go: into fields, into the notes, or nowhere."""

    mapped: list[tuple[str, str]]  # (header, target label)
    to_notes: list[str]
    left_out: list[str]


def column_fates(entity: str, table: Table, mapping: Sequence[str | None]) -> ColumnFates:
    """Which columns feed a field, which are kept in the notes, which are not imported."""
    labels = {t.key: t.label for t in TARGETS[entity]}
    mapped, to_notes, left_out = [], [], []
    for header, key in zip(table.headers, mapping, strict=False):
        if key is None:
            left_out.append(header)
        elif key == "note_extra":
            to_notes.append(header)
        else:
            mapped.append((header, labels.get(key, key)))
    return ColumnFates(mapped, to_notes, left_out)


def parse_map_option(entity: str, text: str) -> tuple[str, str | None]:
    """``"Header=field"`` (the CLI's ``--map``) → (header, target key or None).

    The field is a target key (``email``, ``contact_name``) or its label
    (``Email``), ``notes+`` (``note_extra``: keep in the notes) or ``-`` /
    empty (do not import). ValueError says what is wrong.
    """
    header, sep, field_name = text.rpartition("=")
    if not sep or not header.strip():
        raise ValueError(_("--map needs HEADER=FIELD, not “{text}”").format(text=text))
    wanted = field_name.strip()
    if wanted in ("", "-", "none", "ignore"):
        return header.strip(), None
    if wanted in ("notes+", "note_extra", "add to notes"):
        return header.strip(), "note_extra"
    for item in TARGETS[entity]:
        if wanted == item.key or fold(wanted) == fold(item.label):
            return header.strip(), item.key
    keys = ", ".join(t.key for t in TARGETS[entity] if t.key != "note_extra")
    raise ValueError(
        _("“{wanted}” is not a field of {ENTITY_LABELS}; use one of {keys}, notes+ or -").format(
            wanted=wanted, ENTITY_LABELS=ENTITY_LABELS[entity], keys=keys
        )
    )


def apply_overrides(
    table: Table, mapping: list[str | None], overrides: Sequence[tuple[str, str | None]]
) -> list[str | None]:
    """The mapping with the user's ``Header=field`` choices applied; ValueError for a typo."""
    result = list(mapping)
    for header, key in overrides:
        matches = [i for i, h in enumerate(table.headers) if h == header]
        if not matches:
            matches = [i for i, h in enumerate(table.headers) if normal(h) == normal(header)]
        if not matches:
            raise ValueError(
                _("the file has no column “{header}” (its columns: {value})").format(
                    header=header, value=", ".join(table.headers)
                )
            )
        for index in matches:
            result[index] = key
    return result
