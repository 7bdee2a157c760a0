"""The owner's own fields ("VAT number", "Birthday", "Preferred courier") on five entities.

A custom field is a row of ``custom_field`` (entity, name, kind, choices,
searchable, position); its values are rows of ``custom_value``, one a record,
typed: ``text_value`` for text, dates (ISO), choices and links;
``number_value`` for numbers, money (integer minor units) and yes/no (0/1);
and ``sort_key``, the folded text a list sorts by. The indexes
``(field_id, sort_key, record_id)`` and ``(field_id, number_value,
record_id)`` make a sort or a filter by a custom field an index walk at
100,000 records (see docs/schema.md).

Each field joins the entity's field catalogue (:mod:`.catalogue`) as a
:class:`~crm_desktop.services.catalogue.FieldDef` keyed ``cf_<id>``, so the
lists, forms, exports and imports show it like a built-in field; the record
engine (:mod:`.records`) validates and writes its values in the record's own
transaction, and logs them in the audit log.

Renaming a field keeps its values (they are keyed by the field's id).
Deleting one puts it in the trash with its values (``deleted_at``); emptying
the trash removes them. A record in the trash keeps its values; a record
purged loses them (:func:`drop_orphans`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.models import database
from crm_desktop.services import audit, catalogue, fields, records, search, trash, validation
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.changes import notify, transaction
from crm_desktop.services.clock import now_utc
from crm_desktop.services.text import clean_line, fold, sort_key
from crm_desktop.services.validation import FieldError, Parser

PREFIX = "cf_"
KINDS = ("text", "number", "money", "date", "yes_no", "choice", "link")
KIND_LABELS = {
    "text": "Text",
    "number": "Number",
    "money": "Money",
    "date": "Date",
    "yes_no": "Yes/no",
    "choice": "Choice list",
    "link": "Link",
}
# Entity → the alias of its table in the lists and exports (listing.py, exporting.py).
ENTITIES = {"customer": "c", "contact": "ct", "deal": "d", "product": "p", "sales_order": "o"}
ENTITY_LABELS = {
    "customer": "Customers",
    "contact": "Contacts",
    "deal": "Deals",
    "product": "Products",
    "sales_order": "Orders",
}
MAX_NAME = 60
MAX_CHOICES = 200
# How a value of each kind is shown and exported (the catalogue's kinds).
_SHOWN_KIND = {
    "text": "text",
    "number": "decimal",
    "money": "money",
    "date": "date",
    "yes_no": "bool",
    "choice": "text",
    "link": "url",
}
_NUMERIC = frozenset({"number", "money", "yes_no"})
NUMBER_LIMIT = Decimal(10) ** 12
PLACES = Decimal("0.001")  # a number keeps 3 decimals (stored as a REAL: exact at this size)


@dataclass(frozen=True)
class CustomField:
    """One custom field as the owner declared it."""

    id: int
    entity: str
    name: str
    kind: str
    choices: tuple[str, ...] = ()
    searchable: bool = False
    position: int = 0

    @property
    def key(self) -> str:
        return f"{PREFIX}{self.id}"

    @property
    def column(self) -> str:
        return "number_value" if self.kind in _NUMERIC else "text_value"


# --- reading the fields (cached: read at every list query) --------------------------------

_cache: dict[str, Any] = {"connection": None, "fields": ()}


def _forget() -> None:
    _cache["connection"] = None


def all_fields() -> tuple[CustomField, ...]:
    """Every custom field not in the trash, by entity and position."""
    connection = database.connection()
    if _cache["connection"] is not connection:
        rows = database.execute_sql(
            "SELECT id, entity, name, kind, choices, searchable, position FROM custom_field "
            "WHERE deleted_at IS NULL ORDER BY entity, position, id"
        ).fetchall()
        _cache["fields"] = tuple(
            CustomField(i, e, n, k, tuple(json.loads(c)) if c else (), bool(s), p)
            for i, e, n, k, c, s, p in rows
        )
        _cache["connection"] = connection
    return _cache["fields"]


def fields_of(entity: str) -> tuple[CustomField, ...]:
    return tuple(f for f in all_fields() if f.entity == entity)


def field_by_key(key: str) -> CustomField | None:
    for item in all_fields():
        if item.key == key:
            return item
    return None


def get_field(field_id: int) -> CustomField:
    for item in all_fields():
        if item.id == field_id:
            return item
    raise ValidationError({"_": "This field does not exist (any more)."})


# --- values ----------------------------------------------------------------------------------


def _number(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FieldError("Not a number.")
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    # "3,5" is a decimal comma; "1,234.5" has a thousands separator.
    comma_decimal = "," in text and "." not in text
    text = text.replace(",", ".") if comma_decimal else text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise FieldError("Not a number (e.g. 12 or 3.5).") from None
    if not number.is_finite() or abs(number) >= NUMBER_LIMIT:
        raise FieldError("The number is too large.")
    if number == number.to_integral():
        return number.quantize(Decimal(1))
    if number != number.quantize(PLACES):
        raise FieldError("At most 3 decimals.")
    return number.normalize()


def parser(item: CustomField, *, amount: Parser | None = None) -> Parser:
    """How the form and the importer read what people type into this field.

    ``amount``: the money parser to use (an import's helper process has no database
    to read the currency from)."""
    if item.kind == "number":
        return _number
    if item.kind == "money":
        return amount or fields.amount
    if item.kind == "date":
        return validation.a_date
    if item.kind == "yes_no":
        return validation.flag
    if item.kind == "link":
        return validation.website
    if item.kind == "choice":
        allowed = {fold(c): c for c in item.choices}

        def choose(value: Any) -> str | None:
            text = clean_line(str(value)) if value is not None else ""
            if not text:
                return None
            if fold(text) not in allowed:
                shown = ", ".join(item.choices[:10])
                raise FieldError(f"Choose one of: {shown}.")
            return allowed[fold(text)]

        return choose
    return validation.line(500)


def _value_sql(item: CustomField) -> str:
    alias = ENTITIES[item.entity]
    return (
        f"(SELECT v.{item.column} FROM custom_value v "
        f"WHERE v.field_id = {int(item.id)} AND v.record_id = {alias}.id)"
    )


def _sort_sql(item: CustomField) -> str:
    alias = ENTITIES[item.entity]
    column = "number_value" if item.kind in _NUMERIC else "sort_key"
    return (
        f"(SELECT v.{column} FROM custom_value v "
        f"WHERE v.field_id = {int(item.id)} AND v.record_id = {alias}.id)"
    )


def definition(item: CustomField) -> FieldDef:
    """The field as the catalogue knows it (list column, form field, export column, target)."""
    return FieldDef(
        item.key,
        item.name,
        _SHOWN_KIND[item.kind],
        _value_sql(item),
        sort=_sort_sql(item),
        values=item.choices,
        parse=parser(item),
        custom_id=item.id,
        extra={"custom_kind": item.kind},
    )


def _provide(entity: str) -> Sequence[FieldDef]:
    if entity not in ENTITIES:
        return ()
    try:
        return tuple(definition(item) for item in fields_of(entity))
    except RuntimeError:
        return ()  # no database open (a module imported before the session)


catalogue.PROVIDERS.append(_provide)


def _stored(item: CustomField, value: Any) -> tuple[Any, Any, Any]:
    """(text_value, number_value, sort_key) of a parsed value."""
    if item.kind == "number":
        number = Decimal(value)
        return None, int(number) if number == number.to_integral() else float(number), None
    if item.kind in _NUMERIC:
        return None, int(value), None
    if item.kind == "date":
        return value, None, value
    return value, None, sort_key(value)


def _loaded(item: CustomField, text: Any, number: Any) -> Any:
    if item.kind == "number":
        if number is None:
            return None
        exact = Decimal(str(number))
        return exact.quantize(Decimal(1)) if exact == exact.to_integral() else exact.normalize()
    if item.kind in _NUMERIC:
        return None if number is None else int(number)
    return text


def values_of(entity: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The custom values of these records, by id then ``cf_<id>`` key (None when unset)."""
    items = fields_of(entity)
    result: dict[int, dict[str, Any]] = {i: {f.key: None for f in items} for i in ids}
    if not items or not ids:
        return result
    by_id = {f.id: f for f in items}
    field_marks = ", ".join(str(f.id) for f in items)
    ids = list(ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ", ".join("?" for _ in chunk)
        rows = database.execute_sql(
            "SELECT field_id, record_id, text_value, number_value FROM custom_value "
            f"WHERE field_id IN ({field_marks}) AND record_id IN ({marks})",
            chunk,
        ).fetchall()
        for field_id, record_id, text, number in rows:
            item = by_id[field_id]
            result[record_id][item.key] = _loaded(item, text, number)
    return result


def clean(entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Parse the custom values of ``data`` (keys ``cf_<id>``); ValidationError names each."""
    known = {f.key: f for f in fields_of(entity)}
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, raw in data.items():
        item = known.get(key)
        if item is None:
            raise TypeError(f"{entity} has no custom field {key!r}")
        try:
            values[key] = parser(item)(raw)
        except FieldError as exc:
            errors[key] = str(exc)
    if errors:
        raise ValidationError(errors)
    return values


def _comparable(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def write(entity: str, record_id: int, values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Store parsed custom values of one record; returns ``{key: [old, new]}`` of what changed."""
    if not values:
        return {}
    known = {f.key: f for f in fields_of(entity)}
    old = values_of(entity, [record_id])[record_id]
    changes: dict[str, list[Any]] = {}
    for key, value in values.items():
        item = known[key]
        if _comparable(old.get(key)) == _comparable(value):
            continue
        if value is None or value == "":
            database.execute_sql(
                "DELETE FROM custom_value WHERE field_id = ? AND record_id = ?",
                (item.id, record_id),
            )
        else:
            text, number, key_text = _stored(item, value)
            database.execute_sql(
                "INSERT INTO custom_value (field_id, record_id, text_value, number_value, "
                "sort_key) VALUES (?, ?, ?, ?, ?) ON CONFLICT (field_id, record_id) DO UPDATE "
                "SET text_value = excluded.text_value, number_value = excluded.number_value, "
                "sort_key = excluded.sort_key",
                (item.id, record_id, text, number, key_text),
            )
        changes[key] = [_comparable(old.get(key)), _comparable(value)]
    return changes


def write_many(entity: str, rows: Iterable[tuple[int, Mapping[str, Any]]]) -> int:
    """Store parsed custom values of many new records at once (an import); rows written."""
    known = {f.key: f for f in fields_of(entity)}
    batch = []
    for record_id, values in rows:
        for key, value in values.items():
            if key in known and value not in (None, ""):
                batch.append((known[key].id, record_id, *_stored(known[key], value)))
    if batch:
        database.connection().executemany(
            "INSERT OR REPLACE INTO custom_value (field_id, record_id, text_value, number_value, "
            "sort_key) VALUES (?, ?, ?, ?, ?)",
            batch,
        )
    return len(batch)


class _RecordHook:
    """What the record engine asks of the custom fields (see :mod:`.records`)."""

    prefix = PREFIX

    def clean(self, entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
        return clean(entity, data)

    def write(self, entity: str, record_id: int, values: Mapping[str, Any]) -> dict[str, list[Any]]:
        return write(entity, record_id, values)

    def read(self, entity: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        if entity not in ENTITIES:
            return {}
        return values_of(entity, ids)

    def label(self, entity: str, key: str) -> str | None:
        item = field_by_key(key)
        return item.name if item else None


records.CUSTOM_HOOK = _RecordHook()


# --- lists: filtering --------------------------------------------------------------------------


def filter_clause(entity: str, key: str, value: Any) -> tuple[str, list[Any]]:
    """A list's filter on a custom field: a value (text, links: contained, others: equal), or a
    range ``{"from": a, "to": b}`` for numbers, money and dates."""
    item = field_by_key(key)
    if item is None or item.entity != entity:
        raise KeyError(f"{entity} list has no filter {key!r}")
    alias = ENTITIES[entity]
    # "id IN (the field's matching records)": one walk of the field's index, then a
    # lookup by id, rather than a lookup of every row's value.
    base = (
        f"{alias}.id IN (SELECT v.record_id FROM custom_value v "
        f"WHERE v.field_id = {int(item.id)} AND "
    )
    parse = parser(item)
    if isinstance(value, Mapping):
        conditions, params = [], []
        column = "number_value" if item.kind in _NUMERIC else "sort_key"
        for bound, operator in (("from", ">="), ("to", "<=")):
            if value.get(bound) not in (None, ""):
                parsed = parse(value[bound])
                conditions.append(f"v.{column} {operator} ?")
                params.append(_stored(item, parsed)[1 if item.kind in _NUMERIC else 2])
        if not conditions:
            return "1", []
        return base + " AND ".join(conditions) + ")", params
    if item.kind in ("text", "link"):  # contained, as people search an address
        folded = fold(str(value))
        return base + "instr(v.sort_key, ?) > 0)", [sort_key(str(value)) or folded]
    if item.kind == "yes_no" and not parse(value):
        return f"NOT {base}v.number_value = 1)", []
    parsed = parse(value)
    _text, number, key_text = _stored(item, parsed)
    if item.kind in _NUMERIC:
        return base + "v.number_value = ?)", [number]
    return base + "v.sort_key = ?)", [key_text]


def ordered_sql(key: str, descending: bool = False) -> tuple[str, list[Any]]:
    """The query of the ids (column ``id``) of the records that hold a value of field ``key``,
    in the field's order (ties by id): a walk of the field's sort index, nothing sorted."""
    item = field_by_key(key)
    if item is None:
        raise KeyError(key)
    column = "number_value" if item.kind in _NUMERIC else "sort_key"
    direction = "DESC" if descending else "ASC"
    return (
        f"SELECT record_id AS id FROM custom_value WHERE field_id = ? "
        f"ORDER BY {column} {direction}, record_id {direction}",
        [item.id],
    )


def ordered_ids(key: str, descending: bool = False) -> list[int]:
    """The ids of :func:`ordered_sql`."""
    sql, params = ordered_sql(key, descending)
    return [row[0] for row in database.execute_sql(sql, params)]


# --- search ------------------------------------------------------------------------------------


def searchable_values(customer_ids: Sequence[int]) -> dict[int, list[str]]:
    """The values of the customers' searchable custom fields, as text, by customer id.

    The hook for the search index: whoever builds a customer's search text adds these.
    """
    items = [f for f in fields_of("customer") if f.searchable]
    found: dict[int, list[str]] = {i: [] for i in customer_ids}
    if not items:
        return found
    values = values_of("customer", customer_ids)
    for customer_id, by_key in values.items():
        found[customer_id] = [str(by_key[f.key]) for f in items if by_key.get(f.key) is not None]
    return found


search.EXTRA_TEXT.append(searchable_values)


def _reindex_values_of(item: CustomField) -> None:
    """Re-index the customers holding a value of ``item`` (whether search finds it changed)."""
    if item.entity != "customer":
        return
    ids = [
        row[0]
        for row in database.execute_sql(
            "SELECT record_id FROM custom_value WHERE field_id = ?", (item.id,)
        )
    ]
    search.reindex_customers(ids)


# --- defining fields ----------------------------------------------------------------------------


def _clean_name(entity: str, name: str, *, except_id: int | None = None) -> str:
    text = clean_line(name or "")
    if not text:
        raise ValidationError({"name": "A field needs a name."})
    if len(text) > MAX_NAME:
        raise ValidationError({"name": f"A field name has at most {MAX_NAME} characters."})
    taken = {fold(f.name) for f in fields_of(entity) if f.id != except_id}
    taken |= {fold(f.label) for f in catalogue.built_in(entity)}
    if fold(text) in taken:
        raise ValidationError({"name": f"There is already a field “{text}” here."})
    return text


def _clean_choices(kind: str, choices: Iterable[str]) -> tuple[str, ...] | None:
    if kind != "choice":
        return None
    cleaned: dict[str, str] = {}
    for choice in choices:
        text = clean_line(choice or "")
        if text:
            if len(text) > 100:
                raise ValidationError({"choices": "A choice has at most 100 characters."})
            cleaned.setdefault(fold(text), text)
    if not cleaned:
        raise ValidationError({"choices": "A choice list needs at least one choice."})
    if len(cleaned) > MAX_CHOICES:
        raise ValidationError({"choices": f"At most {MAX_CHOICES} choices."})
    return tuple(cleaned.values())


def create_field(
    entity: str,
    name: str,
    kind: str,
    *,
    choices: Iterable[str] = (),
    searchable: bool = False,
) -> int:
    """Add a custom field to ``entity``; returns its id."""
    if entity not in ENTITIES:
        raise ValidationError({"entity": "Custom fields are for customers, contacts, deals, "
                               "products and orders."})  # fmt: skip
    if kind not in KINDS:
        raise ValidationError({"kind": f"Choose a kind: {', '.join(KINDS)}."})
    with transaction():
        text = _clean_name(entity, name)
        listed = _clean_choices(kind, choices)
        position = database.execute_sql(
            "SELECT coalesce(max(position), 0) + 1 FROM custom_field WHERE entity = ?", (entity,)
        ).fetchone()[0]
        cursor = database.execute_sql(
            "INSERT INTO custom_field (entity, name, kind, choices, searchable, position) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (entity, text, kind, json.dumps(listed, ensure_ascii=False) if listed else None,
             int(searchable), position),
        )  # fmt: skip
        field_id = int(cursor.lastrowid)
        created = {"entity": [None, entity], "name": [None, text], "kind": [None, kind]}
        audit.record("custom_field", field_id, "create", created)
        _forget()
        notify("custom_field", (field_id,), "create")
    return field_id


def update_field(
    field_id: int,
    *,
    name: str | None = None,
    choices: Iterable[str] | None = None,
    searchable: bool | None = None,
) -> dict[str, list[Any]]:
    """Rename a field, change its choices or whether search finds it (its values stay)."""
    with transaction():
        item = get_field(field_id)
        changes: dict[str, list[Any]] = {}
        if name is not None:
            text = _clean_name(item.entity, name, except_id=field_id)
            if text != item.name:
                changes["name"] = [item.name, text]
        if choices is not None and item.kind == "choice":
            listed = _clean_choices(item.kind, choices)
            if listed != item.choices:
                changes["choices"] = [list(item.choices), list(listed or ())]
        if searchable is not None and bool(searchable) != item.searchable:
            changes["searchable"] = [int(item.searchable), int(searchable)]
        if not changes:
            return {}
        database.execute_sql(
            "UPDATE custom_field SET name = ?, choices = ?, searchable = ? WHERE id = ?",
            (
                changes.get("name", [None, item.name])[1],
                json.dumps(changes["choices"][1], ensure_ascii=False)
                if "choices" in changes
                else (json.dumps(list(item.choices), ensure_ascii=False) if item.choices else None),
                changes.get("searchable", [None, int(item.searchable)])[1],
                field_id,
            ),
        )
        audit.record("custom_field", field_id, "update", changes)
        _forget()
        if "searchable" in changes:
            _reindex_values_of(item)
        notify("custom_field", (field_id,), "update")
    return changes


def move_field(field_id: int, offset: int) -> None:
    """Move a field up (-1) or down (+1) among its entity's fields."""
    with transaction():
        item = get_field(field_id)
        order = [f.id for f in fields_of(item.entity)]
        index = order.index(field_id)
        target = max(0, min(len(order) - 1, index + offset))
        if target == index:
            return
        order.insert(target, order.pop(index))
        database.connection().executemany(
            "UPDATE custom_field SET position = ? WHERE id = ?",
            [(position, i) for position, i in enumerate(order, start=1)],
        )
        _forget()
        notify("custom_field", (field_id,), "update")


def delete_field(field_id: int) -> int:
    """Put a field in the trash with its values; returns the trash batch (for undo)."""
    with transaction():
        item = get_field(field_id)
        stamp = now_utc()
        database.execute_sql(
            "UPDATE custom_field SET deleted_at = ? WHERE id = ?", (stamp, field_id)
        )
        audit.record("custom_field", field_id, "delete", {"deleted_at": [None, stamp]})
        batch = trash.put_aside("custom_field", field_id, f"Field “{item.name}”", stamp)
        _forget()
        if item.searchable:
            _reindex_values_of(item)
        notify("custom_field", (field_id,), "delete")
    return batch


def restore_field(field_id: int) -> None:
    """Take a field out of the trash (the trash's restore calls this)."""
    database.execute_sql("UPDATE custom_field SET deleted_at = NULL WHERE id = ?", (field_id,))
    audit.record("custom_field", field_id, "restore", {})
    _forget()
    item = get_field(field_id)
    if item.searchable:
        _reindex_values_of(item)
    notify("custom_field", (field_id,), "restore")


def purge_field(field_id: int) -> None:
    """Remove a field in the trash and its values for good (the trash's purge calls this)."""
    database.execute_sql("DELETE FROM custom_value WHERE field_id = ?", (field_id,))
    database.execute_sql("DELETE FROM custom_field WHERE id = ?", (field_id,))
    _forget()


def drop_orphans() -> None:
    """Remove the values of records that no longer exist (after the trash is emptied)."""
    tables = {"customer": "customer", "contact": "contact", "deal": "deal", "product": "product",
              "sales_order": "sales_order"}  # fmt: skip
    for entity, table in tables.items():
        database.execute_sql(
            "DELETE FROM custom_value WHERE field_id IN "
            "(SELECT id FROM custom_field WHERE entity = ?) "
            f'AND record_id NOT IN (SELECT id FROM "{table}")',
            (entity,),
        )


trash.register_kind("custom_field", restore_field, purge_field, drop_orphans)


def forget_cache() -> None:
    """The database changed under us (a restore, another file opened): read the fields again."""
    _forget()
