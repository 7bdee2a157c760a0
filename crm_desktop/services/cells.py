"""Text cells that no spreadsheet will run: the never-list's formula rule, in one place.

It lives in the services layer so that both the exports and imports (services) and
the reports (which call services) use the same rule.

A text cell from user data that starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return could be taken for a formula by Excel, LibreOffice or Google
Sheets. In CSV such text gets a leading apostrophe (OWASP's advice; our
import takes it off again). In xlsx it is written as a typed string with
the "quote prefix" style, so it shows as typed and never runs. Characters
that XML 1.0 cannot hold (NUL, BEL…) are dropped, and a text longer than a
cell holds (32,767 characters) is split, never cut silently.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_LIMIT = 32_767
# Control characters XML 1.0 forbids (openpyxl's ILLEGAL_CHARACTERS_RE).
_ILLEGAL_XML = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def looks_like_formula(text: str) -> bool:
    return bool(text) and text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """A text value safe to put in a CSV cell."""
    return "'" + text if looks_like_formula(text) else text


def from_csv_text(text: str) -> str:
    """The value :func:`csv_text` protected, as it was (for imports of our own exports)."""
    if text.startswith("'") and looks_like_formula(text[1:]):
        return text[1:]
    return text


def xml_safe(text: str) -> str:
    """Text without the control characters an xlsx file cannot hold."""
    return _ILLEGAL_XML.sub("", text)


def xlsx_chunks(text: str) -> list[str]:
    """Text split into pieces that each fit one xlsx cell (one piece when it fits)."""
    text = xml_safe(text)
    if len(text) <= XLSX_CELL_LIMIT:
        return [text]
    return [text[i : i + XLSX_CELL_LIMIT] for i in range(0, len(text), XLSX_CELL_LIMIT)]


def csv_cell(text: str) -> str:
    """Like :func:`csv_text`, but reversible for every text (exports that are imported back).

    Text that already starts with apostrophes before a formula character gets
    one more, so :func:`from_csv_cell` can always take exactly one away.
    """
    return "'" + text if looks_like_formula(text.lstrip("'")) else text


def from_csv_cell(text: str) -> str:
    """The value :func:`csv_cell` (or :func:`csv_text`) protected, as it was."""
    if text.startswith("'") and looks_like_formula(text.lstrip("'")):
        return text[1:]
    return text


def discard_workbook(book: Any) -> None:
    """Close the streams of an openpyxl write-only workbook's sheets and remove their
    temporary files (after a cancel or a failure)."""
    for sheet in book.worksheets:
        rows = getattr(sheet, "_rows", None)
        writer = getattr(sheet, "_writer", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.cleanup()
