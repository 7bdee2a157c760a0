"""Turning a current file back into an older schema, for the tests of the upgrade steps.

Each schema step that adds a search object adds its drop here once; the tests that fake
files from before the search index (schema 6–15) call :func:`drop_search_index`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

# Schema 15: the search text's groups indexed apart.
GROUP_INDEX_DROPS = (
    'DROP TRIGGER "search_groups_insert"',
    'DROP TRIGGER "search_groups_delete"',
    'DROP TRIGGER "search_groups_update"',
    *(
        f'DROP TABLE "customer_search_{group}_fts"'
        for group in ("name", "reach", "people", "place")
    ),
    'DROP VIEW "customer_search_groups"',
)


# The schema step that stores the contacts' sort keys (its number moves if steps merge).
CONTACT_KEY_VERSION = 16
CONTACT_KEY_DROPS = (
    'DROP TRIGGER IF EXISTS "contact_key_insert"',
    'DROP TRIGGER IF EXISTS "contact_key_update"',
    'DROP TRIGGER IF EXISTS "contact_key_delete"',
    'DROP TABLE IF EXISTS "contact_key"',
)


# The schema step that indexes the pipeline board (its number moves if steps merge).
BOARD_INDEX_VERSION = 17
BOARD_INDEX_DROPS = (
    'DROP INDEX IF EXISTS "deal_stage_closed_at"',
    'DROP INDEX IF EXISTS "deal_stage_amount"',
)


def as_of_version(
    path: str | os.PathLike[str], version: int, drop: Callable[[sqlite3.Connection], None]
) -> None:
    """Make the closed file at ``path`` a file of schema ``version``: ``drop`` takes away
    what the later steps added, and the file says it is that version."""
    conn = sqlite3.connect(path)
    try:
        drop(conn)
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.commit()
    finally:
        conn.close()


def drop_board_indexes(conn: sqlite3.Connection) -> None:
    """Drop what the board's step added: a file from before it."""
    for statement in BOARD_INDEX_DROPS:
        conn.execute(statement)


def drop_contact_keys(conn: sqlite3.Connection) -> None:
    """Drop what the contacts' sort keys step added (and the later board indexes of
    :data:`BOARD_INDEX_VERSION`): a file from before it."""
    drop_board_indexes(conn)
    for statement in CONTACT_KEY_DROPS:
        conn.execute(statement)


def drop_search_index(conn: sqlite3.Connection) -> None:
    """Drop what schemas 6 to 15 added for the search (and Today's index of schema 7),
    and the later contacts' keys (:data:`CONTACT_KEY_VERSION`) a file that old lacks too."""
    drop_contact_keys(conn)
    for statement in (
        *GROUP_INDEX_DROPS,  # schema 15
        'DROP INDEX IF EXISTS "customer_search_id_key"',  # schema 14
        'DROP INDEX IF EXISTS "customer_search_odd_name"',  # schemas 12–13
        'DROP TABLE IF EXISTS "customer_search_vocab"',  # schema 7: the search index
        'DROP TABLE IF EXISTS "customer_search_fts"',
        'DROP VIEW IF EXISTS "customer_search_text"',
    ):
        conn.execute(statement)
    for (trigger,) in conn.execute(  # schema 6: the search triggers
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{trigger}"')
    conn.execute('DROP INDEX "deal_stage_expected_close"')  # schema 7: Today's index
