"""The Service cases list: questions, complaints, repairs, warranty claims and returns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crm_desktop.services import records
from crm_desktop.services.enums import SERVICE_CASE_KINDS, SERVICE_CASE_STATUSES
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices


def _set_status(case_ids: Sequence[int], status: str) -> dict[int, dict[str, list[Any]]]:
    return records.update_many(records.entity("service_case"), case_ids, {"status": status})


def _style(row: dict[str, Any], key: str) -> str | None:
    if row.get("status") in ("resolved", "closed"):
        return "muted"
    if key == "priority" and row.get("priority") in ("high", "urgent"):
        return "alert"
    return None


SECTION = Section(
    key="service_cases",
    title=QT_TR_NOOP("Service cases"),
    entity="service_case",
    noun=QT_TR_NOOP("service case"),
    plural=QT_TR_NOOP("service cases"),
    icon="service",
    columns=(
        ColumnSpec("subject", QT_TR_NOOP("Subject"), 260),
        ColumnSpec("kind", QT_TR_NOOP("Kind"), 90),
        ColumnSpec("status", QT_TR_NOOP("Status"), 100),
        ColumnSpec("priority", QT_TR_NOOP("Priority"), 80),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 200),
        ColumnSpec("product_name", QT_TR_NOOP("Product"), 160),
        ColumnSpec("opened_at", QT_TR_NOOP("Opened"), 140),
        ColumnSpec("resolved_at", QT_TR_NOOP("Resolved"), 140, visible=False),
        ColumnSpec("cost_cents", QT_TR_NOOP("Cost"), 100, visible=False),
    ),
    filters=(
        FilterSpec(
            "choice",
            "status",
            QT_TR_NOOP("Status"),
            choices(SERVICE_CASE_STATUSES),
            as_default=True,
        ),
        FilterSpec(
            "choice",
            "kind",
            QT_TR_NOOP("Kind"),
            choices(SERVICE_CASE_KINDS),
            as_default=True,
        ),
        FilterSpec("flag", "open", QT_TR_NOOP("Open only")),
    ),
    status=StatusSpec(QT_TR_NOOP("Status"), SERVICE_CASE_STATUSES, _set_status, "service_case"),
    depends=frozenset({"service_case", "customer", "product"}),
    cell_style=_style,
)
