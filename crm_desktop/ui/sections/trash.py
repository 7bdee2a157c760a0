"""The Trash list: what was deleted, ready to come back or to go for good."""

from __future__ import annotations

from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section

_ENTITIES = (
    ("customer", "Customers"),
    ("contact", "Contacts"),
    ("deal", "Deals"),
    ("sales_order", "Orders"),
    ("product", "Products"),
    ("task", "Tasks"),
    ("interaction", "Interactions"),
    ("campaign", "Campaigns"),
    ("service_case", "Service cases"),
)

SECTION = Section(
    key="trash",
    title="Trash",
    entity="trash_item",
    noun="record in the trash",
    plural="records in the trash",
    icon="trash",
    columns=(
        ColumnSpec("label", "Record", 320),
        ColumnSpec("entity", "Kind", 120),
        ColumnSpec("deleted_at", "Deleted", 160),
    ),
    filters=(FilterSpec("choice", "entity", "Kind", _ENTITIES),),
    can_create=False,
    can_trash=False,
    # Every deletion, restore and purge changes the trash; "*" is always included.
    depends=frozenset({"trash_item"}),
)
