"""Each report's data laid out as a :class:`~crm_desktop.reports.model.Document`.

This is where a report gets its title, its key figures, its chart and the
columns of its tables; the renderers only draw. Labels of buckets
("November 2026", "2026-W47 (Nov 16–22)", "Q4 2026") are made here too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from crm_desktop.reports.formatting import MONTHS, local_datetime, short_month
from crm_desktop.reports.model import (
    CHANGE,
    DATE,
    DATETIME,
    INT,
    MONEY,
    PERCENT,
    PHONE,
    QUANTITY,
    BarChart,
    Column,
    Document,
    Figure,
    Table,
)
from crm_desktop.services.reporting import (
    ActivityReport,
    Bucket,
    CustomerList,
    PipelineReport,
    ReportContext,
    SalesByCustomer,
    SalesByPeriod,
    SalesByProduct,
)
from crm_desktop.services.reporting.periods import Period

GROUPING_NOUNS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter"}
REVENUE_NOTE = (
    "Revenue is the sum of the line totals of confirmed, paid and shipped orders, "
    "dated by their order date (drafts and cancelled orders never count)."
)


def _title_case(value: str) -> str:
    return value.replace("_", " ").capitalize()


def month_label(day: date) -> str:
    """``November 2026``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def bucket_label(bucket: Bucket) -> str:
    """The name of a bucket in a table: its key, with the days when it is cut by the period."""
    partial = bucket.first != bucket.start or bucket.last != bucket.end
    if bucket.grouping == "day":
        return f"{bucket.first.isoformat()} {bucket.first:%a}"
    if bucket.grouping == "week":
        return f"{bucket.key} ({_span(bucket.first, bucket.last)})"
    if bucket.grouping == "month":
        label = month_label(bucket.start)
        return f"{label} ({bucket.first.day}–{bucket.last.day})" if partial else label
    label = f"{bucket.key[-2:]} {bucket.start.year}"
    return f"{label} ({_span(bucket.first, bucket.last)})" if partial else label


def bucket_short_label(bucket: Bucket) -> str:
    """The name of a bucket under a bar of a chart."""
    if bucket.grouping == "day":
        return f"{bucket.first.day}"
    if bucket.grouping == "week":
        return f"W{bucket.key[-2:]}"
    if bucket.grouping == "month":
        return f"{short_month(bucket.start)} {bucket.start:%y}"
    return f"{bucket.key[-2:]} {bucket.start:%y}"


def _span(first, last) -> str:
    if first == last:
        return f"{short_month(first)} {first.day}"
    if first.month == last.month:
        return f"{short_month(first)} {first.day}–{last.day}"
    return f"{short_month(first)} {first.day} – {short_month(last)} {last.day}"


def period_text(period: Period, grouping: str | None = None) -> str:
    text = f"Period {period.label()} ({period.days} day{'s' if period.days != 1 else ''})"
    return f"{text}, by {GROUPING_NOUNS[grouping]}" if grouping else text


def _bucket_columns(grouping: str) -> list[Column]:
    return [
        Column(GROUPING_NOUNS[grouping].capitalize(), weight=2.2),
        Column("From", DATE, in_pdf=False),
        Column("To", DATE, in_pdf=False),
    ]


# --- sales by period -------------------------------------------------------------------------


def sales_by_period_document(data: SalesByPeriod, context: ReportContext) -> Document:
    previous = data.previous_period
    summary = [
        Figure("Revenue", data.revenue_cents, MONEY),
        Figure("Orders", data.order_count, INT),
        Figure("Average order", data.average_cents, MONEY),
        Figure(f"Previous period ({previous.label()})", data.previous_revenue_cents, MONEY),
        Figure("Change against the previous period", data.change, CHANGE),
    ]
    doc = Document(
        title="Sales by period",
        subtitle=period_text(data.period, data.grouping),
        context=context,
        summary=summary,
        file_stem="sales-by-period",
        notes=[
            REVENUE_NOTE,
            f"Change: each {GROUPING_NOUNS[data.grouping]} against the one before it; the "
            f"total against the previous period of the same length ({previous.label()}).",
        ],
    )
    if data.is_empty:
        doc.empty_message = f"No sales in this period ({data.period.label()})."
        return doc
    doc.charts.append(
        BarChart(
            f"Revenue by {GROUPING_NOUNS[data.grouping]}",
            [bucket_short_label(row.bucket) for row in data.rows],
            [row.revenue_cents for row in data.rows],
        )
    )
    doc.tables.append(
        Table(
            title=f"Sales by {GROUPING_NOUNS[data.grouping]}",
            sheet_name="Sales by period",
            columns=[
                *_bucket_columns(data.grouping),
                Column("Orders", INT),
                Column("Revenue", MONEY, 1.6),
                Column("Average order", MONEY, 1.4),
                Column("Change", CHANGE),
            ],
            rows=[
                (
                    bucket_label(row.bucket),
                    row.bucket.first,
                    row.bucket.last,
                    row.order_count,
                    row.revenue_cents,
                    row.average_cents,
                    row.change,
                )
                for row in data.rows
            ],
            totals=(
                "Total",
                data.period.start,
                data.period.end,
                data.order_count,
                data.revenue_cents,
                data.average_cents,
                data.change,
            ),
        )
    )
    return doc


# --- sales by customer -----------------------------------------------------------------------


def sales_by_customer_document(data: SalesByCustomer, context: ReportContext) -> Document:
    total = data.revenue_cents
    summary = [
        Figure("Revenue", total, MONEY),
        Figure("Customers who bought", data.customer_count, INT),
        Figure("Orders", data.order_count, INT),
    ]
    for klass in ("A", "B", "C"):
        count = data.class_counts.get(klass, 0)
        cents = data.class_revenue_cents.get(klass, 0)
        share = f"{cents * 100 / total:.1f}" if total else "0"
        summary.append(Figure(f"Class {klass} customers ({share}% of revenue)", count, INT))
    doc = Document(
        title="Sales by customer",
        subtitle=period_text(data.period),
        context=context,
        summary=summary,
        file_stem="sales-by-customer",
        notes=[
            REVENUE_NOTE,
            "ABC: the biggest customers that make the first 80% of revenue are A, "
            "the next 15% B, the rest C.",
        ],
    )
    if data.is_empty:
        doc.empty_message = f"No sales in this period ({data.period.label()})."
        return doc
    doc.tables.append(
        Table(
            title="Customers by revenue",
            sheet_name="Sales by customer",
            columns=[
                Column("#", INT, 0.55),
                Column("Customer", weight=4.2),
                Column("Orders", INT, 0.8),
                Column("Revenue", MONEY, 1.6),
                Column("Share", PERCENT, 0.9),
                Column("Cumulative", PERCENT, 1.05),
                Column("Class", weight=0.6),
            ],
            rows=(
                (
                    row.rank,
                    f"{row.name} (in the trash)" if row.in_trash else row.name,
                    row.order_count,
                    row.revenue_cents,
                    row.share,
                    row.cumulative_share,
                    row.abc_class,
                )
                for row in data.rows()
            ),
            totals=("", "Total", data.order_count, total, _one(total), None, None),
            row_count=data.customer_count,
        )
    )
    return doc


def _one(total: int) -> Decimal | None:
    return Decimal(1) if total else None


# --- sales by product ------------------------------------------------------------------------


def sales_by_product_document(data: SalesByProduct, context: ReportContext) -> Document:
    doc = Document(
        title="Sales by product",
        subtitle=period_text(data.period),
        context=context,
        summary=[
            Figure("Revenue", data.revenue_cents, MONEY),
            Figure("Products sold", sum(1 for r in data.rows if r.product_id is not None), INT),
            Figure("Quantity", data.quantity, QUANTITY),
        ],
        file_stem="sales-by-product",
        notes=[REVENUE_NOTE, "Lines typed without choosing a product are counted together."],
    )
    if data.is_empty:
        doc.empty_message = f"No sales in this period ({data.period.label()})."
        return doc
    doc.tables.append(
        Table(
            title="Products by revenue",
            sheet_name="Sales by product",
            columns=[
                Column("SKU", weight=1.1),
                Column("Product", weight=3.6),
                Column("Quantity", QUANTITY, 1.1),
                Column("Orders", INT, 0.8),
                Column("Revenue", MONEY, 1.6),
                Column("Share", PERCENT, 0.9),
            ],
            rows=[
                (
                    row.sku,
                    row.name if row.product_id is not None else "Lines without a product",
                    row.quantity,
                    row.order_count,
                    row.revenue_cents,
                    row.share,
                )
                for row in data.rows
            ],
            totals=(
                "",
                "Total",
                data.quantity,
                None,
                data.revenue_cents,
                _one(data.revenue_cents),
            ),
        )
    )
    return doc


# --- pipeline ----------------------------------------------------------------------------------


def pipeline_document(data: PipelineReport, context: ReportContext) -> Document:
    noun = GROUPING_NOUNS[data.grouping]
    period = period_text(data.period, data.grouping)
    doc = Document(
        title="Pipeline and forecast",
        subtitle=f"Open deals as of {data.as_of.isoformat()}; won and lost: "
        + period[0].lower()
        + period[1:],
        context=context,
        summary=[
            Figure("Open deals", data.open_count, INT),
            Figure("Open amount", data.open_amount_cents, MONEY),
            Figure("Weighted forecast", data.weighted_forecast_cents, MONEY),
            Figure("Won in the period", data.won_count, INT),
            Figure("Won amount", data.won_cents, MONEY),
            Figure("Lost in the period", data.lost_count, INT),
            Figure("Win rate (won ÷ closed)", data.win_rate, PERCENT),
        ],
        file_stem="pipeline",
        notes=[
            "Weighted amount = amount × probability ÷ 100, rounded half up to a cent per row; "
            "the total is rounded once, so it may differ from the sum of the rows by a cent.",
            "Deals of customers in the trash are left out.",
        ],
    )
    if data.is_empty:
        doc.empty_message = "There are no deals yet."
        return doc
    open_stages = [s for s in data.stages if s.stage not in ("won", "lost")]
    doc.charts.append(
        BarChart(
            "Open amount by stage",
            [_title_case(s.stage) for s in open_stages],
            [s.amount_cents for s in open_stages],
        )
    )
    doc.tables.append(
        Table(
            title="Open deals by stage",
            sheet_name="By stage",
            columns=[
                Column("Stage", weight=2),
                Column("Deals", INT),
                Column("Amount", MONEY, 1.5),
                Column("Weighted", MONEY, 1.5),
            ],
            rows=[
                (_title_case(s.stage), s.count, s.amount_cents, s.weighted_cents)
                for s in open_stages
            ],
            totals=("Total", data.open_count, data.open_amount_cents, data.weighted_forecast_cents),
        )
    )
    doc.tables.append(
        Table(
            title="Open deals by expected close month",
            sheet_name="By close month",
            columns=[
                Column("Expected close", weight=2),
                Column("Month", DATE, in_pdf=False),
                Column("Deals", INT),
                Column("Amount", MONEY, 1.5),
                Column("Weighted", MONEY, 1.5),
            ],
            rows=[
                (
                    (month_label(m.month) + (" (overdue)" if m.overdue else ""))
                    if m.month
                    else "No date set",
                    m.month,
                    m.count,
                    m.amount_cents,
                    m.weighted_cents,
                )
                for m in data.expected
            ],
            totals=(
                "Total",
                None,
                data.open_count,
                data.open_amount_cents,
                data.weighted_forecast_cents,
            ),
            empty_text="No open deals.",
        )
    )
    doc.tables.append(
        Table(
            title=f"Won and lost by {noun}",
            sheet_name="Won and lost",
            columns=[
                *_bucket_columns(data.grouping),
                Column("Won", INT, 0.8),
                Column("Won amount", MONEY, 1.5),
                Column("Lost", INT, 0.8),
                Column("Lost amount", MONEY, 1.5),
                Column("Win rate", PERCENT),
            ],
            rows=[
                (
                    bucket_label(row.bucket),
                    row.bucket.first,
                    row.bucket.last,
                    row.won_count,
                    row.won_cents,
                    row.lost_count,
                    row.lost_cents,
                    row.win_rate,
                )
                for row in data.closed
            ],
            totals=(
                "Total",
                data.period.start,
                data.period.end,
                data.won_count,
                data.won_cents,
                data.lost_count,
                data.lost_cents,
                data.win_rate,
            ),
        )
    )
    return doc


# --- tasks and activity ------------------------------------------------------------------------


def activity_document(data: ActivityReport, context: ReportContext) -> Document:
    noun = GROUPING_NOUNS[data.grouping]
    doc = Document(
        title="Tasks and activity",
        subtitle=period_text(data.period, data.grouping) + f"; open tasks as of {data.as_of}",
        context=context,
        summary=[
            Figure("Tasks done in the period", data.tasks_done, INT),
            Figure("Open tasks due in the period", data.tasks_due_in_period, INT),
            Figure("Open tasks (today)", data.tasks_open, INT),
            Figure("Overdue tasks (today)", data.tasks_overdue, INT),
            Figure("Interactions in the period", data.interactions, INT),
        ],
        file_stem="tasks-and-activity",
        notes=["Times are counted on the local calendar day they happened."],
    )
    if data.is_empty:
        doc.empty_message = f"No tasks or interactions in this period ({data.period.label()})."
        return doc
    doc.charts.append(
        BarChart(
            f"Interactions by {noun}",
            [bucket_short_label(b.bucket) for b in data.by_bucket],
            [b.interactions for b in data.by_bucket],
            kind=INT,
        )
    )
    doc.tables.append(
        Table(
            title="Tasks by priority",
            sheet_name="Tasks by priority",
            columns=[
                Column("Priority", weight=1.5),
                Column("Done in the period", INT, 1.4),
                Column("Open", INT),
                Column("Overdue", INT),
            ],
            rows=[(_title_case(p.priority), p.done, p.open, p.overdue) for p in data.by_priority],
            totals=("Total", data.tasks_done, data.tasks_open, data.tasks_overdue),
        )
    )
    doc.tables.append(
        Table(
            title="Interactions by kind",
            sheet_name="Interactions by kind",
            columns=[
                Column("Kind", weight=1.5),
                Column("Interactions", INT),
                Column("Share", PERCENT),
            ],
            rows=[(_title_case(k.kind), k.count, k.share) for k in data.by_kind],
            totals=("Total", data.interactions, _one(data.interactions)),
        )
    )
    doc.tables.append(
        Table(
            title=f"Activity by {noun}",
            sheet_name="Activity by period",
            columns=[
                *_bucket_columns(data.grouping),
                Column("Tasks done", INT),
                Column("Interactions", INT),
            ],
            rows=[
                (
                    bucket_label(b.bucket),
                    b.bucket.first,
                    b.bucket.last,
                    b.tasks_done,
                    b.interactions,
                )
                for b in data.by_bucket
            ],
            totals=(
                "Total",
                data.period.start,
                data.period.end,
                data.tasks_done,
                data.interactions,
            ),
        )
    )
    return doc


# --- customer list -----------------------------------------------------------------------------


def customer_list_document(
    data: CustomerList,
    context: ReportContext,
    *,
    progress=None,
    cancelled=None,
) -> Document:
    """The customers of a view; rows stream from the database while a renderer writes them."""
    totals: dict[str, int] = {"revenue": 0, "count": 0}

    labels: dict[str, str] = {}

    def label(value: str) -> str:
        if value not in labels:
            labels[value] = _title_case(value)
        return labels[value]

    def rows() -> Iterator[Sequence[Any]]:
        for row in data.rows(progress=progress, cancelled=cancelled):
            totals["revenue"] += row.revenue_cents
            totals["count"] += 1
            created = local_datetime(row.created_at)
            yield (
                row.name,
                label(row.kind),
                label(row.status),
                row.email,
                row.phone,
                row.city,
                row.country,
                row.tags,
                row.primary_contact,
                row.revenue_cents,
                created.date(),
                created,
                row.address,
                row.notes,
            )

    doc = Document(
        title="Customer list",
        subtitle=f"{data.description.capitalize()}: {data.count:,} customer"
        + ("s" if data.count != 1 else ""),
        context=context,
        summary=[Figure("Customers", data.count, INT)],
        file_stem="customers",
        notes=["Revenue: all confirmed, paid and shipped orders of the customer, ever."],
    )
    if data.is_empty:
        doc.empty_message = "No customers in this view."
        return doc
    doc.tables.append(
        Table(
            title="Customers",
            sheet_name="Customers",
            columns=[
                Column("Name", weight=3),
                Column("Kind", weight=1, in_pdf=False),
                Column("Status", weight=1),
                Column("Email", weight=2.8),
                Column("Phone", PHONE, 2.0, wrap=False),
                Column("City", weight=1.5),
                Column("Country", weight=1.4),
                Column("Tags", weight=1.6),
                Column("Primary contact", weight=2),
                Column("Revenue", MONEY, 1.6),
                Column("Created", DATE, 1.6, in_sheet=False),
                Column("Created at", DATETIME, 1.6, in_pdf=False),
                Column("Address", in_pdf=False),
                Column("Notes", in_pdf=False),
            ],
            rows=rows(),
            totals=lambda: (
                f"Total: {totals['count']:,}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                totals["revenue"],
                None,
                None,
                None,
                None,
            ),
            row_count=data.count,
        )
    )
    return doc
