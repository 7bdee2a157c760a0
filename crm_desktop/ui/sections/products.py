"""The Products list: the price list and the stock."""

from __future__ import annotations

from typing import Any

from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section


def _style(row: dict[str, Any], key: str) -> str | None:
    return "muted" if not row.get("active") else None


SECTION = Section(
    key="products",
    title=QT_TR_NOOP("Products"),
    entity="product",
    noun=QT_TR_NOOP("product"),
    plural=QT_TR_NOOP("products"),
    icon="products",
    columns=(
        ColumnSpec("sku", "SKU", 110),
        ColumnSpec("name", QT_TR_NOOP("Name"), 260),
        ColumnSpec("unit_price_cents", QT_TR_NOOP("Unit price"), 110),
        ColumnSpec("stock_qty", QT_TR_NOOP("Stock"), 80),
        ColumnSpec("active", QT_TR_NOOP("Active"), 70),
        ColumnSpec("description", QT_TR_NOOP("Description"), 300),
    ),
    filters=(
        FilterSpec("choice", "active", QT_TR_NOOP("Active"), ((1, "Active"), (0, "Inactive"))),
    ),
    depends=frozenset({"product"}),
    cell_style=_style,
)
