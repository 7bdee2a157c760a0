"""From a file's row to the values of a record: assembling mapped columns, then validating.

Validation uses the very parsers of the forms (``records.clean`` with each
entity's spec), with one difference for speed: the settings they read (the
phone region, the currency's decimals) are read once per import instead of
once per value (:class:`Rules`). A row that fails is refused with a reason
that names the column, never half-imported.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.models.tables import MAX_UNIT_PRICE_CENTS
from crm_desktop.services import money, records, settings, validation
from crm_desktop.services.contacts import CONTACT
from crm_desktop.services.customers import CUSTOMER
from crm_desktop.services.importing.mapping import target
from crm_desktop.services.importing.table import SourceRow
from crm_desktop.services.products import PRODUCT
from crm_desktop.services.records import Entity, Row
from crm_desktop.services.validation import FieldError

MULTI_VALUE = " ::: "  # Google Contacts puts several emails or phones in one cell like this
_TAG_SPLIT = re.compile(r"\s*(?:,|;| ::: )\s*")
_WORD_KINDS = {
    "company": (
        "company",
        "org",
        "organization",
        "organisation",
        "business",
        "компания",
        "организация",
        "юрлицо",
        "юр лицо",
        "юридическое лицо",
    ),
    "person": (
        "person",
        "individual",
        "private",
        "человек",
        "частное лицо",
        "физлицо",
        "физ лицо",
        "физическое лицо",
    ),
}
_WORD_STATUSES = {
    "lead": ("лид", "новый"),
    "prospect": ("потенциальный", "перспективный"),
    "active": ("активный", "действующий"),
    "inactive": ("неактивный", "бывший"),
}


class RowError(Exception):
    """Why a row is refused (the message names the columns)."""


@dataclass
class Prepared:
    """One valid row: the record's values, which of them the file gave, and its extras."""

    line: int
    values: Row
    provided: set[str]
    contact: Row | None = None
    contact_provided: set[str] = field(default_factory=set)
    tags: list[str] = field(default_factory=list)
    customer_name: str | None = None  # contacts: the customer the row names
    customer_email: str | None = None
    name_key: str | None = None  # set by matching, reused when the record is indexed

    @property
    def label(self) -> str:
        return str(self.values.get("name") or self.values.get("sku") or "")


def _without(spec: Entity, *names: str) -> Entity:
    return dataclasses.replace(spec, fields=tuple(f for f in spec.fields if f.name not in names))


def _with_parser(spec: Entity, name: str, parse: validation.Parser) -> Entity:
    return dataclasses.replace(
        spec,
        fields=tuple(
            dataclasses.replace(f, parse=parse) if f.name == name else f for f in spec.fields
        ),
    )


class Rules:
    """The entities' specs with their settings read once, as one import uses them."""

    def __init__(self, region: str | None = None, currency: str | None = None) -> None:
        region = region or settings.get("phone_region")
        self.currency = currency or settings.get("currency")
        exponent = money.currency_exponent(self.currency)
        phone = validation.phone_parser(lambda: region)
        amount = validation.money_parser(lambda: exponent)

        def unit_price(value: object) -> int | None:
            cents = amount(value)
            if cents is not None and cents > MAX_UNIT_PRICE_CENTS:
                raise FieldError("The price is too large.")
            return cents

        self.region = region
        self.customer = _with_parser(CUSTOMER, "phone", phone)
        # A contact's customer is found by the import, not given by the file.
        self.contact = _with_parser(_without(CONTACT, "customer_id"), "phone", phone)
        self.product = _with_parser(PRODUCT, "unit_price_cents", unit_price)
        self.phone = phone


class Plan:
    """A mapping made ready for many rows: each mapped target and its columns, in order."""

    def __init__(self, mapping: Sequence[str | None], headers: Sequence[str]):
        self.headers = list(headers)
        columns: dict[str, list[int]] = {}
        for index, key in enumerate(mapping):
            if key is not None:
                columns.setdefault(key, []).append(index)
        self.items = [(key, indices) for key, indices in columns.items()]


class _Row:
    """The mapped values of one row, and the notes lines of what had no field."""

    __slots__ = ("cells", "extras", "groups", "headers")

    def __init__(self, plan: Plan, cells: Sequence[str]):
        self.cells = cells
        self.headers = plan.headers
        width = len(cells)
        groups: dict[str, list[int]] = {}
        for key, indices in plan.items:
            found = [i for i in indices if i < width and cells[i] and not cells[i].isspace()]
            if found:
                groups[key] = found
        self.groups = groups
        extra = groups.get("note_extra")
        self.extras: list[str] = (
            [f"{self.headers[i]}: {cells[i].strip()}" for i in extra] if extra else []
        )

    def one(self, key: str, *, split: bool = False) -> str | None:
        """The first value of a single-value target; the others go to the notes."""
        indices = self.groups.get(key)
        if not indices:
            return None
        cells = self.cells
        if len(indices) == 1 and not (split and MULTI_VALUE in cells[indices[0]]):
            return cells[indices[0]]
        values: list[tuple[str, str]] = []
        for index in indices:
            header, value = self.headers[index], cells[index]
            if split and MULTI_VALUE in value:
                values += [(header, part) for part in value.split(MULTI_VALUE) if part.strip()]
            else:
                values.append((header, value))
        first = values[0][1]
        for header, value in values[1:]:
            if value.strip() != first.strip():
                self.extras.append(f"{header}: {value.strip()}")
        return first

    def joined(self, key: str, separator: str = ", ") -> str | None:
        indices = self.groups.get(key)
        return separator.join(self.cells[i].strip() for i in indices) if indices else None

    def has(self, key: str) -> bool:
        return key in self.groups

    def person(self) -> str | None:
        full = self.one("person")
        if full:
            return full
        parts = [self.one(k) for k in ("first_name", "middle_name", "last_name")]
        text = " ".join(p.strip() for p in parts if p and p.strip())
        return text or None


def _words(value: str | None, table: Mapping[str, tuple[str, ...]]) -> str | None:
    if value is None:
        return None
    text = " ".join(re.sub(r"[^\w]+", " ", value.casefold()).split())
    for key, words in table.items():
        if text in words:
            return key
    return value


def _notes(base: str | None, extras: list[str]) -> str | None:
    if not extras:
        return base
    tail = "\n".join(extras)
    return f"{base.rstrip()}\n\n{tail}" if base and base.strip() else tail


def _clean(spec: Entity, data: dict[str, Any], prefix: str = "") -> Row:
    try:
        return records.clean(spec, data)
    except ValidationError as exc:
        labels = {f.name: f.label for f in spec.fields}
        raise RowError(
            "; ".join(f"{prefix}{labels.get(k, k)}: {m}" for k, m in exc.errors.items())
        ) from None


def _split_tags(text: str | None) -> list[str]:
    if not text:
        return []
    tags = []
    for part in _TAG_SPLIT.split(text):
        part = part.strip()
        if not part or part.lower() in ("* mycontacts", "mycontacts"):
            continue
        tags.append(part.lstrip("* ").strip() or part)
    out: list[str] = []
    for tag in tags:
        if len(tag) > 60:
            raise RowError(f"Tags: “{tag[:30]}…” is longer than 60 characters.")
        if tag.casefold() not in (t.casefold() for t in out):
            out.append(tag)
    return out


def prepare_customer(rules: Rules, row: _Row, line: int) -> Prepared:
    company = row.one("company")
    person = row.person()
    name = row.one("name") or company or person
    kind = _words(row.one("kind"), _WORD_KINDS)
    if not kind:
        kind = "person" if (person and not company and not row.one("name")) else None
    data: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "website": row.one("website", split=True),
        "city": row.one("city"),
        "country": row.one("country"),
        "status": _words(row.one("status"), _WORD_STATUSES),
        "source": row.one("source"),
    }
    address = row.one("address")
    if not address:
        street = row.joined("street")
        tail = " ".join(p for p in (row.one("postal_code"), row.one("region")) if p)
        address = ", ".join(p for p in (street, tail) if p) or None
    else:
        for key in ("street", "postal_code", "region"):
            if row.has(key):
                row.extras.append(f"{target('customer', key).label}: {row.joined(key)}")
    data["address"] = address
    email = row.one("email", split=True)
    phone = row.one("phone", split=True)
    position = row.one("position")
    contact_data: dict[str, Any] = {
        "name": row.one("contact_name"),
        "position": row.one("contact_position"),
        "email": row.one("contact_email", split=True),
        "phone": row.one("contact_phone", split=True),
    }
    explicit_contact = any(contact_data.values())
    if not explicit_contact and company and person and person != name:
        # A person at a company (Google, Outlook, a phone): the company is the customer,
        # the person its contact, and the person's email and phone are the contact's.
        contact_data = {"name": person, "position": position, "email": email, "phone": phone}
        email = phone = None
    elif position:
        row.extras.append(f"{target('customer', 'position').label}: {position.strip()}")
    data["email"] = email
    data["phone"] = phone
    tags = _split_tags(row.joined("tags", ", "))
    data["notes"] = _notes(row.one("notes"), row.extras)
    provided = {k for k, v in data.items() if v not in (None, "")}
    values = _clean(rules.customer, {k: v for k, v in data.items() if k in provided})
    contact = None
    contact_provided: set[str] = set()
    if any(v not in (None, "") for v in contact_data.values()):
        contact_provided = {k for k, v in contact_data.items() if v not in (None, "")}
        contact = _clean(
            rules.contact,
            {k: v for k, v in contact_data.items() if k in contact_provided},
            prefix="Contact ",
        )
    return Prepared(line, values, provided, contact, contact_provided, tags)


def prepare_contact(rules: Rules, row: _Row, line: int) -> Prepared:
    data: dict[str, Any] = {
        "name": row.one("name") or row.person(),
        "position": row.one("position"),
        "email": row.one("email", split=True),
        "phone": row.one("phone", split=True),
        "is_primary": row.one("is_primary"),
    }
    data["notes"] = _notes(row.one("notes"), row.extras)
    provided = {k for k, v in data.items() if v not in (None, "")}
    values = _clean(rules.contact, {k: v for k, v in data.items() if k in provided})
    customer_email = row.one("customer_email")
    if customer_email:
        try:
            customer_email = validation.email(customer_email)
        except FieldError as exc:
            raise RowError(f"Customer's email: {exc}") from None
    customer_name = row.one("customer")
    return Prepared(
        line,
        values,
        provided,
        customer_name=validation.line(200)(customer_name) if customer_name else None,
        customer_email=customer_email,
    )


def prepare_product(rules: Rules, row: _Row, line: int) -> Prepared:
    data: dict[str, Any] = {
        "sku": row.one("sku"),
        "name": row.one("name"),
        "unit_price_cents": row.one("unit_price"),
        "stock_qty": row.one("stock_qty"),
        "active": row.one("active"),
    }
    data["description"] = _notes(row.one("description"), row.extras)
    provided = {k for k, v in data.items() if v not in (None, "")}
    values = _clean(rules.product, {k: v for k, v in data.items() if k in provided})
    return Prepared(line, values, provided)


_PREPARE = {"customer": prepare_customer, "contact": prepare_contact, "product": prepare_product}


def prepare(entity: str, rules: Rules, plan: Plan, row: SourceRow) -> Prepared:
    """The valid values of one row; RowError says why a row cannot be imported."""
    mapped = _Row(plan, row.cells)
    if not mapped.groups:
        raise RowError("The row has no value in any imported column.")
    return _PREPARE[entity](rules, mapped, row.line)


def check_mapping(entity: str, mapping: Sequence[str | None]) -> str | None:
    """What a mapping lacks to import anything (a message), or None when it can work."""
    keys = set(k for k in mapping if k)
    if entity == "customer" and not keys & {"name", "company", "person", "first_name", "last_name"}:
        return "Map a column to “Customer name” (or “Company”, or a person's name)."
    if entity == "contact" and not keys & {"name", "first_name", "last_name"}:
        return "Map a column to “Name” (or first and last name)."
    if entity == "product" and "name" not in keys:
        return "Map a column to “Name”."
    return None
