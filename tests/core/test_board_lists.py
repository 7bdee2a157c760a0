"""Deals, tasks and the board's stages read from an index (schema 17), in the order they had.

The deals and the tasks sort by a date with the empty dates last; no index gives that
order, so their ends (``list_ends``) and the board's pages (``list_page``) read the dated
rows and then the empty ones. These tests hold both to the whole list (``list_ids``), in
both directions, with empty dates, ties, hostile titles and customers in the trash; and
the pipeline's figures, summed from the index, to the join of every deal they replace.
"""

from __future__ import annotations

import sqlite3

import pytest

from crm_desktop.models import close_database, database
from crm_desktop.models.schema import expected_objects, objects_of
from crm_desktop.services import customers, deals, figures, listing, open_session, quotes, trash
from crm_desktop.services import tasks as task_service
from crm_desktop.services.deal_amounts import deal_amount_sql
from crm_desktop.services.listing import ListQuery
from tests.old_schema import BOARD_INDEX_VERSION, as_of_version, drop_board_indexes

TITLES = ["Поставка", "办公桌", "=1+1", "<b>&amp;</b>", "🚀 launch", "עסקה", "x" * 300]
DATES = [None, "2026-03-01", "2026-03-01", None, "2025-12-31", "2026-03-02", None, "2026-03-01"]


@pytest.fixture
def pipeline(db):
    """Deals of two kept customers and one in the trash, in every stage, some undated."""
    kept = [customers.create_customer({"name": n}) for n in ("Иванов", "王伟")]
    gone = customers.create_customer({"name": "Gone"})
    made = []
    for n in range(48):
        stage = ("new", "proposal", "won", "lost")[n % 4]
        closed = stage in ("won", "lost")
        made.append(
            deals.create_deal(
                {
                    "title": TITLES[n % len(TITLES)],
                    "customer_id": (kept[n % 2], gone)[n % 5 == 0],
                    "stage": stage,
                    "amount_cents": 0 if n % 7 == 0 else 1000 + n,
                    "probability": n % 101,
                    "expected_close": DATES[n % len(DATES)],
                    "closed_at": (DATES[(n + 1) % len(DATES)] or "2026-01-05") if closed else None,
                    **({"lost_reason": "Цена"} if stage == "lost" else {}),
                }
            )
        )
        task_service.create_task(
            {
                "title": TITLES[n % len(TITLES)],
                "due_date": DATES[(n + 3) % len(DATES)],
                "customer_id": (kept[0], gone, None)[n % 3],
            }
        )
    quotes.create_quote(  # a trashed customer's deal without an amount: left out with it
        {"customer_id": gone, "deal_id": made[35]},
        [{"description": "x", "quantity": "1", "unit_price_cents": 70_000}],
    )
    trash.move_to_trash("customer", [gone])
    # Won and Lost without a close date: the form always sets one, another tool may not.
    database.execute_sql("UPDATE deal SET closed_at = NULL WHERE closed_at = '2026-01-05'")
    return made


QUERIES = [
    ("deal", ListQuery(sort="expected_close", descending=False)),
    ("deal", ListQuery(sort="expected_close", descending=True)),
    ("deal", ListQuery(filters={"stage": "new"}, sort="expected_close", descending=False)),
    ("deal", ListQuery(filters={"stage": "won"}, sort="closed_at", descending=True)),
    ("deal", ListQuery(filters={"stage": "lost"}, sort="closed_at", descending=False)),
    ("task", ListQuery(sort="due_date", descending=False)),
    ("task", ListQuery(sort="due_date", descending=True)),
    ("task", ListQuery(filters={"status": "open"}, sort="due_date")),
]


@pytest.mark.parametrize(("entity", "query"), QUERIES)
def test_the_ends_are_read_from_an_index_in_the_lists_order(pipeline, entity, query):
    ids = listing.list_ids(entity, query)
    assert ids and None in [r[query.sort] for r in listing.fetch_rows(entity, ids, [query.sort])]
    for size in (1, 3, len(ids) - 1, 400):
        ends = listing.list_ends(entity, query, size)
        assert ends is not None  # not every row sorted
        assert ends == (len(ids), ids[:size], ids[-size:])
    assert len(ids) == listing.count(entity, query)


def test_the_lists_order_is_empty_dates_last_without_the_trash(pipeline):
    rows = listing.fetch_rows("deal", listing.list_ids("deal"), ["expected_close", "customer_name"])
    dates = [r["expected_close"] for r in rows]
    dated = [d for d in dates if d is not None]
    assert dates == dated + [None] * (len(dates) - len(dated)) and dated == sorted(dated)
    assert "Gone" not in {r["customer_name"] for r in rows}
    assert len(rows) == 48 - 10


@pytest.mark.parametrize(("entity", "query"), QUERIES)
@pytest.mark.parametrize("size", [1, 4, 100])
def test_pages_read_one_after_another_give_the_whole_list(pipeline, entity, query, size):
    ids = listing.list_ids(entity, query)
    read: list[int] = []
    after = None
    for _ in range(len(ids) + 2):
        page = listing.list_page(entity, query, after, size)
        assert len(page.ids) <= size
        read += page.ids
        after = page.after
        if page.complete:
            break
    assert read == ids


@pytest.mark.parametrize(("entity", "query"), QUERIES)
def test_a_page_through_a_row_reads_every_row_up_to_it(pipeline, entity, query):
    ids = listing.list_ids(entity, query)
    rows = listing.fetch_rows(entity, ids, [query.sort])
    for position in (0, 5, len(ids) // 2, len(ids) - 1):
        row = rows[position]
        page = listing.list_page(entity, query, None, 2, through=(row[query.sort], row["id"]))
        assert page.ids == ids[: position + 1]
        assert listing.list_page(entity, query, page.after, 500).ids == ids[position + 1 :]


def test_a_search_is_not_read_a_page_at_a_time(pipeline):
    with pytest.raises(ValueError, match="page"):
        listing.list_page("deal", ListQuery(search="Пост"))


def _joined_figures() -> dict[str, tuple[int, int, int]]:
    """What pipeline() summed before schema 17: every kept deal joined to its customer."""
    amount = deal_amount_sql("d")
    return {
        stage: (count, total, weighted)
        for stage, count, total, weighted in database.execute_sql(
            f"SELECT d.stage, count(*), coalesce(sum({amount}), 0), "
            f"coalesce(sum({amount} * d.probability), 0) FROM deal d "
            "JOIN customer c ON c.id = d.customer_id WHERE c.deleted_at IS NULL GROUP BY d.stage"
        )
    }


def test_the_figures_from_the_index_are_the_joins(pipeline):
    for deal_id, price in ((pipeline[7], 3333), (pipeline[14], 5000)):  # deals without amounts
        customer = deals.get_deal(deal_id)["customer_id"]
        quotes.create_quote(
            {"customer_id": customer, "deal_id": deal_id},
            [{"description": "Стол 办公", "quantity": "3", "unit_price_cents": price}],
        )
    expected = _joined_figures()
    found = {f.stage: (f.count, f.amount_cents, f.weighted_x100) for f in figures.pipeline()}
    assert found == {stage: expected.get(stage, (0, 0, 0)) for stage in found}
    assert found["won"][0] > 0 and found["qualified"] == (0, 0, 0)


def test_the_upgrade_gives_an_old_file_the_board_indexes_of_a_new_one(pipeline, db):
    before = {f.stage: f for f in figures.pipeline()}
    close_database()
    as_of_version(db, BOARD_INDEX_VERSION - 1, drop_board_indexes)
    opened = open_session(db, refresh_search=False)
    assert opened.migrated_from == BOARD_INDEX_VERSION - 1
    conn = sqlite3.connect(db)
    try:
        assert objects_of(conn) == expected_objects()
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT stage, sum(amount_cents * probability) FROM deal "
            "GROUP BY stage"
        ).fetchall()
    finally:
        conn.close()
    assert "COVERING INDEX deal_stage_amount" in str(plan)
    assert {f.stage: f for f in figures.pipeline()} == before
