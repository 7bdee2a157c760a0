"""The Service cases list: questions, complaints, repairs, warranty claims and returns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crm_desktop.models.enums import SERVICE_CASE_KINDS, SERVICE_CASE_STATUSES
from crm_desktop.services import records
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices
from crm_desktop.ui.tables.formatting import label


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
    title="Service cases",
    entity="service_case",
    noun="service case",
    plural="service cases",
    icon="service",
    columns=(
        ColumnSpec("subject", width=260),
        ColumnSpec("kind", width=90),
        ColumnSpec("status", width=100),
        ColumnSpec("priority", width=80),
        ColumnSpec("customer_name", width=200),
        ColumnSpec("product_name", width=160),
        ColumnSpec("opened_at", width=140),
        ColumnSpec("resolved_at", width=140, visible=False),
        ColumnSpec("cost_cents", width=100, visible=False),
    ),
    filters=(
        FilterSpec(
            "choice", "status", "Status", choices(SERVICE_CASE_STATUSES, label), as_default=True
        ),
        FilterSpec("choice", "kind", "Kind", choices(SERVICE_CASE_KINDS, label), as_default=True),
        FilterSpec("flag", "open", "Open only"),
    ),
    status=StatusSpec("Status", SERVICE_CASE_STATUSES, _set_status, "service_case"),
    depends=frozenset({"service_case", "customer", "product"}),
    cell_style=_style,
)
