"""Big documents stream: a report or an export of many rows needs no more memory than a short one.

Memory is Python's peak (tracemalloc) while the document is written, for a
table four times as long; it must not grow with it. SQLite's own memory is
invisible to tracemalloc, so the exports are also checked for what would
make SQLite hold them whole: sorting full rows instead of ids.
"""

from __future__ import annotations

import sqlite3
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from crm_desktop.models import database
from crm_desktop.reports.generate import generate_report, render
from crm_desktop.reports.model import INT, MONEY, PHONE, Column, Document, Table
from crm_desktop.services import exporting
from crm_desktop.services.reporting import Period, report_context

YEAR = Period(datetime(2026, 1, 1).date(), datetime(2026, 12, 31).date())


@pytest.fixture(autouse=True)
def few_rows_read_ahead(monkeypatch):
    """The PDF reads 2,500 rows ahead to size its columns: fewer here, so tests stay quick."""
    from crm_desktop.reports import pdf_flowables

    monkeypatch.setattr(pdf_flowables, "SAMPLE_ROWS", 100, raising=False)


def grows(short: int, long: int) -> bool:
    """Whether the peak for 3–4× the rows is more than a quarter (+1 MB) above the short one."""
    return long > short * 1.25 + 1_000_000


def peak_bytes(work: Callable[[], object]) -> int:
    """Python's peak memory while ``work`` runs (fonts loaded first: they are loaded once)."""
    from crm_desktop.reports import fonts

    fonts.register_fonts()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def synthetic_document(count: int) -> Document:
    """A customer-list-like table of ``count`` rows, made as they are read (no database)."""
    seen = {"revenue": 0}

    def rows() -> Iterator[tuple]:
        for number in range(count):
            revenue = number * 37 % 100_000
            seen["revenue"] += revenue
            # Now and then a name that wraps, in Cyrillic and Chinese (other fonts).
            extra = " Иванов 张伟 и партнёры" * 3 if number % 97 == 0 else ""
            yield (
                f"Customer {number:06d}{extra}",
                f"user{number}@example.com",
                f"+4479{number:08d}",
                "Berlin" if number % 2 else "Київ",
                revenue,
                number,
            )

    table = Table(
        title="Customers",
        columns=[
            Column("Name", weight=3),
            Column("Email", weight=2.5),
            Column("Phone", PHONE, 2, wrap=False),
            Column("City"),
            Column("Revenue", MONEY, 1.6),
            Column("Number", INT),
        ],
        rows=rows(),
        totals=lambda: (f"Total: {count:,}", None, None, None, seen["revenue"], None),
        row_count=count,
    )
    return Document("Customer list", f"{count:,} customers", report_context(), tables=[table])


def test_a_long_pdf_takes_no_more_memory_than_a_short_one(db, tmp_path):
    short = peak_bytes(lambda: render(synthetic_document(400), tmp_path / "short.pdf"))
    target = tmp_path / "long.pdf"
    long = peak_bytes(lambda: render(synthetic_document(1_600), target))
    assert not grows(short, long), (short, long)
    reader = PdfReader(str(target), strict=True)  # a broken cross-reference table fails here
    pages = len(reader.pages)
    assert pages > 40
    first, last = reader.pages[0].extract_text(), reader.pages[-1].extract_text()
    assert f"Page 1 of {pages}" in first and f"Page {pages} of {pages}" in last
    assert "Customer 000000" in first and "Customer 001599" in last
    assert "Total: 1,600" in last


def test_the_pdf_says_its_progress_as_pages_are_written_and_stops_on_cancel(db, tmp_path):
    from crm_desktop.errors import CancelledError
    from crm_desktop.reports import pdf

    seen: list[tuple[int, int]] = []
    pdf.render_document(
        synthetic_document(4_000), tmp_path / "p.pdf", progress=lambda *a: seen.append(a)
    )
    assert seen[-1] == (4_000, 4_000)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)  # never goes back
    assert len(seen) > 40  # a step a page, not one jump at the end
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 20

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(CancelledError):
        render(synthetic_document(50_000), target, cancelled=cancelled)  # written atomically
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".cancelled")]
    assert calls["n"] < 200  # it stopped soon, not after the 50,000 rows


# --- from the database -----------------------------------------------------------------------


def add_buyers(count: int, start: int = 0) -> None:
    """``count`` customers, each with one paid order of one line this year (plain SQL: fast)."""
    now = datetime(2026, 3, 1, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with database.atomic():
        for number in range(start, start + count):
            cursor = database.execute_sql(
                "INSERT INTO customer (kind, name, status, email, phone, city, created_at, "
                "updated_at) VALUES ('company', ?, 'active', ?, ?, 'Berlin', ?, ?)",
                (f"Buyer {number:06d} Иванов", f"b{number}@example.com", f"+4930{number:08d}",
                 now, now),
            )  # fmt: skip
            customer_id = cursor.lastrowid
            cursor = database.execute_sql(
                "INSERT INTO sales_order (number, customer_id, order_date, status) "
                "VALUES (?, ?, '2026-03-01', 'paid')",
                (f"T-{number:07d}", customer_id),
            )
            database.execute_sql(
                "INSERT INTO order_line (order_id, description, quantity, unit_price_cents, "
                "discount_pct) VALUES (?, 'Work', 1, ?, 0)",
                (cursor.lastrowid, 100 + number % 5000),
            )
    from crm_desktop.services import search

    search.rebuild_index()


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_sales_by_customer_streams_from_the_database(db, tmp_path, suffix):
    add_buyers(400)
    short = peak_bytes(lambda: generate_report("customers", tmp_path / f"s{suffix}", period=YEAR))
    add_buyers(1_200, start=400)
    target = tmp_path / f"l{suffix}"
    long = peak_bytes(lambda: generate_report("customers", target, period=YEAR))
    assert not grows(short, long), (short, long)
    assert target.stat().st_size > 0


def test_the_customer_list_streams_from_the_database(db, tmp_path, monkeypatch):
    import sys

    module = sys.modules["crm_desktop.services.reporting.customer_list"]
    monkeypatch.setattr(module, "WHOLE_TABLE_FROM", 1)  # the way of big views, at both sizes
    monkeypatch.setattr(module, "BATCH", 50)  # batches in flight: as many at both sizes
    add_buyers(400)
    short = peak_bytes(lambda: generate_report("customer_list", tmp_path / "s.pdf"))
    add_buyers(1_200, start=400)
    long = peak_bytes(lambda: generate_report("customer_list", tmp_path / "l.pdf"))
    assert not grows(short, long), (short, long)


def test_a_whole_table_export_sorts_on_disk_and_streams_its_rows(db, tmp_path, monkeypatch):
    """SQLite sorts a whole export before its first row: in memory that is the whole export
    (360 MB at a million customers), so the sort spills to a temporary file meanwhile."""
    monkeypatch.setattr(exporting, "_CHUNK", 50)  # as many rows in hand at both sizes
    add_buyers(600)
    seen: list[int] = []
    write_csv = exporting._write_csv

    def watching(target, columns, rows, tick):
        def rows_watched():
            for row in rows:
                seen.append(database.execute_sql("PRAGMA temp_store").fetchone()[0])
                yield row

        return write_csv(target, columns, rows_watched(), tick)

    monkeypatch.setattr(exporting, "_write_csv", watching)
    exporting.export_table("customers", tmp_path / "customers.csv")
    assert len(seen) == 600 and set(seen) == {1}  # FILE while the rows are read
    assert database.execute_sql("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY again after
    rows = (tmp_path / "customers.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 601 and "Buyer 000000" in rows[1] and "Buyer 000599" in rows[-1]
    short = peak_bytes(lambda: exporting.export_table("customers", tmp_path / "s.xlsx"))
    add_buyers(1_800, start=600)
    long = peak_bytes(lambda: exporting.export_table("customers", tmp_path / "l.xlsx"))
    assert not grows(short, long), (short, long)


def test_cancel_interrupts_the_sort_before_the_first_row(db, tmp_path):
    from crm_desktop.errors import CancelledError

    add_buyers(1_000)
    asked = {"n": 0}

    def cancelled() -> bool:  # the check before starting says no; SQLite's next asking, yes
        asked["n"] += 1
        return asked["n"] > 1

    seen: list[tuple[int, int]] = []
    target = tmp_path / "cancelled.xlsx"
    with pytest.raises(CancelledError) as stopped:
        exporting.export_table("orders", target, cancelled=cancelled,
                               progress=lambda *a: seen.append(a))  # fmt: skip
    # Stopped inside the sort (SQLite interrupted), before any row was written.
    assert isinstance(stopped.value.__context__, sqlite3.OperationalError)
    assert seen == []
    assert not target.exists() and not list(tmp_path.glob(".export-*"))
    assert database.execute_sql("PRAGMA temp_store").fetchone()[0] == 2


def test_an_export_reports_progress_and_cancels_between_batches(db, tmp_path):
    from crm_desktop.errors import CancelledError

    add_buyers(5_000)
    seen: list[tuple[int, int]] = []
    exporting.export_table("customers", tmp_path / "c.csv", progress=lambda *a: seen.append(a))
    assert seen[0][1] == 5_000 and seen[-1] == (5_000, 5_000) and len(seen) >= 3
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    target = tmp_path / "cancelled.csv"
    with pytest.raises(CancelledError):
        exporting.export_table("customers", target, cancelled=lambda: len(seen) > 3,
                               progress=lambda *a: seen.append(a))  # fmt: skip
    assert not target.exists()


# --- in the window ---------------------------------------------------------------------------


def test_a_long_report_shows_honest_progress_in_the_window_and_cancels(db, qtbot, tmp_path):
    """The bar follows the rows written, never goes back, ends full; Cancel stops the stream."""
    from PySide6.QtCore import Qt

    from crm_desktop.ui.reports.screen import ReportsScreen

    add_buyers(1_500)
    screen = ReportsScreen(choose_path=lambda p: tmp_path / p.name)
    qtbot.addWidget(screen)
    screen.show()
    screen.report_box.setCurrentIndex(screen.report_box.findData("customer_list"))
    screen.format_box.setCurrentIndex(screen.format_box.findData("pdf"))
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(screen.generated, timeout=60000) as signal:
        qtbot.mouseClick(screen.generate_button, Qt.MouseButton.LeftButton)
        screen.job.progressed.connect(lambda done, total: seen.append((done, total)))
    assert Path(signal.args[0]).stat().st_size > 0
    assert {total for _, total in seen} == {1_500}
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len(seen) > 10 and seen[-1] == (1_500, 1_500)

    # Cancel as soon as the first pages are written: no file, and it says so.
    job = screen.generate()
    assert job is not None
    job.progressed.connect(lambda *_: job.cancel())
    qtbot.waitUntil(lambda: screen.result.isVisible() and screen.generate_button.isEnabled(),
                    timeout=60000)  # fmt: skip
    assert screen.result_label.text() == "Cancelled: no file was written."
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" or ".part" in p.name] == [
        Path(signal.args[0]).name
    ]


def test_an_xlsx_export_goes_on_in_another_sheet_past_excels_rows(db, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.setattr(exporting, "XLSX_MAX_DATA_ROWS", 100)  # Excel's is 1,048,575
    add_buyers(250)
    result = exporting.export_table("customers", tmp_path / "c.xlsx")
    assert result.rows == 250
    book = load_workbook(tmp_path / "c.xlsx", read_only=True)
    assert book.sheetnames == ["Customers", "Customers (2)", "Customers (3)"]
    names, headers = [], []
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        headers.append(rows[0])
        name = rows[0].index("Name")
        names += [row[name] for row in rows[1:]]
    assert "ID" in headers[0] and headers == [headers[0]] * 3  # each part has the header
    assert names == [f"Buyer {n:06d} Иванов" for n in range(250)]


def test_cancel_stops_the_summing_of_a_big_report_before_any_row(db, tmp_path, monkeypatch):
    """The period's figures are one long statement: Cancel interrupts it, no file is left."""
    from crm_desktop.errors import CancelledError
    from crm_desktop.services import reporting

    add_buyers(3_000)
    summed: list[object] = []
    real = reporting.sales_by_customer

    def summing(period: Period) -> object:
        result = real(period)
        summed.append(result)  # reached only when the statement ran to its end
        return result

    monkeypatch.setattr(reporting, "sales_by_customer", summing)
    asked: list[int] = []

    def cancelled() -> bool:  # the user presses Cancel while SQLite sums the sales
        asked.append(1)
        return len(asked) > 2

    target = tmp_path / "customers.pdf"
    written: list[tuple[int, int]] = []
    with pytest.raises(CancelledError):
        generate_report("customers", target, period=Period(date(2026, 1, 1), date(2026, 12, 31)),
                        cancelled=cancelled, progress=lambda *a: written.append(a))  # fmt: skip
    assert summed == [] and written == []  # heard inside the statement, before any row
    assert [p.name for p in tmp_path.iterdir() if "customers" in p.name] == []
    # The connection is as it was: the next report is written whole.
    monkeypatch.setattr(reporting, "sales_by_customer", real)
    generate_report("customers", target, period=Period(date(2026, 1, 1), date(2026, 12, 31)))
    assert PdfReader(target).pages
