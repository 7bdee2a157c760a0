"""Exports cover selling: quotes, invoices and payments, with their lines, against the database."""

from __future__ import annotations

import csv

from openpyxl import load_workbook
from selling_helpers import CYRILLIC_BUYER, rows

from crm_desktop.cli import main as cli_main
from crm_desktop.services import exporting, invoices, orders, payments, quotes


def _sell(shop) -> int:
    quote_id = quotes.create_quote(
        {"customer_id": shop["buyer"], "notes": "=SUM(A1) <b>&</b>"},
        [
            {"product_id": shop["chair"], "quantity": "3"},
            {"product_id": shop["book"], "quantity": "2", "discount_pct": "10"},
        ],
    )
    order_id = quotes.accept_quote(quote_id).order_id
    invoice_id = invoices.issue_invoice(order_id)
    payments.record_payment({"invoice_id": invoice_id, "amount_cents": "100.00", "note": "Часть"})
    other = orders.create_order(
        {"customer_id": shop["other"], "status": "confirmed"},
        [{"product_id": shop["service"], "quantity": "1"}],
    )
    invoices.cancel_invoice(invoices.issue_invoice(other))
    return invoice_id


def _csv(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_quotes_invoices_and_payments_export_as_the_database_holds_them(shop, db, tmp_path):
    _sell(shop)
    exporting.export_table("quotes", tmp_path / "q.csv")
    [quote] = _csv(tmp_path / "q.csv")
    assert (quote["Number"], quote["Customer"], quote["Net"]) == (
        "QU-2026-0001",
        "Romashka",
        "335.97",
    )
    assert quote["Notes"] != "=SUM(A1) <b>&</b>" and "SUM(A1) <b>&</b>" in quote["Notes"]

    exporting.export_table("invoices", tmp_path / "i.csv")
    found = [(r["Number"], r["Cancels"], r["Net"], r["Tax"], r["Total"], r["Paid"], r["Buyer"])
             for r in _csv(tmp_path / "i.csv")]  # fmt: skip
    expected = [
        (number, credited or "", f"{net / 100:.2f}", f"{tax / 100:.2f}", f"{gross / 100:.2f}",
         f"{paid / 100:.2f}", buyer)
        for number, credited, net, tax, gross, paid, buyer in rows(
            "SELECT i.number, ci.number, i.net_cents, i.tax_cents, i.gross_cents, "
            "(SELECT coalesce(sum(amount_cents), 0) FROM payment WHERE invoice_id = i.id), "
            "i.buyer_name FROM invoice i LEFT JOIN invoice ci ON ci.id = i.credited_invoice_id "
            "ORDER BY i.kind, i.year, i.sequence"
        )
    ]  # fmt: skip
    assert found == expected and len(found) == 3
    assert found[0][:3] == ("CN-2026-0001", "INV-2026-0002", "120.00")
    assert found[1][5:] == ("100.00", CYRILLIC_BUYER)

    exporting.export_table("payments", tmp_path / "p.csv")
    [payment] = _csv(tmp_path / "p.csv")
    assert (payment["Amount"], payment["Invoice"], payment["Note"]) == (
        "100.00", "INV-2026-0001", "Часть",
    )  # fmt: skip

    assert cli_main(["--db", str(db), "export", "invoices", "-o", str(tmp_path / "i.xlsx")]) == 0
    book = load_workbook(tmp_path / "i.xlsx", read_only=True)
    assert book.sheetnames == ["Invoices", "Invoice lines"]
    lines = list(book["Invoice lines"].iter_rows(values_only=True))
    assert lines[0][:2] == ("Invoice", "Date")
    totals = {}
    for line in lines[1:]:
        totals[line[0]] = totals.get(line[0], 0) + round(line[-1] * 100)
    assert totals == dict(
        rows("SELECT i.number, sum(l.amount_cents) FROM invoice i "
             "JOIN invoice_line l ON l.invoice_id = i.id GROUP BY i.id")
    )  # fmt: skip
    assert cli_main(["--db", str(db), "export", "quotes", "-o", str(tmp_path / "q.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "q.xlsx", read_only=True)["Quote lines"]
    quote_lines = list(sheet.iter_rows(values_only=True))
    assert [(r[3], r[7]) for r in quote_lines[1:]] == [("Chair", 19), ("Book", 7)]


def test_products_keep_their_tax_rate_through_export_and_import(shop, tmp_path):
    from crm_desktop.services import importing, products

    exporting.export_table("products", tmp_path / "p.csv")
    assert sorted(r["Tax %"] for r in _csv(tmp_path / "p.csv")) == ["", "0", "7"]
    source = tmp_path / "prices.csv"
    source.write_text(
        "Артикул,Наименование,Цена,НДС\nA-1,Стул,1000,20\nA-2,Книга,500,\nA-3,Лампа,10,120\n",
        encoding="utf-8",
    )
    result = importing.run_import(source, "product")
    assert (result.created, result.refused) == (3, 0)
    found = rows("SELECT sku, tax_pct, description FROM product WHERE sku LIKE 'A-%' ORDER BY sku")
    assert found[:2] == [("A-1", 20.0, None), ("A-2", None, None)]  # empty: the default rate
    # A rate the database would refuse is kept as written in the description (nothing lost).
    assert found[2][:2] == ("A-3", None) and "120" in found[2][2] and "НДС" in found[2][2]
    [chair] = [p for p in products.product_choices("Стул")]
    assert chair["tax_pct"] == 20
    importing.undo_batch(result.batch_id)
    assert rows("SELECT count(*) FROM product WHERE sku LIKE 'A-%'") == [(0,)]
