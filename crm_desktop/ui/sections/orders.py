"""The Orders list: what was sold, when, to whom, and its exact total."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import orders
from crm_desktop.services.enums import ORDER_STATUSES
from crm_desktop.ui.formats import label
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices


def _style(row: dict[str, Any], key: str) -> str | None:
    return "muted" if row.get("status") in ("cancelled", "draft") else None


SECTION = Section(
    key="orders",
    title="Orders",
    entity="sales_order",
    noun="order",
    plural="orders",
    icon="orders",
    columns=(
        ColumnSpec("number", "Number", 120),
        ColumnSpec("order_date", "Date", 100),
        ColumnSpec("customer_name", "Customer", 240),
        ColumnSpec("status", "Status", 100),
        ColumnSpec("total_cents", "Total", 120),
        ColumnSpec("line_count", "Lines", 60),
        ColumnSpec("notes", "Notes", 200, visible=False),
    ),
    filters=(
        FilterSpec("choice", "status", "Status", choices(ORDER_STATUSES, label), as_default=True),
        FilterSpec("dates", "date_from", "Date", to_key="date_to"),
    ),
    status=StatusSpec("Status", ORDER_STATUSES, orders.set_status, "sales_order"),
    depends=frozenset({"sales_order", "customer"}),
    cell_style=_style,
)
