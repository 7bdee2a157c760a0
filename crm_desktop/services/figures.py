"""The business figures of the brief, computed by the database.

Revenue is the sum of the line totals of orders whose status is confirmed,
paid or shipped, dated by ``order_date`` (drafts and cancelled orders never
count). The weighted forecast of the open deals is Σ amount × probability /
100, rounded half up to a cent once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crm_desktop.models import DOCUMENTED_MODELS, database
from crm_desktop.models.enums import DEAL_STAGES, OPEN_DEAL_STAGES, REVENUE_ORDER_STATUSES
from crm_desktop.services.deal_amounts import quotes_total_sql
from crm_desktop.services.taxes import line_net_sql

REVENUE_STATUSES_SQL = ", ".join(f"'{status}'" for status in REVENUE_ORDER_STATUSES)
# Revenue is net of tax: a gross-entered line counts without its tax.
_LINE = line_net_sql("l")


def _period(date_from: date | str | None, date_to: date | str | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if date_from is not None:
        clauses.append("o.order_date >= ?")
        params.append(str(date_from))
    if date_to is not None:
        clauses.append("o.order_date <= ?")
        params.append(str(date_to))
    return (" AND " + " AND ".join(clauses)) if clauses else "", params


def revenue_cents(date_from: date | str | None = None, date_to: date | str | None = None) -> int:
    """Revenue of the period (both dates included), customers in the trash included."""
    where, params = _period(date_from, date_to)
    row = database.execute_sql(
        f"SELECT coalesce(sum({_LINE}), 0) FROM sales_order o "
        f"JOIN order_line l ON l.order_id = o.id "
        f"WHERE o.status IN ({REVENUE_STATUSES_SQL}){where}",
        params,
    ).fetchone()
    return int(row[0])


def order_count(date_from: date | str | None = None, date_to: date | str | None = None) -> int:
    """How many revenue orders the period has."""
    where, params = _period(date_from, date_to)
    row = database.execute_sql(
        f"SELECT count(*) FROM sales_order o WHERE o.status IN ({REVENUE_STATUSES_SQL}){where}",
        params,
    ).fetchone()
    return int(row[0])


@dataclass(frozen=True)
class StageFigures:
    """One column of the pipeline: how many deals, their amount and weighted amount."""

    stage: str
    count: int
    amount_cents: int
    weighted_cents: int
    # Σ amount × probability before the division by 100: the forecast adds these
    # up over the open stages and rounds once, as the brief says.
    weighted_x100: int = 0


def pipeline() -> list[StageFigures]:
    """Every stage in order, with the deals of customers not in the trash.

    Summed in three short reads instead of one join of every deal with its customer (a
    second at a million customers): every deal's own amount from the index
    ``deal_stage_amount`` alone (schema 17), less the deals of customers in the trash,
    plus the quotes' totals of the deals without an amount of their own (those two read
    only their own rows). The same sums as ``deal_amount_sql`` over the kept deals.
    """
    sums: dict[str, list[int]] = {stage: [0, 0, 0] for stage in DEAL_STAGES}
    for sign, sql in (
        (1, _ALL_DEALS),
        (-1, _TRASHED_DEALS),
        (1, _QUOTED_DEALS),
    ):
        for stage, count, amount, weighted_x100 in database.execute_sql(sql):
            kept = sums.setdefault(stage, [0, 0, 0])
            kept[0] += sign * int(count)
            kept[1] += sign * int(amount or 0)
            kept[2] += sign * int(weighted_x100 or 0)
    result = []
    for stage in DEAL_STAGES:
        count, amount, weighted_x100 = sums[stage]
        result.append(
            StageFigures(stage, count, amount, (weighted_x100 + 50) // 100, weighted_x100)
        )
    return result


_STAGE_SUMS = "d.stage, count(*), sum(d.amount_cents), sum(d.amount_cents * d.probability)"
_ALL_DEALS = f"SELECT {_STAGE_SUMS} FROM deal d GROUP BY d.stage"
# The customers in the trash first (their index), then each one's deals.
_TRASHED_DEALS = (
    f"SELECT {_STAGE_SUMS} FROM customer c CROSS JOIN deal d ON d.customer_id = c.id "
    "WHERE c.deleted_at IS NOT NULL GROUP BY d.stage"
)
_QUOTES = quotes_total_sql("d")
# A deal without an amount of its own counts its quotes' (deal_amount_sql); the stage list
# lets SQLite seek (stage, 0) in deal_stage_amount instead of scanning it.
_QUOTED_DEALS = (
    f"SELECT d.stage, 0, sum({_QUOTES}), sum({_QUOTES} * d.probability) "
    "FROM deal d LEFT JOIN customer c ON c.id = d.customer_id "
    f"WHERE d.stage IN ({', '.join(repr(stage) for stage in DEAL_STAGES)}) "
    "AND d.amount_cents = 0 AND c.deleted_at IS NULL GROUP BY d.stage"
)


def weighted_forecast_cents(stages: list[StageFigures] | None = None) -> int:
    """Σ amount × probability / 100 over open deals, rounded half up once.

    From :func:`pipeline`'s sums, which a caller that shows both already has: one
    pass over the deals instead of two (at 300,000 deals each pass is ~0.5–1 s).
    """
    stages = pipeline() if stages is None else stages
    weighted_x100 = sum(s.weighted_x100 for s in stages if s.stage in OPEN_DEAL_STAGES)
    return (weighted_x100 + 50) // 100


def record_counts() -> dict[str, int]:
    """Rows in each documented table (customers in the trash counted separately)."""
    counts = {}
    for model in DOCUMENTED_MODELS:
        table = model._meta.table_name
        counts[table] = int(database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    counts["customer_in_trash"] = int(
        database.execute_sql(
            "SELECT count(*) FROM customer WHERE deleted_at IS NOT NULL"
        ).fetchone()[0]
    )
    counts["trash_item"] = int(
        database.execute_sql("SELECT count(*) FROM trash_item").fetchone()[0]
    )
    return counts
