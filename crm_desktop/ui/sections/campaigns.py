"""The Campaigns list: marketing activities, their dates, budgets and members."""

from __future__ import annotations

from crm_desktop.models.enums import CAMPAIGN_KINDS
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices
from crm_desktop.ui.tables.formatting import label

SECTION = Section(
    key="campaigns",
    title="Campaigns",
    entity="campaign",
    noun="campaign",
    plural="campaigns",
    icon="campaigns",
    columns=(
        ColumnSpec("name", width=260),
        ColumnSpec("kind", width=100),
        ColumnSpec("start_date", width=100),
        ColumnSpec("end_date", width=100),
        ColumnSpec("location", width=160),
        ColumnSpec("budget_cents", width=110),
        ColumnSpec("member_count", width=80),
    ),
    filters=(
        FilterSpec("choice", "kind", "Kind", choices(CAMPAIGN_KINDS, label), as_default=True),
    ),
    depends=frozenset({"campaign", "campaign_member", "customer"}),
)
