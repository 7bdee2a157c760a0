"""What the user does to quotes, orders and invoices, each one step with its Undo.

Accept a quote (the order is made; Undo takes it back to the trash), issue
an invoice (Undo gives the number back while it is the last one), record a
payment (Undo moves it to the trash), cancel an invoice with a credit note
(Undo takes the credit note back while it is the last one), and save PDFs.
Every function takes the window (:class:`~crm_desktop.ui.features.WindowApi`)
and reads the selection through it; errors are shown, never raised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from crm_desktop.services import deals, invoices, orders, payments, quotes, trash
from crm_desktop.services.changes import transaction
from crm_desktop.services.money import format_money
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.jobs import run_job

_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _parent(window: Any) -> QWidget | None:
    return window if isinstance(window, QWidget) else None


def _selected(window: Any, entity: str) -> list[int]:
    return window.selected_ids() if window.current_entity() == entity else []


def _guarded(window: Any, title: str, work: Callable[[], None]) -> None:
    try:
        work()
    except Exception as exc:  # a CrmError says what to do; anything else is our bug
        show_error(_parent(window), title, exc)


def pdf_name(kind: str, number: str) -> str:
    """``Invoice INV-2026-0001.pdf`` (characters no file system takes are replaced)."""
    return f"{kind} {_UNSAFE_NAME.sub('-', number).strip(' .') or kind.lower()}.pdf"


# --- quotes ---------------------------------------------------------------------------------


def ask_win_deal(parent: QWidget | None, title: str) -> bool | None:
    """Yes: move the deal to Won too; No: leave it; None: cancel."""
    answer = QMessageBox.question(
        parent,
        "Accept quote",
        f"Move the deal “{title}” to Won too?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Cancel:
        return None
    return answer == QMessageBox.StandardButton.Yes


def accept_selected(
    window: Any, *, win_deal: Callable[[QWidget | None, str], bool | None] | None = None
) -> quotes.Acceptance | None:
    """Accept the selected quote: its order is made, its deal won if the user agrees."""
    ask = win_deal or ask_win_deal  # looked up when called, so a test can stand in for it
    ids = _selected(window, "quote")
    if not ids:
        window.show_status("Select a quote to accept.")
        return None
    done: list[quotes.Acceptance] = []

    def work() -> None:
        quote = quotes.get_quote(ids[0])
        wins = False
        if quote["deal_id"] is not None:
            deal = deals.get_deal(quote["deal_id"])
            if deal["stage"] not in ("won", "lost"):
                answer = ask(_parent(window), deal["title"])
                if answer is None:
                    return
                wins = answer
        accepted = quotes.accept_quote(ids[0], win_deal=wins)
        done.append(accepted)
        window.show_status(
            f"Quote {quote['number']} accepted: order {accepted.order_number} made"
            + (", deal won." if accepted.deal_changes else "."),
            lambda: quotes.undo_accept(accepted),
        )

    _guarded(window, "Accepting the quote", work)
    return done[0] if done else None


# --- invoices -------------------------------------------------------------------------------


def issue_selected(window: Any) -> list[int]:
    """Issue the invoices of the selected orders, as one step (one Undo)."""
    ids = _selected(window, "sales_order")
    if not ids:
        window.show_status("Select the orders to invoice.")
        return []
    issued: list[int] = []

    def work() -> None:
        with transaction():
            for order_id in ids:
                issued.append(invoices.issue_invoice(order_id))
        numbers = [invoices.get_invoice(i)["number"] for i in issued]

        def undo() -> None:
            with transaction():
                for invoice_id in reversed(issued):
                    invoices.undo_issue(invoice_id)

        text = (
            f"Invoice {numbers[0]} issued."
            if len(numbers) == 1
            else f"{len(numbers)} invoices issued ({numbers[0]} to {numbers[-1]})."
        )
        window.show_status(text, undo)

    _guarded(window, "Issuing the invoice", work)
    return issued if len(issued) == len(ids) else []


def record_payment(window: Any, invoice_id: int | None = None) -> int | None:
    """Open the payment form for an invoice (the selected one by default)."""
    if invoice_id is None:
        ids = _selected(window, "invoice")
        if not ids:
            window.show_status("Select the invoice that was paid.")
            return None
        invoice_id = ids[0]
    from crm_desktop.ui import forms

    try:
        invoice = invoices.get_invoice(invoice_id)
    except Exception as exc:
        show_error(_parent(window), "Recording a payment", exc)
        return None
    if invoice["balance_cents"] <= 0:
        window.show_status(f"{invoice['number']} has nothing left to pay.")
        return None
    payment_id = forms.open_record(_parent(window) or window, "payment", None,
                                   {"invoice_id": invoice_id})  # fmt: skip
    if payment_id is None:
        return None
    payment = payments.get_payment(payment_id)
    amount = format_money(payment["amount_cents"], invoice["currency"])
    window.show_status(
        f"Payment of {amount} recorded on {invoice['number']}.",
        lambda: trash.move_to_trash("payment", [payment_id]),
    )
    return payment_id


def ask_reason(parent: QWidget | None, number: str) -> str | None:
    reason, ok = QInputDialog.getText(
        parent,
        "Cancel invoice",
        f"Cancel {number} with a credit note? It keeps its number; the credit note gets the "
        "next one of its own series.\n\nReason (printed on the credit note):",
    )
    return reason if ok else None


def cancel_selected(
    window: Any,
    invoice_id: int | None = None,
    *,
    reason: Callable[[QWidget | None, str], str | None] = ask_reason,
) -> int | None:
    """Cancel an invoice by issuing its credit note (asks for a reason first)."""
    if invoice_id is None:
        ids = _selected(window, "invoice")
        if not ids:
            window.show_status("Select the invoice to cancel.")
            return None
        invoice_id = ids[0]
    made: list[int] = []

    def work() -> None:
        number = invoices.get_invoice(invoice_id)["number"]
        why = reason(_parent(window), number)
        if why is None:
            return
        note_id = invoices.cancel_invoice(invoice_id, reason=why)
        made.append(note_id)
        note = invoices.get_invoice(note_id)["number"]
        window.show_status(
            f"Invoice {number} cancelled by credit note {note}.",
            lambda: invoices.undo_issue(note_id),
        )

    _guarded(window, "Cancelling the invoice", work)
    return made[0] if made else None


# --- PDFs -----------------------------------------------------------------------------------


def ask_pdf_path(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save as", str(suggested), "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_pdf(
    window: Any,
    what: str,
    number: str,
    write: Callable[[Path], Path],
    *,
    choose: Callable[[QWidget | None, Path], Path | None] = ask_pdf_path,
) -> Any:
    """Ask where, then write the PDF off the GUI thread; the status bar says where it went."""
    from crm_desktop.ui.reports.choices import load_choices, save_choices

    choices = load_choices()
    folder = (
        Path(choices.folder) if choices.folder and Path(choices.folder).is_dir() else Path.home()
    )
    target = choose(_parent(window), folder / pdf_name(what, number))
    if target is None:
        return None
    choices.folder = str(target.parent)
    save_choices(choices)
    return run_job(
        _parent(window),
        f"Saving the {what.lower()}",
        lambda _context: write(target),
        on_success=lambda path: window.show_status(f"{what} saved as {path}."),
    )


def print_quote(window: Any, quote_id: int | None = None, **kwargs: Any) -> Any:
    from crm_desktop.reports.generate import generate_quote

    quote_id = quote_id or next(iter(_selected(window, "quote")), None)
    if quote_id is None:
        window.show_status("Select a quote to print.")
        return None
    number = quotes.get_quote(quote_id)["number"]
    return save_pdf(window, "Quote", number,
                    lambda path: generate_quote(path, quote_id=quote_id), **kwargs)  # fmt: skip


def print_invoice(window: Any, invoice_id: int | None = None, **kwargs: Any) -> Any:
    from crm_desktop.reports.generate import generate_invoice

    invoice_id = invoice_id or next(iter(_selected(window, "invoice")), None)
    if invoice_id is None:
        window.show_status("Select an invoice to print.")
        return None
    invoice = invoices.get_invoice(invoice_id)
    what = "Invoice" if invoice["kind"] == "invoice" else "Credit note"

    def write(path: Path) -> Path:
        return generate_invoice(path, invoice_id=invoice_id)

    return save_pdf(window, what, invoice["number"], write, **kwargs)


def open_invoice_of_order(window: Any, order_id: int) -> None:
    invoice_id = invoices.invoice_of_order(order_id)
    if invoice_id is not None:
        window.open_record("invoice", invoice_id)
    else:
        window.show_status(f"Order {orders.get_order(order_id)['number']} has no invoice yet.")
