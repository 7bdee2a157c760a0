"""The PDF of an invoice, a credit note, a quote or an order's pro forma invoice, in one style.

Who sells (with tax id and KPP), who buys, the lines with their tax rates,
the net amount, the tax at each rate and the gross amount; for an invoice
also the due date, the payment terms, the bank details, the payments made
and the balance. Every piece of it is user text and is drawn as typed,
never as markup. A draft or cancelled order, a cancelled invoice and an
expired quote still print, marked so that nobody takes them for what they
are not.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from crm_desktop import i18n
from crm_desktop.i18n import N_, _
from crm_desktop.reports import fonts
from crm_desktop.reports.formatting import percent, quantity
from crm_desktop.reports.pdf import MARGIN, build_pdf, notice, page_size
from crm_desktop.reports.pdf_flowables import INK, MUTED, RULE, PagedTable, TextBlock
from crm_desktop.services.locale_format import amount_in_words, format_date
from crm_desktop.services.money import currency_exponent, decimal_places, format_money
from crm_desktop.services.progress import Cancelled
from crm_desktop.services.reporting.invoice import Invoice, InvoiceParty

STATUS_NOTICES = {
    ("order", "draft"): N_(
        "Draft — this order is not confirmed yet, so this is not a valid invoice."
    ),
    ("order", "cancelled"): N_("Cancelled — this order was cancelled; nothing is due."),
    ("quote", "expired"): N_("Expired — this quote is no longer valid."),
    ("quote", "declined"): N_("Declined — this quote was declined."),
}
METHODS = {
    "bank_transfer": N_("bank transfer"),
    "cash": N_("cash"),
    "card": N_("card"),
    "other": N_("other"),
}
ORDER_STATUSES = {
    "draft": N_("Draft"),
    "confirmed": N_("Confirmed"),
    "paid": N_("Paid"),
    "shipped": N_("Shipped"),
    "cancelled": N_("Cancelled"),
}


def _lines_of(*parts: str | None) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _block(title: str, body: str, heading_size: float = 10.5) -> list[Flowable]:
    head, _sep, rest = body.partition("\n")
    return [
        TextBlock(title, 7.5, color=MUTED, space_after=1.5),
        TextBlock(head, heading_size, bold=True, space_after=1),
        TextBlock(rest, 8.8, max_lines=14),
    ]


def _party(party: InvoiceParty, *, fallback: str = "") -> str:
    return _lines_of(
        party.name or fallback,
        _("Attn: {name}").format(name=party.contact) if party.contact else None,
        party.address,
        party.email,
        party.phone and _phone(party.phone),
        _("Tax id: {tax_id}").format(tax_id=party.tax_id) if party.tax_id.strip() else None,
        _("KPP: {kpp}").format(kpp=party.kpp) if party.kpp.strip() else None,
    )


def _facts(doc: Invoice) -> list[tuple[str, str]]:
    rows = [(_("Number"), doc.number)]
    day = functools.partial(format_date, locale=doc.context.locale)  # as the window shows dates
    rows.append((_("Date"), day(doc.issue_date)))
    if doc.kind == "invoice" and doc.due_date is not None:
        rows.append((_("Due date"), day(doc.due_date)))
    if doc.kind == "quote" and doc.valid_until is not None:
        rows.append((_("Valid until"), day(doc.valid_until)))
    if doc.kind == "invoice" and doc.reference:
        rows.append((_("Order"), doc.reference))
    if doc.kind == "credit_note" and doc.reference:
        rows.append((_("Cancels invoice"), doc.reference))
    if doc.kind == "order":
        status = ORDER_STATUSES.get(doc.status)
        rows.append((_("Order status"), _(status) if status else doc.status))
    rows.append((_("Currency"), doc.currency or doc.context.currency))
    return rows


def _cell(text: str, size: float, *, bold: bool = False, align: str = "left", color=INK):
    """``text`` as a table cell: plain when the main font draws it, else a TextBlock.

    Chinese labels and user text need the fallback font (and its bold), which a
    plain reportlab cell cannot switch to.
    """
    if fonts.is_simple(text, bold=bold):
        return text
    return TextBlock(text, size, bold=bold, align=align, color=color)


def _facts_table(doc: Invoice) -> Table:
    data: list[list[object]] = [
        [_cell(label, 8.5, color=MUTED), _cell(value, 9, bold=True, align="right")]
        for label, value in _facts(doc)
    ]
    table = Table(data, colWidths=[30 * mm, 45 * mm], hAlign="RIGHT")
    table.setStyle(
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
    return table


def _notices(doc: Invoice) -> list[str]:
    found = []
    if (doc.kind, doc.status) in STATUS_NOTICES:
        found.append(_(STATUS_NOTICES[(doc.kind, doc.status)]))
    if doc.kind == "invoice" and doc.cancelled_by:
        found.append(
            _("Cancelled — credit note {number} cancels this invoice.").format(
                number=doc.cancelled_by
            )
        )
    if doc.kind == "credit_note":
        found.append(
            _(
                "This credit note cancels invoice {number}: "
                "the amounts below are credited to the buyer."
            ).format(number=doc.reference)
        )
    if doc.kind == "order" and doc.status not in ("draft", "cancelled"):
        found.append(_("Pro forma — not a tax invoice; the invoice is issued with its own number."))
    return found


def _totals_table(doc: Invoice, money) -> Table:
    rows: list[list[str]] = []
    if doc.discount_cents:
        rows += [
            [_("Before discounts"), money(doc.undiscounted_cents)],
            [_("Discounts"), money(-doc.discount_cents)],
        ]
    rows.append([_("Net amount"), money(doc.net_cents)])
    locale = doc.context.locale
    for rate in doc.taxes:
        label = _("Tax {rate} on {amount}").format(
            rate=rate_text(rate.tax_pct, locale), amount=money(rate.net_cents)
        )
        rows.append([label, money(rate.tax_cents)])
    total_row = len(rows)
    rows.append(
        [_("Total") if doc.kind != "credit_note" else _("Total credited"), money(doc.gross_cents)]
    )
    balance_row = None
    if doc.kind == "invoice" and (doc.payments or doc.cancelled_by):
        for payment in doc.payments:
            method = _(METHODS[payment.method]) if payment.method in METHODS else payment.method
            rows.append(
                [
                    _("Paid {date} ({method})").format(
                        date=format_date(payment.paid_on, locale), method=method
                    ),
                    money(-payment.amount_cents),
                ]
            )
        balance_row = len(rows)
        rows.append([_("Balance due"), money(doc.balance_cents)])
    big = {total_row, balance_row}
    cells = [
        [
            _cell(label, 11.5 if index in big else 9, bold=index in big),
            _cell(amount, 11.5 if index in big else 9, bold=index in big, align="right"),
        ]
        for index, (label, amount) in enumerate(rows)
    ]
    table = Table(cells, colWidths=[62 * mm, 38 * mm], hAlign="RIGHT")
    style = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
        ("FONT", (0, total_row), (-1, total_row), fonts.BOLD, 11.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEABOVE", (0, total_row), (-1, total_row), 1, INK),
        ("LINEBELOW", (0, total_row), (-1, total_row), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, total_row), (-1, total_row), 4),
        ("BOTTOMPADDING", (0, total_row), (-1, total_row), 4),
    ]
    if balance_row is not None:
        style += [
            ("FONT", (0, balance_row), (-1, balance_row), fonts.BOLD, 11.5),
            ("LINEABOVE", (0, balance_row), (-1, balance_row), 1, INK),
        ]
    table.setStyle(TableStyle(style))
    return table


def render_invoice(invoice: Invoice, target: Path, *, cancelled: Cancelled | None = None) -> None:
    """Write ``invoice`` (any of the four kinds) as a PDF to ``target`` (the caller makes
    it atomic)."""
    fonts.register_fonts()
    doc = invoice
    context = doc.context
    currency, locale = doc.currency or context.currency, context.locale
    width = page_size(context)[0] - 2 * MARGIN

    def money(cents: int) -> str:
        return format_money(cents, currency, locale)

    seller = _party(doc.seller, fallback=_("(Set your company name in Preferences)"))
    head = Table(
        [
            [
                _block(_("From"), seller),
                [TextBlock(doc.title, 20, bold=True, align="right"), Spacer(1, 4),
                 _facts_table(doc)],
            ]
        ],
        colWidths=[width * 0.55, width * 0.45],
    )  # fmt: skip
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
    story += _block(
        _("Quote for") if doc.kind == "quote" else _("Bill to"), _party(doc.customer), 11.5
    )
    story.append(Spacer(1, 6 * mm))
    for text in _notices(doc):
        story += [notice(text, width), Spacer(1, 5 * mm)]
    if doc.lines:
        included = doc.prices_include_tax
        rows = []
        for line in doc.lines:
            sku = "\n" + _("SKU {sku}").format(sku=line.sku) if line.sku else ""
            description = line.description + sku
            rows.append(
                [
                    str(line.position),
                    description,
                    quantity(line.quantity, locale),
                    money(line.unit_price_cents),
                    discount_text(line.discount_pct, locale),
                    rate_text(line.tax_pct, locale),
                    money(line.total_cents),
                ]
            )
        story.append(
            PagedTable(
                [
                    "#",
                    _("Description"),
                    _("Quantity"),
                    _("Unit price (incl. tax)") if included else _("Unit price"),
                    _("Discount"),
                    _("Tax"),
                    _("Amount (incl. tax)") if included else _("Amount"),
                ],
                rows,
                weights=[0.45, 4.2, 1.0, 1.5, 0.95, 0.8, 1.65],
                right_aligned=[True, False, True, True, True, True, True],
                size=8.8,
                cancelled=cancelled,
            )
        )
    else:
        empty = {"quote": _("This quote has no lines."), "order": _("This order has no lines.")}
        story.append(
            TextBlock(empty.get(doc.kind, _("This document has no lines.")), 9.5, color=MUTED)
        )
    story.append(Spacer(1, 4 * mm))
    story.append(_totals_table(doc, money))
    words = amount_in_words(doc.gross_cents, currency, i18n.language(), currency_exponent(currency))
    if words:  # the Russian invoice's «сумма прописью», under the total
        story += [
            Spacer(1, 3 * mm),
            TextBlock(_("Total in words: {words}").format(words=words), 9, bold=True),
        ]
    payment_info = _lines_of(
        _("Please pay by {date}.").format(date=format_date(doc.due_date, doc.context.locale))
        if doc.kind == "invoice" and doc.due_date and doc.balance_cents > 0
        else None,
        doc.payment_terms,
    )
    if doc.kind in ("invoice", "order") and (payment_info or doc.bank_details.strip()):
        story += [Spacer(1, 7 * mm), TextBlock(_("Payment"), 9, bold=True, space_after=2)]
        if payment_info:
            story.append(TextBlock(payment_info, 8.8, max_lines=12, space_after=3))
        if doc.bank_details.strip():
            story.append(TextBlock(doc.bank_details.strip(), 8.8, max_lines=12))
    if doc.notes and doc.notes.strip():
        story += [
            Spacer(1, 7 * mm),
            TextBlock(_("Notes"), 9, bold=True, space_after=2),
            TextBlock(doc.notes.strip(), 8.8, max_lines=60),
        ]
    build_pdf(
        target,
        story,
        context=context,
        title=f"{doc.title.capitalize()} {doc.number}",  # the PDF's metadata
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


def rate_text(rate: Decimal, locale: str) -> str:
    """A tax rate: 20 → ``20%``, 7.5 → ``7.5%``, 0 → ``0%``."""
    places = min(2, decimal_places(rate.normalize())) if rate else 0
    return percent(rate / 100, locale, places)
