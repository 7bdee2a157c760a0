"""The Campaigns list: marketing activities, their dates, budgets and members."""

from __future__ import annotations

from crm_desktop.services.enums import CAMPAIGN_KINDS
from crm_desktop.ui.formats import label
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices

SECTION = Section(
    key="campaigns",
    title="Campaigns",
    entity="campaign",
    noun="campaign",
    plural="campaigns",
    icon="campaigns",
    columns=(
        ColumnSpec("name", "Name", 260),
        ColumnSpec("kind", "Kind", 100),
        ColumnSpec("start_date", "Starts", 100),
        ColumnSpec("end_date", "Ends", 100),
        ColumnSpec("location", "Location", 160),
        ColumnSpec("budget_cents", "Budget", 110),
        ColumnSpec("member_count", "Members", 80),
    ),
    filters=(
        FilterSpec("choice", "kind", "Kind", choices(CAMPAIGN_KINDS, label), as_default=True),
    ),
    depends=frozenset({"campaign", "campaign_member", "customer"}),
)
