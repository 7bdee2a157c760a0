"""What the Today screen shows: counts from indexes, and only the lines it shows.

Today is the first screen, so its cost is the start's cost, at 100 rows or a
million. Each figure is a ``COUNT(*)`` that an index answers alone (tasks by
``(status, due_date)``, open deals by ``(stage, expected_close)``,
interactions by ``occurred_at``), less the few rows of customers in the
trash, counted from the trashed customers' side; each card's lines are read
in order from the same index and stop at the card's limit. Nothing here
grows with the number of customers.

The sets are the lists' own (:mod:`crm_desktop.services.listing`): the
tasks list filtered to open and due today (or overdue), the deals list
closing within :data:`CLOSING_DAYS`, the interactions list since
:data:`RECENT_DAYS` ago, each leaving out what hangs on a customer in the
trash, so "All tasks →" opens on the same rows (a test holds them together).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from crm_desktop.models import database
from crm_desktop.models.enums import OPEN_DEAL_STAGES
from crm_desktop.services import listing
from crm_desktop.services.clock import today

Row = dict[str, Any]

# Lines per card: the screen is a summary; the lists hold the rest.
LIMIT = 50
RECENT_DAYS = 14
CLOSING_DAYS = 30


@dataclass
class TodayData:
    """Today's tasks (due today, then overdue newest first), deals soon, recent interactions."""

    day: date
    tasks: list[Row] = field(default_factory=list)
    task_total: int = 0
    overdue: int = 0
    deals: list[Row] = field(default_factory=list)
    deal_total: int = 0
    interactions: list[Row] = field(default_factory=list)
    interaction_total: int = 0


# A row is shown unless its customer is in the trash (a task may have no customer).
_LIVE = (
    "NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = {alias}.customer_id "
    "AND c.deleted_at IS NOT NULL)"
)


def _count(table: str, alias: str, where: str, params: list[Any]) -> int:
    """Rows of ``table`` matching ``where`` whose customer is not in the trash.

    All matching rows (an index counts them without reading a row), less those of
    trashed customers, found from the trashed customers (few) rather than by
    reading every matching row's customer (many).
    """
    total = database.execute_sql(
        f"SELECT count(*) FROM {table} {alias} WHERE {where}", params
    ).fetchone()[0]
    trashed = database.execute_sql(
        f"SELECT count(*) FROM customer c CROSS JOIN {table} {alias} "
        f"ON {alias}.customer_id = c.id WHERE c.deleted_at IS NOT NULL AND {where}",
        params,
    ).fetchone()[0]
    return int(total) - int(trashed)


def _first_ids(
    table: str, alias: str, where: str, params: list[Any], order: str, limit: int
) -> list[int]:
    """The first ``limit`` ids in ``order`` (read from an index in that order, then stop)."""
    if limit <= 0:
        return []
    live = _LIVE.format(alias=alias)
    rows = database.execute_sql(
        f"SELECT {alias}.id FROM {table} {alias} WHERE {where} AND {live} ORDER BY {order} LIMIT ?",
        [*params, limit],
    )
    return [row[0] for row in rows]


def _open_deal_ids(where: str, params: list[Any], descending: bool, limit: int) -> list[int]:
    """Open deals in ``expected_close`` order: each stage read from ``(stage, expected_close)``
    in order up to ``limit``, then the stages merged, so no more than 4 × ``limit`` are read."""
    if limit <= 0:
        return []
    direction = "DESC" if descending else "ASC"
    live = _LIVE.format(alias="d")
    parts = []
    values: list[Any] = []
    for stage in OPEN_DEAL_STAGES:
        parts.append(
            f"SELECT * FROM (SELECT d.id, d.expected_close FROM deal d "
            f"WHERE d.stage = ? AND {where} AND {live} "
            f"ORDER BY d.expected_close {direction}, d.id {direction} LIMIT ?)"
        )
        values += [stage, *params, limit]
    rows = database.execute_sql(
        " UNION ALL ".join(parts) + f" ORDER BY 2 {direction}, 1 {direction} LIMIT ?",
        [*values, limit],
    )
    return [row[0] for row in rows]


def _open_deal_count(where: str, params: list[Any]) -> int:
    stages = ", ".join(f"'{stage}'" for stage in OPEN_DEAL_STAGES)
    return _count("deal", "d", f"d.stage IN ({stages}) AND {where}", params)


def load_today(limit: int = LIMIT) -> TodayData:
    """Read the Today screen's figures and lines (a few indexed queries)."""
    day = today()
    data = TodayData(day)
    iso = day.isoformat()

    # Tasks: due today first, then overdue newest first.
    due_today = "t.status = 'open' AND t.due_date = ?"
    overdue = "t.status = 'open' AND t.due_date < ?"
    data.overdue = _count("task", "t", overdue, [iso])
    data.task_total = _count("task", "t", due_today, [iso]) + data.overdue
    # Room is kept for the overdue group (a quarter of the lines), so that a busy day does
    # not hide that older work is waiting; today's tasks take the rest.
    kept_for_overdue = min(data.overdue, limit // 4)
    task_ids = _first_ids("task", "t", due_today, [iso], "t.id", limit - kept_for_overdue)
    if len(task_ids) < limit and data.overdue:
        task_ids += _first_ids(
            "task", "t", overdue, [iso], "t.due_date DESC, t.id DESC", limit - len(task_ids)
        )
    data.tasks = listing.fetch_rows(
        "task", task_ids, ["title", "due_date", "priority", "customer_name", "status"]
    )

    # Deals closing in the coming days first, then those past their date, newest first.
    horizon = (day + timedelta(days=CLOSING_DAYS)).isoformat()
    yesterday = (day - timedelta(days=1)).isoformat()
    coming = "d.expected_close >= ? AND d.expected_close <= ?"
    late = "d.expected_close <= ?"
    data.deal_total = _open_deal_count(coming, [iso, horizon]) + _open_deal_count(late, [yesterday])
    deal_ids = _open_deal_ids(coming, [iso, horizon], False, limit)
    if len(deal_ids) < limit:
        deal_ids += _open_deal_ids(late, [yesterday], True, limit - len(deal_ids))
    data.deals = listing.fetch_rows(
        "deal",
        deal_ids,
        ["title", "customer_name", "stage", "amount_cents", "probability", "expected_close"],
    )

    # Interactions of the last days, newest first.
    since = (day - timedelta(days=RECENT_DAYS)).isoformat()
    recent = "i.occurred_at >= ?"
    data.interaction_total = _count("interaction", "i", recent, [since])
    data.interactions = listing.fetch_rows(
        "interaction",
        _first_ids("interaction", "i", recent, [since], "i.occurred_at DESC, i.id DESC", limit),
        ["occurred_at", "kind", "subject", "customer_name", "customer_id"],
    )
    return data
