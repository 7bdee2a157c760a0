"""The top of the customer page: name, status, tags, primary contact and how to reach them.

Every text here is the user's own and is shown as plain text, elided when it
does not fit (the full text is in the tooltip): a 10,000-character name, a
right-to-left name or ``<b>&`` all show as what they are.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from crm_desktop.ui.formats import Formats, label

STATUS_COLORS = {
    "lead": "#1e88e5",
    "prospect": "#8e24aa",
    "active": "#2e7d32",
    "inactive": "#757575",
}
MAX_TAGS_SHOWN = 8
_TOOLTIP_LIMIT = 500


class ElidedLabel(QLabel):
    """One line of plain text, elided with "…" when too long; the tooltip has the rest."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        one_line = " ".join(text.split())
        self._full = one_line
        self.setText(one_line)
        self.setAccessibleName(one_line[:_TOOLTIP_LIMIT])
        self._update_tooltip()

    def full_text(self) -> str:
        return self._full

    def _update_tooltip(self) -> None:
        metrics = QFontMetrics(self.font())
        fits = metrics.horizontalAdvance(self._full) <= max(self.width(), 1)
        self.setToolTip("" if fits else self._full[:_TOOLTIP_LIMIT])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(min(metrics.horizontalAdvance(self._full) + 4, 900), metrics.height() + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        rect = self.contentsRect()
        text = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)


def chip(text: str, color: str, parent: QWidget | None = None, *, filled: bool = True) -> QLabel:
    """A small rounded label (a status or a tag)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text if len(text) <= 40 else text[:39] + "…")
    if len(text) > 40:
        label.setToolTip(text[:_TOOLTIP_LIMIT])
    if filled:
        style = f"background: {color}; color: white;"
    else:
        style = f"background: transparent; color: {color}; border: 1px solid {color};"
    label.setStyleSheet(f"QLabel {{ {style} border-radius: 9px; padding: 1px 8px; }}")
    return label


class CustomerHeader(QWidget):
    """Name, status and kind, tags, primary contact, and the customer's own contact details."""

    def __init__(self, formats: Formats, parent: QWidget | None = None):
        super().__init__(parent)
        self.formats = formats
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.name = ElidedLabel("", self)
        self.name.setObjectName("customer_name")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        layout.addWidget(self.name)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(6)
        layout.addLayout(self.chips)
        self.contact = ElidedLabel("", self)
        self.contact.setObjectName("primary_contact")
        layout.addWidget(self.contact)
        self.details = ElidedLabel("", self)
        self.details.setObjectName("customer_details")
        self.details.setForegroundRole(self.details.foregroundRole())
        layout.addWidget(self.details)
        self.trash_note = QLabel(
            self.tr("This customer is in the trash. Restore it from the Trash."), self
        )
        self.trash_note.setObjectName("trash_note")
        self.trash_note.setStyleSheet("color: #c62828;")
        self.trash_note.setVisible(False)
        layout.addWidget(self.trash_note)

    def show_customer(self, row: dict[str, Any]) -> None:
        self.name.set_full_text(row.get("name") or "")
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        status = row.get("status") or ""
        status_chip = chip(label(status), STATUS_COLORS.get(status, "#757575"), self)
        status_chip.setObjectName("status_chip")
        status_chip.setAccessibleName(self.tr("Status: {label}").format(label=label(status)))
        self.chips.addWidget(status_chip)
        self.chips.addWidget(chip(label(row.get("kind")), "#607d8b", self, filled=False))
        tag_names = list(row.get("tags") or [])
        for name in tag_names[:MAX_TAGS_SHOWN]:
            tag_chip = chip(name, "#455a64", self, filled=False)
            tag_chip.setObjectName("tag_chip")
            self.chips.addWidget(tag_chip)
        if len(tag_names) > MAX_TAGS_SHOWN:
            more = QLabel(
                self.tr("+{value} more").format(value=len(tag_names) - MAX_TAGS_SHOWN), self
            )
            more.setToolTip(", ".join(tag_names)[:_TOOLTIP_LIMIT])
            self.chips.addWidget(more)
        self.chips.addStretch(1)

        primary = row.get("primary_contact")
        if primary:
            parts = [primary["name"]]
            if primary.get("position"):
                parts[0] += f" ({primary['position']})"
            parts += [primary.get("email") or "", self.formats.phone(primary.get("phone"))]
            self.contact.set_full_text(
                self.tr("Primary contact: {contact}").format(
                    contact="  ·  ".join(p for p in parts if p)
                )
            )
        else:
            self.contact.set_full_text(self.tr("No contacts yet"))
        place = ", ".join(p for p in (row.get("city"), row.get("country")) if p)
        details = [
            row.get("email") or "",
            self.formats.phone(row.get("phone")),
            row.get("website") or "",
            place,
        ]
        self.details.set_full_text("  ·  ".join(d for d in details if d))
        self.details.setVisible(any(details))
        self.trash_note.setVisible(bool(row.get("deleted_at")))
