"""The Interactions list: every call, meeting, email, note and visit, newest first."""

from __future__ import annotations

from crm_desktop.services.enums import INTERACTION_KINDS
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices

SECTION = Section(
    key="interactions",
    title=QT_TR_NOOP("Interactions"),
    entity="interaction",
    noun=QT_TR_NOOP("interaction"),
    plural=QT_TR_NOOP("interactions"),
    icon="interactions",
    columns=(
        ColumnSpec("occurred_at", QT_TR_NOOP("When"), 140),
        ColumnSpec("kind", QT_TR_NOOP("Kind"), 80),
        ColumnSpec("subject", QT_TR_NOOP("Subject"), 280),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 200),
        ColumnSpec("contact_name", QT_TR_NOOP("Contact"), 150),
        ColumnSpec("notes", QT_TR_NOOP("Notes"), 260, visible=False),
    ),
    filters=(
        FilterSpec(
            "choice", "kind", QT_TR_NOOP("Kind"), choices(INTERACTION_KINDS), as_default=True
        ),
        FilterSpec("dates", "from", QT_TR_NOOP("When"), to_key="to"),
    ),
    depends=frozenset({"interaction", "customer", "contact"}),
)
