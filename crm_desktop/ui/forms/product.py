"""The product form: SKU, name, price, stock and whether it is still sold."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import products, selling_settings
from crm_desktop.ui.forms.base import RecordForm
from crm_desktop.ui.forms.widgets import NumberEdit


class ProductForm(RecordForm):
    """Create or edit a product of the price list."""

    entity = "product"
    title_new = "New product"
    title_edit = "Product"

    def build(self) -> None:
        # The tax rate says what an empty one means: the default rate of the settings.
        default = self.formats.number(selling_settings.default_tax_pct())
        tax = NumberEdit(
            self.formats,
            self.spec.field("tax_pct").parse,
            placeholder=self.tr("default ({default})").format(default=default),
        )
        self.add_catalogue_fields({"tax_pct": tax})

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return products.create_product(data)
        products.update_product(self.record_id, data)
        return self.record_id
