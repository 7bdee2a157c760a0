"""The database's own rules (schema version 4), for every tool that writes to the file.

With foreign keys on or off, any SQLite tool now meets CHECK constraints for
real dates and times, JSON audit changes, NULL rather than '' for optional
text and the documented decimals; ``check`` reports the orphans a tool with
foreign keys off (the ``sqlite3`` shell's default) let in. The table
rebuild that brings an older file there keeps every row, id and counter,
repairs what another tool let in, keeps other steps' triggers, and ends with
exactly the schema a new file gets.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.models import SCHEMA_VERSION, close_database, migrations
from crm_desktop.models.schema import differences, objects_of
from crm_desktop.services import open_session

ROOT = Path(__file__).resolve().parents[2]


def tool(path: Path) -> sqlite3.Connection:
    """Another SQLite tool on the file: foreign keys off, as the sqlite3 shell starts."""
    return sqlite3.connect(path, isolation_level=None)


BAD_VALUES = {
    "an impossible date": "UPDATE sales_order SET order_date = '2026-02-30' WHERE id = 1",
    "a month 13": "UPDATE task SET due_date = '2026-13-01' WHERE id = 1",
    "an impossible time": "UPDATE interaction SET occurred_at = '2026-99-99T99:99:99Z' WHERE id = 1",
    "February 30 at noon": "UPDATE customer SET created_at = '2026-02-30T12:00:00Z' WHERE id = 1",
    "an empty email": "UPDATE customer SET email = '' WHERE id = 1",
    "blank notes": "UPDATE contact SET notes = '   ' WHERE id = 1",
    "four decimals of quantity": "UPDATE order_line SET quantity = 1.0001 WHERE id = 1",
    "three decimals of discount": "UPDATE order_line SET discount_pct = 10.125 WHERE id = 1",
    "four decimals of stock": "UPDATE product SET stock_qty = 2.0005 WHERE id = 1",
    "audit changes that are not JSON": "UPDATE audit_log SET changes = 'name: Anna' WHERE id = 1",
}


@pytest.mark.parametrize("label", sorted(BAD_VALUES))
def test_any_tool_meets_the_rules(demo_db, label):
    conn = tool(demo_db)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            conn.execute(BAD_VALUES[label])
    finally:
        conn.close()


def test_the_rules_let_real_values_through(demo_db):
    conn = tool(demo_db)
    try:
        conn.execute("UPDATE order_line SET quantity = 2.675, discount_pct = 12.5 WHERE id = 1")
        conn.execute("UPDATE order_line SET quantity = 999999.999 WHERE id = 2")
        conn.execute("UPDATE sales_order SET order_date = '2024-02-29' WHERE id = 1")
        conn.execute("UPDATE customer SET email = NULL, deleted_at = '2026-12-31T23:59:59Z' "
                     "WHERE id = 1")  # fmt: skip
        conn.execute("""UPDATE audit_log SET changes = '{"name": ["A", "B"]}' WHERE id = 1""")
    finally:
        conn.close()


def test_check_reports_the_orphans_another_tool_let_in(demo_db, capsys):
    close_database()
    conn = tool(demo_db)
    orphans = [
        "INSERT INTO contact (customer_id, name) VALUES (99001, 'Nobody''s contact')",
        "INSERT INTO deal (title, customer_id) VALUES ('Orphan deal', 99002)",
        "INSERT INTO sales_order (number, customer_id, order_date) VALUES "
        "('SO-ORPHAN', 99003, '2026-01-01')",
        "INSERT INTO order_line (order_id, quantity) VALUES (99004, 1)",
        "INSERT INTO task (title, customer_id) VALUES ('Orphan task', 99005)",
        "INSERT INTO interaction (customer_id) VALUES (99006)",
        "INSERT INTO customer_tag (customer_id, tag_id) VALUES (99007, 99008)",
        "INSERT INTO campaign_member (campaign_id, customer_id) VALUES (99009, 1)",
        "INSERT INTO service_case (customer_id, subject) VALUES (99010, 'Orphan case')",
    ]
    for statement in orphans:
        conn.execute(statement)  # all nine go in: foreign keys are off
    conn.close()
    assert cli.main(["--db", str(demo_db), "check"]) == 1
    captured = capsys.readouterr()
    assert "Foreign keys:  BROKEN" in captured.out
    for table in ("contact", "deal", "sales_order", "order_line", "task", "interaction"):
        assert f"{table} row " in captured.out
    assert "broken reference" in captured.err


def _build_v1(path: Path) -> None:
    """A version-1 file as the first release wrote it (the frozen schema of the core tests)."""
    spec = importlib.util.spec_from_file_location(
        "frozen_v1", ROOT / "tests" / "core" / "test_migrations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build_v1(path)


def build_v3(path: Path) -> None:
    """Version 1, then the frozen steps 2 and 3: a file as version 3 left it."""
    _build_v1(path)
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in (*migrations._V2_SQL, *migrations._V3_SQL):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.close()


def test_a_version_3_file_migrated_forward_has_the_schema_of_a_new_file(tmp_path):
    old = tmp_path / "v3.sqlite3"
    build_v3(old)
    opened = open_session(old)
    assert opened.migrated_from == 3
    close_database()
    fresh = tmp_path / "fresh.sqlite3"
    open_session(fresh)
    close_database()

    def objects(path: Path):
        conn = sqlite3.connect(path)
        try:
            return objects_of(conn)
        finally:
            conn.close()

    assert objects(old) == objects(fresh)  # every table, index, trigger, with its SQL
    assert differences(objects(old)) == []
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_the_rebuild_repairs_what_other_tools_let_in_and_keeps_every_id(tmp_path):
    old = tmp_path / "v3.sqlite3"
    build_v3(old)
    conn = tool(old)
    conn.executescript(
        """
        INSERT INTO customer (id, name, email, notes, created_at)
            VALUES (7, 'Kept', '', '  ', '2026-02-30T10:00:00Z');
        INSERT INTO customer (id, name, created_at) VALUES (50, 'Deleted later',
            '2026-99-99T99:99:99Z');
        DELETE FROM customer WHERE id = 50;
        INSERT INTO sales_order (id, number, customer_id, order_date)
            VALUES (9, 'SO-9', 7, '2026-02-31');
        INSERT INTO order_line (order_id, quantity, discount_pct) VALUES (9, 1.23456, 10.129);
        INSERT INTO order_line (order_id, quantity) VALUES (9, 0.0002);
        INSERT INTO audit_log (entity, entity_id, action, changes)
            VALUES ('customer', 7, 'update', 'name: old -> new');
        INSERT INTO interaction (id, customer_id, occurred_at)
            VALUES (1, 7, '2026-04-31T23:00:00Z');
        INSERT INTO interaction (id, customer_id, occurred_at)
            VALUES (2, 7, '2026-99-99T99:99:99Z');
        """
    )
    conn.close()
    open_session(old)
    close_database()
    conn = sqlite3.connect(old)
    row = conn.execute("SELECT email, notes, created_at FROM customer WHERE id = 7").fetchone()
    assert row == (None, None, "2026-03-02T10:00:00Z")
    assert conn.execute("SELECT order_date FROM sales_order WHERE id = 9").fetchone() == (
        "2026-03-03",
    )
    lines = conn.execute(
        "SELECT quantity, discount_pct FROM order_line WHERE order_id = 9 ORDER BY id"
    ).fetchall()
    assert lines == [(1.235, 10.13), (0.001, 0.0)]
    changes = conn.execute("SELECT changes FROM audit_log WHERE entity_id = 7").fetchone()[0]
    assert changes == '{"(not JSON)":["name: old -> new",null]}'
    occurred = conn.execute("SELECT occurred_at FROM interaction ORDER BY id").fetchall()
    assert occurred[0] == ("2026-05-01T23:00:00Z",)
    # A time that cannot be read at all becomes the time of the upgrade (the backup before
    # the upgrade keeps what it was).
    assert (
        occurred[1][0]
        == conn.execute(
            "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?, '+0 seconds')", occurred[1]
        ).fetchone()[0]
    )
    # The AUTOINCREMENT counter survives the rebuild: id 50 is never handed out again.
    assert conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'customer'").fetchone() == (
        50,
    )
    conn.close()


def test_the_rebuild_keeps_a_trigger_another_step_added(tmp_path):
    old = tmp_path / "v3.sqlite3"
    build_v3(old)
    conn = tool(old)
    conn.execute("CREATE TABLE later_index (id INTEGER PRIMARY KEY, name TEXT)")
    trigger = (
        "CREATE TRIGGER customer_later AFTER INSERT ON customer BEGIN "
        "INSERT INTO later_index (id, name) VALUES (new.id, new.name); END"
    )
    conn.execute(trigger)
    elsewhere = (
        "CREATE TRIGGER contact_later AFTER INSERT ON contact BEGIN "
        "UPDATE customer SET notes = notes WHERE id = new.customer_id; END"
    )
    conn.execute(elsewhere)  # a trigger on another table that names customer
    conn.close()
    open_session(old)
    close_database()
    conn = sqlite3.connect(old)
    kept = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_later'"
        )
    )
    assert kept == {"customer_later": trigger, "contact_later": elsewhere}
    conn.execute("INSERT INTO customer (name) VALUES ('Indexed')")
    assert conn.execute("SELECT name FROM later_index").fetchall() == [("Indexed",)]
    conn.close()


def test_a_table_not_as_version_3_left_it_stops_the_migration_with_nothing_changed(tmp_path):
    old = tmp_path / "v3.sqlite3"
    build_v3(old)
    conn = tool(old)
    conn.execute("ALTER TABLE customer ADD COLUMN vat_number TEXT")  # a step out of order
    conn.close()
    with pytest.raises(RuntimeError, match="expects table customer with columns"):
        open_session(old)
    close_database()
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    table = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'customer'").fetchone()[0]
    assert "vat_number" in table
    conn.close()
