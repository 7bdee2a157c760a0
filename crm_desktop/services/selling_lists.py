"""The lists of quotes, invoices and payments, declared like the others in :mod:`.listing`.

A quote's status and an invoice's state depend on today (expired, overdue):
the SQL asks ``crm_today()``, a function this module gives the database that
returns :func:`crm_desktop.services.clock.today`, so lists, reports and the
services agree on what today is.
"""

from __future__ import annotations

from crm_desktop.models import database
from crm_desktop.models.enums import INVOICE_KINDS, INVOICE_STATES, PAYMENT_METHODS, QUOTE_STATUSES
from crm_desktop.services import clock
from crm_desktop.services.invoices import PAID_SQL, state_sql
from crm_desktop.services.listing import (
    Column,
    ListSpec,
    enum,
    equals,
    flag,
    folded_search,
    on_or_after,
    plain,
    register_list,
    text,
    up_to,
)
from crm_desktop.services.taxes import line_net_sql


def _today_sql() -> str:
    return clock.today().isoformat()


database.register_function(_today_sql, "crm_today", 0)

QUOTE_STATUS_SQL = (
    "(CASE WHEN q.status IN ('draft', 'sent') AND q.valid_until < crm_today() "
    "THEN 'expired' ELSE q.status END)"
)
QUOTE_NET_SQL = (
    f"(SELECT coalesce(sum({line_net_sql('ql')}), 0) FROM quote_line ql WHERE ql.quote_id = q.id)"
)
INVOICE_STATE_SQL = state_sql("crm_today()")
BALANCE_SQL = (
    f"(CASE WHEN i.kind = 'credit_note' OR EXISTS (SELECT 1 FROM invoice c "
    f"WHERE c.credited_invoice_id = i.id) THEN 0 ELSE i.gross_cents - {PAID_SQL} END)"
)


register_list(
    ListSpec(
        entity="quote",
        id_sql="q.id",
        # LEFT JOIN: a quote whose customer another tool deleted (foreign keys off) is listed
        # with an empty customer, as the other lists and the export show such rows.
        from_sql=(
            "quote q LEFT JOIN customer c ON c.id = q.customer_id "
            "LEFT JOIN deal d ON d.id = q.deal_id"
        ),
        base_where="c.deleted_at IS NULL",
        columns=(
            plain("number", "q.number", "text", nullable=False),
            plain("quote_date", "q.quote_date", "date", nullable=False),
            Column("customer_name", "c.name", "text", "crm_sort_key(c.name)", nullable=False),
            enum("status", QUOTE_STATUS_SQL, QUOTE_STATUSES),
            plain("net_cents", QUOTE_NET_SQL, "money", nullable=False),
            plain("valid_until", "q.valid_until", "date"),
            text("deal_title", "d.title"),
            plain(
                "order_number",
                "(SELECT number FROM sales_order WHERE id = q.order_id)",
                "text",
                sortable=False,
            ),
            text("notes", "substr(q.notes, 1, 300)", sortable=False),
            plain("customer_id", "q.customer_id", "int", sortable=False),
        ),
        default_sort="quote_date",
        default_descending=True,
        search=folded_search("q.number", "c.name", "d.title"),
        filters={
            "status": equals(QUOTE_STATUS_SQL),
            "customer_id": equals("q.customer_id"),
            "deal_id": equals("q.deal_id"),
            "date_from": on_or_after("q.quote_date"),
            "date_to": up_to("q.quote_date"),
        },
    )
)

register_list(
    ListSpec(
        entity="invoice",
        id_sql="i.id",
        from_sql="invoice i LEFT JOIN customer c ON c.id = i.customer_id",
        base_where="(i.customer_id IS NULL OR c.deleted_at IS NULL)",
        columns=(
            plain("number", "i.number", "text", nullable=False),
            enum("kind", "i.kind", INVOICE_KINDS),
            plain("issue_date", "i.issue_date", "date", nullable=False),
            Column("customer_name", "i.buyer_name", "text", "crm_sort_key(i.buyer_name)", False),
            enum("state", INVOICE_STATE_SQL, (*INVOICE_STATES, "credit_note")),
            plain("due_date", "i.due_date", "date"),
            plain("gross_cents", "i.gross_cents", "money", nullable=False),
            plain("paid_cents", PAID_SQL, "money", nullable=False),
            plain("balance_cents", BALANCE_SQL, "money", nullable=False),
            plain("net_cents", "i.net_cents", "money", nullable=False),
            plain("tax_cents", "i.tax_cents", "money", nullable=False),
            plain(
                "order_number",
                "(SELECT number FROM sales_order WHERE id = i.order_id)",
                "text",
                sortable=False,
            ),
            plain("customer_id", "i.customer_id", "int", sortable=False),
        ),
        default_sort="issue_date",
        default_descending=True,
        search=folded_search("i.number", "i.buyer_name", "c.name"),
        filters={
            "state": equals(INVOICE_STATE_SQL),
            "kind": equals("i.kind"),
            "customer_id": equals("i.customer_id"),
            "order_id": equals("i.order_id"),
            "date_from": on_or_after("i.issue_date"),
            "date_to": up_to("i.issue_date"),
            "unpaid": flag(f"{BALANCE_SQL} > 0"),
            "overdue": flag(f"{BALANCE_SQL} > 0 AND i.due_date < crm_today()"),
        },
    )
)

register_list(
    ListSpec(
        entity="payment",
        id_sql="p.id",
        from_sql=(
            "payment p JOIN invoice i ON i.id = p.invoice_id "
            "LEFT JOIN customer c ON c.id = i.customer_id"
        ),
        base_where="(i.customer_id IS NULL OR c.deleted_at IS NULL)",
        columns=(
            plain("paid_on", "p.paid_on", "date", nullable=False),
            plain("amount_cents", "p.amount_cents", "money", nullable=False),
            enum("method", "p.method", PAYMENT_METHODS),
            plain("invoice_number", "i.number", "text", nullable=False),
            Column("customer_name", "i.buyer_name", "text", "crm_sort_key(i.buyer_name)", False),
            text("note", "substr(p.note, 1, 300)", sortable=False),
            plain("invoice_id", "p.invoice_id", "int", sortable=False),
            plain("customer_id", "i.customer_id", "int", sortable=False),
        ),
        default_sort="paid_on",
        default_descending=True,
        search=folded_search("i.number", "i.buyer_name", "p.note"),
        filters={
            "invoice_id": equals("p.invoice_id"),
            "customer_id": equals("i.customer_id"),
            "method": equals("p.method"),
            "date_from": on_or_after("p.paid_on"),
            "date_to": up_to("p.paid_on"),
        },
    )
)
