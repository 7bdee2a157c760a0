"""The product form: SKU, name, price, stock and whether it is still sold."""

from __future__ import annotations

from typing import Any

from crm_desktop.services import products
from crm_desktop.ui.forms.base import RecordForm


class ProductForm(RecordForm):
    """Create or edit a product of the price list."""

    entity = "product"
    title_new = "New product"
    title_edit = "Product"

    def build(self) -> None:
        self.add_catalogue_fields()

    def write(self, data: dict[str, Any]) -> int:
        if self.record_id is None:
            return products.create_product(data)
        products.update_product(self.record_id, data)
        return self.record_id
