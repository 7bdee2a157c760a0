"""The quote form: the order form's lines (with taxes) under a quote's header.

Number, date, valid-until date and status instead of an order's; the
valid-until date follows the date (plus the ``quote_validity_days`` setting)
until the user sets one.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QFormLayout

from crm_desktop.models.enums import QUOTE_STATUSES
from crm_desktop.services import quotes, selling_settings, settings
from crm_desktop.services.clock import today
from crm_desktop.services.records import Row
from crm_desktop.ui.forms.sales_order import OrderForm
from crm_desktop.ui.forms.widgets import (
    ChoiceCombo,
    CustomerPicker,
    DateEdit,
    DealCombo,
    TextLineEdit,
)


class QuoteForm(OrderForm):
    """Create or edit a quote and its lines."""

    entity = "quote"
    title_new = "New quote"
    title_edit = "Quote"

    def build_header(self, left: QFormLayout, right: QFormLayout) -> None:
        self.customer = self.add_field("customer_id", CustomerPicker(), layout=left)
        self.deal = self.add_field("deal_id", DealCombo(), layout=left)
        pattern = f"{settings.get('quote_number_prefix')}{today().year}-…"
        self.add_field("number", TextLineEdit(placeholder=f"automatic ({pattern})"), layout=right)
        self.add_field("quote_date", DateEdit(self.formats, optional=False), layout=right)
        self.valid_until = self.add_field("valid_until", DateEdit(self.formats), layout=right)
        self.add_field("status", ChoiceCombo(QUOTE_STATUSES), layout=right)

    def load(self, record_id: int) -> Row:
        return quotes.get_quote(record_id)

    def fill(self, record, defaults) -> None:
        super().fill(record, defaults)
        if not record and not defaults.get("valid_until"):
            self._follow_date()

    def _follow_date(self) -> None:
        day = self.value("quote_date")
        if not day:
            return
        days = selling_settings.int_setting("quote_validity_days")
        self._loading = True  # the form's doing, not the user's
        self.valid_until.set_value((date.fromisoformat(day) + timedelta(days=days)).isoformat())
        self._loading = False
        self.revalidate("valid_until")

    def field_changed(self, name: str) -> None:
        super().field_changed(name)
        if name == "quote_date" and not self.slots["valid_until"].touched:
            self._follow_date()

    def write(self, data: dict[str, Any]) -> int:
        self._sent_rows = self.lines_model.filled_rows()
        lines = [self.lines_model.lines[row].for_service() for row in self._sent_rows]
        gross = bool(self.prices_gross.value())
        if self.record_id is None:
            return quotes.create_quote(data, lines, prices_include_tax=gross)
        quotes.update_quote(self.record_id, data, lines, prices_include_tax=gross)
        return self.record_id
