"""Selling in the window: the Quotes, Invoices and Payments lists and what is done to them.

Installed through :class:`~crm_desktop.ui.features.WindowApi` like every
feature: three lists in the sidebar (built like the built-in ones, on first
use), and the actions on the selected rows — Accept quote and Save quote
PDF on quotes, Issue invoice on orders, Record payment, Cancel with credit
note and Save PDF on invoices — each one step the window can undo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from crm_desktop.ui.icons import icon


def _action(window: Any, text: str, name: str, tip: str, slot, shortcut: str = "") -> QAction:
    action = QAction(text, window if isinstance(window, QWidget) else None)
    action.setObjectName(name)
    action.setStatusTip(tip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda: slot(window))
    return action


def _run(name: str):
    """An action handler imported when first used (start-up stays light)."""

    def call(window: Any) -> Any:
        from crm_desktop.ui.invoices import actions

        return getattr(actions, name)(window)

    return call


def show_overdue(window: Any) -> None:
    """Open the Invoices list showing the overdue ones."""
    window.show_section("invoices")
    page = window.list_page("invoices")
    combo = page.filter_bar.combos.get("state")
    if combo is not None:
        combo.setCurrentIndex(max(combo.findData("overdue"), 0))


def install(window: Any) -> None:
    """Add the selling lists and actions to the main window."""
    from crm_desktop.ui.invoices import overdue
    from crm_desktop.ui.invoices.sections import INVOICES, PAYMENTS
    from crm_desktop.ui.quotes.section import SECTION as QUOTES

    window.add_list_section(QUOTES, icon("quotes"))
    window.add_list_section(INVOICES, icon("invoices"))
    window.add_list_section(PAYMENTS, icon("payments"))
    overdue.SHOW_OVERDUE.append(lambda: show_overdue(window))
    for entity, action in (
        ("quote", _action(window, "&Accept quote…", "acceptQuoteAction",
                          "Make the order of the selected quote", _run("accept_selected"),
                          "Ctrl+Shift+A")),
        ("quote", _action(window, "Save quote P&DF…", "printQuoteAction",
                          "Save the selected quote as a PDF", _run("print_quote"))),
        ("sales_order", _action(window, "Issue in&voice", "issueInvoiceAction",
                                "Issue the invoices of the selected orders (numbered now)",
                                _run("issue_selected"))),
        ("invoice", _action(window, "&Record payment…", "recordPaymentAction",
                            "Record a payment against the selected invoice",
                            _run("record_payment"), "Ctrl+Shift+R")),
        ("invoice", _action(window, "Cancel with credit &note…", "cancelInvoiceAction",
                            "Cancel the selected invoice by issuing its credit note",
                            _run("cancel_selected"))),
        ("invoice", _action(window, "Save invoice P&DF…", "printIssuedInvoiceAction",
                            "Save the selected invoice or credit note as a PDF",
                            _run("print_invoice"))),
    ):  # fmt: skip
        window.add_record_action(entity, action)
