"""What an invoice, a credit note, a quote or an order's pro forma invoice prints, as plain data.

All four print in one style (:mod:`crm_desktop.reports.invoice_pdf`): the
seller, the buyer, the lines with their tax rates, the net amount, the tax
at each rate and the gross amount, and, for an invoice, its due date,
payment terms, bank details, payments and what is left to pay.

* An issued **invoice** or **credit note** prints what was copied into it when
  it was issued (:mod:`crm_desktop.services.invoices`): it never changes.
* A **quote** and an **order** print what they hold now; the seller comes from
  the settings and the buyer from the customer. An order prints as a pro
  forma invoice (not a tax invoice; the real one is issued with a number).

Line amounts are the brief's (quantity × unit price × (100 − discount) / 100,
rounded half up); "before discount" is quantity × unit price rounded the
same way, and the discount is the difference, so the figures always add up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from crm_desktop.errors import NotFoundError
from crm_desktop.i18n import N_, _
from crm_desktop.models import database
from crm_desktop.services import invoices, orders, quotes, settings
from crm_desktop.services.money import line_total_cents
from crm_desktop.services.reporting.context import ReportContext, report_context
from crm_desktop.services.taxes import RateTotals

TITLES = {
    "invoice": N_("INVOICE"),
    "credit_note": N_("CREDIT NOTE"),
    "quote": N_("QUOTE"),
    "order": N_("PRO FORMA INVOICE"),
}


@dataclass(frozen=True)
class InvoiceLine:
    """One line as printed: what, how many, at what price, less what discount, at what rate."""

    position: int
    description: str
    sku: str | None
    quantity: Decimal
    unit_price_cents: int
    discount_pct: Decimal
    tax_pct: Decimal
    undiscounted_cents: int  # quantity × unit price, before the discount
    total_cents: int  # the line's amount (net or gross, as its price was entered)


@dataclass(frozen=True)
class InvoiceParty:
    """A seller or a buyer: name, address lines and tax identifiers."""

    name: str
    address: str = ""
    tax_id: str = ""
    kpp: str = ""
    email: str | None = None
    phone: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class PaymentLine:
    paid_on: date
    amount_cents: int
    method: str


@dataclass(frozen=True)
class Invoice:
    """Everything one printed document shows (an invoice, a credit note, a quote, an order)."""

    kind: str  # invoice, credit_note, quote, order
    number: str
    issue_date: date
    status: str  # the order's or quote's status, the invoice's state
    notes: str | None
    seller: InvoiceParty
    customer: InvoiceParty
    lines: list[InvoiceLine]
    prices_include_tax: bool
    taxes: list[RateTotals]
    net_cents: int
    tax_cents: int
    gross_cents: int
    context: ReportContext
    currency: str = ""
    due_date: date | None = None
    valid_until: date | None = None
    reference: str | None = None  # the order of an invoice, the invoice a credit note cancels
    cancelled_by: str | None = None
    payment_terms: str = ""
    bank_details: str = ""
    payments: list[PaymentLine] = field(default_factory=list)
    paid_cents: int = 0
    balance_cents: int = 0

    @property
    def title(self) -> str:
        return _(TITLES[self.kind])

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def total_cents(self) -> int:
        """The sum of the line amounts."""
        return sum(line.total_cents for line in self.lines)

    @property
    def undiscounted_cents(self) -> int:
        return sum(line.undiscounted_cents for line in self.lines)

    @property
    def discount_cents(self) -> int:
        return self.undiscounted_cents - self.total_cents

    @property
    def order_date(self) -> date:  # the name the order's pro forma had before
        return self.issue_date


def _lines(rows: Sequence[Mapping[str, Any]], skus: Mapping[int, str]) -> list[InvoiceLine]:
    found = []
    for position, line in enumerate(rows, start=1):
        quantity = Decimal(line["quantity"])
        found.append(
            InvoiceLine(
                position=position,
                description=line["description"] or "",
                sku=line.get("sku") or skus.get(line.get("product_id") or -1),
                quantity=quantity,
                unit_price_cents=int(line["unit_price_cents"]),
                discount_pct=Decimal(line["discount_pct"]),
                tax_pct=Decimal(line.get("tax_pct") or 0),
                undiscounted_cents=line_total_cents(
                    quantity, int(line["unit_price_cents"]), Decimal(0)
                ),
                total_cents=int(line["total_cents"]),
            )
        )
    return found


def _skus(table: str, owner: str, owner_id: int) -> dict[int, str]:
    return dict(
        database.execute_sql(
            f'SELECT p.id, p.sku FROM "{table}" l JOIN product p ON p.id = l.product_id '
            f'WHERE l."{owner}" = ? AND p.sku IS NOT NULL',
            (owner_id,),
        ).fetchall()
    )


def _settings_seller() -> InvoiceParty:
    values = settings.get_all()
    return InvoiceParty(
        name=values["company_legal_name"] or values["company_name"],
        address="\n".join(
            part.strip()
            for part in (
                values["company_address"],
                values["company_email"],
                values["company_phone"],
            )
            if part and part.strip()
        ),
        tax_id=values["company_tax_id"],
        kpp=values["company_kpp"],
    )


def _customer(customer_id: int) -> InvoiceParty:
    row = database.execute_sql(
        "SELECT name, legal_name, address, city, country, email, phone, tax_id, kpp, "
        "(SELECT name FROM contact WHERE customer_id = c.id ORDER BY is_primary DESC, id LIMIT 1) "
        "FROM customer c WHERE c.id = ?",
        (customer_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(_("The customer does not exist (any more)."))
    name, legal_name, address, city, country, email, phone, tax_id, kpp, contact = row
    place = ", ".join(part.strip() for part in (city, country) if part and part.strip())
    return InvoiceParty(
        name=legal_name or name,
        address="\n".join(part.strip() for part in (address, place) if part and part.strip()),
        tax_id=tax_id or "",
        kpp=kpp or "",
        email=email,
        phone=phone,
        contact=contact,
    )


def _draft_document(kind: str, row: Mapping[str, Any], skus: Mapping[int, str]) -> Invoice:
    """An order or a quote as it stands: figures computed now, parties from now."""
    values = settings.get_all()
    return Invoice(
        kind=kind,
        number=row["number"],
        issue_date=date.fromisoformat(str(row.get("order_date") or row.get("quote_date"))),
        status=row.get("shown_status") or row["status"],
        notes=row.get("notes"),
        seller=_settings_seller(),
        customer=_customer(row["customer_id"]),
        lines=_lines(row["lines"], skus),
        prices_include_tax=bool(row["prices_include_tax"]),
        taxes=list(row["taxes"]),
        net_cents=row["net_cents"],
        tax_cents=row["tax_cents"],
        gross_cents=row["gross_cents"],
        context=report_context(),
        currency=values["currency"] or "USD",
        valid_until=date.fromisoformat(row["valid_until"]) if row.get("valid_until") else None,
        bank_details=values["company_bank_details"] if kind == "order" else "",
        balance_cents=row["gross_cents"],
    )


def invoice_data(order_id: int) -> Invoice:
    """An order printed as a pro forma invoice (by id)."""
    order = orders.get_order(order_id)
    return _draft_document("order", order, _skus("order_line", "order_id", order_id))


def invoice_for_number(number: str) -> Invoice:
    """The order with this number as a pro forma invoice; NotFoundError names it if none."""
    row = database.execute_sql(
        "SELECT id FROM sales_order WHERE number = ?", ((number or "").strip(),)
    ).fetchone()
    if row is None:
        raise NotFoundError(_("There is no order number {number!r}.").format(number=number.strip()))
    return invoice_data(row[0])


def quote_data(quote_id: int) -> Invoice:
    quote = quotes.get_quote(quote_id)
    return _draft_document("quote", quote, _skus("quote_line", "quote_id", quote_id))


def quote_for_number(number: str) -> Invoice:
    quote = quotes.find_quote(number)
    if quote is None:
        raise NotFoundError(_("There is no quote number {number!r}.").format(number=number.strip()))
    return quote_data(quote["id"])


def issued_data(invoice_id: int) -> Invoice:
    """An issued invoice or credit note, exactly as it was issued, with its payments."""
    row = invoices.get_invoice(invoice_id)
    context = report_context()
    seller = InvoiceParty(
        row["seller_name"], row["seller_address"], row["seller_tax_id"], row["seller_kpp"]
    )
    buyer = InvoiceParty(
        row["buyer_name"], row["buyer_address"], row["buyer_tax_id"], row["buyer_kpp"]
    )
    reference = row["credited_number"] if row["kind"] == "credit_note" else row["order_number"]
    return Invoice(
        kind=row["kind"],
        number=row["number"],
        issue_date=date.fromisoformat(row["issue_date"]),
        status=row["state"],
        notes=row.get("notes"),
        seller=seller,
        customer=buyer,
        lines=_lines(row["lines"], {}),
        prices_include_tax=bool(row["lines"] and row["lines"][0]["tax_included"]),
        taxes=list(row["taxes"]),
        net_cents=row["net_cents"],
        tax_cents=row["tax_cents"],
        gross_cents=row["gross_cents"],
        context=context,
        currency=row["currency"],
        due_date=date.fromisoformat(row["due_date"]) if row.get("due_date") else None,
        reference=reference,
        cancelled_by=row["credit_note_number"],
        payment_terms=row["payment_terms"],
        bank_details=row["seller_bank"],
        payments=[
            PaymentLine(date.fromisoformat(p["paid_on"]), p["amount_cents"], p["method"])
            for p in row["payments"]
        ],
        paid_cents=row["paid_cents"],
        balance_cents=row["balance_cents"],
    )


def document_for_number(number: str) -> Invoice:
    """An invoice or credit note by its number, else an order's (its invoice if it has one)."""
    invoice_id = invoices.find_invoice(number)
    if invoice_id is not None:
        return issued_data(invoice_id)
    row = database.execute_sql(
        "SELECT id FROM sales_order WHERE number = ?", ((number or "").strip(),)
    ).fetchone()
    if row is None:
        raise NotFoundError(
            _("There is no invoice or order number {value!r}.").format(value=(number or "").strip())
        )
    return document_for_order(row[0])


def document_for_order(order_id: int) -> Invoice:
    """An order's invoice if it was issued (not cancelled), else the order as a pro forma."""
    invoice_id = invoices.invoice_of_order(order_id)
    if invoice_id is not None and orders.invoiced_by(order_id) is not None:
        return issued_data(invoice_id)
    return invoice_data(order_id)
