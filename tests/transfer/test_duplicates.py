"""Find duplicates (email, phone, similar names in one city) and merge them — undoably."""

from __future__ import annotations

import pytest
from transfer_db import count, rows

from crm_desktop.errors import CrmError
from crm_desktop.services import duplicates, importing, trash
from crm_desktop.services.campaigns import create_campaign
from crm_desktop.services.contacts import create_contact
from crm_desktop.services.customers import create_customer, get_customer
from crm_desktop.services.deals import create_deal
from crm_desktop.services.interactions import log_interaction
from crm_desktop.services.orders import create_order
from crm_desktop.services.records import create, entity
from crm_desktop.services.tasks import create_task


def groups_by_names() -> list[set[str]]:
    names = dict(rows("SELECT id, name FROM customer"))
    return [{names[i] for i in g.ids} for g in duplicates.find_duplicate_groups()]


def test_groups_by_email_phone_and_similar_names_in_one_city(db):
    create_customer({"name": "Acme", "email": "Info@Acme.example"})
    create_customer({"name": "ACME Corporation", "email": "info@acme.example"})
    create_customer({"name": "Zeta", "phone": "+1 212 555 0100"})
    create_customer({"name": "Omega", "phone": "(212) 555-0100"})
    create_customer({"name": "ООО «Ромашка»", "city": "Москва"})
    create_customer({"name": "Ромашка", "city": "москва"})  # legal form and quotes ignored
    create_customer({"name": "Ivan Petrov", "city": "Kazan"})
    create_customer({"name": "Petrov Ivan", "city": "Kazan"})  # word order
    create_customer({"name": "Jonathan Smithers", "city": "Leeds"})
    create_customer({"name": "Jonathon Smithers", "city": "Leeds"})  # a typo
    create_customer({"name": "Jonathan Smithers", "city": "York"})  # another city: not one
    create_customer({"name": "Lone Wolf"})
    found = groups_by_names()
    assert {"Acme", "ACME Corporation"} in found
    assert {"Zeta", "Omega"} in found
    assert {"ООО «Ромашка»", "Ромашка"} in found
    assert {"Ivan Petrov", "Petrov Ivan"} in found
    assert {"Jonathan Smithers", "Jonathon Smithers"} in found
    assert len(found) == 5
    reasons = {r for g in duplicates.find_duplicate_groups() for r in g.reasons}
    assert "same email info@acme.example" in reasons
    assert "similar names in Leeds" in reasons


def test_merge_moves_everything_and_undo_puts_it_back(db):
    keep = create_customer({"name": "Acme", "email": "info@acme.example"}, tag_names=["VIP"])
    other = create_customer(
        {"name": "Acme Ltd", "phone": "+1 212 555 0100", "city": "Boston"}, tag_names=["east"]
    )
    keep_boss = create_contact({"customer_id": keep, "name": "Keeper"})
    other_boss = create_contact({"customer_id": other, "name": "Other boss"})
    order = create_order(
        {"customer_id": other, "order_date": "2026-01-05"},
        [{"description": "Chair", "quantity": "1", "unit_price_cents": 500}],
    )
    deal = create_deal({"customer_id": other, "title": "Big deal"})
    task = create_task({"customer_id": other, "title": "Call back"})
    note = log_interaction({"customer_id": other, "kind": "call", "subject": "Hello"})
    case = create(entity("service_case"), {"customer_id": other, "subject": "Broken leg"})
    campaign = create_campaign({"name": "Spring"})
    create(entity("campaign_member"), {"campaign_id": campaign, "customer_id": other})
    rows_before = rows("SELECT entity, entity_id FROM audit_log")
    group = duplicates.describe_customers([keep, other])
    choice = duplicates.default_choice(group, keep)
    assert (choice["email"], choice["phone"], choice["city"]) == (
        "info@acme.example",
        "+12125550100",
        "Boston",
    )
    choice["name"] = "Acme Ltd"
    result = duplicates.merge_customers(keep, [other], choice)
    merged = get_customer(keep)
    assert (merged["name"], merged["phone"], merged["city"]) == (
        "Acme Ltd",
        "+12125550100",
        "Boston",
    )
    assert merged["tags"] == ["east", "VIP"]
    for table, row_id in (
        ("contact", other_boss),
        ("sales_order", order),
        ("deal", deal),
        ("task", task),
        ("interaction", note),
        ("service_case", case),
    ):
        assert rows(f"SELECT customer_id FROM {table} WHERE id = ?", (row_id,)) == [(keep,)]
    assert rows("SELECT customer_id FROM campaign_member") == [(keep,)]
    # One primary contact: the survivor's own.
    assert rows("SELECT id FROM contact WHERE is_primary = 1") == [(keep_boss,)]
    assert rows("SELECT deleted_at IS NOT NULL FROM customer WHERE id = ?", (other,)) == [(1,)]
    assert result.moved["contact"] == 1
    assert len(rows("SELECT entity, entity_id FROM audit_log")) > len(rows_before) + 6
    from crm_desktop.services.search import search_customers

    assert search_customers("other boss") == [keep]
    history = importing.list_batches()
    assert history[0].kind == "merge" and "Acme Ltd → Acme" in history[0].source
    importing.undo_batch(history[0].id)
    assert get_customer(keep)["name"] == "Acme"
    assert get_customer(keep)["tags"] == ["VIP"]
    back = get_customer(other)
    assert back["deleted_at"] is None and back["tags"] == ["east"]
    for table, row_id in (
        ("contact", other_boss),
        ("sales_order", order),
        ("deal", deal),
        ("task", task),
        ("interaction", note),
        ("service_case", case),
    ):
        assert rows(f"SELECT customer_id FROM {table} WHERE id = ?", (row_id,)) == [(other,)]
    assert sorted(rows("SELECT id FROM contact WHERE is_primary = 1")) == sorted(
        [(keep_boss,), (other_boss,)]
    )
    assert rows("SELECT customer_id FROM campaign_member") == [(other,)]
    assert trash.list_trash() == []


def test_merge_refuses_what_is_gone(db):
    keep = create_customer({"name": "A"})
    other = create_customer({"name": "B"})
    trash.move_to_trash("customer", [other])
    with pytest.raises(CrmError, match="trash"):
        duplicates.merge_customers(keep, [other], {})
    with pytest.raises(CrmError, match="at least one"):
        duplicates.merge_customers(keep, [keep], {})
    assert count("import_batch") == 0


def test_duplicates_of_the_demo_data(demo_db):
    groups = duplicates.find_duplicate_groups()
    assert all(len(g.ids) >= 2 and g.reasons for g in groups)
