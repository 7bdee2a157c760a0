"""Which column of a file goes into which field: targets, presets and header guessing.

Each kind of import (customers, contacts, products) has *targets*: the
fields a column can feed ("Email", "Company", "First name", "Add to notes"…).
A mapping is one target (or ``None``: ignore) per column. It is guessed:

1. by a preset when the headers are those of a known export — our own,
   Google Contacts (both CSV layouts), Outlook (English), vCards;
2. otherwise header by header: an exact synonym in English or Russian
   ("E-mail", "Эл. почта"), then a keyword inside the header ("Mobile
   phone", "Телефон рабочий");
3. a file without a header is mapped by content: a column of emails, of
   phone numbers, then the first text column as the name.

Several columns may feed one target. For a single-value field the first
non-empty one wins and the others are added to the notes ("Mobile Phone:
+7 …"), so that nothing in the file is lost; "Street" parts and tags are
joined instead. The user can change every mapping in the wizard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crm_desktop.services.importing.table import Table
from crm_desktop.services.text import fold


@dataclass(frozen=True)
class Target:
    """A field a column can feed; ``join`` targets combine several columns."""

    key: str
    label: str
    join: bool = False


NOTE = Target("note_extra", "Add to notes", join=True)

_PERSON = (
    Target("first_name", "First name"),
    Target("middle_name", "Middle name"),
    Target("last_name", "Last name"),
)

TARGETS: dict[str, tuple[Target, ...]] = {
    "customer": (
        Target("name", "Customer name"),
        Target("kind", "Kind (company / person)"),
        Target("company", "Company"),
        Target("person", "Person's full name"),
        *_PERSON,
        Target("position", "Person's job title"),
        Target("email", "Email"),
        Target("phone", "Phone"),
        Target("website", "Website"),
        Target("address", "Address"),
        Target("street", "Street", join=True),
        Target("postal_code", "Postal code"),
        Target("region", "Region / state"),
        Target("city", "City"),
        Target("country", "Country"),
        Target("status", "Status"),
        Target("source", "Source"),
        Target("tags", "Tags", join=True),
        Target("notes", "Notes"),
        Target("contact_name", "Contact: name"),
        Target("contact_position", "Contact: position"),
        Target("contact_email", "Contact: email"),
        Target("contact_phone", "Contact: phone"),
        NOTE,
    ),
    "contact": (
        Target("name", "Name"),
        *_PERSON,
        Target("position", "Position"),
        Target("email", "Email"),
        Target("phone", "Phone"),
        Target("notes", "Notes"),
        Target("is_primary", "Primary contact (yes / no)"),
        Target("customer", "Customer (company name)"),
        Target("customer_email", "Customer's email"),
        NOTE,
    ),
    "product": (
        Target("sku", "SKU"),
        Target("name", "Name"),
        Target("description", "Description"),
        Target("unit_price", "Unit price"),
        Target("stock_qty", "Stock"),
        Target("active", "Active (yes / no)"),
        Target("note_extra", "Add to description", join=True),
    ),
}

ENTITY_LABELS = {"customer": "customers", "contact": "contacts", "product": "products"}
PRESETS = ("auto", "google", "outlook")


def target(entity: str, key: str) -> Target:
    for item in TARGETS[entity]:
        if item.key == key:
            return item
    raise KeyError(f"{entity} import has no target {key!r}")


def normal(header: str) -> str:
    """A header as compared: folded (case, accents, ё→е), punctuation and spacing collapsed."""
    text = fold(header.replace("\ufeff", ""))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _table(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normal(name): key for key, names in pairs.items() for name in names}


# --- exact synonyms, per entity (our own export headers among them) -------------------

_COMMON_PERSON = {
    "first_name": ("first name", "given name", "firstname", "имя"),
    "middle_name": ("middle name", "additional name", "отчество"),
    "last_name": ("last name", "family name", "surname", "lastname", "фамилия"),
}

# Email and phone headers both a customers and a contacts import take (customers a few more).
_EMAIL_NAMES = (
    "email",
    "e mail",
    "email address",
    "e mail address",
    "mail",
    "e mail 1 value",
    "почта",
    "электронная почта",
    "эл почта",
    "адрес эл почты",
)
_PHONE_NAMES = (
    "phone",
    "telephone",
    "phone number",
    "tel",
    "mobile",
    "mobile phone",
    "business phone",
    "work phone",
    "phone 1 value",
    "телефон",
    "мобильный",
    "мобильный телефон",
    "рабочий телефон",
)

SYNONYMS: dict[str, dict[str, str]] = {
    "customer": _table(
        {
            "name": (
                "name",
                "customer",
                "customer name",
                "client",
                "client name",
                "full name",
                "название",
                "наименование",
                "клиент",
                "имя клиента",
                "контрагент",
                "фио",
                "полное имя",
                "название компании",
            ),
            "kind": ("kind", "type", "customer type", "тип", "вид", "тип клиента"),
            "company": (
                "company",
                "organization",
                "organisation",
                "company name",
                "organization name",
                "organization 1 name",
                "компания",
                "организация",
                "фирма",
            ),
            "person": ("person", "contact person", "контактное лицо"),
            **_COMMON_PERSON,
            "position": (
                "job title",
                "title",
                "organization title",
                "organization 1 title",
                "должность",
            ),
            "email": (*_EMAIL_NAMES, "e mail адрес", "емейл", "имейл"),
            "phone": (*_PHONE_NAMES, "тел"),
            "website": (
                "website",
                "web site",
                "web page",
                "url",
                "site",
                "homepage",
                "website 1 value",
                "сайт",
                "веб сайт",
                "веб страница",
            ),
            "address": (
                "address",
                "full address",
                "address 1 formatted",
                "адрес",
                "юридический адрес",
                "почтовый адрес",
            ),
            "street": (
                "street",
                "address 1 street",
                "business street",
                "business street 2",
                "business street 3",
                "address 1 extended address",
                "address 1 po box",
                "улица",
            ),
            "postal_code": (
                "postal code",
                "zip",
                "zip code",
                "postcode",
                "address 1 postal code",
                "business postal code",
                "индекс",
                "почтовый индекс",
            ),
            "region": (
                "region",
                "state",
                "province",
                "address 1 region",
                "business state",
                "область",
                "регион",
                "край",
            ),
            "city": (
                "city",
                "town",
                "address 1 city",
                "business city",
                "город",
                "населенный пункт",
            ),
            "country": (
                "country",
                "address 1 country",
                "business country region",
                "country region",
                "страна",
            ),
            "status": ("status", "статус"),
            "source": ("source", "lead source", "источник"),
            "tags": (
                "tags",
                "tag",
                "labels",
                "group membership",
                "categories",
                "теги",
                "метки",
                "категории",
                "группы",
            ),
            "notes": (
                "notes",
                "note",
                "comment",
                "comments",
                "description",
                "заметки",
                "примечание",
                "примечания",
                "комментарий",
                "комментарии",
            ),
            "contact_name": (
                "contact",
                "contact name",
                "primary contact",
                "контакт",
                "имя контакта",
            ),
            "contact_position": (
                "contact position",
                "contact title",
                "contact job title",
                "должность контакта",
            ),
            "contact_email": ("contact email", "contact e mail", "email контакта"),
            "contact_phone": ("contact phone", "телефон контакта"),
        }
    ),
    "contact": _table(
        {
            "name": (
                "name",
                "full name",
                "contact",
                "contact name",
                "person",
                "фио",
                "имя и фамилия",
                "полное имя",
                "контакт",
                "контактное лицо",
            ),
            **_COMMON_PERSON,
            "position": (
                "position",
                "job title",
                "title",
                "role",
                "organization title",
                "organization 1 title",
                "должность",
            ),
            "email": _EMAIL_NAMES,
            "phone": _PHONE_NAMES,
            "notes": (
                "notes",
                "note",
                "comment",
                "comments",
                "заметки",
                "примечание",
                "примечания",
                "комментарий",
            ),
            "is_primary": (
                "primary",
                "primary contact",
                "is primary",
                "основной",
                "основной контакт",
            ),
            "customer": (
                "customer",
                "company",
                "organization",
                "organisation",
                "company name",
                "organization name",
                "organization 1 name",
                "customer name",
                "client",
                "клиент",
                "компания",
                "организация",
            ),
            "customer_email": ("customer email", "company email", "email клиента"),
        }
    ),
    "product": _table(
        {
            "sku": (
                "sku",
                "article",
                "code",
                "product code",
                "item code",
                "part number",
                "артикул",
                "код",
                "код товара",
            ),
            "name": (
                "name",
                "product",
                "product name",
                "item",
                "title",
                "название",
                "наименование",
                "товар",
            ),
            "description": ("description", "details", "описание"),
            "unit_price": (
                "unit price",
                "price",
                "cost",
                "unit cost",
                "цена",
                "стоимость",
                "цена за единицу",
            ),
            "stock_qty": (
                "stock",
                "stock qty",
                "quantity",
                "qty",
                "in stock",
                "остаток",
                "количество",
                "на складе",
            ),
            "active": ("active", "enabled", "активен", "активный"),
        }
    ),
}

# Other languages people export address books in (German, French, Spanish).
_MORE = {
    "company": ("firma", "unternehmen", "societe", "entreprise", "empresa", "compania"),
    "first_name": ("vorname", "prenom", "nombre"),
    "last_name": ("nachname", "familienname", "nom de famille", "apellido", "apellidos"),
    "phone": (
        "telefon",
        "handy",
        "mobil",
        "mobiltelefon",
        "telephone",
        "portable",
        "telefono",
        "movil",
    ),
    "email": ("e mail adresse", "courriel", "adresse e mail", "correo", "correo electronico"),
    "city": ("stadt", "ort", "ville", "ciudad"),
    "country": ("land", "pays", "pais"),
    "street": ("strasse", "rue", "calle"),
    "postal_code": ("plz", "postleitzahl", "code postal", "codigo postal"),
    "address": ("anschrift", "adresse", "direccion"),
    "notes": ("notizen", "bemerkung", "bemerkungen", "notiz", "remarques", "notas"),
    "position": ("position", "funktion", "fonction", "poste", "cargo", "puesto"),
    "website": ("webseite", "internetseite", "site web", "sitio web"),
}
for _entity, _table_ in SYNONYMS.items():
    for _key, _names in _MORE.items():
        _target = "customer" if (_entity == "contact" and _key == "company") else _key
        if _entity == "product" or not any(t.key == _target for t in TARGETS[_entity]):
            continue
        for _name in _names:
            _table_.setdefault(normal(_name), _target)

# Keywords inside a header, tried in order when no synonym matches exactly.
_KEYWORDS: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]] = {
    "customer": (
        (("type", "label", "display", "тип"), None),
        (("fax", "факс"), "note_extra"),
        (("mail", "почт"), "email"),
        (("phone", "tel", "mobile", "телефон", "моб"), "phone"),
        (("city", "город"), "city"),
        (("country", "стран"), "country"),
        (("street", "улиц"), "street"),
        (("postal", "zip", "индекс"), "postal_code"),
        (("state", "region", "област", "регион"), "region"),
        (("address", "адрес"), "address"),
        (("company", "organi", "организац", "компан", "фирм"), "company"),
        (("note", "comment", "remark", "memo", "примеч", "коммент", "заметк"), "notes"),
        (("web", "site", "url", "сайт"), "website"),
        (("tag", "categor", "тег", "метк", "категор"), "tags"),
        (("job", "position", "должност"), "position"),
        (("first", "given"), "first_name"),
        (("last", "family", "surname", "фамил"), "last_name"),
        (("middle", "отчеств"), "middle_name"),
        (("birthday", "anniversary", "день рожд"), "note_extra"),
        (("name", "наимен", "назван", "клиент", "customer", "client"), "name"),
    ),
    "contact": (
        (("type", "label", "display", "тип"), None),
        (("fax", "факс"), "notes"),
        (("mail", "почт"), "email"),
        (("phone", "tel", "mobile", "телефон", "моб"), "phone"),
        (("company", "organi", "customer", "client", "организац", "компан", "клиент"), "customer"),
        (("note", "comment", "remark", "memo", "примеч", "коммент", "заметк"), "notes"),
        (("job", "position", "title", "должност"), "position"),
        (("first", "given"), "first_name"),
        (("last", "family", "surname", "фамил"), "last_name"),
        (("middle", "отчеств"), "middle_name"),
        (("name", "фио"), "name"),
    ),
    "product": (
        (("sku", "артикул", "code", "код"), "sku"),
        (("price", "цена", "cost", "стоимост"), "unit_price"),
        (("stock", "qty", "quantity", "остат", "колич"), "stock_qty"),
        (("descr", "описан"), "description"),
        (("name", "наимен", "назван", "product", "товар"), "name"),
    ),
}


# --- presets --------------------------------------------------------------------------


def _google(entity: str, header: str) -> str | None:
    """Google Contacts CSV, the old layout ("Given Name", "E-mail 1 - Value") and the 2024 one."""
    n = normal(header)
    company = "customer" if entity == "contact" else "company"
    position = "position"
    fixed = {
        "name": "person" if entity == "customer" else "name",
        "given name": "first_name",
        "first name": "first_name",
        "additional name": "middle_name",
        "middle name": "middle_name",
        "family name": "last_name",
        "last name": "last_name",
        "notes": "notes",
        "birthday": "note_extra",
        "nickname": "note_extra",
        "organization 1 name": company,
        "organization name": company,
        "organization 1 title": position,
        "organization title": position,
        "group membership": "tags" if entity == "customer" else None,
        "labels": "tags" if entity == "customer" else None,
    }
    if n in fixed:
        return fixed[n]
    found = re.match(r"^(e mail|phone|website|address|relation|event|im) (\d+) (.+)$", n)
    if found:
        kind, number, part = found.group(1), int(found.group(2)), found.group(3)
        if part in ("type", "label"):
            return None
        if kind == "e mail" and part == "value":
            return "email"
        if kind == "phone" and part == "value":
            return "phone"
        if kind == "website" and part == "value":
            return "website" if entity == "customer" else "notes"
        if kind == "address" and entity == "customer":
            if number > 1:
                return "note_extra" if part == "formatted" else None
            parts = {
                "street": "street",
                "extended address": "street",
                "po box": "street",
                "city": "city",
                "region": "region",
                "postal code": "postal_code",
                "country": "country",
            }
            return parts.get(part)
        if kind == "address" and part == "formatted":
            return "note_extra"
    return None


_OUTLOOK_PHONES = (
    "business phone",
    "mobile phone",
    "primary phone",
    "company main phone",
    "home phone",
    "business phone 2",
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
    """Outlook's "Export to a file → CSV" (English headers)."""
    n = normal(header)
    company = "customer" if entity == "contact" else "company"
    fixed = {
        "first name": "first_name",
        "middle name": "middle_name",
        "last name": "last_name",
        "company": company,
        "job title": "position",
        "e mail address": "email",
        "e mail 2 address": "email",
        "e mail 3 address": "email",
        "notes": "notes",
        "categories": "tags" if entity == "customer" else None,
        "web page": "website" if entity == "customer" else "notes",
        "birthday": "note_extra",
        "anniversary": "note_extra",
        "business fax": "note_extra",
        "home fax": "note_extra",
        "other fax": "note_extra",
    }
    if entity == "customer":
        fixed.update(
            {
                "business street": "street",
                "business street 2": "street",
                "business street 3": "street",
                "business city": "city",
                "business state": "region",
                "business postal code": "postal_code",
                "business country region": "country",
                "home street": "note_extra",
                "home city": "note_extra",
                "home country region": "note_extra",
            }
        )
    if n in fixed:
        return fixed[n] if entity == "customer" or fixed[n] != "note_extra" else "notes"
    if n in _OUTLOOK_PHONES:
        return "phone"
    return None


def _vcard(entity: str, header: str) -> str | None:
    """The columns our vCard reader makes."""
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
            "Birthday": "note_extra",
            "Status": "status",
            "Source": "source",
            "Contact name": "contact_name",
            "Contact position": "contact_position",
            "Contact email": "contact_email",
            "Contact phone": "contact_phone",
        },
        "contact": {
            "Full name": "name",
            "First name": "first_name",
            "Middle name": "middle_name",
            "Last name": "last_name",
            "Organization": "customer",
            "Title": "position",
            "Note": "notes",
            "Customer email": "customer_email",
            "Primary contact": "is_primary",
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
        return "website" if entity == "customer" else "notes"
    return None


_PRESET_FUNCTIONS = {"google": _google, "outlook": _outlook, "vcard": _vcard}


def detect_preset(headers: list[str]) -> str | None:
    """``google`` or ``outlook`` when the headers are one of those exports."""
    names = {normal(h) for h in headers}
    google_marks = {
        "given name",
        "family name",
        "group membership",
        "e mail 1 value",
        "phone 1 value",
        "labels",
        "organization name",
        "organization 1 name",
    }
    outlook_marks = {
        "e mail address",
        "business phone",
        "mobile phone",
        "job title",
        "business street",
        "e mail display name",
        "home phone",
    }
    google = len(names & google_marks)
    outlook = len(names & outlook_marks)
    if google >= 2 and google >= outlook:
        return "google"
    if outlook >= 2:
        return "outlook"
    return None


# --- guessing -------------------------------------------------------------------------


def guess_target(entity: str, header: str) -> str | None:
    """The target of one header by synonyms, then keywords (None: ignore)."""
    n = normal(header)
    if not n:
        return None
    if n in SYNONYMS[entity]:
        return SYNONYMS[entity][n]
    if n in ("import problem", "проблема импорта", "id"):
        return None
    for words, key in _KEYWORDS[entity]:
        if any(word in n for word in words):
            return key
    return None


def header_score(entity: str, cells: list[str]) -> int:
    """How many cells of a row read as known headers (to find the header row)."""
    score = 0
    for cell in cells:
        n = normal(cell)
        if (
            n
            and len(cell) <= 80
            and (n in SYNONYMS[entity] or _google(entity, cell) or _outlook(entity, cell))
        ):
            score += 1
    return score


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{6,}$")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


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
        if all(_EMAIL.match(v.strip()) for v in values) and "email" not in used:
            mapping[index] = "email"
        elif all(_PHONE.match(v.strip()) for v in values) and entity != "product":
            mapping[index] = "phone" if "phone" not in used else "note_extra"
        elif entity == "product" and all(_NUMBER.match(v.strip()) for v in values):
            mapping[index] = "unit_price" if "unit_price" not in used else None
        elif "name" not in used:
            mapping[index] = "name"
        if mapping[index]:
            used.add(mapping[index])  # type: ignore[arg-type]
    return mapping


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
        if key is None and function is None:
            key = guess_target(entity, header)
        mapping.append(key)
    if entity == "customer":
        _settle_customer_names(mapping, table.headers)
    return mapping


def _settle_customer_names(mapping: list[str | None], headers: list[str]) -> None:
    """ "Name" beside a "Company" column is a person's name (a contact list), not the customer's."""
    has_company = "company" in mapping
    has_parts = "first_name" in mapping or "last_name" in mapping
    for index, key in enumerate(mapping):
        if key == "name" and has_company and normal(headers[index]) in ("name", "full name", "фио"):
            mapping[index] = "person" if not has_parts else None
