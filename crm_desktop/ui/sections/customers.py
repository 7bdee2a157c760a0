"""The Customers list: companies and people, found by any part of a name, email or phone."""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import CUSTOMER_KINDS, CUSTOMER_STATUSES
from crm_desktop.services import customers
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices
from crm_desktop.ui.tables.formatting import label


def _style(row: dict[str, Any], key: str) -> str | None:
    return "muted" if row.get("status") == "inactive" else None


SECTION = Section(
    key="customers",
    title="Customers",
    entity="customer",
    noun="customer",
    plural="customers",
    icon="customers",
    columns=(
        ColumnSpec("name", width=240),
        ColumnSpec("status", width=80),
        ColumnSpec("kind", width=80, visible=False),
        ColumnSpec("email", width=210),
        ColumnSpec("phone", width=140),
        ColumnSpec("city", width=110),
        ColumnSpec("country", width=100),
        ColumnSpec("tags", width=140),
        ColumnSpec("primary_contact", width=160, visible=False),
        ColumnSpec("source", width=110, visible=False),
        ColumnSpec("revenue_cents", width=110, visible=False),
        ColumnSpec("created_at", width=140, visible=False),
        ColumnSpec("updated_at", width=140, visible=False),
        ColumnSpec("website", width=160, visible=False),
    ),
    filters=(
        FilterSpec(
            "choice", "status", "Status", choices(CUSTOMER_STATUSES, label), as_default=True
        ),
        FilterSpec("choice", "kind", "Kind", choices(CUSTOMER_KINDS, label), as_default=True),
        FilterSpec("tags", "tag", "Tag"),
        FilterSpec("dates", "created_from", "Created", to_key="created_to"),
    ),
    status=StatusSpec("Status", CUSTOMER_STATUSES, customers.set_status, "customer"),
    tags=True,
    depends=frozenset({"customer", "contact", "tag", "sales_order"}),
    cell_style=_style,
)
