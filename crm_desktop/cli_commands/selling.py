"""``invoice`` and ``quote``: one invoice, credit note, order or quote as a PDF file."""

from __future__ import annotations

import argparse
from typing import Any

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _


def register(subparsers: Any) -> None:
    invoice = subparsers.add_parser(
        "invoice",
        help="write an invoice (or credit note, or an order's invoice) as a PDF",
        description=(
            "Write the invoice or credit note with this number as a PDF file. An order number "
            "prints that order's invoice once it is issued, else the order as a pro forma "
            "invoice."
        ),
    )
    invoice.add_argument(
        "number", metavar="NUMBER", help="an invoice number (INV-2026-0001) or an order number"
    )
    invoice.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write"
    )
    invoice.set_defaults(handler=run_invoice)

    quote = subparsers.add_parser(
        "quote",
        help="write a quote as a PDF",
        description="Write the quote with this number as a PDF file.",
    )
    quote.add_argument("number", metavar="NUMBER", help="the quote's number, e.g. QU-2026-0007")
    quote.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    quote.set_defaults(handler=run_quote)


def _target(args: argparse.Namespace, what: str):
    from pathlib import Path

    from crm_desktop.reports.output import check_target

    target = check_target(Path(args.output))
    if target.suffix.lower() != ".pdf":
        raise CrmError(
            _("{what} is a PDF: name the file {name}.").format(
                what=what, name=target.with_suffix(".pdf").name
            )
        )
    return target


def run_invoice(args: argparse.Namespace) -> int:
    from crm_desktop.reports.generate import generate_invoice
    from crm_desktop.services.session import open_session

    target = _target(args, "an invoice")
    open_session(args.db, create=False)
    written = generate_invoice(target, number=args.number)
    print(_("Wrote {written}.").format(written=written))
    return 0


def run_quote(args: argparse.Namespace) -> int:
    from crm_desktop.reports.generate import generate_quote
    from crm_desktop.services.session import open_session

    target = _target(args, "a quote")
    open_session(args.db, create=False)
    written = generate_quote(target, number=args.number)
    print(_("Wrote {written}.").format(written=written))
    return 0
