"""The contact form: a person at a customer, and whether they are its primary contact."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import contacts
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    CheckEdit,
    CustomerPicker,
    PhoneEdit,
    TextAreaEdit,
    TextLineEdit,
)


class ContactForm(RecordForm):
    """Create or edit a contact of a customer."""

    entity = "contact"
    title_new = "New contact"
    title_edit = "Contact"

    def build(self) -> None:
        self.add_field("customer_id", CustomerPicker())
        self.add_field("name", TextLineEdit(placeholder="First and last name"))
        self.add_field("position", TextLineEdit(placeholder="e.g. Purchasing manager"))
        self.add_field("email", TextLineEdit(placeholder="name@example.com"))
        self.add_field("phone", PhoneEdit(placeholder="+1 415 555 0123"))
        self.add_field("is_primary", CheckEdit("The customer's main contact"))
        self.add_field("notes", TextAreaEdit(lines=3))

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return contacts.create_contact(data)
        contacts.update_contact(self.record_id, data)
        return self.record_id
