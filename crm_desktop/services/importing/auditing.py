"""The audit entries of the records an import creates, written by SQLite in one statement.

An import of 100,000 customers logs 100,000 "create" entries. Building each
entry's JSON in Python (a dict of ``field: [null, value]`` per row, then
encoding it) cost about a second in the importing process. Here SQLite
builds them from the rows just inserted, one ``INSERT … SELECT`` per run of
new ids: ``json_object`` of every field, with empty fields dropped by
``json_patch`` (a null member of a JSON merge patch is removed). The entries
are the same JSON objects :func:`crm_desktop.services.audit.created` makes
(keys in the same sorted order), written without the spaces after ``:`` and
``,``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from crm_desktop.models import database
from crm_desktop.services import catalogue, contacts, customers  # noqa: F401


def _logged(entity: str) -> tuple[str, ...]:
    # Every built-in editable field of the catalogue: a field added there is logged too.
    return tuple(sorted(f.key for f in catalogue.editable(entity)))


# The fields a create logs (every column but the id and the timestamps), sorted.
LOGGED_FIELDS = {"customer": _logged("customer"), "contact": _logged("contact")}


def _statement(entity: str) -> str:
    members = ", ".join(
        f"'{name}', CASE WHEN \"{name}\" IS NOT NULL AND \"{name}\" != '' "
        f'THEN json_array(NULL, "{name}") END'
        for name in LOGGED_FIELDS[entity]
    )
    return (
        "INSERT INTO audit_log (at, entity, entity_id, action, changes) "
        f"SELECT ?, '{entity}', id, 'create', json_patch('{{}}', json_object({members})) "
        f'FROM "{entity}" WHERE id BETWEEN ? AND ? '
        "AND id NOT IN (SELECT value FROM json_each(?))"
    )


def log_created(
    entity: str, runs: Iterable[tuple[int, int]], stamp: str, *, except_ids: Sequence[int] = ()
) -> None:
    """Log the creation of the records in ``runs`` of ids (first, last), but ``except_ids``."""
    import json

    skip = json.dumps(list(except_ids))
    database.connection().executemany(
        _statement(entity), [(stamp, first, last, skip) for first, last in runs]
    )
