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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from crm_desktop.models.enums import OPEN_DEAL_STAGES
from crm_desktop.services.clock import today
from crm_desktop.services.deal_amounts import deal_amount_sql

Row = dict[str, Any]
# Runs one statement with its parameters and returns the cursor: the open database's
# ``execute_sql``, or a plain ``sqlite3`` connection's ``execute`` at start (the models
# are not loaded yet then: see services/first_screen.py).
Execute = Callable[[str, Sequence[Any]], Any]

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


def _count(execute: Execute, table: str, alias: str, where: str, params: list[Any]) -> int:
    """Rows of ``table`` matching ``where`` whose customer is not in the trash.

    All matching rows (an index counts them without reading a row), less those of
    trashed customers, found from the trashed customers (few) rather than by
    reading every matching row's customer (many).
    """
    total = execute(f"SELECT count(*) FROM {table} {alias} WHERE {where}", params).fetchone()[0]
    trashed = execute(
        f"SELECT count(*) FROM customer c CROSS JOIN {table} {alias} "
        f"ON {alias}.customer_id = c.id WHERE c.deleted_at IS NOT NULL AND {where}",
        params,
    ).fetchone()[0]
    return int(total) - int(trashed)


def _first_ids(
    execute: Execute, table: str, alias: str, where: str, params: list[Any], order: str, limit: int
) -> list[int]:
    """The first ``limit`` ids in ``order`` (read from an index in that order, then stop)."""
    if limit <= 0:
        return []
    live = _LIVE.format(alias=alias)
    rows = execute(
        f"SELECT {alias}.id FROM {table} {alias} WHERE {where} AND {live} ORDER BY {order} LIMIT ?",
        [*params, limit],
    )
    return [row[0] for row in rows]


def _open_deal_ids(
    execute: Execute, where: str, params: list[Any], descending: bool, limit: int
) -> list[int]:
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
    rows = execute(
        " UNION ALL ".join(parts) + f" ORDER BY 2 {direction}, 1 {direction} LIMIT ?",
        [*values, limit],
    )
    return [row[0] for row in rows]


def _open_deal_count(execute: Execute, where: str, params: list[Any]) -> int:
    stages = ", ".join(f"'{stage}'" for stage in OPEN_DEAL_STAGES)
    return _count(execute, "deal", "d", f"d.stage IN ({stages}) AND {where}", params)


# What each card's lines show, as the lists select it (``listing.SPECS``: the list's id,
# FROM and the columns' SQL). Written out so that reading Today needs neither the list
# machinery nor the models; a test holds them equal to what the lists select.
ROW_SQL: dict[str, tuple[str, str, str]] = {
    "task": (
        "t.id",
        "task t LEFT JOIN customer c ON c.id = t.customer_id "
        "LEFT JOIN contact ct ON ct.id = t.contact_id LEFT JOIN deal d ON d.id = t.deal_id",
        "t.title AS title, t.due_date AS due_date, t.priority AS priority, "
        "c.name AS customer_name, t.status AS status",
    ),
    "deal": (
        "d.id",
        "deal d LEFT JOIN customer c ON c.id = d.customer_id "
        "LEFT JOIN contact ct ON ct.id = d.contact_id",
        "d.title AS title, c.name AS customer_name, d.stage AS stage, "
        f"{deal_amount_sql('d')} AS amount_cents, d.probability AS probability, "
        "d.expected_close AS expected_close",
    ),
    "interaction": (
        "i.id",
        "interaction i LEFT JOIN customer c ON c.id = i.customer_id "
        "LEFT JOIN contact ct ON ct.id = i.contact_id",
        "i.occurred_at AS occurred_at, i.kind AS kind, i.subject AS subject, "
        "c.name AS customer_name, i.customer_id AS customer_id",
    ),
}
# The columns of each card, in ROW_SQL's order (the list columns of the same keys).
ROW_COLUMNS = {
    "task": ("title", "due_date", "priority", "customer_name", "status"),
    "deal": ("title", "customer_name", "stage", "amount_cents", "probability", "expected_close"),
    "interaction": ("occurred_at", "kind", "subject", "customer_name", "customer_id"),
}


def fetch_lines(execute: Execute, entity: str, ids: Sequence[int]) -> list[Row]:
    """The lines of one card, in the order of ``ids`` (ids that are gone are left out)."""
    if not ids:
        return []
    id_sql, from_sql, select = ROW_SQL[entity]
    marks = ", ".join("?" for _ignored in ids)
    cursor = execute(
        f"SELECT {id_sql} AS id, {select} FROM {from_sql} WHERE {id_sql} IN ({marks})", list(ids)
    )
    names = [column[0] for column in cursor.description]
    found = {row["id"]: row for row in (dict(zip(names, v, strict=True)) for v in cursor)}
    return [found[i] for i in ids if i in found]


def load_today(limit: int = LIMIT, execute: Execute | None = None) -> TodayData:
    """Read the Today screen's figures and lines (a few indexed queries), through the open
    database or ``execute``."""
    if execute is None:
        from crm_desktop.models import database

        execute = database.execute_sql
    day = today()
    data = TodayData(day)
    iso = day.isoformat()

    # Tasks: due today first, then overdue newest first.
    due_today = "t.status = 'open' AND t.due_date = ?"
    overdue = "t.status = 'open' AND t.due_date < ?"
    data.overdue = _count(execute, "task", "t", overdue, [iso])
    data.task_total = _count(execute, "task", "t", due_today, [iso]) + data.overdue
    # Room is kept for the overdue group (a quarter of the lines), so that a busy day does
    # not hide that older work is waiting; today's tasks take the rest.
    kept_for_overdue = min(data.overdue, limit // 4)
    task_ids = _first_ids(execute, "task", "t", due_today, [iso], "t.id", limit - kept_for_overdue)
    if len(task_ids) < limit and data.overdue:
        task_ids += _first_ids(
            execute,
            "task",
            "t",
            overdue,
            [iso],
            "t.due_date DESC, t.id DESC",
            limit - len(task_ids),
        )
    data.tasks = fetch_lines(execute, "task", task_ids)

    # Deals closing in the coming days first, then those past their date, newest first.
    horizon = (day + timedelta(days=CLOSING_DAYS)).isoformat()
    yesterday = (day - timedelta(days=1)).isoformat()
    coming = "d.expected_close >= ? AND d.expected_close <= ?"
    late = "d.expected_close <= ?"
    data.deal_total = _open_deal_count(execute, coming, [iso, horizon]) + _open_deal_count(
        execute, late, [yesterday]
    )
    deal_ids = _open_deal_ids(execute, coming, [iso, horizon], False, limit)
    if len(deal_ids) < limit:
        deal_ids += _open_deal_ids(execute, late, [yesterday], True, limit - len(deal_ids))
    data.deals = fetch_lines(execute, "deal", deal_ids)

    # Interactions of the last days, newest first.
    since = (day - timedelta(days=RECENT_DAYS)).isoformat()
    recent = "i.occurred_at >= ?"
    data.interaction_total = _count(execute, "interaction", "i", recent, [since])
    recent_ids = _first_ids(
        execute, "interaction", "i", recent, [since], "i.occurred_at DESC, i.id DESC", limit
    )
    data.interactions = fetch_lines(execute, "interaction", recent_ids)
    return data
