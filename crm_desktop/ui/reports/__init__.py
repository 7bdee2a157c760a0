"""Reports in the window: the Reports screen; "Print invoice" and "Save invoice as PDF" (orders).

Only the :class:`~crm_desktop.ui.features.WindowApi` is used: ``add_section``
for the screen, ``add_record_action`` for the two invoice commands (orders) and
"Customer list report" (customers), and ``current_query`` so that the
customer list is the one on screen.

Nothing here imports reportlab or openpyxl: the screen is built, and the
invoice printer made, the first time the user asks for them (start-up stays
fast; reportlab and openpyxl take most of a second to import).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.icons import standard


def install(window: Any) -> None:
    """Add the Reports section and the report actions to the main window."""
    remembered: dict[str, ListQuery | None] = {"query": None}
    made: dict[str, Any] = {}

    def customer_view() -> ListQuery | None:
        if window.current_entity() == "customer" and window.current_query() is not None:
            remembered["query"] = window.current_query()
        return remembered["query"]

    def printer() -> Any:
        if "printer" not in made:
            from crm_desktop.ui.reports.invoice import InvoicePrinter

            made["printer"] = InvoicePrinter(window)
        return made["printer"]

    def make_screen() -> QWidget:
        from crm_desktop.ui.reports.screen import ReportsScreen

        screen = ReportsScreen(query_source=customer_view)
        screen.invoice_printer = printer()  # lives as long as the screen
        made["screen"] = screen
        return screen

    window.add_section(
        "reports", "Reports", make_screen, standard(QStyle.StandardPixmap.SP_FileDialogContentsView)
    )

    parent = window if isinstance(window, QWidget) else None
    print_invoice = QAction(QCoreApplication.translate("Reports", "Print &invoice…"), parent)
    print_invoice.setObjectName("printInvoiceAction")
    print_invoice.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    print_invoice.setStatusTip(
        QCoreApplication.translate(
            "Reports", "Print the selected orders' invoices (a preview, then the print dialog)"
        )
    )
    print_invoice.triggered.connect(lambda: printer().print_selected())
    window.add_record_action("sales_order", print_invoice)
    save_invoice = QAction(QCoreApplication.translate("Reports", "Save invoice as P&DF…"), parent)
    save_invoice.setObjectName("saveInvoicePdfAction")
    save_invoice.setShortcut(QKeySequence("Ctrl+Shift+P"))
    save_invoice.setStatusTip(
        QCoreApplication.translate("Reports", "Save the selected orders' invoices as PDF files")
    )
    save_invoice.triggered.connect(lambda: printer().save_selected())
    window.add_record_action("sales_order", save_invoice)

    customer_list = QAction("Customer list report…", parent)
    customer_list.setObjectName("customerListReportAction")
    customer_list.setStatusTip("A PDF or spreadsheet of the customers in this view")

    def open_customer_list() -> None:
        customer_view()  # remember the view on screen now, before the section changes
        show = getattr(window, "show_section", None)  # not in WindowApi: the sidebar also works
        if show is not None:
            show("reports")
        screen = made.get("screen") or make_screen()
        screen.select_report("customer_list")

    customer_list.triggered.connect(open_customer_list)
    window.add_record_action("customer", customer_list)
