"""The deal form: what is being sold to whom, for how much, and how likely it is.

The probability shows the stage's default as the stage changes, unless the
user typed their own; the service makes the same decision when it saves
(won is always 100 %, lost 0 %).
"""

from __future__ import annotations

from typing import Any

from crm_desktop.services import deals
from crm_desktop.services.enums import CLOSED_DEAL_STAGES, DEAL_STAGE_PROBABILITY
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import ContactCombo, CustomerPicker


class DealForm(RecordForm):
    """Create or edit a deal of the pipeline."""

    entity = "deal"
    title_new = "New deal"
    title_edit = "Deal"

    def build(self) -> None:
        # The catalogue's fields in its order (services/deals.py); the pickers are special.
        self.add_catalogue_fields({"customer_id": CustomerPicker(), "contact_id": ContactCombo()})
        self.customer = self.slots["customer_id"].editor
        self.contact = self.slots["contact_id"].editor
        self.stage = self.slots["stage"].editor
        self.probability = self.slots["probability"].editor
        self.closed = self.slots["closed_at"].editor
        self._stage_shown = None

    def fill(self, record, defaults) -> None:
        super().fill(record, defaults)
        self.contact.set_customer(self.customer.record_id())
        self.contact.set_value(record.get("contact_id") if record else defaults.get("contact_id"))
        if not record and defaults.get("probability") is None:
            self.probability.set_value(DEAL_STAGE_PROBABILITY[self.stage.value()])
        self._stage_shown = self.stage.value()
        self._enable_for_stage()

    def field_changed(self, name: str) -> None:
        if name == "customer_id":
            self.contact.set_customer(self.customer.record_id())
        elif name == "stage":
            self._follow_stage()
            self._enable_for_stage()

    def _follow_stage(self) -> None:
        old, new = self._stage_shown, self.stage.value()
        self._stage_shown = new
        if old is None or new is None:
            return
        try:
            shown = self.spec.field("probability").parse(self.probability.value())
        except ValueError:
            return  # the user is typing a figure: leave it to them
        figure = deals.probability_after(new, old_stage=old, probability=shown)
        if figure != shown:
            self._loading = True  # the form's doing, not the user's
            self.probability.set_value(figure)
            self._loading = False
            self.revalidate("probability")

    def _enable_for_stage(self) -> None:
        stage = self.stage.value()
        self.closed.setEnabled(stage in CLOSED_DEAL_STAGES)
        self.slots["lost_reason"].editor.setEnabled(stage == "lost")
        self.probability.setEnabled(stage not in CLOSED_DEAL_STAGES)

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return deals.create_deal(data)
        deals.update_deal(self.record_id, data)
        return self.record_id
