"""The data layer: peewee models of the documented schema and the database file they live in.

Names are imported from their modules on first use (PEP 562), so that a light
submodule such as :mod:`crm_desktop.models.enums` does not pull in peewee and
every table: the window shows before the data layer has loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "database": "base",
    "APPLICATION_ID": "connection",
    "OpenedDatabase": "connection",
    "close_database": "connection",
    "database_path": "connection",
    "open_database": "connection",
    "SCHEMA_VERSION": "migrations",
    **{
        name: "tables"
        for name in (
            "ALL_MODELS", "DOCUMENTED_MODELS", "AuditLog", "Campaign", "CampaignMember", "Contact",
            "Customer", "CustomerSearch", "CustomerTag", "Deal", "Interaction", "OrderLine",
            "Product", "SalesOrder", "ServiceCase", "Setting", "Tag", "Task", "TrashItem",
            "ImportBatch", "ImportItem", "Quote", "QuoteLine", "Invoice", "InvoiceLine",
            "InvoiceTax", "Payment", "SELLING_MODELS",
        )
    },
}  # fmt: skip

__all__ = [
    "ALL_MODELS",
    "APPLICATION_ID",
    "DOCUMENTED_MODELS",
    "SCHEMA_VERSION",
    "SELLING_MODELS",
    "AuditLog",
    "Campaign",
    "CampaignMember",
    "Contact",
    "Customer",
    "CustomerSearch",
    "CustomerTag",
    "Deal",
    "ImportBatch",
    "ImportItem",
    "Interaction",
    "Invoice",
    "InvoiceLine",
    "InvoiceTax",
    "OpenedDatabase",
    "OrderLine",
    "Payment",
    "Product",
    "Quote",
    "QuoteLine",
    "SalesOrder",
    "ServiceCase",
    "Setting",
    "Tag",
    "Task",
    "TrashItem",
    "close_database",
    "database",
    "database_path",
    "open_database",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from crm_desktop.models.base import database
    from crm_desktop.models.connection import (
        APPLICATION_ID,
        OpenedDatabase,
        close_database,
        database_path,
        open_database,
    )
    from crm_desktop.models.migrations import SCHEMA_VERSION
    from crm_desktop.models.tables import (
        ALL_MODELS,
        DOCUMENTED_MODELS,
        SELLING_MODELS,
        AuditLog,
        Campaign,
        CampaignMember,
        Contact,
        Customer,
        CustomerSearch,
        CustomerTag,
        Deal,
        ImportBatch,
        ImportItem,
        Interaction,
        Invoice,
        InvoiceLine,
        InvoiceTax,
        OrderLine,
        Payment,
        Product,
        Quote,
        QuoteLine,
        SalesOrder,
        ServiceCase,
        Setting,
        Tag,
        Task,
        TrashItem,
    )
