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
from crm_desktop.services.deal_amounts import deal_amount_sql
from crm_desktop.services.taxes import line_net_sql

REVENUE_STATUSES_SQL = ", ".join(f"'{status}'" for status in REVENUE_ORDER_STATUSES)
# Revenue is net of tax: a gross-entered line counts without its tax.
_LINE = line_net_sql("l")
# A deal's amount: its own, or its open quotes' net total while it has none.
_AMOUNT = deal_amount_sql("d")


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
    """Every stage in order, with the deals of customers not in the trash."""
    rows = {
        stage: (count, amount, weighted_x100)
        for stage, count, amount, weighted_x100 in database.execute_sql(
            f"SELECT d.stage, count(*), coalesce(sum({_AMOUNT}), 0), "
            f"coalesce(sum({_AMOUNT} * d.probability), 0) "
            "FROM deal d JOIN customer c ON c.id = d.customer_id "
            "WHERE c.deleted_at IS NULL GROUP BY d.stage"
        )
    }
    result = []
    for stage in DEAL_STAGES:
        count, amount, weighted_x100 = rows.get(stage, (0, 0, 0))
        weighted_x100 = int(weighted_x100)
        result.append(
            StageFigures(stage, count, amount, (weighted_x100 + 50) // 100, weighted_x100)
        )
    return result


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
