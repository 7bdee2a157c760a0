"""An invoice's data for one order: the company, the customer, the lines and the totals.

Line totals are the brief's (quantity × unit price × (100 − discount) / 100,
rounded half up to a cent, :func:`money.line_total_sql`); the invoice total
is their sum. "Before discount" is quantity × unit price rounded the same
way, and the discount is the difference, so the three figures always add up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crm_desktop.errors import NotFoundError
from crm_desktop.models import database
from crm_desktop.services import orders
from crm_desktop.services.money import line_total_cents
from crm_desktop.services.reporting.context import ReportContext, report_context


@dataclass(frozen=True)
class InvoiceLine:
    """One line as printed: what, how many, at what price, less what discount."""

    position: int
    description: str
    sku: str | None
    quantity: Decimal
    unit_price_cents: int
    discount_pct: Decimal
    gross_cents: int  # before the discount
    total_cents: int


@dataclass(frozen=True)
class InvoiceParty:
    """Who the invoice is addressed to."""

    name: str
    address: str | None
    city: str | None
    country: str | None
    email: str | None
    phone: str | None
    contact: str | None


@dataclass(frozen=True)
class Invoice:
    """Everything an invoice shows."""

    order_id: int
    number: str
    order_date: date
    status: str
    notes: str | None
    customer: InvoiceParty
    lines: list[InvoiceLine]
    gross_cents: int
    discount_cents: int
    total_cents: int
    context: ReportContext

    @property
    def is_empty(self) -> bool:
        return not self.lines


def invoice_for_number(number: str) -> Invoice:
    """The invoice of the order with this number; NotFoundError names it when there is none."""
    row = database.execute_sql(
        "SELECT id FROM sales_order WHERE number = ?", ((number or "").strip(),)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no order number {number.strip()!r}.")
    return invoice_data(row[0])


def invoice_data(order_id: int) -> Invoice:
    """The invoice of one order (by id)."""
    order = orders.get_order(order_id)
    customer = database.execute_sql(
        "SELECT name, address, city, country, email, phone, "
        "(SELECT name FROM contact WHERE customer_id = c.id ORDER BY is_primary DESC, id LIMIT 1) "
        "FROM customer c WHERE c.id = ?",
        (order["customer_id"],),
    ).fetchone()
    skus = {
        product_id: sku
        for product_id, sku in database.execute_sql(
            "SELECT p.id, p.sku FROM order_line l JOIN product p ON p.id = l.product_id "
            "WHERE l.order_id = ?",
            (order_id,),
        )
    }
    lines = []
    for position, line in enumerate(order["lines"], start=1):
        quantity = Decimal(line["quantity"])
        gross = line_total_cents(quantity, int(line["unit_price_cents"]), Decimal(0))
        lines.append(
            InvoiceLine(
                position=position,
                description=line["description"] or "",
                sku=skus.get(line["product_id"]),
                quantity=quantity,
                unit_price_cents=int(line["unit_price_cents"]),
                discount_pct=Decimal(line["discount_pct"]),
                gross_cents=gross,
                total_cents=int(line["total_cents"]),
            )
        )
    total = sum(line.total_cents for line in lines)
    gross_total = sum(line.gross_cents for line in lines)
    return Invoice(
        order_id=order_id,
        number=order["number"],
        order_date=date.fromisoformat(str(order["order_date"])),
        status=order["status"],
        notes=order.get("notes"),
        customer=InvoiceParty(*customer),
        lines=lines,
        gross_cents=gross_total,
        discount_cents=gross_total - total,
        total_cents=total,
        context=report_context(),
    )
