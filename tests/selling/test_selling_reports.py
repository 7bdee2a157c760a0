"""The receivables and tax reports against SQL; the command line; the v3 → v4 upgrade; tax ids."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from openpyxl import load_workbook
from selling_helpers import pdf_text, rows

from crm_desktop.cli import main
from crm_desktop.errors import ValidationError
from crm_desktop.models import SCHEMA_VERSION, SELLING_MODELS, close_database, database
from crm_desktop.models.migrations import V4_ADDED_COLUMNS
from crm_desktop.reports.generate import generate_report
from crm_desktop.services import customers, invoices, open_session, orders, payments, settings
from crm_desktop.services.reporting import Period
from crm_desktop.services.reporting.receivables import receivables
from crm_desktop.services.reporting.tax_report import tax_report
from tests.old_schema import drop_search_index


def _invoice(shop, issued: date, lines, customer: str = "buyer", rounding: str = "line") -> int:
    settings.set_value("tax_rounding", rounding)
    order_id = orders.create_order({"customer_id": shop[customer], "status": "confirmed"}, lines)
    return invoices.issue_invoice(order_id, issue_date=issued)


@pytest.fixture
def ledger(shop):
    """Invoices of different ages, partly paid, one cancelled, at 0, 7 and 19 %."""
    chair = [{"product_id": shop["chair"], "quantity": "1"}]  # 118.99 gross
    book = [{"product_id": shop["book"], "quantity": "3"}]  # 64.20 gross
    mixed = chair + book + [{"product_id": shop["service"], "quantity": "1"}]  # +120.00
    ids = {
        "old": _invoice(shop, date(2025, 11, 2), chair),  # due 11-16: 114 days on 03-10
        "mid": _invoice(shop, date(2025, 12, 20), book, "other"),  # due 01-03: 66 days
        "recent": _invoice(shop, date(2026, 2, 1), mixed, rounding="document"),  # due 02-15: 23
        "new": _invoice(shop, date(2026, 3, 5), book),  # due 03-19: not due
        "cancelled": _invoice(shop, date(2026, 3, 6), chair),
    }
    payments.record_payment({"invoice_id": ids["recent"], "amount_cents": "100.00",
                             "paid_on": "2026-02-20"})  # fmt: skip
    payments.record_payment({"invoice_id": ids["old"], "amount_cents": "18.99",
                             "paid_on": "2026-03-11"})  # after the report's day  # fmt: skip
    invoices.cancel_invoice(ids["cancelled"], issue_date=date(2026, 3, 8))
    return ids


def test_receivables_by_age_against_sql(ledger, shop, tmp_path):
    report = receivables(date(2026, 3, 10))
    expected = dict(
        rows(
            "SELECT i.number, i.gross_cents - coalesce((SELECT sum(amount_cents) FROM payment "
            "WHERE invoice_id = i.id AND paid_on <= '2026-03-10'), 0) FROM invoice i "
            "WHERE kind = 'invoice' AND id NOT IN (SELECT credited_invoice_id FROM invoice "
            "WHERE credited_invoice_id IS NOT NULL)"
        )
    )
    assert {i.number: i.balance_cents for i in report.invoices} == expected
    assert expected == {
        "INV-2025-0001": 11899, "INV-2025-0002": 6420, "INV-2026-0001": 30319 - 10000,
        "INV-2026-0002": 6420,
    }  # fmt: skip
    assert [(i.number, i.days_past_due, i.bucket) for i in report.invoices] == [
        ("INV-2025-0001", 114, "90_plus"), ("INV-2025-0002", 66, "61_90"),
        ("INV-2026-0001", 23, "0_30"), ("INV-2026-0002", -9, "not_due"),
    ]  # fmt: skip
    buyer = next(c for c in report.customers if c.customer_id == shop["buyer"])
    assert buyer.by_bucket == {"not_due": 6420, "0_30": 20319, "31_60": 0, "61_90": 0,
                               "90_plus": 11899}  # fmt: skip
    assert report.total_cents == sum(expected.values()) and report.overdue_cents == 38638
    # The next day's payment counts the next day.
    assert receivables(date(2026, 3, 11)).total_cents == report.total_cents - 1899
    # Before the credit note, the cancelled invoice was owed.
    assert receivables(date(2026, 3, 7)).total_cents == report.total_cents + 11899
    target = generate_report("receivables", tmp_path / "r.xlsx",
                             period=Period(date(2026, 1, 1), date(2026, 3, 10)))  # fmt: skip
    sheet = load_workbook(target)["By customer"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[-1][0] == "Total" and values[-1][-1] == pytest.approx(450.58)
    text = " ".join(pdf_text(generate_report("receivables", tmp_path / "r.pdf",
                    period=Period(date(2026, 1, 1), date(2026, 3, 10)))).split())  # fmt: skip
    for expected_text in ("Receivables", "Owed on 3/10/2026", "Over 90 days", "张伟贸易",
                          "€450.58", "INV-2025-0001"):  # fmt: skip
        assert expected_text in text, expected_text


def test_tax_report_against_sql(ledger, tmp_path):
    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    report = tax_report(period, "month")
    expected = rows(
        "SELECT t.tax_pct, sum(CASE WHEN i.kind = 'credit_note' THEN -t.net_cents ELSE t.net_cents "
        "END), sum(CASE WHEN i.kind = 'credit_note' THEN -t.tax_cents ELSE t.tax_cents END) "
        "FROM invoice_tax t JOIN invoice i ON i.id = t.invoice_id "
        "WHERE i.issue_date BETWEEN '2026-01-01' AND '2026-03-31' GROUP BY t.tax_pct "
        "ORDER BY t.tax_pct"
    )
    assert [(float(r.tax_pct), r.net_cents, r.tax_cents) for r in report.rates] == expected
    # Feb: 99.99 @19 % + 60.00 @7 % + 120.00 @0 % (document rounding: 19.00, 4.20)
    # Mar: 60.00 @7 %, and 99.99 @19 % issued and credited (nets to 0)
    assert expected == [(0.0, 12000, 0), (7.0, 12000, 840), (19.0, 9999, 1900)]
    march = dict(((b.key, float(r.tax_pct)), r) for b, found in report.by_bucket for r in found)
    assert march[("2026-03", 19.0)].invoice_count == 1
    assert march[("2026-03", 19.0)].credit_note_count == 1
    assert march[("2026-03", 19.0)].tax_cents == 0
    target = generate_report("tax", tmp_path / "t.csv", period=period, grouping="month")
    text = target.read_text(encoding="utf-8-sig")
    assert "19.0000,99.99,19.00,118.99,2,1" in text and ",339.99,27.40,367.39,," in text


def test_cli_quote_invoice_and_reports(ledger, db_path, tmp_path, capsys):
    close_database()
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", str(db_path), "invoice", "INV-2026-0001", "-o", str(out / "i.pdf")]) == 0
    assert "INV-2026-0001" in pdf_text(out / "i.pdf")
    assert main(["--db", str(db_path), "invoice", "SO-2026-0003", "-o", str(out / "o.pdf")]) == 0
    assert "INV-2026-0001" in pdf_text(out / "o.pdf")  # an order prints its invoice
    assert main(["--db", str(db_path), "report", "receivables", "--to", "2026-03-10", "-o",
                 str(out / "r.csv")]) == 0  # fmt: skip
    assert main(["--db", str(db_path), "report", "tax", "--from", "2026-01-01", "--to",
                 "2026-03-31", "--by", "quarter", "-o", str(out / "t.pdf")]) == 0  # fmt: skip
    assert "2026-Q1" in pdf_text(out / "t.pdf")
    capsys.readouterr()
    assert main(["--db", str(db_path), "quote", "QU-404", "-o", str(out / "q.pdf")]) == 1
    assert "no quote number 'QU-404'" in capsys.readouterr().err
    assert main(["--db", str(db_path), "quote", "QU-1", "-o", str(out / "q.xlsx")]) == 1
    assert not (out / "q.pdf").exists() and not (out / "q.xlsx").exists()


def test_a_version_4_file_is_upgraded_to_the_same_schema_as_a_new_one(tmp_path):
    old = tmp_path / "v3.sqlite3"
    open_session(old)
    customers.create_customer({"name": "Kept", "country": "RU"})
    close_database()
    conn = sqlite3.connect(old)
    drop_search_index(conn)
    conn.execute("DROP TABLE saved_view")  # schema 9's
    conn.execute("DROP TABLE custom_value")  # schema 8's
    conn.execute("DROP TABLE custom_field")
    for table in reversed([m._meta.table_name for m in SELLING_MODELS]):
        conn.execute(f'DROP TABLE "{table}"')
    for table, column in V4_ADDED_COLUMNS:
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    conn.execute("PRAGMA user_version = 4")  # before selling (5) and the search triggers (6)
    conn.commit()
    conn.close()
    assert open_session(old).migrated_from == 4
    assert database.execute_sql("SELECT name, tax_id FROM customer").fetchall() == [("Kept", None)]
    close_database()
    fresh = tmp_path / "new.sqlite3"
    open_session(fresh)
    close_database()

    def schema(path):
        conn = sqlite3.connect(path)
        found = sorted(
            (kind, name, table, " ".join((sql or "").split()))
            for kind, name, table, sql in conn.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master"
            )
        )
        conn.close()
        return found

    assert schema(old) == schema(fresh)
    triggers = {row[1] for row in schema(fresh) if row[0] == "trigger"}
    assert {"invoice_is_final", "invoice_line_is_final", "invoice_tax_is_final"} <= triggers
    assert SCHEMA_VERSION >= 4


def test_tax_ids_are_checked_for_the_customers_country(shop):
    update = customers.update_customer
    with pytest.raises(ValidationError, match="Not a valid INN"):
        update(shop["buyer"], {"tax_id": "7707083894"})
    with pytest.raises(ValidationError, match="unified social credit code"):
        update(shop["other"], {"tax_id": "91110000600037341X"})
    update(shop["other"], {"tax_id": "9111 0000 6000 3734 1L"})
    assert customers.get_customer(shop["other"])["tax_id"] == "91110000600037341L"
    with pytest.raises(ValidationError, match="EU VAT id"):
        update(shop["buyer"], {"country": "Germany", "tax_id": "DE 136 695 977"})
    update(shop["buyer"], {"country": "Germany", "tax_id": "de 136 695 976"})
    assert customers.get_customer(shop["buyer"])["tax_id"] == "DE136695976"
    with pytest.raises(ValidationError, match="KPP has 9 characters"):
        update(shop["buyer"], {"kpp": "12345"})
    with pytest.raises(ValidationError, match="Not a valid EU VAT id"):
        settings.set_many({"company_tax_id": "FR00000000000"})
