"""The shape of a report as every renderer sees it: title, key figures, charts, tables.

A layout (:mod:`crm_desktop.reports.layouts`) turns a report's data into a
:class:`Document`; the PDF, xlsx and CSV renderers draw the same Document,
so the three files always show the same figures. Cell values stay typed
(the :class:`Column` kind says how): money is integer minor units, shares
and changes are Decimal fractions, dates are dates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from crm_desktop.i18n import N_
from crm_desktop.services.reporting.context import ReportContext

# Column kinds: how a value is shown and typed.
TEXT = "text"
INT = "int"
MONEY = "money"  # int minor units
QUANTITY = "quantity"  # Decimal
PERCENT = "percent"  # Decimal fraction, 0.25 = 25 %
CHANGE = "change"  # Decimal fraction with a sign
DATE = "date"
DATETIME = "datetime"  # aware datetime, shown in local time
PHONE = "phone"  # text: stored E.164, printed the way people read it
NUMERIC_KINDS = frozenset({INT, MONEY, QUANTITY, PERCENT, CHANGE})


@dataclass(frozen=True)
class Column:
    """One column: its header, the kind of its values, its share of the PDF's width."""

    title: str
    kind: str = TEXT
    weight: float = 1.0  # relative width in the PDF
    in_pdf: bool = True  # False: only in spreadsheets (From/To dates, notes…)
    in_sheet: bool = True  # False: only in the PDF (a shorter form of another column)
    wrap: bool = True  # text may wrap onto more lines in the PDF


@dataclass
class Table:
    """Rows of typed values under a header; ``totals`` may be computed once rows are consumed."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    totals: Sequence[Any] | Callable[[], Sequence[Any] | None] | None = None
    empty_text: str = N_("Nothing to show.")  # translated where it is drawn
    row_count: int | None = None  # known in advance (progress), when the rows stream
    sheet_name: str | None = None

    def totals_row(self) -> Sequence[Any] | None:
        return self.totals() if callable(self.totals) else self.totals

    def sheet_view(self) -> Table:
        """The table as spreadsheets show it: without the columns that are only for the PDF."""
        keep = [i for i, column in enumerate(self.columns) if column.in_sheet]
        if len(keep) == len(self.columns):
            return self
        totals = self.totals

        def sheet_totals() -> Sequence[Any] | None:
            row = totals() if callable(totals) else totals
            return None if row is None else [row[i] for i in keep]

        return Table(
            title=self.title,
            columns=[self.columns[i] for i in keep],
            rows=map(itemgetter(*keep), self.rows)
            if len(keep) > 1
            else ([r[keep[0]]] for r in self.rows),
            totals=sheet_totals,
            empty_text=self.empty_text,
            row_count=self.row_count,
            sheet_name=self.sheet_name,
        )


@dataclass(frozen=True)
class Figure:
    """A key figure of the summary: "Revenue  $12,345.00"."""

    label: str
    value: Any
    kind: str = TEXT


@dataclass(frozen=True)
class BarChart:
    """Bars of one series (money or counts), one per label."""

    title: str
    labels: Sequence[str]
    values: Sequence[int]
    kind: str = MONEY


@dataclass
class Document:
    """A whole report, ready for any renderer."""

    title: str
    subtitle: str  # the period or the view
    context: ReportContext
    summary: list[Figure] = field(default_factory=list)
    charts: list[BarChart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    empty_message: str | None = None  # set: the period has nothing; said instead of tables
    notes: list[str] = field(default_factory=list)  # how figures are computed
    file_stem: str = "report"
