"""The deal form: what is being sold to whom, for how much, and how likely it is.

The probability shows the stage's default as the stage changes, unless the
user typed their own; the service makes the same decision when it saves
(won is always 100 %, lost 0 %).
"""

from __future__ import annotations

from typing import Any

from crm_desktop.models.enums import CLOSED_DEAL_STAGES, DEAL_STAGE_PROBABILITY, DEAL_STAGES
from crm_desktop.services import deals
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    ChoiceCombo,
    ContactCombo,
    CustomerPicker,
    DateEdit,
    MoneyEdit,
    NumberEdit,
    TextLineEdit,
)


class DealForm(RecordForm):
    """Create or edit a deal of the pipeline."""

    entity = "deal"
    title_new = "New deal"
    title_edit = "Deal"

    def build(self) -> None:
        spec, formats = self.spec, self.formats
        self.add_field("title", TextLineEdit(placeholder="e.g. 20 licences for the Berlin office"))
        self.customer = self.add_field("customer_id", CustomerPicker())
        self.contact = self.add_field("contact_id", ContactCombo())
        self.stage = self.add_field("stage", ChoiceCombo(DEAL_STAGES))
        self.add_field(
            "amount_cents",
            MoneyEdit(formats, spec.field("amount_cents").parse),
            label=f"Amount ({formats.currency})",
        )
        self.probability = self.add_field(
            "probability",
            NumberEdit(formats, spec.field("probability").parse, placeholder="stage default"),
            label="Probability %",
        )
        self.add_field("expected_close", DateEdit(formats))
        self.closed = self.add_field("closed_at", DateEdit(formats))
        self.add_field("lost_reason", TextLineEdit(placeholder="e.g. price, timing, competitor"))
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
