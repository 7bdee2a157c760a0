"""The lines of an order or a quote: validated, taxed, written and read the same way.

An order's lines and a quote's are the same thing in two tables
(``order_line``, ``quote_line``): a product or a description, a quantity, a
unit price, a discount and a tax rate. A line without a rate of its own takes
its product's rate, else the default rate of the settings. ``tax_included``
says whether the line's price includes the tax; one document's lines all
share it (the form's "Prices include tax"), and a new document takes it from
the ``price_entry`` setting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import database
from crm_desktop.models.base import BaseModel
from crm_desktop.services import records, selling_settings
from crm_desktop.services.fields import (
    percent,
    percent_from_db,
    quantity,
    quantity_from_db,
    unit_price,
)
from crm_desktop.services.money import line_total_sql
from crm_desktop.services.records import Entity, Field, Row
from crm_desktop.services.taxes import DocumentTotals, document_totals, taxed_lines
from crm_desktop.services.validation import line, reference

# What a form sends for each line (tax_included is the document's, not the line's).
LINE_FIELDS = (
    "product_id",
    "description",
    "quantity",
    "unit_price_cents",
    "discount_pct",
    "tax_pct",
)


def line_entity(name: str, label: str, model: type[BaseModel]) -> Entity:
    """The entity of one kind of line: the same fields and parsers for orders and quotes."""
    return records.register(
        Entity(
            name=name,
            label=label,
            model=model,
            fields=(
                Field("product_id", N_("Product"), reference),
                Field("description", N_("Description"), line(1000)),
                Field(
                    "quantity", N_("Quantity"), quantity, required=True, from_db=quantity_from_db
                ),
                Field("unit_price_cents", N_("Unit price"), unit_price),
                Field(
                    "discount_pct",
                    N_("Discount %"),
                    percent,
                    default=Decimal(0),
                    from_db=percent_from_db,
                ),
                Field("tax_pct", N_("Tax %"), percent, from_db=percent_from_db),
            ),
            describe=lambda row: row["description"],
            references={"product_id": "product"},
        )
    )


def clean_lines(
    spec: Entity, lines: Sequence[Mapping[str, Any]], *, tax_included: bool
) -> list[Row]:
    """Validate a document's lines; errors are keyed ``lines.<row>.<field>`` (row from 0).

    A line with a product takes the product's name, price and tax rate where
    those are left empty; a line without a rate takes the default rate.
    """
    cleaned: list[Row] = []
    errors: dict[str, str] = {}
    default_rate = selling_settings.default_tax_pct()
    for index, data in enumerate(lines):
        try:
            values = records.clean(spec, {k: v for k, v in data.items() if k != "tax_included"})
        except ValidationError as exc:
            errors.update({f"lines.{index}.{k}": v for k, v in exc.errors.items()})
            continue
        product_id = values.get("product_id")
        product_rate = None
        if product_id is not None:
            product = database.execute_sql(
                "SELECT name, unit_price_cents, tax_pct FROM product WHERE id = ?", (product_id,)
            ).fetchone()
            if product is None:
                errors[f"lines.{index}.product_id"] = _("This product does not exist (any more).")
                continue
            values["description"] = values.get("description") or product[0]
            if values.get("unit_price_cents") is None:
                values["unit_price_cents"] = product[1]
            product_rate = percent_from_db(product[2]) if product[2] is not None else None
        if values.get("tax_pct") is None:
            values["tax_pct"] = product_rate if product_rate is not None else default_rate
        values["tax_included"] = 1 if tax_included else 0
        if not values.get("description"):
            errors[f"lines.{index}.description"] = _("Describe the line or choose a product.")
        if values.get("unit_price_cents") is None:
            errors[f"lines.{index}.unit_price_cents"] = _("Unit price is required.")
        cleaned.append(values)
    if errors:
        raise ValidationError(errors)
    return cleaned


def summary(values: Mapping[str, Any]) -> list[Any]:
    """One line as the audit log keeps it."""
    return [
        values.get("description"),
        str(values["quantity"]),
        values["unit_price_cents"],
        str(values.get("discount_pct") or 0),
        str(values.get("tax_pct") or 0),
        int(values.get("tax_included") or 0),
    ]


def write_lines(model: type[BaseModel], owner: str, owner_id: int, lines: list[Row]) -> None:
    """Replace the lines of one document with ``lines`` (cleaned)."""
    owner_field = getattr(model, owner)
    model.delete().where(owner_field == owner_id).execute()
    for values in lines:
        model.insert(
            {
                owner: owner_id,
                "product": values.get("product_id"),
                "description": values["description"],
                "quantity": float(values["quantity"]),
                "unit_price_cents": values["unit_price_cents"],
                "discount_pct": float(values.get("discount_pct") or 0),
                "tax_pct": float(values.get("tax_pct") or 0),
                "tax_included": int(values.get("tax_included") or 0),
            }
        ).execute()


def read_lines(table: str, owner_column: str, owner_id: int) -> list[Row]:
    """A document's lines in order, each with its ``total_cents`` (its amount)."""
    cursor = database.execute_sql(
        f'SELECT *, {line_total_sql(table)} AS total_cents FROM "{table}" '
        f'WHERE "{owner_column}" = ? ORDER BY id',
        (owner_id,),
    )
    names = [column[0] for column in cursor.description]
    lines = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        row["quantity"] = quantity_from_db(row["quantity"])
        row["discount_pct"] = percent_from_db(row["discount_pct"])
        row["tax_pct"] = percent_from_db(row["tax_pct"])
        lines.append(row)
    return lines


def prices_include_tax(lines: Sequence[Mapping[str, Any]]) -> bool:
    """How a document's prices were entered: its lines say, a document without lines the setting."""
    if not lines:
        return selling_settings.prices_include_tax()
    return bool(lines[0].get("tax_included"))


def totals(lines: Sequence[Mapping[str, Any]], rounding: str | None = None) -> DocumentTotals:
    """Net, tax per rate and gross of lines as the services hold them."""
    return document_totals(taxed_lines(lines), rounding or selling_settings.tax_rounding())


def add_totals(row: Row, rounding: str | None = None) -> Row:
    """Put a document's figures into its row: total (Σ amounts), net, tax, gross, rates."""
    figures = totals(row["lines"], rounding)
    row["total_cents"] = sum(item["total_cents"] for item in row["lines"])
    row["net_cents"] = figures.net_cents
    row["tax_cents"] = figures.tax_cents
    row["gross_cents"] = figures.gross_cents
    row["taxes"] = figures.rates
    row["prices_include_tax"] = prices_include_tax(row["lines"])
    return row


# What a change of lines returns to the record engine: the audit entry's "lines" pair.
LinesChange = dict[str, list[Any]]


@dataclass(frozen=True)
class DocumentLines:
    """The lines of one kind of document (orders, quotes): clean, read and write them, and
    the audit's before/after, the same way for both."""

    entity: Entity  # the line's fields and parsers (:func:`line_entity`)
    model: type[BaseModel]
    owner: str  # the line's link to its document: "order", "quote"

    def read(self, owner_id: int) -> list[Row]:
        return read_lines(self.entity.name, f"{self.owner}_id", owner_id)

    def clean(self, lines: Sequence[Mapping[str, Any]], included: bool | None = None) -> list[Row]:
        """Validate lines whose prices include the tax or not (None: the ``price_entry``
        setting)."""
        if included is None:
            included = selling_settings.prices_include_tax()
        return clean_lines(self.entity, lines, tax_included=included)

    def clean_change(
        self,
        owner_id: int,
        lines: Sequence[Mapping[str, Any]] | None,
        included: bool | None = None,
    ) -> list[Row] | None:
        """The new lines of a document being changed (None: its lines stay); prices entered
        the way the document's are, unless ``included`` says otherwise."""
        if lines is None:
            return None
        if included is None:
            included = prices_include_tax(self.read(owner_id))
        return self.clean(lines, included)

    def writer_for_new(self, cleaned: list[Row]) -> Callable[[int], LinesChange]:
        """The ``write_extra`` of a new document: writes its lines, returns the audit's pair."""

        def write(owner_id: int) -> LinesChange:
            write_lines(self.model, self.owner, owner_id, cleaned)
            return {"lines": [None, [summary(v) for v in cleaned]]} if cleaned else {}

        return write

    def writer_for_change(
        self, cleaned: list[Row] | None, refuse: Callable[[int], None]
    ) -> Callable[[int], LinesChange]:
        """The ``write_extra`` of a changed document: its lines become ``cleaned`` when they
        differ (``refuse(owner_id)`` raises when they may not change); the audit's pair."""

        def write(owner_id: int) -> LinesChange:
            if cleaned is None:
                return {}
            before = [summary(v) for v in self.read(owner_id)]
            after = [summary(v) for v in cleaned]
            if before == after:
                return {}
            refuse(owner_id)
            write_lines(self.model, self.owner, owner_id, cleaned)
            return {"lines": [before, after]}

        return write
