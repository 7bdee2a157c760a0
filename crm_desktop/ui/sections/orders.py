"""The Orders list: what was sold, when, to whom, and its exact total."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import orders
from crm_desktop.services.enums import ORDER_STATUSES
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices


def _style(row: dict[str, Any], key: str) -> str | None:
    return "muted" if row.get("status") in ("cancelled", "draft") else None


SECTION = Section(
    key="orders",
    title=QT_TR_NOOP("Orders"),
    entity="sales_order",
    noun=QT_TR_NOOP("order"),
    plural=QT_TR_NOOP("orders"),
    icon="orders",
    columns=(
        ColumnSpec("number", QT_TR_NOOP("Number"), 120),
        ColumnSpec("order_date", QT_TR_NOOP("Date"), 100),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 240),
        ColumnSpec("status", QT_TR_NOOP("Status"), 100),
        ColumnSpec("total_cents", QT_TR_NOOP("Total"), 120),
        ColumnSpec("line_count", QT_TR_NOOP("Lines"), 60),
        ColumnSpec("notes", QT_TR_NOOP("Notes"), 200, visible=False),
    ),
    filters=(
        FilterSpec(
            "choice",
            "status",
            QT_TR_NOOP("Status"),
            choices(ORDER_STATUSES),
            as_default=True,
        ),
        FilterSpec("dates", "date_from", QT_TR_NOOP("Date"), to_key="date_to"),
    ),
    status=StatusSpec(QT_TR_NOOP("Status"), ORDER_STATUSES, orders.set_status, "sales_order"),
    depends=frozenset({"sales_order", "customer"}),
    cell_style=_style,
)
