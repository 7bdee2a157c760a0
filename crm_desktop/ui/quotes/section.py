"""The Quotes list: number, date, customer, status (expired shows as such), net total."""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import QUOTE_STATUSES
from crm_desktop.services import quotes
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices
from crm_desktop.ui.tables.formatting import label

# "Accepted" is set by "Accept quote" (it makes the order), not by the bulk status menu.
SETTABLE = tuple(status for status in QUOTE_STATUSES if status != "accepted")


def _style(row: dict[str, Any], key: str) -> str | None:
    status = row.get("status")
    if status == "expired" and key in ("status", "valid_until"):
        return "alert"
    if status in ("declined", "expired"):
        return "muted"
    return "good" if status == "accepted" and key == "status" else None


SECTION = Section(
    key="quotes",
    title="Quotes",
    entity="quote",
    noun="quote",
    plural="quotes",
    icon="quotes",
    columns=(
        ColumnSpec("number", "Number", 120),
        ColumnSpec("quote_date", "Date", 100),
        ColumnSpec("customer_name", "Customer", 230),
        ColumnSpec("status", "Status", 100),
        ColumnSpec("net_cents", "Net total", 120),
        ColumnSpec("valid_until", "Valid until", 100),
        ColumnSpec("deal_title", "Deal", 180),
        ColumnSpec("order_number", "Order", 120),
        ColumnSpec("notes", "Notes", 200, visible=False),
    ),
    filters=(
        FilterSpec("choice", "status", "Status", choices(QUOTE_STATUSES, label)),
        FilterSpec("dates", "date_from", "Date", to_key="date_to"),
    ),
    status=StatusSpec("Status", SETTABLE, quotes.set_status, "quote"),
    depends=frozenset({"quote", "customer", "deal", "sales_order"}),
    cell_style=_style,
)
