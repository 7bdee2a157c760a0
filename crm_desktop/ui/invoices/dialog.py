"""An issued invoice (or credit note) on screen: what it says, what was paid, what is left.

Nothing of an issued invoice is edited here. Its payments are: "Record
payment…" opens the payment form with the balance as the amount, "Delete
payment" moves the chosen one to the trash (Ctrl+Z brings it back). "Cancel
with credit note…" and "Save PDF…" do what the Invoices list's actions do.
The view follows every committed change to the invoice and its payments.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import invoices, trash
from crm_desktop.services.changes import Change
from crm_desktop.ui.bridge import ChangeBridge
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.forms.display import Formats
from crm_desktop.ui.invoices import actions
from crm_desktop.ui.tables.formatting import label
from crm_desktop.ui.tables.model import STYLE_COLORS

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_STATE_STYLE = {"overdue": "alert", "paid": "good", "cancelled": "muted", "credit_note": "muted"}


class _StatusOnly:
    """Where the dialog's messages go when it was not opened from the main window."""

    def show_status(self, text: str, undo: Any = None) -> None:
        return None


class InvoiceDialog(QDialog):
    """One issued invoice or credit note, with its payments."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        record_id: int | None = None,
        defaults: dict | None = None,
    ):
        super().__init__(parent)
        if record_id is None:
            raise ValueError("an invoice is issued from its order, not created here")
        self.invoice_id = record_id
        self.saved_id: int | None = None
        self.window_api: Any = parent if hasattr(parent, "show_status") else _StatusOnly()
        self.formats = Formats.load()
        self.invoice = invoices.get_invoice(record_id)  # NotFoundError: the caller says so
        self.setObjectName("invoice_dialog")
        self.setSizeGripEnabled(True)
        self.resize(860, 620)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.state = QLabel(self)
        self.state.setObjectName("invoice_state")
        self.facts = QGridLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(
            (("buyer", "Customer"), ("issue_date", "Issued"), ("due_date", "Due"),
             ("reference", "Order"), ("gross", "Total"), ("paid", "Paid"),
             ("balance", "Balance"))
        ):  # fmt: skip
            name = QLabel(f"{caption}:", self)
            name.setEnabled(False)
            value = QLabel(self)
            value.setObjectName(f"fact_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addWidget(name, row % 4, (row // 4) * 2)
            self.facts.addWidget(value, row % 4, (row // 4) * 2 + 1)
            self.fact_labels[key] = value
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)

        self.lines = self._tree(["#", "Description", "Quantity", "Unit price", "Discount",
                                 "Tax", "Amount"], "invoice_lines")  # fmt: skip
        self.totals = QLabel(self)
        self.totals.setObjectName("invoice_totals")
        self.totals.setAlignment(_RIGHT)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.payments = self._tree(["Paid on", "Amount", "Method", "Note"], "invoice_payments")
        self.payments.itemSelectionChanged.connect(self._update_buttons)

        self.pay_button = QPushButton("&Record payment…", self)
        self.pay_button.clicked.connect(self.record_payment)
        self.delete_payment_button = QPushButton("&Delete payment", self)
        self.delete_payment_button.clicked.connect(self.delete_payment)
        self.cancel_button = QPushButton("Cancel with credit &note…", self)
        self.cancel_button.clicked.connect(self.cancel_invoice)
        self.print_button = QPushButton("Save &PDF…", self)
        self.print_button.clicked.connect(self.save_pdf)
        for button in (self.pay_button, self.delete_payment_button, self.cancel_button,
                       self.print_button):  # fmt: skip
            button.setAutoDefault(False)
        pay_row = QHBoxLayout()
        pay_row.addWidget(QLabel("<b>Payments</b>", self))
        pay_row.addStretch(1)
        pay_row.addWidget(self.pay_button)
        pay_row.addWidget(self.delete_payment_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.state)
        layout.addLayout(head)
        layout.addLayout(self.facts)
        layout.addWidget(self.lines, 3)
        layout.addWidget(self.totals)
        layout.addLayout(pay_row)
        layout.addWidget(self.payments, 1)
        layout.addWidget(close)
        self.bridge = ChangeBridge(self)
        self.bridge.changed.connect(self._on_change)
        self.show_invoice(self.invoice)

    def _tree(self, headers: list[str], name: str) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return tree

    # --- showing --------------------------------------------------------------------------

    def show_invoice(self, invoice: dict[str, Any]) -> None:
        self.invoice = invoice
        fmt = self.formats
        what = "Invoice" if invoice["kind"] == "invoice" else "Credit note"
        self.setWindowTitle(f"{what} {invoice['number']}")
        self.heading.setText(f"{what} {invoice['number']}")
        state = invoice["state"]
        self.state.setText(label(state))
        color = STYLE_COLORS.get(_STATE_STYLE.get(state, ""), None)
        self.state.setStyleSheet(f"color: {color.name()}; font-weight: 600;" if color else "")
        reference = (
            invoice["credited_number"]
            if invoice["kind"] == "credit_note"
            else invoice["order_number"]
        )
        values = {
            "buyer": invoice["buyer_name"],
            "issue_date": fmt.date(invoice["issue_date"]),
            "due_date": fmt.date(invoice["due_date"]) if invoice["due_date"] else "—",
            "reference": reference or "—",
            "gross": fmt.money(invoice["gross_cents"]),
            "paid": fmt.money(invoice["paid_cents"]),
            "balance": fmt.money(invoice["balance_cents"]),
        }
        for key, text in values.items():
            self.fact_labels[key].setText(text)
        self.lines.clear()
        for line in invoice["lines"]:
            item = QTreeWidgetItem(
                [
                    str(line["position"]),
                    line["description"],
                    fmt.number(line["quantity"]),
                    fmt.money(line["unit_price_cents"]),
                    f"{fmt.number(line['discount_pct'])}%" if line["discount_pct"] else "",
                    f"{fmt.number(line['tax_pct'])}%",
                    fmt.money(line["amount_cents"]),
                ]
            )
            for column in (0, 2, 3, 4, 5, 6):
                item.setTextAlignment(column, _RIGHT)
            self.lines.addTopLevelItem(item)
        self.lines.resizeColumnToContents(0)
        self.lines.setColumnWidth(1, 300)
        parts = [f"Net {fmt.money(invoice['net_cents'])}"]
        parts += [
            f"tax {fmt.number(rate.tax_pct)}% on {fmt.money(rate.net_cents)}: "
            f"{fmt.money(rate.tax_cents)}"
            for rate in invoice["taxes"]
        ]
        parts.append(f"Total {fmt.money(invoice['gross_cents'])}")
        self.totals.setText("  ·  ".join(parts))
        self.payments.clear()
        for payment in invoice["payments"]:
            item = QTreeWidgetItem(
                [
                    fmt.date(payment["paid_on"]),
                    fmt.money(payment["amount_cents"]),
                    label(payment["method"]),
                    payment["note"] or "",
                ]
            )
            item.setTextAlignment(1, _RIGHT)
            item.setData(0, Qt.ItemDataRole.UserRole, payment["id"])
            self.payments.addTopLevelItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        invoice = self.invoice
        is_invoice = invoice["kind"] == "invoice"
        self.pay_button.setEnabled(is_invoice and invoice["balance_cents"] > 0)
        self.delete_payment_button.setEnabled(bool(self.payments.selectedItems()))
        self.cancel_button.setEnabled(
            is_invoice and not invoice["credit_note_number"] and not invoice["paid_cents"]
        )

    def reload(self) -> None:
        try:
            self.show_invoice(invoices.get_invoice(self.invoice_id))
        except Exception:  # taken back (undo of the issue): nothing left to show
            self.reject()

    def _on_change(self, change: Change) -> None:
        if change.entity in ("invoice", "payment", "setting", "*"):
            self.reload()

    # --- acting -------------------------------------------------------------------------

    def record_payment(self) -> int | None:
        return actions.record_payment(self.window_api, self.invoice_id)

    def delete_payment(self) -> None:
        items = self.payments.selectedItems()
        if not items:
            return
        payment_id = items[0].data(0, Qt.ItemDataRole.UserRole)
        amount = items[0].text(1)
        try:
            batch = trash.move_to_trash("payment", [payment_id])
        except Exception as exc:
            show_error(self, "Deleting the payment", exc)
            return
        self.window_api.show_status(
            f"Payment of {amount} on {self.invoice['number']} moved to the trash.",
            lambda: trash.restore_batch(batch),
        )

    def cancel_invoice(self) -> int | None:
        return actions.cancel_selected(self.window_api, self.invoice_id)

    def save_pdf(self) -> Any:
        return actions.print_invoice(self.window_api, self.invoice_id)
