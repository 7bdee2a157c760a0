"""The editors a form is made of: text, choices, dates, money, and pickers that complete.

Every editor offers the same small protocol to :class:`~crm_desktop.ui.forms.base.RecordForm`:

* ``value_changed`` — a signal when the user (or the form) changes the value;
* ``value()`` — what the user entered, in the form the service's parser reads
  (text as typed, a chosen record's id, an ISO date, a local datetime);
* ``set_value(stored)`` — show a value as the database stores it.

No editor checks what the user typed: the form asks the service's parser
(``records.validate_field``) and shows its message. Editors only make typing
pleasant — completion, calendar popups, money shown the locale's way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from crm_desktop.errors import NotFoundError
from crm_desktop.services import contacts, customers, deals, products, records, tags
from crm_desktop.services.clock import from_timestamp
from crm_desktop.ui.formats import Formats, label

# A picker asks the service after the user pauses this long (ms); the search is fast,
# the pause only avoids redrawing the popup for every letter of a fast typist.
PICKER_DELAY_MS = 120
POPUP_MAX_WIDTH = 640  # a picker's popup grows to its longest choice, up to this

# QDateEdit cannot be empty: the day before the first allowed date stands for "no date".
_NO_DATE = QDate(1899, 12, 31)
_FIRST_DATE = QDate(1900, 1, 1)
_LAST_DATE = QDate(2999, 12, 31)


def _date_pattern(formats: Formats) -> str:
    return formats.date_pattern


# --- plain editors ----------------------------------------------------------------------


class TextLineEdit(QLineEdit):
    """One line of text (names, emails, phones, numbers typed as text)."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = ""):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textChanged.connect(lambda _text: self.value_changed.emit())

    def value(self) -> str:
        return self.text()

    def set_value(self, stored: Any) -> None:
        self.setText("" if stored is None else str(stored))
        self.setCursorPosition(0)


class PhoneEdit(TextLineEdit):
    """A phone number; the stored E.164 is shown grouped (``+1 415-555-0123``)."""

    def set_value(self, stored: Any) -> None:
        from crm_desktop.services.validation import format_phone

        super().set_value(format_phone(stored) if stored else "")


class TextAreaEdit(QPlainTextEdit):
    """Free text over several lines; Tab moves on to the next field."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 4, placeholder: str = ""):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(min(height, 60))
        self.setFixedHeight(height)
        self.textChanged.connect(self.value_changed.emit)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, stored: Any) -> None:
        self.setPlainText("" if stored is None else str(stored))


class ChoiceCombo(QComboBox):
    """One value of an enumeration, shown in words (``in_progress`` → "In progress")."""

    value_changed = Signal()

    def __init__(
        self,
        values: Sequence[str],
        parent: QWidget | None = None,
        *,
        labels: dict[str, str] | None = None,
    ):
        super().__init__(parent)
        for value in values:
            self.addItem((labels or {}).get(value) or label(value), value)
        self.currentIndexChanged.connect(lambda _i: self.value_changed.emit())

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, stored: Any) -> None:
        index = self.findData(stored)
        if index >= 0:
            self.setCurrentIndex(index)


class CheckEdit(QCheckBox):
    """Yes or no."""

    value_changed = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.toggled.connect(lambda _on: self.value_changed.emit())

    def value(self) -> int:
        return 1 if self.isChecked() else 0

    def set_value(self, stored: Any) -> None:
        self.setChecked(bool(stored))


class NumberEdit(TextLineEdit):
    """A number typed the way people type it (``1,5``; ``12.25``); right-aligned.

    ``parse`` is the field's parser from the service; a value it accepts is
    rewritten the locale's way when the user leaves the field.
    """

    def __init__(
        self,
        formats: Formats,
        parse: Callable[[Any], Any] | None = None,
        parent: QWidget | None = None,
        *,
        placeholder: str = "",
        show: Callable[[Any], str] | None = None,
    ):
        super().__init__(parent, placeholder=placeholder)
        self._formats = formats
        self._parse = parse
        self._show = show or formats.number
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._tidy)

    def set_value(self, stored: Any) -> None:
        super().set_value(self._show(stored) if stored is not None else "")

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        # A number is replaced more often than edited: typing overwrites "0.00".
        QTimer.singleShot(0, self.selectAll)

    def _tidy(self) -> None:
        if self._parse is None or not self.text().strip():
            return
        try:
            parsed = self._parse(self.text())
        except ValueError:
            return  # the form shows the parser's message
        if parsed is not None:
            tidy = self._show(parsed)
            if tidy != self.text():
                self.setText(tidy)


class MoneyEdit(NumberEdit):
    """An amount: accepts ``1 234,56``, ``1,234.56``, ``$12``; shows ``1,234.56``."""

    def __init__(
        self,
        formats: Formats,
        parse: Callable[[Any], Any] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(formats, parse, parent, placeholder=formats.amount(0), show=formats.amount)
        self.setToolTip(self.tr("Amount in {currency}").format(currency=formats.currency))


# --- dates ------------------------------------------------------------------------------


class DateEdit(QWidget):
    """A calendar date with a calendar popup; an optional one can be emptied ("No date").

    Typing a digit or pressing Up/Down in an empty field starts from today.
    """

    value_changed = Signal()

    def __init__(self, formats: Formats, parent: QWidget | None = None, *, optional: bool = True):
        super().__init__(parent)
        self.optional = optional
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(_date_pattern(formats))
        self.edit.setMaximumDate(_LAST_DATE)
        if optional:
            self.edit.setMinimumDate(_NO_DATE)
            self.edit.setSpecialValueText(self.tr("No date"))
            self.edit.setDate(_NO_DATE)
        else:
            self.edit.setMinimumDate(_FIRST_DATE)
            self.edit.setDate(QDate.currentDate())
        self.edit.calendarWidget().installEventFilter(self)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        self.clear_button: QToolButton | None = None
        if optional:
            button = QToolButton(self)
            button.setText("✕")
            button.setToolTip(self.tr("No date"))
            button.setAccessibleName(self.tr("Clear the date"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
            button.clicked.connect(lambda: self.set_value(None))
            layout.addWidget(button)
            self.clear_button = button
        layout.addStretch(0)
        from crm_desktop.ui.forms import date_words  # "tomorrow", "+3d", and a presets menu

        self.words = date_words.attach(self, _date_pattern(formats), layout)
        self.edit.dateChanged.connect(self._changed)

    def _changed(self, _date: QDate) -> None:
        if self.clear_button is not None:
            self.clear_button.setEnabled(self.value() is not None)
        self.value_changed.emit()

    def value(self) -> str | None:
        if self.words.is_typing():  # words not yet read: what they mean, else as typed
            return self.words.typed_value()
        current = self.edit.date()
        if self.optional and current == _NO_DATE:
            return None
        return current.toString("yyyy-MM-dd")

    def set_value(self, stored: Any) -> None:
        if stored in (None, ""):
            self.edit.setDate(_NO_DATE if self.optional else QDate.currentDate())
            return
        if isinstance(stored, date):
            stored = stored.isoformat()
        parsed = QDate.fromString(str(stored)[:10], "yyyy-MM-dd")
        if parsed.isValid():
            self.edit.setDate(parsed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.value() is None:
            if watched is self.edit.calendarWidget() and event.type() == QEvent.Type.Show:
                today = QDate.currentDate()
                self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
            elif watched is self.edit and event.type() == QEvent.Type.KeyPress:
                key_event: QKeyEvent = event  # type: ignore[assignment]
                if key_event.text().isdigit() or key_event.key() in (
                    Qt.Key.Key_Up,
                    Qt.Key.Key_Down,
                ):
                    self.edit.setDate(QDate.currentDate())
                    if key_event.text().isdigit():
                        # Typing starts over in the first part (month or day) of today.
                        self.edit.setCurrentSectionIndex(0)
                        self.edit.setSelectedSection(self.edit.sectionAt(0))
                    return key_event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        return super().eventFilter(watched, event)


class DateTimeEdit(QDateTimeEdit):
    """A moment in local time with a calendar popup (the service stores it in UTC)."""

    value_changed = Signal()

    def __init__(self, formats: Formats, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(f"{formats.date_pattern} {formats.time_pattern}")
        self.setDateTime(QDateTime.currentDateTime())
        self.dateTimeChanged.connect(lambda _dt: self.value_changed.emit())

    def value(self) -> datetime:
        moment = self.dateTime()
        day, time = moment.date(), moment.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())

    def set_value(self, stored: Any) -> None:
        if not stored:
            return
        if isinstance(stored, datetime):
            moment = stored
        else:
            try:
                moment = from_timestamp(str(stored)).astimezone().replace(tzinfo=None)
            except ValueError:
                return
        self.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
            )
        )


# --- pickers ------------------------------------------------------------------------------


class _ChoicesModel(QAbstractListModel):
    """What a picker's popup lists: (id, text shown, text put in the field, payload)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[tuple[int, str, str, Any]] = []

    def set_items(self, items: list[tuple[int, str, str, Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item[1]
        if role == Qt.ItemDataRole.UserRole:
            return index.row()
        if role == Qt.ItemDataRole.ForegroundRole and _inactive(item[3]):
            return QColor("#9e9e9e")  # an inactive product: offered, but greyed and marked
        return None


def _popup_of(completer: QCompleter) -> QAbstractItemView:
    """A completer's popup list (Qt makes one on first use; the stubs say it may be None)."""
    popup = completer.popup()
    assert popup is not None
    return popup


def _inactive(payload: Any) -> bool:
    return isinstance(payload, dict) and payload.get("active") is False


class RecordPicker(QLineEdit):
    """Type a few letters, pick a record from the popup; the value is the record's id.

    Text that was typed but not picked is the value as is, so the service's
    parser says "Choose a record from the list." The search is the service's
    (any script, any case), so the popup is never filtered again here.
    """

    value_changed = Signal()
    chosen = Signal(object)  # the payload of the picked item, or None when cleared

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = ""):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._id: int | None = None
        self._model = _ChoicesModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        # Down on the last (or only) match stays there: wrapping would leave no row chosen,
        # and Enter would then keep the typed text ("Choose a record from the list").
        self._completer.setWrapAround(False)
        _popup_of(self._completer).setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._completer.setWidget(self)
        # PySide picks the overload of a signal by its argument type; the stubs cannot index.
        self._completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PICKER_DELAY_MS)
        self._timer.timeout.connect(self.refresh_choices)
        self.textEdited.connect(self._edited)

    # what subclasses provide
    def search(self, query: str) -> list[tuple[int, str, str, Any]]:
        """(id, popup text, field text, payload) of the records matching ``query``."""
        raise NotImplementedError

    def describe(self, record_id: int) -> str:
        """The text of the record with this id, shown in the field."""
        raise NotImplementedError

    # the editor protocol
    def value(self) -> int | str | None:
        if self._id is not None:
            return self._id
        return self.text().strip() or None

    def record_id(self) -> int | None:
        return self._id

    def set_value(self, stored: Any) -> None:
        if stored in (None, ""):
            self._set(None, "")
            return
        try:
            text = self.describe(int(stored))
        except (NotFoundError, ValueError):
            self._set(None, "")
            return
        self._set(int(stored), text)

    @property
    def popup(self) -> QAbstractItemView:
        return _popup_of(self._completer)

    def choices(self) -> list[tuple[int, str, str, Any]]:
        return list(self._model.items)

    def choose(self, row: int) -> None:
        """Pick the ``row``-th item of the popup (what a click or Enter does)."""
        record_id, _shown, text, payload = self._model.items[row]
        _popup_of(self._completer).hide()
        self._set(record_id, text)
        self.chosen.emit(payload)

    # internals
    def _set(self, record_id: int | None, text: str) -> None:
        changed = record_id != self._id or text != self.text()
        self._id = record_id
        self.setText(text)
        self.setCursorPosition(0)
        if changed:
            self.value_changed.emit()

    def _edited(self, text: str) -> None:
        had_id = self._id is not None
        self._id = None
        if had_id:
            self.chosen.emit(None)
        self.value_changed.emit()
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            _popup_of(self._completer).hide()

    def refresh_choices(self) -> None:
        """Ask the service for what matches the text now and show the popup."""
        self._timer.stop()
        query = self.text().strip()
        self._model.set_items(self.search(query) if query else [])
        if self._model.items:
            self._completer.setCompletionPrefix("")
            self._completer.complete(self._popup_rect())
            _popup_of(self._completer).setCurrentIndex(
                self._completer.completionModel().index(0, 0)
            )
        else:
            _popup_of(self._completer).hide()

    def _popup_rect(self) -> QRect:
        """As wide as the longest choice (a table cell is narrower than "name — price"), at
        most :data:`POPUP_MAX_WIDTH`; the middle of a longer one is elided, not its price."""
        popup = _popup_of(self._completer)
        metrics = popup.fontMetrics()
        widest = max(metrics.horizontalAdvance(item[1]) for item in self._model.items)
        extra = popup.verticalScrollBar().sizeHint().width() + 2 * popup.frameWidth() + 16
        width = max(self.width(), min(widest + extra, POPUP_MAX_WIDTH))
        return QRect(0, 0, width, self.height())

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if row is not None and 0 <= row < len(self._model.items):
            self.choose(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not _popup_of(self._completer).isVisible():
            self.refresh_choices()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._pick_only_match():
            return
        super().keyPressEvent(event)

    def _pick_only_match(self) -> bool:
        """Enter on typed text that matches exactly one record picks it (the popup may be
        closed, or not yet open when the user typed fast)."""
        if self._id is not None or not self.text().strip():
            return False
        if self._timer.isActive():
            self.refresh_choices()
        if len(self._model.items) != 1:
            return False
        self.choose(0)
        return True

    def focusOutEvent(self, event) -> None:
        self._timer.stop()
        super().focusOutEvent(event)


class CustomerPicker(RecordPicker):
    """Finds customers by name, email or phone, in any script, as the user types."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, placeholder=self.tr("Type a name, email or phone…"))
        self.setAccessibleName(self.tr("Customer"))

    def search(self, query: str) -> list[tuple[int, str, str, Any]]:
        return [(i, name, name, i) for i, name in customers.customer_choices(query, limit=15)]

    def describe(self, record_id: int) -> str:
        return records.get(customers.CUSTOMER, record_id)["name"]


class ProductPicker(RecordPicker):
    """Finds products by SKU or name; picking one gives its row (with its price)."""

    def __init__(self, formats: Formats, parent: QWidget | None = None):
        super().__init__(parent, placeholder=self.tr("Type a product name or SKU…"))
        self.setAccessibleName(self.tr("Product"))
        self._formats = formats

    def search(self, query: str) -> list[tuple[int, str, str, Any]]:
        found = []
        inactive = QCoreApplication.translate("ProductPicker", "inactive")
        # Inactive products come last, greyed and marked: an old order may still need one.
        for row in products.product_choices(query, limit=15, active_only=False):
            label = f"{row['sku']} · {row['name']}" if row["sku"] else row["name"]
            shown = f"{label}  —  {self._formats.money(row['unit_price_cents'])}"
            if not row["active"]:
                shown += f"  ({inactive})"
            found.append((row["id"], shown, row["name"], row))
        return found

    def describe(self, record_id: int) -> str:
        return records.get(products.PRODUCT, record_id)["name"]


class _RelatedCombo(QComboBox):
    """A choice among the records of the chosen customer (contacts, deals), or none."""

    value_changed = Signal()

    def __init__(self, none_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._none_text = none_text
        self._customer_id: int | None = None
        self._pending: int | None = None
        self.addItem(none_text, None)
        self.currentIndexChanged.connect(lambda _i: self.value_changed.emit())

    def rows(self, customer_id: int) -> list[tuple[int, str]]:
        raise NotImplementedError

    def set_customer(self, customer_id: int | None) -> None:
        if customer_id == self._customer_id and self.count() > 1:
            return
        self._customer_id = customer_id
        keep = self.value() if self._pending is None else self._pending
        self._pending = None
        self.blockSignals(True)
        self.clear()
        self.addItem(self._none_text, None)
        for record_id, text in self.rows(customer_id) if customer_id else []:
            self.addItem(text, record_id)
        index = self.findData(keep) if keep is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self.setEnabled(customer_id is not None)
        self.value_changed.emit()

    def value(self) -> int | None:
        return self.currentData()

    def set_value(self, stored: Any) -> None:
        index = self.findData(stored) if stored is not None else 0
        if index < 0:
            self._pending = stored  # the customer is set next; keep it until then
            return
        self._pending = None
        self.setCurrentIndex(index)


class ContactCombo(_RelatedCombo):
    """One of the chosen customer's contacts (primary first), or none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("— no contact —"), parent)

    def rows(self, customer_id: int) -> list[tuple[int, str]]:
        found = []
        for row in contacts.contacts_of(customer_id):
            text = row["name"] + (f" ({row['position']})" if row.get("position") else "")
            found.append((row["id"], text))
        return found


class DealCombo(_RelatedCombo):
    """One of the chosen customer's deals, or none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("— no deal —"), parent)

    def rows(self, customer_id: int) -> list[tuple[int, str]]:
        return [
            (row["id"], f"{row['title']} ({label(row['stage'])})")
            for row in deals.deals_of(customer_id)
        ]


class TagsEdit(QLineEdit):
    """Tags separated by commas, each completed from the tags that exist."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. VIP, newsletter"))
        self._names = tags.tag_names()  # no counting: a form opens at once at 1M
        from PySide6.QtCore import QStringListModel

        self._completer = QCompleter(QStringListModel(self._names, self), self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._insert)  # type: ignore[index]  # (see above)
        self.textEdited.connect(self._edited)
        self.textChanged.connect(lambda _t: self.value_changed.emit())

    def _edited(self, text: str) -> None:
        token = text.split(",")[-1].strip()
        if not token:
            _popup_of(self._completer).hide()
            return
        self._completer.setCompletionPrefix(token)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            _popup_of(self._completer).hide()

    def _insert(self, name: str) -> None:
        parts = [p.strip() for p in self.text().split(",")[:-1] if p.strip()]
        self.setText(", ".join([*parts, name]) + ", ")

    def value(self) -> list[str]:
        return [part.strip() for part in self.text().split(",") if part.strip()]

    def set_value(self, stored: Any) -> None:
        self.setText(", ".join(stored or []))
