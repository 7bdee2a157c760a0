"""Text that is not valid UTF-8 — which any SQLite tool can write — reads as U+FFFD everywhere.

Another tool stores ``CAST(x'416e6e61ff' AS TEXT)`` ("Anna" and a byte that
is no UTF-8). Every output then shows "Anna�" instead of failing: the CSV
and xlsx exports, the PDF report, the window's list, the command line's
search; and ``check`` names the row by table, id and column, never its text.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from crm_desktop import cli
from crm_desktop.models import close_database
from crm_desktop.services import customers, exporting, open_session

BAD = "CAST(x'416e6e61ff' AS TEXT)"


@pytest.fixture
def bad_text(demo_db: Path) -> int:
    """A customer whose name another tool set to invalid UTF-8, and an order of theirs."""
    customer_id = customers.create_customer({"name": "Anna Placeholder", "kind": "person"})
    conn = sqlite3.connect(demo_db)
    conn.execute(f"UPDATE customer SET name = {BAD} WHERE id = ?", (customer_id,))
    conn.execute(
        "INSERT INTO sales_order (number, customer_id, order_date, status, notes) "
        f"VALUES ('SO-BAD-1', ?, '2026-06-01', 'paid', {BAD})",
        (customer_id,),
    )
    conn.commit()
    conn.close()
    close_database()  # the app opens it again, as after another tool's edit
    open_session(demo_db)
    return customer_id


def test_csv_export_shows_the_replacement_character(bad_text, tmp_path):
    target = tmp_path / "customers.csv"
    exporting.export_table("customer", target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        cells = {cell for row in csv.reader(handle) for cell in row}
    assert "Anna\ufffd" in cells


def test_xlsx_export_of_orders_works(bad_text, tmp_path, capsys):
    target = tmp_path / "o.xlsx"
    status = cli.main(["--db", str(_db()), "export", "orders", "-o", str(target)])
    assert status == 0, capsys.readouterr().err
    book = openpyxl.load_workbook(target, read_only=True)
    values = {cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row}
    assert "Anna\ufffd" in values
    assert "internal error" not in capsys.readouterr().err


def _db() -> Path:
    from crm_desktop.services.session import current_db_path

    path = current_db_path()
    assert path is not None
    return path


def test_pdf_report_of_customers_works(bad_text, tmp_path, capsys):
    target = tmp_path / "customers.pdf"
    status = cli.main(["--db", str(_db()), "report", "customers", "-o", str(target)])
    assert status == 0, capsys.readouterr().err
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Anna" in text


def test_the_command_lines_search_prints_it(bad_text, capsys):
    # The other tool's edit reached the search index: the old name no longer finds it.
    assert cli.main(["--db", str(_db()), "search", "Placeholder"]) == 0
    assert f"{bad_text}\t" not in capsys.readouterr().out
    assert cli.main(["--db", str(_db()), "search", "Anna"]) == 0
    out = capsys.readouterr().out
    assert f"{bad_text}\tAnna\ufffd" in out


def test_check_names_the_rows_never_their_text(bad_text, capsys):
    assert cli.main(["--db", str(_db()), "check"]) == 1
    captured = capsys.readouterr()
    assert f"customer {bad_text}, name" in captured.out
    assert "sales_order" in captured.out and ", notes" in captured.out
    assert "not valid UTF-8" in captured.err
    assert "Anna" not in captured.out + captured.err


def test_the_window_list_shows_it(qtbot, bad_text):
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(_db())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_section("customers")
    page = window.current_list()
    qtbot.waitUntil(lambda: page.model.has_loaded() and not page.model.is_loading())
    page.filter_bar.search_box.setText("Placeholder")  # found by the name it had
    page.filter_bar.flush_search()
    model = page.model
    column = [c.key for c in page.section.columns].index("name")

    def names() -> list[str]:
        return [model.data(model.index(row, column)) for row in range(min(model.rowCount(), 500))]

    qtbot.waitUntil(lambda: "Anna\ufffd" in names(), timeout=10_000)


@pytest.mark.parametrize("how", ["iterate", "fetchone", "fetchmany", "fetchall", "mixed"])
def test_every_way_of_reading_rows_gets_them_all_once(how):
    """The connection switches to the lenient decoder at the first bad value; no row is lost
    or repeated, whichever way the rows are fetched (a batch that failed is read again)."""
    from crm_desktop.models.sqlite import LenientConnection

    conn = sqlite3.connect(":memory:", factory=LenientConnection)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)")
    conn.executemany("INSERT INTO t (a) VALUES (?)", [(f"row {n}",) for n in range(1, 1001)])
    conn.execute(f"UPDATE t SET a = {BAD} WHERE id = 700")
    cursor = conn.execute("SELECT id, a FROM t ORDER BY id")
    if how == "iterate":
        rows = list(cursor)
    elif how == "fetchone":
        rows = list(iter(cursor.fetchone, None))
    elif how == "fetchmany":
        rows = [row for batch in iter(lambda: cursor.fetchmany(300), []) for row in batch]
    elif how == "fetchall":
        rows = cursor.fetchall()
    else:
        rows = [cursor.fetchone(), *cursor.fetchmany(650), *cursor]
    assert [row[0] for row in rows] == list(range(1, 1001))
    assert rows[699] == (700, "Anna\ufffd")
    conn.close()
