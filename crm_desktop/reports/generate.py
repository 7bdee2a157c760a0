"""Making a report file: pick the data, lay it out, render it in the format of the file name.

This is what the command line and the Reports screen call. The format comes
from the extension (``.pdf``, ``.xlsx``, ``.csv``); the file appears whole
or not at all (:func:`crm_desktop.reports.output.atomic_file`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.i18n import N_
from crm_desktop.reports import csv_file, layouts, pdf, xlsx
from crm_desktop.reports.model import Document
from crm_desktop.reports.output import atomic_file, check_target
from crm_desktop.services import reporting
from crm_desktop.services.clock import today
from crm_desktop.services.interruptible import interruptible
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.progress import Cancelled, Progress, stop_if_cancelled
from crm_desktop.services.reporting import Period

FORMATS = (".pdf", ".xlsx", ".csv")


@dataclass(frozen=True)
class ReportKind:
    """A report the user can ask for: its key, its name, whether it uses a period and grouping."""

    key: str
    label: str
    uses_period: bool = True
    uses_grouping: bool = False


REPORTS: dict[str, ReportKind] = {
    kind.key: kind
    for kind in (
        ReportKind("sales", N_("Sales by period"), uses_grouping=True),
        ReportKind("customers", N_("Sales by customer")),
        ReportKind("products", N_("Sales by product")),
        ReportKind("pipeline", N_("Pipeline and forecast"), uses_grouping=True),
        ReportKind("tasks", N_("Tasks and activity"), uses_grouping=True),
        ReportKind("customer_list", N_("Customer list (current view)"), uses_period=False),
        # Selling: what is owed on the period's last day, and tax by rate for the period.
        ReportKind("receivables", N_("Receivables (ageing)")),
        ReportKind("tax", N_("Tax by rate"), uses_grouping=True),
    )
}


def format_of(path: Path) -> str:
    """``.pdf``, ``.xlsx`` or ``.csv`` from the file name; a CrmError for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"“{suffix}”" if suffix else "no extension"
        raise CrmError(
            f"Cannot tell the format of {Path(path).name} ({shown}): "
            "end the file name with .pdf, .xlsx or .csv."
        )
    return suffix


def default_period(on: date | None = None) -> Period:
    """This year so far: January 1st to today."""
    day = on or today()
    return Period(date(day.year, 1, 1), day)


def build_document(
    report: str,
    *,
    period: Period | None = None,
    grouping: str = "month",
    query: ListQuery | None = None,
    cancelled: Cancelled | None = None,
) -> Document:
    """The laid-out report (figures computed now; long tables' rows read while written)."""
    if report not in REPORTS:
        raise CrmError(f"Unknown report {report!r}: use one of {', '.join(REPORTS)}.")
    if grouping not in reporting.GROUPINGS:
        raise CrmError(
            f"Unknown grouping {grouping!r}: use one of {', '.join(reporting.GROUPINGS)}."
        )
    period = period or default_period()
    context = reporting.report_context()
    if report == "sales":
        return layouts.sales_by_period_document(
            reporting.sales_by_period(period, grouping), context
        )
    if report == "customers":
        return layouts.sales_by_customer_document(reporting.sales_by_customer(period), context)
    if report == "products":
        return layouts.sales_by_product_document(reporting.sales_by_product(period), context)
    if report == "pipeline":
        return layouts.pipeline_document(reporting.pipeline_report(period, grouping), context)
    if report == "tasks":
        return layouts.activity_document(reporting.activity_report(period, grouping), context)
    if report in ("receivables", "tax"):
        return _selling_document(report, period, grouping, context)
    # The rows stream into the renderer, which says how far it has written: the reading,
    # a batch ahead, reports nothing of its own (the bar would jump back and forth).
    return layouts.customer_list_document(
        reporting.customer_list(query), context, cancelled=cancelled
    )


def _selling_document(report: str, period: Period, grouping: str, context) -> Document:
    from crm_desktop.reports import selling_layouts
    from crm_desktop.services.reporting.receivables import receivables
    from crm_desktop.services.reporting.tax_report import tax_report

    if report == "receivables":
        return selling_layouts.receivables_document(receivables(period.end), context)
    return selling_layouts.tax_document(tax_report(period, grouping), context)


def render(
    doc: Document,
    target: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Write ``doc`` to ``target`` in the format of its extension, atomically."""
    target = check_target(Path(target))
    suffix = format_of(target)
    renderer = {
        ".pdf": pdf.render_document,
        ".xlsx": xlsx.render_document,
        ".csv": csv_file.render_document,
    }[suffix]
    return _write(target, lambda temp: renderer(doc, temp, progress=progress, cancelled=cancelled))


def _write(target: Path, write: Callable[[Path], None]) -> Path:
    """Run ``write`` on a temporary file that becomes ``target`` when it ends well."""
    try:
        with atomic_file(target) as temp:
            write(temp)
    except (CrmError, CancelledError):
        raise
    except OSError as exc:  # a full disk, a vanished folder: the environment, not our bug
        raise CrmError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return target


def generate_report(
    report: str,
    target: Path,
    *,
    period: Period | None = None,
    grouping: str = "month",
    query: ListQuery | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Compute one report and write it to ``target`` (.pdf, .xlsx or .csv); returns the path."""
    target = check_target(Path(target))
    format_of(target)
    # The figures are summed first (tens of seconds at a million customers; the window's bar
    # shows "busy" meanwhile): Cancel interrupts the statement, it does not wait for it.
    with interruptible(cancelled):
        doc = build_document(
            report,
            period=period,
            grouping=grouping,
            query=query,
            cancelled=cancelled,
        )
    stop_if_cancelled(cancelled)
    return render(doc, target, progress=progress, cancelled=cancelled)


def _pdf_target(target: Path, what: str) -> Path:
    target = check_target(Path(target))
    if format_of(target) != ".pdf":
        raise CrmError(f"{what} is a PDF: name the file {target.with_suffix('.pdf').name}.")
    return target


def write_document_pdf(
    target: Path, data: reporting.Invoice, *, cancelled: Cancelled | None = None
) -> Path:
    """Write a printable document (invoice, credit note, quote, pro forma) as a PDF."""
    from crm_desktop.reports import invoice_pdf

    return _write(target, lambda temp: invoice_pdf.render_invoice(data, temp, cancelled=cancelled))


def generate_invoice(
    target: Path,
    *,
    order_id: int | None = None,
    number: str | None = None,
    invoice_id: int | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """An invoice PDF: of an issued invoice (id), of an order (its invoice if issued, else a
    pro forma), or by number (an invoice or credit note number, else an order number)."""
    target = _pdf_target(target, "An invoice")
    if invoice_id is not None:
        data = reporting.issued_data(invoice_id)
    elif order_id is not None:
        data = reporting.document_for_order(order_id)
    else:
        data = reporting.document_for_number(number or "")
    return write_document_pdf(target, data, cancelled=cancelled)


def generate_quote(
    target: Path,
    *,
    quote_id: int | None = None,
    number: str | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """The PDF of a quote, by id or by number."""
    target = _pdf_target(target, "A quote")
    data = (
        reporting.quote_data(quote_id)
        if quote_id is not None
        else reporting.quote_for_number(number or "")
    )
    return write_document_pdf(target, data, cancelled=cancelled)
