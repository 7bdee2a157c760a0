"""The Customers list: companies and people, found by any part of a name, email or phone."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import customers
from crm_desktop.services.enums import CUSTOMER_KINDS, CUSTOMER_STATUSES
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices


def _style(row: dict[str, Any], key: str) -> str | None:
    return "muted" if row.get("status") == "inactive" else None


SECTION = Section(
    key="customers",
    title=QT_TR_NOOP("Customers"),
    entity="customer",
    noun=QT_TR_NOOP("customer"),
    plural=QT_TR_NOOP("customers"),
    icon="customers",
    columns=(
        ColumnSpec("name", QT_TR_NOOP("Name"), 240),
        ColumnSpec("status", QT_TR_NOOP("Status"), 80),
        ColumnSpec("kind", QT_TR_NOOP("Kind"), 80, visible=False),
        ColumnSpec("email", QT_TR_NOOP("Email"), 210),
        ColumnSpec("phone", QT_TR_NOOP("Phone"), 140),
        ColumnSpec("city", QT_TR_NOOP("City"), 110),
        ColumnSpec("country", QT_TR_NOOP("Country"), 100),
        ColumnSpec("tags", QT_TR_NOOP("Tags"), 140),
        ColumnSpec("primary_contact", QT_TR_NOOP("Primary contact"), 160, visible=False),
        ColumnSpec("source", QT_TR_NOOP("Source"), 110, visible=False),
        ColumnSpec("revenue_cents", QT_TR_NOOP("Revenue"), 110, visible=False),
        ColumnSpec("created_at", QT_TR_NOOP("Created"), 140, visible=False),
        ColumnSpec("updated_at", QT_TR_NOOP("Updated"), 140, visible=False),
        ColumnSpec("website", QT_TR_NOOP("Website"), 160, visible=False),
    ),
    filters=(
        FilterSpec(
            "choice",
            "status",
            QT_TR_NOOP("Status"),
            choices(CUSTOMER_STATUSES),
            as_default=True,
        ),
        FilterSpec("choice", "kind", QT_TR_NOOP("Kind"), choices(CUSTOMER_KINDS), as_default=True),
        FilterSpec("tags", "tag", QT_TR_NOOP("Tag")),
        FilterSpec("dates", "created_from", QT_TR_NOOP("Created"), to_key="created_to"),
    ),
    status=StatusSpec(QT_TR_NOOP("Status"), CUSTOMER_STATUSES, customers.set_status, "customer"),
    tags=True,
    depends=frozenset({"customer", "contact", "tag", "sales_order"}),
    cell_style=_style,
)
