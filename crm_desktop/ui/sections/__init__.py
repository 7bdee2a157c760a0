"""The list sections of the sidebar, one small module each: which columns, which filters.

:data:`LIST_SECTIONS` is in sidebar order (Ctrl+2… follow it, after Today).
"""

from __future__ import annotations

from crm_desktop.ui.sections import (
    campaigns,
    contacts,
    customers,
    deals,
    interactions,
    orders,
    products,
    service_cases,
    tasks,
    trash,
)
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, StatusSpec

LIST_SECTIONS: tuple[Section, ...] = (
    customers.SECTION,
    contacts.SECTION,
    deals.SECTION,
    orders.SECTION,
    products.SECTION,
    tasks.SECTION,
    interactions.SECTION,
    campaigns.SECTION,
    service_cases.SECTION,
)
TRASH = trash.SECTION
BY_ENTITY = {section.entity: section for section in (*LIST_SECTIONS, TRASH)}

__all__ = [
    "BY_ENTITY",
    "LIST_SECTIONS",
    "TRASH",
    "ColumnSpec",
    "FilterSpec",
    "Section",
    "StatusSpec",
]
