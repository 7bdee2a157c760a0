"""Lists for the lazy tables: sorted, filtered and searched by the database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from crm_desktop.services import customers, deals, listing, orders, tasks
from crm_desktop.services.listing import ListQuery


@pytest.fixture
def names(db):
    for name, status, city in [
        ("banana Ltd", "lead", "Berlin"),
        ("Apple Inc.", "active", None),
        ("Ёлка ООО", "active", "Москва"),
        ("ежевика", "lead", "москва"),
        ("Яблоко", "inactive", "Казань"),
        ("Édouard", "prospect", "Paris"),
        ("«Альфа»", "lead", "Омск"),
        ("张伟", "active", "北京"),
    ]:
        customers.create_customer({"name": name, "status": status, "city": city})


def shown(entity: str, query: ListQuery, column: str = "name") -> list[str]:
    ids = listing.list_ids(entity, query)
    return [row[column] for row in listing.fetch_rows(entity, ids)]


def test_names_sort_case_and_accent_blind_in_every_script(names):
    assert shown("customer", ListQuery()) == [
        "Apple Inc.",
        "banana Ltd",
        "Édouard",
        "«Альфа»",
        "ежевика",
        "Ёлка ООО",
        "Яблоко",
        "张伟",
    ]
    assert shown("customer", ListQuery(descending=True))[0] == "张伟"


def test_other_columns_sort_in_the_database_with_empty_values_last(names):
    cities = shown("customer", ListQuery(sort="city"), "city")
    assert cities[-1] is None
    assert cities[:3] == ["Berlin", "Paris", "Казань"]
    assert cities.index("Москва") < cities.index("Омск")
    assert shown("customer", ListQuery(sort="city", descending=True), "city")[-1] is None


def test_enumerations_sort_in_their_natural_order(names):
    statuses = shown("customer", ListQuery(sort="status"), "status")
    assert statuses == sorted(statuses, key=["lead", "prospect", "active", "inactive"].index)


def test_filters_and_search_combine(names):
    assert shown("customer", ListQuery(filters={"status": "lead"})) == [
        "banana Ltd",
        "«Альфа»",
        "ежевика",
    ]
    assert shown("customer", ListQuery(search="МОСКВА", filters={"status": "active"})) == [
        "Ёлка ООО"
    ]
    assert shown("customer", ListQuery(search="москва", sort="city")) == ["Ёлка ООО", "ежевика"]
    assert listing.count("customer", ListQuery(filters={"status": ["lead", "active"]})) == 6


def test_fetch_rows_keeps_the_order_asked_and_skips_missing_ids(names):
    ids = listing.list_ids("customer")
    rows = listing.fetch_rows("customer", [ids[3], 9999, ids[0]])
    assert [r["id"] for r in rows] == [ids[3], ids[0]]


def test_task_filters_overdue(db):
    customer = customers.create_customer({"name": "Acme"})
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    late = tasks.create_task({"title": "Late", "due_date": yesterday, "customer_id": customer})
    tasks.create_task({"title": "Soon", "due_date": tomorrow})
    done = tasks.create_task({"title": "Done late", "due_date": yesterday, "status": "done"})
    assert listing.list_ids("task", ListQuery(filters={"overdue": True})) == [late]
    assert done not in listing.list_ids("task", ListQuery(filters={"status": "open"}))


def test_order_totals_and_deal_weighting_in_lists(db):
    customer = customers.create_customer({"name": "Acme"})
    order = orders.create_order(
        {"customer_id": customer},
        [{"description": "X", "quantity": "0.5", "unit_price_cents": 333}],
    )
    assert listing.fetch_rows("sales_order", [order])[0]["total_cents"] == 167
    deal = deals.create_deal(
        {"title": "D", "customer_id": customer, "amount_cents": 101, "probability": 50}
    )
    assert listing.fetch_rows("deal", [deal])[0]["weighted_cents"] == 51


def test_every_list_runs_with_every_sortable_column(demo_db):
    for entity, spec in listing.SPECS.items():
        for column in spec.columns:
            if column.sort is None:
                continue
            for descending in (False, True):
                ids = listing.list_ids(entity, ListQuery(sort=column.key, descending=descending))
                assert len(ids) == listing.count(entity)
        rows = listing.fetch_rows(entity, listing.list_ids(entity)[:5])
        assert all(set(c.key for c in spec.columns) <= set(r) for r in rows)
