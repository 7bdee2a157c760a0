"""The Invoices and Payments lists.

An invoice's state (open, partly paid, overdue, paid, cancelled) is the
database's (:mod:`crm_desktop.services.selling_lists`); overdue rows stand
out. Invoices are never deleted (Delete says why); payments go to the trash.
"""

from __future__ import annotations

from typing import Any

from crm_desktop.services.enums import INVOICE_KINDS, INVOICE_STATES, PAYMENT_METHODS
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import ColumnSpec, FilterSpec, Section, choices


def _invoice_style(row: dict[str, Any], key: str) -> str | None:
    state = row.get("state")
    if state == "overdue" and key in ("state", "due_date", "balance_cents"):
        return "alert"
    if state in ("cancelled", "credit_note"):
        return "muted"
    return "good" if state == "paid" and key == "state" else None


INVOICES = Section(
    key="invoices",
    title=QT_TR_NOOP("Invoices"),
    entity="invoice",
    noun=QT_TR_NOOP("invoice"),
    plural=QT_TR_NOOP("invoices"),
    icon="invoices",
    columns=(
        ColumnSpec("number", QT_TR_NOOP("Number"), 130),
        ColumnSpec("issue_date", QT_TR_NOOP("Issued"), 100),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 220),
        ColumnSpec("state", QT_TR_NOOP("State"), 100),
        ColumnSpec("due_date", QT_TR_NOOP("Due"), 100),
        ColumnSpec("gross_cents", QT_TR_NOOP("Total"), 110),
        ColumnSpec("paid_cents", QT_TR_NOOP("Paid"), 110),
        ColumnSpec("balance_cents", QT_TR_NOOP("Balance"), 110),
        ColumnSpec("net_cents", QT_TR_NOOP("Net"), 110, visible=False),
        ColumnSpec("tax_cents", QT_TR_NOOP("Tax"), 100, visible=False),
        ColumnSpec("kind", QT_TR_NOOP("Kind"), 100, visible=False),
        ColumnSpec("order_number", QT_TR_NOOP("Order"), 120),
    ),
    filters=(
        FilterSpec(
            "choice", "state", QT_TR_NOOP("State"), choices((*INVOICE_STATES, "credit_note"))
        ),
        FilterSpec("choice", "kind", QT_TR_NOOP("Kind"), choices(INVOICE_KINDS)),
        FilterSpec("flag", "unpaid", QT_TR_NOOP("Unpaid only")),
        FilterSpec("dates", "date_from", QT_TR_NOOP("Issued"), to_key="date_to"),
    ),
    can_create=False,  # an invoice is issued from its order ("Issue invoice")
    can_trash=True,  # Delete explains that an issued invoice stays
    depends=frozenset({"invoice", "payment", "customer", "sales_order"}),
    cell_style=_invoice_style,
)

PAYMENTS = Section(
    key="payments",
    title=QT_TR_NOOP("Payments"),
    entity="payment",
    noun=QT_TR_NOOP("payment"),
    plural=QT_TR_NOOP("payments"),
    icon="payments",
    columns=(
        ColumnSpec("paid_on", QT_TR_NOOP("Paid on"), 100),
        ColumnSpec("amount_cents", QT_TR_NOOP("Amount"), 120),
        ColumnSpec("method", QT_TR_NOOP("Method"), 120),
        ColumnSpec("invoice_number", QT_TR_NOOP("Invoice"), 130),
        ColumnSpec("customer_name", QT_TR_NOOP("Customer"), 220),
        ColumnSpec("note", QT_TR_NOOP("Note"), 220),
    ),
    filters=(
        FilterSpec("choice", "method", QT_TR_NOOP("Method"), choices(PAYMENT_METHODS)),
        FilterSpec("dates", "date_from", QT_TR_NOOP("Paid"), to_key="date_to"),
    ),
    can_create=False,  # a payment is recorded against an invoice ("Record payment")
    depends=frozenset({"payment", "invoice", "customer"}),
)
