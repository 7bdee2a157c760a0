"""Every report's figures against an independent computation over the known data set.

Line totals are recomputed here from the raw columns with Decimal (not with
the production SQL), grouped by plain SQL, and compared to the cent.
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from crm_desktop.models import database
from crm_desktop.services import figures, reporting
from crm_desktop.services.reporting import Period
from tests.reports.known_names import ARABIC, CHINESE, CYRILLIC

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def exact_line(quantity: float, cents: int, discount: float) -> int:
    value = Decimal(repr(quantity)) * cents * (100 - Decimal(repr(discount))) / 100
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def revenue_lines(period: Period) -> list[tuple]:
    """(order id, customer id, order date, product id, quantity, line total) of revenue lines."""
    rows = database.execute_sql(
        "SELECT o.id, o.customer_id, o.order_date, l.product_id, l.quantity, "
        "l.unit_price_cents, l.discount_pct FROM sales_order o "
        "JOIN order_line l ON l.order_id = o.id "
        "WHERE o.status IN ('confirmed', 'paid', 'shipped') "
        "AND o.order_date >= ? AND o.order_date <= ?",
        (period.start.isoformat(), period.end.isoformat()),
    ).fetchall()
    return [(o, c, d, p, q, exact_line(q, price, disc)) for o, c, d, p, q, price, disc in rows]


def revenue_orders(period: Period) -> list[tuple[int, str]]:
    return database.execute_sql(
        "SELECT id, order_date FROM sales_order WHERE status IN ('confirmed', 'paid', 'shipped') "
        "AND order_date BETWEEN ? AND ?",
        (period.start.isoformat(), period.end.isoformat()),
    ).fetchall()


def test_sales_by_month_match_an_independent_sum_to_the_cent(known):
    period = Period(date(2026, 2, 1), date(2026, 4, 30))
    report = reporting.sales_by_period(period, "month")
    revenue: dict[str, int] = defaultdict(int)
    for _, _, day, _, _, total in revenue_lines(period):
        revenue[day[:7]] += total
    counts: dict[str, int] = defaultdict(int)
    for _, day in revenue_orders(period):
        counts[day[:7]] += 1
    assert [row.bucket.key for row in report.rows] == ["2026-02", "2026-03", "2026-04"]
    for row in report.rows:
        assert row.revenue_cents == revenue[row.bucket.key]
        assert row.order_count == counts[row.bucket.key]
    assert (
        report.revenue_cents
        == sum(revenue.values())
        == figures.revenue_cents(period.start, period.end)
    )
    assert report.order_count == sum(counts.values())
    march = report.rows[1]
    assert march.change == Decimal(revenue["2026-03"] - revenue["2026-02"]) / revenue["2026-02"]
    assert march.average_cents == (2 * revenue["2026-03"] + counts["2026-03"]) // (
        2 * counts["2026-03"]
    )


def test_the_first_and_last_day_of_a_period_count_and_no_day_outside(known):
    report = reporting.sales_by_period(MARCH, "day")
    assert len(report.rows) == 31
    first, last = report.rows[0], report.rows[-1]
    assert first.bucket.first == date(2026, 3, 1) and first.order_count == 1
    assert first.revenue_cents == exact_line(0.333, 1001, 12.5) + exact_line(1.5, 4500, 10)
    # An order dated the 31st is March's, whatever the hour it was typed (order_date is local).
    assert last.bucket.first == date(2026, 3, 31) and last.order_count == 1
    assert last.revenue_cents == exact_line(1.0, 100001, 0.5)
    keys = {day for _, _, day, *_ in revenue_lines(MARCH)}
    assert "2026-02-28" not in keys and "2026-04-01" not in keys
    assert report.revenue_cents == sum(t for *_, t in revenue_lines(MARCH))


def test_drafts_and_cancelled_orders_are_never_revenue(known):
    report = reporting.sales_by_period(MARCH, "month")
    statuses = database.execute_sql(
        "SELECT count(*) FROM sales_order WHERE order_date BETWEEN '2026-03-01' AND '2026-03-31'"
    ).fetchone()[0]
    assert report.order_count == statuses - 2  # the draft of the 31st and the cancelled one


def test_weeks_are_iso_weeks_cut_by_the_period(known):
    report = reporting.sales_by_period(MARCH, "week")
    assert report.rows[0].bucket.key == "2026-W09"  # Sunday 1 March is in week 9
    assert report.rows[0].bucket.first == date(2026, 3, 1)
    assert report.rows[0].bucket.start == date(2026, 2, 23)
    by_week: dict[str, int] = defaultdict(int)
    for _, _, day, *_, total in revenue_lines(MARCH):
        year, week, _ = date.fromisoformat(day).isocalendar()
        by_week[f"{year}-W{week:02d}"] += total
    assert {r.bucket.key: r.revenue_cents for r in report.rows if r.revenue_cents} == {
        k: v for k, v in by_week.items() if v
    }


def test_quarters_and_the_previous_period(known):
    report = reporting.sales_by_period(Period(date(2026, 1, 1), date(2026, 6, 30)), "quarter")
    assert [r.bucket.key for r in report.rows] == ["2026-Q1", "2026-Q2"]
    assert report.previous_period == Period(date(2025, 7, 1), date(2025, 12, 31))
    assert report.previous_revenue_cents == 0 and report.change is None


def test_an_empty_period_is_a_report_that_says_so(known):
    from crm_desktop.reports import layouts
    from crm_desktop.services.reporting import report_context

    empty = reporting.sales_by_period(Period(date(2025, 1, 1), date(2025, 1, 31)), "week")
    assert empty.is_empty and empty.revenue_cents == 0 and empty.average_cents is None
    doc = layouts.sales_by_period_document(empty, report_context())
    assert doc.empty_message == "No sales in this period (2025-01-01 – 2025-01-31)."
    assert reporting.sales_by_customer(Period(date(2025, 1, 1), date(2025, 1, 31))).is_empty
    assert reporting.sales_by_product(Period(date(2025, 1, 1), date(2025, 1, 31))).is_empty


def test_sales_by_customer_ranks_shares_and_abc_classes(known):
    report = reporting.sales_by_customer(MARCH)
    rows = list(report.rows())
    by_customer: dict[int, int] = defaultdict(int)
    orders: dict[int, set] = defaultdict(set)
    for order_id, customer_id, *_, total in revenue_lines(MARCH):
        by_customer[customer_id] += total
        orders[customer_id].add(order_id)
    # The order without lines still counts as an order of its customer (revenue 0).
    empty_order_customer = known.customers["Alpha Inc"]
    by_customer.setdefault(empty_order_customer, 0)
    orders[empty_order_customer].add(known.orders["mar12empty"])
    total = sum(by_customer.values())
    expected = sorted(by_customer.items(), key=lambda item: -item[1])
    assert [(r.customer_id, r.revenue_cents) for r in rows] == expected
    assert report.revenue_cents == total == figures.revenue_cents(MARCH.start, MARCH.end)
    assert report.customer_count == len(rows)
    assert report.order_count == sum(len(o) for o in orders.values())
    cumulative = 0
    for row in rows:
        before = cumulative
        cumulative += row.revenue_cents
        assert row.order_count == len(orders[row.customer_id])
        assert row.share == Decimal(row.revenue_cents) / total
        assert row.cumulative_share == Decimal(cumulative) / total
        share_before = Decimal(before) / total
        assert row.abc_class == ("A" if share_before < Decimal("0.8") else
                                 "B" if share_before < Decimal("0.95") else "C")  # fmt: skip
    assert rows[-1].cumulative_share == 1
    assert report.class_counts == {k: sum(r.abc_class == k for r in rows) for k in "ABC"}
    names = [r.name for r in rows]
    assert CHINESE in names and CYRILLIC in names and ARABIC in names


def test_sales_by_product_sums_exact_quantities(known):
    report = reporting.sales_by_product(MARCH)
    quantity: dict[int | None, Decimal] = defaultdict(Decimal)
    revenue: dict[int | None, int] = defaultdict(int)
    for _, _, _, product_id, q, total in revenue_lines(MARCH):
        quantity[product_id] += Decimal(repr(q))
        revenue[product_id] += total
    got = {row.product_id: (row.quantity, row.revenue_cents) for row in report.rows}
    assert got == {pid: (quantity[pid], revenue[pid]) for pid in revenue}
    assert got[known.products["cn"]][0] == Decimal("7.333")
    assert report.revenue_cents == sum(revenue.values())
    assert report.rows[0].revenue_cents >= report.rows[-1].revenue_cents


def test_pipeline_stages_months_and_win_rate(known):
    report = reporting.pipeline_report(MARCH, "month")
    rows = database.execute_sql(
        "SELECT stage, count(*), sum(amount_cents), sum(amount_cents * probability) FROM deal "
        "GROUP BY stage"
    ).fetchall()
    expected = {stage: (n, amount, (w + 50) // 100) for stage, n, amount, w in rows}
    for stage in report.stages:
        assert (stage.count, stage.amount_cents, stage.weighted_cents) == expected.get(
            stage.stage, (0, 0, 0)
        )
    open_rows = [expected[s] for s in ("new", "qualified", "proposal", "negotiation")]
    assert report.open_count == sum(r[0] for r in open_rows) == 4
    assert report.open_amount_cents == sum(r[1] for r in open_rows)
    weighted = database.execute_sql(
        "SELECT sum(amount_cents * probability) FROM deal WHERE stage NOT IN ('won', 'lost')"
    ).fetchone()[0]
    assert report.weighted_forecast_cents == (weighted + 50) // 100
    months = {(m.month.isoformat() if m.month else None): m.count for m in report.expected}
    assert months == {"2026-04-01": 2, "2026-05-01": 1, None: 1}
    assert report.won_count == 2 and report.won_cents == 200000
    assert report.lost_count == 1 and report.lost_cents == 50000  # April's loss is outside
    assert report.win_rate == Decimal(2) / 3


@pytest.fixture
def tokyo(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_activity_counts_in_utc(known):
    report = reporting.activity_report(MARCH, "month")
    assert report.tasks_done == 2
    assert report.interactions == 3  # 28 Feb 23:59 UTC is February's
    assert {k.kind: k.count for k in report.by_kind}["email"] == 2
    assert report.tasks_open == 2 and report.tasks_overdue == 1
    assert report.tasks_due_in_period == 1


def test_activity_counts_on_the_local_calendar_day(known, tokyo):
    report = reporting.activity_report(MARCH, "day")
    # In Tokyo (UTC+9) 28 Feb 23:59 UTC is 1 March, and 31 March 23:30 UTC is 1 April.
    assert report.interactions == 3
    assert {k.kind: k.count for k in report.by_kind} == {
        "call": 1, "meeting": 1, "email": 1, "note": 0, "visit": 0,
    }  # fmt: skip
    assert report.tasks_done == 1
    assert report.by_bucket[0].interactions == 2  # the meeting and the call, both on 1 March


def test_invoice_lines_and_totals(known):
    invoice = reporting.invoice_data(known.orders["mar01"])
    assert (
        [line.total_cents for line in invoice.lines]
        == [
            exact_line(0.333, 1001, 12.5),
            exact_line(1.5, 4500, 10),
        ]
        == [292, 6075]
    )
    assert invoice.undiscounted_cents == 333 + 6750
    assert invoice.total_cents == 6367
    assert invoice.discount_cents == invoice.undiscounted_cents - invoice.total_cents
    assert invoice.customer.name == CYRILLIC
    assert invoice.lines[0].sku == "CN-1"


def test_an_unknown_order_number_is_a_clear_error(known):
    from crm_desktop.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no order number 'X-404'"):
        reporting.invoice_for_number("X-404")


def test_a_period_that_ends_before_it_starts_is_refused():
    from crm_desktop.services.reporting import PeriodError, parse_date

    with pytest.raises(PeriodError, match="starts"):
        Period(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(PeriodError, match="YYYY-MM-DD"):
        parse_date("2026-02-30")


def test_customer_list_follows_the_view(known):
    from crm_desktop.services.listing import ListQuery

    everyone = reporting.customer_list()
    assert everyone.count == len(known.customers)
    smith = reporting.customer_list(ListQuery(search="smith"))
    rows = list(smith.rows())
    assert [r.name for r in rows] == ["<b>Smith & Sons</b>"]
    assert rows[0].revenue_cents == 777
    by_name_desc = reporting.customer_list(ListQuery(sort="name", descending=True))
    assert list(by_name_desc.ids) == list(reversed(everyone.ids))


def test_customer_list_reads_big_views_by_batches_with_the_same_rows(known, monkeypatch):
    import sys

    from crm_desktop.services import contacts, tags

    module = sys.modules["crm_desktop.services.reporting.customer_list"]

    contacts.create_contact({"customer_id": known.customers[CYRILLIC], "name": "Иван"})
    contacts.create_contact(
        {"customer_id": known.customers[CYRILLIC], "name": "Пётр", "is_primary": True}
    )
    tags.add_tags([known.customers[CHINESE]], ["VIP", "重要客户"])
    per_customer = list(reporting.customer_list().rows())
    monkeypatch.setattr(module, "WHOLE_TABLE_FROM", 1)
    monkeypatch.setattr(module, "BATCH", 3)  # customers of one batch, and across batches
    batched = list(reporting.customer_list().rows())
    assert batched == per_customer
    by_name = {row.name: row for row in batched}
    assert by_name[CYRILLIC].primary_contact == "Пётр"
    assert set(by_name[CHINESE].tags.split(", ")) == {"VIP", "重要客户"}
    assert by_name[ARABIC].revenue_cents == exact_line(1.0, 100001, 0.5)


def test_the_read_ahead_thread_hands_over_errors_and_stops_on_cancel(known, monkeypatch):
    import sys
    import threading

    from crm_desktop.errors import CancelledError

    module = sys.modules["crm_desktop.services.reporting.customer_list"]
    monkeypatch.setattr(module, "WHOLE_TABLE_FROM", 1)
    monkeypatch.setattr(module, "BATCH", 2)
    with pytest.raises(CancelledError):
        for _ in reporting.customer_list().rows(cancelled=lambda: True):
            pass
    assert not [t for t in threading.enumerate() if t.name == "customer-list-reader"]

    def broken():
        raise RuntimeError("disk went away")

    monkeypatch.setattr(module, "_make_figure_tables", broken)
    with pytest.raises(RuntimeError, match="disk went away"):
        list(reporting.customer_list().rows())
    assert not [t for t in threading.enumerate() if t.name == "customer-list-reader"]
