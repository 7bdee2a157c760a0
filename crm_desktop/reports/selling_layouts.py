"""The receivables and tax reports laid out as :class:`~crm_desktop.reports.model.Document`.

Like every report, each renders to PDF, xlsx and CSV with the same figures
(:mod:`crm_desktop.reports.generate`).
"""

from __future__ import annotations

from decimal import Decimal

from crm_desktop.reports.layouts import GROUPING_NOUNS, period_text
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
from crm_desktop.services.reporting.context import ReportContext
from crm_desktop.services.reporting.receivables import BUCKET_LABELS, BUCKETS, Receivables
from crm_desktop.services.reporting.tax_report import TaxReport, TaxRow


def receivables_document(data: Receivables, context: ReportContext) -> Document:
    by_bucket = data.by_bucket
    doc = Document(
        title="Receivables",
        subtitle=f"Owed on {data.as_of.isoformat()}, by days past the due date",
        context=context,
        summary=[
            Figure("Owed", data.total_cents, MONEY),
            Figure("Overdue", data.overdue_cents, MONEY),
            Figure("Customers who owe", len(data.customers), INT),
            Figure("Open invoices", len(data.invoices), INT),
        ],
        file_stem="receivables",
        notes=[
            "An invoice is owed when it was issued by that day, no credit note issued by then "
            "cancels it, and the payments received by then leave a balance.",
            "Age: days since the due date (due that day = 0).",
        ],
    )
    if data.is_empty:
        doc.empty_message = f"Nobody owes anything on {data.as_of.isoformat()}."
        return doc
    doc.charts.append(
        BarChart(
            "Owed by age",
            [BUCKET_LABELS[b] for b in BUCKETS],
            [by_bucket[b] for b in BUCKETS],
            MONEY,
        )
    )
    doc.tables.append(
        Table(
            title="By customer",
            sheet_name="By customer",
            columns=[
                Column("Customer", weight=3.4),
                Column("Invoices", INT, 0.8),
                *(Column(BUCKET_LABELS[b], MONEY, 1.25) for b in BUCKETS),
                Column("Total", MONEY, 1.35),
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
                "Total",
                len(data.invoices),
                *(by_bucket[b] for b in BUCKETS),
                data.total_cents,
            ),
            row_count=len(data.customers),
        )
    )
    doc.tables.append(
        Table(
            title="Open invoices",
            sheet_name="Open invoices",
            columns=[
                Column("Invoice", weight=1.6),
                Column("Customer", weight=3.0),
                Column("Issued", DATE, 1.1),
                Column("Due", DATE, 1.1),
                Column("Days past due", INT, 0.9),
                Column("Amount", MONEY, 1.3),
                Column("Paid", MONEY, 1.3),
                Column("Balance", MONEY, 1.3),
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
                "Total",
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
        title="Tax by rate",
        subtitle=period_text(data.period, data.grouping),
        context=context,
        summary=[
            Figure("Net", data.net_cents, MONEY),
            Figure("Tax", data.tax_cents, MONEY),
            Figure("Gross", data.gross_cents, MONEY),
        ],
        file_stem="tax-by-rate",
        notes=[
            "From the issued invoices and credit notes, dated by issue date, each with the "
            "figures it printed; credit notes count with the opposite sign.",
        ],
    )
    if data.is_empty:
        doc.empty_message = f"No invoices were issued in this period ({data.period.label()})."
        return doc
    columns = [
        Column("Rate", PERCENT, 0.9),
        Column("Net", MONEY, 1.5),
        Column("Tax", MONEY, 1.5),
        Column("Gross", MONEY, 1.5),
        Column("Invoices", INT, 0.9),
        Column("Credit notes", INT, 0.9),
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
            title="By rate",
            sheet_name="By rate",
            columns=columns,
            rows=[cells(row) for row in data.rates],
            totals=(None, data.net_cents, data.tax_cents, data.gross_cents, None, None),
            row_count=len(data.rates),
        )
    )
    noun = GROUPING_NOUNS[data.grouping].capitalize()
    rows = [
        (bucket.key, bucket.first, bucket.last, *cells(row))
        for bucket, found in data.by_bucket
        for row in found
    ]
    doc.tables.append(
        Table(
            title=f"By {GROUPING_NOUNS[data.grouping]} and rate",
            sheet_name=f"By {GROUPING_NOUNS[data.grouping]}",
            columns=[
                Column(noun, weight=1.4),
                Column("From", DATE, in_pdf=False),
                Column("To", DATE, in_pdf=False),
                *columns,
            ],
            rows=rows,
            totals=(
                "Total", None, None, None, data.net_cents, data.tax_cents, data.gross_cents,
                None, None,
            ),
            row_count=len(rows),
        )
    )  # fmt: skip
    return doc
