"""The contact form: a person at a customer, and whether they are its primary contact."""

from __future__ import annotations

from typing import Any

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

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return contacts.create_contact(data)
        contacts.update_contact(self.record_id, data)
        return self.record_id
