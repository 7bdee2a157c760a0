"""The database itself refuses bad data: tested with raw SQL, bypassing every Python check."""

from __future__ import annotations

import pytest
from peewee import IntegrityError

from crm_desktop.models import database


def execute(sql: str, params: tuple = ()) -> None:
    database.execute_sql(sql, params)


@pytest.fixture
def customer(db) -> int:
    execute("INSERT INTO customer (name) VALUES ('Acme')")
    return database.execute_sql("SELECT max(id) FROM customer").fetchone()[0]


@pytest.fixture
def order(customer: int) -> int:
    execute(
        "INSERT INTO sales_order (number, customer_id, order_date) VALUES ('T-1', ?, '2026-01-31')",
        (customer,),
    )
    return database.execute_sql("SELECT max(id) FROM sales_order").fetchone()[0]


def refused(sql: str, params: tuple = (), *, kind: str = "") -> None:
    with pytest.raises(IntegrityError) as caught, database.atomic():
        execute(sql, params)
    assert kind.lower() in str(caught.value).lower()


def test_pragmas_of_every_connection(db):
    assert database.pragma("foreign_keys") == 1
    assert database.pragma("journal_mode") == "wal"
    assert database.pragma("synchronous") == 2  # FULL
    assert database.pragma("busy_timeout") >= 5000


def test_order_line_quantity_must_be_positive(order):
    refused(
        "INSERT INTO order_line (order_id, description, quantity, unit_price_cents) "
        "VALUES (?, 'x', -1, 100)",
        (order,),
        kind="CHECK",
    )
    refused(
        "INSERT INTO order_line (order_id, description, quantity, unit_price_cents) "
        "VALUES (?, 'x', 0, 100)",
        (order,),
        kind="CHECK",
    )


def test_money_is_never_negative_and_never_a_float(order):
    refused(
        "INSERT INTO order_line (order_id, description, quantity, unit_price_cents) "
        "VALUES (?, 'x', 1, -5)",
        (order,),
        kind="CHECK",
    )
    refused(
        "INSERT INTO order_line (order_id, description, quantity, unit_price_cents) "
        "VALUES (?, 'x', 1, 10.5)",
        (order,),
        kind="CHECK",
    )
    refused("INSERT INTO product (name, unit_price_cents) VALUES ('p', 0.25)", kind="CHECK")


def test_discount_between_0_and_100(order):
    refused(
        "INSERT INTO order_line (order_id, description, quantity, unit_price_cents, discount_pct) "
        "VALUES (?, 'x', 1, 100, 101)",
        (order,),
        kind="CHECK",
    )


def test_unknown_enumeration_values_are_refused(customer):
    refused(
        "INSERT INTO deal (title, customer_id, stage) VALUES ('d', ?, 'maybe')",
        (customer,),
        kind="CHECK",
    )
    refused("UPDATE customer SET status = 'vip' WHERE id = ?", (customer,), kind="CHECK")
    refused("INSERT INTO customer (name, kind) VALUES ('x', 'robot')", kind="CHECK")
    refused(
        "INSERT INTO task (title, status) VALUES ('t', 'later')",
        kind="CHECK",
    )
    refused(
        "INSERT INTO interaction (customer_id, kind, occurred_at, subject) "
        "VALUES (?, 'telegram', '2026-01-01T10:00:00Z', 's')",
        (customer,),
        kind="CHECK",
    )
    refused(
        "INSERT INTO audit_log (entity, entity_id, action) VALUES ('x', 1, 'rename')",
        kind="CHECK",
    )


def test_orphan_foreign_keys_are_refused(db):
    refused("INSERT INTO contact (customer_id, name) VALUES (9999, 'Ghost')", kind="FOREIGN KEY")
    refused(
        "INSERT INTO sales_order (number, customer_id, order_date) VALUES ('X', 9999, '2026-01-01')",
        kind="FOREIGN KEY",
    )


def test_required_values_are_refused_when_missing_or_blank(db):
    refused("INSERT INTO customer (name) VALUES (NULL)", kind="NOT NULL")
    refused("INSERT INTO customer (name) VALUES ('   ')", kind="CHECK")
    refused("INSERT INTO tag (name) VALUES ('')", kind="CHECK")


def test_dates_and_times_must_be_well_formed(customer):
    refused(
        "INSERT INTO sales_order (number, customer_id, order_date) VALUES ('B', ?, '31.01.2026')",
        (customer,),
        kind="CHECK",
    )
    refused(
        "INSERT INTO task (title, due_date) VALUES ('t', '2026-13-01')",
        kind="CHECK",
    )
    refused(
        "UPDATE customer SET created_at = '2026-01-01 10:00' WHERE id = ?",
        (customer,),
        kind="CHECK",
    )


def test_probability_and_closing_rules(customer):
    refused(
        "INSERT INTO deal (title, customer_id, probability) VALUES ('d', ?, 101)",
        (customer,),
        kind="CHECK",
    )
    refused(
        "INSERT INTO deal (title, customer_id, stage, closed_at) "
        "VALUES ('d', ?, 'proposal', '2026-01-01')",
        (customer,),
        kind="CHECK",
    )


def test_unique_keys(customer):
    execute("INSERT INTO product (sku, name) VALUES ('A-1', 'Chair')")
    refused("INSERT INTO product (sku, name) VALUES ('A-1', 'Other')", kind="UNIQUE")
    execute("INSERT INTO tag (name) VALUES ('VIP')")
    refused("INSERT INTO tag (name) VALUES ('VIP')", kind="UNIQUE")
    execute("INSERT INTO contact (customer_id, name, is_primary) VALUES (?, 'A', 1)", (customer,))
    refused(
        "INSERT INTO contact (customer_id, name, is_primary) VALUES (?, 'B', 1)",
        (customer,),
        kind="UNIQUE",
    )


def test_campaign_cannot_end_before_it_starts(db):
    refused(
        "INSERT INTO campaign (name, start_date, end_date) VALUES ('c', '2026-05-02', '2026-05-01')",
        kind="CHECK",
    )


def test_defaults_make_rows_from_other_tools_valid(db):
    execute("INSERT INTO customer (name) VALUES ('From DB Browser')")
    row = database.execute_sql(
        "SELECT kind, status, created_at FROM customer WHERE name = 'From DB Browser'"
    ).fetchone()
    assert row[0] == "company" and row[1] == "lead" and row[2].endswith("Z")


def test_on_delete_behaviour(order, customer):
    execute("INSERT INTO product (name) VALUES ('P')")
    product = database.execute_sql("SELECT max(id) FROM product").fetchone()[0]
    execute(
        "INSERT INTO order_line (order_id, product_id, description, quantity, unit_price_cents) "
        "VALUES (?, ?, 'x', 1, 100)",
        (order, product),
    )
    execute("DELETE FROM product WHERE id = ?", (product,))
    assert database.execute_sql("SELECT product_id FROM order_line").fetchone()[0] is None
    execute("DELETE FROM customer WHERE id = ?", (customer,))
    assert database.execute_sql("SELECT count(*) FROM sales_order").fetchone()[0] == 0
    assert database.execute_sql("SELECT count(*) FROM order_line").fetchone()[0] == 0


def test_every_foreign_key_column_is_indexed(db):
    tables = [
        r[0]
        for r in database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        indexed = set()
        for index in database.execute_sql(f'PRAGMA index_list("{table}")').fetchall():
            first = database.execute_sql(f'PRAGMA index_info("{index[1]}")').fetchall()
            if first:
                indexed.add(first[0][2])
        for fk in database.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall():
            column = fk[3]
            assert column in indexed or column == "id", f"{table}.{column} has no index"
