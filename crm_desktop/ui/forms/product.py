"""The product form: SKU, name, price, stock and whether it is still sold."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import products, selling_settings
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import (
    CheckEdit,
    MoneyEdit,
    NumberEdit,
    TextAreaEdit,
    TextLineEdit,
)


class ProductForm(RecordForm):
    """Create or edit a product of the price list."""

    entity = "product"
    title_new = "New product"
    title_edit = "Product"

    def build(self) -> None:
        spec = self.spec
        self.add_field("name", TextLineEdit())
        self.add_field("sku", TextLineEdit(placeholder="Stock-keeping unit, e.g. WID-100"))
        self.add_field(
            "unit_price_cents",
            MoneyEdit(self.formats, spec.field("unit_price_cents").parse),
            label=f"Unit price ({self.formats.currency})",
        )
        self.add_field("stock_qty", NumberEdit(self.formats, spec.field("stock_qty").parse))
        default = self.formats.number(selling_settings.default_tax_pct())
        self.add_field(
            "tax_pct",
            NumberEdit(
                self.formats, spec.field("tax_pct").parse, placeholder=f"default ({default})"
            ),
            label="Tax %",
        )
        self.add_field("active", CheckEdit("Offered in pickers and on new orders"))
        self.add_field("description", TextAreaEdit(lines=4))

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return products.create_product(data)
        products.update_product(self.record_id, data)
        return self.record_id
