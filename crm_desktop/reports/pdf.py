"""Reports as PDF (reportlab platypus): the page frame every report shares, and its body.

Every page has the company's logo and name and the report's title at the
top, and at the bottom the generation time and "Page N of M". Pages are
written to the file as they end (:mod:`crm_desktop.reports.pdf_stream`); M,
known only then, is filled in at the end. Table rows stream too: a report
of a million customers needs no more memory than one of a thousand.
Paper is A4 or Letter, from the ``page_size`` setting.
"""

from __future__ import annotations

import base64
import binascii
import io
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table
from reportlab.platypus import TableStyle as RLTableStyle

from crm_desktop import APP_NAME
from crm_desktop.i18n import _
from crm_desktop.reports import fonts
from crm_desktop.reports.formatting import generated_text, pdf_formatter, pdf_text
from crm_desktop.reports.model import (
    DATE,
    DATETIME,
    MONEY,
    NUMERIC_KINDS,
    Document,
)
from crm_desktop.reports.model import Table as ReportTable
from crm_desktop.reports.pdf_flowables import (
    HEADER_FILL,
    INK,
    MUTED,
    RULE,
    PagedTable,
    TextBlock,
    bar_chart,
    compact_number,
)
from crm_desktop.reports.pdf_stream import StreamingCanvas, streaming_canvas
from crm_desktop.services.progress import Cancelled, Progress, stop_if_cancelled
from crm_desktop.services.reporting.context import ReportContext

log = logging.getLogger(__name__)

MARGIN = 16 * mm
HEADER_TOP = 12 * mm  # from the top edge of the paper to the top of the logo
HEADER_HEIGHT = 13 * mm  # logo and name, down to the rule under them
FOOTER_HEIGHT = 10 * mm
FOOTER_BASELINE = MARGIN - 6 * mm


def page_size(context: ReportContext, *, wide: bool = False) -> tuple[float, float]:
    size = letter if context.page_size.strip().lower() == "letter" else A4
    return landscape(size) if wide else size


def logo_image(context: ReportContext) -> ImageReader | None:
    """The company logo from its base64 setting; None (and a log line) when it is not an image."""
    if not context.company_logo.strip():
        return None
    try:
        data = base64.b64decode(context.company_logo, validate=False)
        image = ImageReader(io.BytesIO(data))
        image.getSize()
        return image
    except (binascii.Error, ValueError, OSError, Exception):  # a bad logo never stops a report
        log.warning("the company logo setting is not a PNG or JPEG image; printed without it")
        return None


class PageFrame:
    """Draws the header and footer of every page of one report."""

    def __init__(self, context: ReportContext, title: str, cancelled: Cancelled | None = None):
        self.context = context
        self.title = title
        self.cancelled = cancelled
        self.logo = logo_image(context)
        self.generated = generated_text(context)

    def header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        stop_if_cancelled(self.cancelled)
        width, height = doc.pagesize
        top = height - HEADER_TOP
        canvas.saveState()
        x = MARGIN
        if self.logo is not None:
            image_width, image_height = self.logo.getSize()
            box_height = 11 * mm
            box_width = min(40 * mm, box_height * image_width / max(image_height, 1))
            shown_height = min(box_height, box_width * image_height / max(image_width, 1))
            canvas.drawImage(self.logo, x, top - shown_height, box_width, shown_height, mask="auto")
            x += box_width + 4 * mm
        canvas.setFillColor(INK)
        name = (
            self.context.company_name.strip().splitlines()[0]
            if self.context.company_name.strip()
            else ""
        )
        right_room = width - MARGIN - x
        if name:
            name = _fit(name, right_room * 0.6, 11, bold=True)
            fonts.draw(canvas, x, top - 7 * mm, name, 11, bold=True)
        canvas.setFillColor(MUTED)
        title = _fit(self.title, right_room * (0.38 if name else 1.0), 8.5)
        fonts.draw(canvas, width - MARGIN, top - 7 * mm, title, 8.5, align="right")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        rule_y = top - HEADER_HEIGHT
        canvas.line(MARGIN, rule_y, width - MARGIN, rule_y)
        canvas.restoreState()

    def footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The rule and the generation time (:meth:`page_number` comes at the end)."""
        width = canvas._pagesize[0]
        y = FOOTER_BASELINE
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
        canvas.setFillColor(MUTED)
        fonts.draw(canvas, MARGIN, y, self.generated, 7.5)
        canvas.restoreState()

    @staticmethod
    def page_number(canvas: Canvas, number: int, total: int) -> None:
        """Drawn once the page count is known, into each page (see :mod:`.pdf_stream`)."""
        width = canvas._pagesize[0]
        canvas.setFillColor(MUTED)
        text = _("Page {number} of {total}").format(number=number, total=total)
        fonts.draw(canvas, width - MARGIN, FOOTER_BASELINE, text, 7.5, align="right")


def _fit(text: str, room: float, size: float, *, bold: bool = False) -> str:
    """``text`` cut with "…" so that it fits ``room`` points on one line."""
    if fonts.width(text, size, bold) <= room:
        return text
    while text and fonts.width(text + "…", size, bold) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def build_pdf(
    target: Path,
    story: list[Flowable],
    *,
    context: ReportContext,
    title: str,
    wide: bool = False,
    cancelled: Cancelled | None = None,
) -> None:
    """Lay out ``story`` on our pages and write the PDF to ``target``."""
    fonts.register_fonts()
    frame_maker = PageFrame(context, title, cancelled)
    size = page_size(context, wide=wide)
    doc = BaseDocTemplate(
        str(target),
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=HEADER_TOP + HEADER_HEIGHT + 5 * mm,
        bottomMargin=MARGIN + FOOTER_HEIGHT - 4 * mm,
        title=title,
        author=context.company_name or APP_NAME,
        creator=APP_NAME,
        subject=title,
        initialFontName=fonts.REGULAR,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="page",
                frames=[frame],
                onPage=frame_maker.header,
                onPageEnd=frame_maker.footer,
            )
        ]
    )
    try:
        # Pages go to the file as they end: a 20,000-page report needs little memory.
        doc.build(story, canvasmaker=streaming_canvas(PageFrame.page_number))
    except BaseException:
        canvas = getattr(doc, "canv", None)
        if isinstance(canvas, StreamingCanvas):
            canvas.abandon()  # close the unfinished file, so that it can be removed
        raise


# --- the body of a report ------------------------------------------------------------------------


def title_block(title: str, subtitle: str, context: ReportContext) -> list[Flowable]:
    return [
        TextBlock(title, 17, bold=True, space_after=3),
        TextBlock(subtitle, 9.5, color=MUTED, space_after=1),
        TextBlock(generated_text(context), 8, color=MUTED, space_after=8),
    ]


def summary_table(rows: Sequence[tuple[str, str]], width: float) -> Table:
    data = [[TextBlock(label, 9, color=MUTED), value] for label, value in rows]
    table = Table(data, colWidths=[width * 0.62, width * 0.38], hAlign="LEFT")
    table.setStyle(
        RLTableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9, 11),
                ("FONT", (1, 0), (1, -1), fonts.BOLD, 9.5, 11.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, HEADER_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def notice(text: str, width: float) -> Table:
    """A shaded box with one message (an empty period, a draft invoice)."""
    table = Table([[TextBlock(text, 11.5, bold=True)]], colWidths=[width], hAlign="LEFT")
    table.setStyle(
        RLTableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
                ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def render_document(
    doc: Document,
    target: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Write ``doc`` as a PDF to ``target`` (the caller makes it atomic)."""
    fonts.register_fonts()
    context = doc.context
    wide = any(sum(1 for col in table.columns if col.in_pdf) > 8 for table in doc.tables)
    frame_width = page_size(context, wide=wide)[0] - 2 * MARGIN
    story: list[Flowable] = title_block(doc.title, doc.subtitle, context)
    if doc.summary:
        story.append(
            summary_table(
                [(f.label, pdf_text(f.value, f.kind, context)) for f in doc.summary],
                min(frame_width, 125 * mm),
            )
        )
        story.append(Spacer(1, 9))
    if doc.empty_message:
        story.append(notice(doc.empty_message, frame_width))
        story.append(Spacer(1, 9))
    exponent = context.currency_exponent
    for chart in doc.charts:
        scale = 10**exponent if chart.kind == MONEY else 1
        story.append(
            bar_chart(
                chart.title + (f" ({context.currency})" if chart.kind == MONEY else ""),
                chart.labels,
                [value / scale for value in chart.values],
                width=frame_width,
                value_label=compact_number,
            )
        )
        story.append(Spacer(1, 10))
    for table in doc.tables:
        shown = [i for i, col in enumerate(table.columns) if col.in_pdf]
        columns = [table.columns[i] for i in shown]
        formatters = [(i, pdf_formatter(table.columns[i].kind, context)) for i in shown]
        rows = _pdf_rows(table.rows, formatters, cancelled)
        first = next(rows, None)
        if first is None:
            story.append(TextBlock(table.title, 11, bold=True, space_after=4))
            story.append(TextBlock(_(table.empty_text), 9, color=MUTED, space_after=8))
            continue
        story.append(
            PagedTable(
                [col.title for col in columns],
                itertools.chain([first], rows),
                weights=[col.weight for col in columns],
                right_aligned=[col.kind in NUMERIC_KINDS for col in columns],
                wrap=[col.wrap and col.kind not in (DATE, DATETIME) for col in columns],
                totals=_pdf_totals(table, shown, context),
                title=table.title,
                row_count=table.row_count,
                progress=progress,
                cancelled=cancelled,
            )
        )
        story.append(Spacer(1, 10))
    for note in doc.notes:
        story.append(TextBlock(note, 7.5, color=MUTED, space_after=2))
    while isinstance(story[-1], Spacer):
        story.pop()  # a gap after the last table would start an empty page when it fills one
    build_pdf(target, story, context=context, title=doc.title, wide=wide, cancelled=cancelled)


def _pdf_rows(
    rows: Iterable[Sequence[Any]],
    formatters: list[tuple[int, Callable[[Any], str]]],
    cancelled: Cancelled | None,
) -> Iterator[list[str]]:
    """The table's rows as the PDF prints them, formatted as they are read."""
    for count, row in enumerate(rows, start=1):
        yield [format_value(row[i]) for i, format_value in formatters]
        if count % 5000 == 0:
            stop_if_cancelled(cancelled)


def _pdf_totals(
    table: ReportTable, shown: list[int], context: ReportContext
) -> Callable[[], list[str] | None]:
    """The totals row as the PDF prints it, asked for once the rows were read (it may sum them)."""

    def totals() -> list[str] | None:
        row = table.totals_row()
        if row is None:
            return None
        return [pdf_text(row[i], table.columns[i].kind, context) for i in shown]

    return totals if callable(table.totals) else totals()  # type: ignore[return-value]
