"""Orders and their lines: exact line totals, discounts and grand totals.

An order is edited together with its lines (the order form's table): saving
replaces the lines as one step, and the order's audit entry shows the lines
before and after. Numbers are given out as ``<prefix><year>-<sequence>``
(``SO-2026-0042``) unless the user types one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.models import OrderLine, SalesOrder, database
from crm_desktop.models.enums import ORDER_STATUSES
from crm_desktop.services import catalogue, records, settings
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.clock import today
from crm_desktop.services.fields import (
    percent,
    percent_from_db,
    quantity,
    quantity_from_db,
    unit_price,
)
from crm_desktop.services.money import LINE_TOTAL_SQL, line_total_cents, line_total_sql
from crm_desktop.services.records import Entity, Field, Row, register
from crm_desktop.services.validation import a_date, choice, line, multiline, reference


def next_order_number(on: date | None = None) -> str:
    """The next free number of the year, e.g. ``SO-2026-0042``."""
    prefix = f"{settings.get('order_number_prefix')}{(on or today()).year}-"
    # The year's numbers are a range of the unique index; zero-padded numbers of the
    # greatest length sort like their values, so one index scan finds the highest.
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    row = database.execute_sql(
        "SELECT number FROM sales_order WHERE number >= ? AND number < ? "
        "ORDER BY length(number) DESC, number DESC LIMIT 1",
        (prefix, upper),
    ).fetchone()
    highest = row[0][len(prefix) :] if row else "0"
    if not highest.isdigit():  # someone typed their own numbers: look at all of them
        rows = database.execute_sql(
            "SELECT number FROM sales_order WHERE number >= ? AND number < ?", (prefix, upper)
        ).fetchall()
        used = [int(n[len(prefix) :]) for (n,) in rows if n[len(prefix) :].isdigit()]
        highest = str(max(used, default=0))
    return f"{prefix}{int(highest) + 1:04d}"


def _prepare(values: Row, old: Row | None) -> None:
    if not values.get("number"):
        values["number"] = next_order_number(date.fromisoformat(values["order_date"]))
    clash = database.execute_sql(
        "SELECT id FROM sales_order WHERE number = ? AND id IS NOT ?",
        (values["number"], old["id"] if old else None),
    ).fetchone()
    if clash:
        raise ValidationError({"number": f"Order number {values['number']} is already used."})
    deal_id = values.get("deal_id")
    if deal_id is not None:
        row = database.execute_sql(
            "SELECT customer_id FROM deal WHERE id = ?", (deal_id,)
        ).fetchone()
        if row and row[0] != values["customer_id"]:
            raise ValidationError({"deal_id": "This deal belongs to another customer."})


_ORDER_TOTAL = (
    f"(SELECT coalesce(sum({line_total_sql('l')}), 0) FROM order_line l WHERE l.order_id = o.id)"
)

# Every field of an order, once (alias o; its customer c, its deal d).
FIELDS = catalogue.declare(
    "sales_order",
    FieldDef("number", "Number", sql="o.number", nullable=False, parse=line(64)),
    FieldDef("order_date", "Date", "date", "o.order_date", nullable=False, parse=a_date,
             required=True, default=lambda: today().isoformat()),
    FieldDef("customer_id", "Customer", "reference", "o.customer_id", header="Customer ID",
             sort=None, parse=reference, required=True),
    FieldDef("customer_name", "Customer", sql="c.name", sort="fold", nullable=False),
    FieldDef("customer_email", "Customer email", "email", "c.email", in_list=False),
    FieldDef("status", "Status", "enum", "o.status", sort="enum", nullable=False,
             values=ORDER_STATUSES, parse=choice(ORDER_STATUSES), required=True,
             default="draft"),
    FieldDef("deal_id", "Deal", "reference", "o.deal_id", sort=None, parse=reference,
             in_list=False, in_export=False),
    FieldDef("deal_title", "Deal", sql="d.title", in_list=False),
    FieldDef("total_cents", "Total", "money", _ORDER_TOTAL, nullable=False),
    FieldDef("line_count", "Lines", "int",
             "(SELECT count(*) FROM order_line l WHERE l.order_id = o.id)", nullable=False),
    FieldDef("notes", "Notes", "longtext", "substr(o.notes, 1, 300)", sort=None,
             export_sql="o.notes", parse=multiline()),
)  # fmt: skip

ORDER = register(
    Entity(
        name="sales_order",
        label="order",
        model=SalesOrder,
        fields=catalogue.record_fields(FIELDS),
        describe=lambda row: row["number"],
        references={"customer_id": "customer", "deal_id": "deal"},
        prepare=_prepare,
    )
)

LINE = register(
    Entity(
        name="order_line",
        label="order line",
        model=OrderLine,
        fields=(
            Field("product_id", "Product", reference),
            Field("description", "Description", line(1000)),
            Field("quantity", "Quantity", quantity, required=True, from_db=quantity_from_db),
            Field("unit_price_cents", "Unit price", unit_price),
            Field(
                "discount_pct", "Discount %", percent, default=Decimal(0), from_db=percent_from_db
            ),
        ),
        describe=lambda row: row["description"],
        references={"product_id": "product"},
    )
)


def clean_lines(lines: Sequence[Mapping[str, Any]]) -> list[Row]:
    """Validate an order's lines; errors are keyed ``lines.<row>.<field>`` (row from 0).

    A line with a product takes the product's name and price where those are left empty.
    """
    cleaned: list[Row] = []
    errors: dict[str, str] = {}
    for index, data in enumerate(lines):
        try:
            values = records.clean(LINE, data)
        except ValidationError as exc:
            errors.update({f"lines.{index}.{k}": v for k, v in exc.errors.items()})
            continue
        product_id = values.get("product_id")
        if product_id is not None:
            product = database.execute_sql(
                "SELECT name, unit_price_cents FROM product WHERE id = ?", (product_id,)
            ).fetchone()
            if product is None:
                errors[f"lines.{index}.product_id"] = "This product does not exist (any more)."
                continue
            values["description"] = values.get("description") or product[0]
            if values.get("unit_price_cents") is None:
                values["unit_price_cents"] = product[1]
        if not values.get("description"):
            errors[f"lines.{index}.description"] = "Describe the line or choose a product."
        if values.get("unit_price_cents") is None:
            errors[f"lines.{index}.unit_price_cents"] = "Unit price is required."
        cleaned.append(values)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _line_summary(values: Row) -> list[Any]:
    return [
        values.get("description"),
        str(values["quantity"]),
        values["unit_price_cents"],
        str(values.get("discount_pct") or 0),
    ]


def _write_lines(order_id: int, lines: list[Row]) -> None:
    OrderLine.delete().where(OrderLine.order == order_id).execute()
    for values in lines:
        OrderLine.insert(
            order=order_id,
            product=values.get("product_id"),
            description=values["description"],
            quantity=float(values["quantity"]),
            unit_price_cents=values["unit_price_cents"],
            discount_pct=float(values.get("discount_pct") or 0),
        ).execute()


def create_order(data: Mapping[str, Any], lines: Sequence[Mapping[str, Any]] = ()) -> int:
    """Add an order with its lines; returns its id."""
    cleaned = clean_lines(lines)

    def write_lines(order_id: int) -> dict[str, list[Any]]:
        _write_lines(order_id, cleaned)
        return {"lines": [None, [_line_summary(v) for v in cleaned]]} if cleaned else {}

    return records.create(ORDER, data, write_extra=write_lines)


def update_order(
    order_id: int, data: Mapping[str, Any], lines: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, list[Any]]:
    """Change an order; with ``lines``, its lines become exactly those."""
    cleaned = clean_lines(lines) if lines is not None else None

    def write_lines(order_id: int) -> dict[str, list[Any]]:
        if cleaned is None:
            return {}
        before = [_line_summary(v) for v in order_lines(order_id)]
        after = [_line_summary(v) for v in cleaned]
        if before == after:
            return {}
        _write_lines(order_id, cleaned)
        return {"lines": [before, after]}

    return records.update(ORDER, order_id, data, write_extra=write_lines)


def get_order(order_id: int) -> Row:
    """An order with its ``lines`` (each with ``total_cents``) and ``total_cents``."""
    row = records.get(ORDER, order_id)
    row["lines"] = order_lines(order_id)
    row["total_cents"] = sum(item["total_cents"] for item in row["lines"])
    return row


def order_lines(order_id: int) -> list[Row]:
    cursor = database.execute_sql(
        f"SELECT *, {LINE_TOTAL_SQL} AS total_cents FROM order_line WHERE order_id = ? ORDER BY id",
        (order_id,),
    )
    names = [column[0] for column in cursor.description]
    lines = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        row["quantity"] = quantity_from_db(row["quantity"])
        row["discount_pct"] = percent_from_db(row["discount_pct"])
        lines.append(row)
    return lines


def order_total_cents(lines: Sequence[Mapping[str, Any]]) -> int:
    """The total of lines as a form holds them (quantity, price, discount)."""
    return sum(
        line_total_cents(
            Decimal(item["quantity"]),
            int(item["unit_price_cents"]),
            Decimal(item.get("discount_pct") or 0),
        )
        for item in lines
    )


def find_order(number: str) -> Row | None:
    row = database.execute_sql(
        "SELECT id FROM sales_order WHERE number = ?", (number.strip(),)
    ).fetchone()
    return get_order(row[0]) if row else None


def set_status(order_ids: Sequence[int], status: str) -> dict[int, dict[str, list[Any]]]:
    """Give several orders one status as one step; returns the changes (for undo)."""
    return records.update_many(ORDER, order_ids, {"status": status})
