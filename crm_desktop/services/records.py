"""Create, read and update for every entity, declared as data.

Each entity module (customers, contacts, deals, …) declares an
:class:`Entity`: its table, its fields with their parsers, and the rules
that span fields. This module does the rest the same way for all of them:
validation that reports every bad field at once, the write inside one
transaction, the audit entry beside it, and the change notice after it.
Records travel as plain dicts keyed by column name (``customer_id``, not a
peewee object), so no caller can run a query by touching an attribute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from peewee import IntegrityError

from crm_desktop.errors import NotFoundError, ValidationError
from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.models.base import BaseModel
from crm_desktop.services import audit
from crm_desktop.services.changes import notify, transaction
from crm_desktop.services.clock import now_utc
from crm_desktop.services.validation import FieldError, Parser

Row = dict[str, Any]


@dataclass(frozen=True)
class Field:
    """One editable column: how to read what people type, and whether it is required."""

    name: str
    label: str
    parse: Parser
    required: bool = False
    default: Any = None
    # Stored REALs (quantities, discounts) come back as exact Decimals.
    from_db: Callable[[Any], Any] | None = None

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default


@dataclass(frozen=True)
class Entity:
    """How one table is edited: its fields and the rules that span them."""

    name: str
    label: str
    model: type[BaseModel]
    fields: tuple[Field, ...]
    describe: Callable[[Row], str]
    # Foreign-key columns and the entity each must point at (checked, with a message).
    references: Mapping[str, str] = field(default_factory=dict)
    # Cross-field rules; may complete values (e.g. a stage's probability). Raise ValidationError.
    prepare: Callable[[Row, Row | None], None] | None = None
    # Runs after the write, inside the transaction (search index, related rows).
    after_write: Callable[[int, Row, Row | None], None] | None = None
    timestamps: bool = False
    # Before records go to the trash: raise CrmError to refuse (an issued invoice stays).
    check_delete: Callable[[Sequence[int]], None] | None = None

    @property
    def table(self) -> str:
        return self.model._meta.table_name

    def field(self, name: str) -> Field:
        for item in self.fields:
            if item.name == name:
                return item
        raise KeyError(f"{self.name} has no field {name!r}")


ENTITIES: dict[str, Entity] = {}

# The owner's custom fields (services/custom_fields.py sets it): their values travel in a
# record's dict under keys "cf_<id>", validated, written and logged with the record.
CUSTOM_HOOK: Any = None
_CUSTOM_PREFIX = "cf_"


def _split_custom(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    plain = {k: v for k, v in data.items() if not k.startswith(_CUSTOM_PREFIX)}
    custom = {k: v for k, v in data.items() if k.startswith(_CUSTOM_PREFIX)}
    return plain, custom


def _clean_with_custom(
    spec: Entity, data: Mapping[str, Any], old: Row | None = None
) -> tuple[Row, dict[str, Any]]:
    """Built-in and custom values parsed, every wrong field of both named at once."""
    plain, custom = _split_custom(data)
    errors: dict[str, str] = {}
    custom_values: dict[str, Any] = {}
    if custom:
        if CUSTOM_HOOK is None:
            raise TypeError(f"{spec.name} has no field(s) {sorted(custom)}")
        try:
            custom_values = CUSTOM_HOOK.clean(spec.name, custom)
        except ValidationError as exc:
            errors.update(exc.errors)
    try:
        values = clean(spec, plain, old=old)
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
        raise ValidationError(errors) from None
    if errors:
        raise ValidationError(errors)
    return values, custom_values


def register(entity: Entity) -> Entity:
    ENTITIES[entity.name] = entity
    return entity


def entity(name: str) -> Entity:
    return ENTITIES[name]


# --- reading --------------------------------------------------------------------------


def _convert(spec: Entity, row: Row) -> Row:
    for item in spec.fields:
        if item.from_db is not None and item.name in row:
            row[item.name] = item.from_db(row[item.name])
    return row


def get_many(spec: Entity, ids: Sequence[int]) -> dict[int, Row]:
    """The records with these ids (those that exist), by id."""
    found: dict[int, Row] = {}
    ids = list(ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ", ".join("?" for _ignored in chunk)
        cursor = database.execute_sql(f'SELECT * FROM "{spec.table}" WHERE id IN ({marks})', chunk)
        names = [column[0] for column in cursor.description]
        for values in cursor.fetchall():
            row = _convert(spec, dict(zip(names, values, strict=True)))
            found[row["id"]] = row
    if CUSTOM_HOOK is not None and found:
        for record_id, custom in CUSTOM_HOOK.read(spec.name, list(found)).items():
            if record_id in found:
                found[record_id].update(custom)
    return found


def get(spec: Entity, record_id: int) -> Row:
    """One record as a dict of its columns; NotFoundError if it is gone."""
    row = get_many(spec, [record_id]).get(record_id)
    if row is None:
        raise NotFoundError(_("This {label} does not exist (any more).").format(label=spec.label))
    return row


def exists(table: str, record_id: int) -> bool:
    return (
        database.execute_sql(f'SELECT 1 FROM "{table}" WHERE id = ?', (record_id,)).fetchone()
        is not None
    )


# --- validation -----------------------------------------------------------------------


def validate_field(spec: Entity, name: str, value: Any) -> str | None:
    """The message to show next to one field as the user types, or None when it is fine."""
    item = spec.field(name)
    try:
        parsed = item.parse(value)
    except FieldError as exc:
        return str(exc)
    if item.required and parsed in (None, ""):
        return _("{label} is required.").format(label=item.label)
    return None


def clean(spec: Entity, data: Mapping[str, Any], *, old: Row | None = None) -> Row:
    """Parse every given field; on create, fill defaults and require what is required.

    Raises ValidationError naming every field that is wrong, not only the first.
    """
    known = {item.name for item in spec.fields}
    unknown = set(data) - known
    if unknown:
        raise TypeError(f"{spec.name} has no field(s) {sorted(unknown)}")
    values: Row = {}
    errors: dict[str, str] = {}
    for item in spec.fields:
        if item.name in data:
            try:
                values[item.name] = item.parse(data[item.name])
            except FieldError as exc:
                errors[item.name] = str(exc)
                continue
            if values[item.name] is None and old is None:
                values[item.name] = item.default_value()
        elif old is None:
            values[item.name] = item.default_value()
        else:
            continue
        if item.required and values.get(item.name) in (None, ""):
            errors[item.name] = _("{label} is required.").format(label=item.label)
    if errors:
        raise ValidationError(errors)
    return values


def _check_references(spec: Entity, values: Row) -> None:
    errors: dict[str, str] = {}
    for column, target in spec.references.items():
        ref = values.get(column)
        if ref is None:
            continue
        target_spec = ENTITIES[target]
        row = database.execute_sql(
            f"SELECT {'deleted_at' if target == 'customer' else 'NULL'} "
            f'FROM "{target_spec.table}" WHERE id = ?',
            (ref,),
        ).fetchone()
        if row is None:
            errors[column] = _("This {label} does not exist (any more).").format(
                label=target_spec.label
            )
        elif row[0] is not None:
            errors[column] = _("This {label} is in the trash.").format(label=target_spec.label)
    if errors:
        raise ValidationError(errors)


def _storable(values: Row) -> Row:
    # REAL columns take floats; Decimal is the exact form everywhere above the database.
    return {k: float(v) if isinstance(v, Decimal) else v for k, v in values.items()}


def _friendly_integrity(spec: Entity, exc: IntegrityError) -> ValidationError:
    text = str(exc)
    if "UNIQUE" in text:
        column = text.rsplit(".", 1)[-1].strip()
        label = spec.field(column).label if column in {f.name for f in spec.fields} else column
        return ValidationError(
            {
                column: _("Another {label} already has this {label2}.").format(
                    label=spec.label, label2=label.lower()
                )
            }
        )
    if "FOREIGN KEY" in text:
        return ValidationError({"_": _("A record this one points at does not exist any more.")})
    if "CHECK" in text:
        return ValidationError({"_": _("The database refused a value: {text}").format(text=text)})
    return ValidationError({"_": text})


# --- writing --------------------------------------------------------------------------


def create(
    spec: Entity,
    data: Mapping[str, Any],
    *,
    write_extra: Callable[[int], Mapping[str, list[Any]]] | None = None,
) -> int:
    """Validate and insert one record with its audit entry; returns its id.

    ``write_extra(id)`` writes what belongs to the record (an order's lines)
    in the same transaction and returns changes to add to the audit entry.
    """
    values, custom = _clean_with_custom(spec, data)
    with transaction():
        _check_references(spec, values)
        if spec.prepare is not None:
            spec.prepare(values, None)
        if spec.timestamps:
            values["created_at"] = values["updated_at"] = now_utc()
        try:
            record_id = spec.model.insert(_storable(values)).execute()
        except IntegrityError as exc:
            raise _friendly_integrity(spec, exc) from None
        changes = audit.created(values)
        if custom:
            changes.update(CUSTOM_HOOK.write(spec.name, record_id, custom))
        if write_extra is not None:
            changes.update(write_extra(record_id))
        audit.record(spec.name, record_id, "create", changes)
        if spec.after_write is not None:
            spec.after_write(record_id, values, None)
        notify(spec.name, (record_id,), "create")
    return record_id


def update(
    spec: Entity,
    record_id: int,
    data: Mapping[str, Any],
    *,
    write_extra: Callable[[int], Mapping[str, list[Any]]] | None = None,
) -> dict[str, list[Any]]:
    """Validate and apply changes to one record; returns ``{field: [old, new]}`` of what changed.

    ``write_extra(id)`` is as in :func:`create`; its changes count as changes.
    """
    with transaction():
        old = get(spec, record_id)
        if old.get("deleted_at"):
            raise ValidationError(
                {"_": _("This {label} is in the trash; restore it first.").format(label=spec.label)}
            )
        values, custom = _clean_with_custom(spec, data, old=old)
        merged = {**old, **values}
        _check_references(spec, values)
        if spec.prepare is not None:
            spec.prepare(merged, old)
        changes = {
            name: [old.get(name), merged[name]]
            for name in (f.name for f in spec.fields)
            if name in merged and merged[name] != old.get(name)
        }
        new_values = {name: pair[1] for name, pair in changes.items()}
        if new_values:
            if spec.timestamps:
                new_values["updated_at"] = now_utc()
            try:
                spec.model.update(_storable(new_values)).where(spec.model.id == record_id).execute()
            except IntegrityError as exc:
                raise _friendly_integrity(spec, exc) from None
        if custom:
            changes.update(CUSTOM_HOOK.write(spec.name, record_id, custom))
        if write_extra is not None:
            changes.update(write_extra(record_id))
        if not changes:
            return {}
        audit.record(spec.name, record_id, "update", changes)
        if spec.after_write is not None:
            spec.after_write(record_id, merged, old)
        notify(spec.name, (record_id,), "update")
    return changes


def update_many(
    spec: Entity, ids: Iterable[int], data: Mapping[str, Any]
) -> dict[int, dict[str, list[Any]]]:
    """Apply the same change to several records as one step; returns each one's changes."""
    result: dict[int, dict[str, list[Any]]] = {}
    with transaction():
        for record_id in ids:
            changes = update(spec, record_id, data)
            if changes:
                result[record_id] = changes
    return result


def revert(spec: Entity, changes_by_id: Mapping[int, Mapping[str, Sequence[Any]]]) -> None:
    """Undo what :func:`update_many` (or :func:`update`) returned: put the old values back."""
    with transaction():
        for record_id, changes in changes_by_id.items():
            names = {item.name for item in spec.fields}
            old_values = {
                name: pair[0]
                for name, pair in changes.items()
                if name in names or name.startswith(_CUSTOM_PREFIX)
            }
            if old_values and exists(spec.table, record_id):
                update(spec, record_id, old_values)
