"""The import history and "Undo this import" — also days later.

Every import (and every merge of duplicate customers) is an
``import_batch`` with one ``import_item`` per record it created, updated or
moved. Undo reverts the whole batch in one transaction:

* records it created go to the trash (so even the undo can be undone from
  the trash); a created customer takes its new contacts along;
* fields it updated get their old values back — but only where the value is
  still the one the import wrote: a field the user has changed since is
  left alone and counted as kept;
* tags it added are taken off again.

Records deleted in the meantime are passed over.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crm_desktop.errors import NotFoundError
from crm_desktop.i18n import _, ngettext
from crm_desktop.models import database
from crm_desktop.services import audit, records, tags, trash
from crm_desktop.services.changes import before_bulk_change, transaction
from crm_desktop.services.clock import now_utc
from crm_desktop.services.importing.mapping import ENTITY_LABELS
from crm_desktop.services.locale_facts import grouped
from crm_desktop.services.progress import stop_if_cancelled


@dataclass(frozen=True)
class BatchInfo:
    """One line of the import history."""

    id: int
    kind: str
    entity: str
    source: str
    policy: str | None
    started_at: str
    created: int
    updated: int
    skipped: int
    refused: int
    undone_at: str | None

    @property
    def describe(self) -> str:
        if self.kind == "merge":
            return _("Merge of duplicate customers: {source}").format(source=self.source)
        return _("Import of {entities} from {source}").format(
            entities=_(ENTITY_LABELS.get(self.entity, self.entity)), source=self.source
        )


_FIELDS = (
    "id, kind, entity, source, policy, started_at, created_count, updated_count, "
    "skipped_count, refused_count, undone_at"
)


def list_batches(*, kind: str | None = None, limit: int = 500) -> list[BatchInfo]:
    """The imports (and merges), newest first."""
    where = "WHERE kind = ?" if kind else ""
    rows = database.execute_sql(
        f"SELECT {_FIELDS} FROM import_batch {where} ORDER BY id DESC LIMIT ?",
        [kind, limit] if kind else [limit],
    ).fetchall()
    return [BatchInfo(*row) for row in rows]


def get_batch(batch_id: int) -> BatchInfo:
    row = database.execute_sql(
        f"SELECT {_FIELDS} FROM import_batch WHERE id = ?", (batch_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(_("This import is not in the history any more."))
    return BatchInfo(*row)


@dataclass
class UndoResult:
    """What an undo did: records moved to the trash, records reverted, fields left alone."""

    trashed: int = 0
    reverted: int = 0
    kept_fields: int = 0
    gone: int = 0

    def summary(self) -> str:
        trashed = ngettext(
            "{n} record moved to the trash", "{n} records moved to the trash", self.trashed
        ).format(n=grouped(self.trashed))
        reverted = ngettext("{n} change reverted", "{n} changes reverted", self.reverted).format(
            n=grouped(self.reverted)
        )
        if not self.kept_fields:
            return _("{trashed}, {reverted}.").format(trashed=trashed, reverted=reverted)
        kept = ngettext(
            "{n} field was changed after the import and was kept",
            "{n} fields were changed after the import and were kept",
            self.kept_fields,
        ).format(n=grouped(self.kept_fields))
        return _("{trashed}, {reverted}; {kept}.").format(
            trashed=trashed, reverted=reverted, kept=kept
        )


def _items(batch_id: int) -> list[tuple[str, int, str, dict[str, Any]]]:
    """The batch's items, a run of created ids (``entity_id``…``last_id``) as one item each."""
    items: list[tuple[str, int, str, dict[str, Any]]] = []
    for entity, entity_id, last_id, action, changes in database.execute_sql(
        "SELECT entity, entity_id, last_id, action, changes FROM import_item "
        "WHERE batch_id = ? ORDER BY id",
        (batch_id,),
    ).fetchall():
        decoded = json.loads(changes or "{}")
        for record_id in range(entity_id, (last_id or entity_id) + 1):
            items.append((entity, record_id, action, decoded))
    return items


def _live(entity: str, ids: list[int]) -> list[int]:
    table = records.entity(entity).table
    found: list[int] = []
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ", ".join("?" for _ignored in chunk)
        extra = " AND +deleted_at IS NULL" if entity == "customer" else ""  # by rowid
        found += [
            row[0]
            for row in database.execute_sql(
                f'SELECT id FROM "{table}" WHERE id IN ({marks}){extra}', chunk
            )
        ]
    return found


def revert_updates(updates: list[tuple[str, int, dict[str, Any]]], result: UndoResult) -> None:
    """Put back old values where the record still holds what was written."""
    for entity, record_id, changes in updates:
        spec = records.entity(entity)
        current = records.get_many(spec, [record_id]).get(record_id)
        if current is None or current.get("deleted_at"):
            result.gone += 1
            continue
        fields = {f.name for f in spec.fields}
        old_values: dict[str, Any] = {}
        for name, pair in changes.items():
            if name == "tags" and entity == "customer":
                before, after = pair
                added = [t for t in (after or []) if t not in (before or [])]
                present = [t for t in added if t in tags.tags_of(record_id)]
                if present:
                    tags.remove_tags([record_id], present)
                    result.reverted += 1
                continue
            if name not in fields:
                continue
            old, new = pair
            if audit.encode_changes({"v": current.get(name)}) == audit.encode_changes({"v": new}):
                old_values[name] = old
            else:
                result.kept_fields += 1
        if old_values:
            records.update(spec, record_id, old_values)
            result.reverted += 1


def undo_import(
    info: BatchInfo,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> UndoResult:
    """Revert one import as a whole, in one transaction (:mod:`~crm_desktop.services.batch_undo`
    chooses this or a merge's undo by the batch's kind)."""
    batch_id = info.id
    before_bulk_change(_("undoing the import of {source}").format(source=info.source))
    result = UndoResult()
    with transaction():
        items = _items(batch_id)
        created: dict[str, list[int]] = defaultdict(list)
        updates: list[tuple[str, int, dict[str, Any]]] = []
        for entity, entity_id, action, changes in items:
            if action == "create":
                created[entity].append(entity_id)
            elif action == "update":
                updates.append((entity, entity_id, changes))
        total = len(items) or 1
        if progress is not None:
            progress(0, total)
        customers = _live("customer", created.get("customer", []))
        created_customers = set(created.get("customer", []))
        contacts = _live("contact", created.get("contact", []))
        if contacts:
            owners = dict(
                database.execute_sql(
                    "SELECT id, customer_id FROM contact "
                    "WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(contacts),),
                ).fetchall()
            )
            # A new customer's new contacts go to the trash with it.
            contacts = [c for c in contacts if owners.get(c) not in created_customers]
        products = _live("product", created.get("product", []))
        for entity, ids in (("contact", contacts), ("customer", customers), ("product", products)):
            stop_if_cancelled(cancelled)
            if ids:
                trash.move_to_trash(entity, ids)
                result.trashed += len(ids)
        every_contact = created.get("contact", [])
        result.gone += (
            len(created_customers)
            - len(customers)
            + len(every_contact)
            - len(_live("contact", every_contact))
            + len(created.get("product", []))
            - len(products)
        )
        if progress is not None:
            progress(total // 2, total)
        revert_updates(list(reversed(updates)), result)
        database.execute_sql(
            "UPDATE import_batch SET undone_at = ? WHERE id = ?", (now_utc(), batch_id)
        )
        if progress is not None:
            progress(total, total)
    return result
