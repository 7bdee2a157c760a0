"""The search box and filters above a table.

The search box filters as the user types, debounced (:data:`DEBOUNCE_MS`)
so a burst of keystrokes runs one query; Esc clears it, Down or Enter goes
to the results. The filters are built from the section's
:class:`~crm_desktop.ui.sections.base.FilterSpec` list: combos for
status/stage/kind, a tag combo filled from the database in the background,
check boxes ("Overdue", "Open only") and date ranges with presets and a
custom range with calendar pop-ups. The owner's own fields get a control each
while they filter (:mod:`.custom_filters`), from a saved view or the "Field
filter" menu.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from crm_desktop.services import custom_fields
from crm_desktop.services.clock import today
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.sections.base import FilterSpec, Section
from crm_desktop.ui.tables.custom_filters import CustomFilter
from crm_desktop.ui.translation import declared

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """A line edit for search: Esc clears, Down/Enter leave for the results."""

    leave_requested = Signal()
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escape_pressed.emit()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _presets() -> list[tuple[str, tuple[date | None, date | None]]]:
    now = today()
    next_month = (_month_start(now) + timedelta(days=32)).replace(day=1)
    return [
        (QT_TR_NOOP("any time"), (None, None)),
        (QT_TR_NOOP("today"), (now, now)),
        (QT_TR_NOOP("last 7 days"), (now - timedelta(days=6), now)),
        (QT_TR_NOOP("next 7 days"), (now, now + timedelta(days=6))),
        (QT_TR_NOOP("this month"), (_month_start(now), next_month - timedelta(days=1))),
        (QT_TR_NOOP("last 30 days"), (now - timedelta(days=29), now)),
        (QT_TR_NOOP("next 30 days"), (now, now + timedelta(days=29))),
        (QT_TR_NOOP("this year"), (date(now.year, 1, 1), date(now.year, 12, 31))),
        (QT_TR_NOOP("last year"), (date(now.year - 1, 1, 1), date(now.year - 1, 12, 31))),
    ]


class DateRange(QWidget):
    """A date range: presets ("last 30 days", "this year"…) or a custom from–to."""

    changed = Signal()
    CUSTOM = QT_TR_NOOP("custom range…")

    def __init__(self, spec: FilterSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setToolTip(
            self.tr("Show only records whose {lower} date is in a range").format(
                lower=spec.label.lower()
            )
        )
        self._ranges: list[tuple[date | None, date | None] | None] = []
        for text, period in _presets():
            self.combo.addItem(
                self.tr("{label}: {period}").format(label=spec.label, period=declared(text))
            )
            self._ranges.append(period)
        self.combo.addItem(
            self.tr("{label}: {period}").format(label=spec.label, period=declared(self.CUSTOM))
        )
        self._ranges.append(None)
        # The two date fields are made the first time "custom range" is chosen.
        self._start: QDateEdit | None = None
        self._end: QDateEdit | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._preset_chosen)

    @property
    def start(self) -> QDateEdit:
        self._make_date_edits()
        assert self._start is not None
        return self._start

    @property
    def end(self) -> QDateEdit:
        self._make_date_edits()
        assert self._end is not None
        return self._end

    def _make_date_edits(self) -> None:
        if self._start is None:
            self._start = self._date_edit(self.tr("From"))
            self._end = self._date_edit(self.tr("To"))

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        edit.setToolTip(tip)
        edit.hide()
        edit.dateChanged.connect(lambda *_: self.changed.emit())
        self._layout.addWidget(edit)
        return edit

    def _preset_chosen(self, index: int) -> None:
        custom = self._ranges[index] is None
        if custom or self._start is not None:
            self.start.setVisible(custom)
            self.end.setVisible(custom)
        self.changed.emit()

    def value(self) -> tuple[str | None, str | None]:
        period = self._ranges[self.combo.currentIndex()]
        if period is None:
            # QDate.toPython() gives a date; PySide's stubs say object.
            start: date = self.start.date().toPython()  # type: ignore[assignment]
            end: date = self.end.date().toPython()  # type: ignore[assignment]
            start, end = min(start, end), max(start, end)
            return start.isoformat(), end.isoformat()
        first, last = period
        return (first.isoformat() if first else None, last.isoformat() if last else None)

    def reset(self) -> None:
        self.combo.setCurrentIndex(0)

    def set_value(self, first: str | None, last: str | None) -> None:
        """Show a saved range: a preset that gives exactly it, else the custom range."""
        wanted = (first, last)
        for index, period in enumerate(self._ranges):
            if period is not None and tuple(d.isoformat() if d else None for d in period) == wanted:
                self.combo.setCurrentIndex(index)
                return
        self.combo.setCurrentIndex(len(self._ranges) - 1)
        for edit, value in ((self.start, first), (self.end, last)):
            if value:
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))


class FilterBar(QWidget):
    """Search box and filters; emits the search text (debounced) and the filter values."""

    search_changed = Signal(str)
    filters_changed = Signal(dict)
    controls_changed = Signal()  # a custom field's filter came or went (the Tab order follows)

    def __init__(self, section: Section, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.search_box = SearchBox()
        self.search_box.setPlaceholderText(
            self.tr("Search {plural}…  (Ctrl+F)").format(plural=section.plural)
        )
        self.search_box.setMinimumWidth(160)
        self.search_box.setAccessibleName(self.tr("Search {plural}").format(plural=section.plural))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush_search)
        self.search_box.textChanged.connect(lambda *_: self._timer.start())
        self._last_search = ""

        self.combos: dict[str, QComboBox] = {}
        self.flags: dict[str, QCheckBox] = {}
        self.ranges: dict[str, DateRange] = {}
        self.tag_combo: QComboBox | None = None
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(6)
        self.layout_.addWidget(self.search_box, 1)
        for spec in section.filters:
            self.layout_.addWidget(self._widget(spec))
        # The owner's fields: a control for each one filtering, and the menu that adds one.
        # The controls go on a line of their own under the bar (the page places custom_box),
        # shown while there is one: the bar's own line stays as wide as it was.
        self.custom: dict[str, CustomFilter] = {}
        self.custom_box = QWidget()
        self.custom_row = QHBoxLayout(self.custom_box)
        self.custom_row.setContentsMargins(0, 0, 0, 0)
        self.custom_row.setSpacing(12)
        self.custom_row.addStretch(1)
        self.custom_box.hide()
        self.field_button = QToolButton()
        # The menu's arrow drawn as text: the style's own indicator overlaps the words.
        self.field_button.setText(self.tr("Field filter") + " ▾")
        self.field_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.field_button.setToolTip(self.tr("Filter by one of your own fields"))
        self.field_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.field_menu = QMenu(self.field_button)
        self.field_menu.aboutToShow.connect(self._fill_field_menu)
        self.field_button.setMenu(self.field_menu)
        self.layout_.addWidget(self.field_button)
        self.refresh_custom_fields()

    def _widget(self, spec: FilterSpec) -> QWidget:
        if spec.kind in ("choice", "tags"):
            combo = QComboBox()
            if spec.kind == "tags":  # tag names can be long: the pop-up shows them whole
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(12)
            else:
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setAccessibleName(spec.label)
            combo.setToolTip(
                self.tr("Show only {plural} of one {lower}").format(
                    plural=self.section.plural, lower=spec.label.lower()
                )
            )
            combo.addItem(self.tr("Any {lower}").format(lower=spec.label.lower()), None)
            for value, text in spec.choices:
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self._emit_filters)
            self.combos[spec.key] = combo
            if spec.kind == "tags":
                self.tag_combo = combo
            return combo
        if spec.kind == "flag":
            box = QCheckBox(spec.label)
            box.toggled.connect(self._emit_filters)
            self.flags[spec.key] = box
            return box
        if spec.kind == "dates":
            dates = DateRange(spec)
            dates.changed.connect(self._emit_filters)
            self.ranges[spec.key] = dates
            return dates
        raise ValueError(f"unknown filter kind {spec.kind!r}")

    # --- the owner's fields -------------------------------------------------------------------

    def _own_fields(self) -> tuple[custom_fields.CustomField, ...]:
        if self.section.entity not in custom_fields.ENTITIES:
            return ()
        return custom_fields.fields_of(self.section.entity)

    def refresh_custom_fields(self) -> None:
        """Follow the owner's fields: the menu shows only where there are some; the filter
        of a field deleted (or renamed) goes (or is shown anew)."""
        fields = {f.key: f for f in self._own_fields()}
        self.field_button.setVisible(bool(fields))
        dropped = False
        for key, old in list(self.custom.items()):
            if fields.get(key) != old.item:
                value = old.value()
                self._remove_custom(key)
                control = self.add_custom_filter(key) if key in fields else None
                if control is not None:
                    control.set_value(value)
                else:
                    dropped = dropped or value is not None
        if dropped:
            self._emit_filters()

    def _fill_field_menu(self) -> None:
        self.field_menu.clear()
        for item in self._own_fields():
            action = self.field_menu.addAction(item.name)
            action.setEnabled(item.key not in self.custom)
            action.triggered.connect(
                lambda _=False, key=item.key: self._focus(self.add_custom_filter(key))
            )

    def _focus(self, control: CustomFilter | None) -> None:
        if control is not None:
            (control.combo or control.edits[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def add_custom_filter(self, key: str) -> CustomFilter | None:
        """Show the control of a custom field's filter (empty: it filters nothing yet)."""
        if key in self.custom:
            return self.custom[key]
        item = custom_fields.field_by_key(key)
        if item is None or item.entity != self.section.entity:
            return None
        control = CustomFilter(item)
        control.changed.connect(self._emit_filters)
        control.cleared.connect(self._clear_custom)
        self.custom[key] = control
        self.custom_row.insertWidget(self.custom_row.count() - 1, control)  # before the stretch
        self.custom_box.setVisible(True)
        control.setVisible(True)  # at once, not at the layout's next pass
        self.controls_changed.emit()
        return control

    def _remove_custom(self, key: str) -> None:
        control = self.custom.pop(key, None)
        if control is not None:
            self.custom_row.removeWidget(control)
            control.deleteLater()
        self.custom_box.setVisible(bool(self.custom))
        if control is not None:
            self.controls_changed.emit()

    def _clear_custom(self, key: str) -> None:
        self._remove_custom(key)
        self._emit_filters()

    def set_tags(self, tags: Sequence[tuple[int, str, int | None]]) -> None:
        """Fill the tag combo: (id, name, number of customers or None while it is counted);
        keeps the chosen tag."""
        combo = self.tag_combo
        if combo is None:
            return
        chosen = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Any tag"), None)
        for tag_id, name, count in tags:
            text = name if count is None else f"{name} ({QLocale().toString(count)})"
            combo.addItem(text, tag_id)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(blocked)
        if chosen is not None and index < 0:
            self._emit_filters()  # the chosen tag is gone

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, combo in self.combos.items():
            result[key] = combo.currentData()
        for key, box in self.flags.items():
            result[key] = True if box.isChecked() else None
        for key, dates in self.ranges.items():
            first, last = dates.value()
            result[key] = first
            result[dates.spec.to_key or f"{key}_to"] = last
        for key, control in self.custom.items():
            result[key] = control.value()
        return result

    def set_values(self, search: str, filters: dict[str, Any]) -> None:
        """Show a saved view's search and filters, without announcing them (the page
        applies the view's query itself)."""
        blocked = self.blockSignals(True)
        try:
            for key, combo in self.combos.items():
                index = combo.findData(filters.get(key)) if filters.get(key) is not None else 0
                combo.setCurrentIndex(max(index, 0))
            for key, box in self.flags.items():
                box.setChecked(bool(filters.get(key)))
            for key, dates in self.ranges.items():
                to_key = dates.spec.to_key or f"{key}_to"
                if filters.get(key) or filters.get(to_key):
                    dates.set_value(filters.get(key), filters.get(to_key))
                else:
                    dates.reset()
            for key in list(self.custom):
                if filters.get(key) in (None, ""):
                    self._remove_custom(key)
            for key, value in filters.items():
                if key.startswith(custom_fields.PREFIX) and value not in (None, ""):
                    control = self.add_custom_filter(key)
                    if control is not None:
                        control.set_value(value)
            self._timer.stop()
            self.search_box.setText(search)
            self._timer.stop()
            self._last_search = search
        finally:
            self.blockSignals(blocked)

    def defaults_for_new(self) -> dict[str, Any]:
        """Field values a new record starts with, from the choices filtering this list."""
        return {
            spec.key: self.combos[spec.key].currentData()
            for spec in self.section.filters
            if spec.as_default and spec.key in self.combos and self.combos[spec.key].currentData()
        }

    def search_text(self) -> str:
        return self.search_box.text()

    def flush_search(self) -> None:
        """Send the search now instead of after the debounce."""
        self._timer.stop()
        text = self.search_box.text()
        if text != self._last_search:
            self._last_search = text
            self.search_changed.emit(text)

    def _emit_filters(self, *_: Any) -> None:
        self.filters_changed.emit(self.values())

    def reset(self) -> None:
        """Clear the search and every filter."""
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        for box in self.flags.values():
            box.setChecked(False)
        for dates in self.ranges.values():
            dates.reset()
        had_custom = bool(self.custom)
        for key in list(self.custom):
            self._remove_custom(key)
        if had_custom:
            self._emit_filters()
        self.search_box.clear()
        self.flush_search()
