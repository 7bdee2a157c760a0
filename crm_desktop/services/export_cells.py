"""Stored values → CSV text and typed xlsx cells, by a plan made once per export.

A million customers are 22 million cells: deciding per cell what its column's kind
needs cost more than writing it. So each export decides per column once, and a row
is then turned into cells in one pass:

* CSV — text is passed through unless it starts with a character a spreadsheet
  could take for a formula (or with the apostrophe that protects one), then
  :func:`~crm_desktop.services.cells.csv_cell`; money, booleans and decimals are
  written as text; ``None`` and numbers as the csv module writes them ("", ``str``).
* xlsx — plain values stay plain (openpyxl's write-only mode writes them fastest);
  a cell with a number format (money, dates, times) or a quote prefix (formula-like
  text) is one :class:`~openpyxl.cell.WriteOnlyCell` per column, given each row's
  value: openpyxl writes an appended row at once, so the cell is free again for the
  next row (its documented use of ``WriteOnlyCell`` is for styled cells).

Every value comes out exactly as the per-cell code before it wrote it
(``tests/transfer/test_export_cells.py`` compares them cell by cell).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crm_desktop.services import locale_format, money, settings
from crm_desktop.services.cells import FORMULA_STARTS, XLSX_CELL_LIMIT, csv_cell, xml_safe
from crm_desktop.services.clock import TIMESTAMP_FORMAT

# A text starting with one of these is protected in CSV (the apostrophe: csv_cell adds
# one more to a text that already starts with apostrophes before a formula character).
_CSV_GUARDED = frozenset((*FORMULA_STARTS, "'"))
_FORMULA_STARTS = tuple(FORMULA_STARTS)
LONG_TEXT = "longtext"  # a text kind whose values may exceed an xlsx cell


class Values:
    """The data's currency and locale: how money and dates are written."""

    def __init__(self) -> None:
        self.currency = settings.get("currency")
        self.exponent = money.currency_exponent(self.currency)
        # Typed cells shown the way the data's locale writes them (₽ after, ¥ before…).
        self.locale = settings.get("locale")
        self.money_format = locale_format.excel_money_format(
            self.currency, self.locale, self.exponent
        )

    def money(self, cents: Any) -> Decimal | None:
        if cents is None:
            return None
        return Decimal(int(cents)).scaleb(-self.exponent)

    def csv_text(self, kind: str) -> Callable[[Any], str] | None:
        """How a column of ``kind`` becomes CSV text, when not as the csv module writes it."""
        if kind == "money":
            return lambda value: format(self.money(value), "f")
        if kind == "bool":
            return lambda value: "yes" if value else "no"
        if kind == "decimal":
            return lambda value: format(money.to_decimal(value, 3), "f")
        return None


def timestamp(text: str) -> datetime:
    """A stored UTC time (``2026-06-15T09:30:05Z``) as a naive datetime, as strptime gives it."""
    if (
        len(text) == 20
        and text[19] == "Z"
        and text[10] == "T"
        and text[13] == ":"
        and text[16] == ":"
        and text[4] == "-"
        and text[7] == "-"
    ):
        try:  # ~10× quicker than strptime, and the same for every value of this shape
            found = datetime.fromisoformat(text[:19])
        except ValueError:
            pass
        else:
            if found.tzinfo is None:
                return found
    return datetime.strptime(text, TIMESTAMP_FORMAT)


def csv_converter(values: Values, kinds: Sequence[str]) -> Callable[[Sequence[Any]], list[Any]]:
    """A function from one row (values in the columns' order) to its CSV cells."""
    conversions = [(i, f) for i, kind in enumerate(kinds) if (f := values.csv_text(kind))]
    guarded = _CSV_GUARDED

    def convert(row: Sequence[Any]) -> list[Any]:
        out = [  # value[:1] of "" is "", which is not in the set
            csv_cell(value) if isinstance(value, str) and value[:1] in guarded else value
            for value in row
        ]
        for index, text in conversions:
            value = row[index]
            out[index] = "" if value is None or value == "" else text(value)
        return out

    return convert


# What a column of a kind needs in xlsx: a plain text/value, a formatted cell, a value
# turned into another plain value, or a long text split over several cells.
_PLAIN, _FORMATTED, _CONVERTED, _PIECES = range(4)


def xlsx_converter(
    sheet: Any, values: Values, kinds: Sequence[str], pieces: Sequence[int]
) -> Callable[[Sequence[Any]], list[Any]]:
    """A function from one row to the cells ``sheet.append`` takes (for write-only ``sheet``).

    ``pieces``: per column, how many cells its longest text needs (0: not a long text).
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles.numbers import is_date_format

    formats = {
        "money": (values.money, values.money_format),
        "date": (date.fromisoformat, locale_format.excel_date_format(values.locale)),
        "datetime": (timestamp, locale_format.excel_datetime_format(values.locale)),
    }
    converted = {"bool": bool, "decimal": lambda value: money.to_decimal(value, 3)}

    def quoted(text: str, cell: Any) -> Any:
        cell.value = text
        cell.data_type = "s"  # never a formula, even for "=…"
        return cell

    def new_quoted() -> Any:
        cell = WriteOnlyCell(sheet)
        cell.quotePrefix = True
        return cell

    plan: list[tuple[int, int, Any, Any]] = []
    for index, (kind, count) in enumerate(zip(kinds, pieces, strict=True)):
        if count > 1:
            plan.append((index, _PIECES, count, None))
        elif count:  # a long text that fits one cell: plain, unless it has grown since
            plan.append((index, _PLAIN, new_quoted(), True))
        elif kind in formats:
            make, number_format = formats[kind]
            cell = WriteOnlyCell(sheet)
            cell.number_format = number_format
            # A date's value would put openpyxl's own date format on a cell whose format
            # it does not know as a date's: then a new cell each time, as before.
            reuse = kind == "money" or is_date_format(number_format)
            plan.append((index, _FORMATTED, make, cell if reuse else number_format))
        elif kind in converted:
            plan.append((index, _CONVERTED, converted[kind], None))
        else:
            plan.append((index, _PLAIN, new_quoted(), False))
    starts = _FORMULA_STARTS

    def convert(row: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        append = out.append
        for index, how, first, second in plan:
            value = row[index]
            if value is None or value == "":
                if how == _PIECES:
                    out.extend([None] * first)
                else:
                    append(None)
            elif how == _PLAIN:
                if isinstance(value, str):
                    if not value.isprintable():  # may hold characters XML cannot
                        value = xml_safe(value)
                        if second and (not value or len(value) > XLSX_CELL_LIMIT):
                            _long_text(value, 1, out, new_quoted)  # as a long text's cells
                            continue
                    elif second and len(value) > XLSX_CELL_LIMIT:
                        _long_text(value, 1, out, new_quoted)
                        continue
                    if value.startswith(starts):
                        append(quoted(value, first))
                        continue
                append(value)
            elif how == _FORMATTED:
                if isinstance(second, str):
                    cell = WriteOnlyCell(sheet, value=first(value))
                    cell.number_format = second
                    append(cell)
                else:
                    second.value = first(value)
                    append(second)
            elif how == _CONVERTED:
                append(first(value))
            else:
                _long_text(value, first, out, new_quoted)
        return out

    return convert


def _long_text(value: Any, pieces: int, out: list[Any], new_quoted: Callable[[], Any]) -> None:
    """A long text over ``pieces`` cells (the first holds all it can), the rest empty."""
    if not isinstance(value, str):
        out.append(value)
        out.extend([None] * (pieces - 1))
        return
    value = xml_safe(value)
    chunks = [value[i : i + XLSX_CELL_LIMIT] for i in range(0, max(len(value), 1), XLSX_CELL_LIMIT)]
    chunks += [""] * (pieces - len(chunks))
    for chunk in chunks:
        if not chunk:
            out.append(None)
        elif chunk.startswith(_FORMULA_STARTS):
            cell = new_quoted()
            cell.value = chunk
            cell.data_type = "s"
            out.append(cell)
        else:
            out.append(chunk)
