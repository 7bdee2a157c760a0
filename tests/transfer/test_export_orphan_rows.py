"""Exports after another SQLite tool deleted a customer but not its rows (foreign keys off).

Every list shows such a row with an empty customer (``listing``); the export of a table —
the command line's ``crm-desktop export`` and the window's export of its list — must hold
the same rows: the orphans with an empty customer cell, every other row as before and in
the same order, and the rows of a customer in the trash still left out.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crm_desktop.cli import main
from crm_desktop.models import close_database
from crm_desktop.services import (
    contacts,
    customers,
    deals,
    exporting,
    interactions,
    listing,
    open_session,
    orders,
    quotes,
    service_cases,
    trash,
)
from tests.other_tool import other_tool

# The rows of the deleted customer, and around them, carry hostile text.
HOSTILE = ('=HYPERLINK("x")', "<b>Smith & Sons</b>", "Иванов", "北京茶叶", "🙂 émoji", "مرحبا")

# CLI table → (entity, the column that names a row, the column of its customer's id).
TABLES = {
    "contacts": ("contact", "Name", "Customer ID"),
    "orders": ("sales_order", "Number", "Customer ID"),
    "deals": ("deal", "Title", "Customer ID"),
    "interactions": ("interaction", "Subject", "Customer ID"),
    "service-cases": ("service_case", "Subject", "Customer ID"),
    "quotes": ("quote", "Number", "Customer ID"),
}


def _rows_of(db: Path, customer_name: str, n: int) -> int:
    """A customer with ``n`` rows of every kind, named with hostile text; its id."""
    customer = customers.create_customer({"name": customer_name, "email": "x@example.com"})
    for i in range(n):
        name = f"{HOSTILE[i % len(HOSTILE)]} {customer_name} {i}"
        contact = contacts.create_contact({"customer_id": customer, "name": name})
        orders.create_order(
            {"customer_id": customer, "order_date": f"2026-03-{10 + i:02d}", "status": "paid"},
            [{"description": name, "quantity": "1", "unit_price_cents": 1000 + i}],
        )
        deals.create_deal(
            {"customer_id": customer, "contact_id": contact, "title": name, "amount_cents": 500}
        )
        interactions.log_interaction(
            {"customer_id": customer, "kind": "call", "subject": name,
             "occurred_at": f"2026-03-{10 + i:02d}T09:00:00Z"}
        )  # fmt: skip
        service_cases.open_case({"customer_id": customer, "kind": "question", "subject": name})
        quotes.create_quote(
            {"customer_id": customer, "quote_date": f"2026-03-{10 + i:02d}"},
            [{"description": name, "quantity": "2", "unit_price_cents": 300}],
        )
    return customer


@pytest.fixture
def orphans(db: Path) -> dict[str, int]:
    """Four customers' rows; ``gone`` is deleted later by another tool, ``trashed`` trashed."""
    ids = {
        "kept": _rows_of(db, "Kept «Ltd»", 3),
        "gone": _rows_of(db, "=Gone <b>&</b>", 3),
        "other": _rows_of(db, "Другой 客户", 2),
        "trashed": _rows_of(db, "Trashed Co", 2),
    }
    trash.move_to_trash("customer", [ids["trashed"]])
    close_database()
    return ids


def _cli_export(db: Path, table: str, target: Path) -> None:
    assert main(["--db", str(db), "export", table, "-o", str(target)]) == 0
    close_database()


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _xlsx(path: Path, sheet: int = 0) -> list[dict[str, object]]:
    book = load_workbook(path, read_only=True)
    try:
        rows = list(book.worksheets[sheet].iter_rows(values_only=True))
    finally:
        book.close()
    width = len(rows[0])  # a read-only sheet leaves out a row's empty cells at its end
    return [
        dict(zip(rows[0], (*row, *[None] * (width - len(row))), strict=True)) for row in rows[1:]
    ]


@pytest.mark.parametrize("table", list(TABLES))
def test_the_export_holds_the_rows_of_a_customer_another_tool_deleted(orphans, db, tmp_path, table):
    entity, key, customer_column = TABLES[table]
    gone = orphans["gone"]
    _cli_export(db, table, tmp_path / "before.csv")
    before = _csv(tmp_path / "before.csv")
    assert {r[customer_column] for r in before} == {
        str(orphans[k]) for k in ("kept", "gone", "other")
    }  # the trashed customer's rows are not exported

    other_tool(db, f"DELETE FROM customer WHERE id = {gone}")
    _cli_export(db, table, tmp_path / "after.csv")
    _cli_export(db, table, tmp_path / "after.xlsx")
    after = _csv(tmp_path / "after.csv")
    in_xlsx = _xlsx(tmp_path / "after.xlsx")

    lost = [r for r in before if r[customer_column] == str(gone)]
    found = [r for r in after if r[customer_column] == str(gone)]
    assert len(found) == len(lost) == 3
    # The orphans: every cell as before but the customer's name and email, now empty.
    for old, new in zip(lost, sorted(found, key=lambda r: [r[key] for r in lost].index(r[key])),
                        strict=True):  # fmt: skip
        assert new["Customer"] == "" and new.get("Customer email", "") == ""
        assert {k: v for k, v in new.items() if k not in ("Customer", "Customer email")} == {
            k: v for k, v in old.items() if k not in ("Customer", "Customer email")
        }
    # Every other row as before, in the same order; the orphans among them in theirs.
    assert [r for r in after if r[customer_column] != str(gone)] == [
        r for r in before if r[customer_column] != str(gone)
    ]
    if entity == "contact":  # ordered by customer: the people of no customer come last
        assert after[-len(found) :] == found
    # The spreadsheet holds the same rows, its customer cells empty too.
    # (a CSV cell that would be a formula starts with an apostrophe: our import takes it off)
    assert [str(r[key]) for r in in_xlsx] == [r[key].removeprefix("'") for r in after]
    assert {r["Customer"] for r in in_xlsx if r[customer_column] == gone} == {None}

    # As many as the list shows and counts, and the window's export of the list: the same rows.
    open_session(db)
    listed = listing.list_ids(entity, None)
    assert len(after) == len(listed) == listing.count(entity, None)
    window = tmp_path / "window.csv"
    result = exporting.export_view(entity, None, window)
    shown = _csv(window)
    assert result.rows == len(after)
    column = "Number" if key == "Number" else exporting.view_header(key.lower(), entity)
    assert sorted(r[column] for r in shown) == sorted(r[key] for r in after)
    orphan_names = {r[key] for r in found}
    assert {r["Customer"] for r in shown if r[column] in orphan_names} == {""}


@pytest.mark.parametrize(("table", "sheet"), [("orders", "Order lines"), ("quotes", "Quote lines")])
def test_the_lines_of_an_orphan_document_are_on_the_second_sheet(
    orphans, db, tmp_path, table, sheet
):
    other_tool(db, f"DELETE FROM customer WHERE id = {orphans['gone']}")
    _cli_export(db, table, tmp_path / "after.xlsx")
    book = load_workbook(tmp_path / "after.xlsx", read_only=True)
    try:
        assert book.sheetnames[1] == sheet
    finally:
        book.close()
    documents = _xlsx(tmp_path / "after.xlsx", 0)
    lines = _xlsx(tmp_path / "after.xlsx", 1)
    label = "Order" if table == "orders" else "Quote"
    assert sorted({r[label] for r in lines}) == sorted(r["Number"] for r in documents)
    assert len(lines) == 8  # one line each: the kept, gone and other customers' documents
    assert sum(1 for r in lines if "=Gone" in str(r["Description"])) == 3


def test_a_contact_of_no_customer_is_counted_in_the_command_lines_export(
    orphans, db, tmp_path, capsys
):
    other_tool(db, f"DELETE FROM customer WHERE id = {orphans['gone']}")
    capsys.readouterr()
    target = tmp_path / "contacts.csv"
    assert main(["--db", str(db), "export", "contacts", "-o", str(target)]) == 0
    close_database()
    # The kept customer's 3, the gone one's 3, the other's 2; not the trashed one's.
    assert capsys.readouterr().out == f"Exported 8 contacts to {target}\n"
