"""Schema versions and the steps that move an older database file forward.

``PRAGMA user_version`` is the schema version of a file. A new file is made
at :data:`SCHEMA_VERSION` from the models; an older file is stepped forward
one version at a time, all steps in one transaction, so that a failure leaves
the file exactly as it was. A step is frozen SQL, never the current models:
the models move on, a step must not.

Versions:
  1  the documented tables of the brief.
  2  the app's own tables: ``customer_search`` (derived search text and sort
     keys, rebuilt by the services) and ``trash_item`` (deleted records).
  3  ``import_batch`` and ``import_item``: each import (and each merge of
     duplicate customers) with what it created and changed, for "Undo".
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

SCHEMA_VERSION = 3

_V2_SQL = (
    'CREATE TABLE "customer_search" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"haystack" TEXT NOT NULL, "name_key" TEXT NOT NULL, "stamp" TEXT, '
    'FOREIGN KEY ("id") REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "customer_search_name_key" ON "customer_search" ("name_key")',
    'CREATE TABLE "trash_item" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"batch" INTEGER NOT NULL, "deleted_at" TEXT NOT NULL CHECK (deleted_at GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') "
    "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
    '"entity" TEXT NOT NULL, "entity_id" INTEGER NOT NULL, "customer_id" INTEGER, '
    '"label" TEXT NOT NULL, "payload" TEXT NOT NULL, FOREIGN KEY ("customer_id") '
    'REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "trash_item_batch" ON "trash_item" ("batch")',
    'CREATE INDEX "trash_item_customer_id" ON "trash_item" ("customer_id")',
    'CREATE INDEX "trash_item_entity_entity_id" ON "trash_item" ("entity", "entity_id")',
)


def _v1_to_v2(db: SqliteDatabase) -> None:
    for statement in _V2_SQL:
        db.execute_sql(statement)
    # customer_search starts empty; the services notice and rebuild it on open.


_V3_SQL = (
    'CREATE TABLE "import_batch" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    "\"kind\" TEXT NOT NULL CHECK (kind IN ('import', 'merge')) DEFAULT 'import', "
    '"entity" TEXT NOT NULL, "source" TEXT NOT NULL DEFAULT \'\', "policy" TEXT, '
    '"started_at" TEXT NOT NULL CHECK (started_at GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z') "
    "DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
    '"created_count" INTEGER NOT NULL DEFAULT 0, "updated_count" INTEGER NOT NULL DEFAULT 0, '
    '"skipped_count" INTEGER NOT NULL DEFAULT 0, "refused_count" INTEGER NOT NULL DEFAULT 0, '
    '"trash_batch" INTEGER, "undone_at" TEXT CHECK (undone_at IS NULL OR undone_at GLOB '
    "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'))",
    'CREATE INDEX "import_batch_started_at" ON "import_batch" ("started_at")',
    'CREATE TABLE "import_item" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"batch_id" INTEGER NOT NULL, "entity" TEXT NOT NULL, "entity_id" INTEGER NOT NULL, '
    '"last_id" INTEGER, '
    "\"action\" TEXT NOT NULL CHECK (action IN ('create', 'update', 'move')), "
    '"changes" TEXT NOT NULL DEFAULT \'{}\', FOREIGN KEY ("batch_id") '
    'REFERENCES "import_batch" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "import_item_batch_id" ON "import_item" ("batch_id")',
    'CREATE INDEX "import_item_entity_entity_id" ON "import_item" ("entity", "entity_id")',
)


def _v2_to_v3(db: SqliteDatabase) -> None:
    for statement in _V3_SQL:
        db.execute_sql(statement)


# The step that takes a file from version N to N + 1, by N.
STEPS: dict[int, Callable[[SqliteDatabase], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
}


def migrate(db: SqliteDatabase, from_version: int) -> None:
    """Step the open database from ``from_version`` to :data:`SCHEMA_VERSION` atomically.

    Foreign keys are switched off during the steps (SQLite's procedure for
    rebuilding tables) and checked as a whole before the commit.
    """
    if from_version >= SCHEMA_VERSION:
        return
    missing = [v for v in range(from_version, SCHEMA_VERSION) if v not in STEPS]
    if missing:
        raise RuntimeError(f"no migration step from schema version {missing[0]}")
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for version in range(from_version, SCHEMA_VERSION):
                STEPS[version](db)
            problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                table, rowid, parent, _ = problems[0]
                raise RuntimeError(
                    f"migration left a broken reference: {table} row {rowid} → {parent}"
                )
            db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
