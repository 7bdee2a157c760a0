"""The customer form: who they are, how to reach them, their status and tags."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import customers, tags
from crm_desktop.services.changes import transaction
from crm_desktop.services.records import Row
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import TagsEdit


class CustomerForm(RecordForm):
    """Create or edit a customer (company or person) with its tags."""

    entity = "customer"
    title_new = "New customer"
    title_edit = "Customer"

    def build(self) -> None:
        # The catalogue's fields in its order; only the tags need an editor of their own.
        self.add_catalogue_fields({"tags": TagsEdit()})

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
