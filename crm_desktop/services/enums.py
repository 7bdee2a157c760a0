"""The closed lists of values (kinds, statuses, stages, methods) the screens offer.

The database's CHECK constraints are built from :mod:`crm_desktop.models.enums`; the UI
and the CLI reach them here, through the services layer, never from the models.
"""

from __future__ import annotations

from crm_desktop.models.enums import (
    ACTIVE_QUOTE_STATUSES,
    AUDIT_ACTIONS,
    CAMPAIGN_KINDS,
    CAMPAIGN_MEMBER_STATUSES,
    CLOSED_DEAL_STAGES,
    CUSTOMER_KINDS,
    CUSTOMER_STATUSES,
    DEAL_STAGE_PROBABILITY,
    DEAL_STAGES,
    INTERACTION_KINDS,
    INVOICE_KINDS,
    INVOICE_STATES,
    OPEN_DEAL_STAGES,
    ORDER_STATUSES,
    PAYMENT_METHODS,
    PRIORITIES,
    QUOTE_STATUSES,
    REVENUE_ORDER_STATUSES,
    SERVICE_CASE_KINDS,
    SERVICE_CASE_STATUSES,
    TASK_STATUSES,
    TAX_ROUNDINGS,
)

__all__ = [
    "ACTIVE_QUOTE_STATUSES",
    "AUDIT_ACTIONS",
    "CAMPAIGN_KINDS",
    "CAMPAIGN_MEMBER_STATUSES",
    "CLOSED_DEAL_STAGES",
    "CUSTOMER_KINDS",
    "CUSTOMER_STATUSES",
    "DEAL_STAGES",
    "DEAL_STAGE_PROBABILITY",
    "INTERACTION_KINDS",
    "INVOICE_KINDS",
    "INVOICE_STATES",
    "OPEN_DEAL_STAGES",
    "ORDER_STATUSES",
    "PAYMENT_METHODS",
    "PRIORITIES",
    "QUOTE_STATUSES",
    "REVENUE_ORDER_STATUSES",
    "SERVICE_CASE_KINDS",
    "SERVICE_CASE_STATUSES",
    "TASK_STATUSES",
    "TAX_ROUNDINGS",
]
