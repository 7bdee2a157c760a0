"""The trash: every deletion can be undone exactly, until the trash is emptied."""

from __future__ import annotations

import pytest

from crm_desktop.errors import CrmError, NotFoundError
from crm_desktop.models import database
from crm_desktop.services import (
    campaigns,
    contacts,
    customers,
    deals,
    interactions,
    listing,
    orders,
    products,
    search,
    tasks,
    trash,
)


def count(table: str) -> int:
    return database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def world(db):
    customer = customers.create_customer({"name": "Acme Ltd", "email": "info@acme.example"})
    contact = contacts.create_contact({"customer_id": customer, "name": "Zhang Wei"})
    product = products.create_product({"sku": "CH-1", "name": "Chair", "unit_price_cents": 1999})
    deal = deals.create_deal({"title": "Chairs", "customer_id": customer, "contact_id": contact})
    order = orders.create_order(
        {"customer_id": customer, "deal_id": deal, "status": "paid"},
        [
            {"product_id": product, "quantity": 2},
            {"description": "Delivery", "quantity": 1, "unit_price_cents": 500},
        ],
    )
    task = tasks.create_task(
        {"title": "Call", "customer_id": customer, "deal_id": deal, "contact_id": contact}
    )
    note = interactions.log_interaction(
        {"customer_id": customer, "contact_id": contact, "kind": "call", "subject": "Hi"}
    )
    return {
        "customer": customer,
        "contact": contact,
        "product": product,
        "deal": deal,
        "order": order,
        "task": task,
        "interaction": note,
    }


def test_deleted_customer_takes_everything_out_of_view_and_undo_brings_it_back(world):
    batch = trash.move_to_trash("customer", [world["customer"]])
    for entity in ("customer", "contact", "deal", "sales_order", "task", "interaction"):
        assert listing.list_ids(entity) == [], entity
    assert search.search_customers("acme") == []
    assert trash.restore_batch(batch) == 1
    assert listing.list_ids("sales_order") == [world["order"]]
    assert search.search_customers("zhang") == [world["customer"]]
    assert customers.get_customer(world["customer"])["deleted_at"] is None


def test_deleted_order_comes_back_with_its_lines_and_ids(world):
    before = orders.get_order(world["order"])
    batch = trash.move_to_trash("sales_order", [world["order"]])
    assert count("order_line") == 0
    trash.restore_batch(batch)
    after = orders.get_order(world["order"])
    assert after["lines"] == before["lines"]
    assert after["total_cents"] == before["total_cents"] == 2 * 1999 + 500


def test_deleted_deal_comes_back_and_its_references_are_put_back(world):
    batch = trash.move_to_trash("deal", [world["deal"]])
    assert tasks.get_task(world["task"])["deal_id"] is None
    assert orders.get_order(world["order"])["deal_id"] is None
    trash.restore_batch(batch)
    assert tasks.get_task(world["task"])["deal_id"] == world["deal"]
    assert orders.get_order(world["order"])["deal_id"] == world["deal"]


def test_deleted_contact_and_product_references(world):
    batch = trash.move_to_trash("contact", [world["contact"]])
    assert search.search_customers("zhang") == []
    assert deals.get_deal(world["deal"])["contact_id"] is None
    trash.restore_batch(batch)
    assert deals.get_deal(world["deal"])["contact_id"] == world["contact"]
    assert interactions.get_interaction(world["interaction"])["contact_id"] == world["contact"]
    assert search.search_customers("zhang") == [world["customer"]]
    batch = trash.move_to_trash("product", [world["product"]])
    assert [line["product_id"] for line in orders.get_order(world["order"])["lines"]] == [
        None,
        None,
    ]
    trash.restore_batch(batch)
    assert orders.get_order(world["order"])["lines"][0]["product_id"] == world["product"]


def test_restoring_a_child_brings_back_its_customer(world):
    trash.move_to_trash("task", [world["task"]])
    trash.move_to_trash("customer", [world["customer"]])
    task_item = next(i for i in trash.list_trash() if i["entity"] == "task")
    trash.restore_items([task_item["id"]])
    assert customers.get_customer(world["customer"])["deleted_at"] is None
    assert tasks.get_task(world["task"])["title"] == "Call"


def test_one_batch_is_one_undo(world):
    other = customers.create_customer({"name": "Other"})
    batch = trash.move_to_trash("customer", [world["customer"], other])
    assert trash.last_batch() == batch
    assert trash.restore_batch(batch) == 2
    with pytest.raises(NotFoundError):
        trash.restore_batch(batch)


def test_restore_refuses_a_clash_with_a_clear_message(world):
    batch = trash.move_to_trash("product", [world["product"]])
    products.create_product({"sku": "CH-1", "name": "New chair"})
    with pytest.raises(CrmError, match="Cannot restore"):
        trash.restore_batch(batch)
    assert len(trash.list_trash()) == 1  # still in the trash, nothing half-restored


def test_empty_trash_deletes_for_good_with_everything_of_the_customer(world):
    trash.move_to_trash("customer", [world["customer"]])
    trash.move_to_trash("product", [world["product"]])
    assert trash.empty_trash() == 2
    for table in (
        "customer",
        "contact",
        "deal",
        "sales_order",
        "order_line",
        "task",
        "interaction",
        "trash_item",
        "product",
    ):
        assert count(table) == 0, table
    actions = database.execute_sql(
        "SELECT action, changes FROM audit_log WHERE entity = 'customer' ORDER BY id"
    ).fetchall()
    assert actions[-1][0] == "delete" and "for good" in actions[-1][1]


def test_every_deletion_and_restore_is_audited(world):
    batch = trash.move_to_trash("deal", [world["deal"]])
    trash.restore_batch(batch)
    actions = [
        r[0]
        for r in database.execute_sql(
            "SELECT action FROM audit_log WHERE entity = 'deal' ORDER BY id"
        )
    ]
    assert actions == ["create", "delete", "restore"]


def test_campaign_with_members_round_trips(world):
    campaign = campaigns.create_campaign({"name": "Spring", "kind": "email"})
    campaigns.add_members(campaign, [world["customer"]])
    batch = trash.move_to_trash("campaign", [campaign])
    assert count("campaign_member") == 0
    trash.restore_batch(batch)
    assert [m["customer_id"] for m in campaigns.members_of(campaign)] == [world["customer"]]
