"""Invoice numbers stay gapless across cancel and undo; issued invoices refuse edits; credit notes."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from peewee import IntegrityError
from selling_helpers import pdf_text, rows

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.models import database
from crm_desktop.reports.generate import generate_invoice
from crm_desktop.services import invoices, numbering, orders, payments, records, settings, trash


def _order(shop, status: str = "confirmed") -> int:
    return orders.create_order(
        {"customer_id": shop["buyer"], "status": status},
        [
            {"product_id": shop["chair"], "quantity": "1"},
            {"product_id": shop["book"], "quantity": "1"},
        ],
    )


def _numbers(kind: str = "invoice") -> list[str]:
    return [
        n for (n,) in rows("SELECT number FROM invoice WHERE kind = ? ORDER BY sequence", (kind,))
    ]


def test_numbers_follow_the_format_and_the_year():
    assert numbering.render("INV-{YYYY}-{NNNN}", 2026, 1) == "INV-2026-0001"
    assert numbering.render("{YY}/{NNNNNN}", 2026, 42) == "26/000042"
    assert numbering.render("Счёт {YYYY}-{NN}", 2026, 123) == "Счёт 2026-123"
    for bad in ("INV-{NNNN}", "INV-{YYYY}", "{YYYY}-{N}-{N}", "{YYYY}{NNNN}{X}", "x" * 41):
        with pytest.raises(ValueError):
            numbering.check_format(bad)
    with pytest.raises(ValidationError, match="number in once"):
        settings.set_value("invoice_number_format", "INV-{YYYY}")


def test_numbers_are_gapless_across_cancel_and_undo(shop):
    first = invoices.issue_invoice(_order(shop))
    second = invoices.issue_invoice(_order(shop))
    assert _numbers() == ["INV-2026-0001", "INV-2026-0002"]
    # Undo the last issue: its number is given again to the next invoice.
    invoices.undo_issue(second)
    assert _numbers() == ["INV-2026-0001"]
    again = invoices.issue_invoice(_order(shop))
    assert _numbers() == ["INV-2026-0001", "INV-2026-0002"]
    # An earlier one cannot be taken back: that would leave a gap.
    with pytest.raises(CrmError, match="INV-2026-0002 was issued after it"):
        invoices.undo_issue(first)
    # Cancelling keeps the invoice and its number; the credit note has a series of its own.
    note = invoices.cancel_invoice(first, reason="Wrong address")
    assert _numbers() == ["INV-2026-0001", "INV-2026-0002"]
    assert _numbers("credit_note") == ["CN-2026-0001"]
    # Undo of the cancel takes the credit note back (the last of its series).
    invoices.undo_issue(note)
    assert _numbers("credit_note") == []
    assert invoices.get_invoice(first)["state"] == "open"
    note = invoices.cancel_invoice(first)
    assert invoices.get_invoice(note)["number"] == "CN-2026-0001"
    # A cancelled invoice is not taken back while its credit note stands.
    invoices.undo_issue(again)
    with pytest.raises(CrmError, match="credit note CN-2026-0001 cancels it"):
        invoices.undo_issue(first)
    # Every sequence from 1 to the highest is used, per kind and year.
    for kind in ("invoice", "credit_note"):
        [(count, highest)] = rows(
            "SELECT count(*), max(sequence) FROM invoice WHERE kind = ? AND year = 2026", (kind,)
        )
        assert count == highest
    actions = rows("SELECT entity_id, action FROM audit_log WHERE entity = 'invoice' ORDER BY id")
    assert (second, "delete") in actions and (first, "update") in actions


def test_a_new_year_starts_at_one_and_dates_follow_numbers(shop):
    invoices.issue_invoice(_order(shop), issue_date=date(2025, 12, 30))
    invoices.issue_invoice(_order(shop), issue_date=date(2026, 1, 2))
    assert _numbers() == ["INV-2025-0001", "INV-2026-0001"]
    with pytest.raises(CrmError, match="cannot be dated before it"):
        invoices.issue_invoice(_order(shop), issue_date=date(2026, 1, 1))


def test_issued_invoices_refuse_edits(shop):
    order_id = _order(shop)
    invoice_id = invoices.issue_invoice(order_id)
    with pytest.raises(IntegrityError, match="cannot be changed"):
        database.execute_sql("UPDATE invoice SET gross_cents = 1, net_cents = 1, tax_cents = 0")
    with pytest.raises(IntegrityError, match="cannot be changed"):
        database.execute_sql("UPDATE invoice SET notes = 'changed'")
    with pytest.raises(IntegrityError, match="cannot be changed"):
        database.execute_sql("UPDATE invoice_line SET quantity = 2")
    with pytest.raises(IntegrityError, match="cannot be changed"):
        database.execute_sql("UPDATE invoice_tax SET tax_cents = 0, gross_cents = net_cents")
    with pytest.raises(ValidationError, match="cannot be changed"):
        records.update(invoices.INVOICE, invoice_id, {"notes": "changed"})
    with pytest.raises(CrmError, match="cannot be deleted"):
        trash.move_to_trash("invoice", [invoice_id])
    # The invoiced order keeps its lines and stays out of the trash.
    with pytest.raises(ValidationError, match="is invoiced"):
        orders.update_order(order_id, {}, [{"product_id": shop["chair"], "quantity": "5"}])
    with pytest.raises(CrmError, match="is invoiced"):
        trash.move_to_trash("sales_order", [order_id])
    with pytest.raises(CrmError, match="invoiced already"):
        invoices.issue_invoice(order_id)
    orders.update_order(order_id, {"notes": "Delivered"})  # the rest of the order may change
    # 99.99 + 19 % (18.9981 → 19.00) + 20.00 + 7 % (1.40)
    assert rows("SELECT gross_cents FROM invoice") == [(14039,)]
    # Another tool cannot change it either.
    conn = sqlite3.connect(settings_path())
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE invoice SET number = 'X'")
    conn.close()


def settings_path():
    return database.database


def test_a_credit_note_refers_to_the_invoice_and_takes_it_back(shop, tmp_path):
    order_id = _order(shop)
    invoice_id = invoices.issue_invoice(order_id)
    payment = payments.record_payment({"invoice_id": invoice_id, "amount_cents": "10"})
    with pytest.raises(CrmError, match="has payments of"):
        invoices.cancel_invoice(invoice_id)
    trash.move_to_trash("payment", [payment])
    note_id = invoices.cancel_invoice(invoice_id, reason="Ordered twice")
    note = invoices.get_invoice(note_id)
    assert note["kind"] == "credit_note" and note["credited_invoice_id"] == invoice_id
    assert (note["net_cents"], note["tax_cents"], note["gross_cents"]) == (11999, 2040, 14039)
    assert invoices.get_invoice(invoice_id)["state"] == "cancelled"
    assert orders.invoiced_by(order_id) is None  # the order may be invoiced again
    with pytest.raises(ValidationError, match="cancelled by a credit note"):
        payments.record_payment({"invoice_id": invoice_id, "amount_cents": "1"})
    with pytest.raises(CrmError, match="cancelled already"):
        invoices.cancel_invoice(invoice_id)
    text = " ".join(pdf_text(generate_invoice(tmp_path / "cn.pdf", invoice_id=note_id)).split())
    for expected in ("CREDIT NOTE", "CN-2026-0001", "Cancels invoice INV-2026-0001",
                     "Ordered twice", "Total credited €140.39"):  # fmt: skip
        assert expected in text, expected
    text = " ".join(pdf_text(generate_invoice(tmp_path / "i.pdf", invoice_id=invoice_id)).split())
    assert "credit note CN-2026-0001 cancels this invoice" in text
    replacement = invoices.issue_invoice(order_id)
    assert invoices.get_invoice(replacement)["number"] == "INV-2026-0002"


def test_drafts_and_empty_orders_are_not_invoiced(shop):
    with pytest.raises(CrmError, match="confirm it before invoicing"):
        invoices.issue_invoice(_order(shop, "draft"))
    empty = orders.create_order({"customer_id": shop["buyer"], "status": "confirmed"}, [])
    with pytest.raises(CrmError, match="no lines"):
        invoices.issue_invoice(empty)
    assert rows("SELECT count(*) FROM invoice") == [(0,)]


def test_a_purged_customer_leaves_its_invoices_whole(shop):
    invoice_id = invoices.issue_invoice(_order(shop))
    trash.move_to_trash("customer", [shop["buyer"]])
    with pytest.raises(CrmError, match="in the trash"):
        invoices.issue_invoice(_order(shop))
    trash.empty_trash()
    row = invoices.get_invoice(invoice_id)
    assert row["customer_id"] is None and row["order_id"] is None
    assert row["number"] == "INV-2026-0001" and row["buyer_name"] == "ООО «Ромашка»"
