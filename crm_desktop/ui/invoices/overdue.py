"""One line that says what is overdue: on Today for everyone, on a customer's page for them.

"2 invoices overdue: €1,234.56 owed since 2026-01-19 — Show". Read in the
background (:func:`crm_desktop.services.invoices.overdue`), hidden when
nothing is overdue, refreshed after every committed change to invoices or
payments. The link asks to show the Invoices list with its overdue filter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from crm_desktop.services.invoice_dues import Overdue
from crm_desktop.ui.bridge import ChangeBridge
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.words import english_plural, escape_markup

if TYPE_CHECKING:
    from crm_desktop.services.changes import Change

_WATCHED = frozenset({"invoice", "payment", "customer", "setting", "*"})
# What "Show" does; the selling feature sets it to open the overdue invoices in the window.
SHOW_OVERDUE: list[Callable[[], None]] = []


class OverdueNotice(QLabel):
    """What is overdue (of one customer, or of all); emits ``show_requested`` on its link."""

    show_requested = Signal()
    loaded = Signal()  # after each reload, shown or hidden (Today waits for it at the start)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
        overdue: Overdue | None = None,
        formats: Formats | None = None,
    ):
        """``overdue`` already read (Today at start: with the file's opening) is shown as is;
        ``formats``: the window's, instead of reading the settings again."""
        super().__init__(parent)
        self._formats = formats
        self.setObjectName("overdue_notice")
        self.customer_id = customer_id
        self.overdue: Overdue | None = None
        self.has_loaded = False
        # Its text is rich (the "Show" link) and says so by itself: Qt's default text format
        # (AutoText) finds the link's tag on its first line. Setting Qt.TextFormat.RichText
        # would make Today's first frame build PySide6's whole ``Qt`` namespace (~20 ms).
        # Red (#c53030), from its palette: a style sheet would bring Qt's style-sheet style
        # into Today's first frame (its parser and caches, a few ms). (QColor's string and
        # Qt.GlobalColor overloads are not used for the same reason as above.)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(0xC5, 0x30, 0x30))
        self.setPalette(palette)
        self.linkActivated.connect(self._link)
        self.setVisible(False)
        self._channel: int | None = None  # the query thread's, made on the first reload
        self.bridge = ChangeBridge(self)
        self.bridge.changed.connect(self._on_change)
        if overdue is not None:
            self._show(overdue)
        else:
            self.reload()

    def _link(self, _link: str) -> None:
        self.show_requested.emit()
        for show in SHOW_OVERDUE[-1:]:
            show()

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        # Imported here: on Today at start the line comes read already, before the models.
        from crm_desktop.services import invoices
        from crm_desktop.ui.tables.runner import runner

        if self._channel is None:
            self._channel = runner().channel(self)
        customer_id = self.customer_id
        runner().submit(self._channel, lambda: invoices.overdue(customer_id), self._show,
                        self._failed)  # fmt: skip

    def _failed(self, _exc: BaseException) -> None:
        self.setVisible(False)
        self._loaded()

    def _loaded(self) -> None:
        self.has_loaded = True
        self.loaded.emit()

    def _on_change(self, change: Change) -> None:
        if change.entity == "setting":
            self._formats = None  # the currency or the locale may have changed
        if change.entity in _WATCHED:
            self.reload()

    def _show(self, overdue: Overdue) -> None:
        self.overdue = overdue
        if not overdue.count:
            self.setText("")
            self.setVisible(False)
            self._loaded()
            return
        formats = self._formats or Formats.load()
        owed = formats.money(overdue.balance_cents)
        if overdue.oldest_due:
            text = english_plural(
                self.tr("%Ln invoice(s) overdue: {owed} owed since {since}", "", overdue.count),
                overdue.count,
            ).format(owed=owed, since=formats.date(overdue.oldest_due))
        else:
            text = english_plural(
                self.tr("%Ln invoice(s) overdue: {owed} owed", "", overdue.count), overdue.count
            ).format(owed=owed)
        self.setText(
            self.tr("⚠ {escape} — <a href='show'>Show</a>").format(escape=escape_markup(text))
        )
        self.setAccessibleName(text)
        self.setVisible(True)
        self._loaded()
