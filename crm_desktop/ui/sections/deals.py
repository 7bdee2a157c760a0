"""The Deals list (beside the pipeline board): what is being sold, its stage and its amount."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import deals
from crm_desktop.services.clock import today
from crm_desktop.services.enums import DEAL_STAGES
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec, choices


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
    title=QT_TR_NOOP("Deals"),
    entity="deal",
    noun=QT_TR_NOOP("deal"),
    plural=QT_TR_NOOP("deals"),
    icon="deals",
    columns=(
        ColumnSpec("title", QT_TR_NOOP("Title"), 240),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 200),
        ColumnSpec("contact_name", QT_TR_NOOP("Contact"), 150, visible=False),
        ColumnSpec("stage", QT_TR_NOOP("Stage"), 100),
        ColumnSpec("amount_cents", QT_TR_NOOP("Amount"), 110),
        ColumnSpec("probability", QT_TR_NOOP("Probability"), 80),
        ColumnSpec("weighted_cents", QT_TR_NOOP("Weighted amount"), 110, visible=False),
        ColumnSpec("expected_close", QT_TR_NOOP("Expected close"), 110),
        ColumnSpec("closed_at", QT_TR_NOOP("Closed"), 100, visible=False),
        ColumnSpec("lost_reason", QT_TR_NOOP("Lost reason"), 160, visible=False),
    ),
    filters=(
        FilterSpec("choice", "stage", QT_TR_NOOP("Stage"), choices(DEAL_STAGES), as_default=True),
        FilterSpec("flag", "open", QT_TR_NOOP("Open only")),
        FilterSpec("dates", "expected_from", QT_TR_NOOP("Expected close"), to_key="expected_to"),
    ),
    status=StatusSpec(QT_TR_NOOP("Stage"), DEAL_STAGES, deals.set_stage, "deal"),
    depends=frozenset({"deal", "customer", "contact"}),
    cell_style=_style,
)
