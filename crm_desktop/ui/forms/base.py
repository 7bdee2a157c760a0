"""The form every record dialog is built on: live validation, Save, and no lost edits.

A form is a list of fields of one service entity (``services.customers.CUSTOMER``…).
As the user types, each field asks the service's parser
(:func:`crm_desktop.services.records.validate_field`) and shows its message in a
small red label under the field; Save stays disabled while any field is wrong.
A field's message appears once the user has touched it (or tried to save), so a
new form does not open covered in red. Rules that span fields (an end before a
start, a number already used) are the service's too: Save calls the service and
shows each message of its :class:`~crm_desktop.errors.ValidationError` next to
its field.

Ctrl+S saves, Esc closes, and closing with unsaved changes asks
Save / Discard / Cancel. The Tab key visits the fields in the order they are shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import gettext
from crm_desktop.services import catalogue, records
from crm_desktop.services.records import Entity, Row
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.forms.catalogue_editors import editor_for, field_label
from crm_desktop.ui.translation import declared
from crm_desktop.ui.words import new_record_text, word

ERROR_COLOR = "#c62828"
_EMPTY: tuple[Any, ...] = (None, "", [], ())
Editor = TypeVar("Editor", bound=QWidget)


@dataclass(eq=False)
class FieldSlot:
    """One field on screen: its editor, its caption and the label for its message."""

    name: str
    label: str
    editor: QWidget
    caption: QLabel
    error: QLabel
    in_spec: bool = True
    touched: bool = False
    live_error: str | None = None
    service_error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def message(self, reveal: bool) -> str | None:
        if self.service_error:
            return self.service_error
        if self.live_error and (self.touched or reveal):
            return self.live_error
        return None


def error_label(parent: QWidget | None = None) -> QLabel:
    """The small red label that says what is wrong with a field (plain text, never HTML)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    label.setVisible(False)
    return label


def focus_target(widget: QWidget) -> QWidget:
    return widget.focusProxy() or widget


class RecordForm(QDialog):
    """A dialog that creates or edits one record of ``entity``; ``saved_id`` after Save."""

    entity: str = ""
    title_new: str = ""
    title_edit: str = ""
    saved = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        record_id: int | None = None,
        defaults: Mapping[str, Any] | None = None,
    ):
        super().__init__(parent)
        self.spec: Entity = records.entity(self.entity)
        self.formats = Formats.load()
        self.record_id = record_id
        self.saved_id: int | None = None
        self.slots: dict[str, FieldSlot] = {}
        # The owner's custom fields on this form (saved with the record, keys "cf_<id>").
        self.custom_fields: dict[str, catalogue.FieldDef] = {}
        self._tab_chain: list[QWidget] = []
        self._reveal = False
        self._loading = True
        self._height_at_rest: int | None = None  # before messages showed (see _grow_to_fit)
        self.setObjectName(f"{self.entity}_form")
        self.setSizeGripEnabled(True)

        outer = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setObjectName("form_banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet(
            f"QLabel#form_banner {{ color: {ERROR_COLOR}; background: #fdecea;"
            " border: 1px solid #f5c2c0; border-radius: 3px; padding: 6px; }"
        )
        self.banner.setVisible(False)
        outer.addWidget(self.banner)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(self.form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        outer.addWidget(self.buttons)
        # Kept on self: PySide drops the slot of a shortcut whose wrapper is collected.
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save)

        self.build()
        self.record: Row = self.load(record_id) if record_id is not None else {}
        self.fill(self.record, dict(defaults or {}))
        self._loading = False
        self._initial = self.snapshot()
        for slot in self.slots.values():
            slot.live_error = self.check(slot)
        self.update_state()
        self._apply_tab_order()
        self.setWindowTitle(self.window_title())
        self.resize(max(self.sizeHint().width(), 500), self.sizeHint().height())
        self.focus_first()

    # --- what a form declares -----------------------------------------------------------

    def build(self) -> None:
        """Add the fields (``add_field``) and any extra widgets, in the order shown."""
        raise NotImplementedError

    def load(self, record_id: int) -> Row:
        """The record being edited, as the service gives it."""
        return records.get(self.spec, record_id)

    def write(self, data: dict[str, Any]) -> int:
        """Save through the service (create or update); return the record's id."""
        raise NotImplementedError

    def window_title(self) -> str:
        if self.record_id is None:
            return declared(self.title_new) if self.title_new else new_record_text(self.entity)
        try:
            name = self.spec.describe(self.record) or ""
        except (KeyError, TypeError):
            name = ""
        base = declared(self.title_edit) if self.title_edit else word(self.entity)
        return f"{base} — {name}" if name else base

    def field_changed(self, name: str) -> None:
        """A field's value changed (update dependent fields here)."""

    def extra_valid(self) -> bool:
        """Whether the parts that are not plain fields (an order's lines) can be saved."""
        return True

    def extra_snapshot(self) -> Any:
        return None

    def error_target(self, key: str) -> str | None:
        """The field that shows a service error keyed ``key`` (None: the banner shows it)."""
        return key if key in self.slots else None

    def show_extra_error(self, key: str, message: str) -> bool:
        """Show an error that belongs to a non-field part (an order line); True if shown."""
        return False

    # --- building -------------------------------------------------------------------

    def add_field(
        self,
        name: str,
        editor: Editor,
        *,
        label: str | None = None,
        in_spec: bool = True,
        layout: QFormLayout | None = None,
    ) -> Editor:
        """Put a field's editor on the form with its caption and error label."""
        caption_text = label or (gettext(self.spec.field(name).label) if in_spec else name)
        caption = QLabel(f"{caption_text}:", self)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setBuddy(focus_target(editor))
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        # Extra height of the row goes below the field, so it stays level with its caption.
        box_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        box_layout.addWidget(editor)
        error = error_label(box)
        error.setObjectName(f"{name}_error")
        error.setAccessibleName(self.tr("{caption_text} problem").format(caption_text=caption_text))
        box_layout.addWidget(error)
        editor.setObjectName(name)
        if not editor.accessibleName():
            editor.setAccessibleName(caption_text)
        (layout or self.form).addRow(caption, box)
        slot = FieldSlot(name, caption_text, editor, caption, error, in_spec=in_spec)
        self.slots[name] = slot
        editor.value_changed.connect(lambda name=name: self._changed(name))  # type: ignore[attr-defined]
        self._tab_chain.append(focus_target(editor))
        return editor

    def add_catalogue_fields(
        self,
        editors: Mapping[str, QWidget] | None = None,
        *,
        custom_only: bool = False,
        layout: QFormLayout | None = None,
    ) -> None:
        """Add the entity's fields in the catalogue's order: ``editors`` for the special ones
        (a picker, the tags: also a field the catalogue does not let the form edit), the
        editor of its kind for every other one. ``custom_only``: just the owner's custom
        fields (a form laid out by hand, like the order's, adds them where it wants)."""
        editors = editors or {}
        for definition in catalogue.fields(self.entity):
            if custom_only and definition.custom_id is None:
                continue
            editor = editors.get(definition.key)
            if editor is None:
                if not (definition.editable and definition.form):
                    continue
                editor = editor_for(definition, self.formats)
            caption = field_label(definition)
            if definition.kind == "money":
                caption = self.tr("{label} ({currency})").format(
                    label=caption, currency=self.formats.currency
                )
            if definition.custom_id is not None:
                self.custom_fields[definition.key] = definition
            in_spec = definition.key in {f.name for f in self.spec.fields}
            self.add_field(
                definition.key,
                editor,
                label=caption,
                in_spec=in_spec or definition.custom_id is not None,
                layout=layout,
            )

    def add_to_tab_order(self, widget: QWidget) -> None:
        """A widget that is not a field (a table, a button) takes its turn in the Tab order."""
        self._tab_chain.append(widget)

    def _apply_tab_order(self) -> None:
        chain = [w for w in self._tab_chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def fill(self, record: Row, defaults: dict[str, Any]) -> None:
        """Show the record's values (or the defaults of a new one) in the editors."""
        for name, slot in self.slots.items():
            if record:
                value = record.get(name)
            elif name in defaults:
                value = defaults[name]
            elif name in self.custom_fields:
                value = None
            elif slot.in_spec:
                value = self.spec.field(name).default_value()
            else:
                continue
            slot.editor.set_value(value)  # type: ignore[attr-defined]

    def focus_first(self) -> None:
        for slot in self.slots.values():
            target = focus_target(slot.editor)
            if not target.isEnabled() or target.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            if slot.editor.value() in _EMPTY:  # type: ignore[attr-defined]
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if self.slots:
            focus_target(next(iter(self.slots.values())).editor).setFocus()

    # --- values and validation ----------------------------------------------------------

    def value(self, name: str) -> Any:
        return self.slots[name].editor.value()  # type: ignore[attr-defined]

    def snapshot(self) -> tuple[dict[str, Any], Any]:
        return (
            {name: slot.editor.value() for name, slot in self.slots.items()},  # type: ignore[attr-defined]
            self.extra_snapshot(),
        )

    def is_dirty(self) -> bool:
        return self.snapshot() != self._initial

    def mark_clean(self) -> None:
        """Treat what is on screen as saved (closing then asks nothing)."""
        self._initial = self.snapshot()

    def check(self, slot: FieldSlot) -> str | None:
        """The service's message for a field's current value, or None."""
        if not slot.in_spec:
            return None
        custom = self.custom_fields.get(slot.name)
        if custom is not None and custom.parse is not None:
            try:
                custom.parse(slot.editor.value())  # type: ignore[attr-defined]
            except ValueError as exc:
                return str(exc)
            return None
        return records.validate_field(self.spec, slot.name, slot.editor.value())  # type: ignore[attr-defined]

    def _changed(self, name: str) -> None:
        if self._loading:
            return
        slot = self.slots[name]
        slot.touched = True
        slot.live_error = self.check(slot)
        self.clear_service_errors()
        self.field_changed(name)
        self.update_state()

    def clear_service_errors(self) -> None:
        """Any edit may fix a rule that spans fields; the next Save checks again."""
        for slot in self.slots.values():
            slot.service_error = None
        self.banner.setVisible(False)

    def revalidate(self, name: str) -> None:
        slot = self.slots[name]
        slot.live_error = self.check(slot)

    def is_valid(self) -> bool:
        return (
            all(slot.live_error is None and not slot.service_error for slot in self.slots.values())
            and self.extra_valid()
        )

    def update_state(self) -> None:
        """Show each field's message and enable Save only when everything can be saved."""
        at_rest, height = not self._showing_messages(), self.height()
        for slot in self.slots.values():
            message = slot.message(self._reveal)
            slot.error.setText(message or "")
            slot.error.setVisible(bool(message))
            slot.editor.setAccessibleDescription(message or "")
            slot.editor.setToolTip(message or "")
        if at_rest and self._showing_messages():
            self._height_at_rest = height  # what to come back to once they are gone
        valid = self.is_valid()
        self.save_button.setEnabled(valid)
        if self.isVisible():
            QTimer.singleShot(0, self._grow_to_fit)
        missing = [s.label for s in self.slots.values() if s.live_error or s.service_error]
        self.save_button.setToolTip(
            self.tr("Save (Ctrl+S)")
            if valid or not missing
            else self.tr("Fix first: {fields}").format(fields=", ".join(missing))
        )

    def _showing_messages(self) -> bool:
        return self.banner.isVisibleTo(self) or any(
            slot.error.isVisibleTo(self) for slot in self.slots.values()
        )

    def _grow_to_fit(self) -> None:
        """Messages take room: grow the dialog so that no field is squeezed; once they are
        all gone, give the room back, down to the height it had without them (which is
        the user's own height if they resized it then)."""
        # Hidden messages only leave the size hints once the layouts have been told.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        wanted = self.sizeHint().height()
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        if not self._showing_messages():
            if self._height_at_rest is not None and self.height() > self._height_at_rest:
                self.resize(self.width(), max(wanted, self._height_at_rest))
        elif self.height() < wanted:
            self.resize(self.width(), min(wanted, screen - 40))

    # --- saving ---------------------------------------------------------------------

    def data_to_save(self) -> dict[str, Any]:
        """New record: every field that has a value. Existing one: only what changed."""
        initial = self._initial[0]
        data = {}
        for name, slot in self.slots.items():
            if not slot.in_spec:
                continue
            value = slot.editor.value()  # type: ignore[attr-defined]
            if self.record_id is None:
                if value not in _EMPTY:
                    data[name] = value
            elif value != initial.get(name):
                data[name] = value
        return data

    def save(self) -> bool:
        """Validate, save through the service, close; False (and messages) when it cannot."""
        self._reveal = True
        for slot in self.slots.values():
            slot.live_error = self.check(slot)
        self.update_state()
        if not self.is_valid():
            self.focus_first_problem()
            return False
        try:
            saved_id = self.write(self.data_to_save())
        except ValidationError as exc:
            self.show_service_errors(exc.errors)
            return False
        except Exception as exc:  # a CrmError says what to do; anything else is our bug
            show_error(
                self,
                self.tr("Saving: {label}").format(label=word(self.entity)),
                exc,
                retry=self.save,
            )
            return False
        self.saved_id = saved_id
        self._initial = self.snapshot()
        self.saved.emit(saved_id)
        self.accept()
        return True

    def show_service_errors(self, errors: Mapping[str, str]) -> None:
        """Put each message of the service next to its field; the rest in the banner."""
        general = []
        for key, message in errors.items():
            target = self.error_target(key)
            if target is not None and target in self.slots:
                self.slots[target].service_error = message
            elif not self.show_extra_error(key, message):
                label = ""
                if key in {f.name for f in self.spec.fields}:
                    label = gettext(self.spec.field(key).label) + ": "
                general.append(f"{label}{message}")
        self.banner.setText("\n".join(general))
        self.banner.setVisible(bool(general))
        self.update_state()
        self.focus_first_problem()

    def focus_first_problem(self) -> None:
        for slot in self.slots.values():
            if slot.message(True):
                focus_target(slot.editor).setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # --- closing ----------------------------------------------------------------------

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save / Discard / Cancel for a form with unsaved changes."""
        box = QMessageBox(self)
        box.setObjectName("unsaved_changes")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(self.tr("Save your changes before closing?"))
        box.setInformativeText(self.tr("If you don't save, your changes will be lost."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        try:
            return QMessageBox.StandardButton(box.exec())
        finally:
            box.deleteLater()

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: ask first when there are unsaved changes."""
        if self.saved_id is None and self.is_dirty():
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
        super().reject()
