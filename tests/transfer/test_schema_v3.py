"""Schema version 3 (import batches): a version-2 file is stepped forward like any other."""

from __future__ import annotations

import sqlite3

from crm_desktop.models import SCHEMA_VERSION, SELLING_MODELS, close_database, database
from crm_desktop.models.migrations import V4_ADDED_COLUMNS
from crm_desktop.services import importing, open_session


def test_version_2_file_gets_the_import_tables(tmp_path):
    old = tmp_path / "v2.sqlite3"
    open_session(old)
    database.execute_sql("INSERT INTO customer (name) VALUES ('Kept')")
    close_database()
    conn = sqlite3.connect(old)
    for statement in (  # schema 7: the search index
        'DROP TABLE IF EXISTS "customer_search_vocab"',
        'DROP TABLE IF EXISTS "customer_search_fts"',
        'DROP VIEW IF EXISTS "customer_search_text"',
        'DROP INDEX IF EXISTS "customer_search_odd_name"',
        'DROP INDEX IF EXISTS "customer_search_id_key"',  # schema 14
        'DROP TRIGGER IF EXISTS "search_groups_insert"',  # schema 15
        'DROP TRIGGER IF EXISTS "search_groups_delete"',
        'DROP TRIGGER IF EXISTS "search_groups_update"',
        'DROP TABLE IF EXISTS "customer_search_name_fts"',
        'DROP TABLE IF EXISTS "customer_search_reach_fts"',
        'DROP TABLE IF EXISTS "customer_search_people_fts"',
        'DROP TABLE IF EXISTS "customer_search_place_fts"',
        'DROP VIEW IF EXISTS "customer_search_groups"',
    ):
        conn.execute(statement)
    for (trigger,) in conn.execute(  # schema 6: the search triggers
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{trigger}"')
    conn.execute('DROP INDEX "deal_stage_expected_close"')  # schema 7: Today's index
    conn.execute("DROP TABLE import_item")
    conn.execute("DROP TABLE import_batch")
    conn.execute("DROP TABLE saved_view")  # schema 9's
    conn.execute("DROP TABLE custom_value")  # schema 8's
    conn.execute("DROP TABLE custom_field")
    for table in reversed([m._meta.table_name for m in SELLING_MODELS]):  # schema 4
        conn.execute(f'DROP TABLE "{table}"')
    for table, column in V4_ADDED_COLUMNS:
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    opened = open_session(old)
    assert opened.migrated_from == 2 and SCHEMA_VERSION >= 3
    assert database.execute_sql("SELECT name FROM customer").fetchall() == [("Kept",)]
    source = tmp_path / "a.csv"
    source.write_text("Name\nNew one\n")
    result = importing.run_import(source, "customer")
    assert importing.list_batches()[0].id == result.batch_id
    close_database()
    fresh = tmp_path / "fresh.sqlite3"
    open_session(fresh)
    close_database()

    def schema(path):
        conn = sqlite3.connect(path)
        found = dict(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE name LIKE 'import%' ORDER BY name"
            ).fetchall()
        )
        conn.close()
        return found

    assert schema(old) == schema(fresh) and len(schema(fresh)) == 5
