"""The tasks and activity report: tasks done, open and overdue; interactions by kind.

Tasks and interactions are stamped in UTC (``done_at``, ``occurred_at``); the
period is local calendar days, so it is turned into the UTC instants of its
first and next-after-last local midnight, and each stamp is counted on its
local date. Records of customers in the trash are left out, as on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crm_desktop.models import database
from crm_desktop.models.enums import INTERACTION_KINDS, PRIORITIES
from crm_desktop.services.clock import today
from crm_desktop.services.reporting.periods import Bucket, Period, buckets
from crm_desktop.services.reporting.sales import ratio

_LIVE_TASKS = (
    "task t LEFT JOIN customer c ON c.id = t.customer_id "
    "WHERE (t.customer_id IS NULL OR c.deleted_at IS NULL)"
)
# The period's interactions less those of customers in the trash: one whose customer another
# tool deleted (foreign keys off) counts, as its list shows it. Every row of the period, read
# in row order (NOT INDEXED: the index on occurred_at reads a row at random each, 3× slower for
# a year at 1M), less the trashed customers' (few, by their index). A join a row, even a LEFT
# JOIN, reads a customer for each interaction.
_INTERACTIONS = "SELECT i.kind, date(i.occurred_at, 'localtime') AS day, count(*) FROM "
_IN_PERIOD = "i.occurred_at >= ? AND i.occurred_at < ? GROUP BY i.kind, day"
_ALL_INTERACTIONS = f"{_INTERACTIONS}interaction i NOT INDEXED WHERE {_IN_PERIOD}"
_TRASHED_INTERACTIONS = (
    f"{_INTERACTIONS}customer c CROSS JOIN interaction i ON i.customer_id = c.id "
    f"WHERE c.deleted_at IS NOT NULL AND {_IN_PERIOD}"
)


@dataclass(frozen=True)
class PriorityTasks:
    """Tasks of one priority: done in the period, open now, overdue now."""

    priority: str
    done: int
    open: int
    overdue: int


@dataclass(frozen=True)
class KindInteractions:
    """Interactions of one kind in the period."""

    kind: str
    count: int
    share: Decimal | None


@dataclass(frozen=True)
class BucketActivity:
    """Tasks done and interactions logged in one bucket of the period."""

    bucket: Bucket
    tasks_done: int
    interactions: int


@dataclass(frozen=True)
class ActivityReport:
    """What was done in a period, and what is still open today."""

    period: Period
    grouping: str
    as_of: date
    tasks_done: int
    tasks_open: int
    tasks_overdue: int
    tasks_due_in_period: int
    by_priority: list[PriorityTasks]
    interactions: int
    by_kind: list[KindInteractions]
    by_bucket: list[BucketActivity]

    @property
    def is_empty(self) -> bool:
        return not (self.tasks_done or self.tasks_open or self.interactions)


def activity_report(period: Period, grouping: str) -> ActivityReport:
    """Tasks and interactions of the period, counted by SQLite."""
    start, end = period.utc_bounds()
    as_of = today()
    done_by_day: dict[str, int] = {}
    by_priority = {p: [0, 0, 0] for p in PRIORITIES}
    for priority, day, count in database.execute_sql(
        f"SELECT t.priority, date(t.done_at, 'localtime') AS day, count(*) FROM {_LIVE_TASKS} "
        "AND t.status = 'done' AND t.done_at >= ? AND t.done_at < ? GROUP BY t.priority, day",
        (start, end),
    ):
        by_priority[priority][0] += int(count)
        done_by_day[day] = done_by_day.get(day, 0) + int(count)
    for priority, open_count, overdue in database.execute_sql(
        f"SELECT t.priority, count(*), coalesce(sum(t.due_date < ?), 0) FROM {_LIVE_TASKS} "
        "AND t.status = 'open' GROUP BY t.priority",
        (as_of.isoformat(),),
    ):
        by_priority[priority][1] = int(open_count)
        by_priority[priority][2] = int(overdue)
    due_in_period = database.execute_sql(
        f"SELECT count(*) FROM {_LIVE_TASKS} AND t.status = 'open' AND t.due_date BETWEEN ? AND ?",
        (period.start.isoformat(), period.end.isoformat()),
    ).fetchone()[0]

    by_kind_counts = dict.fromkeys(INTERACTION_KINDS, 0)
    interactions_by_day: dict[str, int] = {}
    for sql, sign in ((_ALL_INTERACTIONS, 1), (_TRASHED_INTERACTIONS, -1)):
        for kind, day, count in database.execute_sql(sql, (start, end)):
            by_kind_counts[kind] += sign * int(count)
            interactions_by_day[day] = interactions_by_day.get(day, 0) + sign * int(count)
    interactions = sum(by_kind_counts.values())

    by_bucket = []
    for bucket in buckets(period, grouping):
        first, last = bucket.first.isoformat(), bucket.last.isoformat()
        by_bucket.append(
            BucketActivity(
                bucket,
                sum(n for day, n in done_by_day.items() if first <= day <= last),
                sum(n for day, n in interactions_by_day.items() if first <= day <= last),
            )
        )
    priorities = [PriorityTasks(p, *by_priority[p]) for p in PRIORITIES]
    return ActivityReport(
        period=period,
        grouping=grouping,
        as_of=as_of,
        tasks_done=sum(p.done for p in priorities),
        tasks_open=sum(p.open for p in priorities),
        tasks_overdue=sum(p.overdue for p in priorities),
        tasks_due_in_period=int(due_in_period),
        by_priority=priorities,
        interactions=interactions,
        by_kind=[
            KindInteractions(kind, count, ratio(count, interactions))
            for kind, count in by_kind_counts.items()
        ],
        by_bucket=by_bucket,
    )
