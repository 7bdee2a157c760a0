"""Reports after another SQLite tool deleted a customer but not its rows (foreign keys off).

The lists show such rows with an empty customer and the board sums such deals; a report
must count them too, so that its totals are the board's and the lists' — the orders of no
customer in a row of their own ("(no customer)", in the report's language) — while the
rows of a customer in the trash stay out where they did.
"""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from crm_desktop.models.enums import OPEN_DEAL_STAGES
from crm_desktop.reports.generate import generate_report
from crm_desktop.services import figures, listing, reporting, trash
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.money import format_money
from crm_desktop.services.reporting import Period
from tests.other_tool import other_tool
from tests.reports.known_names import CHINESE, CYRILLIC

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def _gone_and_trashed(known, db) -> None:
    """CHINESE's customer in the trash; CYRILLIC's deleted by another tool, rows kept."""
    trash.move_to_trash("customer", [known.customers[CHINESE]])
    other_tool(db, f"DELETE FROM customer WHERE id = {known.customers[CYRILLIC]}")


def test_the_pipeline_report_counts_the_deals_the_board_and_the_list_show(known, db, tmp_path):
    _gone_and_trashed(known, db)
    report = reporting.pipeline_report(MARCH, "month")
    board = [s for s in figures.pipeline() if s.stage in OPEN_DEAL_STAGES]
    listed = listing.count("deal", ListQuery(filters={"open": True}))
    # qual1 (of the deleted customer) counts; prop1 (of the trashed one) does not.
    assert report.open_count == sum(s.count for s in board) == listed == 3
    assert sum(m.count for m in report.expected) == report.open_count
    assert sum(m.amount_cents for m in report.expected) == report.open_amount_cents
    assert report.open_amount_cents == sum(s.amount_cents for s in board) == 100000 + 250050 + 99999
    # Won in March: won1 and won2 (the deleted customer's); lost1 was the trashed customer's.
    assert (report.won_count, report.won_cents, report.lost_count) == (2, 200000, 0)
    text = _text(generate_report("pipeline", tmp_path / "pipeline.pdf", period=MARCH))
    assert format_money(report.open_amount_cents) in text


def test_the_activity_report_counts_the_interactions_the_list_shows(known, db):
    before = reporting.activity_report(MARCH, "month")
    _gone_and_trashed(known, db)
    after = reporting.activity_report(MARCH, "month")
    assert after.interactions == before.interactions > 0  # all were the deleted customer's
    assert sum(b.interactions for b in after.by_bucket) == after.interactions
    listed = listing.count("interaction", ListQuery(filters={"from": MARCH.start, "to": MARCH.end}))
    assert after.interactions == listed


def test_the_interactions_of_a_customer_in_the_trash_stay_out(known, db):
    before = reporting.activity_report(MARCH, "month")
    trash.move_to_trash("customer", [known.customers[CYRILLIC]])
    assert reporting.activity_report(MARCH, "month").interactions == 0 < before.interactions
    assert all(k.count == 0 for k in reporting.activity_report(MARCH, "month").by_kind)


def test_sales_by_customer_gathers_the_orders_of_no_customer_in_one_row(known, db, tmp_path):
    before = {r.customer_id: r for r in reporting.sales_by_customer(MARCH).rows()}
    gone = before[known.customers[CYRILLIC]]
    _gone_and_trashed(known, db)
    report = reporting.sales_by_customer(MARCH)
    rows = list(report.rows())
    assert report.revenue_cents == figures.revenue_cents(MARCH.start, MARCH.end)
    assert sum(r.revenue_cents for r in rows) == report.revenue_cents
    orphans = [r for r in rows if r.customer_id is None]
    assert len(orphans) == 1
    assert (orphans[0].revenue_cents, orphans[0].order_count) == (
        gone.revenue_cents,
        gone.order_count,
    )
    assert (orphans[0].name, orphans[0].in_trash) == ("", False)
    assert orphans[0].rank == gone.rank  # in its place by revenue
    assert report.customer_count == len(before) - 1 == len(rows) - 1  # not a customer
    assert sum(report.class_counts.values()) == report.customer_count
    assert sum(report.class_revenue_cents.values()) == report.revenue_cents
    assert not any(r.name.startswith("#") for r in rows)

    text = _text(generate_report("customers", tmp_path / "customers.pdf", period=MARCH))
    assert "(no customer)" in text
    assert f"{CHINESE} (in the trash)" in text  # still counted, as revenue is
    assert format_money(report.revenue_cents) in text


def test_the_row_of_no_customer_speaks_the_reports_language(known, db, tmp_path, language):
    _gone_and_trashed(known, db)
    language("ru")
    text = _text(generate_report("customers", tmp_path / "customers.pdf", period=MARCH))
    assert "(без клиента)" in text and f"{CHINESE} (в корзине)" in text
    language("zh_CN")
    target = generate_report("customers", tmp_path / "customers.xlsx", period=MARCH)
    from openpyxl import load_workbook

    book = load_workbook(target, read_only=True)
    try:
        cells = {
            c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
        }
    finally:
        book.close()
    assert "（无客户）" in cells and f"{CHINESE}（在回收站中）" in cells


def test_only_orders_of_no_customer_still_make_a_report(known, db, tmp_path):
    for name in list(known.customers):
        other_tool(db, f"DELETE FROM customer WHERE id = {known.customers[name]}")
    report = reporting.sales_by_customer(MARCH)
    assert not report.is_empty and report.customer_count == 0
    assert [r.customer_id for r in report.rows()] == [None]
    assert report.revenue_cents == figures.revenue_cents(MARCH.start, MARCH.end) > 0
    text = _text(generate_report("customers", tmp_path / "customers.pdf", period=MARCH))
    assert "(no customer)" in text and "No sales" not in text
