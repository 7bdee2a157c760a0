"""Products: the price list and the stock."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import Product, database
from crm_desktop.services import catalogue, records
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.fields import (
    percent,
    percent_from_db,
    quantity_from_db,
    stock,
    unit_price,
)
from crm_desktop.services.records import Entity, Row, register
from crm_desktop.services.text import fold
from crm_desktop.services.validation import flag, line, multiline


def _prepare(values: Row, old: Row | None) -> None:
    sku = values.get("sku")
    if sku:
        clash = database.execute_sql(
            "SELECT id, name FROM product WHERE sku = ? AND id IS NOT ?",
            (sku, old["id"] if old else None),
        ).fetchone()
        if clash:
            raise ValidationError(
                {
                    "sku": _("SKU {sku} is already used by “{clash}”.").format(
                        sku=sku, clash=clash[1]
                    )
                }
            )


# Every field of a product, once (alias p).
FIELDS = catalogue.declare(
    "product",
    FieldDef("sku", N_("SKU"), sql="p.sku", sort="fold", parse=line(64),
             placeholder=N_("Stock-keeping unit, e.g. WID-100")),
    FieldDef("name", N_("Name"), sql="p.name", sort="fold", nullable=False, parse=line(300),
             required=True),
    FieldDef("description", N_("Description"), "longtext", "substr(p.description, 1, 300)",
             sort=None, export_sql="p.description", parse=multiline(20_000)),
    FieldDef("unit_price_cents", N_("Unit price"), "money", "p.unit_price_cents", nullable=False,
             parse=unit_price, required=True, default=0),
    FieldDef("stock_qty", N_("Stock"), "decimal", "p.stock_qty", nullable=False, parse=stock,
             default=0, from_db=quantity_from_db),
    # Empty: the default rate of the settings applies (schema 5).
    FieldDef("tax_pct", N_("Tax %"), "decimal", "p.tax_pct", parse=percent,
             from_db=percent_from_db, in_list=False),
    FieldDef("active", N_("Active"), "bool", "p.active", nullable=False, parse=flag, default=1,
             placeholder=N_("Offered in pickers and on new orders")),
)  # fmt: skip

PRODUCT = register(
    Entity(
        name="product",
        label="product",
        model=Product,
        fields=catalogue.record_fields(FIELDS),
        describe=lambda row: row["name"] if not row.get("sku") else f"{row['sku']} {row['name']}",
        prepare=_prepare,
    )
)


def create_product(data: Mapping[str, Any]) -> int:
    return records.create(PRODUCT, data)


def update_product(product_id: int, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    return records.update(PRODUCT, product_id, data)


def get_product(product_id: int) -> Row:
    return records.get(PRODUCT, product_id)


def product_choices(query: str, *, limit: int = 20, active_only: bool = True) -> list[Row]:
    """Products a picker offers as the user types: id, sku, name, price, tax_pct, active.

    ``active_only=False`` lists the inactive ones too, after the active ones.
    """
    terms = fold(query).split()
    conditions = ["active = 1"] if active_only else []
    conditions += ["instr(crm_fold(coalesce(sku, '') || ' ' || name), ?) > 0" for _ignored in terms]
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    cursor = database.execute_sql(
        f"SELECT id, sku, name, unit_price_cents, tax_pct, active FROM product {where} "
        f"ORDER BY active DESC, crm_sort_key(name), id LIMIT ?",
        [*terms, limit],
    )
    return [
        {
            "id": product_id,
            "sku": sku,
            "name": name,
            "unit_price_cents": price,
            "tax_pct": percent_from_db(rate) if rate is not None else None,
            "active": bool(active),
        }
        for product_id, sku, name, price, rate, active in cursor.fetchall()
    ]
