"""The Products list: the price list and the stock."""

from __future__ import annotations

from typing import Any

from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section


def _style(row: dict[str, Any], key: str) -> str | None:
    return "muted" if not row.get("active") else None


SECTION = Section(
    key="products",
    title="Products",
    entity="product",
    noun="product",
    plural="products",
    icon="products",
    columns=(
        ColumnSpec("sku", width=110),
        ColumnSpec("name", width=260),
        ColumnSpec("unit_price_cents", width=110),
        ColumnSpec("stock_qty", width=80),
        ColumnSpec("active", width=70),
        ColumnSpec("description", width=300),
    ),
    filters=(FilterSpec("choice", "active", "Active", ((1, "Active"), (0, "Inactive"))),),
    depends=frozenset({"product"}),
    cell_style=_style,
)
