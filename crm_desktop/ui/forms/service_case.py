"""The service case form: a question, complaint, repair, warranty claim or return."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import service_cases
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    CustomerPicker,
    ProductPicker,
)


class ServiceCaseForm(RecordForm):
    """Open or edit a service case."""

    entity = "service_case"
    title_new = "New service case"
    title_edit = "Service case"

    def build(self) -> None:
        # The catalogue's fields in its order (services/service_cases.py).
        self.add_catalogue_fields(
            {"customer_id": CustomerPicker(), "product_id": ProductPicker(self.formats)}
        )

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return service_cases.open_case(data)
        service_cases.update_case(self.record_id, data)
        return self.record_id
