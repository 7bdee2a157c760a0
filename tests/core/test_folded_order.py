"""Lists sorted by a text column from its distinct values (services/folded_order.py) keep
exactly the order the database's own ``ORDER BY crm_sort_key(…)`` gives: every script,
case and accent blind, ties by id, empty last in both directions, filtered and searched."""

from __future__ import annotations

import pytest

from crm_desktop.models import database
from crm_desktop.services import contacts, customers, folded_order, listing
from crm_desktop.services.changes import transaction
from crm_desktop.services.listing import ListQuery

CITIES = [
    "Berlin",
    "BERLIN",
    "berlin",
    None,
    "Москва",
    "москва",
    "Ёлкино",
    "Елабуга",
    "北京",
    "上海",
    "«Омск»",
    "=cmd()",
    "<b>&",
    "😀 Emoji",
    "تل أبيب",
    "Zürich",
    "Zurich",
    "Å",
    None,
    "Berlin",
]


@pytest.fixture
def shop(db):
    ids = []
    for number, city in enumerate(CITIES * 3):
        status = ("lead", "active", "inactive")[number % 3]
        ids.append(
            customers.create_customer(
                {
                    "name": f"Customer {number:03d}",
                    "city": city,
                    "status": status,
                    "source": city and city[::-1],
                }
            )
        )
    for number, customer_id in enumerate(ids[:20]):
        contacts.create_contact(
            {"customer_id": customer_id, "name": f"Контакт {number}", "position": CITIES[number]}
        )
    return ids


def _by_database(entity: str, query: ListQuery) -> list[int]:
    """The order as SQLite sorts it row by row (what the list did before)."""
    spec = listing.spec(entity)
    where, params = listing._where(spec, query)
    sql = (
        f"SELECT {spec.id_sql} FROM {spec.from_sql} WHERE {where} "
        f"ORDER BY {listing.order_by(spec, query)}"
    )
    return [row[0] for row in database.execute_sql(sql, params)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(
    "entity,key,filters,search",
    [
        ("customer", "city", {}, ""),
        ("customer", "source", {}, ""),
        ("customer", "city", {"status": "active"}, ""),
        ("customer", "country", {"status": ["lead", "inactive"]}, ""),
        ("customer", "city", {}, "customer 01"),
        ("contact", "position", {}, ""),
        ("contact", "customer_name", {}, ""),
    ],
)
def test_the_order_is_the_databases_own(shop, entity, key, filters, search, descending):
    query = ListQuery(search=search, filters=filters, sort=key, descending=descending)
    found = listing.list_ids(entity, query)
    assert found == _by_database(entity, query)
    assert len(found) == len(set(found)) and found
    assert list(listing.list_id_array(entity, query)) == found


def test_cities_in_their_folded_order_empty_last_both_ways(shop):
    def cities(descending: bool) -> list[str | None]:
        ids = listing.list_ids("customer", ListQuery(sort="city", descending=descending))
        return [row["city"] for row in listing.fetch_rows("customer", ids, ["city"])]

    up, down = cities(False), cities(True)
    assert up[-6:] == [None] * 6 and down[-6:] == [None] * 6
    berlin = [c for c in up if c and c.lower() == "berlin"]
    assert len(berlin) == 12 and up.index("BERLIN") < up.index("Москва")
    assert up.index("Елабуга") < up.index("Ёлкино") < up.index("Москва") < up.index("北京")
    assert down.index("北京") < down.index("Москва") < down.index("Ёлкино")


def test_a_value_another_tool_wrote_as_a_number_sorts_like_the_database_sorts_it(shop):
    with transaction():
        database.execute_sql("UPDATE customer SET city = 42 WHERE id = ?", (shop[0],))
    for descending in (False, True):
        query = ListQuery(sort="city", descending=descending)
        assert listing.list_ids("customer", query) == _by_database("customer", query)


def test_groups_of_values_that_fold_alike_merge_by_id():
    groups = [("b", "5,1"), ("B", "3"), (None, "9,2"), ("a", "7"), ("Á", "4")]
    assert folded_order.ids_in_order(groups, False) == [4, 7, 1, 3, 5, 2, 9]
    assert folded_order.ids_in_order(groups, True) == [5, 3, 1, 7, 4, 9, 2]
    assert folded_order.ids_in_order([], True) == []
