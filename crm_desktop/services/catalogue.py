"""The field catalogue: every field of an entity declared once, and everything built from it.

An entity's service module (``customers.py``, ``contacts.py``, ``products.py``)
declares its fields as :class:`FieldDef` values with :func:`declare`. One
declaration says:

* ``key`` — the column of the record (or of the list row);
* ``label`` — what the screen calls it (English source text; the UI passes it
  through Qt's translation, context ``"Fields"``);
* ``header`` — the export's column header (the label unless it must differ,
  e.g. "Created (UTC)" for a stored UTC time shown in local time);
* ``synonyms`` — header names an import file may use for it;
* ``kind`` — text, longtext, email, phone, url, money, date, datetime, int,
  decimal, percent, bool, enum, reference, tags: how it is shown, aligned,
  exported and edited;
* ``sql`` — how a list reads it, and ``sort`` how it sorts (``"fold"``: in
  any script, case- and accent-blind; ``"plain"``: by value; ``"enum"``: in
  the enumeration's order; ``None``: not sortable);
* ``parse`` — the validator of an editable field (the record engine and the
  form both use it).

From these are built: the record engine's fields (:func:`record_fields`),
the list's columns (:mod:`.listing`), the export columns and headers
(:mod:`.exporting`), the importer's targets and synonyms
(:mod:`.importing.mapping`) and the form's fields and their order
(``ui/forms``). Custom fields (:mod:`.custom_fields`) are added to the same
catalogue at run time through :data:`PROVIDERS`, so every consumer sees them
the same way. See ``docs/fields.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from crm_desktop.services import records
from crm_desktop.services.validation import Parser

# Kinds whose values are numbers: right-aligned on screen.
NUMERIC_KINDS = frozenset({"money", "int", "decimal", "percent"})
# Kinds whose text may exceed an xlsx cell (the export splits them).
LONG_KINDS = frozenset({"longtext"})


@dataclass(frozen=True)
class FieldDef:
    """One field of an entity, declared once (see the module docstring)."""

    key: str
    label: str
    kind: str = "text"
    sql: str = ""
    header: str = ""
    synonyms: tuple[str, ...] = ()
    sort: str | None = "plain"  # "fold", "plain", "enum", an SQL expression, or None
    nullable: bool = True
    values: tuple[str, ...] = ()  # an enumeration's values, in their natural order
    # Editing (the record engine and the form): the parser makes the field editable.
    parse: Parser | None = None
    required: bool = False
    default: Any = None
    from_db: Callable[[Any], Any] | None = None
    placeholder: str = ""
    form: bool = True  # shown on the form (an editable field that a form edits elsewhere: False)
    # Where else it appears.
    in_list: bool = True
    in_export: bool = True
    export_sql: str = ""  # the full export's SQL when it differs from the list's
    importable: bool = True  # an editable field an import column may feed
    custom_id: int | None = None  # a custom field's id (None: built in)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def export_header(self) -> str:
        return self.header or self.label

    @property
    def editable(self) -> bool:
        return self.parse is not None

    @property
    def sort_sql(self) -> str | None:
        """The ORDER BY expression of this field (None: it does not sort)."""
        if self.sort is None:
            return None
        if self.sort == "fold":
            return f"crm_sort_key({self.sql})"
        if self.sort == "plain":
            return self.sql
        if self.sort == "enum":
            cases = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(self.values))
            return f"CASE {self.sql} {cases} END"
        return self.sort


_BUILT_IN: dict[str, tuple[FieldDef, ...]] = {}
# Functions that add fields to an entity at run time (custom fields): entity → extra fields.
PROVIDERS: list[Callable[[str], Sequence[FieldDef]]] = []


def declare(entity: str, *fields: FieldDef) -> tuple[FieldDef, ...]:
    """Declare an entity's built-in fields, in the order a person reads them."""
    keys = [f.key for f in fields]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{entity}: a field is declared twice")
    _BUILT_IN[entity] = tuple(fields)
    return _BUILT_IN[entity]


def built_in(entity: str) -> tuple[FieldDef, ...]:
    """The entity's declared fields (no custom ones)."""
    return _BUILT_IN.get(entity, ())


def fields(entity: str) -> tuple[FieldDef, ...]:
    """Every field of an entity: the built-in ones, then the owner's custom ones."""
    extra: list[FieldDef] = []
    for provider in PROVIDERS:
        extra.extend(provider(entity))
    return built_in(entity) + tuple(extra)


def has(entity: str) -> bool:
    return entity in _BUILT_IN


def field_of(entity: str, key: str) -> FieldDef:
    for item in fields(entity):
        if item.key == key:
            return item
    raise KeyError(f"{entity} has no field {key!r}")


def label_of(entity: str, key: str) -> str:
    """The screen label of a field (the key made readable for one not declared)."""
    try:
        return field_of(entity, key).label
    except KeyError:
        return key.removesuffix("_cents").replace("_", " ").capitalize()


def header_of(entity: str, key: str) -> str:
    """The export header of a field."""
    try:
        return field_of(entity, key).export_header
    except KeyError:
        return label_of(entity, key)


def editable(entity: str) -> tuple[FieldDef, ...]:
    return tuple(f for f in built_in(entity) if f.editable)


def form_fields(entity: str) -> tuple[FieldDef, ...]:
    """The fields a form shows, in order (built-in editable ones, then custom ones)."""
    return tuple(f for f in fields(entity) if f.editable and f.form)


def list_fields(entity: str) -> tuple[FieldDef, ...]:
    return tuple(f for f in fields(entity) if f.in_list)


def export_fields(entity: str) -> tuple[FieldDef, ...]:
    return tuple(f for f in fields(entity) if f.in_export)


def import_fields(entity: str) -> tuple[FieldDef, ...]:
    """Editable fields an import column may feed (value parsed as the form would)."""
    return tuple(f for f in fields(entity) if f.editable and f.importable)


def record_fields(definitions: Sequence[FieldDef]) -> tuple[records.Field, ...]:
    """The record engine's fields (validation, defaults) of the editable declarations."""
    return tuple(
        records.Field(f.key, f.label, f.parse, f.required, f.default, f.from_db)
        for f in definitions
        if f.parse is not None
    )


def with_sql(definition: FieldDef, sql: str) -> FieldDef:
    return replace(definition, sql=sql)
