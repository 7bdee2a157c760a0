"""Screenshots of selling: the quote form, a quote PDF, an invoice PDF, the receivables report.

Run under Xvfb from the checkout (``pdftoppm`` from poppler-utils turns the PDFs into PNG)::

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python docs/screenshots/make_selling_shots.py

It builds a small shop in a temporary home folder — a German seller with bank
details, a Russian buyer (INN and KPP) and a Chinese one, products at 19 %, 7 %
and 0 % — then a quote with two tax rates (shown in its form and printed),
an invoice issued from the accepted quote with a partial payment, and a few
more invoices at different ages for the receivables report. Saves
``quote-form.png``, ``quote-pdf.png``, ``invoice-two-rates-partly-paid.png``
and ``report-receivables.png``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HOME = Path(tempfile.mkdtemp(prefix="crm-shots-"))
os.environ["CRM_DESKTOP_HOME"] = str(HOME)
OUT = ROOT / "docs" / "screenshots"


def pdf_to_png(pdf: Path, name: str) -> None:
    """The first page of ``pdf`` at 60 dpi, as docs/screenshots/<name>.png."""
    stem = HOME / name
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)  # fmt: skip
    (OUT / f"{name}.png").write_bytes(stem.with_suffix(".png").read_bytes())


def build_shop() -> dict[str, int]:
    from crm_desktop.services import customers, products, settings

    settings.set_many(
        {
            "currency": "EUR",
            "locale": "en_US",
            "company_name": "Acme Trading",
            "company_legal_name": "Acme Trading GmbH",
            "company_address": "Hauptstraße 1\n10115 Berlin",
            "company_country": "DE",
            "company_tax_id": "DE136695976",
            "company_bank_details": "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX",
            "tax_default_pct": "19",
            "payment_terms_days": "14",
        }
    )
    return {
        "buyer": customers.create_customer(
            {
                "name": "Romashka",
                "legal_name": "ООО «Ромашка»",
                "country": "Россия",
                "city": "Москва",
                "address": "ул. Тверская, 7",
                "tax_id": "7707083893",
                "kpp": "773601001",
            }
        ),
        "muller": customers.create_customer(
            {"name": "Müller GmbH", "country": "Deutschland", "tax_id": "DE136695976"}
        ),
        "zhang": customers.create_customer({"name": "Zhang Trading", "country": "China"}),
        "chair": products.create_product(
            {"sku": "CH-1", "name": "Office chair", "unit_price_cents": "99.99"}
        ),
        "book": products.create_product(
            {"sku": "BK-1", "name": "Book: Ergonomics", "unit_price_cents": "20.00", "tax_pct": "7"}
        ),
        "service": products.create_product(
            {"name": "Consulting hour", "unit_price_cents": "120.00", "tax_pct": "0"}
        ),
    }


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from crm_desktop.reports.generate import generate_invoice, generate_quote, generate_report
    from crm_desktop.services import invoices, open_session, orders, payments, quotes
    from crm_desktop.services.reporting import Period
    from crm_desktop.ui.quotes.form import QuoteForm

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("CRM Desktop")
    open_session(HOME / "crm.sqlite3")
    shop = build_shop()
    today = date.today()
    quote_id = quotes.create_quote(
        {"customer_id": shop["buyer"], "notes": "Delivery within two weeks of the order."},
        [
            {"product_id": shop["chair"], "quantity": "3"},
            {"product_id": shop["book"], "quantity": "2", "discount_pct": "10"},
            {
                "description": "Стул «Офис» 办公椅 — assembly",
                "quantity": "1.5",
                "unit_price_cents": "45.00",
                "tax_pct": "19",
            },
        ],
    )

    def settle(ms: int = 400) -> None:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(app.quit)
        timer.start(ms)
        app.exec()

    form = QuoteForm(None, record_id=quote_id)
    form.resize(1000, 620)
    form.show()
    settle()
    form.grab().save(str(OUT / "quote-form.png"))
    form.close()

    pdf_to_png(generate_quote(HOME / "quote.pdf", quote_id=quote_id), "quote-pdf")

    # Older invoices for the ageing buckets of the receivables report, issued first:
    # numbers follow the dates.
    for customer, product, quantity, days_ago in (
        ("zhang", "book", "30", 120),
        ("zhang", "chair", "12", 75),
        ("muller", "service", "5", 40),
        ("muller", "chair", "2", 3),
    ):
        order_id = orders.create_order(
            {"customer_id": shop[customer], "status": "confirmed"},
            [{"product_id": shop[product], "quantity": quantity}],
        )
        invoices.issue_invoice(order_id, issue_date=today - timedelta(days=days_ago))
    accepted = quotes.accept_quote(quote_id)
    invoice_id = invoices.issue_invoice(accepted.order_id)
    payments.record_payment({"invoice_id": invoice_id, "amount_cents": "150.00",
                             "paid_on": str(today), "method": "bank_transfer",
                             "note": "First instalment"})  # fmt: skip
    pdf_to_png(
        generate_invoice(HOME / "invoice.pdf", invoice_id=invoice_id),
        "invoice-two-rates-partly-paid",
    )

    report = generate_report(
        "receivables",
        HOME / "receivables.pdf",
        period=Period(date(today.year - 1, 1, 1), today),
    )
    pdf_to_png(report, "report-receivables")
    print("saved to", OUT)


if __name__ == "__main__":
    main()
