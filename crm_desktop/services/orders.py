"""Orders and their lines: exact line totals, discounts and grand totals.

An order is edited together with its lines (the order form's table): saving
replaces the lines as one step, and the order's audit entry shows the lines
before and after. Lines carry their tax rate (:mod:`.document_lines`); an
invoiced order keeps its lines and stays out of the trash until a credit
note cancels its invoice. Numbers are given out as ``<prefix><year>-<sequence>``
(``SO-2026-0042``) unless the user types one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.i18n import N_, _
from crm_desktop.models import OrderLine, SalesOrder, database
from crm_desktop.models.enums import ORDER_STATUSES
from crm_desktop.services import catalogue, document_lines, records, settings
from crm_desktop.services.catalogue import FieldDef
from crm_desktop.services.clock import today
from crm_desktop.services.money import line_total_cents
from crm_desktop.services.numbering import next_prefixed_number
from crm_desktop.services.records import Entity, Row, register
from crm_desktop.services.taxes import line_net_sql
from crm_desktop.services.validation import a_date, choice, line, multiline, reference


def next_order_number(on: date | None = None) -> str:
    """The next free number of the year, e.g. ``SO-2026-0042``."""
    prefix = f"{settings.get('order_number_prefix')}{(on or today()).year}-"
    return next_prefixed_number("sales_order", prefix)


def _prepare(values: Row, old: Row | None) -> None:
    if not values.get("number"):
        values["number"] = next_order_number(date.fromisoformat(values["order_date"]))
    clash = database.execute_sql(
        "SELECT id FROM sales_order WHERE number = ? AND id IS NOT ?",
        (values["number"], old["id"] if old else None),
    ).fetchone()
    if clash:
        raise ValidationError(
            {"number": _("Order number {values} is already used.").format(values=values["number"])}
        )
    deal_id = values.get("deal_id")
    if deal_id is not None:
        row = database.execute_sql(
            "SELECT customer_id FROM deal WHERE id = ?", (deal_id,)
        ).fetchone()
        if row and row[0] != values["customer_id"]:
            raise ValidationError({"deal_id": _("This deal belongs to another customer.")})


_ORDER_TOTAL = (
    f"(SELECT coalesce(sum({line_net_sql('l')}), 0) FROM order_line l WHERE l.order_id = o.id)"
)

# Every field of an order, once (alias o; its customer c, its deal d).
FIELDS = catalogue.declare(
    "sales_order",
    FieldDef("number", N_("Number"), sql="o.number", nullable=False, parse=line(64)),
    FieldDef("order_date", N_("Date"), "date", "o.order_date", nullable=False, parse=a_date,
             required=True, default=lambda: today().isoformat()),
    FieldDef("customer_id", N_("Customer"), "reference", "o.customer_id", header=N_("Customer ID"),
             sort=None, parse=reference, required=True),
    FieldDef("customer_name", N_("Customer"), sql="c.name", sort="fold", nullable=False),
    FieldDef("customer_email", N_("Customer email"), "email", "c.email", in_list=False),
    FieldDef("status", N_("Status"), "enum", "o.status", sort="enum", nullable=False,
             values=ORDER_STATUSES, parse=choice(ORDER_STATUSES), required=True,
             default="draft"),
    FieldDef("deal_id", N_("Deal"), "reference", "o.deal_id", sort=None, parse=reference,
             in_list=False, in_export=False),
    FieldDef("deal_title", N_("Deal"), sql="d.title", in_list=False),
    FieldDef("total_cents", N_("Total"), "money", _ORDER_TOTAL, nullable=False),
    FieldDef("line_count", N_("Lines"), "int",
             "(SELECT count(*) FROM order_line l WHERE l.order_id = o.id)", nullable=False),
    FieldDef("notes", N_("Notes"), "longtext", "substr(o.notes, 1, 300)", sort=None,
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
        check_delete=lambda ids: _refuse_if_invoiced(ids),
    )
)

LINE = document_lines.line_entity("order_line", "order line", OrderLine)
LINES = document_lines.DocumentLines(LINE, OrderLine, "order")


def invoiced_by(order_id: int) -> str | None:
    """The number of the order's invoice that no credit note cancelled, if any."""
    row = database.execute_sql(
        "SELECT number FROM invoice i WHERE i.order_id = ? AND i.kind = 'invoice' "
        "AND NOT EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id)",
        (order_id,),
    ).fetchone()
    return row[0] if row else None


def _refuse_if_invoiced(order_ids: Sequence[int]) -> None:
    """The trash's check: an invoiced order stays (its invoice is a legal record)."""
    for order_id in order_ids:
        number = invoiced_by(order_id)
        if number is not None:
            raise CrmError(
                _(
                    "This order is invoiced ({number}): cancel the invoice with a credit note "
                    "before deleting the order."
                ).format(number=number)
            )


def create_order(
    data: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]] = (),
    *,
    prices_include_tax: bool | None = None,
) -> int:
    """Add an order with its lines; returns its id."""
    cleaned = LINES.clean(lines, prices_include_tax)
    return records.create(ORDER, data, write_extra=LINES.writer_for_new(cleaned))


def update_order(
    order_id: int,
    data: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]] | None = None,
    *,
    prices_include_tax: bool | None = None,
) -> dict[str, list[Any]]:
    """Change an order; with ``lines``, its lines become exactly those.

    ``prices_include_tax`` None keeps the way the order's prices were entered.
    The lines of an invoiced order cannot change (its invoice would no longer match).
    """
    cleaned = LINES.clean_change(order_id, lines, prices_include_tax)

    def refuse_if_invoiced(order_id: int) -> None:
        number = invoiced_by(order_id)
        if number is not None:
            raise ValidationError(
                {
                    "lines": _(
                        "This order is invoiced ({number}): its lines cannot change. Cancel the "
                        "invoice with a credit note first."
                    ).format(number=number)
                }
            )

    write_lines = LINES.writer_for_change(cleaned, refuse_if_invoiced)
    return records.update(ORDER, order_id, data, write_extra=write_lines)


def get_order(order_id: int) -> Row:
    """An order with its ``lines`` (each with ``total_cents``), ``total_cents`` (the sum
    of the line amounts), ``net_cents``, ``tax_cents``, ``gross_cents`` and ``taxes``."""
    row = records.get(ORDER, order_id)
    row["lines"] = order_lines(order_id)
    return document_lines.add_totals(row)


def order_lines(order_id: int) -> list[Row]:
    return LINES.read(order_id)


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
