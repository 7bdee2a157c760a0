"""The Contacts list: the people at every customer."""

from __future__ import annotations

from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section

SECTION = Section(
    key="contacts",
    title=QT_TR_NOOP("Contacts"),
    entity="contact",
    noun=QT_TR_NOOP("contact"),
    plural=QT_TR_NOOP("contacts"),
    icon="contacts",
    columns=(
        ColumnSpec("name", QT_TR_NOOP("Name"), 200),
        ColumnSpec("position", QT_TR_NOOP("Position"), 160),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 220),
        ColumnSpec("email", QT_TR_NOOP("Email"), 220),
        ColumnSpec("phone", QT_TR_NOOP("Phone"), 150),
        ColumnSpec("is_primary", QT_TR_NOOP("Primary contact"), 70),
    ),
    filters=(FilterSpec("flag", "is_primary", QT_TR_NOOP("Primary only")),),
    depends=frozenset({"contact", "customer"}),
)
