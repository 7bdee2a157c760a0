"""The big sample's fast path: parts written by helper processes give the very same file.

Helpers make a task's rows, write them with their final ids into an in-memory
database and the loading process copies its records; the indexes and triggers
of the tables are set aside for the load and foreign keys checked before the
commit. Whatever the path, the file must be the one the plain path makes.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import date

import pytest

from crm_desktop.errors import CancelledError
from crm_desktop.models import database
from crm_desktop.models.migrations import SEARCH_INDEX_TABLES
from crm_desktop.models.schema import differences, objects_of
from crm_desktop.services import demo, demo_parts, demo_rows, figures, search, settings

DAY = date(2026, 6, 15)
QUERIES = ("иван", "gmail", "+49", "王", "ab", "Müller", "выставка", "zz-nothing")


def everything() -> dict[str, object]:
    """Every table's rows, AUTOINCREMENT's counters too (the n-gram index by its answers)."""
    conn = database.connection()
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' "
            "AND name NOT LIKE 'customer_search%fts%'"
        )
    ]
    found: dict[str, object] = {
        name: conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in names
    }
    found["searches"] = [search.search_customers(query) for query in QUERIES]
    # The groups' indexes (schema 15) by their answers too: made in one pass after a load
    # in parts, as the rows arrive on the plain path.
    found["groups"] = [
        conn.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", (query,)
        ).fetchall()
        for table in SEARCH_INDEX_TABLES[1:]
        for query in ('"ива"', '"gma"', '"+49"', '"王" OR "王\x1f\x1f"', '"ber" AND "erl"')
    ]
    return found


def a_file_as_new():
    """The file holds exactly a new file's schema, enforces foreign keys and is whole."""
    conn = database.connection()
    assert differences(objects_of(conn)) == []
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert "demo_part" not in [row[1] for row in conn.execute("PRAGMA database_list")]
    return True


def test_parts_from_helpers_give_the_same_file_as_the_plain_path(db, tmp_path, monkeypatch):
    from crm_desktop.services import open_session

    monkeypatch.setattr(demo, "CHUNKS_A_TASK", 1)  # several tasks from a few thousand
    result = demo.generate(customers=3500, seed=9, on=DAY, helpers=0)
    assert a_file_as_new()
    plain = everything()
    assert len(plain["customer"]) == 3500  # type: ignore[arg-type]
    assert all(plain["searches"][:3])  # type: ignore[index]
    for helpers in (1, 2):
        open_session(tmp_path / f"parts-{helpers}.sqlite3")
        settings.set_many({"phone_region": "US", "currency": "USD", "locale": "en_US"})  # as db
        in_parts = demo.generate(customers=3500, seed=9, on=DAY, helpers=helpers)
        assert a_file_as_new()
        assert in_parts.counts == result.counts
        made = everything()
        for table, rows in plain.items():
            assert made[table] == rows, table
    assert multiprocessing.active_children() == []  # every helper ended


def test_the_parts_search_index_is_the_one_a_rebuild_makes(db, monkeypatch):
    monkeypatch.setattr(demo, "CHUNKS_A_TASK", 2)
    demo.generate(customers=2500, seed=4, on=DAY, helpers=1)
    query = "SELECT id, haystack, name_key, stamp FROM customer_search ORDER BY id"
    made = database.execute_sql(query).fetchall()
    found = [search.search_customers(q) for q in QUERIES]
    assert search._stale_ids() == []
    search.rebuild_index()
    assert database.execute_sql(query).fetchall() == made
    assert [search.search_customers(q) for q in QUERIES] == found
    # FTS5's own check of each index against its content (raises when they differ)
    for table in SEARCH_INDEX_TABLES:
        database.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def _journal_and_merging() -> tuple[str, list[list[tuple]]]:
    conn = database.connection()
    return conn.execute("PRAGMA journal_mode").fetchone()[0], [
        conn.execute(f'SELECT k, v FROM "{table}_config" ORDER BY k').fetchall()
        for table in SEARCH_INDEX_TABLES
    ]


def test_a_cancel_while_the_helpers_work_leaves_the_file_as_it_was(db):
    before = objects_of(database.connection())
    settings_before = _journal_and_merging()  # the WAL and FTS5's settings
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 2

    with pytest.raises(CancelledError):
        demo.generate(customers=30_000, seed=1, on=DAY, cancelled=cancelled, helpers=2)
    counts = figures.record_counts()
    assert counts["customer"] == counts["order_line"] == counts["product"] == 0
    assert objects_of(database.connection()) == before  # indexes and triggers back
    assert _journal_and_merging() == settings_before
    assert a_file_as_new()
    assert multiprocessing.active_children() == []
    demo.generate(customers=300, seed=1, on=DAY)  # and the file takes the sample after all


def _part_rows(data: bytes) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    return {
        table: conn.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
        for table in demo_parts.PART_TABLES
    }


def _part_source(customers_a_task: int, tasks: int) -> demo_parts.PartSource:
    """Two helpers for ``tasks`` tasks of one chunk each, into the file's own tables."""
    conn = database.connection()
    schema = [
        conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
        for t in demo_parts.PART_TABLES
    ]
    return demo_parts.PartSource(
        seed=3, on=DAY, catalogue=demo_rows.the_owners_catalogue(),
        tasks=[(n, [(n, 1 + customers_a_task * n, customers_a_task)]) for n in range(tasks)],
        helpers=2, schema_sql=schema, first_ids=dict.fromkeys(demo_parts.PART_TABLES, 0),
        cancelled=None, stop_if_cancelled=lambda _cancelled: None,
    )  # fmt: skip


def test_a_helper_that_dies_leaves_its_tasks_to_the_loader(db):
    def run(kill: bool) -> list[tuple[dict[str, int], dict[str, list[tuple]]]]:
        source = _part_source(40, 5)
        source.start()
        if kill:
            source.processes[1].kill()  # tasks 1 and 3 are its
        try:
            return [
                (source.counts[task[0]], _part_rows(data)) for task, data in source.parts_in_order()
            ]
        finally:
            source.close()

    whole = run(kill=False)
    assert run(kill=True) == whole
    ids = [row[0] for _counts, rows in whole for row in rows["order_line"]]
    assert ids == list(range(1, len(ids) + 1))  # final ids, in order, across the tasks
    assert multiprocessing.active_children() == []


def test_where_no_process_can_start_the_loader_makes_every_part(db, tmp_path, monkeypatch):
    """A sandbox without processes: the parts are made in the loading process, the same."""
    from crm_desktop.services import open_session

    demo.generate(customers=1200, seed=6, on=DAY, helpers=0)
    plain = everything()

    def no_processes(_method: str):
        raise OSError("no processes here")

    monkeypatch.setattr(demo_parts.multiprocessing, "get_context", no_processes)
    monkeypatch.setattr(demo, "CHUNKS_A_TASK", 1)
    open_session(tmp_path / "sandboxed.sqlite3")
    settings.set_many({"phone_region": "US", "currency": "USD", "locale": "en_US"})  # as db
    demo.generate(customers=1200, seed=6, on=DAY, helpers=2)
    assert a_file_as_new()
    assert everything() == plain


def test_a_load_in_parts_leaves_the_file_s_settings_as_a_new_file_s(db, monkeypatch):
    """The load's rollback journal and its FTS5 merging once at the end leave no trace."""
    monkeypatch.setattr(demo, "CHUNKS_A_TASK", 1)
    new = _journal_and_merging()
    assert new == ("wal", [[("version", 4)]] * len(SEARCH_INDEX_TABLES))
    journals = []
    real = demo._load

    def load(conn, *args):  # the journal mode while the rows go in
        journals.append(conn.execute("PRAGMA journal_mode").fetchone()[0])
        return real(conn, *args)

    monkeypatch.setattr(demo, "_load", load)
    demo.generate(customers=2500, seed=2, on=DAY, helpers=2)
    assert journals == ["delete"]
    assert _journal_and_merging() == new
    conn = database.connection()
    for table in SEARCH_INDEX_TABLES:  # merged once: each index one segment, and whole
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        assert conn.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0] == 1
    assert a_file_as_new()


def test_with_another_connection_open_the_load_keeps_the_wal_and_does_not_wait(db):
    """The window's own connection is open while its job loads: no journal switch then."""
    import time

    other = sqlite3.connect(db)
    other.execute("SELECT count(*) FROM customer").fetchone()
    try:
        started = time.perf_counter()
        conn = database.connection()
        assert demo._rollback_journal(conn) is None
        assert time.perf_counter() - started < 1  # not the busy timeout's 10 s
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        demo.generate(customers=1200, seed=6, on=DAY, helpers=1)
        assert other.execute("SELECT count(*) FROM customer").fetchone()[0] == 1200
    finally:
        other.close()
    assert a_file_as_new()


def test_parts_wait_for_their_turn_a_few_at_most(db):
    """The pump gives out ids only a few tasks ahead of the part being copied in."""
    import time

    source = _part_source(20, 10)
    source.start()
    held, ids = [], []
    try:
        for _task, data in source.parts_in_order():
            time.sleep(0.3)  # a slow loader: the helpers are done long before
            held.append(len(source.parts))
            ids += [row[0] for row in _part_rows(data)["order_line"]]
    finally:
        source.close()
    assert 0 < max(held) <= source.ahead == 2 * demo_parts.AHEAD_A_HELPER
    assert ids == list(range(1, len(ids) + 1))
    assert multiprocessing.active_children() == []
