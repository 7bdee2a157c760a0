"""The payment form: date, amount (the balance to start with), method and note of one payment.

The amount is checked as it is typed, against the invoice's balance too, so
an overpayment is said next to the field before Save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from crm_desktop.models.enums import PAYMENT_METHODS
from crm_desktop.services import invoices, payments
from crm_desktop.services.records import Row
from crm_desktop.ui.forms.base import FieldSlot, RecordForm
from crm_desktop.ui.forms.widgets import ChoiceCombo, DateEdit, MoneyEdit, TextAreaEdit


class PaymentForm(RecordForm):
    """Record (or correct) a payment against one invoice."""

    entity = "payment"
    title_new = "Record payment"
    title_edit = "Payment"

    def build(self) -> None:
        self.invoice_label = QLabel(self)
        self.invoice_label.setObjectName("payment_invoice")
        self.invoice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow("Invoice:", self.invoice_label)
        self.add_field("paid_on", DateEdit(self.formats, optional=False))
        self.amount = self.add_field(
            "amount_cents",
            MoneyEdit(self.formats, self.spec.field("amount_cents").parse),
            label=f"Amount ({self.formats.currency})",
        )
        self.add_field("method", ChoiceCombo(PAYMENT_METHODS))
        self.add_field("note", TextAreaEdit(lines=2))

    def fill(self, record: Row, defaults: dict[str, Any]) -> None:
        self.invoice_id = int(record["invoice_id"] if record else defaults["invoice_id"])
        invoice = invoices.get_invoice(self.invoice_id)
        # What may be paid now: the balance, plus this payment's own amount when editing it.
        self.room_cents = invoice["balance_cents"] + (record["amount_cents"] if record else 0)
        self.invoice_label.setText(
            f"{invoice['number']} · {invoice['buyer_name']} · "
            f"{self.formats.money(invoice['gross_cents'])}, "
            f"{self.formats.money(invoice['balance_cents'])} to pay"
        )
        if not record and "amount_cents" not in defaults:
            defaults = {**defaults, "amount_cents": invoice["balance_cents"]}
        super().fill(record, defaults)

    def check(self, slot: FieldSlot) -> str | None:
        message = super().check(slot)
        if message is None and slot.name == "amount_cents":
            try:
                cents = self.spec.field("amount_cents").parse(slot.editor.value())  # type: ignore[attr-defined]
            except ValueError:
                return None
            if cents is not None and cents > self.room_cents:
                return f"At most {self.formats.money(self.room_cents)}: the rest of the invoice."
            if cents == 0:
                return "A payment is more than zero."
        return message

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return payments.record_payment({**data, "invoice_id": self.invoice_id})
        payments.update_payment(self.record_id, data)
        return self.record_id
