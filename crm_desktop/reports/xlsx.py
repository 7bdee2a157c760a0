"""Reports as xlsx (openpyxl, write-only): a summary sheet and one sheet per table.

Cells are typed as an accountant expects: money is a number with the
currency's number format, dates and times are real Excel dates, shares are
numbers formatted as percentages. Every sheet has a bold, frozen header row
with an autofilter and columns wide enough to read. Rows stream into the
file (openpyxl's write-only mode), so 100,000 customers never sit in memory.

User text is never a formula: text that starts like one (``=``, ``+``,
``-``, ``@``, tab, CR) or reads like an Excel error (``#N/A``) is written as
a typed string with Excel's "quote prefix", so it shows as typed and never
runs; control characters XML cannot hold are dropped; a text longer than a
cell holds is cut at the cell with a note, and written whole, in parts, on
a "Long texts" sheet — never cut silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from crm_desktop.i18n import _
from crm_desktop.reports.formatting import local_datetime
from crm_desktop.reports.model import (
    CHANGE,
    DATE,
    DATETIME,
    INT,
    MONEY,
    PERCENT,
    QUANTITY,
    Document,
    Table,
)
from crm_desktop.services import locale_format
from crm_desktop.services.cells import (
    XLSX_CELL_LIMIT,
    discard_workbook,
    looks_like_formula,
    xlsx_chunks,
    xml_safe,
)
from crm_desktop.services.money import currency_exponent, format_amount, format_money
from crm_desktop.services.progress import Cancelled, Progress, check_in, stop_if_cancelled
from crm_desktop.services.reporting.context import ReportContext

LONG_TEXT_SHEET = "Long texts"
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E4E9F0")
_SAMPLE_ROWS = 300  # rows looked at to size the columns before streaming the rest
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_MICRO = Decimal("0.000001")
# Text that needs a closer look: it starts like a formula ("=+-@", tab, CR) or an error
# ("#N/A"), or holds a control character that XML cannot (NUL, BEL…). One search per cell.
_UNUSUAL = re.compile(r"\A[=+\-@\t\r#]|[\000-\010\013\014\016-\037]")


def money_format(currency: str, locale: str | None = None) -> str:
    """An Excel number format that shows the currency, e.g. ``"$"#,##0.00``, ``#,##0.00" ₽"``.

    With a locale, the symbol goes where that locale puts it (CLDR, through Babel).
    """
    exponent = currency_exponent(currency)
    if locale:
        return locale_format.excel_money_format(currency, locale, exponent)
    number = "#,##0" + ("." + "0" * exponent if exponent else "")
    zero = format_amount(0, exponent=exponent, locale="en_US")
    shown = format_money(0, currency, "en_US")  # "$0.00" or "0.00 CHF"
    symbol = shown.replace(zero, "", 1).replace("\u00a0", "").replace('"', "").strip()
    if shown.startswith(zero):
        return f'{number}" {symbol}";-{number}" {symbol}"'
    return f'"{symbol}"{number};-"{symbol}"{number}'


NUMBER_FORMATS = {
    INT: "#,##0",
    PERCENT: "0.0%",
    CHANGE: "+0.0%;-0.0%;0.0%",
    DATE: "yyyy-mm-dd",
    DATETIME: "yyyy-mm-dd hh:mm",
    QUANTITY: "#,##0.###",
}
_TYPED_KINDS = frozenset(NUMBER_FORMATS) | {MONEY}  # a text among these is a label ("Total")


class SheetWriter:
    """Writes typed rows to one write-only sheet, reusing one styled cell per column."""

    def __init__(self, book: XlsxBook, sheet: WriteOnlyWorksheet, kinds: Sequence[str]):
        self.book = book
        self.sheet = sheet
        self.kinds = list(kinds)
        self.row_number = 0
        # openpyxl writes a cell when the row is appended, so one styled cell per numeric
        # column can be reused for every row (a new WriteOnlyCell per value costs ~2× more).
        self.templates: list[Cell | None] = []
        for kind in self.kinds:
            number_format = self._number_format(kind)
            self.templates.append(None if number_format is None else self._styled(number_format))
        scale = Decimal(1).scaleb(-book.context.currency_exponent)
        money = lambda cents: Decimal(int(cents)) * scale  # noqa: E731
        fraction = lambda value: Decimal(value).quantize(_MICRO)  # noqa: E731
        self.by_kind = {MONEY: money, DATETIME: local_datetime, PERCENT: fraction, CHANGE: fraction}
        self.converters = [self.by_kind.get(kind) for kind in self.kinds]
        self.quoted: dict[int, Cell] = {}

    def _number_format(self, kind: str) -> str | None:
        """The Excel number format of a kind; None for text."""
        return self.book.money_format if kind == MONEY else self.book.formats.get(kind)

    def _styled(self, number_format: str) -> Cell:
        cell = WriteOnlyCell(self.sheet)
        cell.number_format = number_format
        return cell

    def header(self, titles: Sequence[str]) -> None:
        cells = []
        for title in titles:
            cell = WriteOnlyCell(self.sheet, value=title)
            cell.font = _BOLD
            cell.fill = _HEADER_FILL
            cells.append(cell)
        self.sheet.append(cells)
        self.row_number += 1

    def data_row(self, values: Sequence[Any]) -> None:
        """Append one row of the table (the fast path of :meth:`row`, for 100,000 rows)."""
        self.row_number += 1
        out: list[Any] = []
        append = out.append
        templates = self.templates
        for column, value in enumerate(values):
            template = templates[column]
            if value is None or value == "":
                append(None)
            elif template is None:
                # Plain text goes as it is; anything unusual takes the careful way.
                if (
                    value.__class__ is str
                    and len(value) <= XLSX_CELL_LIMIT
                    and _UNUSUAL.search(value) is None
                ):
                    append(value)
                else:
                    append(self.text(str(value), column))
            elif value.__class__ is str:
                append(self.text(value, column))  # a label ("Total") among numbers
            else:
                converter = self.converters[column]
                template.value = converter(value) if converter is not None else value
                append(template)
        self.sheet.append(out)

    def row(
        self, values: Sequence[Any], *, bold: bool = False, kinds: Sequence[str] | None = None
    ) -> None:
        """Append one row of typed values (``kinds`` overrides the sheet's for this row)."""
        if not bold and kinds is None:
            self.data_row(values)
            return
        # Bold or with other kinds: fresh cells, so the row's style stays its own.
        self.row_number += 1
        out: list[Any] = []
        row_kinds = self.kinds if kinds is None else kinds
        for column, (value, kind) in enumerate(zip(values, row_kinds, strict=True)):
            if value is None or value == "":
                out.append(None)
                continue
            if isinstance(value, str) and kind in _TYPED_KINDS:
                out.append(self.text(value, column, fresh=True))  # a label among numbers
                continue
            number_format = self._number_format(kind)
            if number_format is None:  # text
                out.append(self.text(str(value), column, fresh=True))
                continue
            converter = self.by_kind.get(kind)
            cell = self._styled(number_format)
            cell.value = converter(value) if converter is not None else value
            out.append(cell)
        if bold:
            out = [self._bold(v) for v in out]
        self.sheet.append(out)

    def blank(self) -> None:
        self.sheet.append([])
        self.row_number += 1

    def _bold(self, value: Any) -> Any:
        if isinstance(value, Cell) or value is None:
            if isinstance(value, Cell):
                value.font = _BOLD
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.font = _BOLD
        return cell

    def text(self, text: str, column: int, *, fresh: bool = False) -> Any:
        """A text cell that no spreadsheet runs, holds or cuts wrongly."""
        if len(text) > XLSX_CELL_LIMIT:
            text = self.book.long_text(self.sheet.title, self.row_number, column, text)
        else:
            text = xml_safe(text)
        if looks_like_formula(text) or text in ERROR_CODES:
            # One quoted cell per column serves every row (a phone column is all "+…").
            cell = None if fresh else self.quoted.get(column)
            if cell is None:
                cell = WriteOnlyCell(self.sheet)
                cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
                if not fresh:
                    self.quoted[column] = cell
            cell.value = text
            cell.data_type = "s"  # never "f": stored as the text it is
            return cell
        return text


class XlsxBook:
    """A write-only workbook with our sheets, styles and the long-text overflow sheet."""

    def __init__(self, context: ReportContext):
        self.context = context
        self.book = Workbook(write_only=True)
        self.money_format = money_format(context.currency, context.locale)
        self.formats = {  # dates as the locale writes them; still real dates in the cell
            **NUMBER_FORMATS,
            DATE: locale_format.excel_date_format(context.locale),
            DATETIME: locale_format.excel_datetime_format(context.locale),
        }
        self._long: WriteOnlyWorksheet | None = None
        self._long_writer: SheetWriter | None = None
        self._names: set[str] = set()

    def sheet(self, name: str) -> WriteOnlyWorksheet:
        title = xml_safe(name).translate(_SHEET_FORBIDDEN).strip("' ")[:31] or "Sheet"
        base, number = title, 2
        while title.lower() in self._names:
            suffix = f" ({number})"
            title = base[: 31 - len(suffix)] + suffix
            number += 1
        self._names.add(title.lower())
        return self.book.create_sheet(title)

    def long_text(self, sheet: str, row: int, column: int, text: str) -> str:
        """Keep a too-long text whole on the Long texts sheet; the cell gets its start + a note."""
        if self._long is None:
            self._long = self.sheet(LONG_TEXT_SHEET)
            self._long.column_dimensions["A"].width = 18
            self._long_writer = SheetWriter(self, self._long, [])
            self._long.append(
                [
                    WriteOnlyCell(self._long, value=title)
                    for title in ("Sheet", "Cell", "Parts", "Text (part 1)", "Text (part 2…)")
                ]
            )
        cell_name = f"{get_column_letter(column + 1)}{row}"
        parts = xlsx_chunks(text)
        writer = self._long_writer
        assert writer is not None
        cells = [writer.text(part, 3 + index) for index, part in enumerate(parts)]
        self._long.append([sheet, cell_name, len(parts), *cells])
        note = f" […cut: the whole text ({len(text):,} characters) is on sheet “{LONG_TEXT_SHEET}”]"
        return xml_safe(text)[: XLSX_CELL_LIMIT - len(note)] + note

    def save(self, target: Path) -> None:
        self.book.save(str(target))

    def discard(self) -> None:
        """After a failure or a cancel: close the sheets' streams, remove their temporary files."""
        discard_workbook(self.book)


def _width_of(value: Any, kind: str, money_width: int) -> int:
    if value is None:
        return 0
    if kind == MONEY:
        return money_width + len(str(abs(int(value))))
    if kind == DATE:
        return 10
    if kind == DATETIME:
        return 16
    if kind in (PERCENT, CHANGE):
        return 7
    text = str(value)
    if "\n" in text:
        text = max(text.split("\n"), key=len)
    # East Asian characters are about twice as wide as Latin ones.
    wide = sum(1 for ch in text[:80] if ord(ch) >= 0x2E80)
    return min(len(text), 80) + wide


def write_table(
    book: XlsxBook,
    table: Table,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[str, int]:
    """One table on its own sheet; returns the sheet's name and its number of data rows."""
    table = table.sheet_view()
    sheet = book.sheet(table.sheet_name or table.title)
    kinds = [column.kind for column in table.columns]
    rows_iter = iter(table.rows)
    sample = list(islice(rows_iter, _SAMPLE_ROWS))
    money_width = len(book.money_format.split(";")[0]) // 2
    for index, column in enumerate(table.columns):
        widest = max(
            [len(column.title) + 2]
            + [_width_of(row[index], column.kind, money_width) + 2 for row in sample]
        )
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = max(_MIN_WIDTH, min(_MAX_WIDTH, widest))
    sheet.freeze_panes = "A2"
    writer = SheetWriter(book, sheet, kinds)
    writer.header([column.title for column in table.columns])
    total = table.row_count
    count = 0
    for row in _chain(sample, rows_iter):
        writer.data_row(row)
        count += 1
        if count % 1000 == 0:
            check_in(count, total, progress, cancelled)
    last_column = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"
    totals = table.totals_row()
    if totals is not None and count:
        writer.row(totals, bold=True)
    return sheet.title, count


def _chain(first: list, rest: Iterable) -> Iterable:
    yield from first
    yield from rest


def render_document(
    doc: Document,
    target: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Write ``doc`` as an xlsx workbook to ``target`` (the caller makes it atomic)."""
    book = XlsxBook(doc.context)
    try:
        _write_document(book, doc, target, progress=progress, cancelled=cancelled)
    except BaseException:
        book.discard()
        raise


def _write_document(
    book: XlsxBook,
    doc: Document,
    target: Path,
    *,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    summary = book.sheet(_("Summary"))
    summary.column_dimensions["A"].width = 46
    summary.column_dimensions["B"].width = 30
    writer = SheetWriter(book, summary, ["text", "text"])
    title = WriteOnlyCell(summary, value=doc.title)
    title.font = Font(bold=True, size=14)
    summary.append([title])
    writer.row_number = 1
    company = doc.context.company_name.strip()
    if company:
        writer.row((_("Company"), company))
    writer.row((_("Report"), doc.subtitle))
    writer.row((_("Generated"), doc.context.generated_at), kinds=["text", DATETIME])
    writer.row((_("Currency"), doc.context.currency))
    writer.blank()
    for figure in doc.summary:
        writer.row((figure.label, figure.value), kinds=["text", figure.kind])
    if doc.empty_message:
        writer.blank()
        writer.row((doc.empty_message, None), bold=True)
    sheets = []
    for table in doc.tables:
        sheets.append(write_table(book, table, progress=progress, cancelled=cancelled))
    if sheets:
        writer.blank()
        for name, count in sheets:
            writer.row((f"Sheet “{name}”", count), kinds=["text", INT])
    if doc.notes:
        writer.blank()
        for note in doc.notes:
            writer.row((note, None))
    stop_if_cancelled(cancelled)
    book.save(target)
