"""Platypus pieces of our PDFs: text that is never markup, long tables, bar charts.

:class:`TextBlock` draws user text exactly as typed (``<b>`` prints as
``<b>``) in as many fonts as it needs; no Paragraph ever sees user text.

:class:`PagedTable` is a table of any length whose header row repeats on
every page. reportlab's own Table re-measures all remaining rows each time
it splits at a page end, which makes a 40,000-row table quadratic; this one
measures every row once, then cuts page-sized reportlab Tables from the
measured rows, so a long report costs the same per row as a short one. Its
rows may stream from the database: they are read as the pages fill and
dropped once drawn, so a million rows need no more memory than a thousand
(with :mod:`crm_desktop.reports.pdf_stream` writing the pages as they end).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import islice

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from crm_desktop.reports import fonts
from crm_desktop.services.progress import stop_if_cancelled

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#e4e9f0")
ZEBRA = colors.HexColor("#f5f7fa")
BAR = colors.HexColor("#3b6ea5")

PADDING_X = 3.0
PADDING_Y = 2.2
TITLE_GAP = 4.0
MAX_CELL_LINES = 40  # a cell taller than this is cut with "…" (a row must fit on a page)


class TextBlock(Flowable):
    """Plain text, wrapped to the width it gets; never interpreted as markup."""

    def __init__(
        self,
        text: str,
        size: float = 9,
        *,
        bold: bool = False,
        align: str = "left",
        color=INK,
        leading: float | None = None,
        space_before: float = 0,
        space_after: float = 0,
        max_lines: int | None = None,
        lines: list[str] | None = None,
    ):
        super().__init__()
        self.text = text
        self.size = size
        self.bold = bold
        self.align = align
        self.color = color
        self.leading = leading or size * 1.22
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.max_lines = max_lines
        self._lines = lines
        self._wrapped_for: float | None = None if lines is None else -1.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for not in (availWidth, -1.0):
            self._lines = cut_lines(
                fonts.wrap(self.text, availWidth, self.size, self.bold), self.max_lines
            )
            self._wrapped_for = availWidth
        self.width = availWidth
        self.height = len(self._lines or [""]) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.color)
        x = {"left": 0, "right": self.width, "center": self.width / 2}[self.align]
        # The first baseline sits one font size below the top, like Table's string cells.
        y = self.height - self.size
        for line in self._lines or []:
            fonts.draw(canvas, x, y, line, self.size, bold=self.bold, align=self.align)
            y -= self.leading


def cut_lines(lines: list[str], max_lines: int | None) -> list[str]:
    if max_lines is None or len(lines) <= max_lines:
        return lines
    return [*lines[: max_lines - 1], lines[max_lines - 1].rstrip() + " …"]


SAMPLE_ROWS = 2500  # rows read ahead to size the columns of a table


class _Rows:
    """The rows of one PagedTable, read from their iterator as pages need them.

    The first :data:`SAMPLE_ROWS` are read ahead to size the columns; after that a
    row is read when a page asks for it, measured once, and dropped once its page
    is drawn. Memory holds about a page of rows, however long the table.
    """

    def __init__(self, rows: Iterable[Sequence[str]]):
        self._source = iter(rows)
        self.sample: list[Sequence[str]] = list(islice(self._source, SAMPLE_ROWS))
        self.texts: deque[Sequence[str]] = deque(self.sample)
        self.cells: deque[tuple[list[object], float]] = deque()  # measured: contents, height
        self.base = 0  # the index of texts[0] in the whole table
        self.exhausted = len(self.sample) < SAMPLE_ROWS
        self.available(len(self.sample))  # a table of exactly SAMPLE_ROWS is known whole

    def available(self, index: int) -> bool:
        """Whether row ``index`` exists (reading up to it if needed)."""
        while index >= self.base + len(self.texts):
            if self.exhausted:
                return False
            row = next(self._source, None)
            if row is None:
                self.exhausted = True
                return False
            self.texts.append(row)
        return True

    @property
    def count(self) -> int | None:
        """The number of rows, once all were read."""
        return self.base + len(self.texts) if self.exhausted else None

    def drop_before(self, index: int) -> None:
        """Forget the rows before ``index`` (their page is drawn)."""
        while self.base < index and self.texts:
            self.texts.popleft()
            if self.cells:
                self.cells.popleft()
            self.base += 1
        if self.sample and self.base > 0:
            self.sample = []  # the column widths are set: the read-ahead rows are not needed


class _Layout:
    """What a PagedTable draws at one width: column widths, header, totals, row heights."""

    def __init__(self, table: PagedTable, width: float):
        self.width = width
        self.col_widths = table._column_widths(width)
        header = [
            table._cell(text, c, self.col_widths[c], bold=True)
            for c, text in enumerate(table.header_text)
        ]
        self.header = [content for content, _ in header]
        self.header_height = max(lines for _, lines in header) * table.leading + 2 * PADDING_Y
        self.totals: list | None = None
        self.totals_height = 0.0
        self._totals_made = False

    def make_totals(self, table: PagedTable) -> None:
        """Measure the totals row, once every row was read (its values may sum them)."""
        if self._totals_made:
            return
        self._totals_made = True
        text = table._totals_text()
        if text is not None:
            cells = [table._cell(t, c, self.col_widths[c], bold=True) for c, t in enumerate(text)]
            self.totals = [content for content, _ in cells]
            self.totals_height = (
                max(lines for _, lines in cells) * table.leading + 2 * PADDING_Y + 1
            )


Totals = Sequence[str] | Callable[[], Sequence[str] | None] | None
_OWN_STATE = (
    "header_text", "weights", "right", "wraps", "totals", "size", "leading", "row_count",
    "progress", "cancelled", "title", "_rows", "_layout",
)  # fmt: skip


class PagedTable(Flowable):
    """A long table, cut into one reportlab Table per page, the header repeated on each.

    ``rows`` may be any iterable (a generator streaming from the database): they
    are read as pages fill. ``totals`` is the last row, or a callable that gives it
    once every row was read (a sum over a stream). ``row_count``, when known, lets
    ``progress`` say how far the pages are.
    """

    def __init__(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[str]],
        *,
        weights: Sequence[float],
        right_aligned: Sequence[bool],
        wrap: Sequence[bool] | None = None,
        totals: Totals = None,
        size: float = 8.2,
        title: str | None = None,
        row_count: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ):
        super().__init__()
        self.header_text = list(header)
        self.weights = list(weights)
        self.right = list(right_aligned)
        self.wraps = list(wrap) if wrap is not None else [True] * len(self.weights)
        self.totals = totals if totals is None or callable(totals) else list(totals)
        self.size = size
        self.leading = size * 1.22
        self.row_count = row_count
        self.progress = progress
        self.cancelled = cancelled
        self.title = TextBlock(title, 11, bold=True) if title else None
        self.start = 0
        self._rows = _Rows(rows)
        self._layout: _Layout | None = None

    def _totals_text(self) -> Sequence[str] | None:
        return self.totals() if callable(self.totals) else self.totals

    # -- measuring ----------------------------------------------------------------------------

    def _layout_for(self, width: float) -> _Layout:
        layout = self._layout
        if layout is None or layout.width != width:
            layout = self._layout = _Layout(self, width)
            self._rows.cells.clear()  # measured for another width
        return layout

    def _height(self, layout: _Layout, index: int) -> float:
        """The height of row ``index`` (measured when first asked; it must be available)."""
        rows = self._rows
        position = index - rows.base
        while len(rows.cells) <= position:
            rows.cells.append(self._measure_row(layout, rows.texts[len(rows.cells)]))
        return rows.cells[position][1]

    def _measure_row(self, layout: _Layout, row: Sequence[str]) -> tuple[list[object], float]:
        # Most cells are plain one-line strings: only look closer at the others.
        out: list[object] = list(row)
        lines = 1
        right, col_widths = self.right, layout.col_widths
        for c, text in enumerate(row):
            if right[c] and text.isascii():
                continue  # a number: its column fits the widest one
            content, count = self._cell(text, c, col_widths[c])
            out[c] = content
            lines = max(lines, count)
        one_line = self.leading + 2 * PADDING_Y
        return out, one_line if lines == 1 else lines * self.leading + 2 * PADDING_Y

    def _column_widths(self, width: float) -> list[float]:
        """Widths from the content: numbers and short words are never broken when avoidable."""
        size = self.size
        n = len(self.weights)
        natural = [0.0] * n
        minimum = [0.0] * n
        samples = list(self._rows.sample)
        # Totals that sum a stream are known only at its end: a table read whole knows them.
        totals = self._totals_text() if self._rows.exhausted or not callable(self.totals) else None
        if totals is not None:
            samples.append(totals)
        pad = 2 * PADDING_X + 1
        for c in range(n):
            header_width = max(
                (fonts.width(word, size, bold=True) for word in self.header_text[c].split()),
                default=0.0,
            )
            natural[c] = fonts.width(self.header_text[c], size, bold=True) + pad
            minimum[c] = header_width + pad
            texts = {row[c] for row in samples}
            for text in texts:
                line = max(text.split("\n"), key=len) if "\n" in text else text
                natural[c] = max(natural[c], fonts.width(line, size, bold=True) + pad)
                if self.right[c] or not self.wraps[c]:
                    minimum[c] = max(minimum[c], fonts.width(line, size, bold=True) + pad)
                else:
                    word = fonts.longest_word(line)
                    # A very long word (an email, a URL) may break rather than take the page.
                    minimum[c] = max(minimum[c], min(fonts.width(word, size) + pad, width * 0.22))
            if self.right[c] and callable(self.totals) and totals is None:
                # A sum of many rows has more digits than any row: room for the table's count.
                digits = len(str(self.row_count or SAMPLE_ROWS * 10))
                extra = fonts.width("0" * digits + "," * (digits // 3), size, bold=True)
                minimum[c] += extra
                natural[c] += extra
        fixed = [self.right[c] or not self.wraps[c] for c in range(n)]
        return auto_widths(width, natural, minimum, self.weights, fixed)

    def _cell(
        self, text: str, c: int, col_width: float, *, bold: bool = False
    ) -> tuple[object, int]:
        """A cell's content (a plain string when one font draws it on one line) and its lines."""
        inner = col_width - 2 * PADDING_X
        font = fonts.BOLD if bold else fonts.REGULAR
        if (
            "\n" not in text
            and fonts.is_simple(text, bold)
            and (
                # Numbers: their column was made as wide as the widest one (_column_widths).
                self.right[c]
                or len(text) * self.size * 1.05 <= inner
                or stringWidth(text, font, self.size) <= inner
            )
        ):
            return text, 1
        lines = cut_lines(fonts.wrap(text, inner, self.size, bold), MAX_CELL_LINES)
        align = "right" if self.right[c] else "left"
        block = TextBlock(
            text, self.size, bold=bold, align=align, leading=self.leading, lines=lines
        )
        return block, len(lines)

    # -- platypus protocol ----------------------------------------------------------------------

    def _rest(self, start: int) -> PagedTable:
        rest = PagedTable.__new__(PagedTable)
        Flowable.__init__(rest)
        # Our own state only: platypus's marks on self (_postponed, _frame…) must not travel.
        for name in _OWN_STATE:
            setattr(rest, name, getattr(self, name))
        rest.start = start
        return rest

    def _title_height(self, width: float) -> float:
        if self.title is None or self.start != 0:
            return 0.0
        return self.title.wrap(width, 1e9)[1] + TITLE_GAP

    def _fill(self, layout: _Layout, room: float) -> tuple[int, float]:
        """(end, height): the rows from ``start`` that fit ``room``, reading them as needed."""
        end, used = self.start, 0.0
        while self._rows.available(end):
            height = self._height(layout, end)
            if used + height > room:
                break
            used += height
            end += 1
        return end, used

    def _at_end(self, end: int) -> bool:
        """Whether ``end`` is past the last row (every row was read)."""
        return not self._rows.available(end)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        layout = self._layout_for(availWidth)
        self._rows.drop_before(self.start)  # the rows before are on pages already drawn
        fixed = self._title_height(availWidth) + layout.header_height
        # Read only as far as the room allows: past it, platypus will split.
        end, body = self._fill(layout, max(0.0, availHeight - fixed) + 1)
        if self._at_end(end):
            layout.make_totals(self)
            height = fixed + body + layout.totals_height
        else:
            height = max(availHeight, fixed + body) + 1  # more rows follow: it does not fit
        self.width = availWidth
        self.height = height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        stop_if_cancelled(self.cancelled)
        layout = self._layout_for(availWidth)
        self._rows.drop_before(self.start)
        room = availHeight - layout.header_height - self._title_height(availWidth)
        end, body = self._fill(layout, room)
        if self._at_end(end):
            layout.make_totals(self)
            if body + layout.totals_height <= room:
                return [self]  # it all fits (platypus asks when keeping a heading with its table)
            # Every row fits but the totals row does not: leave the last row for the next page.
            end -= 1
        if end <= self.start:
            return []  # not even one row here: start on the next page
        if self.progress is not None and self.row_count:
            self.progress(end, self.row_count)
        pieces: list[Flowable] = [self._table(layout, self.start, end, with_totals=False)]
        if self.title is not None and self.start == 0:
            # The title goes with the first rows, so it never ends a page alone.
            self.title.spaceAfter = TITLE_GAP
            pieces.insert(0, self.title)
        return [*pieces, self._rest(end)]

    def draw(self) -> None:
        layout = self._layout_for(self.width)
        end = self._rows.count
        assert end is not None, "drawn whole only once every row was read (wrap)"
        layout.make_totals(self)
        table = self._table(layout, self.start, end, with_totals=True)
        _, table_height = table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
        if self.title is not None and self.start == 0:
            self.title.wrapOn(self.canv, self.width, self.height)
            self.title.drawOn(self.canv, 0, table_height + TITLE_GAP)
        if self.progress is not None and self.row_count:
            self.progress(self.row_count, self.row_count)

    def _table(self, layout: _Layout, start: int, end: int, *, with_totals: bool) -> Table:
        data: list = [layout.header]
        heights = [layout.header_height]
        for index in range(start, end):
            self._height(layout, index)  # measured (a no-op when it was)
            cells, height = self._rows.cells[index - self._rows.base]
            data.append(cells)
            heights.append(height)
        if with_totals and layout.totals is not None:
            data.append(layout.totals)
            heights.append(layout.totals_height)
        style = [
            ("FONT", (0, 0), (-1, 0), fonts.BOLD, self.size, self.leading),
            ("FONT", (0, 1), (-1, -1), fonts.REGULAR, self.size, self.leading),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.7, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING_X),
            ("TOPPADDING", (0, 0), (-1, -1), PADDING_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING_Y),
        ]
        body_end = end - start
        if body_end >= 1:
            zebra = [colors.white, ZEBRA] if start % 2 == 0 else [ZEBRA, colors.white]
            style.append(("ROWBACKGROUNDS", (0, 1), (-1, body_end), zebra))
        for first, last in _runs_of_true(self.right):  # one command per block of numbers
            style.append(("ALIGN", (first, 0), (last, -1), "RIGHT"))
        if with_totals and layout.totals is not None:
            style += [
                ("FONT", (0, -1), (-1, -1), fonts.BOLD, self.size, self.leading),
                ("LINEABOVE", (0, -1), (-1, -1), 0.9, INK),
            ]
        return Table(
            data,
            colWidths=layout.col_widths,
            rowHeights=heights,
            style=TableStyle(style),
            hAlign="LEFT",
        )


def _runs_of_true(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """(first, last) index of each run of True: [F, T, T, F, T] → [(1, 2), (4, 4)]."""
    runs: list[tuple[int, int]] = []
    for index, flag in enumerate(flags):
        if flag and runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        elif flag:
            runs.append((index, index))
    return runs


def auto_widths(
    width: float,
    natural: Sequence[float],
    minimum: Sequence[float],
    weights: Sequence[float],
    fixed: Sequence[bool] | None = None,
) -> list[float]:
    """Column widths the way browsers lay out tables: every column gets the width of its
    longest word first, then the rest of the room goes where text would otherwise wrap.

    When even the longest words do not fit, only the longest ones are broken: text
    minimums are capped at the level that makes them fit (numbers, ``fixed``, keep theirs).
    """
    n = len(natural)
    natural = [max(nat, mini) for nat, mini in zip(natural, minimum, strict=True)]
    fixed = fixed or [False] * n
    if sum(minimum) > width:
        minimum = _cap_minimums(width, list(minimum), fixed)
    if sum(natural) <= width:
        # Everything fits on one line: share the spare room by the declared weights.
        spare = width - sum(natural)
        total_weight = sum(weights) or 1
        return [natural[c] + spare * weights[c] / total_weight for c in range(n)]
    if sum(minimum) >= width:
        return [width * m / sum(minimum) for m in minimum]
    spare = width - sum(minimum)
    desire = [natural[c] - minimum[c] for c in range(n)]
    total_desire = sum(desire) or 1
    return [minimum[c] + spare * desire[c] / total_desire for c in range(n)]


def _cap_minimums(width: float, minimum: list[float], fixed: Sequence[bool]) -> list[float]:
    room = width - sum(m for m, f in zip(minimum, fixed, strict=True) if f)
    flexible = sorted(m for m, f in zip(minimum, fixed, strict=True) if not f)
    if room <= 0 or not flexible:
        return minimum
    # The highest cap t with Σ min(m, t) ≤ room ("water filling").
    cap = room / len(flexible)
    used = 0.0
    for index, value in enumerate(flexible):
        remaining = len(flexible) - index
        if used + value * remaining <= room:
            used += value
            continue
        cap = (room - used) / remaining
        break
    else:
        return minimum
    return [m if f else min(m, cap) for m, f in zip(minimum, fixed, strict=True)]


# --- charts ------------------------------------------------------------------------------------


def bar_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    width: float,
    height: float = 150,
    value_label: Callable[[float], str] = lambda v: f"{v:,.0f}",
) -> Drawing:
    """A vertical bar chart of one series, with at most ~16 category labels shown."""
    fonts.register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR  # never Helvetica, which a PDF would not embed
    drawing.add(String(0, height - 11, title, fontName=fonts.BOLD, fontSize=9.5, fillColor=INK))
    chart = VerticalBarChart()
    chart.x = 48
    chart.y = 22
    chart.width = width - chart.x - 8
    chart.height = height - chart.y - 22
    chart.data = [list(values) or [0]]
    step = max(1, -(-len(labels) // 16))
    chart.categoryAxis.categoryNames = [
        label if index % step == 0 else "" for index, label in enumerate(labels)
    ] or [""]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 6.8
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickDown = 2
    if len(labels) > 12:
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dy = -2
    chart.valueAxis.valueMin = 0
    top = max(values, default=0)
    if top <= 0:
        chart.valueAxis.valueMax = 1
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 6.8
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = value_label
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e1e6ec")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = max(1, min(8, 200 / max(len(values), 1)))
    drawing.add(chart)
    return drawing


def compact_number(value: float) -> str:
    """Axis labels: 950, 12k, 1.2M."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:.1f}M".replace(".0M", "M")
    if magnitude >= 10_000:
        return f"{value / 1000:.0f}k"
    if magnitude >= 1000:
        return f"{value / 1000:.1f}k".replace(".0k", "k")
    return f"{value:.0f}"
