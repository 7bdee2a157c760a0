"""Typing "tomorrow", "friday" or "+3d" into a date field, and its menu of quick dates.

:class:`DateWords` attaches to a form's :class:`~crm_desktop.ui.forms.widgets.DateEdit`:
a letter, ``+`` or ``-`` typed into the date swaps the field for a line of
text ("tomorrow", "next week", "5/12"…); Enter reads it with
:func:`crm_desktop.services.date_words.parse` in the locale's day/month
order and puts the date back, Esc leaves the date as it was. A small menu
button beside the date offers the presets (Today, Tomorrow, Friday, Next
Monday…). What cannot be read stays in the line, marked, with a hint.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QMenu, QToolButton, QWidget

from crm_desktop.services import date_words
from crm_desktop.services.clock import today

_HINT = "today, tomorrow, friday, next week, +3d, in 2 weeks, or a date"
_BAD_STYLE = "QLineEdit { border: 1px solid #c62828; }"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DateWords", text)


def locale_order(pattern: str) -> str:
    """``"MDY"``, ``"DMY"`` or ``"YMD"``: the order of a Qt date pattern like ``M/d/yyyy``."""
    positions = {
        part: pattern.find(letter) for part, letter in (("D", "d"), ("M", "M"), ("Y", "y"))
    }
    if min(positions.values()) < 0:
        return "MDY"
    return "".join(sorted(positions, key=positions.__getitem__))


class DateWords(QObject):
    """The typed-words line and the presets menu of one date field."""

    def __init__(self, field: Any, pattern: str, layout: QBoxLayout):
        super().__init__(field)
        self.field = field  # a DateEdit: .edit (QDateEdit), .set_value(), .value()
        self.order = locale_order(pattern)
        self.line = QLineEdit(field)
        self.line.setObjectName("date_words")
        self.line.setPlaceholderText(_tr(_HINT))
        self.line.setToolTip(_tr("Type a date in words: ") + _tr(_HINT))
        self.line.setAccessibleName(_tr("Date in words"))
        self.line.setVisible(False)
        self.line.installEventFilter(self)
        self.line.textEdited.connect(lambda _text: field.value_changed.emit())
        layout.insertWidget(layout.indexOf(field.edit) + 1, self.line, 1)
        self.menu = QMenu(field)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button = QToolButton(field)
        self.button.setObjectName("date_presets")
        self.button.setText("▾")
        self.button.setToolTip(_tr("Quick dates: today, tomorrow, Friday, next week…"))
        self.button.setAccessibleName(_tr("Quick dates"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setAutoRaise(True)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        layout.insertWidget(layout.indexOf(self.line) + 1, self.button)
        field.edit.installEventFilter(self)

    # --- the menu ------------------------------------------------------------------------

    def _fill_menu(self) -> None:
        self.menu.clear()
        for label, day in date_words.presets(today()):
            action = self.menu.addAction(f"{_tr(label)}\t{self._shown(day)}")
            action.triggered.connect(lambda _checked=False, day=day: self.choose(day))
        self.menu.addSeparator()
        typed = self.menu.addAction(_tr("Type a date in words…"))
        typed.triggered.connect(lambda: self.start(""))

    def _shown(self, day: date) -> str:
        edit = self.field.edit
        return edit.locale().toString(QDate(day.year, day.month, day.day), edit.displayFormat())

    def choose(self, day: date) -> None:
        self.finish()
        self.field.set_value(day)
        self.field.edit.setFocus()

    # --- typing words ----------------------------------------------------------------------

    def is_typing(self) -> bool:
        return self.line.isVisible()

    def typed_value(self) -> str | None:
        """The date the words mean (ISO), or the words themselves: saving with Ctrl+S before
        Enter keeps what was typed, and the service's parser says when it is not a date."""
        text = self.line.text().strip()
        day = date_words.parse(text, today(), order=self.order) if text else None
        return day.isoformat() if day is not None else (text or None)

    def start(self, text: str) -> None:
        """Swap the date for the words line, starting with ``text``."""
        self.line.setStyleSheet("")
        self.line.setText(text)
        self.field.edit.setVisible(False)
        self.line.setVisible(True)
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line.end(False)

    def accept(self) -> bool:
        """Read the line; True (and the date set) if it means a date."""
        day = date_words.parse(self.line.text(), today(), order=self.order)
        if day is None or not (1900 <= day.year <= 2999):
            self.line.setStyleSheet(_BAD_STYLE)
            self.line.setToolTip(_tr("Not a date. Try: ") + _tr(_HINT))
            return False
        self.choose(day)
        return True

    def finish(self) -> None:
        """Back to the date as it is."""
        if self.line.isVisible():
            self.line.setVisible(False)
            self.field.edit.setVisible(True)
            self.field.value_changed.emit()  # the value is the date's again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            if watched is self.line and event.type() == QEvent.Type.FocusOut:
                if self.line.isVisible() and self.line.text().strip() and not self.accept():
                    return False  # stays, marked: nothing the user typed is silently lost
                if not self.line.text().strip():
                    self.finish()
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if watched is self.field.edit:
            text = key_event.text()
            words_start = (
                text
                and (text.isalpha() or text in "+-")
                and not key_event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            )
            if words_start:
                self.start(text)
                return True
            return False
        if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True  # Enter reads the words; it does not also press the form's default button
        if key_event.key() == Qt.Key.Key_Escape:
            self.finish()
            self.field.edit.setFocus()
            return True
        return False


def attach(field: QWidget, pattern: str, layout: QBoxLayout) -> DateWords:
    """Give a DateEdit its words line and presets menu (see the module docstring)."""
    return DateWords(field, pattern, layout)
