"""The Campaigns list: marketing activities, their dates, budgets and members."""

from __future__ import annotations

from crm_desktop.services.enums import CAMPAIGN_KINDS
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices

SECTION = Section(
    key="campaigns",
    title=QT_TR_NOOP("Campaigns"),
    entity="campaign",
    noun=QT_TR_NOOP("campaign"),
    plural=QT_TR_NOOP("campaigns"),
    icon="campaigns",
    columns=(
        ColumnSpec("name", QT_TR_NOOP("Name"), 260),
        ColumnSpec("kind", QT_TR_NOOP("Kind"), 100),
        ColumnSpec("start_date", QT_TR_NOOP("Start"), 100),
        ColumnSpec("end_date", QT_TR_NOOP("End"), 100),
        ColumnSpec("location", QT_TR_NOOP("Location"), 160),
        ColumnSpec("budget_cents", QT_TR_NOOP("Budget"), 110),
        ColumnSpec("member_count", QT_TR_NOOP("Members"), 80),
    ),
    filters=(
        FilterSpec("choice", "kind", QT_TR_NOOP("Kind"), choices(CAMPAIGN_KINDS), as_default=True),
    ),
    depends=frozenset({"campaign", "campaign_member", "customer"}),
)
