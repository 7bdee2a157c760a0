"""The audit log: one row for every create, update, delete and restore.

Rows are written by the services inside the same transaction as the change
they describe, so the log and the data can never disagree. ``changes`` is a
JSON object of ``field: [old, new]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from crm_desktop.models import AuditLog, database
from crm_desktop.services.clock import now_utc


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value.normalize() + 0)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json_default(value: Any) -> Any:
    plain = _plain(value)
    if plain is value:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return plain


# One encoder for every entry: Decimals and dates go through _json_default, everything
# else stays in json's C encoder (imports log 100,000 changes at a time).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_json_default)


def encode_changes(changes: Mapping[str, Any]) -> str:
    return _ENCODER.encode(changes if isinstance(changes, dict) else dict(changes))


def record(entity: str, entity_id: int, action: str, changes: Mapping[str, Any]) -> None:
    """Log one change; call it inside the transaction that makes the change."""
    AuditLog.insert(
        at=now_utc(),
        entity=entity,
        entity_id=entity_id,
        action=action,
        changes=encode_changes(changes),
    ).execute()


def record_many(
    rows: Iterable[tuple[str, int, str, Mapping[str, Any]]], *, at: str | None = None
) -> int:
    """Log many changes at once (imports, bulk edits): ``(entity, id, action, changes)`` rows."""
    stamp = at or now_utc()
    params = [
        (stamp, entity, entity_id, action, encode_changes(changes))
        for entity, entity_id, action, changes in rows
    ]
    if params:
        database.connection().executemany(
            "INSERT INTO audit_log (at, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?)",
            params,
        )
    return len(params)


def created(values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The changes of a create: every field that got a value, from null."""
    return {key: [None, value] for key, value in values.items() if value not in (None, "")}


def removed(values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The changes of a delete: every field that had a value, to null."""
    return {key: [value, None] for key, value in values.items() if value not in (None, "")}


def history(entity: str, entity_ids: Sequence[int], *, limit: int = 500) -> list[dict[str, Any]]:
    """The newest changes of some records of one kind, newest first, ``changes`` decoded."""
    if not entity_ids:
        return []
    rows: list[dict[str, Any]] = []
    for start in range(0, len(entity_ids), 500):
        chunk = list(entity_ids[start : start + 500])
        marks = ", ".join("?" for _ignored in chunk)
        cursor = database.execute_sql(
            f"SELECT id, at, entity, entity_id, action, changes FROM audit_log "
            f"WHERE entity = ? AND entity_id IN ({marks}) ORDER BY at DESC, id DESC LIMIT ?",
            [entity, *chunk, limit],
        )
        for row_id, at, ent, ent_id, action, changes in cursor.fetchall():
            rows.append(
                {
                    "id": row_id,
                    "at": at,
                    "entity": ent,
                    "entity_id": ent_id,
                    "action": action,
                    "changes": json.loads(changes or "{}"),
                }
            )
    rows.sort(key=lambda row: (row["at"], row["id"]), reverse=True)
    return rows[:limit]
