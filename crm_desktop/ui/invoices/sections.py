"""The Invoices and Payments lists.

An invoice's state (open, partly paid, overdue, paid, cancelled) is the
database's (:mod:`crm_desktop.services.selling_lists`); overdue rows stand
out. Invoices are never deleted (Delete says why); payments go to the trash.
"""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import INVOICE_KINDS, INVOICE_STATES, PAYMENT_METHODS
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices
from crm_desktop.ui.tables.formatting import label


def _invoice_style(row: dict[str, Any], key: str) -> str | None:
    state = row.get("state")
    if state == "overdue" and key in ("state", "due_date", "balance_cents"):
        return "alert"
    if state in ("cancelled", "credit_note"):
        return "muted"
    return "good" if state == "paid" and key == "state" else None


INVOICES = Section(
    key="invoices",
    title="Invoices",
    entity="invoice",
    noun="invoice",
    plural="invoices",
    icon="invoices",
    columns=(
        ColumnSpec("number", "Number", 130),
        ColumnSpec("issue_date", "Issued", 100),
        ColumnSpec("customer_name", "Customer", 220),
        ColumnSpec("state", "State", 100),
        ColumnSpec("due_date", "Due", 100),
        ColumnSpec("gross_cents", "Total", 110),
        ColumnSpec("paid_cents", "Paid", 110),
        ColumnSpec("balance_cents", "Balance", 110),
        ColumnSpec("net_cents", "Net", 110, visible=False),
        ColumnSpec("tax_cents", "Tax", 100, visible=False),
        ColumnSpec("kind", "Kind", 100, visible=False),
        ColumnSpec("order_number", "Order", 120),
    ),
    filters=(
        FilterSpec("choice", "state", "State", choices((*INVOICE_STATES, "credit_note"), label)),
        FilterSpec("choice", "kind", "Kind", choices(INVOICE_KINDS, label)),
        FilterSpec("flag", "unpaid", "Unpaid only"),
        FilterSpec("dates", "date_from", "Issued", to_key="date_to"),
    ),
    can_create=False,  # an invoice is issued from its order ("Issue invoice")
    can_trash=True,  # Delete explains that an issued invoice stays
    depends=frozenset({"invoice", "payment", "customer", "sales_order"}),
    cell_style=_invoice_style,
)

PAYMENTS = Section(
    key="payments",
    title="Payments",
    entity="payment",
    noun="payment",
    plural="payments",
    icon="payments",
    columns=(
        ColumnSpec("paid_on", "Paid on", 100),
        ColumnSpec("amount_cents", "Amount", 120),
        ColumnSpec("method", "Method", 120),
        ColumnSpec("invoice_number", "Invoice", 130),
        ColumnSpec("customer_name", "Customer", 220),
        ColumnSpec("note", "Note", 220),
    ),
    filters=(
        FilterSpec("choice", "method", "Method", choices(PAYMENT_METHODS, label)),
        FilterSpec("dates", "date_from", "Paid", to_key="date_to"),
    ),
    can_create=False,  # a payment is recorded against an invoice ("Record payment")
    depends=frozenset({"payment", "invoice", "customer"}),
)
