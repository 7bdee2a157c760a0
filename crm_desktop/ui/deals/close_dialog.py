"""Asked when a deal is moved to Won or Lost: the close date, and for Lost, the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import deals, records
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.forms.base import error_label
from crm_desktop.ui.forms.widgets import DateEdit, TextLineEdit


class CloseDealDialog(QDialog):
    """Close date (today unless changed) and, for a lost deal, why it was lost."""

    def __init__(self, parent: QWidget | None, stage: str, title: str, formats: Formats):
        super().__init__(parent)
        self.setObjectName("close_deal_dialog")
        self.stage = stage
        won = stage == "won"
        self.setWindowTitle(self.tr("Deal won") if won else self.tr("Deal lost"))
        layout = QVBoxLayout(self)
        short = title if len(title) <= 80 else title[:79] + "…"
        intro = QLabel(
            (
                self.tr("Mark “{short}” as won.") if won else self.tr("Mark “{short}” as lost.")
            ).format(short=short),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.date = DateEdit(formats, self, optional=False)
        self.date.setObjectName("closed_at")
        self.date.setAccessibleName(self.tr("Closed on"))
        self.date_error = error_label(self)
        form.addRow(self.tr("Closed on:"), self.date)
        form.addRow("", self.date_error)
        self.reason = TextLineEdit(
            self, placeholder=self.tr("e.g. price, timing, chose a competitor")
        )
        self.reason.setObjectName("lost_reason")
        self.reason.setAccessibleName(self.tr("Lost reason"))
        self.reason_error = error_label(self)
        if not won:
            form.addRow(self.tr("Why was it lost?"), self.reason)
            form.addRow("", self.reason_error)
        else:
            self.reason.setVisible(False)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark as won") if won else self.tr("Mark as lost"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.date.value_changed.connect(self._check)
        self.reason.value_changed.connect(self._check)
        self._check()
        (self.reason if not won else self.date).setFocus()
        self.setMinimumWidth(420)

    def _check(self) -> None:
        """The service's parsers say whether the date and the reason can be saved."""
        date_message = records.validate_field(deals.DEAL, "closed_at", self.date.value())
        reason_message = records.validate_field(deals.DEAL, "lost_reason", self.reason.value())
        for label, message in (
            (self.date_error, date_message),
            (self.reason_error, reason_message),
        ):
            label.setText(message or "")
            label.setVisible(bool(message))
        self.ok_button.setEnabled(
            not date_message and not (reason_message and self.stage == "lost")
        )

    def closed_at(self) -> str | None:
        return self.date.value()

    def lost_reason(self) -> str | None:
        text = self.reason.value().strip()
        return text or None if self.stage == "lost" else None
