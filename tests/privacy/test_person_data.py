"""A person's data, on request: the export holds every row of theirs, the erase leaves none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop.models import close_database, database
from crm_desktop.services import (
    contacts,
    customers,
    deals,
    interactions,
    orders,
    person_data,
    quotes,
    search,
    service_cases,
    tags,
    tasks,
    trash,
)

NAME = "Иван Петров 张伟 🎉"
EMAIL = "ivan.petrov.erase@example.com"
NOTES = "=cmd|' /C calc'!A0 <b>&amp; Ёжик"


def rows(sql: str, params=()) -> list[tuple]:
    return database.execute_sql(sql, params).fetchall()


@pytest.fixture
def person(db):
    """A customer with one of everything, a contact in the trash, and an unrelated customer."""
    customer = customers.create_customer(
        {"name": NAME, "email": EMAIL, "phone": "+1 212 555 0188", "notes": NOTES}
    )
    customers.update_customer(customer, {"city": "Москва"})
    tags.set_tags(customer, ["VIP", "новый"])
    contact = contacts.create_contact(
        {"customer_id": customer, "name": "Мария Петрова", "email": "maria.erase@example.com"}
    )
    gone = contacts.create_contact({"customer_id": customer, "name": "Trashed Contact Xq"})
    trash.move_to_trash("contact", [gone])
    deal = deals.create_deal({"title": "Big deal", "customer_id": customer, "contact_id": contact})
    order = orders.create_order(
        {"customer_id": customer, "deal_id": deal, "status": "confirmed"},
        [{"description": "Delivery <b>&", "quantity": 2, "unit_price_cents": 1250}],
    )
    quote = quotes.create_quote(
        {"customer_id": customer},
        [{"description": "Quote line", "quantity": 1, "unit_price_cents": 900}],
    )
    task = tasks.create_task({"title": "Call Иван", "customer_id": customer, "contact_id": contact})
    note = interactions.log_interaction(
        {"customer_id": customer, "contact_id": contact, "kind": "call", "notes": NOTES}
    )
    case = service_cases.open_case({"customer_id": customer, "subject": "Broken 🎉"})
    other = customers.create_customer({"name": "Other Keeper", "email": "keep@example.com"})
    other_contact = contacts.create_contact({"customer_id": other, "name": "Keeper Contact"})
    return {
        "customer": customer,
        "contact": contact,
        "gone": gone,
        "deal": deal,
        "order": order,
        "quote": quote,
        "task": task,
        "interaction": note,
        "case": case,
        "other": other,
        "other_contact": other_contact,
    }


def _ids(document: dict, table: str) -> set[int]:
    return {row["id"] for row in document["records"][table]}


def test_export_holds_every_related_row(person, tmp_path: Path):
    c = person["customer"]
    target = person_data.export_person("customer", c, tmp_path / "person.json")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["records"]["customer"][0]["name"] == NAME
    assert document["records"]["customer"][0]["notes"] == NOTES
    expected = {
        "contact": "SELECT id FROM contact WHERE customer_id = ?",
        "deal": "SELECT id FROM deal WHERE customer_id = ?",
        "sales_order": "SELECT id FROM sales_order WHERE customer_id = ?",
        "order_line": "SELECT l.id FROM order_line l JOIN sales_order o ON o.id = l.order_id "
        "WHERE o.customer_id = ?",
        "quote": "SELECT id FROM quote WHERE customer_id = ?",
        "quote_line": "SELECT l.id FROM quote_line l JOIN quote q ON q.id = l.quote_id "
        "WHERE q.customer_id = ?",
        "task": "SELECT id FROM task WHERE customer_id = ?",
        "interaction": "SELECT id FROM interaction WHERE customer_id = ?",
        "service_case": "SELECT id FROM service_case WHERE customer_id = ?",
        "customer_tag": "SELECT id FROM customer_tag WHERE customer_id = ?",
    }
    for table, sql in expected.items():
        found = {r[0] for r in rows(sql, (c,))}
        assert found, table
        assert _ids(document, table) == found, table
    assert sorted(document["tags"]) == sorted(["VIP", "новый"])
    # The trashed contact is theirs too, with its row.
    assert [t["entity_id"] for t in document["trash"]] == [person["gone"]]
    assert document["trash"][0]["payload"]["row"]["name"] == "Trashed Contact Xq"
    # Every audit entry of every one of those records.
    audit_ids = {e["id"] for e in document["audit_log"]}
    assert {
        r[0]
        for r in rows("SELECT id FROM audit_log WHERE entity = 'customer' AND entity_id = ?", (c,))
    } <= audit_ids
    assert (
        rows("SELECT id FROM audit_log WHERE entity = 'order_line'") == []
        or {
            r[0]
            for r in rows(
                "SELECT a.id FROM audit_log a JOIN order_line l ON a.entity = 'order_line' "
                "AND a.entity_id = l.id JOIN sales_order o ON o.id = l.order_id WHERE o.customer_id = ?",
                (c,),
            )
        }
        <= audit_ids
    )
    assert {
        r[0]
        for r in rows(
            "SELECT id FROM audit_log WHERE entity = 'contact' AND entity_id = ?", (person["gone"],)
        )
    } <= audit_ids
    # Money: integer minor units with the currency; nothing of the other customer.
    line = document["records"]["order_line"][0]
    assert line["unit_price_cents"] == {"minor_units": 1250, "currency": "USD"}
    assert "Other Keeper" not in target.read_text(encoding="utf-8")
    assert "Keeper Contact" not in target.read_text(encoding="utf-8")


def test_export_contact_and_file_follows_umask(person, tmp_path: Path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        target = person_data.export_person("contact", person["contact"], tmp_path / "c.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["records"]["contact"][0]["name"] == "Мария Петрова"
    assert _ids(document, "interaction") == {person["interaction"]}
    assert _ids(document, "task") == {person["task"]}
    assert "Иван Петров" not in json.dumps(document["records"]["contact"], ensure_ascii=False)


def test_unknown_person_is_a_clear_error(db, tmp_path: Path):
    from crm_desktop.errors import CrmError

    with pytest.raises(CrmError, match="no customer with id 999"):
        person_data.export_person("customer", 999, tmp_path / "x.json")
    with pytest.raises(CrmError):
        person_data.erase_person("deal", 1)


def _all_reference_hits(ids: dict[str, set[int]]) -> list[str]:
    """Every row in the database that still names one of the erased ids."""
    hits = []
    tables = [r[0] for r in rows("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in rows(f'PRAGMA table_info("{table}")')]
        for entity, wanted in ids.items():
            if table == entity:
                for i in wanted:
                    if rows(f'SELECT 1 FROM "{table}" WHERE id = ?', (i,)):
                        hits.append(f"{table}.id={i}")
            column = f"{entity}_id"
            if column in columns:
                for i in wanted:
                    if rows(f'SELECT 1 FROM "{table}" WHERE "{column}" = ?', (i,)):
                        hits.append(f"{table}.{column}={i}")
    return hits


def test_erase_customer_leaves_nothing_of_them(person, db: Path):
    c = person["customer"]
    before_other = rows("SELECT * FROM customer WHERE id = ?", (person["other"],))
    before_other_contact = rows("SELECT * FROM contact WHERE customer_id = ?", (person["other"],))
    audit_ids = {
        r[0]
        for r in rows("SELECT id FROM audit_log WHERE entity = 'customer' AND entity_id = ?", (c,))
    }
    assert search.search_customers("Петров") == [c]

    # An import that updated their contact remembered the old values for its undo.
    database.execute_sql(
        "INSERT INTO import_batch (entity, started_at) VALUES ('contact', '2026-01-01T00:00:00Z')"
    )
    database.execute_sql(
        "INSERT INTO import_item (batch_id, entity, entity_id, action, changes) "
        "VALUES (1, 'contact', ?, 'update', ?)",
        (person["contact"], json.dumps({"email": ["maria.old.erase@example.com", None]})),
    )

    report = person_data.erase_person("customer", c)

    assert rows("SELECT count(*) FROM import_item") == [(0,)]
    assert report.label == NAME
    assert report.deleted["contact"] == 1 and report.deleted["trash_item"] == 1
    assert report.audit_entries_erased > 5
    ids = {
        "customer": {c},
        "contact": {person["contact"], person["gone"]},
        "deal": {person["deal"]},
        "sales_order": {person["order"]},
        "quote": {person["quote"]},
        "task": {person["task"]},
        "interaction": {person["interaction"]},
        "service_case": {person["case"]},
    }
    assert _all_reference_hits(ids) == []
    assert rows("SELECT count(*) FROM trash_item") == [(0,)]
    assert rows("SELECT count(*) FROM customer_search WHERE id = ?", (c,)) == [(0,)]
    assert search.search_customers("Петров") == []
    assert search.search_customers("Other Keeper") == [person["other"]]
    # The audit entries are still there (ids, actions, dates), their values are not.
    kept = rows(
        "SELECT id, action, changes FROM audit_log WHERE entity = 'customer' AND entity_id = ?",
        (c,),
    )
    assert audit_ids <= {r[0] for r in kept}
    assert all(NAME not in r[2] and EMAIL not in r[2] for r in kept)
    assert any(person_data.ERASED in r[2] for r in kept)
    # Nothing of the other customer changed.
    assert rows("SELECT * FROM customer WHERE id = ?", (person["other"],)) == before_other
    assert (
        rows("SELECT * FROM contact WHERE customer_id = ?", (person["other"],))
        == before_other_contact
    )

    # No byte of their personal values is left in the database file (or its journal).
    close_database()
    blob = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))
    for value in (
        NAME,
        EMAIL,
        "Мария Петрова",
        "maria.erase@example.com",
        "Trashed Contact Xq",
        "Ёжик",
    ):
        assert value.encode("utf-8") not in blob, value
    assert b"Keeper Contact" in blob


def test_erase_contact_only_and_its_customer_is_found_without_it(person):
    report = person_data.erase_person("contact", person["contact"])
    assert report.deleted["contact"] == 1
    assert rows("SELECT count(*) FROM contact WHERE id = ?", (person["contact"],)) == [(0,)]
    assert rows("SELECT contact_id FROM task WHERE id = ?", (person["task"],)) == [(None,)]
    assert rows("SELECT count(*) FROM customer WHERE id = ?", (person["customer"],)) == [(1,)]
    assert search.search_customers("Мария") == []
    assert search.search_customers("Петров") == [person["customer"]]
    changes = rows(
        "SELECT changes FROM audit_log WHERE entity = 'contact' AND entity_id = ?",
        (person["contact"],),
    )
    assert changes and all("maria.erase" not in r[0] for r in changes)


def test_erase_says_which_backups_still_hold_them(person, db: Path):
    from crm_desktop.services.backups import create_backup

    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    holding = create_backup(db, reason="before erase")
    report = person_data.erase_person("customer", person["customer"])
    assert [r.path for r in report.backups_holding] == [holding.path]
    assert report.backups_unreadable == []
    # The other customer is in both backups; the one made after the erase has no trace of them.
    after = create_backup(db, reason="after erase")
    other = person_data.preview_erasure("customer", person["other"])
    assert {r.path for r in other.backups_holding} == {holding.path, after.path}
    assert person_data.preview_erasure("customer", person["other"]).deleted["customer"] == 1
    assert NAME.encode() not in after.path.read_bytes()


def test_issued_invoices_are_kept_as_legal_records(person):
    from crm_desktop.services import invoices

    number_id = invoices.issue_invoice(person["order"])
    number = rows("SELECT number FROM invoice WHERE id = ?", (number_id,))[0][0]
    preview = person_data.preview_erasure("customer", person["customer"])
    assert preview.invoices_kept == [number]
    assert "invoice" not in preview.deleted
    report = person_data.erase_person("customer", person["customer"])
    assert report.invoices_kept == [number]
    assert rows("SELECT customer_id, number FROM invoice") == [(None, number)]
    assert rows("SELECT count(*) FROM invoice_line WHERE invoice_id = ?", (number_id,)) == [(1,)]


def test_a_contact_in_the_trash_can_be_exported_and_erased(person, tmp_path: Path):
    target = person_data.export_person("contact", person["gone"], tmp_path / "gone.json")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["name"] == "Trashed Contact Xq" and len(document["trash"]) == 1
    report = person_data.erase_person("contact", person["gone"])
    assert report.deleted == {"trash_item": 1}
    assert rows("SELECT count(*) FROM trash_item") == [(0,)]
    assert rows("SELECT count(*) FROM contact WHERE customer_id = ?", (person["customer"],)) == [
        (1,)
    ]
