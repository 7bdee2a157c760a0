"""The warm-up of the search rows: it reads every row in chunks, gives way when asked and
goes on from there, and leaves a table too big for the page cache alone."""

from __future__ import annotations

import itertools
import re

import pytest

from crm_desktop.models import database
from crm_desktop.services import cache_warming, customers, search


@pytest.fixture
def chunks(monkeypatch):
    """The id ranges the warm-up reads, as SQLite runs them."""
    monkeypatch.setattr(cache_warming, "CHUNK_IDS", 40)
    ranges: list[tuple[int, int]] = []
    statement = re.compile(r"FROM customer_search WHERE id > (\d+) AND id <= (\d+)")

    def traced(sql: str) -> None:
        found = statement.search(sql)
        if found:
            ranges.append((int(found[1]), int(found[2])))

    conn = database.connection()
    conn.set_trace_callback(traced)
    yield ranges
    conn.set_trace_callback(None)


def _last_id() -> int:
    return database.execute_sql("SELECT max(id) FROM customer_search").fetchone()[0]


def test_every_search_row_is_read_in_chunks(demo_db, chunks):
    assert cache_warming.warm_search_rows(cancelled=lambda: False) is None
    assert chunks[0][0] == 0 and chunks[-1][1] >= _last_id() > chunks[-1][0]
    assert all(a[1] == b[0] for a, b in itertools.pairwise(chunks))  # no gap


def test_it_gives_way_when_asked_and_goes_on_from_there(demo_db, chunks):
    asked = iter([False, False, True])  # a query comes while the third chunk is due
    position = cache_warming.warm_search_rows(cancelled=lambda: next(asked, True))
    assert position == 80 and chunks == [(0, 40), (40, 80)]
    chunks.clear()
    assert cache_warming.warm_search_rows(position, cancelled=lambda: False) is None
    assert chunks[0] == (80, 120) and chunks[-1][1] >= _last_id()


def test_a_statement_is_stopped_inside(db, chunks, monkeypatch):
    # One chunk of 5,000 rows: SQLite asks the progress handler while it reads them.
    with database.atomic():
        database.execute_sql(
            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 5000) "
            "INSERT INTO customer (name, kind, status, created_at, updated_at) "
            "SELECT 'Клиент 张伟 ' || v, 'company', 'lead', '2026-01-01T00:00:00Z', "
            "'2026-01-01T00:00:00Z' FROM n"
        )
        database.execute_sql(
            "INSERT OR REPLACE INTO customer_search (id, haystack, name_key) "
            "SELECT id, lower(name), lower(name) FROM customer"
        )
    monkeypatch.setattr(cache_warming, "CHUNK_IDS", 10_000)
    answers = iter([False])  # between chunks: nothing waits; then, inside, a query does
    assert cache_warming.warm_search_rows(cancelled=lambda: next(answers, True)) == 0
    assert chunks == [(0, 10_000)]
    assert database.connection().execute("SELECT count(*) FROM customer_search").fetchone()[0]


def test_a_table_larger_than_the_budget_is_left_after_its_first_chunk(demo_db, chunks):
    assert cache_warming.warm_search_rows(cancelled=lambda: False, budget=2_000) is None
    assert chunks == [(0, 40)]


def test_an_empty_file_has_nothing_to_read(db, chunks):
    assert cache_warming.warm_search_rows(cancelled=lambda: False) is None
    assert chunks == []


def test_it_reads_rows_of_any_script_and_writes_nothing(db):
    for name in ("Иван Петров", "张伟", "مرحبا", "=1+2", "<b>&", "🙂" * 200, "x" * 200):
        customers.create_customer({"name": name, "notes": "ü" * 5000})
    search.rebuild_index()
    before = database.execute_sql("SELECT id, haystack, name_key FROM customer_search").fetchall()
    changes = database.connection().total_changes
    assert cache_warming.warm_search_rows(cancelled=lambda: False) is None
    assert database.connection().total_changes == changes
    after = database.execute_sql("SELECT id, haystack, name_key FROM customer_search").fetchall()
    assert after == before and len(after) == 7


def test_a_file_that_fails_ends_it_quietly(demo_db, monkeypatch):
    import sqlite3

    def failing():
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(cache_warming.database, "connection", failing)
    assert cache_warming.warm_search_rows(cancelled=lambda: False) is None
