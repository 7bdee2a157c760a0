"""The trash: every deletion can be undone until the trash is emptied.

How deleted records are kept (also in the README):

* A customer stays in its table with ``deleted_at`` set. Everything that
  belongs to it stays where it is and is hidden with it; restoring the
  customer clears ``deleted_at`` and brings all of it back at once.
* Any other record (contact, product, deal, order, task, interaction,
  campaign, campaign member, service case, tag) is removed from its table
  and kept in ``trash_item`` as JSON: the row itself, the rows that the
  database deleted with it (an order's lines, a campaign's members) and the
  ids of the rows whose reference to it was cleared (the tasks of a deal).
  Restoring it inserts the same rows with the same ids and puts the
  references back, so what comes back is exactly what was deleted.

Everything deleted by one action shares a ``batch`` number, so one undo
restores all of it. Emptying the trash deletes for good, and only then does
a customer take its orders, deals and history with it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from peewee import ForeignKeyField, IntegrityError

from crm_desktop.errors import CrmError, NotFoundError
from crm_desktop.i18n import _
from crm_desktop.models import ALL_MODELS, TrashItem, database
from crm_desktop.models.base import BaseModel
from crm_desktop.models.tables import INTERNAL_MODELS
from crm_desktop.services import audit, records
from crm_desktop.services.changes import before_bulk_change, notify, transaction
from crm_desktop.services.clock import now_utc
from crm_desktop.services.records import Row
from crm_desktop.services.search import reindex_customers

_MODELS = {model._meta.table_name: model for model in ALL_MODELS}

# Kinds of trash item without a model (a custom field): their own restore and purge, and
# what runs after a purge. Registered by their service, so the trash imports none of them.
_RESTORERS: dict[str, Callable[[int], None]] = {}
_PURGERS: dict[str, Callable[[int], None]] = {}
_AFTER_PURGE: list[Callable[[], None]] = []


def register_kind(
    entity: str,
    restore: Callable[[int], None],
    purge: Callable[[int], None],
    after_purge: Callable[[], None] | None = None,
) -> None:
    """A service's own kind of trash item: how one is restored and purged by its id."""
    _RESTORERS[entity] = restore
    _PURGERS[entity] = purge
    if after_purge is not None and after_purge not in _AFTER_PURGE:
        _AFTER_PURGE.append(after_purge)


def _incoming(table: str) -> list[ForeignKeyField]:
    """The foreign keys of the documented tables that point at ``table``."""
    return [
        fk
        for model in ALL_MODELS
        if model not in INTERNAL_MODELS
        for fk in model._meta.refs
        if fk.rel_model._meta.table_name == table
    ]


def _select(table: str, where: str, params: Sequence[Any]) -> list[Row]:
    cursor = database.execute_sql(f'SELECT * FROM "{table}" WHERE {where}', list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _label(entity: str, row: Row) -> str:
    spec = records.ENTITIES.get(entity)
    try:
        text = spec.describe(row) if spec else ""
    except KeyError:
        text = ""
    return text or f"{entity} {row['id']}"


def _next_batch() -> int:
    row = database.execute_sql("SELECT coalesce(max(batch), 0) + 1 FROM trash_item").fetchone()
    return int(row[0])


def _snapshot(table: str, row: Row) -> dict[str, Any]:
    children: dict[str, list[Row]] = {}
    refs: dict[str, list[int]] = {}
    for fk in _incoming(table):
        child_table = fk.model._meta.table_name
        column = fk.column_name
        if fk.on_delete == "CASCADE":
            rows = _select(child_table, f'"{column}" = ?', [row["id"]])
            if rows:
                children[child_table] = children.get(child_table, []) + rows
        else:
            ids = [
                r[0]
                for r in database.execute_sql(
                    f'SELECT id FROM "{child_table}" WHERE "{column}" = ?', [row["id"]]
                )
            ]
            if ids:
                refs[f"{child_table}.{column}"] = ids
    return {"row": row, "children": children, "refs": refs}


def move_to_trash(entity: str, ids: Iterable[int]) -> int:
    """Delete records by moving them to the trash, as one undoable step; returns the batch."""
    ids = list(dict.fromkeys(ids))
    spec = records.ENTITIES[entity]
    table = spec.table
    if spec.check_delete is not None:
        spec.check_delete(ids)
    if table == "customer_search" or table == "trash_item":
        raise ValueError("internal tables have no trash")
    with transaction():
        batch = _next_batch()
        stamp = now_utc()
        touched_customers: set[int] = set()
        trashed: list[int] = []
        owner: int | None
        for record_id in ids:
            found = _select(table, "id = ?", [record_id])
            if not found:
                continue
            row = found[0]
            if entity == "customer":
                if row["deleted_at"]:
                    continue
                database.execute_sql(
                    "UPDATE customer SET deleted_at = ? WHERE id = ?", (stamp, record_id)
                )
                payload: dict[str, Any] = {}
                owner = record_id
                touched_customers.add(record_id)
                audit.record(entity, record_id, "delete", {"deleted_at": [None, stamp]})
            else:
                payload = _snapshot(table, row)
                owner = row.get("customer_id")
                database.execute_sql(f'DELETE FROM "{table}" WHERE id = ?', (record_id,))
                audit.record(entity, record_id, "delete", audit.removed(row))
                if entity == "contact":
                    touched_customers.add(row["customer_id"])
            TrashItem.insert(
                batch=batch,
                deleted_at=stamp,
                entity=entity,
                entity_id=record_id,
                customer=owner,
                label=_label(entity, row),
                payload=json.dumps(payload, ensure_ascii=False),
            ).execute()
            trashed.append(record_id)
        reindex_customers(touched_customers)
        if trashed:
            notify(entity, trashed, "delete")
    return batch


def _fit_references(table: str, row: Row) -> Row:
    """Clear references to rows that are gone (as ON DELETE SET NULL would have)."""
    model: type[BaseModel] = _MODELS[table]
    for fk in model._meta.refs:
        value = row.get(fk.column_name)
        if value is None:
            continue
        target = fk.rel_model._meta.table_name
        if not records.exists(target, value):
            if not fk.null:
                what, owner = table.replace("_", " "), target.replace("_", " ")
                raise CrmError(
                    _(
                        "Cannot restore this {what}: the {owner} it belongs to was deleted for "
                        "good."
                    ).format(what=what, owner=owner)
                )
            row[fk.column_name] = None
    return row


def _insert(table: str, row: Row) -> None:
    columns = list(row)
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ignored in columns)
    database.execute_sql(
        f'INSERT INTO "{table}" ({names}) VALUES ({marks})', [row[c] for c in columns]
    )


def _restore_snapshot(entity: str, payload: dict[str, Any]) -> None:
    table = records.ENTITIES[entity].table
    row = _fit_references(table, dict(payload["row"]))
    if table == "contact" and row.get("is_primary"):
        has_primary = database.execute_sql(
            "SELECT 1 FROM contact WHERE customer_id = ? AND is_primary = 1", (row["customer_id"],)
        ).fetchone()
        if has_primary:
            row["is_primary"] = 0
    try:
        _insert(table, row)
        for child_table, rows in payload.get("children", {}).items():
            for child in rows:
                if not records.exists(child_table, child["id"]):
                    _insert(child_table, _fit_references(child_table, dict(child)))
    except IntegrityError as exc:
        what = _label(entity, row)
        if "UNIQUE" in str(exc):
            raise CrmError(
                _(
                    "Cannot restore “{what}”: another record now has the same {value}. Change "
                    "that one first."
                ).format(what=what, value=str(exc).rsplit(".", 1)[-1])
            ) from None
        raise CrmError(_("Cannot restore “{what}”: {exc}").format(what=what, exc=exc)) from None
    for ref, ids in payload.get("refs", {}).items():
        ref_table, column = ref.split(".")
        marks = ", ".join("?" for _ignored in ids)
        database.execute_sql(
            f'UPDATE "{ref_table}" SET "{column}" = ? WHERE id IN ({marks}) AND "{column}" IS NULL',
            [row["id"], *ids],
        )
    audit.record(entity, row["id"], "restore", audit.created(row))


def put_aside(entity: str, entity_id: int, label: str, stamp: str) -> int:
    """Trash a thing that marks itself deleted (a custom field); returns its batch."""
    batch = _next_batch()
    TrashItem.insert(
        batch=batch, deleted_at=stamp, entity=entity, entity_id=entity_id, customer=None,
        label=label, payload="{}",
    ).execute()  # fmt: skip
    return batch


def _items(where: str, params: Sequence[Any]) -> list[Row]:
    return _select("trash_item", where, params)


def restore_items(item_ids: Iterable[int]) -> int:
    """Bring trashed records back, exactly as they were; returns how many came back."""
    item_ids = list(item_ids)
    if not item_ids:
        return 0
    with transaction():
        marks = ", ".join("?" for _ignored in item_ids)
        items = _items(f"id IN ({marks}) ORDER BY id", item_ids)
        if not items:
            raise NotFoundError(_("These records are no longer in the trash."))
        # A record cannot come back without its customer: bring the customer back first.
        owners = {i["customer_id"] for i in items if i["customer_id"] and i["entity"] != "customer"}
        for owner in owners:
            pending = _items("entity = 'customer' AND entity_id = ?", [owner])
            items = pending + [i for i in items if i not in pending]
        restored: dict[str, list[int]] = defaultdict(list)
        customers_to_index: set[int] = set()
        # Restore parents before what points at them (a deal before its orders' references).
        order = {"customer": 0, "product": 1, "campaign": 1, "tag": 1, "contact": 2, "deal": 3}
        for item in sorted(items, key=lambda i: (order.get(i["entity"], 4), i["id"])):
            entity = item["entity"]
            if entity == "customer":
                database.execute_sql(
                    "UPDATE customer SET deleted_at = NULL WHERE id = ?", (item["entity_id"],)
                )
                audit.record(
                    entity, item["entity_id"], "restore", {"deleted_at": [item["deleted_at"], None]}
                )
                customers_to_index.add(item["entity_id"])
            elif entity in _RESTORERS:
                _RESTORERS[entity](item["entity_id"])
            else:
                payload = json.loads(item["payload"])
                _restore_snapshot(entity, payload)
                if entity == "contact":
                    customers_to_index.add(payload["row"]["customer_id"])
            database.execute_sql("DELETE FROM trash_item WHERE id = ?", (item["id"],))
            restored[entity].append(item["entity_id"])
        reindex_customers(customers_to_index)
        for entity, ids in restored.items():
            notify(entity, ids, "restore")
    return sum(len(ids) for ids in restored.values())


def restore_batch(batch: int) -> int:
    """Undo one deletion (everything one action moved to the trash)."""
    ids = [
        row[0]
        for row in database.execute_sql("SELECT id FROM trash_item WHERE batch = ?", (batch,))
    ]
    if not ids:
        raise NotFoundError(_("Nothing to undo: these records are no longer in the trash."))
    return restore_items(ids)


def last_batch() -> int | None:
    """The batch of the most recent deletion still in the trash."""
    row = database.execute_sql("SELECT max(batch) FROM trash_item").fetchone()
    return row[0] if row and row[0] is not None else None


def list_trash() -> list[Row]:
    """What is in the trash, newest first: id, batch, deleted_at, entity, entity_id, label."""
    return [
        dict(zip(("id", "batch", "deleted_at", "entity", "entity_id", "label"), row, strict=True))
        for row in database.execute_sql(
            "SELECT id, batch, deleted_at, entity, entity_id, label FROM trash_item "
            "ORDER BY deleted_at DESC, id DESC"
        )
    ]


def purge_items(item_ids: Iterable[int]) -> int:
    """Delete trashed records for good; a customer takes everything of it along."""
    item_ids = list(item_ids)
    if not item_ids:
        return 0
    purged = 0
    with transaction():
        marks = ", ".join("?" for _ignored in item_ids)
        for item in _items(f"id IN ({marks})", item_ids):
            if not records.exists("trash_item", item["id"]):
                continue  # went with its customer a moment ago
            if item["entity"] == "customer":
                database.execute_sql("DELETE FROM customer WHERE id = ?", (item["entity_id"],))
                reindex_customers([item["entity_id"]])
            elif item["entity"] in _PURGERS:
                _PURGERS[item["entity"]](item["entity_id"])
            database.execute_sql("DELETE FROM trash_item WHERE id = ?", (item["id"],))
            audit.record(
                item["entity"],
                item["entity_id"],
                "delete",
                {"trash": ["in the trash", "deleted for good"]},
            )
            purged += 1
        for after in _AFTER_PURGE:  # the custom values of records gone for good
            after()
        notify("trash_item", item_ids, "purge")
    return purged


def empty_trash() -> int:
    """Delete everything in the trash for good; returns how many records went."""
    ids = [row[0] for row in database.execute_sql("SELECT id FROM trash_item")]
    if not ids:
        return 0
    before_bulk_change(_("emptying the trash"))
    return purge_items(ids)
