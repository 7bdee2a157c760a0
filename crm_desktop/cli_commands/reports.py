"""``report``: sales, pipeline, tasks, receivables and tax reports as PDF, xlsx or CSV files.

(``invoice`` and ``quote`` are in :mod:`crm_desktop.cli_commands.selling`.)
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _

REPORT_CHOICES = ("sales", "customers", "products", "pipeline", "tasks", "receivables", "tax")
GROUPING_CHOICES = ("day", "week", "month", "quarter")


def register(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report",
        help="write a sales, customer, product, pipeline, tasks, receivables or tax report "
        "(PDF, xlsx, CSV)",
        description=(
            "Write a report for a period, both dates included. The format comes from the "
            "output file's extension: .pdf, .xlsx or .csv. Without --from and --to the period "
            "is this year so far (January 1st to today); with only --from it ends today; with "
            "only --to it starts on January 1st of that year."
        ),
        epilog=(
            "reports: sales = sales by period (revenue, orders, average order, change, chart); "
            "customers = sales by customer (share, cumulative share, ABC class); "
            "products = sales by product; pipeline = deals by stage, open deals by expected "
            "close month, won and lost in the period; tasks = tasks done, open and overdue, "
            "interactions by kind; receivables = who owes what on the --to day (default "
            "today), by days past due (0-30, 31-60, 61-90, 90+); tax = net, tax and gross by "
            "tax rate of the invoices and credit notes issued in the period."
        ),
    )
    report.add_argument("report", choices=REPORT_CHOICES, metavar="REPORT",
                        help=", ".join(REPORT_CHOICES))  # fmt: skip
    report.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                        help="first day of the period, YYYY-MM-DD")  # fmt: skip
    report.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                        help="last day of the period, YYYY-MM-DD")  # fmt: skip
    report.add_argument("--by", choices=GROUPING_CHOICES, default="month",
                        help="grouping of sales, pipeline, tasks, tax (default month)")  # fmt: skip
    report.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the file to write: .pdf, .xlsx or .csv")  # fmt: skip
    report.set_defaults(handler=run_report)


def _date(text: str) -> date:
    from crm_desktop.services.reporting import PeriodError, parse_date

    try:
        return parse_date(text)
    except PeriodError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-01-31").format(text=text)
        ) from None


def _period(args: argparse.Namespace):
    from crm_desktop.services.clock import today
    from crm_desktop.services.reporting import Period

    end = args.date_to or (today() if args.date_from is None or args.date_from <= today() else None)
    if end is None:
        raise CrmError(
            _("--from {date_from} is in the future: give --to as well.").format(
                date_from=args.date_from.isoformat()
            )
        )
    start = args.date_from or date(end.year, 1, 1)
    if start > end:
        raise CrmError(
            _("--from {start} is after --to {end}: the period must start before it ends.").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    return Period(start, end)


def run_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crm_desktop.reports.generate import format_of, generate_report
    from crm_desktop.reports.output import check_target
    from crm_desktop.services.session import open_session

    target = check_target(Path(args.output))  # before any work: a bad path fails at once
    format_of(target)
    period = _period(args)
    open_session(args.db, create=False)
    written = generate_report(args.report, target, period=period, grouping=args.by)
    print(_("Wrote {written} ({period}).").format(written=written, period=period.label()))
    return 0
