"""The contact form: a person at a customer, and whether they are its primary contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QPushButton

from crm_desktop.services import contacts
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    CustomerPicker,
)


class ContactForm(RecordForm):
    """Create or edit a contact of a customer."""

    entity = "contact"
    title_new = "New contact"
    title_edit = "Contact"

    def build(self) -> None:
        self.add_catalogue_fields({"customer_id": CustomerPicker()})
        if self.record_id is not None:
            # A person's data, on request (docs/privacy.md): only for a saved contact.
            self.more_button = QPushButton(self.tr("&Personal data"), self)
            self.more_button.setObjectName("contact_more")
            self.more_button.setAutoDefault(False)
            menu = QMenu(self.more_button)
            self.export_person_action = menu.addAction(self.tr("&Export personal data…"))
            self.export_person_action.triggered.connect(self.export_person)
            self.erase_person_action = menu.addAction(self.tr("E&rase this person…"))
            self.erase_person_action.triggered.connect(self.erase_person)
            self.more_button.setMenu(menu)
            self.buttons.addButton(self.more_button, QDialogButtonBox.ButtonRole.ResetRole)

    def export_person(self) -> object | None:
        from crm_desktop.ui.customers import person_actions

        assert self.record_id is not None
        return person_actions.export_person(
            self, "contact", self.record_id, str(self.record.get("name") or "")
        )

    def erase_person(self) -> object | None:
        """Erase this contact for good (asked first); the form closes when done."""
        from crm_desktop.ui.customers import person_actions

        assert self.record_id is not None
        report = person_actions.erase_person(self, "contact", self.record_id)
        if report is not None:
            QDialog.reject(self)  # nothing left to save or to ask about
        return report

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return contacts.create_contact(data)
        contacts.update_contact(self.record_id, data)
        return self.record_id
