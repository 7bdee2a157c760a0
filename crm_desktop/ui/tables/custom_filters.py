"""Filter controls for the owner's custom fields in a list's filter bar.

A list can be filtered by a custom field (``cf_<id>``): a saved view keeps such
a filter, and the bar's "Field filter" menu adds one. Each active filter is a
small control in the bar, by the field's kind:

* a choice list or yes/no: a combo ("any", the choices / yes, no);
* a number, money or a date: a from–to range (either end may stay empty);
* text and links: "contains".

The user changes it (typed values are checked as they are typed: a wrong one
turns red with what is wrong in its tool tip and does not filter) or clears it
with its × button. The bar's values carry it, so "Update view" saves it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from crm_desktop.services import custom_fields
from crm_desktop.services.custom_fields import CustomField
from crm_desktop.services.validation import FieldError, flag

TYPING_DEBOUNCE_MS = 300
_RANGED = frozenset({"number", "money", "date"})
_INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; }"


class CustomFilter(QWidget):
    """The filter on one custom field: its name, its editor(s) and a clear button."""

    changed = Signal()
    cleared = Signal(str)  # the field's key

    def __init__(self, item: CustomField, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.key = item.key
        self._parse = custom_fields.parser(item)
        self.combo: QComboBox | None = None
        self.edits: list[QLineEdit] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = QLabel(self.tr("{field}:").format(field=item.name))
        layout.addWidget(self.caption)
        if item.kind in ("choice", "yes_no"):
            self.combo = QComboBox()
            self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.combo.setAccessibleName(item.name)
            self.combo.addItem(self.tr("any"), None)
            if item.kind == "choice":
                for choice in item.choices:
                    self.combo.addItem(choice, choice)
            else:
                # Strings, not booleans: False would read as "no filter" (an unticked box).
                self.combo.addItem(self.tr("yes"), "yes")
                self.combo.addItem(self.tr("no"), "no")
            self.combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
            layout.addWidget(self.combo)
        elif item.kind in _RANGED:
            self._add_edit(layout, self.tr("from"), 90)
            layout.addWidget(QLabel("–"))
            self._add_edit(layout, self.tr("to"), 90)
        else:
            self._add_edit(layout, self.tr("contains"), 120)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip(
            self.tr("Remove the filter on “{field}”").format(field=item.name)
        )
        self.clear_button.setAccessibleName(self.clear_button.toolTip())
        self.clear_button.clicked.connect(lambda: self.cleared.emit(self.key))
        layout.addWidget(self.clear_button)
        self.setToolTip(
            self.tr("Show only records whose “{field}” matches").format(field=item.name)
        )

    def _add_edit(self, layout: QHBoxLayout, placeholder: str, width: int) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(f"{self.item.name}: {placeholder}")
        edit.setFixedWidth(width)
        edit.textChanged.connect(self._typed)
        self.edits.append(edit)
        layout.addWidget(edit)

    # --- what is typed ----------------------------------------------------------------------

    def _typed(self, *_: Any) -> None:
        for edit in self.edits:
            self._check(edit)
        self._timer.start()

    def _check(self, edit: QLineEdit) -> bool:
        """Mark a typed value that is not one of this kind (it is left out of the filter)."""
        problem = ""
        text = edit.text().strip()
        if text and self.item.kind in _RANGED:
            try:
                self._parse(text)
            except FieldError as exc:
                problem = str(exc)
        edit.setStyleSheet(_INVALID_STYLE if problem else "")
        edit.setToolTip(problem)
        edit.setProperty("invalid", bool(problem))
        return not problem

    def flush(self) -> None:
        """Announce what is typed now instead of after the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    def value(self) -> Any:
        """The filter's value as the list takes it, or None while it filters nothing."""
        if self.combo is not None:
            return self.combo.currentData()
        if self.item.kind in _RANGED:
            bounds: dict[str, str] = {}
            for bound, edit in zip(("from", "to"), self.edits, strict=True):
                text = edit.text().strip()
                if text and self._check(edit):
                    # A date is kept as ISO (it reads back the same in any locale).
                    bounds[bound] = str(self._parse(text)) if self.item.kind == "date" else text
            return bounds or None
        return self.edits[0].text().strip() or None

    def set_value(self, value: Any) -> None:
        """Show a saved value without announcing it."""
        blocked = self.blockSignals(True)
        try:
            if self.combo is not None:
                wanted = value
                if self.item.kind == "yes_no" and value is not None:
                    wanted = "yes" if _is_yes(value) else "no"
                index = self.combo.findData(wanted) if wanted is not None else 0
                self.combo.setCurrentIndex(max(index, 0))
            elif self.item.kind in _RANGED:
                bounds = value if isinstance(value, Mapping) else {"from": value, "to": value}
                for bound, edit in zip(("from", "to"), self.edits, strict=True):
                    edit.setText("" if bounds.get(bound) is None else str(bounds[bound]))
            else:
                self.edits[0].setText("" if value is None else str(value))
            self._timer.stop()
        finally:
            self.blockSignals(blocked)


def _is_yes(value: Any) -> bool:
    try:
        return bool(flag(value))
    except FieldError:
        return False
