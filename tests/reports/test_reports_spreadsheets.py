"""xlsx and CSV reports opened as an accountant's spreadsheet opens them."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from crm_desktop.models import database
from crm_desktop.reports.generate import generate_report
from crm_desktop.services import figures
from crm_desktop.services.cells import XLSX_CELL_LIMIT
from crm_desktop.services.reporting import Period
from tests.reports.known_names import CHINESE, CYRILLIC, HOSTILE_NAMES

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
LONG_NOTE = "Долгая история. " * 2600 + "END"  # 41,603 characters


@pytest.fixture
def awkward(known):
    """Notes that another SQLite tool could have written: control characters, a huge text."""
    database.execute_sql(
        "UPDATE customer SET notes = ? WHERE id = ?",
        ("bell\x07 and nul\x00 gone\ttab kept", known.customers[CYRILLIC]),
    )
    database.execute_sql(
        "UPDATE customer SET notes = ? WHERE id = ?", (LONG_NOTE, known.customers[CHINESE])
    )
    return known


def column(sheet, title: str) -> int:
    return [cell.value for cell in sheet[1]].index(title) + 1


def test_sales_by_period_xlsx_has_typed_cells(known, tmp_path):
    period = Period(date(2026, 2, 1), date(2026, 4, 30))
    target = generate_report("sales", tmp_path / "sales.xlsx", period=period, grouping="month")
    book = load_workbook(target)
    assert book.sheetnames == ["Summary", "Sales by period"]
    sheet = book["Sales by period"]
    assert [c.value for c in sheet[1]] == [
        "Month", "From", "To", "Orders", "Revenue", "Average order", "Change",
    ]  # fmt: skip
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G4"
    assert all(cell.font.b for cell in sheet[1])
    march = sheet[3]
    assert march[0].value == "March 2026"
    assert march[1].value == datetime(2026, 3, 1) and march[1].is_date
    assert march[2].value == datetime(2026, 3, 31)
    assert isinstance(march[3].value, int)
    assert isinstance(march[4].value, int | float) and '"$"' in march[4].number_format
    cents = [round(Decimal(str(sheet.cell(row, 5).value)) * 100) for row in range(2, 5)]
    assert cents[1] == figures.revenue_cents(MARCH.start, MARCH.end)
    total = sheet[5]
    assert total[0].value == "Total" and total[0].font.b
    assert round(Decimal(str(total[4].value)) * 100) == sum(cents)
    assert "%" in march[6].number_format and isinstance(march[6].value, float)
    summary = book["Summary"]
    labels = {row[0].value: row[1].value for row in summary.iter_rows() if row[0].value}
    assert labels["Company"] == "Acme «Тест» 北京 Ltd"
    assert isinstance(labels["Generated"], datetime)
    assert round(Decimal(str(labels["Revenue"])) * 100) == sum(cents)


def test_customer_list_xlsx_never_holds_a_formula_from_user_text(awkward, tmp_path):
    target = generate_report("customer_list", tmp_path / "customers.xlsx")
    sheet = load_workbook(target)["Customers"]
    name_col = column(sheet, "Name")
    cells = {
        sheet.cell(row, name_col).value: sheet.cell(row, name_col)
        for row in range(2, sheet.max_row)
    }
    for name in HOSTILE_NAMES:
        assert name in cells, name
        cell = cells[name]
        assert cell.data_type == "s", name
    for name in ("=cmd|' /C calc'!A0", "+1 Plus Ltd", "-1 Minus Ltd", "@x At Ltd"):
        assert cells[name].quotePrefix, name
    raw = (tmp_path / "customers.xlsx").read_bytes()
    assert b"<f>" not in raw  # no formula anywhere (the file is a zip, so check the sheet too)
    import zipfile

    with zipfile.ZipFile(target) as archive:
        for member in archive.namelist():
            if member.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(member), member


def test_customer_list_xlsx_types_control_characters_and_long_notes(awkward, tmp_path):
    book = load_workbook(generate_report("customer_list", tmp_path / "c.xlsx"))
    sheet = book["Customers"]
    name_col, notes_col = column(sheet, "Name"), column(sheet, "Notes")
    revenue_col, created_col = column(sheet, "Revenue"), column(sheet, "Created at")
    rows = {sheet.cell(r, name_col).value: r for r in range(2, sheet.max_row + 1)}
    cyrillic = rows[CYRILLIC]
    assert sheet.cell(cyrillic, notes_col).value == "bell and nul gone\ttab kept"
    assert isinstance(sheet.cell(cyrillic, created_col).value, datetime)
    revenue = sheet.cell(rows["<b>Smith & Sons</b>"], revenue_col)
    assert revenue.value == 7.77 and "$" in revenue.number_format
    cut = sheet.cell(rows[CHINESE], notes_col).value
    assert len(cut) <= XLSX_CELL_LIMIT
    assert cut.endswith("is on sheet “Long texts”]")
    assert LONG_NOTE.startswith(cut[: cut.index(" […cut")])
    long_sheet = book["Long texts"]
    row = next(long_sheet.iter_rows(min_row=2, values_only=True))
    assert row[0] == "Customers" and row[1] == f"{chr(64 + notes_col)}{rows[CHINESE]}"
    assert row[2] == 2 and "".join(row[3:5]) == LONG_NOTE
    total = sheet.max_row
    assert sheet.cell(total, name_col).value == f"Total: {len(rows) - 1:,}"


def test_csv_is_utf8_with_bom_and_neutralises_formulas(awkward, tmp_path):
    target = generate_report("customers", tmp_path / "c.csv", period=MARCH)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "#",
        "Customer",
        "Orders",
        "Revenue (USD)",
        "Share (%)",
        "Cumulative (%)",
        "Class",
    ]
    names = [row[1] for row in rows[1:]]
    assert CYRILLIC in names and CHINESE in names and "<b>Smith & Sons</b>" in names
    assert "'=cmd|' /C calc'!A0" in names
    total = rows[-1]
    assert total[1] == "Total"
    assert Decimal(total[3]) * 100 == figures.revenue_cents(MARCH.start, MARCH.end)
    assert total[4] == "100.0000"


def test_csv_customer_list_keeps_long_notes_whole(awkward, tmp_path):
    target = generate_report("customer_list", tmp_path / "list.csv")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_name = {row["Name"]: row for row in rows}
    assert by_name[CHINESE]["Notes"] == LONG_NOTE
    assert by_name["'+1 Plus Ltd"]["Name"] == "'+1 Plus Ltd"
    assert by_name[CYRILLIC]["Created at"][:4].isdigit()


def test_csv_of_a_report_with_several_tables_has_titled_sections(known, tmp_path):
    target = generate_report("pipeline", tmp_path / "p.csv", period=MARCH)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Open deals by stage"
    assert "Open deals by expected close month" in lines
    assert "Won and lost by month" in lines
