"""Reading the first sheet of an xlsx workbook (openpyxl, read-only, values only).

Cells become the text a person would have typed: whole numbers without
``.0``, other numbers in their shortest exact form, dates as ``YYYY-MM-DD``,
date-times as ``YYYY-MM-DD HH:MM:SS``, booleans as yes/no. Text split over
several cells by our exports (longer than an xlsx cell holds) is glued back
by the table layer.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.services.importing.table import SourceRow


def cell_text(value: object) -> str:
    """One cell's value as text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def read_sheet(path: Path) -> tuple[str, list[SourceRow]]:
    """The name of the first sheet with data and its non-empty rows as text."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
            raise
        raise CrmError(
            _(
                "{name} is not an Excel workbook that can be read (.xlsx): {exc}. Save it again "
                "from Excel as .xlsx, or as CSV."
            ).format(name=path.name, exc=exc)
        ) from None
    try:
        for sheet in workbook.worksheets:
            rows: list[SourceRow] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [cell_text(v) for v in values]
                while cells and cells[-1] == "":
                    cells.pop()
                if any(cell.strip() for cell in cells):
                    rows.append(SourceRow(number, cells))
            if rows:
                return sheet.title, rows
        return (workbook.worksheets[0].title if workbook.worksheets else ""), []
    finally:
        workbook.close()
