"""The Deals list (beside the pipeline board): what is being sold, its stage and its amount."""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import DEAL_STAGES
from crm_desktop.services import deals
from crm_desktop.services.clock import today
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices
from crm_desktop.ui.tables.formatting import label


def _style(row: dict[str, Any], key: str) -> str | None:
    stage = row.get("stage")
    if stage == "lost":
        return "muted"
    if stage == "won":
        return "good" if key == "stage" else None
    expected = row.get("expected_close")
    if key == "expected_close" and expected and expected < today().isoformat():
        return "alert"  # an open deal past its expected close
    return None


SECTION = Section(
    key="deals",
    title="Deals",
    entity="deal",
    noun="deal",
    plural="deals",
    icon="deals",
    columns=(
        ColumnSpec("title", width=240),
        ColumnSpec("customer_name", width=200),
        ColumnSpec("contact_name", width=150, visible=False),
        ColumnSpec("stage", width=100),
        ColumnSpec("amount_cents", width=110),
        ColumnSpec("probability", width=80),
        ColumnSpec("weighted_cents", width=110, visible=False),
        ColumnSpec("expected_close", width=110),
        ColumnSpec("closed_at", width=100, visible=False),
        ColumnSpec("lost_reason", width=160, visible=False),
    ),
    filters=(
        FilterSpec("choice", "stage", "Stage", choices(DEAL_STAGES, label), as_default=True),
        FilterSpec("flag", "open", "Open only"),
        FilterSpec("dates", "expected_from", "Expected close", to_key="expected_to"),
    ),
    status=StatusSpec("Stage", DEAL_STAGES, deals.set_stage, "deal"),
    depends=frozenset({"deal", "customer", "contact"}),
    cell_style=_style,
)
