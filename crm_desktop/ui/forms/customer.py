"""The customer form: who they are, how to reach them, their status and tags."""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import CUSTOMER_KINDS, CUSTOMER_STATUSES
from crm_desktop.services import customers, tags
from crm_desktop.services.changes import transaction
from crm_desktop.services.records import Row
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    ChoiceCombo,
    PhoneEdit,
    TagsEdit,
    TextAreaEdit,
    TextLineEdit,
)


class CustomerForm(RecordForm):
    """Create or edit a customer (company or person) with its tags."""

    entity = "customer"
    title_new = "New customer"
    title_edit = "Customer"

    def build(self) -> None:
        self.add_field("name", TextLineEdit(placeholder="Company or person"))
        self.add_field("kind", ChoiceCombo(CUSTOMER_KINDS))
        self.add_field("status", ChoiceCombo(CUSTOMER_STATUSES))
        self.add_field("email", TextLineEdit(placeholder="name@example.com"))
        self.add_field("phone", PhoneEdit(placeholder="+1 415 555 0123"))
        self.add_field("website", TextLineEdit(placeholder="example.com"))
        self.add_field("address", TextAreaEdit(lines=2))
        self.add_field("city", TextLineEdit())
        self.add_field("country", TextLineEdit())
        # What invoices print for the buyer (checked for the country on save).
        self.add_field("legal_name", TextLineEdit(placeholder="as on invoices, if not the name"))
        self.add_field("tax_id", TextLineEdit(placeholder="INN, VAT id, USCC…"))
        self.add_field("kpp", TextLineEdit(placeholder="Russia only"))
        self.add_field("source", TextLineEdit(placeholder="e.g. referral, website, trade fair"))
        self.add_field("tags", TagsEdit(), label="Tags", in_spec=False)
        self.add_field("notes", TextAreaEdit(lines=4))

    def load(self, record_id: int) -> Row:
        return customers.get_customer(record_id)

    def error_target(self, key: str) -> str | None:
        return "tags" if key == "tag" else super().error_target(key)

    def write(self, data: dict[str, Any]) -> int:
        names = self.value("tags")
        if self.record_id is None:
            return customers.create_customer(data, tag_names=names)
        with transaction():
            customers.update_customer(self.record_id, data)
            if names != self._initial[0]["tags"]:
                tags.set_tags(self.record_id, names)
        return self.record_id
