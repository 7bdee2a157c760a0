"""The receivables and tax reports laid out as :class:`~crm_desktop.reports.model.Document`.

Like every report, each renders to PDF, xlsx and CSV with the same figures
(:mod:`crm_desktop.reports.generate`).
"""

from __future__ import annotations

from decimal import Decimal

from crm_desktop.i18n import _
from crm_desktop.reports.layouts import GROUPING_NOUNS, by_grouping, period_text
from crm_desktop.reports.model import (
    DATE,
    INT,
    MONEY,
    PERCENT,
    BarChart,
    Column,
    Document,
    Figure,
    Table,
)
from crm_desktop.services.locale_format import format_date
from crm_desktop.services.reporting.context import ReportContext
from crm_desktop.services.reporting.receivables import BUCKET_LABELS, BUCKETS, Receivables
from crm_desktop.services.reporting.tax_report import TaxReport, TaxRow


def receivables_document(data: Receivables, context: ReportContext) -> Document:
    by_bucket = data.by_bucket
    doc = Document(
        title=_("Receivables"),
        subtitle=_("Owed on {as_of}, by days past the due date").format(
            as_of=format_date(data.as_of, context.locale)
        ),
        context=context,
        summary=[
            Figure(_("Owed"), data.total_cents, MONEY),
            Figure(_("Overdue"), data.overdue_cents, MONEY),
            Figure(_("Customers who owe"), len(data.customers), INT),
            Figure(_("Open invoices"), len(data.invoices), INT),
        ],
        file_stem="receivables",
        notes=[
            _(
                "An invoice is owed when it was issued by that day, no credit note issued by then "
                "cancels it, and the payments received by then leave a balance."
            ),
            _("Age: days since the due date (due that day = 0)."),
        ],
    )
    if data.is_empty:
        doc.empty_message = _("Nobody owes anything on {as_of}.").format(
            as_of=format_date(data.as_of, context.locale)
        )
        return doc
    doc.charts.append(
        BarChart(
            _("Owed by age"),
            [_(BUCKET_LABELS[b]) for b in BUCKETS],
            [by_bucket[b] for b in BUCKETS],
            MONEY,
        )
    )
    doc.tables.append(
        Table(
            title=_("By customer"),
            sheet_name=_("By customer"),
            columns=[
                Column(_("Customer"), weight=3.4),
                Column(_("Invoices"), INT, 0.8),
                *(Column(_(BUCKET_LABELS[b]), MONEY, 1.25) for b in BUCKETS),
                Column(_("Total"), MONEY, 1.35),
            ],
            rows=[
                (
                    c.customer,
                    c.invoice_count,
                    *(c.by_bucket[b] for b in BUCKETS),
                    c.total_cents,
                )
                for c in data.customers
            ],
            totals=(
                _("Total"),
                len(data.invoices),
                *(by_bucket[b] for b in BUCKETS),
                data.total_cents,
            ),
            row_count=len(data.customers),
        )
    )
    doc.tables.append(
        Table(
            title=_("Open invoices"),
            sheet_name=_("Open invoices"),
            columns=[
                Column(_("Invoice"), weight=1.6),
                Column(_("Customer"), weight=3.0),
                Column(_("Issued"), DATE, 1.1),
                Column(_("Due"), DATE, 1.1),
                Column(_("Days past due"), INT, 0.9),
                Column(_("Amount"), MONEY, 1.3),
                Column(_("Paid"), MONEY, 1.3),
                Column(_("Balance"), MONEY, 1.3),
            ],
            rows=[
                (
                    i.number,
                    i.customer,
                    i.issue_date,
                    i.due_date,
                    max(i.days_past_due, 0),
                    i.gross_cents,
                    i.paid_cents,
                    i.balance_cents,
                )
                for i in data.invoices
            ],
            totals=(
                _("Total"),
                None,
                None,
                None,
                None,
                sum(i.gross_cents for i in data.invoices),
                sum(i.paid_cents for i in data.invoices),
                data.total_cents,
            ),
            row_count=len(data.invoices),
        )
    )
    return doc


def _rate(row: TaxRow) -> Decimal:
    return row.tax_pct / 100


def tax_document(data: TaxReport, context: ReportContext) -> Document:
    doc = Document(
        title=_("Tax by rate"),
        subtitle=period_text(data.period, data.grouping),
        context=context,
        summary=[
            Figure(_("Net"), data.net_cents, MONEY),
            Figure(_("Tax"), data.tax_cents, MONEY),
            Figure(_("Gross"), data.gross_cents, MONEY),
        ],
        file_stem="tax-by-rate",
        notes=[
            _(
                "From the issued invoices and credit notes, dated by issue date, each with the "
                "figures it printed; credit notes count with the opposite sign."
            ),
        ],
    )
    if data.is_empty:
        doc.empty_message = _("No invoices were issued in this period ({period}).").format(
            period=data.period.label()
        )
        return doc
    columns = [
        Column(_("Rate"), PERCENT, 0.9),
        Column(_("Net"), MONEY, 1.5),
        Column(_("Tax"), MONEY, 1.5),
        Column(_("Gross"), MONEY, 1.5),
        Column(_("Invoices"), INT, 0.9),
        Column(_("Credit notes"), INT, 0.9),
    ]

    def cells(row: TaxRow) -> tuple:
        return (
            _rate(row),
            row.net_cents,
            row.tax_cents,
            row.gross_cents,
            row.invoice_count,
            row.credit_note_count,
        )

    doc.tables.append(
        Table(
            title=_("By rate"),
            sheet_name=_("By rate"),
            columns=columns,
            rows=[cells(row) for row in data.rates],
            totals=(None, data.net_cents, data.tax_cents, data.gross_cents, None, None),
            row_count=len(data.rates),
        )
    )
    noun = _(GROUPING_NOUNS[data.grouping])
    rows = [
        (bucket.key, bucket.first, bucket.last, *cells(row))
        for bucket, found in data.by_bucket
        for row in found
    ]
    doc.tables.append(
        Table(
            title=_("{by_grouping} and rate").format(by_grouping=by_grouping(data.grouping)),
            sheet_name=by_grouping(data.grouping),
            columns=[
                Column(noun, weight=1.4),
                Column(_("From"), DATE, in_pdf=False),
                Column(_("To"), DATE, in_pdf=False),
                *columns,
            ],
            rows=rows,
            totals=(
                _("Total"), None, None, None, data.net_cents, data.tax_cents, data.gross_cents,
                None, None,
            ),
            row_count=len(rows),
        )
    )  # fmt: skip
    return doc
