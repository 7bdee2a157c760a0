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
    """Today's tasks (overdue first), deals closing soon and recent interactions."""

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
    task_ids = listing.list_ids(
        "task",
        ListQuery(filters={"status": "open", "due_to": day.isoformat()}, sort="due_date"),
    )
    data.task_total = len(task_ids)
    data.overdue = len(listing.list_ids("task", ListQuery(filters={"overdue": True})))
    data.tasks = listing.fetch_rows(
        "task", task_ids[:limit], ["title", "due_date", "priority", "customer_name", "status"]
    )
    deal_ids = listing.list_ids(
        "deal",
        ListQuery(filters={"closing_within_days": CLOSING_DAYS}, sort="expected_close"),
    )
    data.deal_total = len(deal_ids)
    data.deals = listing.fetch_rows(
        "deal",
        deal_ids[:limit],
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
