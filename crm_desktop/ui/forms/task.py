"""The task form: what to do, by when, how urgent, and for which customer, contact or deal."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import tasks
from crm_desktop.services.enums import PRIORITIES, TASK_STATUSES
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    ChoiceCombo,
    ContactCombo,
    CustomerPicker,
    DateEdit,
    DealCombo,
    TextAreaEdit,
    TextLineEdit,
)


class TaskForm(RecordForm):
    """Create or edit a task."""

    entity = "task"
    title_new = "New task"
    title_edit = "Task"

    def build(self) -> None:
        self.add_field("title", TextLineEdit(placeholder=self.tr("e.g. Send the quote")))
        self.add_field("due_date", DateEdit(self.formats))
        self.add_field("priority", ChoiceCombo(PRIORITIES))
        self.add_field("status", ChoiceCombo(TASK_STATUSES))
        self.customer = self.add_field("customer_id", CustomerPicker())
        self.contact = self.add_field("contact_id", ContactCombo())
        self.deal = self.add_field("deal_id", DealCombo())
        self.add_field("notes", TextAreaEdit(lines=4))

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
