"""The ends of a list (count, first and last ids) agree with the whole list."""

from __future__ import annotations

import pytest

from crm_desktop.services import customers, listing, trash
from crm_desktop.services.listing import ListQuery


@pytest.mark.parametrize(
    "query",
    [
        ListQuery(),
        ListQuery(sort="name", descending=True),
        ListQuery(filters={"status": "active"}),
        ListQuery(filters={"status": "inactive", "kind": "company"}),
    ],
    ids=["name", "name-descending", "active", "inactive-companies"],
)
def test_the_ends_are_those_of_the_whole_list(demo_db, query):
    customers.create_customer({"name": "Ёлкин — 张伟 =1+1"})
    trash.move_to_trash("customer", [listing.list_ids("customer")[0]])
    ids = listing.list_ids("customer", query)
    for size in (1, 7, 400):
        ends = listing.list_ends("customer", query, size)
        assert ends is not None
        total, head, tail = ends
        assert total == len(ids) == listing.count("customer", query)
        assert head == ids[:size] and tail == ids[-size:]


def test_an_empty_list_has_empty_ends(db):
    assert listing.list_ends("customer") == (0, [], [])


def test_no_ends_for_a_search_or_an_order_only_a_sort_of_every_row_gives(demo_db):
    assert listing.list_ends("customer", ListQuery(search="ив")) is None
    assert listing.list_ends("customer", ListQuery(sort="city")) is None
    assert listing.list_ends("task", ListQuery(sort="priority")) is None  # an enum's order
    ids = listing.list_ids("task")  # due date, empty last: the dated rows, then the empty ones
    assert listing.list_ends("task", ListQuery(), 50) == (len(ids), ids[:50], ids[-50:])


def test_the_compact_ids_are_the_list_ids_in_every_order(demo_db):
    customers.create_customer({"name": "Ёлкин — 张伟 =1+1"})
    for entity, sorts in {
        "customer": ["name", "city", "email", "status", "created_at", "revenue_cents"],
        "task": ["due_date", "title", "priority"],
        "deal": ["expected_close", "amount_cents", "stage"],
        "interaction": ["occurred_at", "subject"],
    }.items():
        for sort in sorts:
            for descending in (False, True):
                query = ListQuery(sort=sort, descending=descending)
                ids = listing.list_id_array(entity, query)
                assert ids.typecode == "q" and list(ids) == listing.list_ids(entity, query)
    for query in (ListQuery(search="ив"), ListQuery(filters={"status": "lead"}, search="a")):
        assert list(listing.list_id_array("customer", query)) == listing.list_ids("customer", query)
    assert list(listing.list_id_array("customer", ListQuery(search="zzzzqq"))) == []
