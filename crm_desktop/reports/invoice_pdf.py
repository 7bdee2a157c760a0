"""The invoice PDF of one order: who sells, who buys, the lines and the totals.

The company block comes from the settings (name, address, email, phone,
tax number, logo), the customer block from the customer record. Every
piece of it is user text and is drawn as typed, never as markup. A draft or
cancelled order still prints, marked so that nobody takes it for a bill.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from crm_desktop.i18n import N_, _
from crm_desktop.reports import fonts
from crm_desktop.reports.formatting import percent, quantity
from crm_desktop.reports.model import Cancelled
from crm_desktop.reports.pdf import MARGIN, build_pdf, notice, page_size
from crm_desktop.reports.pdf_flowables import INK, MUTED, RULE, PagedTable, TextBlock
from crm_desktop.services.locale_format import amount_in_words, format_date
from crm_desktop.services.money import currency_exponent, decimal_places, format_money
from crm_desktop.services.reporting.invoice import Invoice

STATUS_NOTICES = {
    "draft": N_("Draft — this order is not confirmed yet, so this is not a valid invoice."),
    "cancelled": N_("Cancelled — this order was cancelled; nothing is due."),
}
ORDER_STATUSES = {
    "draft": N_("Draft"),
    "confirmed": N_("Confirmed"),
    "paid": N_("Paid"),
    "shipped": N_("Shipped"),
    "cancelled": N_("Cancelled"),
}


def _cell(text: str, size: float, *, bold: bool = False, align: str = "left") -> object:
    """A table cell: the string itself, or a TextBlock when it needs another font (中文)."""
    return (
        text if fonts.is_simple(text, bold=bold) else TextBlock(text, size, bold=bold, align=align)
    )


def _lines_of(*parts: str | None) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _block(title: str, body: str, heading_size: float = 10.5) -> list[Flowable]:
    return [
        TextBlock(title, 7.5, color=MUTED, space_after=1.5),
        TextBlock(body.split("\n", 1)[0], heading_size, bold=True, space_after=1),
        TextBlock(body.split("\n", 1)[1] if "\n" in body else "", 8.8, max_lines=14),
    ]


def render_invoice(invoice: Invoice, target: Path, *, cancelled: Cancelled | None = None) -> None:
    """Write the invoice of ``invoice`` as a PDF to ``target`` (the caller makes it atomic)."""
    fonts.register_fonts()
    context = invoice.context
    currency, locale = context.currency, context.locale
    width = page_size(context)[0] - 2 * MARGIN

    def money(cents: int) -> str:
        return format_money(cents, currency, locale)

    seller = _lines_of(
        context.company_name or _("(Set your company name in Settings)"),
        context.company_address,
        context.company_email,
        context.company_phone,
        _("Tax / VAT number: {number}").format(number=context.company_tax_id)
        if context.company_tax_id.strip()
        else None,
    )
    customer = invoice.customer
    place = ", ".join(
        part.strip() for part in (customer.city, customer.country) if part and part.strip()
    )
    buyer = _lines_of(
        customer.name,
        _("Attn: {name}").format(name=customer.contact) if customer.contact else None,
        customer.address,
        place,
        customer.email,
        customer.phone and _phone(customer.phone),
    )
    # The number is user text too: a string cell is drawn as is, a TextBlock when it needs
    # a fallback font (a number typed in Chinese).
    number: object = invoice.number
    if not fonts.is_simple(invoice.number, bold=True):
        number = TextBlock(invoice.number, 9, bold=True, align="right")
    facts = Table(
        [
            [_cell(_("Invoice number"), 8.5), number],
            [_cell(_("Date"), 8.5), format_date(invoice.order_date, locale)],
            [
                _cell(_("Order status"), 8.5),
                _cell(_(ORDER_STATUSES.get(invoice.status, invoice.status)), 9, bold=True),
            ],
            [_cell(_("Currency"), 8.5), currency],
        ],
        colWidths=[30 * mm, 45 * mm],
        hAlign="RIGHT",
    )
    facts.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), fonts.REGULAR, 8.5),
                ("FONT", (1, 0), (1, -1), fonts.BOLD, 9),
                ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
                ("TEXTCOLOR", (1, 0), (1, -1), INK),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    head = Table(
        [
            [
                _block(_("From"), seller),
                [TextBlock(_("INVOICE"), 20, bold=True, align="right"), Spacer(1, 4), facts],
            ]
        ],
        colWidths=[width * 0.55, width * 0.45],
    )
    head.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story: list[Flowable] = [head, Spacer(1, 8 * mm)]
    story += _block(_("Bill to"), buyer, 11.5)
    story.append(Spacer(1, 6 * mm))
    if invoice.status in STATUS_NOTICES:
        story += [notice(_(STATUS_NOTICES[invoice.status]), width), Spacer(1, 5 * mm)]
    if invoice.lines:
        rows = []
        for line in invoice.lines:
            sku = _("SKU {sku}").format(sku=line.sku) if line.sku else ""
            description = line.description + (f"\n{sku}" if sku else "")
            rows.append(
                [
                    str(line.position),
                    description,
                    quantity(line.quantity, locale),
                    money(line.unit_price_cents),
                    discount_text(line.discount_pct, locale),
                    money(line.total_cents),
                ]
            )
        story.append(
            PagedTable(
                ["#", _("Description"), _("Quantity"), _("Unit price"), _("Discount"), _("Amount")],
                rows,
                weights=[0.45, 4.6, 1.05, 1.45, 0.95, 1.6],
                right_aligned=[True, False, True, True, True, True],
                size=8.8,
                cancelled=cancelled,
            )
        )
    else:
        story.append(TextBlock(_("This order has no lines."), 9.5, color=MUTED))
    story.append(Spacer(1, 4 * mm))
    totals_rows = []
    if invoice.discount_cents:
        totals_rows += [
            [_cell(_("Subtotal before discounts"), 9), money(invoice.gross_cents)],
            [_cell(_("Discounts"), 9), money(-invoice.discount_cents)],
        ]
    totals_rows.append([_cell(_("Total"), 11.5, bold=True), money(invoice.total_cents)])
    totals = Table(totals_rows, colWidths=[50 * mm, 38 * mm], hAlign="RIGHT")
    totals.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                ("FONT", (0, -1), (-1, -1), fonts.BOLD, 11.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, -1), (-1, -1), 1, INK),
                ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, -1), (-1, -1), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        )
    )
    story.append(totals)
    in_words = amount_in_words(invoice.total_cents, currency, locale, currency_exponent(currency))
    if in_words:  # the Russian invoice's «сумма прописью»
        story += [
            Spacer(1, 3 * mm),
            TextBlock(_("Total in words: {amount}").format(amount=in_words), 9, max_lines=4),
        ]
    if invoice.notes and invoice.notes.strip():
        story += [
            Spacer(1, 7 * mm),
            TextBlock(_("Notes"), 9, bold=True, space_after=2),
            TextBlock(invoice.notes.strip(), 8.8, max_lines=60),
        ]
    build_pdf(
        target,
        story,
        context=context,
        title=_("Invoice {number}").format(number=invoice.number),
        cancelled=cancelled,
    )


def _phone(stored: str) -> str:
    from crm_desktop.services.validation import format_phone

    return format_phone(stored)


def discount_text(discount_pct: Decimal, locale: str) -> str:
    """12.5 → ``12.5%``; 0 → nothing (a line without a discount shows none)."""
    if not discount_pct:
        return ""
    places = min(2, decimal_places(discount_pct.normalize()))
    return percent(discount_pct / 100, locale, places)
