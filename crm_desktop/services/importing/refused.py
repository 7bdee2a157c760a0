"""Saving the refused rows of an import as a CSV the user can fix and import again.

The file has the columns of the original file and one more, "Import
problem", first: the line the row came from and why it was refused. The
import ignores that column, so the fixed file goes back in as it is. It is
written like our exports (UTF-8 with BOM, protected from spreadsheets'
formulas) and atomically: a failure leaves no half-written file.
"""

from __future__ import annotations

import csv
from pathlib import Path

from crm_desktop.reports.cells import csv_cell
from crm_desktop.safe_files import replacing
from crm_desktop.services.importing.runner import ImportResult

PROBLEM_HEADER = "Import problem"


def refused_path_for(source: str | Path) -> Path:
    """A free file name beside ``source``: ``contacts-refused.csv``, ``contacts-refused-2.csv``…"""
    source = Path(source)
    candidate = source.with_name(f"{source.stem}-refused.csv")
    number = 2
    while candidate.exists():
        candidate = source.with_name(f"{source.stem}-refused-{number}.csv")
        number += 1
    return candidate


def save_refused(result: ImportResult, path: str | Path) -> Path:
    """Write the refused rows of ``result`` to ``path``; returns the path."""
    path = Path(path)
    width = len(result.headers)
    # All or nothing, flushed, with the permissions the user's umask gives (safe_files).
    with (
        replacing(path, private=False) as temp,
        open(temp, "w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([PROBLEM_HEADER, *(csv_cell(h) for h in result.headers)])
        for row in result.refused_rows:
            cells = list(row.cells) + [""] * (width - len(row.cells))
            writer.writerow(
                [csv_cell(f"line {row.line}: {row.reason}"), *(csv_cell(c) for c in cells)]
            )
    return path
