"""The schema a database file must have, made once, and how another file's schema differs from it.

:func:`create_schema` is how a new file gets its tables; an older file is
migrated to exactly the same objects (a test holds the two together). A file
from outside — a backup to restore, a database another tool edited — is
trusted only when, stepped forward to this version, its schema is that one:
the same tables with the same columns and CHECK constraints, the same
indexes and triggers, and nothing else (an extra trigger could delete every
customer at the next save; an extra view or index is not ours either).
:func:`expected_objects` builds the reference in memory from
:func:`create_schema` itself; :func:`differences` says what differs, in words.

Objects are compared by type, name, table and their SQL with whitespace
collapsed: SQLite keeps each ``CREATE`` statement as it was written, so the
same statement means the same object.
"""

from __future__ import annotations

import functools
import sqlite3
from typing import NamedTuple

from peewee import SchemaManager, SqliteDatabase, sort_models  # type: ignore[attr-defined]

from crm_desktop.models.migrations import (
    BOARD_INDEXES,
    CONTACT_KEY_SQL,
    CUSTOM_FIELDS_SQL,
    GROUP_INDEX_SQL,
    ID_KEY_INDEX_SQL,
    NAME_START_INDEX_SQL,
    NGRAM_INDEX_SQL,
    ODD_NAME_SQL,
    SAVED_VIEWS_SQL,
    SCHEMA_VERSION,
    SEARCH_TRIGGERS,
    TODAY_INDEXES,
    frozen_sql,
    introduced_in,
)
from crm_desktop.models.tables import ALL_MODELS
from crm_desktop.models.version import APPLICATION_ID  # "CRMD": marks our files

# 16 KiB pages (SQLite's default is 4 KiB): a quarter as many pages to copy and check in
# every backup, and shallower trees for the 100,000-row lists. Set before the first table.
PAGE_SIZE = 16384
# SQLite's own statistics tables (ANALYZE): they steer the query planner and hold no data.
_STATISTICS = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})


def create_schema(db: SqliteDatabase) -> None:
    """Give the new, empty database ``db`` every table, index and trigger of this version."""
    db.execute_sql(f"PRAGMA page_size = {PAGE_SIZE}")
    db.execute_sql("PRAGMA journal_mode = WAL")
    with db.atomic():
        for model in sort_models(ALL_MODELS):
            table = model._meta.table_name
            if introduced_in(table) > 1:
                # Tables a migration step added: the step's own frozen SQL, so a new file and
                # a migrated one hold the same objects (triggers included).
                for statement in frozen_sql(table):
                    db.execute_sql(statement)
            else:
                SchemaManager(model, database=db).create_all(safe=True)
        for statement in (
            *SEARCH_TRIGGERS,
            *TODAY_INDEXES,
            *NGRAM_INDEX_SQL,
            *ODD_NAME_SQL,  # version 12 remakes version 11's odd-name index
            *NAME_START_INDEX_SQL,  # and version 13 once more, by first character
            *ID_KEY_INDEX_SQL,  # version 14
            *GROUP_INDEX_SQL,  # version 15
            *BOARD_INDEXES,  # version 17
        ):
            db.execute_sql(statement)
        # Tables without a model: the same frozen SQL as their migration step.
        for statement in (*CUSTOM_FIELDS_SQL, *SAVED_VIEWS_SQL, *CONTACT_KEY_SQL):
            db.execute_sql(statement)
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


class SchemaObject(NamedTuple):
    """One row of ``sqlite_master``, its SQL with whitespace collapsed."""

    kind: str  # table, index, trigger, view
    name: str
    table: str
    sql: str


def objects_of(conn: sqlite3.Connection) -> dict[tuple[str, str], SchemaObject]:
    """The schema objects of an open file, by (kind, name); SQLite's statistics left out."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    found = {}
    for kind, name, table, sql in rows:
        if name in _STATISTICS:
            continue
        text = sql.decode("utf-8", "replace") if isinstance(sql, bytes) else (sql or "")
        found[(str(kind), str(name))] = SchemaObject(
            str(kind), str(name), str(table), " ".join(text.split())
        )
    return found


@functools.cache
def expected_objects() -> dict[tuple[str, str], SchemaObject]:
    """The schema objects of a new file of this version (built once, in memory)."""
    db = SqliteDatabase(":memory:")
    try:
        create_schema(db)
        return objects_of(db.connection())
    finally:
        db.close()


def _describe(item: SchemaObject) -> str:
    where = f" on {item.table}" if item.kind in ("index", "trigger") else ""
    return f"{item.kind} “{item.name}”{where}"


def differences(
    actual: dict[tuple[str, str], SchemaObject],
    expected: dict[tuple[str, str], SchemaObject] | None = None,
) -> list[str]:
    """What ``actual`` has that a file of this version must not have, or lacks, in words."""
    expected = expected_objects() if expected is None else expected
    found = []
    for key in sorted(actual.keys() - expected.keys()):
        found.append(f"an extra {_describe(actual[key])}")
    for key in sorted(expected.keys() - actual.keys()):
        found.append(f"no {_describe(expected[key])}")
    for key in sorted(actual.keys() & expected.keys()):
        if actual[key] != expected[key]:
            found.append(f"a different {_describe(actual[key])}")
    return found
