"""PDF reports read as a reader reads them: text, fonts, page numbers, no markup, no links."""

from __future__ import annotations

import base64
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from crm_desktop.reports.generate import generate_invoice, generate_report
from crm_desktop.services import settings
from crm_desktop.services.reporting import Period
from tests.reports.known_names import CHINESE, CYRILLIC, HOSTILE_NAMES

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def squeeze(text: str) -> str:
    return " ".join(text.split())


def png_bytes(width: int = 4, height: int = 2) -> bytes:
    """A tiny red PNG, built by hand."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_sales_by_customer_pdf_prints_every_script_and_the_total(known, tmp_path):
    target = generate_report("customers", tmp_path / "customers.pdf", period=MARCH)
    pages = pdf_pages(target)
    text = squeeze("\n".join(pages))
    assert CYRILLIC in text
    assert CHINESE in text
    assert "Acme «Тест» 北京 Ltd" in text  # the company name, in the header of the page
    total = "$1,170.52"  # Σ of March's revenue lines, checked against SQL in the figures tests
    from crm_desktop.services import figures
    from crm_desktop.services.money import format_money

    assert format_money(figures.revenue_cents(MARCH.start, MARCH.end)) == total
    assert total in text
    assert "Page 1 of 1" in text


def test_user_text_is_never_markup(known, tmp_path):
    text = squeeze(
        "\n".join(pdf_pages(generate_report("customers", tmp_path / "c.pdf", period=MARCH)))
    )
    for name in (HOSTILE_NAMES[0], HOSTILE_NAMES[4]):
        assert name in text
    listing = "\n".join(pdf_pages(generate_report("customer_list", tmp_path / "list.pdf")))
    for name in HOSTILE_NAMES:
        assert name in squeeze(listing), name
    raw = (tmp_path / "list.pdf").read_bytes()
    for marker in (b"/URI", b"/Launch", b"/Link", b"/JavaScript", b"/GoToR"):
        assert marker not in raw


def test_fonts_are_embedded_and_nothing_depends_on_the_machine(known, tmp_path):
    target = generate_report("customers", tmp_path / "c.pdf", period=MARCH)
    reader = PdfReader(str(target))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # embedded TrueType
    assert any("DejaVuSans" in name for name in seen)
    assert any("DroidSansFallback" in name for name in seen)  # the Chinese names' glyphs


def test_a_long_table_repeats_its_header_and_numbers_its_pages(known, tmp_path):
    from crm_desktop.services import customers, orders

    for index in range(140):
        customer_id = customers.create_customer({"name": f"Кастомер {index:03d} 客户"})
        orders.create_order(
            {"customer_id": customer_id, "order_date": "2026-03-05", "status": "paid"},
            [{"description": "x", "quantity": "1", "unit_price_cents": 100 + index}],
        )
    pages = pdf_pages(generate_report("customers", tmp_path / "long.pdf", period=MARCH))
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "# Customer Orders Revenue Share Cumulative Class" in squeeze(text), number
        assert f"Page {number} of {len(pages)}" in text
    assert "Total" in pages[-1]


def test_the_sales_report_has_a_chart_and_a_totals_row(known, tmp_path):
    period = Period(date(2026, 1, 1), date(2026, 4, 30))
    target = generate_report("sales", tmp_path / "sales.pdf", period=period, grouping="month")
    text = squeeze("\n".join(pdf_pages(target)))
    assert "Revenue by month (USD)" in text
    assert "March 2026" in text and "Total" in text
    assert "Feb 26" in text  # a bar's label on the chart's axis


def test_an_empty_period_says_so(known, tmp_path):
    period = Period(date(2024, 1, 1), date(2024, 1, 31))
    text = "\n".join(pdf_pages(generate_report("sales", tmp_path / "e.pdf", period=period)))
    assert "No sales in this period (2024-01-01 – 2024-01-31)." in text
    text = "\n".join(pdf_pages(generate_report("customers", tmp_path / "e2.pdf", period=period)))
    assert "No sales in this period" in text


def test_logo_and_paper_size_come_from_the_settings(known, tmp_path):
    settings.set_many(
        {"company_logo": base64.b64encode(png_bytes()).decode(), "page_size": "Letter"}
    )
    reader = PdfReader(str(generate_report("products", tmp_path / "p.pdf", period=MARCH)))
    page = reader.pages[0]
    assert [round(float(v)) for v in page.mediabox[2:]] == [612, 792]
    images = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    assert any(image["/Subtype"] == "/Image" for image in images)


def test_a_broken_logo_does_not_stop_a_report(known, tmp_path):
    settings.set_many({"company_logo": "this is not an image"})
    assert pdf_pages(generate_report("pipeline", tmp_path / "p.pdf", period=MARCH))


def test_the_invoice_has_the_parties_lines_and_totals(known, tmp_path):
    settings.set_many({"company_tax_id": "VAT 123", "company_address": "1 Main St\nSpringfield"})
    target = generate_invoice(tmp_path / "invoice.pdf", number="T-mar01")
    text = squeeze("\n".join(pdf_pages(target)))
    for expected in (
        "INVOICE", "T-mar01", "3/1/2026", CYRILLIC, "Київ, Україна", "Acme «Тест» 北京 Ltd",
        "Springfield", "VAT 123", "$2.92", "$60.75", "$63.67", "12.5%", "SKU CN-1", "Page 1 of 1",
    ):  # fmt: skip
        assert expected in text, expected
    assert "Pay within 14 days. <b>not bold</b>" in text
    draft = "\n".join(pdf_pages(generate_invoice(tmp_path / "d.pdf", number="T-mar31draft")))
    assert "Draft — this order is not confirmed yet" in draft


@pytest.mark.parametrize("report", ["sales", "customers", "products", "pipeline", "tasks"])
def test_every_report_renders_in_every_grouping(known, tmp_path, report):
    for grouping in ("day", "week", "month", "quarter"):
        target = generate_report(
            report, tmp_path / f"{report}-{grouping}.pdf", period=MARCH, grouping=grouping
        )
        assert PdfReader(str(target)).pages
