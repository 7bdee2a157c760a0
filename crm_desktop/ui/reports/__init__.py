"""Reports in the window: the Reports screen and "Print invoice" on orders.

Only the :class:`~crm_desktop.ui.features.WindowApi` is used: ``add_section``
for the screen, ``add_record_action`` for "Print invoice" (orders) and
"Customer list report" (customers), and ``current_query`` so that the
customer list is the one on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStyle

from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.icons import standard
from crm_desktop.ui.reports.invoice import InvoicePrinter
from crm_desktop.ui.reports.screen import ReportsScreen


def install(window: Any) -> None:
    """Add the Reports section and the report actions to the main window."""
    remembered: dict[str, ListQuery | None] = {"query": None}

    def customer_view() -> ListQuery | None:
        if window.current_entity() == "customer" and window.current_query() is not None:
            remembered["query"] = window.current_query()
        return remembered["query"]

    screen = ReportsScreen(query_source=customer_view)
    window.add_section(
        "reports", "Reports", screen, standard(QStyle.StandardPixmap.SP_FileDialogContentsView)
    )
    printer = InvoicePrinter(window)
    window.add_record_action("sales_order", printer.action)

    customer_list = QAction("Customer list report…", screen)
    customer_list.setObjectName("customerListReportAction")
    customer_list.setStatusTip("A PDF or spreadsheet of the customers in this view")

    def open_customer_list() -> None:
        customer_view()  # remember the view on screen now, before the section changes
        screen.select_report("customer_list")
        show = getattr(window, "show_section", None)  # not in WindowApi: the sidebar also works
        if show is not None:
            show("reports")

    customer_list.triggered.connect(open_customer_list)
    window.add_record_action("customer", customer_list)
    screen.invoice_printer = printer  # lives as long as the screen
