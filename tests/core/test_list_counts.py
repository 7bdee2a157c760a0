"""Every list's count is the rows it shows, whatever another SQLite tool left in the file.

Another program with foreign keys off can delete a customer and leave its contacts, orders,
interactions and service cases behind (orphans). The status bar's count of a list comes
from :func:`listing.list_ends` (the table's first frame) or :func:`listing.count`; the rows
from :func:`listing.list_ids` and :func:`listing.fetch_rows`. They must agree.
"""

from __future__ import annotations

import pytest

from crm_desktop.models import close_database, database
from crm_desktop.services import listing, open_session, trash
from crm_desktop.services.listing import ListQuery
from tests.other_tool import other_tool

# (entity, the table, its customer column) of every list that leaves out the trash.
LISTS = [
    ("contact", "contact", "customer_id"),
    ("sales_order", "sales_order", "customer_id"),
    ("interaction", "interaction", "customer_id"),
    ("service_case", "service_case", "customer_id"),
    ("deal", "deal", "customer_id"),
    ("task", "task", "customer_id"),
    ("campaign_member", "campaign_member", "customer_id"),
]


def _customers_with_rows(entity: str, count: int) -> list[int]:
    """Customers not in the trash that have rows in this list."""
    ids = listing.list_ids(entity, _query(entity))
    rows = listing.fetch_rows(entity, ids, ["customer_id"])
    found = sorted({row["customer_id"] for row in rows if row["customer_id"] is not None})
    assert len(found) >= count, "the demo data has too few customers with such rows"
    return found[:count]


def _query(entity: str) -> ListQuery:
    if entity != "campaign_member":
        return ListQuery()
    campaign = database.execute_sql(
        "SELECT campaign_id FROM campaign_member GROUP BY campaign_id ORDER BY count(*) DESC"
    ).fetchone()[0]
    return ListQuery(filters={"campaign_id": campaign})


def _shown_and_counted(entity: str) -> tuple[int, int]:
    """(rows the list shows, the count the status bar would say), after checking both ways."""
    query = _query(entity)
    ids = listing.list_ids(entity, query)
    assert len(listing.fetch_rows(entity, ids)) == len(ids)  # every id is a row on screen
    counted = listing.count(entity, query)
    ends = listing.list_ends(entity, query, 5)
    if ends is not None:
        assert ends[1] == ids[:5] and ends[2] == ids[-5:]
        assert ends[0] == counted
    return len(ids), counted


@pytest.mark.parametrize("entity", [entity for entity, _t, _c in LISTS])
def test_rows_of_a_customer_another_tool_deleted_are_counted_as_they_are_listed(demo_db, entity):
    gone, trashed = _customers_with_rows(entity, 3)[:2], _customers_with_rows(entity, 3)[2]
    trash.move_to_trash("customer", [trashed])  # its rows are neither listed nor counted
    before, _counted = _shown_and_counted(entity)
    table, column = next((t, c) for e, t, c in LISTS if e == entity)
    orphans = database.execute_sql(
        f"SELECT count(*) FROM {table} WHERE {column} IN ({', '.join(map(str, gone))})"
    ).fetchone()[0]
    assert orphans > 0
    close_database()
    # another program, foreign keys off (its default)
    other_tool(demo_db, f"DELETE FROM customer WHERE id IN ({', '.join(map(str, gone))})")
    open_session(demo_db, refresh_search=False)
    shown, counted = _shown_and_counted(entity)
    assert shown == counted
    if entity != "campaign_member":
        assert shown == before  # never hidden: the customer column is empty
    ids = listing.list_ids(entity, _query(entity))
    rows = listing.fetch_rows(entity, ids)
    assert shown == len(rows) == len(ids)
