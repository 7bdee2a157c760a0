"""Reports as CSV: UTF-8 with a BOM (so Excel reads Cyrillic and Chinese right), one table.

A report with one table is that table. A report with several writes them
one after another, each under a line with its title and separated by an
empty line. Numbers are written for machines (``1234.50``, ISO dates) and
text that a spreadsheet could run as a formula gets a leading apostrophe
(:func:`crm_desktop.services.cells.csv_text`).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crm_desktop.reports.formatting import csv_value
from crm_desktop.reports.model import (
    CHANGE,
    DATE,
    DATETIME,
    MONEY,
    NUMERIC_KINDS,
    PERCENT,
    Document,
    Table,
)
from crm_desktop.services.cells import csv_text, xml_safe
from crm_desktop.services.progress import Cancelled, Progress, check_in
from crm_desktop.services.reporting.context import ReportContext

_TYPED = NUMERIC_KINDS | {DATE, DATETIME}


def _header(table: Table, currency: str) -> list[str]:
    titles = []
    for column in table.columns:
        if column.kind == MONEY:
            titles.append(f"{column.title} ({currency})")
        elif column.kind in (PERCENT, CHANGE):
            titles.append(f"{column.title} (%)")
        else:
            titles.append(column.title)
    return titles


def _cells(values: Sequence[Any], kinds: Sequence[str], context: ReportContext) -> list[str]:
    """One row as CSV text: typed values for machines, text protected from running."""
    return [
        csv_text(xml_safe(str(value)))
        if kind not in _TYPED and value is not None
        else csv_value(value, kind, context)
        for value, kind in zip(values, kinds, strict=True)
    ]


def render_document(
    doc: Document,
    target: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Write ``doc``'s tables as CSV to ``target`` (the caller makes it atomic)."""
    context = doc.context
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        several = len(doc.tables) > 1
        if not doc.tables:
            writer.writerow([csv_text(doc.title)])
            writer.writerow([csv_text(doc.subtitle)])
            if doc.empty_message:
                writer.writerow([csv_text(doc.empty_message)])
            return
        for number, full_table in enumerate(doc.tables):
            table = full_table.sheet_view()
            if several:
                if number:
                    writer.writerow([])
                writer.writerow([csv_text(table.title)])
            writer.writerow(_header(table, context.currency))
            kinds = [column.kind for column in table.columns]
            count = 0
            for row in table.rows:
                writer.writerow(_cells(row, kinds, context))
                count += 1
                if count % 2000 == 0:
                    check_in(count, table.row_count, progress, cancelled)
            totals = table.totals_row()
            if totals is not None and count:
                writer.writerow(_cells(totals, kinds, context))
