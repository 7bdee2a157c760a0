"""Preferences → Fields: the owner's own fields on customers, contacts, deals, products, orders.

Each change is its own step through :mod:`crm_desktop.services.custom_fields`
and applies at once (the forms, lists, exports and imports show the field
from then on). Renaming keeps the values; deleting puts the field in the
trash with its values, where "Restore" brings both back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.services import custom_fields
from crm_desktop.services.custom_fields import CustomField
from crm_desktop.ui.errors import show_error

ID_ROLE = int(Qt.ItemDataRole.UserRole.value)


class FieldEditor(QDialog):
    """Add a field (name, kind, choices, searchable) or change one (name, choices, searchable)."""

    def __init__(self, entity: str, item: CustomField | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.entity = entity
        self.item = item
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New field") if item is None else self.tr("Field"))
        self.setObjectName("field_editor")
        self.name = QLineEdit(item.name if item else "")
        self.name.setObjectName("field_name")
        self.name.setMaxLength(custom_fields.MAX_NAME)
        self.name.setPlaceholderText(self.tr("e.g. VAT number, Birthday, Preferred courier"))
        self.kind = QComboBox()
        self.kind.setObjectName("field_kind")
        for kind in custom_fields.KINDS:
            self.kind.addItem(self.tr(custom_fields.KIND_LABELS[kind]), kind)
        if item is not None:
            self.kind.setCurrentIndex(custom_fields.KINDS.index(item.kind))
            self.kind.setEnabled(False)  # the stored values are of this kind
        self.choices = QPlainTextEdit("\n".join(item.choices) if item else "")
        self.choices.setObjectName("field_choices")
        self.choices.setPlaceholderText(self.tr("One choice a line"))
        self.choices.setTabChangesFocus(True)
        self.choices.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.searchable = QCheckBox(self.tr("Search finds customers by this field"))
        self.searchable.setObjectName("field_searchable")
        self.searchable.setChecked(bool(item and item.searchable))
        self.searchable.setVisible(entity == "customer")
        self.error = QLabel()
        self.error.setObjectName("field_error")
        self.error.setStyleSheet("color: #c53030;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        self.choices_label = QLabel(self.tr("Choices"))
        form.addRow(self.choices_label, self.choices)
        form.addRow("", self.searchable)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._update)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        is_choice = self.kind.currentData() == "choice"
        self.choices.setVisible(is_choice)
        self.choices_label.setVisible(is_choice)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.name.text().strip())
        )

    def _choice_lines(self) -> list[str]:
        return self.choices.toPlainText().splitlines()

    def save(self) -> None:
        try:
            if self.item is None:
                self.saved_id = custom_fields.create_field(
                    self.entity,
                    self.name.text(),
                    self.kind.currentData(),
                    choices=self._choice_lines(),
                    searchable=self.searchable.isChecked(),
                )
            else:
                custom_fields.update_field(
                    self.item.id,
                    name=self.name.text(),
                    choices=self._choice_lines() if self.item.kind == "choice" else None,
                    searchable=self.searchable.isChecked(),
                )
                self.saved_id = self.item.id
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            self.error.show()
            return
        except CrmError as exc:
            show_error(self, self.tr("Saving the field"), exc)
            return
        self.accept()


class FieldsPage(QWidget):
    """The custom fields of one entity at a time: add, change, reorder, delete."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fields_page")
        self.entity = QComboBox()
        self.entity.setObjectName("fields_entity")
        for entity, label in custom_fields.ENTITY_LABELS.items():
            self.entity.addItem(self.tr(label), entity)
        self.list = QListWidget()
        self.list.setObjectName("fields_list")
        self.list.setAccessibleName(self.tr("Custom fields"))
        self.add_button = QPushButton(self.tr("Add field…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.note = QLabel(
            self.tr(
                "Your own fields show in the forms, as list columns (right-click a list's "
                "header), in exports and in the import's mapping. Changes apply at once; a "
                "deleted field goes to the trash with its values."
            )
        )
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setObjectName("fields_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Fields of")))
        top.addWidget(self.entity, 1)
        buttons = QVBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.note)

        self.entity.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_field())
        self.add_button.clicked.connect(self.add_field)
        self.edit_button.clicked.connect(self.edit_field)
        self.up_button.clicked.connect(lambda: self.move_field(-1))
        self.down_button.clicked.connect(lambda: self.move_field(+1))
        self.delete_button.clicked.connect(self.delete_field)
        self.reload()

    def current_entity(self) -> str:
        return str(self.entity.currentData())

    def current_field(self) -> CustomField | None:
        item = self.list.currentItem()
        if item is None:
            return None
        field_id = item.data(ID_ROLE)
        return next(
            (f for f in custom_fields.fields_of(self.current_entity()) if f.id == field_id), None
        )

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        for item in custom_fields.fields_of(self.current_entity()):
            kind = self.tr(custom_fields.KIND_LABELS[item.kind])
            text = f"{item.name}  —  {kind}"
            if item.kind == "choice":
                text += f" ({', '.join(item.choices[:4])}{'…' if len(item.choices) > 4 else ''})"
            if item.searchable:
                text += "  · " + self.tr("searchable")
            row = QListWidgetItem(text)
            row.setData(ID_ROLE, item.id)
            self.list.addItem(row)
            if item.id == select:
                self.list.setCurrentItem(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = row >= 0
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.list.count() - 1)

    def add_field(self) -> None:
        editor = FieldEditor(self.current_entity(), parent=self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.reload(select=editor.saved_id)
            self.status.setText(self.tr("Field added."))

    def edit_field(self) -> None:
        item = self.current_field()
        if item is None:
            return
        editor = FieldEditor(self.current_entity(), item, parent=self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.reload(select=item.id)
            self.status.setText(self.tr("Field changed; its values are kept."))

    def move_field(self, offset: int) -> None:
        item = self.current_field()
        if item is None:
            return
        try:
            custom_fields.move_field(item.id, offset)
        except CrmError as exc:
            show_error(self, self.tr("Moving the field"), exc)
            return
        self.reload(select=item.id)

    def delete_field(self) -> None:
        item = self.current_field()
        if item is None:
            return
        try:
            custom_fields.delete_field(item.id)
        except CrmError as exc:
            show_error(self, self.tr("Deleting the field"), exc)
            return
        self.reload()
        self.status.setText(
            self.tr("“{name}” is in the trash with its values.").format(name=item.name)
        )
