"""A person's data, on request: everything about one customer or contact, exported or erased.

:func:`export_person` writes one JSON file (UTF-8, indent 2) with the
person's own record, every record that hangs on it, what of theirs is in
the trash, and the audit entries of all of it. Dates stay ISO text as
stored; money stays integer minor units, each amount with its currency.

:func:`erase_person` deletes them for good in one transaction: not to the
trash (their trash rows go too), their search row goes, and in the audit log
every personal value of their entries becomes ``[erased]`` while the ids,
actions and dates stay (the log still says *that* something happened). The
deletion runs with ``PRAGMA secure_delete`` and a WAL checkpoint after it,
so the freed pages do not keep the old bytes in the database file.

What is kept, and why:

* Issued invoices and credit notes (and their payments) are legal records
  that must be kept; they hold the buyer's details as printed. They lose
  their link to the customer (``ON DELETE SET NULL``) and the report names
  them, so the user can decide what the law lets them do.
* Backups are not changed (a backup is what it was when it was made). The
  report names every backup that still holds the person: each backup made
  before the erase is opened read-only and looked into for the record's id
  (with its ``created_at`` or name, since an id alone could be another
  person's after a restore); a backup that cannot be read is named too.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.errors import CrmError, NotFoundError
from crm_desktop.i18n import _
from crm_desktop.models import cipher, database
from crm_desktop.safe_files import check_output_path, replacing
from crm_desktop.services import audit, settings
from crm_desktop.services.backups import BackupRecord, list_backups
from crm_desktop.services.changes import notify, transaction
from crm_desktop.services.clock import now_utc
from crm_desktop.services.records import Row
from crm_desktop.services.search import reindex_customers

log = logging.getLogger(__name__)

ENTITIES = ("customer", "contact")
ERASED = "[erased]"
FORMAT = "crm-desktop person export"

# Audit values that say nothing about a person (states, kinds, numbers, ids, dates, money):
# kept by the erase so the log still reads as a history. Every other text value is erased.
_KEPT_FIELDS = frozenset(
    {
        "status",
        "kind",
        "stage",
        "priority",
        "probability",
        "quantity",
        "discount_pct",
        "tax_pct",
        "tax_included",
        "is_primary",
        "method",
        "number",
        "currency",
        "position",
        "deleted_at",
        "trash",
    }
)
_KEPT_SUFFIXES = ("_id", "_cents", "_at", "_date", "_on")

# Which rows belong to a customer: (table, WHERE with :id for the customer id). Order
# matters for the lines, which are found through their documents.
_CUSTOMER_ROWS: tuple[tuple[str, str], ...] = (
    ("customer", "id = ?"),
    ("contact", "customer_id = ?"),
    ("customer_tag", "customer_id = ?"),
    ("deal", "customer_id = ?"),
    ("sales_order", "customer_id = ?"),
    ("order_line", "order_id IN (SELECT id FROM sales_order WHERE customer_id = ?)"),
    ("quote", "customer_id = ?"),
    ("quote_line", "quote_id IN (SELECT id FROM quote WHERE customer_id = ?)"),
    ("invoice", "customer_id = ?"),
    ("invoice_line", "invoice_id IN (SELECT id FROM invoice WHERE customer_id = ?)"),
    ("payment", "invoice_id IN (SELECT id FROM invoice WHERE customer_id = ?)"),
    ("task", "customer_id = ? OR contact_id IN (SELECT id FROM contact WHERE customer_id = ?)"),
    ("interaction", "customer_id = ?"),
    ("service_case", "customer_id = ?"),
    ("campaign_member", "customer_id = ?"),
)
_CONTACT_ROWS: tuple[tuple[str, str], ...] = (
    ("contact", "id = ?"),
    ("interaction", "contact_id = ?"),
    ("task", "contact_id = ?"),
)
# How the tables read in a message (the CLI's words; the window translates its own).
TABLE_WORDS = {
    "customer": "customer record",
    "contact": "contacts",
    "customer_tag": "tag links",
    "deal": "deals",
    "sales_order": "orders",
    "order_line": "order lines",
    "quote": "quotes",
    "quote_line": "quote lines",
    "task": "tasks",
    "interaction": "calls, meetings and notes",
    "service_case": "service cases",
    "campaign_member": "campaign memberships",
    "trash_item": "records in the trash",
}
# Kept by an erase: legal records (see the module docstring).
_KEPT_TABLES = frozenset({"invoice", "invoice_line", "payment"})


@dataclass
class PersonData:
    """Everything stored about one person, read in one go."""

    entity: str
    record_id: int
    label: str
    rows: dict[str, list[Row]]
    trash: list[Row]
    audit_entries: list[Row]

    def counts(self) -> dict[str, int]:
        found = {table: len(rows) for table, rows in self.rows.items() if rows}
        if self.trash:
            found["trash_item"] = len(self.trash)
        if self.audit_entries:
            found["audit_log"] = len(self.audit_entries)
        return found


@dataclass
class ErasureReport:
    """What an erase did, and where the person still is."""

    entity: str
    record_id: int
    label: str
    deleted: dict[str, int] = field(default_factory=dict)
    audit_entries_erased: int = 0
    invoices_kept: list[str] = field(default_factory=list)
    backups_holding: list[BackupRecord] = field(default_factory=list)
    backups_unreadable: list[BackupRecord] = field(default_factory=list)


def _select(table: str, where: str, params: Sequence[Any]) -> list[Row]:
    cursor = database.execute_sql(f'SELECT * FROM "{table}" WHERE {where} ORDER BY id', params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _check_entity(entity: str) -> None:
    if entity not in ENTITIES:
        raise CrmError(
            _("Only a customer or a contact can be exported or erased, not {entity!r}.").format(
                entity=entity
            )
        )


def _trash_rows(entity: str, record_id: int) -> list[Row]:
    rows = _select("trash_item", "entity = ? AND entity_id = ?", [entity, record_id])
    if entity == "customer":
        rows += _select("trash_item", "customer_id = ? AND entity != 'customer'", [record_id])
    for row in rows:
        row["payload"] = json.loads(row["payload"] or "{}")
    return rows


def collect(entity: str, record_id: int) -> PersonData:
    """Read everything about one customer or contact (a contact may be in the trash)."""
    _check_entity(entity)
    plan = _CUSTOMER_ROWS if entity == "customer" else _CONTACT_ROWS
    rows: dict[str, list[Row]] = {}
    for table, where in plan:
        rows[table] = _select(table, where, [record_id] * where.count("?"))
    trash = _trash_rows(entity, record_id)
    own = rows[entity]
    if not own:
        # A contact deleted to the trash is still theirs until the trash is emptied.
        trashed = [t for t in trash if t["entity"] == entity and t["entity_id"] == record_id]
        if not trashed:
            raise NotFoundError(
                _("There is no {entity} with id {record_id}.").format(
                    entity=entity, record_id=record_id
                )
            )
        label = trashed[0]["label"]
    else:
        label = own[0]["name"]
    return PersonData(entity, record_id, label, rows, trash, _audit_entries(rows, trash))


def _audit_keys(rows: dict[str, list[Row]], trash: Iterable[Row]) -> set[tuple[str, int]]:
    keys = {(table, row["id"]) for table, found in rows.items() for row in found}
    keys |= {(item["entity"], item["entity_id"]) for item in trash}
    # Audit entries are written under the entity name, which is the table name.
    return {key for key in keys if key[0] not in ("customer_tag",)}


def _audit_entries(rows: dict[str, list[Row]], trash: Iterable[Row]) -> list[Row]:
    by_entity: dict[str, list[int]] = {}
    for entity, entity_id in sorted(_audit_keys(rows, trash)):
        by_entity.setdefault(entity, []).append(entity_id)
    entries: list[Row] = []
    for entity, ids in by_entity.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ignored in chunk)
            entries += _select(
                "audit_log", f"entity = ? AND entity_id IN ({marks})", [entity, *chunk]
            )
    entries.sort(key=lambda row: (row["at"], row["id"]))
    return entries


def _with_currency(row: Row, currency: str) -> Row:
    """Money columns as {minor_units, currency}: an amount never travels without its unit."""
    own = row.get("currency") or currency
    return {
        key: {"minor_units": value, "currency": own}
        if key.endswith("_cents") and isinstance(value, int)
        else value
        for key, value in row.items()
    }


def export_document(data: PersonData) -> dict[str, Any]:
    """The export as a JSON-ready dict (what :func:`export_person` writes)."""
    currency = settings.get("currency")
    audit_entries = [
        dict(entry, changes=json.loads(entry["changes"] or "{}")) for entry in data.audit_entries
    ]
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "exported_at": now_utc(),
        "entity": data.entity,
        "id": data.record_id,
        "name": data.label,
        "currency": currency,
        "records": {
            table: [_with_currency(row, currency) for row in rows]
            for table, rows in data.rows.items()
        },
        "trash": data.trash,
        "audit_log": audit_entries,
    }
    if data.entity == "customer":
        document["tags"] = [
            row[0]
            for row in database.execute_sql(
                "SELECT t.name FROM tag t JOIN customer_tag ct ON ct.tag_id = t.id "
                "WHERE ct.customer_id = ? ORDER BY t.name",
                (data.record_id,),
            )
        ]
    return document


def export_person(entity: str, record_id: int, target: str | Path) -> Path:
    """Write everything about one customer or contact to a JSON file; returns its path."""
    path = check_output_path(target)
    document = export_document(collect(entity, record_id))
    text = json.dumps(document, ensure_ascii=False, indent=2, default=str)
    # What the user asked for follows their umask (safe_files: private=False).
    with replacing(path, private=False) as temp:
        temp.write_text(text + "\n", encoding="utf-8")
    log.info("exported %s %s to a file", entity, record_id)
    return path


def _scrub(value: Any, key: str = "") -> Any:
    """A value of an audit entry with every personal text replaced by :data:`ERASED`."""
    if key in _KEPT_FIELDS or key.endswith(_KEPT_SUFFIXES):
        return value
    if isinstance(value, str):
        return ERASED
    if isinstance(value, list):
        return [_scrub(item, key) for item in value]
    if isinstance(value, dict):
        return {k: _scrub(v, k) for k, v in value.items()}
    return value


def _erase_audit(entries: Iterable[Row]) -> int:
    params = []
    for entry in entries:
        changes = json.loads(entry["changes"] or "{}")
        params.append((audit.encode_changes(_scrub(changes)), entry["id"]))
    if params:
        database.connection().executemany("UPDATE audit_log SET changes = ? WHERE id = ?", params)
    return len(params)


def _holds(path: Path, data: PersonData) -> bool:
    """Whether a backup file holds the person (opened read-only, never changed)."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    with contextlib.closing(cipher.connect_file(uri, uri=True)) as conn:
        if data.entity == "customer":
            stamp = data.rows["customer"][0]["created_at"] if data.rows["customer"] else None
            found = conn.execute(
                "SELECT 1 FROM customer WHERE id = ? AND (created_at = ? OR name = ?)",
                (data.record_id, stamp, data.label),
            ).fetchone()
        else:
            found = conn.execute(
                "SELECT 1 FROM contact WHERE id = ? AND name = ?", (data.record_id, data.label)
            ).fetchone()
        if found is None:
            found = conn.execute(
                "SELECT 1 FROM trash_item WHERE entity = ? AND entity_id = ?",
                (data.entity, data.record_id),
            ).fetchone()
    return found is not None


def backups_holding(data: PersonData, before: str) -> tuple[list[BackupRecord], list[BackupRecord]]:
    """The backups made before ``before`` that hold the person, and those that cannot be read."""
    holding: list[BackupRecord] = []
    unreadable: list[BackupRecord] = []
    for record in list_backups():
        if record.created_at.strftime("%Y-%m-%dT%H:%M:%SZ") > before:
            continue
        try:
            if _holds(record.path, data):
                holding.append(record)
        except (sqlite3.Error, cipher.EncryptionKeyError):  # damaged, or a key not held here
            unreadable.append(record)
    return holding, unreadable


def preview_erasure(entity: str, record_id: int) -> ErasureReport:
    """What :func:`erase_person` would delete and keep, without changing anything."""
    data = collect(entity, record_id)
    return _report(data, now_utc())


def _report(data: PersonData, stamp: str) -> ErasureReport:
    report = ErasureReport(data.entity, data.record_id, data.label)
    report.deleted = {t: n for t, n in data.counts().items() if t not in _KEPT_TABLES}
    report.deleted.pop("audit_log", None)
    report.audit_entries_erased = len(data.audit_entries)
    report.invoices_kept = [row["number"] for row in data.rows.get("invoice", [])]
    report.backups_holding, report.backups_unreadable = backups_holding(data, stamp)
    return report


def erase_person(entity: str, record_id: int) -> ErasureReport:
    """Delete a customer or contact for good, with what hangs on it; see the module docstring."""
    data = collect(entity, record_id)
    stamp = now_utc()
    kept = {("invoice", row["id"]) for row in data.rows.get("invoice", [])}
    kept |= {("payment", row["id"]) for row in data.rows.get("payment", [])}
    entries = [e for e in data.audit_entries if (e["entity"], e["entity_id"]) not in kept]
    conn = database.connection()
    # Freed pages are overwritten with zeros, so the deleted bytes leave the file.
    previous = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        with transaction():
            owner = None
            if entity == "customer":
                # Everything else goes with it (ON DELETE CASCADE), invoices lose the link.
                database.execute_sql("DELETE FROM customer WHERE id = ?", (record_id,))
            else:
                own = data.rows["contact"]
                owner = own[0]["customer_id"] if own else None
                database.execute_sql("DELETE FROM contact WHERE id = ?", (record_id,))
            trash_ids = [item["id"] for item in data.trash]
            if trash_ids:
                marks = ", ".join("?" for _ignored in trash_ids)
                database.execute_sql(f"DELETE FROM trash_item WHERE id IN ({marks})", trash_ids)
            # What imports and merges remembered of these records for their undo (old values)
            # is theirs too; "create" items hold only id ranges.
            database.connection().executemany(
                "DELETE FROM import_item WHERE entity = ? AND entity_id = ? AND action != 'create'",
                sorted(_audit_keys(data.rows, ())),
            )
            erased = _erase_audit(entries)
            audit.record(entity, record_id, "delete", {"erased": [None, "on request"]})
            reindex_customers([record_id if entity == "customer" else owner])
            notify(entity, [record_id], "purge")
            if trash_ids:
                notify("trash_item", trash_ids, "purge")
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous)}")
    with contextlib.suppress(Exception):
        # Old copies of the pages may still sit in the write-ahead log: fold it in now.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    report = _report(data, stamp)
    report.audit_entries_erased = erased
    log.info("erased %s %s (%d audit entries)", entity, record_id, erased)
    return report
