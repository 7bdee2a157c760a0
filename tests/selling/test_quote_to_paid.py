"""From quote to paid: exact money at every step, in the database and in the PDF text."""

from __future__ import annotations

from datetime import date

import pytest
from selling_helpers import CYRILLIC_BUYER, pdf_text, rows

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.reports.generate import generate_invoice, generate_quote
from crm_desktop.services import (
    deals,
    figures,
    invoices,
    orders,
    payments,
    quotes,
    settings,
    trash,
)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def _quote(shop, **extra) -> int:
    return quotes.create_quote(
        {"customer_id": shop["buyer"], **extra},
        [
            {"product_id": shop["chair"], "quantity": "3"},  # 299.97 at 19 %
            {"product_id": shop["book"], "quantity": "2", "discount_pct": "10"},  # 36.00 at 7 %
        ],
    )


def test_quote_to_order_to_invoice_to_partial_payment_to_paid(shop, tmp_path):
    deal_id = deals.create_deal({"title": "Office chairs", "customer_id": shop["buyer"]})
    assert quotes.deal_amount_cents(deal_id) == 0
    quote_id = _quote(shop, deal_id=deal_id, notes="=HYPERLINK(1) <b>&</b> 🪑")
    quote = quotes.get_quote(quote_id)
    # 299.97 + 19 % = 56.9943 → 56.99; 36.00 + 7 % = 2.52
    assert (quote["net_cents"], quote["tax_cents"], quote["gross_cents"]) == (33597, 5951, 39548)
    assert quote["number"] == "QU-2026-0001" and quote["valid_until"] == "2026-04-09"
    assert quotes.deal_amount_cents(deal_id) == 33597  # the deal has no amount of its own
    text = squeeze(pdf_text(generate_quote(tmp_path / "q.pdf", quote_id=quote_id)))
    for expected in ("QUOTE", "QU-2026-0001", "Valid until 4/9/2026", CYRILLIC_BUYER,
                     "Tax id: 7707083893", "KPP: 773601001", "Acme Trading GmbH",
                     "Net amount €335.97", "Tax 7% on €36.00 €2.52", "Tax 19% on €299.97 €56.99",
                     "Total €395.48", "=HYPERLINK(1) <b>&</b>"):  # fmt: skip
        assert expected in text, expected

    accepted = quotes.accept_quote(quote_id, win_deal=True)
    order = orders.get_order(accepted.order_id)
    assert [(x["description"], x["quantity"], x["unit_price_cents"], x["tax_pct"])
            for x in order["lines"]] == [("Chair", 3, 9999, 19), ("Book", 2, 2000, 7)]  # fmt: skip
    assert order["status"] == "confirmed" and order["deal_id"] == deal_id
    assert order["gross_cents"] == 39548
    assert quotes.get_quote(quote_id)["status"] == "accepted"
    assert deals.get_deal(deal_id)["stage"] == "won"
    assert figures.revenue_cents() == 33597  # net

    invoice_id = invoices.issue_invoice(accepted.order_id)
    assert rows(
        "SELECT number, year, sequence, issue_date, due_date, net_cents, tax_cents, gross_cents, "
        "buyer_name, buyer_tax_id, buyer_kpp, seller_tax_id FROM invoice"
    ) == [("INV-2026-0001", 2026, 1, "2026-03-10", "2026-03-24", 33597, 5951, 39548,
           CYRILLIC_BUYER, "7707083893", "773601001", "DE136695976")]  # fmt: skip
    assert rows("SELECT tax_pct, net_cents, tax_cents, gross_cents FROM invoice_tax "
                "ORDER BY tax_pct") == [(7.0, 3600, 252, 3852), (19.0, 29997, 5699, 35696)]  # fmt: skip
    assert invoices.get_invoice(invoice_id)["state"] == "open"

    payments.record_payment({"invoice_id": invoice_id, "amount_cents": "100.00",
                             "paid_on": "2026-03-12", "method": "bank_transfer"})  # fmt: skip
    invoice = invoices.get_invoice(invoice_id)
    assert (invoice["state"], invoice["paid_cents"], invoice["balance_cents"]) == (
        "partly_paid", 10000, 29548,
    )  # fmt: skip
    text = squeeze(pdf_text(generate_invoice(tmp_path / "i.pdf", invoice_id=invoice_id)))
    for expected in ("INVOICE", "INV-2026-0001", "Due date 3/24/2026", "Order SO-2026-0001",
                     "Total €395.48", "Paid 3/12/2026 (bank transfer) -€100.00",
                     "Balance due €295.48", "IBAN DE89 3704 0044 0532 0130 00",
                     "Please pay by 3/24/2026."):  # fmt: skip
        assert expected in text, expected
    with pytest.raises(ValidationError, match=r"€295\.48 left to pay"):
        payments.record_payment({"invoice_id": invoice_id, "amount_cents": "295.49"})

    payments.record_payment({"invoice_id": invoice_id, "amount_cents": "295.48", "method": "card"})
    invoice = invoices.get_invoice(invoice_id)
    assert (invoice["state"], invoice["paid_cents"], invoice["balance_cents"]) == ("paid", 39548, 0)
    assert rows("SELECT sum(amount_cents) FROM payment") == [(39548,)]
    text = squeeze(pdf_text(generate_invoice(tmp_path / "p.pdf", number="INV-2026-0001")))
    assert "Balance due €0.00" in text and "Please pay by" not in text


def test_an_unpaid_invoice_past_its_due_date_is_overdue(shop, day, monkeypatch):
    order_id = orders.create_order(
        {"customer_id": shop["buyer"], "status": "confirmed"},
        [{"product_id": shop["service"], "quantity": "2"}],
    )
    invoice_id = invoices.issue_invoice(order_id, issue_date=date(2026, 1, 5))
    invoice = invoices.get_invoice(invoice_id)
    assert invoice["due_date"] == "2026-01-19" and invoice["state"] == "overdue"
    assert invoices.overdue(shop["buyer"]) == invoices.Overdue(1, 24000, "2026-01-19")
    assert invoices.overdue(shop["other"]).count == 0


def test_accept_can_be_taken_back_and_the_order_goes_to_the_trash(shop):
    deal_id = deals.create_deal({"title": "Books", "customer_id": shop["buyer"]})
    quote_id = _quote(shop, deal_id=deal_id)
    accepted = quotes.accept_quote(quote_id, win_deal=True)
    with pytest.raises(CrmError, match="accepted already"):
        quotes.accept_quote(quote_id)
    quotes.undo_accept(accepted)
    assert quotes.get_quote(quote_id)["status"] == "draft"
    assert quotes.get_quote(quote_id)["order_id"] is None
    assert deals.get_deal(deal_id)["stage"] == "new"
    assert rows("SELECT entity, entity_id FROM trash_item") == [("sales_order", accepted.order_id)]


def test_quote_status_shows_expired_after_its_date(shop):
    quote_id = _quote(shop, quote_date="2026-01-02", valid_until="2026-02-01", status="sent")
    assert quotes.get_quote(quote_id)["shown_status"] == "expired"
    from crm_desktop.services import listing

    [row] = listing.fetch_rows("quote", [quote_id], ["status"])
    assert row["status"] == "expired"
    with pytest.raises(ValidationError, match="cannot expire before"):
        quotes.update_quote(quote_id, {"valid_until": "2025-12-31"})


def test_a_declined_quote_no_longer_counts_toward_its_deal(shop):
    deal_id = deals.create_deal({"title": "Chairs", "customer_id": shop["buyer"]})
    quote_id = _quote(shop, deal_id=deal_id)
    assert quotes.deal_amount_cents(deal_id) == 33597
    quotes.set_status([quote_id], "declined")
    assert quotes.deal_amount_cents(deal_id) == 0
    deals.update_deal(deal_id, {"amount_cents": "1000"})
    assert quotes.deal_amount_cents(deal_id) == 100000  # its own amount wins
    assert figures.weighted_forecast_cents() == 10000


def test_the_trash_keeps_quotes_and_payments_restorable(shop):
    quote_id = _quote(shop)
    batch = trash.move_to_trash("quote", [quote_id])
    assert rows("SELECT count(*) FROM quote_line") == [(0,)]
    trash.restore_batch(batch)
    assert len(quotes.get_quote(quote_id)["lines"]) == 2
    order_id = orders.create_order(
        {"customer_id": shop["buyer"], "status": "confirmed"},
        [{"product_id": shop["book"], "quantity": "1"}],
    )
    invoice_id = invoices.issue_invoice(order_id)
    payment_id = payments.record_payment({"invoice_id": invoice_id, "amount_cents": "5"})
    batch = trash.move_to_trash("payment", [payment_id])
    assert invoices.get_invoice(invoice_id)["paid_cents"] == 0
    trash.restore_batch(batch)
    assert invoices.get_invoice(invoice_id)["paid_cents"] == 500
    settings.set_value("currency", "EUR")
    assert rows("SELECT action FROM audit_log WHERE entity = 'payment' ORDER BY id") == [
        ("create",), ("delete",), ("restore",),
    ]  # fmt: skip
