"""The Contacts list: the people at every customer."""

from __future__ import annotations

from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section

SECTION = Section(
    key="contacts",
    title="Contacts",
    entity="contact",
    noun="contact",
    plural="contacts",
    icon="contacts",
    columns=(
        ColumnSpec("name", "Name", 200),
        ColumnSpec("position", "Position", 160),
        ColumnSpec("customer_name", "Customer", 220),
        ColumnSpec("email", "Email", 220),
        ColumnSpec("phone", "Phone", 150),
        ColumnSpec("is_primary", "Primary", 70),
    ),
    filters=(FilterSpec("flag", "is_primary", "Primary only"),),
    depends=frozenset({"contact", "customer"}),
)
