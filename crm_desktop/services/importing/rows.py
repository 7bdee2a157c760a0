"""From a file's row to the values of a record: assembling mapped columns, then validating.

Validation uses the very parsers of the forms (``records.clean`` with each
entity's spec), with one difference for speed: the settings they read (the
phone region, the currency's decimals) are read once per import (:class:`Rules`).

**Nothing in the row is dropped.** A column without a field goes to the
notes as ``Header: value`` (the file's own header). A value that cannot go
into its field — a phone number the region cannot read, an email with a
typo, a price in words — does not refuse the row: it is **kept as written**
in the record's notes (a product's description), on a line of its own,
flagged::

    ⚠ Телефон: 8 (916) 555-01-02 — not a valid phone number in US

and counted (:attr:`Prepared.kept`), so the summary says how many values
were kept this way and the wizard's preview marks them. A row is refused
(:class:`RowError`) only when it has no name at all.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import _
from crm_desktop.models.tables import MAX_UNIT_PRICE_CENTS
from crm_desktop.services import custom_fields, customer_words, money, records, validation
from crm_desktop.services.contacts import CONTACT
from crm_desktop.services.custom_fields import CustomField
from crm_desktop.services.customers import CUSTOMER
from crm_desktop.services.importing.mapping import built_in_extra_keys
from crm_desktop.services.importing.table import SourceRow
from crm_desktop.services.products import PRODUCT
from crm_desktop.services.records import Entity, Row
from crm_desktop.services.search import haystack
from crm_desktop.services.text import active_order, fold, sort_key
from crm_desktop.services.validation import FieldError

MULTI_VALUE = " ::: "  # Google Contacts puts several emails or phones in one cell like this
KEPT_MARK = "⚠"  # the start of a notes line that holds a value kept as written
_TAG_SPLIT = re.compile(r"\s*(?:,|;| ::: )\s*")
_MAX_TAG = 60
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
_WORD_TABLES: dict[str, Mapping[str, tuple[str, ...]]] = {
    "kind": _WORD_KINDS,
    "status": _WORD_STATUSES,
}
_SHIPPED_KEYS = {"kind": customer_words.KINDS, "status": customer_words.STATUSES}
# Where a person's values come from when the file has no "contact …" columns.
_PERSON_SOURCES = {"name": "person", "position": "position", "email": "email", "phone": "phone"}
_CONTACT_KEYS = ("contact_name", "contact_position", "contact_email", "contact_phone")


class RowError(Exception):
    """Why a row is refused (it has no name at all)."""


@dataclass(frozen=True)
class Kept:
    """A value kept as written in the notes because its field cannot hold it."""

    field: str  # the record's field (``phone``), or the contact's (``contact.phone``)
    header: str
    value: str
    reason: str

    def note(self) -> str:
        return f"{KEPT_MARK} {self.header}: {self.value} — {self.reason}"


@dataclass
class Prepared:
    """One row ready to import: the record's values, which of them the file gave, and more."""

    line: int
    values: Row
    provided: set[str]
    contact: Row | None = None
    contact_provided: set[str] = field(default_factory=set)
    tags: list[str] = field(default_factory=list)
    customer_name: str | None = None  # contacts: the customer the row names
    customer_email: str | None = None
    customer_id: int | None = None  # contacts: the customer id our exports carry
    record_id: int | None = None  # the record id our exports carry
    # Matching keys, computed with the row (in the helper processes of a big import):
    name_key: str | None = None
    city_key: str = ""
    kept: list[Kept] = field(default_factory=list)
    # Customers: the search text of a new customer made of this row alone (its contact and
    # tags), so that the importing process need not compute it (see runner.index_new_customers).
    search_text: str | None = None

    @property
    def label(self) -> str:
        return str(self.values.get("name") or self.values.get("sku") or "")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # The helper processes send 100,000 of these: as a plain tuple of the fields,
        # unpickling in the importing process costs a third of the default's.
        return (Prepared, tuple([getattr(self, name) for name in _PREPARED_FIELDS]))


_PREPARED_FIELDS = tuple(f.name for f in dataclasses.fields(Prepared))


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
    """The entities' specs with their settings read once, as one import uses them.

    ``region`` is the phone region of this import (the setting, the file's own
    or the command line's ``--region``); ``currency`` the setting's.
    """

    def __init__(
        self,
        region: str,
        currency: str,
        custom: Sequence[CustomField] = (),
    ) -> None:
        self.currency = currency
        self.custom = tuple(custom)  # the custom fields (plain data: helpers get a copy)
        exponent = money.currency_exponent(currency)
        phone = validation.phone_parser(lambda: region, strict=True)
        amount = validation.money_parser(lambda: exponent)

        def unit_price(value: object) -> int | None:
            cents = amount(value)
            if cents is not None and cents > MAX_UNIT_PRICE_CENTS:
                raise FieldError(_("The price is too large."))
            return cents

        self.region = region

        def with_custom(spec: Entity) -> Entity:
            added = tuple(
                records.Field(item.key, item.name, custom_fields.parser(item, amount=amount))
                for item in self.custom
                if item.entity == spec.name
            )
            return dataclasses.replace(spec, fields=spec.fields + added) if added else spec

        self.customer = with_custom(_with_parser(CUSTOMER, "phone", phone))
        # A contact's customer is found by the import, not given by the file.
        self.contact = with_custom(_with_parser(_without(CONTACT, "customer_id"), "phone", phone))
        self.product = with_custom(_with_parser(PRODUCT, "unit_price_cents", unit_price))
        self.phone = phone
        self.order = active_order()  # the names' sort order, asked once (see text.sort_key)
        self._extra_keys: dict[str, list[str]] = {}

    @classmethod
    def from_settings(cls, region: str | None = None) -> Rules:
        from crm_desktop.services import settings

        return cls(
            region or settings.get("phone_region"),
            settings.get("currency"),
            custom_fields.all_fields(),
        )

    def extra_keys(self, entity: str) -> list[str]:
        """The targets that map straight into a field: the catalogue's other built-in
        fields and this entity's custom fields (read once per import: asked for every row)."""
        keys = self._extra_keys.get(entity)
        if keys is None:
            custom = [f.key for f in self.custom if f.entity == entity]
            keys = self._extra_keys[entity] = built_in_extra_keys(entity) + custom
        return keys


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
    """The mapped values of one row, the notes lines of what had no field, and their sources."""

    __slots__ = ("cells", "extras", "groups", "headers", "source")

    def __init__(self, plan: Plan, cells: Sequence[str]):
        self.cells = cells
        self.headers = plan.headers
        width = len(cells)
        groups: dict[str, list[int]] = {}
        for key, indices in plan.items:
            if len(indices) == 1:  # the common case, without building a list to test
                i = indices[0]
                if i < width:
                    cell = cells[i]
                    if cell and not cell.isspace():
                        groups[key] = indices
                continue
            found = [i for i in indices if i < width and cells[i] and not cells[i].isspace()]
            if found:
                groups[key] = found
        self.groups = groups
        self.source: dict[str, int] = {}  # target → the column its value came from
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
        self.source[key] = indices[0]
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
        if not indices:
            return None
        self.source[key] = indices[0]
        return separator.join(self.cells[i].strip() for i in indices)

    def has(self, key: str) -> bool:
        return key in self.groups

    def header(self, key: str) -> str:
        """The header of the column a target's value came from (its label if none)."""
        index = self.source.get(key)
        if index is None and key in self.groups:
            index = self.groups[key][0]
        return self.headers[index] if index is not None else key

    def keep_aside(self, key: str, value: str | None) -> None:
        """A value that has no place in this record: into the notes under its header."""
        if value and value.strip():
            self.extras.append(f"{self.header(key)}: {value.strip()}")

    def person(self, full_key: str = "person") -> str | None:
        """A person's name: the full-name column, or the parts in the order of their script."""
        full = self.one(full_key)
        groups = self.groups
        if "first_name" not in groups and "middle_name" not in groups and "last_name" not in groups:
            return full  # no name parts in this row: nothing to assemble or keep aside
        parts = {k: self.one(k) for k in ("first_name", "middle_name", "last_name")}
        assembled = person_name(parts["first_name"], parts["middle_name"], parts["last_name"])
        if not full:
            return assembled
        if assembled and _letters(assembled) != _letters(full):
            if _cjk(assembled) and sorted(_letters(assembled)) == sorted(_letters(full)):
                return assembled  # "伟 张" given-name first: the parts say 张伟
            for key, value in parts.items():
                if value and fold(value.strip()) not in fold(full):
                    self.keep_aside(key, value)
        return full


def _letters(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _cjk(text: str) -> bool:
    return any(
        "\u3040" <= ch <= "\u30ff"  # kana
        or "\u3400" <= ch <= "\u9fff"  # Han
        or "\uac00" <= ch <= "\ud7af"  # Hangul
        for ch in text
    )


def person_name(first: str | None, middle: str | None, last: str | None) -> str | None:
    """A name from its parts: Western "First Middle Last"; Chinese, Japanese, Korean
    family name first with no space (``张`` + ``伟`` → ``张伟``)."""
    first, middle, last = (p.strip() if p else "" for p in (first, middle, last))
    if _cjk(first + middle + last):
        return (last + middle + first) or None
    return " ".join(p for p in (first, middle, last) if p) or None


_NON_WORD = re.compile(r"[^\w]+")


def _words(value: str | None, column: str) -> str | None:
    """A kind or status written as a word of the file's language (``Лид``) → its key."""
    if value is None:
        return None
    return _word_key(value, column) or value


@functools.lru_cache(maxsize=1024)
def _word_key(value: str, column: str) -> str | None:
    # Such a column holds a handful of distinct words: each is looked up once per process.
    text = _plain(value)
    for key, words in _WORD_TABLES[column].items():
        if text in words:
            return key
    # The words our own window and documents use, in every shipped language (意向客户).
    shipped = customer_words.shipped_words()
    for key in _SHIPPED_KEYS[column]:
        if text in (_plain(word) for word in shipped[key]):
            return key
    return None


def _plain(word: str) -> str:
    return " ".join(_NON_WORD.sub(" ", word.casefold()).split())


def _notes(base: str | None, extras: list[str], kept: list[Kept]) -> str | None:
    lines = [*extras, *(k.note() for k in kept)]
    if not lines:
        return base
    tail = "\n".join(lines)
    return f"{base.rstrip()}\n\n{tail}" if base and base.strip() else tail


def _reason(name: str, message: str, region: str) -> str:
    if name.endswith("phone"):
        return _("not a valid phone number in {region}").format(region=region)
    if name.endswith("email"):
        return _("not a valid email address")
    if name.endswith("website"):
        return _("not a web address")
    return message.rstrip(".")[:1].lower() + message.rstrip(".")[1:]


def _keep_in_notes(
    spec: Entity, values: dict[str, Any], given: dict[str, Any], extras: list[str], kept: list[Kept]
) -> None:
    """Add unmapped columns and kept-as-written values to the record's notes (in place)."""
    if not extras and not kept:  # most rows: nothing to add
        return
    notes = _notes(values.get("notes"), extras, kept)
    if notes != values.get("notes"):
        try:
            values["notes"] = spec.field("notes").parse(notes)
        except FieldError as exc:
            raise RowError(_("Notes: {exc}").format(exc=exc)) from None
        given["notes"] = notes


def _clean_keeping(
    spec: Entity,
    data: dict[str, Any],
    row: _Row,
    region: str,
    *,
    prefix: str = "",
    sources: Mapping[str, str] | None = None,
) -> tuple[Row, list[Kept]]:
    """``records.clean``; a value its field refuses is taken out and kept as written.

    ``sources``: for each field, the target whose column fed it (its header
    labels the kept value). Only a missing name refuses the row.
    """
    kept: list[Kept] = []
    handled: set[str] = set()
    while True:
        try:
            return records.clean(spec, data), kept
        except ValidationError as exc:
            errors = exc.errors
        labels = {f.name: f.label for f in spec.fields}
        for name, message in errors.items():
            value = data.get(name)
            if name == "name" and (value is None or not str(value).strip()):
                raise RowError(
                    _("{prefix}{labels} is required: the row has no name.").format(
                        prefix=prefix, labels=labels["name"]
                    )
                )
            if name in handled or value is None or not str(value).strip():
                raise RowError(f"{prefix}{labels.get(name, name)}: {message}")
            handled.add(name)
            source = (sources or {}).get(name, name)
            header = row.header(source) if source in row.groups else labels.get(name, name)
            text = str(value).strip()
            kept.append(Kept(prefix + name, header, text, _reason(name, message, region)))
            if name == "name":  # too long: the start stays the name, the whole is in the notes
                data[name] = text[:199] + "…"
            else:  # the field is left empty (or takes its default: a price of 0, a lead)
                del data[name]


def _split_tags(row: _Row) -> tuple[list[str], list[Kept]]:
    text = row.joined("tags", ", ")
    if not text:
        return [], []
    tags: list[str] = []
    kept: list[Kept] = []
    for part in _TAG_SPLIT.split(text):
        part = part.strip()
        if not part or part.lower() in ("* mycontacts", "mycontacts"):
            continue
        tag = part.lstrip("* ").strip() or part
        if len(tag) > _MAX_TAG:
            kept.append(
                Kept("tags", row.header("tags"), tag, f"a tag has at most {_MAX_TAG} characters")
            )
        elif tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    return tags, kept


def _id(row: _Row, key: str) -> int | None:
    value = row.one(key)
    if value and value.strip().isdigit() and len(value.strip()) < 16:
        return int(value.strip())
    if value and value.strip():
        row.keep_aside(key, value)
    return None


def _catalogue_values(rules: Rules, entity: str, row: _Row, data: dict[str, Any]) -> list[str]:
    """Put the columns mapped to the catalogue's other fields into ``data``; their keys."""
    keys = []
    groups = row.groups
    for key in rules.extra_keys(entity):
        if key in groups:
            data[key] = row.one(key, split=not key.startswith("cf_"))
            keys.append(key)
    return keys


def _provided(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "")}


def prepare_customer(rules: Rules, row: _Row, line: int) -> Prepared:
    company = row.one("company")
    name = row.one("name")
    person = row.person()
    explicit = not row.groups.keys().isdisjoint(_CONTACT_KEYS)
    customer_name = name or company or person
    if name and company and fold(company) != fold(name):
        row.keep_aside("company", company)
    kind = _words(row.one("kind"), "kind")
    if not kind:
        kind = "person" if (person and not company and not name) else None
    data: dict[str, Any] = {
        "name": customer_name,
        "kind": kind,
        "website": row.one("website", split=True),
        "city": row.one("city"),
        "country": row.one("country"),
        "status": _words(row.one("status"), "status"),
        "source": row.one("source"),
    }
    address = row.one("address")
    if not address:
        street = row.joined("street")
        tail = (
            " ".join(p for p in (row.one("postal_code"), row.one("region")) if p)
            if row.has("postal_code") or row.has("region")
            else ""
        )
        address = (", ".join(p for p in (street, tail) if p) or None) if street or tail else None
    else:
        for key in ("street", "postal_code", "region"):
            if row.has(key):
                row.keep_aside(key, row.joined(key))
    data["address"] = address
    email = row.one("email", split=True)
    phone = row.one("phone", split=True)
    position = row.one("position")
    contact_data: dict[str, Any] = {}
    contact_sources: Mapping[str, str] = _PERSON_SOURCES
    if explicit:
        contact_data = {
            "name": row.one("contact_name"),
            "position": row.one("contact_position"),
            "email": row.one("contact_email", split=True),
            "phone": row.one("contact_phone", split=True),
        }
        explicit_sources = {k.removeprefix("contact_"): k for k in _CONTACT_KEYS}
        explicit_sources["name"] = "contact_name"
        if position and not contact_data["position"] and contact_data["name"]:
            contact_data["position"] = position
            explicit_sources["position"] = "position"
        elif position:
            row.keep_aside("position", position)
        contact_sources = explicit_sources
        if person and fold(person) != fold(customer_name or ""):
            row.keep_aside("person" if row.has("person") else "first_name", person)
    elif person and (company or name) and fold(person) != fold(customer_name or ""):
        # A person at a company (Google, Outlook, a phone, a "contact person" column): the
        # company is the customer, the person its contact, with the person's email and phone.
        contact_data = {"name": person, "position": position, "email": email, "phone": phone}
        email = phone = None
        data["kind"] = data["kind"] or "company"
    elif position:
        row.keep_aside("position", position)
    data["email"] = email
    data["phone"] = phone
    tags, kept_tags = _split_tags(row)
    record_id = _id(row, "id")
    contact: Row | None = None
    contact_provided: set[str] = set()
    contact_kept: list[Kept] = []
    contact_notes: list[str] = []
    if contact_data and any(v not in (None, "") for v in contact_data.values()):
        given = _provided(contact_data)
        if "name" not in given:  # a contact's email or phone without a name: the customer's
            for key, value in given.items():
                row.keep_aside(contact_sources.get(key, key), value)
        else:
            contact, contact_kept = _clean_keeping(
                rules.contact, given, row, rules.region, prefix="contact.", sources=contact_sources
            )
            contact_provided = set(given)
            if contact_kept:
                contact["notes"] = _notes(None, contact_notes, contact_kept)
                contact_provided.add("notes")
    _catalogue_values(rules, "customer", row, data)
    sources = {key: key for key in data}
    data["notes"] = row.one("notes")
    values_data = _provided(data)
    values, kept = _clean_keeping(rules.customer, values_data, row, rules.region, sources=sources)
    _keep_in_notes(rules.customer, values, values_data, row.extras, [*kept, *kept_tags])
    first_tags: dict[str, str] = {}  # the tags as the import adds them: the first of each
    for tag in tags:
        first_tags.setdefault(fold(tag), tag)
    people = [(contact.get("name"), contact.get("email"), contact.get("phone"))] if contact else []
    search_text = haystack(
        (
            values.get("name"),
            values.get("email"),
            values.get("phone"),
            values.get("city"),
            values.get("country"),
        ),
        people,
        first_tags.values(),
    )
    return Prepared(
        line,
        values,
        set(values_data) - {k.field for k in kept} if kept else set(values_data),
        contact,
        contact_provided,
        tags,
        record_id=record_id,
        name_key=sort_key(values.get("name"), rules.order),
        city_key=fold(values.get("city")),
        kept=[*kept, *kept_tags, *contact_kept],
        search_text=search_text,
    )


def prepare_contact(rules: Rules, row: _Row, line: int) -> Prepared:
    data: dict[str, Any] = {
        "name": row.person("name"),
        "position": row.one("position"),
        "email": row.one("email", split=True),
        "phone": row.one("phone", split=True),
        "is_primary": row.one("is_primary"),
    }
    sources = {key: key for key in data}
    sources["name"] = "name" if row.has("name") else "first_name"
    written_email = row.one("customer_email")
    customer_email: str | None = None
    extra_kept: list[Kept] = []
    if written_email:
        try:
            customer_email = validation.email(written_email)
        except FieldError:
            extra_kept.append(
                Kept(
                    "customer_email",
                    row.header("customer_email"),
                    written_email.strip(),
                    "not a valid email address",
                )
            )
    customer_name = row.one("customer")
    if customer_name and len(customer_name.strip()) > 200:
        extra_kept.append(
            Kept("customer", row.header("customer"), customer_name.strip(), "too long for a name")
        )
        customer_name = customer_name.strip()[:199] + "…"
    customer_id = _id(row, "customer_id")
    record_id = _id(row, "id")
    sources.update({key: key for key in _catalogue_values(rules, "contact", row, data)})
    data["notes"] = row.one("notes")
    given = _provided(data)
    values, kept = _clean_keeping(rules.contact, given, row, rules.region, sources=sources)
    _keep_in_notes(rules.contact, values, given, row.extras, [*kept, *extra_kept])
    return Prepared(
        line,
        values,
        set(given) - {k.field for k in kept},
        customer_name=validation.line(200)(customer_name) if customer_name else None,
        customer_email=customer_email,
        customer_id=customer_id,
        record_id=record_id,
        kept=[*kept, *extra_kept],
    )


def prepare_product(rules: Rules, row: _Row, line: int) -> Prepared:
    data: dict[str, Any] = {
        "sku": row.one("sku"),
        "name": row.one("name"),
        "unit_price_cents": row.one("unit_price"),
        "stock_qty": row.one("stock_qty"),
        "active": row.one("active"),
        "tax_pct": row.one("tax_pct"),
    }
    sources = {key: key for key in data}
    sources["unit_price_cents"] = "unit_price"
    record_id = _id(row, "id")
    data["description"] = row.one("description")
    sources["description"] = "description"
    sources.update({key: key for key in _catalogue_values(rules, "product", row, data)})
    given = _provided(data)
    values, kept = _clean_keeping(rules.product, given, row, rules.region, sources=sources)
    description = _notes(values.get("description"), row.extras, kept)
    if description != values.get("description"):
        try:
            values["description"] = rules.product.field("description").parse(description)
        except FieldError as exc:
            raise RowError(_("Description: {exc}").format(exc=exc)) from None
        given["description"] = description
    return Prepared(
        line, values, set(given) - {k.field for k in kept}, record_id=record_id, kept=kept
    )


_PREPARE = {"customer": prepare_customer, "contact": prepare_contact, "product": prepare_product}


def prepare(entity: str, rules: Rules, plan: Plan, row: SourceRow) -> Prepared:
    """The values of one row; RowError says why a row cannot be imported."""
    mapped = _Row(plan, row.cells)
    if not mapped.groups:
        if any(cell.strip() for cell in row.cells):
            raise RowError(_("No column of this row is imported, so it has no name."))
        raise RowError(_("The row is empty."))
    return _PREPARE[entity](rules, mapped, row.line)


def check_mapping(entity: str, mapping: Sequence[str | None]) -> str | None:
    """What a mapping lacks to import anything (a message), or None when it can work."""
    keys = set(k for k in mapping if k)
    if entity == "customer" and not keys & {"name", "company", "person", "first_name", "last_name"}:
        return _("Map a column to “Customer name” (or “Company”, or a person's name).")
    if entity == "contact" and not keys & {"name", "first_name", "last_name"}:
        return _("Map a column to “Name” (or first and last name).")
    if entity == "product" and "name" not in keys:
        return _("Map a column to “Name”.")
    return None
