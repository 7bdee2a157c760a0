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
        ColumnSpec("name", width=200),
        ColumnSpec("position", width=160),
        ColumnSpec("customer_name", width=220),
        ColumnSpec("email", width=220),
        ColumnSpec("phone", width=150),
        ColumnSpec("is_primary", width=70),
    ),
    filters=(FilterSpec("flag", "is_primary", "Primary only"),),
    depends=frozenset({"contact", "customer"}),
)
