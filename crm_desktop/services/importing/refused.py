"""Saving the refused rows of an import as a file the user can fix and import again.

* From a table (CSV, xlsx): a CSV with the columns of the original file and
  one more, "Import problem", first: the line the row came from and why it
  was refused. The import ignores that column, so the fixed file goes back
  in as it is. Written like our exports (UTF-8 with BOM, protected from
  spreadsheets' formulas).
* From vCards: a ``.vcf`` file with each refused card whole, as it was in
  the file (same encoding), with an ``X-CRM-IMPORT-PROBLEM`` line saying
  why. The import skips that property.

Written atomically: a failure leaves no half-written file.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from crm_desktop.safe_files import replacing
from crm_desktop.services.cells import csv_cell
from crm_desktop.services.importing.runner import ImportResult
from crm_desktop.services.importing.vcard import escape

PROBLEM_HEADER = "Import problem"


def _suffix(result: ImportResult | None) -> str:
    return ".vcf" if result is not None and result.format == "vCard" else ".csv"


def refused_path_for(source: str | Path, result: ImportResult | None = None) -> Path:
    """A free file name beside ``source``: ``contacts-refused.csv``, ``contacts-refused-2.csv``…"""
    source = Path(source)
    suffix = _suffix(result)
    candidate = source.with_name(f"{source.stem}-refused{suffix}")
    number = 2
    while candidate.exists():
        candidate = source.with_name(f"{source.stem}-refused-{number}{suffix}")
        number += 1
    return candidate


def _write_csv(result: ImportResult, handle: IO[str]) -> None:
    width = len(result.headers)
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([PROBLEM_HEADER, *(csv_cell(h) for h in result.headers)])
    for row in result.refused_rows:
        cells = list(row.cells) + [""] * (width - len(row.cells))
        writer.writerow([csv_cell(f"line {row.line}: {row.reason}"), *(csv_cell(c) for c in cells)])


def _card(text: str, problem: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    note = f"X-CRM-IMPORT-PROBLEM:{escape(problem)}"
    if not any(line.strip().upper() == "END:VCARD" for line in lines):
        lines.append("END:VCARD")
    return "\r\n".join([lines[0], note, *lines[1:]]) + "\r\n"


def save_refused(result: ImportResult, path: str | Path, *, encoding: str | None = None) -> Path:
    """Write the refused rows of ``result`` to ``path``; returns the path.

    ``encoding``: a vCard file's own (its cards are written back as they were).
    """
    path = Path(path)
    vcards = result.format == "vCard"
    encoding = encoding or result.encoding
    # All or nothing, flushed; the refused rows are the user's file: they follow the umask.
    with (
        replacing(path, private=False) as temp,
        open(
            temp,
            "w",
            encoding=(encoding or "utf-8") if vcards else "utf-8-sig",
            errors="xmlcharrefreplace" if vcards else "strict",
            newline="",
        ) as handle,
    ):
        if vcards:
            for row in result.refused_rows:
                text = row.raw or "BEGIN:VCARD\r\n" + "\r\n".join(row.cells)
                handle.write(_card(text, f"line {row.line}: {row.reason}"))
        else:
            _write_csv(result, handle)
    return path
