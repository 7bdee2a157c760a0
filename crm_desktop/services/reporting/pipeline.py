"""The pipeline and forecast report: deals by stage, open deals by month, won and lost.

Deals of customers in the trash are left out, as on the pipeline board
(:func:`figures.pipeline`). Weighted amounts are Σ amount × probability / 100
rounded half up once per row; the grand total is rounded once too, so it is
:func:`figures.weighted_forecast_cents` (and may differ from the sum of the
rounded rows by a cent or two).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crm_desktop.models import database
from crm_desktop.models.enums import OPEN_DEAL_STAGES
from crm_desktop.services import figures
from crm_desktop.services.clock import today
from crm_desktop.services.deal_amounts import deal_amount_sql
from crm_desktop.services.reporting.periods import Bucket, Period, buckets
from crm_desktop.services.reporting.sales import ratio

_OPEN_STAGES_SQL = ", ".join(f"'{stage}'" for stage in OPEN_DEAL_STAGES)
# A deal whose customer another tool deleted (foreign keys off) counts, as on the board: the
# LEFT JOIN gives it a NULL deleted_at.
_LIVE_DEALS = "deal d LEFT JOIN customer c ON c.id = d.customer_id WHERE c.deleted_at IS NULL"


def _round_weighted(amount_x_probability: int) -> int:
    return (int(amount_x_probability) + 50) // 100


_AMOUNT = deal_amount_sql("d")  # its own, or its quotes' while it has none


@dataclass(frozen=True)
class ExpectedMonth:
    """Open deals expected to close in one month (``month`` None: no date set)."""

    month: date | None  # first day of the month
    count: int
    amount_cents: int
    weighted_cents: int
    overdue: bool  # the month is already over


@dataclass(frozen=True)
class ClosedDeals:
    """Deals won and lost in one bucket of the period."""

    bucket: Bucket
    won_count: int
    won_cents: int
    lost_count: int
    lost_cents: int
    win_rate: Decimal | None  # won / (won + lost), by count


@dataclass(frozen=True)
class PipelineReport:
    """The state of the pipeline today and the deals closed in a period."""

    period: Period
    grouping: str
    as_of: date
    stages: list[figures.StageFigures]
    open_count: int
    open_amount_cents: int
    weighted_forecast_cents: int
    expected: list[ExpectedMonth]
    closed: list[ClosedDeals]
    won_count: int
    won_cents: int
    lost_count: int
    lost_cents: int
    win_rate: Decimal | None

    @property
    def is_empty(self) -> bool:
        return not any(stage.count for stage in self.stages)


def pipeline_report(period: Period, grouping: str) -> PipelineReport:
    """Stages and the open deals' months as of today; won and lost deals in ``period``."""
    stages = figures.pipeline()
    as_of = today()
    this_month = as_of.replace(day=1)
    expected = []
    for month, count, amount, weighted in database.execute_sql(
        f"SELECT substr(d.expected_close, 1, 7) AS month, count(*), "
        f"coalesce(sum({_AMOUNT}), 0), coalesce(sum({_AMOUNT} * d.probability), 0) "
        f"FROM {_LIVE_DEALS} AND d.stage IN ({_OPEN_STAGES_SQL}) "
        f"GROUP BY month ORDER BY month IS NULL, month"
    ):
        first = date.fromisoformat(f"{month}-01") if month else None
        expected.append(
            ExpectedMonth(
                month=first,
                count=int(count),
                amount_cents=int(amount),
                weighted_cents=_round_weighted(weighted),
                overdue=first is not None and first < this_month,
            )
        )
    closed_by_day: dict[date, dict[str, tuple[int, int]]] = {}
    for closed_at, stage, count, amount in database.execute_sql(
        f"SELECT d.closed_at, d.stage, count(*), coalesce(sum({_AMOUNT}), 0) "
        f"FROM {_LIVE_DEALS} AND d.stage IN ('won', 'lost') "
        f"AND d.closed_at BETWEEN ? AND ? GROUP BY d.closed_at, d.stage",
        (period.start.isoformat(), period.end.isoformat()),
    ):
        closed_by_day.setdefault(date.fromisoformat(closed_at), {})[stage] = (
            int(count),
            int(amount),
        )
    closed = []
    for bucket in buckets(period, grouping):
        sums = {"won": [0, 0], "lost": [0, 0]}
        for day, by_stage in closed_by_day.items():
            if bucket.first <= day <= bucket.last:
                for stage, (count, amount) in by_stage.items():
                    sums[stage][0] += count
                    sums[stage][1] += amount
        (won, won_cents), (lost, lost_cents) = sums["won"], sums["lost"]
        closed.append(ClosedDeals(bucket, won, won_cents, lost, lost_cents, ratio(won, won + lost)))
    won_count = sum(row.won_count for row in closed)
    lost_count = sum(row.lost_count for row in closed)
    open_stages = [stage for stage in stages if stage.stage in OPEN_DEAL_STAGES]
    return PipelineReport(
        period=period,
        grouping=grouping,
        as_of=as_of,
        stages=stages,
        open_count=sum(stage.count for stage in open_stages),
        open_amount_cents=sum(stage.amount_cents for stage in open_stages),
        weighted_forecast_cents=figures.weighted_forecast_cents(stages),
        expected=expected,
        closed=closed,
        won_count=won_count,
        won_cents=sum(row.won_cents for row in closed),
        lost_count=lost_count,
        lost_cents=sum(row.lost_cents for row in closed),
        win_rate=ratio(won_count, won_count + lost_count),
    )
