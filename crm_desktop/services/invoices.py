"""Invoices: issued from an order, numbered without gaps, never edited, cancelled by credit notes.

:func:`issue_invoice` copies what an invoice prints — the seller's details
from the settings, the buyer's from the customer, the order's lines, the net,
tax and gross per rate rounded as the settings say — and gives it the next
number of the year in the ``invoice_number_format`` setting. From then on it
does not change (the services refuse, and so do triggers in the database):
:func:`cancel_invoice` issues a credit note that refers to it, numbered in a
series of its own, and the audit log keeps both.

Numbers stay gapless: an invoice is never deleted, except by *undo* right
after it was issued (:func:`undo_issue`), and only while it is the last
number of its series with nothing paid on it — the next invoice then takes
the same number. An invoice's state (open, partly paid, overdue, paid,
cancelled) is computed from its payments, its due date and its credit note,
never stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from crm_desktop.errors import CrmError, NotFoundError
from crm_desktop.i18n import N_, _, ngettext
from crm_desktop.models import Invoice, InvoiceLine, InvoiceTax, database
from crm_desktop.services import (
    audit,
    document_lines,
    numbering,
    orders,
    records,
    selling_settings,
    settings,
)
from crm_desktop.services.changes import notify, transaction
from crm_desktop.services.clock import now_utc, today
from crm_desktop.services.fields import percent_from_db, quantity_from_db
from crm_desktop.services.invoice_dues import CREDITED_SQL, PAID_SQL, Overdue, read_overdue
from crm_desktop.services.money import format_money
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.taxes import RateTotals
from crm_desktop.services.validation import multiline


def _refuse_delete(ids: Sequence[int]) -> None:
    if ids:
        raise CrmError(
            _(
                "An issued invoice cannot be deleted: its number must stay in the series. "
                "Cancel it with a credit note instead."
            )
        )


INVOICE = register(
    Entity(
        name="invoice",
        label="invoice",
        model=Invoice,
        # Nothing of an issued invoice is edited; the fields are what a list or a form shows.
        fields=(Field("notes", N_("Notes"), multiline()),),
        describe=lambda row: row["number"],
        check_delete=_refuse_delete,
    )
)

# SQL of an invoice's paid amount and state (over an ``invoice`` row aliased ``i``) and
# the overdue sum live in services/invoice_dues.py: Today reads them before the models load.


def state_sql(on: str = "?") -> str:
    """An invoice's state in SQL; ``on`` is today's date (a parameter by default)."""
    return (
        f"(CASE WHEN i.kind = 'credit_note' THEN 'credit_note' "
        f"WHEN {CREDITED_SQL} THEN 'cancelled' "
        f"WHEN {PAID_SQL} >= i.gross_cents THEN 'paid' "
        f"WHEN i.due_date < {on} THEN 'overdue' "
        f"WHEN {PAID_SQL} > 0 THEN 'partly_paid' ELSE 'open' END)"
    )


def state_of(row: Mapping[str, Any], on: date | None = None) -> str:
    """The same state as :func:`state_sql`, for an invoice read with ``paid_cents``."""
    if row["kind"] == "credit_note":
        return "credit_note"
    if row.get("credit_note_number"):
        return "cancelled"
    if row["paid_cents"] >= row["gross_cents"]:
        return "paid"
    if row.get("due_date") and str(row["due_date"]) < (on or today()).isoformat():
        return "overdue"
    return "partly_paid" if row["paid_cents"] > 0 else "open"


# --- issuing --------------------------------------------------------------------------------


def _next_sequence(kind: str, year: int) -> int:
    row = database.execute_sql(
        "SELECT coalesce(max(sequence), 0) + 1 FROM invoice WHERE kind = ? AND year = ?",
        (kind, year),
    ).fetchone()
    return int(row[0])


def _check_date_order(kind: str, issue_date: date) -> None:
    """Numbers follow dates: no invoice dated before the last one of its series and year."""
    row = database.execute_sql(
        "SELECT max(issue_date), max(number) FROM invoice WHERE kind = ? AND year = ?",
        (kind, issue_date.year),
    ).fetchone()
    if row and row[0] and row[0] > issue_date.isoformat():
        what = _("invoice") if kind == "invoice" else _("credit note")
        raise CrmError(
            _(
                "The last {what} of {year} ({row}) is dated {row2}: a new {what} cannot be dated "
                "before it, or its number would not follow the dates."
            ).format(what=what, year=issue_date.year, row=row[1], row2=row[0])
        )


def _number(kind: str, issue_date: date) -> tuple[str, int]:
    key = "invoice_number_format" if kind == "invoice" else "credit_note_number_format"
    sequence = _next_sequence(kind, issue_date.year)
    number = numbering.render(settings.get(key), issue_date.year, sequence)
    if database.execute_sql("SELECT 1 FROM invoice WHERE number = ?", (number,)).fetchone():
        raise CrmError(
            _(
                "The next number, {number}, is taken by another document: change the number "
                "format in Preferences."
            ).format(number=number)
        )
    return number, sequence


def _lines_of(text: Sequence[str | None]) -> str:
    return "\n".join(part.strip() for part in text if part and part.strip())


def _seller() -> dict[str, str]:
    values = settings.get_all()
    days = selling_settings.int_setting("payment_terms_days")
    terms = values["payment_terms"] or (
        ngettext(
            "Payment within {days} day of the invoice date.",
            "Payment within {days} days of the invoice date.",
            days,
        ).format(days=days)
        if days
        else _("Payment on receipt.")
    )
    return {
        "seller_name": values["company_legal_name"] or values["company_name"],
        "seller_address": _lines_of(
            [values["company_address"], values["company_email"], values["company_phone"]]
        ),
        "seller_tax_id": values["company_tax_id"],
        "seller_kpp": values["company_kpp"],
        "seller_bank": values["company_bank_details"],
        "payment_terms": terms,
    }


def _buyer(customer_id: int) -> dict[str, str]:
    row = database.execute_sql(
        "SELECT name, legal_name, address, city, country, tax_id, kpp, deleted_at "
        "FROM customer WHERE id = ?",
        (customer_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(_("The order's customer does not exist (any more)."))
    name, legal_name, address, city, country, tax_id, kpp, deleted_at = row
    if deleted_at:
        raise CrmError(
            _("{name} is in the trash: restore the customer before invoicing.").format(name=name)
        )
    place = ", ".join(part.strip() for part in (city, country) if part and part.strip())
    return {
        "buyer_name": legal_name or name,
        "buyer_address": _lines_of([address, place]),
        "buyer_tax_id": tax_id or "",
        "buyer_kpp": kpp or "",
    }


def _insert(values: dict[str, Any], lines: list[dict[str, Any]], rates: list[RateTotals]) -> int:
    invoice_id = Invoice.insert(values).execute()
    for position, line in enumerate(lines, start=1):
        InvoiceLine.insert(
            invoice=invoice_id,
            position=position,
            product=line.get("product_id"),
            sku=line.get("sku"),
            description=line["description"],
            quantity=float(line["quantity"]),
            unit_price_cents=line["unit_price_cents"],
            discount_pct=float(line.get("discount_pct") or 0),
            tax_pct=float(line.get("tax_pct") or 0),
            tax_included=int(line.get("tax_included") or 0),
            amount_cents=line["total_cents"],
        ).execute()
    for rate in rates:
        InvoiceTax.insert(
            invoice=invoice_id,
            tax_pct=float(rate.tax_pct),
            net_cents=rate.net_cents,
            tax_cents=rate.tax_cents,
            gross_cents=rate.gross_cents,
        ).execute()
    return invoice_id


def _audit_values(values: Mapping[str, Any], lines: Sequence[Mapping[str, Any]]) -> dict:
    changes = audit.created(values)
    changes["lines"] = [None, [document_lines.summary(line) for line in lines]]
    return changes


def issue_invoice(
    order_id: int,
    *,
    issue_date: date | None = None,
    due_date: date | None = None,
    notes: str | None = None,
) -> int:
    """Issue the invoice of a confirmed order; returns its id. One transaction."""
    issue_date = issue_date or today()
    with transaction():
        order = orders.get_order(order_id)
        if order["status"] in ("draft", "cancelled"):
            raise CrmError(
                f"Order {order['number']} is {order['status']}: "
                + ("confirm it before invoicing." if order["status"] == "draft" else "")
                + ("a cancelled order is not invoiced." if order["status"] == "cancelled" else "")
            )
        if not order["lines"]:
            raise CrmError(
                _("Order {order} has no lines: there is nothing to invoice.").format(
                    order=order["number"]
                )
            )
        existing = orders.invoiced_by(order_id)
        if existing is not None:
            raise CrmError(
                _("Order {order} is invoiced already: {existing}.").format(
                    order=order["number"], existing=existing
                )
            )
        _check_date_order("invoice", issue_date)
        days = selling_settings.int_setting("payment_terms_days")
        due = due_date or issue_date + timedelta(days=days)
        if due < issue_date:
            raise CrmError(_("An invoice cannot be due before it is issued."))
        rounding = selling_settings.tax_rounding()
        figures = document_lines.totals(order["lines"], rounding)
        skus = dict(
            database.execute_sql(
                "SELECT p.id, p.sku FROM order_line l JOIN product p ON p.id = l.product_id "
                "WHERE l.order_id = ?",
                (order_id,),
            ).fetchall()
        )
        lines = [{**line, "sku": skus.get(line["product_id"])} for line in order["lines"]]
        number, sequence = _number("invoice", issue_date)
        values: dict[str, Any] = {
            "kind": "invoice",
            "number": number,
            "year": issue_date.year,
            "sequence": sequence,
            "order": order_id,
            "customer": order["customer_id"],
            "issue_date": issue_date.isoformat(),
            "due_date": due.isoformat(),
            "currency": settings.get("currency") or "USD",
            "tax_rounding": rounding,
            **_seller(),
            **_buyer(order["customer_id"]),
            "net_cents": figures.net_cents,
            "tax_cents": figures.tax_cents,
            "gross_cents": figures.gross_cents,
            "notes": (notes or "").strip() or None,
            "issued_at": now_utc(),
        }
        invoice_id = _insert(values, lines, figures.rates)
        audit.record("invoice", invoice_id, "create", _audit_values(values, lines))
        notify("invoice", (invoice_id,), "create")
    return invoice_id


def cancel_invoice(
    invoice_id: int, *, issue_date: date | None = None, reason: str | None = None
) -> int:
    """Cancel an invoice by issuing the credit note that refers to it; returns the note's id.

    The credit note repeats the invoice's lines and figures (it takes all of it back).
    An invoice with payments is not cancelled: delete or refund those first.
    """
    issue_date = issue_date or today()
    with transaction():
        invoice = get_invoice(invoice_id)
        if invoice["kind"] != "invoice":
            raise CrmError(
                _("{invoice} is a credit note: it cannot be cancelled.").format(
                    invoice=invoice["number"]
                )
            )
        if invoice["credit_note_number"]:
            raise CrmError(
                _("Invoice {invoice} is cancelled already by {invoice2}.").format(
                    invoice=invoice["number"], invoice2=invoice["credit_note_number"]
                )
            )
        if invoice["paid_cents"]:
            paid = format_money(invoice["paid_cents"], invoice["currency"])
            raise CrmError(
                _(
                    "Invoice {invoice} has payments of {paid}: delete them (or refund them) "
                    "before cancelling it."
                ).format(invoice=invoice["number"], paid=paid)
            )
        if issue_date.isoformat() < str(invoice["issue_date"]):
            raise CrmError(_("A credit note cannot be dated before the invoice it cancels."))
        _check_date_order("credit_note", issue_date)
        number, sequence = _number("credit_note", issue_date)
        note = f"Cancels invoice {invoice['number']} of {invoice['issue_date']}."
        if reason and reason.strip():
            note += f"\n{reason.strip()}"
        copied = (
            "order_id", "customer_id", "currency", "tax_rounding", "seller_name",
            "seller_address", "seller_tax_id", "seller_kpp", "seller_bank", "buyer_name",
            "buyer_address", "buyer_tax_id", "buyer_kpp", "net_cents", "tax_cents",
            "gross_cents",
        )  # fmt: skip
        values: dict[str, Any] = {
            key.removesuffix("_id") if key in ("order_id", "customer_id") else key: invoice[key]
            for key in copied
        }
        values.update(
            kind="credit_note",
            number=number,
            year=issue_date.year,
            sequence=sequence,
            credited_invoice=invoice_id,
            issue_date=issue_date.isoformat(),
            due_date=None,
            payment_terms="",
            notes=note,
            issued_at=now_utc(),
        )
        lines = [{**line, "total_cents": line["amount_cents"]} for line in invoice["lines"]]
        note_id = _insert(values, lines, invoice["taxes"])
        audit.record("invoice", note_id, "create", _audit_values(values, lines))
        audit.record("invoice", invoice_id, "update", {"cancelled_by": [None, number]})
        notify("invoice", (invoice_id, note_id), "update")
    return note_id


def undo_issue(invoice_id: int) -> None:
    """Take back an invoice or credit note just issued, so that its number is given again.

    Only the last number of its series and year, with no payment and (an invoice) no
    credit note: anything else would leave a gap. The audit log keeps what it was.
    """
    with transaction():
        invoice = get_invoice(invoice_id)
        what = _("invoice") if invoice["kind"] == "invoice" else _("credit note")
        later = database.execute_sql(
            "SELECT number FROM invoice WHERE kind = ? AND year = ? AND sequence > ? "
            "ORDER BY sequence DESC LIMIT 1",
            (invoice["kind"], invoice["year"], invoice["sequence"]),
        ).fetchone()
        if later is not None:
            raise CrmError(
                _(
                    "Cannot take back {what} {invoice}: {later} was issued after it, and numbers "
                    "must stay without gaps. Cancel it with a credit note instead."
                ).format(what=what, invoice=invoice["number"], later=later[0])
            )
        if invoice["paid_cents"]:
            raise CrmError(
                _("Cannot take back {what} {invoice}: it has payments.").format(
                    what=what, invoice=invoice["number"]
                )
            )
        if invoice["credit_note_number"]:
            raise CrmError(
                _("Cannot take back invoice {invoice}: credit note {invoice2} cancels it.").format(
                    invoice=invoice["number"], invoice2=invoice["credit_note_number"]
                )
            )
        row = records.get(INVOICE, invoice_id)
        database.execute_sql("DELETE FROM invoice WHERE id = ?", (invoice_id,))
        changes = audit.removed(row)
        changes["lines"] = [[document_lines.summary(line) for line in invoice["lines"]], None]
        audit.record("invoice", invoice_id, "delete", changes)
        if invoice["credited_invoice_id"] is not None:
            audit.record(
                "invoice",
                invoice["credited_invoice_id"],
                "update",
                {"cancelled_by": [invoice["number"], None]},
            )
        notify("invoice", (invoice_id,), "delete")


# --- reading --------------------------------------------------------------------------------


def invoice_lines(invoice_id: int) -> list[Row]:
    cursor = database.execute_sql(
        "SELECT * FROM invoice_line WHERE invoice_id = ? ORDER BY position", (invoice_id,)
    )
    names = [column[0] for column in cursor.description]
    lines = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        row["quantity"] = quantity_from_db(row["quantity"])
        row["discount_pct"] = percent_from_db(row["discount_pct"])
        row["tax_pct"] = percent_from_db(row["tax_pct"])
        row["total_cents"] = row["amount_cents"]
        lines.append(row)
    return lines


def invoice_taxes(invoice_id: int) -> list[RateTotals]:
    return [
        RateTotals(percent_from_db(rate), net, tax, gross)
        for rate, net, tax, gross in database.execute_sql(
            "SELECT tax_pct, net_cents, tax_cents, gross_cents FROM invoice_tax "
            "WHERE invoice_id = ? ORDER BY tax_pct",
            (invoice_id,),
        ).fetchall()
    ]


def get_invoice(invoice_id: int, *, on: date | None = None) -> Row:
    """An invoice with ``lines``, ``taxes``, ``payments``, ``paid_cents``, ``balance_cents``,
    ``state``, the number of its credit note (``credit_note_number``) and, for a credit
    note, the number of the invoice it cancels (``credited_number``)."""
    row = records.get(INVOICE, invoice_id)
    row["lines"] = invoice_lines(invoice_id)
    row["taxes"] = invoice_taxes(invoice_id)
    row["payments"] = payments_of(invoice_id)
    row["paid_cents"] = sum(p["amount_cents"] for p in row["payments"])
    row["balance_cents"] = (
        0 if row["kind"] == "credit_note" else row["gross_cents"] - row["paid_cents"]
    )
    credit = database.execute_sql(
        "SELECT number FROM invoice WHERE credited_invoice_id = ?", (invoice_id,)
    ).fetchone()
    row["credit_note_number"] = credit[0] if credit else None
    if row["credit_note_number"]:
        row["balance_cents"] = 0
    credited = database.execute_sql(
        "SELECT number FROM invoice WHERE id = ?", (row["credited_invoice_id"],)
    ).fetchone()
    row["credited_number"] = credited[0] if credited else None
    row["order_number"] = _order_number(row["order_id"])
    row["state"] = state_of(row, on)
    return row


def _order_number(order_id: int | None) -> str | None:
    if order_id is None:
        return None
    row = database.execute_sql(
        "SELECT number FROM sales_order WHERE id = ?", (order_id,)
    ).fetchone()
    return row[0] if row else None


def payments_of(invoice_id: int) -> list[Row]:
    cursor = database.execute_sql(
        "SELECT * FROM payment WHERE invoice_id = ? ORDER BY paid_on, id", (invoice_id,)
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def find_invoice(number: str) -> int | None:
    """The id of the invoice or credit note with this number."""
    row = database.execute_sql(
        "SELECT id FROM invoice WHERE number = ?", ((number or "").strip(),)
    ).fetchone()
    return int(row[0]) if row else None


def invoice_of_order(order_id: int) -> int | None:
    """The order's invoice that is not cancelled, else its latest one, else None."""
    row = database.execute_sql(
        f"SELECT i.id FROM invoice i WHERE i.order_id = ? AND i.kind = 'invoice' "
        f"ORDER BY {CREDITED_SQL}, i.id DESC LIMIT 1",
        (order_id,),
    ).fetchone()
    return int(row[0]) if row else None


def overdue(customer_id: int | None = None, *, on: date | None = None) -> Overdue:
    """Invoices past their due date with money still owed (of one customer, or all)."""
    return read_overdue(database.execute_sql, (on or today()).isoformat(), customer_id)
