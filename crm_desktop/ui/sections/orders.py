"""The Orders list: what was sold, when, to whom, and its exact total."""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import ORDER_STATUSES
from crm_desktop.services import orders
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices
from crm_desktop.ui.tables.formatting import label


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
        ColumnSpec("number", width=120),
        ColumnSpec("order_date", width=100),
        ColumnSpec("customer_name", width=240),
        ColumnSpec("status", width=100),
        ColumnSpec("total_cents", width=120),
        ColumnSpec("line_count", width=60),
        ColumnSpec("notes", width=200, visible=False),
    ),
    filters=(
        FilterSpec("choice", "status", "Status", choices(ORDER_STATUSES, label), as_default=True),
        FilterSpec("dates", "date_from", "Date", to_key="date_to"),
    ),
    status=StatusSpec("Status", ORDER_STATUSES, orders.set_status, "sales_order"),
    depends=frozenset({"sales_order", "customer"}),
    cell_style=_style,
)
