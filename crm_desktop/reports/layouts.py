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

from crm_desktop import i18n
from crm_desktop.i18n import N_, _, ngettext
from crm_desktop.reports.formatting import int_text, local_datetime, short_month
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
from crm_desktop.services.customer_words import customer_word
from crm_desktop.services.locale_format import format_date, month_name
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
from crm_desktop.services.reporting.sales import CustomerSales

# A column's header, and "by …" after a title ("Sales by day": «Продажи по дням», 销售（按天）).
GROUPING_NOUNS = {
    "day": N_("Day"),
    "week": N_("Week"),
    "month": N_("Month"),
    "quarter": N_("Quarter"),
}
BY_GROUPING = {
    "day": N_("by day"),
    "week": N_("by week"),
    "month": N_("by month"),
    "quarter": N_("by quarter"),
}
REVENUE_NOTE = N_(
    "Revenue is the sum of the line totals of confirmed, paid and shipped orders, "
    "dated by their order date (drafts and cancelled orders never count)."
)
WORDS = {  # stages, priorities, kinds of interaction as the tables show them
    "new": N_("New"), "qualified": N_("Qualified"), "proposal": N_("Proposal"),
    "negotiation": N_("Negotiation"), "won": N_("Won"), "lost": N_("Lost"),
    "low": N_("Low"), "normal": N_("Normal"), "high": N_("High"), "urgent": N_("Urgent"),
    "call": N_("Call"), "email": N_("Email"), "meeting": N_("Meeting"), "note": N_("Note"),
    "message": N_("Message"), "other": N_("Other"), "visit": N_("Visit"),
}  # fmt: skip


def by_grouping(grouping: str) -> str:
    return _(BY_GROUPING[grouping])


def _capitalized(text: str) -> str:
    """The first letter made capital, the rest as written (a searched «iPhone» stays)."""
    return f"{text[:1].upper()}{text[1:]}"


def _title_case(value: str) -> str:
    if value in WORDS:
        return _(WORDS[value])
    return value.replace("_", " ").capitalize()


def month_label(day: date) -> str:
    """``November 2026`` (``Ноябрь 2026``, ``十一月 2026``: in the chosen language)."""
    name = month_name(day.month, i18n.language())
    return f"{name[:1].upper()}{name[1:]} {day.year}"  # CLDR's Russian is lower case: «март»


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
    text = ngettext(
        "Period {period} ({days} day)", "Period {period} ({days} days)", period.days
    ).format(period=period.label(), days=period.days)
    return f"{text}, {by_grouping(grouping)}" if grouping else text


def _bucket_columns(grouping: str) -> list[Column]:
    return [
        Column(_(GROUPING_NOUNS[grouping]), weight=2.2),
        Column(_("From"), DATE, in_pdf=False),
        Column(_("To"), DATE, in_pdf=False),
    ]


# --- sales by period -------------------------------------------------------------------------


def sales_by_period_document(data: SalesByPeriod, context: ReportContext) -> Document:
    previous = data.previous_period
    summary = [
        Figure(_("Revenue"), data.revenue_cents, MONEY),
        Figure(_("Orders"), data.order_count, INT),
        Figure(_("Average order"), data.average_cents, MONEY),
        Figure(
            _("Previous period ({previous})").format(previous=previous.label()),
            data.previous_revenue_cents,
            MONEY,
        ),
        Figure(_("Change against the previous period"), data.change, CHANGE),
    ]
    doc = Document(
        title=_("Sales by period"),
        subtitle=period_text(data.period, data.grouping),
        context=context,
        summary=summary,
        file_stem="sales-by-period",
        notes=[
            _(REVENUE_NOTE),
            _(
                "Change: each row against the one before it; the total against the previous "
                "period of the same length ({previous})."
            ).format(previous=previous.label()),
        ],
    )
    if data.is_empty:
        doc.empty_message = _("No sales in this period ({period}).").format(
            period=data.period.label()
        )
        return doc
    doc.charts.append(
        BarChart(
            _("Revenue {by_grouping}").format(by_grouping=by_grouping(data.grouping)),
            [bucket_short_label(row.bucket) for row in data.rows],
            [row.revenue_cents for row in data.rows],
        )
    )
    doc.tables.append(
        Table(
            title=_("Sales {by_grouping}").format(by_grouping=by_grouping(data.grouping)),
            sheet_name=_("Sales by period"),
            columns=[
                *_bucket_columns(data.grouping),
                Column(_("Orders"), INT),
                Column(_("Revenue"), MONEY, 1.6),
                Column(_("Average order"), MONEY, 1.4),
                Column(_("Change"), CHANGE),
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
                _("Total"),
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
        Figure(_("Revenue"), total, MONEY),
        Figure(_("Customers who bought"), data.customer_count, INT),
        Figure(_("Orders"), data.order_count, INT),
    ]
    for klass in ("A", "B", "C"):
        count = data.class_counts.get(klass, 0)
        cents = data.class_revenue_cents.get(klass, 0)
        share = f"{cents * 100 / total:.1f}" if total else "0"
        summary.append(
            Figure(
                _("Class {klass} customers ({share}% of revenue)").format(klass=klass, share=share),
                count,
                INT,
            )
        )
    doc = Document(
        title=_("Sales by customer"),
        subtitle=period_text(data.period),
        context=context,
        summary=summary,
        file_stem="sales-by-customer",
        notes=[
            _(REVENUE_NOTE),
            _(
                "ABC: the biggest customers that make the first 80% of revenue are A, "
                "the next 15% B, the rest C."
            ),
        ],
    )
    if data.is_empty:
        doc.empty_message = _("No sales in this period ({period}).").format(
            period=data.period.label()
        )
        return doc
    doc.tables.append(
        Table(
            title=_("Customers by revenue"),
            sheet_name=_("Sales by customer"),
            columns=[
                Column("#", INT, 0.55),
                Column(_("Customer"), weight=4.2),
                Column(_("Orders"), INT, 0.8),
                Column(_("Revenue"), MONEY, 1.6),
                Column(_("Share"), PERCENT, 0.9),
                Column(_("Cumulative"), PERCENT, 1.05),
                Column(_("Class"), weight=0.6),
            ],
            rows=(
                (
                    row.rank,
                    _customer_label(row),
                    row.order_count,
                    row.revenue_cents,
                    row.share,
                    row.cumulative_share,
                    row.abc_class,
                )
                for row in data.rows()
            ),
            totals=("", _("Total"), data.order_count, total, _one(total), None, None),
            row_count=data.row_count,
        )
    )
    return doc


def _customer_label(row: CustomerSales) -> str:
    if row.customer_id is None:  # the orders of customers another SQLite tool deleted
        return _("(no customer)")
    return _("{name} (in the trash)").format(name=row.name) if row.in_trash else row.name


def _one(total: int) -> Decimal | None:
    return Decimal(1) if total else None


# --- sales by product ------------------------------------------------------------------------


def sales_by_product_document(data: SalesByProduct, context: ReportContext) -> Document:
    doc = Document(
        title=_("Sales by product"),
        subtitle=period_text(data.period),
        context=context,
        summary=[
            Figure(_("Revenue"), data.revenue_cents, MONEY),
            Figure(_("Products sold"), sum(1 for r in data.rows if r.product_id is not None), INT),
            Figure(_("Quantity"), data.quantity, QUANTITY),
        ],
        file_stem="sales-by-product",
        notes=[_(REVENUE_NOTE), _("Lines typed without choosing a product are counted together.")],
    )
    if data.is_empty:
        doc.empty_message = _("No sales in this period ({period}).").format(
            period=data.period.label()
        )
        return doc
    doc.tables.append(
        Table(
            title=_("Products by revenue"),
            sheet_name=_("Sales by product"),
            columns=[
                Column(_("SKU"), weight=1.1),
                Column(_("Product"), weight=3.6),
                Column(_("Quantity"), QUANTITY, 1.1),
                Column(_("Orders"), INT, 0.8),
                Column(_("Revenue"), MONEY, 1.6),
                Column(_("Share"), PERCENT, 0.9),
            ],
            rows=[
                (
                    row.sku,
                    row.name if row.product_id is not None else _("Lines without a product"),
                    row.quantity,
                    row.order_count,
                    row.revenue_cents,
                    row.share,
                )
                for row in data.rows
            ],
            totals=(
                "",
                _("Total"),
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
    by = by_grouping(data.grouping)
    period = period_text(data.period, data.grouping)
    doc = Document(
        title=_("Pipeline and forecast"),
        subtitle=_("Open deals as of {day}; won and lost: {period}").format(
            day=format_date(data.as_of, context.locale), period=period
        ),
        context=context,
        summary=[
            Figure(_("Open deals"), data.open_count, INT),
            Figure(_("Open amount"), data.open_amount_cents, MONEY),
            Figure(_("Weighted forecast"), data.weighted_forecast_cents, MONEY),
            Figure(_("Won in the period"), data.won_count, INT),
            Figure(_("Won amount"), data.won_cents, MONEY),
            Figure(_("Lost in the period"), data.lost_count, INT),
            Figure(_("Win rate (won ÷ closed)"), data.win_rate, PERCENT),
        ],
        file_stem="pipeline",
        notes=[
            _(
                "Weighted amount = amount × probability ÷ 100, rounded half up to a cent per row; "
                "the total is rounded once, so it may differ from the sum of the rows by a cent."
            ),
            _("Deals of customers in the trash are left out."),
        ],
    )
    if data.is_empty:
        doc.empty_message = _("There are no deals yet.")
        return doc
    open_stages = [s for s in data.stages if s.stage not in ("won", "lost")]
    doc.charts.append(
        BarChart(
            _("Open amount by stage"),
            [_title_case(s.stage) for s in open_stages],
            [s.amount_cents for s in open_stages],
        )
    )
    doc.tables.append(
        Table(
            title=_("Open deals by stage"),
            sheet_name=_("By stage"),
            columns=[
                Column(_("Stage"), weight=2),
                Column(_("Deals"), INT),
                Column(_("Amount"), MONEY, 1.5),
                Column(_("Weighted"), MONEY, 1.5),
            ],
            rows=[
                (_title_case(s.stage), s.count, s.amount_cents, s.weighted_cents)
                for s in open_stages
            ],
            totals=(
                _("Total"),
                data.open_count,
                data.open_amount_cents,
                data.weighted_forecast_cents,
            ),
        )
    )
    doc.tables.append(
        Table(
            title=_("Open deals by expected close month"),
            sheet_name=_("By close month"),
            columns=[
                Column(_("Expected close"), weight=2),
                Column(_("Month"), DATE, in_pdf=False),
                Column(_("Deals"), INT),
                Column(_("Amount"), MONEY, 1.5),
                Column(_("Weighted"), MONEY, 1.5),
            ],
            rows=[
                (
                    (month_label(m.month) + (" " + _("(overdue)") if m.overdue else ""))
                    if m.month
                    else _("No date set"),
                    m.month,
                    m.count,
                    m.amount_cents,
                    m.weighted_cents,
                )
                for m in data.expected
            ],
            totals=(
                _("Total"),
                None,
                data.open_count,
                data.open_amount_cents,
                data.weighted_forecast_cents,
            ),
            empty_text=_("No open deals."),
        )
    )
    doc.tables.append(
        Table(
            title=_("Won and lost {by_grouping}").format(by_grouping=by),
            sheet_name=_("Won and lost"),
            columns=[
                *_bucket_columns(data.grouping),
                Column(_("Won"), INT, 0.8),
                Column(_("Won amount"), MONEY, 1.5),
                Column(_("Lost"), INT, 0.8),
                Column(_("Lost amount"), MONEY, 1.5),
                Column(_("Win rate"), PERCENT),
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
                _("Total"),
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
    by = by_grouping(data.grouping)
    doc = Document(
        title=_("Tasks and activity"),
        subtitle=_("{period}; open tasks as of {day}").format(
            period=period_text(data.period, data.grouping),
            day=format_date(data.as_of, context.locale),
        ),
        context=context,
        summary=[
            Figure(_("Tasks done in the period"), data.tasks_done, INT),
            Figure(_("Open tasks due in the period"), data.tasks_due_in_period, INT),
            Figure(_("Open tasks (today)"), data.tasks_open, INT),
            Figure(_("Overdue tasks (today)"), data.tasks_overdue, INT),
            Figure(_("Interactions in the period"), data.interactions, INT),
        ],
        file_stem="tasks-and-activity",
        notes=[_("Times are counted on the local calendar day they happened.")],
    )
    if data.is_empty:
        doc.empty_message = _("No tasks or interactions in this period ({period}).").format(
            period=data.period.label()
        )
        return doc
    doc.charts.append(
        BarChart(
            _("Interactions {by_grouping}").format(by_grouping=by),
            [bucket_short_label(b.bucket) for b in data.by_bucket],
            [b.interactions for b in data.by_bucket],
            kind=INT,
        )
    )
    doc.tables.append(
        Table(
            title=_("Tasks by priority"),
            sheet_name=_("Tasks by priority"),
            columns=[
                Column(_("Priority"), weight=1.5),
                Column(_("Done in the period"), INT, 1.4),
                Column(_("Open"), INT),
                Column(_("Overdue"), INT),
            ],
            rows=[(_title_case(p.priority), p.done, p.open, p.overdue) for p in data.by_priority],
            totals=(_("Total"), data.tasks_done, data.tasks_open, data.tasks_overdue),
        )
    )
    doc.tables.append(
        Table(
            title=_("Interactions by kind"),
            sheet_name=_("Interactions by kind"),
            columns=[
                Column(_("Kind"), weight=1.5),
                Column(_("Interactions"), INT),
                Column(_("Share"), PERCENT),
            ],
            rows=[(_title_case(k.kind), k.count, k.share) for k in data.by_kind],
            totals=(_("Total"), data.interactions, _one(data.interactions)),
        )
    )
    doc.tables.append(
        Table(
            title=_("Activity {by_grouping}").format(by_grouping=by),
            sheet_name=_("Activity by period"),
            columns=[
                *_bucket_columns(data.grouping),
                Column(_("Tasks done"), INT),
                Column(_("Interactions"), INT),
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
                _("Total"),
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
            labels[value] = customer_word(value) if value else ""
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
        title=_("Customer list"),
        subtitle=ngettext(
            "{view}: {count} customer", "{view}: {count} customers", data.count
        ).format(view=_capitalized(data.description), count=int_text(data.count, context.locale)),
        context=context,
        summary=[Figure(_("Customers"), data.count, INT)],
        file_stem="customers",
        notes=[_("Revenue: all confirmed, paid and shipped orders of the customer, ever.")],
    )
    if data.is_empty:
        doc.empty_message = _("No customers in this view.")
        return doc
    doc.tables.append(
        Table(
            title=_("Customers"),
            sheet_name=_("Customers"),
            columns=[
                Column(_("Name"), weight=3),
                Column(_("Kind"), weight=1, in_pdf=False),
                Column(_("Status"), weight=1),
                Column(_("Email"), weight=2.8),
                Column(_("Phone"), PHONE, 2.0, wrap=False),
                Column(_("City"), weight=1.5),
                Column(_("Country"), weight=1.4),
                Column(_("Tags"), weight=1.6),
                Column(_("Primary contact"), weight=2),
                Column(_("Revenue"), MONEY, 1.6),
                Column(_("Created"), DATE, 1.6, in_sheet=False),
                Column(_("Created at"), DATETIME, 1.6, in_pdf=False),
                Column(_("Address"), in_pdf=False),
                Column(_("Notes"), in_pdf=False),
            ],
            rows=rows(),
            totals=lambda: (
                _("Total: {count}").format(count=int_text(totals["count"], context.locale)),
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
