"""Custom fields of every kind end to end below the window: export and import back, search
when marked, the backup, and sorting and filtering each kind on the 100,000-customer file."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from crm_desktop.models import close_database, database
from crm_desktop.services import (
    custom_fields,
    customers,
    exporting,
    importing,
    listing,
    open_session,
    search,
)
from crm_desktop.services.backups import create_backup
from crm_desktop.services.changes import transaction
from crm_desktop.services.text import sort_key

# kind → (a value as typed, the value as stored)
KINDS = {
    "text": ('=HYPERLINK("x") <b>& مرحبا 😀', '=HYPERLINK("x") <b>& مرحبا 😀'),
    "number": ("1 250,5", Decimal("1250.5")),
    "money": ("99.50", 9950),
    "date": ("2026-02-28", "2026-02-28"),
    "yes_no": ("yes", 1),
    "choice": ("почта россии", "Почта России"),
    "link": ("portal.example.com", "portal.example.com"),
}


def _fields() -> dict[str, int]:
    return {
        kind: custom_fields.create_field(
            "customer", f"F {kind}", kind, choices=["DHL", "Почта России", "顺丰"]
        )
        for kind in KINDS
    }


def test_every_kind_goes_out_in_an_export_and_comes_back_in_an_import(db, tmp_path):
    ids = _fields()
    values = {f"cf_{ids[kind]}": typed for kind, (typed, _stored) in KINDS.items()}
    customer_id = customers.create_customer({"name": "Всё сразу", **values})
    stored = custom_fields.values_of("customer", [customer_id])[customer_id]
    for kind, (_typed, expected) in KINDS.items():
        assert stored[f"cf_{ids[kind]}"] == expected, kind
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"out{suffix}"
        exporting.export_table("customer", path)
        close_database()
        other = tmp_path / f"other{suffix}.sqlite3"
        open_session(other)
        again = _fields()
        result = importing.run_import(path, "customer")
        assert result.created == 1, suffix
        [new_id] = listing.list_ids("customer")
        back = custom_fields.values_of("customer", [new_id])[new_id]
        for kind, (_typed, expected) in KINDS.items():
            assert back[f"cf_{again[kind]}"] == expected, (suffix, kind)
        close_database()
        open_session(db)


def test_a_searchable_field_is_found_by_search_and_an_unmarked_one_is_not(db):
    code = custom_fields.create_field("customer", "Code", "text", searchable=True)
    secret = custom_fields.create_field("customer", "Secret", "text")
    found = customers.create_customer({"name": "Acme", f"cf_{code}": "ZX-Кодовое-42"})
    customers.create_customer({"name": "Other", f"cf_{secret}": "hidden-word"})
    assert search.search_customers("кодовое") == [found]
    assert search.search_customers("hidden-word") == []
    custom_fields.update_field(secret, searchable=True)  # marked later: found from now on
    assert len(search.search_customers("hidden-word")) == 1
    custom_fields.update_field(code, searchable=False)
    assert search.search_customers("кодовое") == []


def test_the_backup_holds_the_fields_and_their_values(db, tmp_path):
    field = custom_fields.create_field("customer", "VAT", "text")
    customers.create_customer({"name": "Acme", f"cf_{field}": "DE123"})
    record = create_backup(db, output=tmp_path / "copy.sqlite3", reason="test")
    conn = sqlite3.connect(record.path)
    try:
        assert conn.execute("SELECT name FROM custom_field").fetchall() == [("VAT",)]
        assert conn.execute("SELECT text_value FROM custom_value").fetchall() == [("DE123",)]
    finally:
        conn.close()


def test_each_kind_sorts_and_filters_in_the_database_at_100k(db):
    # 100,000 customers written straight into a new file (with their search rows), as a
    # demo file holds them, without the minutes a demo build or an upgrade takes.
    stamp = "2026-01-01T00:00:00Z"
    rows = [(i, f"Customer {i:06d}", stamp, stamp) for i in range(1, 100_001)]
    with transaction():
        conn = database.connection()
        conn.executemany(
            "INSERT INTO customer (id, kind, name, status, created_at, updated_at) "
            "VALUES (?, 'company', ?, 'active', ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO customer_search (id, haystack, name_key, stamp) VALUES (?, ?, ?, ?)",
            [(i, name.lower(), sort_key(name), stamp) for i, name, _, _ in rows],
        )
    ids = _fields()
    customer_ids = [row[0] for row in database.execute_sql("SELECT id FROM customer")]
    assert len(customer_ids) >= 100_000
    samples = {
        "text": lambda i: f"Текст {i % 977:04d}",
        "number": lambda i: Decimal(i % 1000) / 4,
        "money": lambda i: (i * 37) % 100_000,
        "date": lambda i: f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "yes_no": lambda i: i % 2,
        "choice": lambda i: ("DHL", "Почта России", "顺丰")[i % 3],
        "link": lambda i: f"site{i % 500}.example.com",
    }
    with transaction():
        custom_fields.write_many(
            "customer",
            (
                (i, {f"cf_{ids[k]}": make(i) for k, make in samples.items() if i % 10})
                for i in customer_ids
            ),
        )
    for kind in KINDS:
        key = f"cf_{ids[kind]}"
        for descending in (False, True):
            query = listing.ListQuery(sort=key, descending=descending)
            ordered = listing.list_ids("customer", query)
            assert len(ordered) == len(set(ordered)) == len(customer_ids), kind
            head = listing.fetch_rows("customer", ordered[:200], [key])
            shown = [row[key] for row in head]
            assert None not in shown and shown == sorted(shown, reverse=descending), kind
            last = ordered[-len(customer_ids) // 10 :]  # the tenth without a value
            tail = listing.fetch_rows("customer", last, [key])
            assert all(row[key] is None for row in tail), kind  # empty last, both ways
            assert last == sorted(last, reverse=descending)  # by id among themselves
            assert list(listing.list_id_array("customer", query)) == ordered
    choice = f"cf_{ids['choice']}"
    picked = listing.list_ids("customer", listing.ListQuery(filters={choice: "顺丰"}))
    expected = sum(1 for i in customer_ids if i % 10 and i % 3 == 2)
    assert len(picked) == expected
    money = f"cf_{ids['money']}"
    ranged = listing.count(
        "customer", listing.ListQuery(filters={money: {"from": "10.00", "to": "20.00"}})
    )
    assert ranged == sum(1 for i in customer_ids if i % 10 and 1000 <= (i * 37) % 100_000 <= 2000)
