"""Report data: the figures of every report, computed by SQLite, as plain dataclasses.

No formatting happens here (that is :mod:`crm_desktop.reports`): money is
integer minor units, shares and changes are Decimal fractions, dates are
dates. Each report takes a :class:`Period` (both days included) and, where
it groups, one of :data:`GROUPINGS`.
"""

from crm_desktop.services.reporting.activity import ActivityReport, activity_report
from crm_desktop.services.reporting.context import ReportContext, report_context
from crm_desktop.services.reporting.customer_list import CustomerList, CustomerRow, customer_list
from crm_desktop.services.reporting.invoice import (
    Invoice,
    document_for_number,
    document_for_order,
    invoice_data,
    invoice_for_number,
    issued_data,
    quote_data,
    quote_for_number,
)
from crm_desktop.services.reporting.periods import (
    GROUPINGS,
    PRESET_LABELS,
    PRESETS,
    Bucket,
    Period,
    PeriodError,
    buckets,
    parse_date,
    preset,
    suggested_grouping,
)
from crm_desktop.services.reporting.pipeline import PipelineReport, pipeline_report
from crm_desktop.services.reporting.sales import (
    SalesByCustomer,
    SalesByPeriod,
    SalesByProduct,
    sales_by_customer,
    sales_by_period,
    sales_by_product,
)

__all__ = [
    "GROUPINGS",
    "PRESETS",
    "PRESET_LABELS",
    "ActivityReport",
    "Bucket",
    "CustomerList",
    "CustomerRow",
    "Invoice",
    "Period",
    "PeriodError",
    "PipelineReport",
    "ReportContext",
    "SalesByCustomer",
    "SalesByPeriod",
    "SalesByProduct",
    "activity_report",
    "buckets",
    "customer_list",
    "document_for_number",
    "document_for_order",
    "invoice_data",
    "invoice_for_number",
    "issued_data",
    "parse_date",
    "pipeline_report",
    "preset",
    "quote_data",
    "quote_for_number",
    "report_context",
    "sales_by_customer",
    "sales_by_period",
    "sales_by_product",
    "suggested_grouping",
]
