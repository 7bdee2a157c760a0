"""Payments: money received against an invoice, in part or in full.

A payment has a date, an amount, a method and a note. Several partial
payments may settle one invoice; together they never exceed what it asks
(an overpayment is refused with the balance named). A cancelled invoice and a
credit note take no payments. A payment is deleted to the trash like any
record and comes back with Undo.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Payment, database
from crm_desktop.models.enums import PAYMENT_METHODS
from crm_desktop.services import records, settings
from crm_desktop.services.clock import today
from crm_desktop.services.fields import amount
from crm_desktop.services.money import format_money
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import a_date, choice, multiline, reference


def _prepare(values: Row, old: Row | None) -> None:
    invoice = database.execute_sql(
        "SELECT kind, number, gross_cents, currency, issue_date, "
        "EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id) "
        "FROM invoice i WHERE id = ?",
        (values["invoice_id"],),
    ).fetchone()
    if invoice is None:
        raise ValidationError({"invoice_id": _("This invoice does not exist.")})
    kind, number, gross, currency, _issued, cancelled = invoice
    if kind != "invoice":
        raise ValidationError(
            {
                "invoice_id": _("{number} is a credit note: it takes no payments.").format(
                    number=number
                )
            }
        )
    if cancelled and (old is None or values["amount_cents"] != old["amount_cents"]):
        raise ValidationError(
            {
                "invoice_id": _("Invoice {number} is cancelled by a credit note.").format(
                    number=number
                )
            }
        )
    if values["amount_cents"] <= 0:
        raise ValidationError({"amount_cents": _("A payment is more than zero.")})
    paid = database.execute_sql(
        "SELECT coalesce(sum(amount_cents), 0) FROM payment WHERE invoice_id = ? AND id IS NOT ?",
        (values["invoice_id"], old["id"] if old else None),
    ).fetchone()[0]
    balance = gross - paid
    if values["amount_cents"] > balance:
        raise ValidationError(
            {
                "amount_cents": _(
                    "Invoice {number} has {format_money} left to pay: record at most that."
                ).format(number=number, format_money=format_money(balance, currency))
                if balance > 0
                else _("Invoice {number} is paid in full.").format(number=number)
            }
        )


PAYMENT = register(
    Entity(
        name="payment",
        label="payment",
        model=Payment,
        fields=(
            Field("invoice_id", N_("Invoice"), reference, required=True),
            Field(
                "paid_on", N_("Paid on"), a_date, required=True, default=lambda: today().isoformat()
            ),
            Field("amount_cents", N_("Amount"), amount, required=True),
            Field(
                "method",
                N_("Method"),
                choice(PAYMENT_METHODS),
                required=True,
                default="bank_transfer",
            ),
            Field("note", N_("Note"), multiline(2000)),
        ),
        describe=lambda row: (
            f"Payment of {format_money(row['amount_cents'], settings.get('currency'))} "
            f"on {row['paid_on']}"
        ),
        references={"invoice_id": "invoice"},
        prepare=_prepare,
    )
)


def record_payment(data: Mapping[str, Any]) -> int:
    """Record a payment against an invoice; returns its id."""
    return records.create(PAYMENT, data)


def update_payment(payment_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(PAYMENT, payment_id, data)


def get_payment(payment_id: int) -> Row:
    return records.get(PAYMENT, payment_id)


def balance_cents(invoice_id: int) -> int:
    """What is left to pay on an invoice (0 for a cancelled one or a credit note)."""
    row = database.execute_sql(
        "SELECT CASE WHEN i.kind = 'credit_note' OR EXISTS (SELECT 1 FROM invoice c "
        "WHERE c.credited_invoice_id = i.id) THEN 0 ELSE i.gross_cents - (SELECT "
        "coalesce(sum(amount_cents), 0) FROM payment WHERE invoice_id = i.id) END "
        "FROM invoice i WHERE i.id = ?",
        (invoice_id,),
    ).fetchone()
    return int(row[0]) if row else 0
