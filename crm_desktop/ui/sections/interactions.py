"""The Interactions list: every call, meeting, email, note and visit, newest first."""

from __future__ import annotations

from crm_desktop.services.enums import INTERACTION_KINDS
from crm_desktop.ui.formats import label
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices

SECTION = Section(
    key="interactions",
    title="Interactions",
    entity="interaction",
    noun="interaction",
    plural="interactions",
    icon="interactions",
    columns=(
        ColumnSpec("occurred_at", "When", 140),
        ColumnSpec("kind", "Kind", 80),
        ColumnSpec("subject", "Subject", 280),
        ColumnSpec("customer_name", "Customer", 200),
        ColumnSpec("contact_name", "Contact", 150),
        ColumnSpec("notes", "Notes", 260, visible=False),
    ),
    filters=(
        FilterSpec("choice", "kind", "Kind", choices(INTERACTION_KINDS, label), as_default=True),
        FilterSpec("dates", "from", "When", to_key="to"),
    ),
    depends=frozenset({"interaction", "customer", "contact"}),
)
