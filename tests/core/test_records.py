"""Create and update through the services: field errors, audit entries, change notices."""

from __future__ import annotations

import json

import pytest

from crm_desktop.errors import ValidationError
from crm_desktop.models import database
from crm_desktop.services import changes, contacts, customers, products, records, trash


def audit_rows(entity: str, entity_id: int) -> list[tuple[str, dict]]:
    return [
        (action, json.loads(changes_json))
        for action, changes_json in database.execute_sql(
            "SELECT action, changes FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id",
            (entity, entity_id),
        )
    ]


def test_create_reports_every_bad_field_at_once(db):
    with pytest.raises(ValidationError) as caught:
        customers.create_customer({"name": " ", "email": "nope", "status": "vip", "phone": "12"})
    assert set(caught.value.errors) == {"name", "email", "status", "phone"}
    assert caught.value.errors["name"] == "Name is required."
    assert database.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0


def test_validate_field_for_live_forms(db):
    spec = customers.CUSTOMER
    assert records.validate_field(spec, "email", "anna@") is not None
    assert records.validate_field(spec, "email", "anna@example.com") is None
    assert records.validate_field(spec, "name", "") == "Name is required."


def test_create_and_update_write_audit_entries_in_the_same_transaction(db):
    customer_id = customers.create_customer({"name": "Acme", "city": "Berlin"})
    changes_made = customers.update_customer(customer_id, {"city": "München", "status": "active"})
    assert changes_made == {"city": ["Berlin", "München"], "status": ["lead", "active"]}
    log = audit_rows("customer", customer_id)
    assert log[0][0] == "create" and log[0][1]["name"] == [None, "Acme"]
    assert log[1] == ("update", {"city": ["Berlin", "München"], "status": ["lead", "active"]})


def test_an_update_that_changes_nothing_writes_nothing(db):
    customer_id = customers.create_customer({"name": "Acme"})
    assert customers.update_customer(customer_id, {"name": "Acme"}) == {}
    assert len(audit_rows("customer", customer_id)) == 1


def test_failed_write_leaves_no_audit_and_no_notice(db):
    seen = []
    unsubscribe = changes.subscribe(seen.append)
    products.create_product({"sku": "A-1", "name": "Chair"})
    seen.clear()
    with pytest.raises(ValidationError) as caught:
        products.create_product({"sku": "A-1", "name": "Other chair"})
    assert "already used" in caught.value.errors["sku"]
    unsubscribe()
    assert seen == []
    assert (
        database.execute_sql("SELECT count(*) FROM audit_log WHERE entity='product'").fetchone()[0]
        == 1
    )


def test_notices_arrive_after_the_commit_and_never_for_a_rollback(db):
    seen = []
    unsubscribe = changes.subscribe(seen.append)
    with pytest.raises(RuntimeError), changes.transaction():
        customers.create_customer({"name": "Rolled back"})
        assert seen == []  # not before the commit
        raise RuntimeError("boom")
    assert seen == []
    customer_id = customers.create_customer({"name": "Kept"})
    unsubscribe()
    assert [c.ids for c in seen if c.entity == "customer"] == [(customer_id,)]


def test_references_must_exist_and_not_be_in_the_trash(db):
    with pytest.raises(ValidationError, match="does not exist"):
        contacts.create_contact({"customer_id": 999, "name": "Ghost"})
    customer_id = customers.create_customer({"name": "Acme"})
    trash.move_to_trash("customer", [customer_id])
    with pytest.raises(ValidationError, match="in the trash"):
        contacts.create_contact({"customer_id": customer_id, "name": "Late"})
    with pytest.raises(ValidationError, match="in the trash"):
        customers.update_customer(customer_id, {"name": "Renamed"})


def test_first_contact_becomes_primary_and_the_flag_moves(db):
    customer_id = customers.create_customer({"name": "Acme"})
    first = contacts.create_contact({"customer_id": customer_id, "name": "Ann"})
    second = contacts.create_contact({"customer_id": customer_id, "name": "Bob"})
    assert contacts.get_contact(first)["is_primary"] == 1
    assert contacts.get_contact(second)["is_primary"] == 0
    contacts.update_contact(second, {"is_primary": True})
    assert contacts.get_contact(first)["is_primary"] == 0
    assert contacts.get_contact(second)["is_primary"] == 1
    assert customers.get_customer(customer_id)["primary_contact"]["name"] == "Bob"


def test_bulk_update_and_revert(db):
    ids = [customers.create_customer({"name": f"C{i}", "status": "lead"}) for i in range(3)]
    done = customers.set_status(ids, "active")
    assert {customers.get_customer(i)["status"] for i in ids} == {"active"}
    records.revert(customers.CUSTOMER, done)
    assert {customers.get_customer(i)["status"] for i in ids} == {"lead"}


def test_hostile_text_is_stored_exactly(db):
    names = ["<b>Smith & Sons</b>", '=HYPERLINK("x")', "שלום", "张伟 🙂", "a" * 200]
    for name in names:
        customer_id = customers.create_customer({"name": name})
        assert customers.get_customer(customer_id)["name"] == name
