"""The Interactions list: every call, meeting, email, note and visit, newest first."""

from __future__ import annotations

from crm_desktop.models.enums import INTERACTION_KINDS
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices
from crm_desktop.ui.tables.formatting import label

SECTION = Section(
    key="interactions",
    title="Interactions",
    entity="interaction",
    noun="interaction",
    plural="interactions",
    icon="interactions",
    columns=(
        ColumnSpec("occurred_at", width=140),
        ColumnSpec("kind", width=80),
        ColumnSpec("subject", width=280),
        ColumnSpec("customer_name", width=200),
        ColumnSpec("contact_name", width=150),
        ColumnSpec("notes", width=260, visible=False),
    ),
    filters=(
        FilterSpec("choice", "kind", "Kind", choices(INTERACTION_KINDS, label), as_default=True),
        FilterSpec("dates", "from", "When", to_key="to"),
    ),
    depends=frozenset({"interaction", "customer", "contact"}),
)
