"""The Quotes list: number, date, customer, status (expired shows as such), net total."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import quotes
from crm_desktop.services.enums import QUOTE_STATUSES
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices

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
    title=QT_TR_NOOP("Quotes"),
    entity="quote",
    noun=QT_TR_NOOP("quote"),
    plural=QT_TR_NOOP("quotes"),
    icon="quotes",
    columns=(
        ColumnSpec("number", QT_TR_NOOP("Number"), 120),
        ColumnSpec("quote_date", QT_TR_NOOP("Date"), 100),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 230),
        ColumnSpec("status", QT_TR_NOOP("Status"), 100),
        ColumnSpec("net_cents", QT_TR_NOOP("Net total"), 120),
        ColumnSpec("valid_until", QT_TR_NOOP("Valid until"), 100),
        ColumnSpec("deal_title", QT_TR_NOOP("Deal"), 180),
        ColumnSpec("order_number", QT_TR_NOOP("Order"), 120),
        ColumnSpec("notes", QT_TR_NOOP("Notes"), 200, visible=False),
    ),
    filters=(
        FilterSpec("choice", "status", QT_TR_NOOP("Status"), choices(QUOTE_STATUSES)),
        FilterSpec("dates", "date_from", QT_TR_NOOP("Date"), to_key="date_to"),
    ),
    status=StatusSpec(QT_TR_NOOP("Status"), SETTABLE, quotes.set_status, "quote"),
    depends=frozenset({"quote", "customer", "deal", "sales_order"}),
    cell_style=_style,
)
