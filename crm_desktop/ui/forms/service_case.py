"""The service case form: a question, complaint, repair, warranty claim or return."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import service_cases
from crm_desktop.services.enums import PRIORITIES, SERVICE_CASE_KINDS, SERVICE_CASE_STATUSES
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    ChoiceCombo,
    CustomerPicker,
    DateTimeEdit,
    MoneyEdit,
    ProductPicker,
    TextAreaEdit,
    TextLineEdit,
)


class ServiceCaseForm(RecordForm):
    """Open or edit a service case."""

    entity = "service_case"
    title_new = "New service case"
    title_edit = "Service case"

    def build(self) -> None:
        spec, formats = self.spec, self.formats
        self.add_field("subject", TextLineEdit(placeholder=self.tr("What is it about?")))
        self.add_field("customer_id", CustomerPicker())
        self.add_field("product_id", ProductPicker(formats))
        self.add_field("kind", ChoiceCombo(SERVICE_CASE_KINDS))
        self.add_field("status", ChoiceCombo(SERVICE_CASE_STATUSES))
        self.add_field("priority", ChoiceCombo(PRIORITIES))
        self.add_field("opened_at", DateTimeEdit(formats))
        self.add_field("description", TextAreaEdit(lines=4))
        self.add_field("resolution", TextAreaEdit(lines=3))
        self.add_field(
            "cost_cents",
            MoneyEdit(formats, spec.field("cost_cents").parse),
            label=self.tr("Cost ({currency})").format(currency=formats.currency),
        )

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return service_cases.open_case(data)
        service_cases.update_case(self.record_id, data)
        return self.record_id
