"""The task form: what to do, by when, how urgent, and for which customer, contact or deal."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import tasks
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    ContactCombo,
    CustomerPicker,
    DealCombo,
)


class TaskForm(RecordForm):
    """Create or edit a task."""

    entity = "task"
    title_new = "New task"
    title_edit = "Task"

    def build(self) -> None:
        # The catalogue's fields in its order (services/tasks.py); the pickers are special.
        self.customer = CustomerPicker()
        self.contact = ContactCombo()
        self.deal = DealCombo()
        self.add_catalogue_fields(
            {"customer_id": self.customer, "contact_id": self.contact, "deal_id": self.deal}
        )

    def fill(self, record, defaults) -> None:
        super().fill(record, defaults)
        self._follow_customer()

    def field_changed(self, name: str) -> None:
        if name == "customer_id":
            self._follow_customer()

    def _follow_customer(self) -> None:
        customer_id = self.customer.record_id()
        self.contact.set_customer(customer_id)
        self.deal.set_customer(customer_id)

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return tasks.create_task(data)
        tasks.update_task(self.record_id, data)
        return self.record_id
