"""One line that says what is overdue: on Today for everyone, on a customer's page for them.

"2 invoices overdue: €1,234.56 owed since 2026-01-19 — Show". Read in the
background (:func:`crm_desktop.services.invoices.overdue`), hidden when
nothing is overdue, refreshed after every committed change to invoices or
payments. The link asks to show the Invoices list with its overdue filter.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from crm_desktop.services import invoices
from crm_desktop.services.changes import Change
from crm_desktop.ui.bridge import ChangeBridge
from crm_desktop.ui.forms.display import Formats
from crm_desktop.ui.tables.runner import runner

_WATCHED = frozenset({"invoice", "payment", "customer", "setting", "*"})
# What "Show" does; the selling feature sets it to open the overdue invoices in the window.
SHOW_OVERDUE: list[Callable[[], None]] = []


class OverdueNotice(QLabel):
    """What is overdue (of one customer, or of all); emits ``show_requested`` on its link."""

    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, customer_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("overdue_notice")
        self.customer_id = customer_id
        self.overdue: invoices.Overdue | None = None
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("color: #c53030;")
        self.linkActivated.connect(self._link)
        self.setVisible(False)
        self._channel = runner().channel(self)
        self.bridge = ChangeBridge(self)
        self.bridge.changed.connect(self._on_change)
        self.reload()

    def _link(self, _link: str) -> None:
        self.show_requested.emit()
        for show in SHOW_OVERDUE[-1:]:
            show()

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        customer_id = self.customer_id
        runner().submit(self._channel, lambda: invoices.overdue(customer_id), self._show,
                        lambda _exc: self.setVisible(False))  # fmt: skip

    def _on_change(self, change: Change) -> None:
        if change.entity in _WATCHED:
            self.reload()

    def _show(self, overdue: invoices.Overdue) -> None:
        self.overdue = overdue
        if not overdue.count:
            self.setText("")
            self.setVisible(False)
            return
        formats = Formats.load()
        what = f"{overdue.count:,} invoice{'s' if overdue.count != 1 else ''} overdue"
        since = f" since {formats.date(overdue.oldest_due)}" if overdue.oldest_due else ""
        text = f"{what}: {formats.money(overdue.balance_cents)} owed{since}"
        self.setText(f"⚠ {html.escape(text)} — <a href='show'>Show</a>")
        self.setAccessibleName(text)
        self.setVisible(True)
