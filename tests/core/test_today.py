"""Today's figures and lines: the lists' own sets, read from indexes only, any size."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from crm_desktop.models import database
from crm_desktop.services import listing, tasks, trash
from crm_desktop.services import today as today_service
from crm_desktop.services.listing import ListQuery

DAY = date(2026, 6, 15)  # the day the demo data was made for


@pytest.fixture
def on_demo_day(demo_db, monkeypatch):
    monkeypatch.setattr(today_service, "today", lambda: DAY)
    monkeypatch.setattr(listing, "today", lambda: DAY)
    return demo_db


def _from_the_lists(limit: int) -> dict[str, object]:
    """What the Today screen showed when it read whole id lists (the reference)."""
    iso = DAY.isoformat()
    due = ListQuery(filters={"status": "open", "due_from": iso, "due_to": iso}, sort="due_date")
    late = ListQuery(filters={"overdue": True}, sort="due_date", descending=True)
    overdue = listing.count("task", late)
    kept = min(overdue, limit // 4)
    task_ids = listing.list_ids("task", due)[: limit - kept]
    task_ids += listing.list_ids("task", late)[: limit - len(task_ids)]
    days = today_service.CLOSING_DAYS
    coming = ListQuery(
        filters={"closing_within_days": days, "expected_from": iso}, sort="expected_close"
    )
    past = ListQuery(
        filters={"closing_within_days": days, "expected_to": (DAY - timedelta(1)).isoformat()},
        sort="expected_close",
        descending=True,
    )
    deal_ids = (listing.list_ids("deal", coming) + listing.list_ids("deal", past))[:limit]
    since = (DAY - timedelta(days=today_service.RECENT_DAYS)).isoformat()
    recent = ListQuery(filters={"from": since}, sort="occurred_at", descending=True)
    interaction_ids = listing.list_ids("interaction", recent)
    return {
        "overdue": overdue,
        "task_total": listing.count("task", due) + overdue,
        "tasks": task_ids,
        "deal_total": listing.count("deal", coming) + listing.count("deal", past),
        "deals": deal_ids,
        "interaction_total": len(interaction_ids),
        "interactions": interaction_ids[:limit],
    }


def _shown(data: today_service.TodayData) -> dict[str, object]:
    return {
        "overdue": data.overdue,
        "task_total": data.task_total,
        "tasks": [row["id"] for row in data.tasks],
        "deal_total": data.deal_total,
        "deals": [row["id"] for row in data.deals],
        "interaction_total": data.interaction_total,
        "interactions": [row["id"] for row in data.interactions],
    }


def _customer_with(table: str, where: str, params: list) -> int:
    return database.execute_sql(
        f"SELECT customer_id FROM {table} WHERE customer_id IS NOT NULL AND {where} LIMIT 1",
        params,
    ).fetchone()[0]


def test_today_shows_what_the_lists_show_with_customers_in_the_trash(on_demo_day):
    iso = DAY.isoformat()
    # A task of no customer, due today; customers with an overdue task, an open deal
    # closing soon and a recent interaction go to the trash (their rows are hidden).
    tasks.create_task({"title": "Call the bank — 银行 =SUM(1)", "due_date": iso})
    tasks.create_task({"title": "Old errand", "due_date": (DAY - timedelta(3)).isoformat()})
    trashed = {
        _customer_with("task", "status = 'open' AND due_date < ?", [iso]),
        _customer_with("deal", "stage = 'proposal' AND expected_close >= ?", [iso]),
        _customer_with("interaction", "occurred_at >= ?", ["2026-06-05"]),
    }
    trash.move_to_trash("customer", trashed)
    for limit in (1, 3, 8, 50, 10_000):
        assert _shown(today_service.load_today(limit)) == _from_the_lists(limit), limit
    data = today_service.load_today(10_000)
    assert data.task_total > data.overdue >= 1 and data.deal_total and data.interaction_total
    assert "Call the bank — 银行 =SUM(1)" in [row["title"] for row in data.tasks]
    assert not {row.get("customer_id") for row in data.interactions} & trashed


def test_an_empty_database_shows_nothing_due(db, monkeypatch):
    data = today_service.load_today()
    assert _shown(data) == {
        "overdue": 0, "task_total": 0, "tasks": [], "deal_total": 0, "deals": [],
        "interaction_total": 0, "interactions": [],
    }  # fmt: skip


def test_every_query_of_today_is_answered_from_an_index(on_demo_day, monkeypatch):
    """No query reads a whole table, and every count is answered by an index alone."""
    plans: dict[str, list[str]] = {}
    execute = database.execute_sql

    def explained(sql, params=()):
        plans[sql] = [row[3] for row in execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        return execute(sql, params)

    today_service.load_today(execute=explained)  # the start's read goes through it too
    counts = [sql for sql in plans if sql.startswith("SELECT count(*) FROM ") and "JOIN" not in sql]
    assert len(counts) == 5
    for sql in counts:
        assert all("COVERING INDEX" in step for step in plans[sql]), (sql, plans[sql])
    for sql, steps in plans.items():
        if sql.startswith("SELECT id, entity, name, kind") and "FROM custom_field " in sql:
            continue  # the owner's few field definitions, read once and kept
        scans = [step for step in steps if step.startswith("SCAN ") and "subquery" not in step]
        assert not scans, (sql, steps)
    deal_rows = [sql for sql in plans if "UNION ALL" in sql]
    assert deal_rows and all(
        any("deal_stage_expected_close" in step for step in plans[sql]) for sql in deal_rows
    )
