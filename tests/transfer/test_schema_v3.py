"""Schema version 3 (import batches): a version-2 file is stepped forward like any other."""

from __future__ import annotations

import sqlite3

from crm_desktop.models import SCHEMA_VERSION, SELLING_MODELS, close_database, database
from crm_desktop.models.migrations import V4_ADDED_COLUMNS
from crm_desktop.services import importing, open_session
from tests.old_schema import drop_search_index


def test_version_2_file_gets_the_import_tables(tmp_path):
    old = tmp_path / "v2.sqlite3"
    open_session(old)
    database.execute_sql("INSERT INTO customer (name) VALUES ('Kept')")
    close_database()
    conn = sqlite3.connect(old)
    drop_search_index(conn)
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
