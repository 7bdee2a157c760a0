"""The editor a form gives a catalogue field of each kind, so a declared field needs no form code.

A form builds its fields from the entity's catalogue
(:mod:`crm_desktop.services.catalogue`) in the declared order; a field with a
special editor (a customer picker, the tags) is handed in by the form, every
other one gets the editor of its kind from :func:`editor_for`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crm_desktop import i18n
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.forms.widgets import (
    CheckEdit,
    ChoiceCombo,
    DateEdit,
    DateTimeEdit,
    MoneyEdit,
    NumberEdit,
    PhoneEdit,
    TextAreaEdit,
    TextLineEdit,
)
from crm_desktop.ui.translation import declared


def field_label(definition: FieldDef) -> str:
    """The field's label in the user's language (a custom field's name as the owner wrote it)."""
    if definition.custom_id is not None:
        return definition.label
    return service_text(definition.label)


def service_text(text: str) -> str:
    """A text declared with i18n.N_ in a service: the services' catalogue, else the window's."""
    if not text:
        return text
    translated = i18n.gettext(text)
    return declared(text) if translated == text else translated


def editor_for(definition: FieldDef, formats: Formats) -> QWidget:
    """A new editor for a field of this kind."""
    kind, hint = definition.kind, service_text(definition.placeholder or "")
    if definition.extra.get("custom_kind") == "choice":
        none = QCoreApplication.translate("Fields", "(none)")
        return ChoiceCombo(
            ("", *definition.values), labels={"": none, **{v: v for v in definition.values}}
        )
    if kind == "phone":
        return PhoneEdit(placeholder=hint)
    if kind == "longtext":
        return TextAreaEdit(lines=3 if definition.key != "notes" else 4, placeholder=hint)
    if kind == "enum":
        return ChoiceCombo(definition.values)
    if kind == "bool":
        return CheckEdit(hint)
    if kind == "money":
        return MoneyEdit(formats, definition.parse)
    if kind in ("int", "decimal", "percent"):
        return NumberEdit(formats, definition.parse, placeholder=hint)
    if kind == "date":
        return DateEdit(formats)
    if kind == "datetime":
        return DateTimeEdit(formats)
    if kind == "reference":
        # A record picker depends on the form (which customer, which deal): it is handed in.
        raise ValueError(f"the form must give {definition.key!r} its own editor")
    return TextLineEdit(placeholder=hint)
