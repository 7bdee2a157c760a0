"""The Trash list: what was deleted, ready to come back or to go for good."""

from __future__ import annotations

from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section

_ENTITIES = (
    ("customer", QT_TR_NOOP("Customers")),
    ("contact", QT_TR_NOOP("Contacts")),
    ("deal", QT_TR_NOOP("Deals")),
    ("sales_order", QT_TR_NOOP("Orders")),
    ("product", QT_TR_NOOP("Products")),
    ("task", QT_TR_NOOP("Tasks")),
    ("interaction", QT_TR_NOOP("Interactions")),
    ("campaign", QT_TR_NOOP("Campaigns")),
    ("service_case", QT_TR_NOOP("Service cases")),
)

SECTION = Section(
    key="trash",
    title=QT_TR_NOOP("Trash"),
    entity="trash_item",
    noun=QT_TR_NOOP("record in the trash"),
    plural=QT_TR_NOOP("records in the trash"),
    icon="trash",
    columns=(
        ColumnSpec("label", QT_TR_NOOP("Record"), 320),
        ColumnSpec("entity", QT_TR_NOOP("Kind"), 120),
        ColumnSpec("deleted_at", QT_TR_NOOP("Deleted"), 160),
    ),
    filters=(FilterSpec("choice", "entity", QT_TR_NOOP("Kind"), _ENTITIES),),
    can_create=False,
    can_trash=False,
    # Every deletion, restore and purge changes the trash; "*" is always included.
    depends=frozenset({"trash_item"}),
)
