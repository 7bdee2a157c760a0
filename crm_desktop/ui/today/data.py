"""What the Today screen shows, read through the services' lists (runs off the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from crm_desktop.services import listing
from crm_desktop.services.clock import today
from crm_desktop.services.listing import ListQuery

Row = dict[str, Any]

# Lines per block: the screen is a summary; the lists hold the rest.
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


def load_today(limit: int = LIMIT) -> TodayData:
    """Read the Today screen's lines (a few list queries, newest data)."""
    day = today()
    data = TodayData(day)
    iso = day.isoformat()
    # Counts by COUNT(*) (no id lists); due today leads, then overdue newest first.
    due_today = ListQuery(
        filters={"status": "open", "due_from": iso, "due_to": iso}, sort="due_date"
    )
    overdue = ListQuery(filters={"overdue": True}, sort="due_date", descending=True)
    data.overdue = listing.count("task", overdue)
    data.task_total = listing.count("task", due_today) + data.overdue
    # Room is kept for the overdue group (a quarter of the lines), so that a busy day does
    # not hide that older work is waiting; today's tasks take the rest.
    kept_for_overdue = min(data.overdue, limit // 4)
    task_ids = listing.list_ids("task", due_today)[: limit - kept_for_overdue]
    if len(task_ids) < limit and data.overdue:
        task_ids += listing.list_ids("task", overdue)[: limit - len(task_ids)]
    data.tasks = listing.fetch_rows(
        "task", task_ids, ["title", "due_date", "priority", "customer_name", "status"]
    )
    # Deals closing in the coming days first, then the overdue ones newest first.
    coming = ListQuery(
        filters={"closing_within_days": CLOSING_DAYS, "expected_from": iso}, sort="expected_close"
    )
    yesterday = (day - timedelta(days=1)).isoformat()
    late = ListQuery(
        filters={"closing_within_days": CLOSING_DAYS, "expected_to": yesterday},
        sort="expected_close",
        descending=True,
    )
    data.deal_total = listing.count("deal", coming) + listing.count("deal", late)
    deal_ids = listing.list_ids("deal", coming)[:limit]
    if len(deal_ids) < limit:
        deal_ids += listing.list_ids("deal", late)[: limit - len(deal_ids)]
    data.deals = listing.fetch_rows(
        "deal",
        deal_ids,
        ["title", "customer_name", "stage", "amount_cents", "probability", "expected_close"],
    )
    since = (day - timedelta(days=RECENT_DAYS)).isoformat()
    interaction_ids = listing.list_ids(
        "interaction", ListQuery(filters={"from": since}, sort="occurred_at", descending=True)
    )
    data.interaction_total = len(interaction_ids)
    data.interactions = listing.fetch_rows(
        "interaction",
        interaction_ids[:limit],
        ["occurred_at", "kind", "subject", "customer_name", "customer_id"],
    )
    return data
