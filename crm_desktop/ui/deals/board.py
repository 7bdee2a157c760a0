"""The pipeline board: one column of deal cards per stage, drag a card to move the deal.

Each column's header shows how many deals the stage has, their total and
their weighted total (``figures.pipeline()``: exact cents, computed by the
database from an index). Open stages show every deal, soonest expected close
first; Won and Lost show the most recent :data:`RECENT_CLOSED` with a "Show
all" button, since a business collects thousands of closed deals over the
years. A column reads its first page of cards with the figures, and the next
page each time it is scrolled to its end (:func:`listing.list_page`): at a
million customers (~670,000 deals) the board reads a few hundred rows, not
every deal.

Moving a deal — a drag, or Ctrl+Left/Right on a card — calls
``deals.move_deal``: the probability follows the stage's default unless the
user set one (the service decides). Moving to Won or Lost first asks for the
close date (today by default) and, for Lost, the reason; Cancel leaves the
deal where it was. Double-click or Enter on a card opens the deal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import ValidationError
from crm_desktop.services import deals, figures, listing
from crm_desktop.services.changes import Change
from crm_desktop.services.enums import CLOSED_DEAL_STAGES, DEAL_STAGES, OPEN_DEAL_STAGES
from crm_desktop.services.figures import StageFigures
from crm_desktop.services.listing import Page
from crm_desktop.ui.bridge import ChangeBridge
from crm_desktop.ui.deals.cards import (
    PAGE,
    STAGE_COLORS,
    CardList,
    DealCardModel,
    first_cards,
    stage_query,
)
from crm_desktop.ui.deals.close_dialog import CloseDealDialog
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.formats import Formats, label
from crm_desktop.ui.jobs import Job, run_job
from crm_desktop.ui.words import english_plural

RECENT_CLOSED = 100
COLUMN_MIN_WIDTH = 190
_WATCHED = {"deal", "customer", "contact", "setting", "trash_item", "*"}


@dataclass
class BoardData:
    """What the board shows, read in one go (off the GUI thread)."""

    formats: Formats
    figures: dict[str, StageFigures]
    forecast_cents: int
    pages: dict[str, Page]  # each stage's first cards
    cards: dict[str, list[dict]]

    @property
    def ids(self) -> dict[str, list[int]]:
        return {stage: page.ids for stage, page in self.pages.items()}


def stage_page(stage: str, size: int = PAGE) -> Page:
    """A stage's first ``size`` deals in its order (:func:`cards.stage_query`)."""
    return listing.list_page("deal", stage_query(stage), None, size)


def load_board(sizes: Mapping[str, int] | None = None, keep: int | None = None) -> BoardData:
    """The figures and each stage's first cards, with the rows of the first ones.

    ``sizes``: how many cards each column shows now (at least a page is read, so that a
    refresh keeps what was scrolled to); ``keep``: a deal whose card must be among them
    (the one just moved, still selected), however far down its stage it sorts.
    """
    stages = figures.pipeline()
    pages = {
        stage: stage_page(stage, max(PAGE, (sizes or {}).get(stage, 0))) for stage in DEAL_STAGES
    }
    if keep is not None and not any(keep in page.ids for page in pages.values()):
        _reach(pages, keep)
    return BoardData(
        formats=Formats.load(),
        figures={item.stage: item for item in stages},
        forecast_cents=figures.weighted_forecast_cents(stages),
        pages=pages,
        cards={stage: first_cards(page.ids) for stage, page in pages.items()},
    )


def _reach(pages: dict[str, Page], deal_id: int) -> None:
    """Read the stage of ``deal_id`` down to its card, and a page beyond it."""
    found = listing.fetch_rows("deal", [deal_id], ["stage", "expected_close", "closed_at"])
    if not found or found[0]["stage"] not in pages:
        return
    row: dict[str, Any] = found[0]
    query = stage_query(row["stage"])
    through = listing.list_page("deal", query, None, PAGE, through=(row[str(query.sort)], deal_id))
    rest = listing.list_page("deal", query, through.after, PAGE)
    pages[row["stage"]] = Page(through.ids + rest.ids, rest.after, rest.complete)


class StageColumn(QFrame):
    """A stage's header (count, total, weighted) above its cards."""

    def __init__(self, stage: str, formats: Formats, parent: QWidget | None = None):
        super().__init__(parent)
        self.stage = stage
        self.formats = formats
        self.show_all = False
        self.figures: StageFigures | None = None
        self.setObjectName(f"column_{stage}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(2)
        stripe = QFrame(self)
        stripe.setFixedHeight(4)
        stripe.setStyleSheet(f"background: {STAGE_COLORS[stage]}; border-radius: 2px;")
        layout.addWidget(stripe)
        title_row = QHBoxLayout()
        self.title = QLabel(label(stage), self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.count = QLabel("0", self)
        self.count.setObjectName(f"count_{stage}")
        self.count.setStyleSheet(
            "background: #eceff1; color: #37474f; border-radius: 8px; padding: 0px 7px;"
        )
        title_row.addWidget(self.title)
        title_row.addStretch(1)
        title_row.addWidget(self.count)
        layout.addLayout(title_row)
        self.totals = QLabel(self)
        self.totals.setObjectName(f"totals_{stage}")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.weighted = QLabel(self)
        self.weighted.setObjectName(f"weighted_{stage}")
        self.weighted.setTextFormat(Qt.TextFormat.PlainText)
        for figure in (self.totals, self.weighted):
            small = figure.font()
            small.setPointSizeF(max(small.pointSizeF() * 0.92, 7.0))
            figure.setFont(small)
            layout.addWidget(figure)
        self.model = DealCardModel(stage, self)
        self.cards = CardList(self.model, formats, self)
        self.cards.setAccessibleName(self.tr("{label} deals").format(label=label(stage)))
        layout.addWidget(self.cards, 1)
        self.more = QPushButton(self)
        self.more.setObjectName(f"show_all_{stage}")
        self.more.setFlat(True)
        self.more.setVisible(False)
        self.more.clicked.connect(self._toggle_all)
        layout.addWidget(self.more)
        self.on_toggle: Callable[[StageColumn], None] | None = None

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.cards.delegate.formats = formats
        self.cards.delegate.forget()

    def set_figures(self, stage_figures: StageFigures) -> None:
        self.figures = stage_figures
        self.count.setText(QLocale().toString(stage_figures.count))
        self.count.setAccessibleName(self.tr("{count} deals").format(count=stage_figures.count))
        self.totals.setText(
            self.tr("Total {money}").format(money=self.formats.money(stage_figures.amount_cents))
        )
        self.weighted.setText(
            self.tr("Weighted {money}").format(
                money=self.formats.money(stage_figures.weighted_cents)
            )
        )

    def cap(self) -> int | None:
        """How many cards the column shows at most: Won and Lost the recent ones."""
        closed = self.stage in CLOSED_DEAL_STAGES
        return RECENT_CLOSED if closed and not self.show_all else None

    def set_page(self, page: Page, rows: list[dict] | None = None) -> None:
        """Show a stage's first cards; the count (``set_figures``) says whether Won and
        Lost have more than the recent ones."""
        cap = self.cap()
        if cap is not None and len(page.ids) > cap:
            page = Page(page.ids[:cap], page.after, False)  # more never read while capped
        self.model.limit = cap
        self.model.set_page(page, rows)
        count = self.figures.count if self.figures is not None else len(page.ids)
        capped = self.stage in CLOSED_DEAL_STAGES and count > RECENT_CLOSED
        self.more.setVisible(capped)
        if capped:
            self.more.setText(
                self.tr("Show all %Ln", "", count)
                if not self.show_all
                else self.tr("Show the last %Ln", "", RECENT_CLOSED)
            )

    def _toggle_all(self) -> None:
        self.show_all = not self.show_all
        if self.on_toggle is not None:
            self.on_toggle(self)


class PipelineBoard(QWidget):
    """Deals as cards in stage columns; ``deal_opened(id)`` when a card is double-clicked."""

    deal_opened = Signal(int)
    refreshed = Signal()
    # A move done: what to announce, and the function that takes it back (one undo step).
    moved = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pipeline_board")
        self.formats = Formats()
        self._job: Job | None = None
        self._last_job: Job | None = None
        self._again = False
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.refresh)
        self.bridge = ChangeBridge(self)
        self.bridge.changed.connect(self._on_change)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        title = QLabel(self.tr("Pipeline"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        top.addWidget(title)
        top.addSpacing(16)
        self.summary = QLabel(self)
        self.summary.setObjectName("pipeline_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)  # a narrow window wraps it rather than widening the board
        top.addWidget(self.summary, 2)
        hint = QLabel(self.tr("Drag a card to move a deal · Ctrl+←/→ moves the selected card"))
        hint.setStyleSheet("color: #78909c;")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(hint, 1)
        # "New deal" is the Deals page's own button, above the board: one, at any size.
        outer.addLayout(top)

        self.columns: dict[str, StageColumn] = {}
        strip = QWidget(self)
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for stage in DEAL_STAGES:
            column = StageColumn(stage, self.formats, strip)
            column.cards.deal_dropped.connect(
                lambda deal_id, _from, stage=stage: self._dropped(deal_id, stage)
            )
            column.cards.open_requested.connect(self.deal_opened.emit)
            column.cards.move_requested.connect(self._step)
            column.on_toggle = self._reload_column
            self.columns[stage] = column
            row.addWidget(column, 1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(strip)
        outer.addWidget(self.scroll_area, 1)

    # --- loading ----------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Read every stage's figures and deal ids again, off the GUI thread.

        At 30,000 deals this takes a few hundred milliseconds, so the board keeps
        showing what it has and swaps in the new data when it arrives
        (``refreshed`` is emitted then). The selected card stays selected.
        """
        self._timer.stop()
        self._stale = False
        if self._job is not None:
            self._again = True
            return
        sizes = {stage: len(column.model.ids) for stage, column in self.columns.items()}
        keep = self.selected_deal()
        self._job = run_job(
            self,
            self.tr("Loading the pipeline"),
            lambda _context: load_board(sizes, keep),
            on_success=self._loaded,
            on_error=self._failed,
            cancellable=False,
            show_progress=False,
        )

    def _loaded(self, data: BoardData) -> None:
        # Keep the finished job until the next one: its thread is still winding down.
        self._last_job, self._job = self._job, None
        if data.formats != self.formats:
            self.formats = data.formats
            for column in self.columns.values():
                column.set_formats(data.formats)
        selected = self.selected_deal()
        for stage, column in self.columns.items():
            column.set_figures(data.figures[stage])
            column.set_page(data.pages[stage], data.cards[stage])
        open_figures = [data.figures[stage] for stage in OPEN_DEAL_STAGES]
        open_count = sum(f.count for f in open_figures)
        self.summary.setText(
            english_plural(
                self.tr(
                    "%Ln open deal(s)  ·  total {money}  ·  weighted forecast {forecast}",
                    "",
                    open_count,
                ),
                open_count,
            ).format(
                money=self.formats.money(sum(f.amount_cents for f in open_figures)),
                forecast=self.formats.money(data.forecast_cents),
            )
        )
        if selected is not None:
            self.select_deal(selected)
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.refreshed.emit()

    def schedule_refresh(self) -> None:
        """Refresh once the current event has been handled: a write's change notices (the
        board's own and its page's) and the move that made them ask for one read, not two."""
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def _failed(self, exc: BaseException) -> None:
        self._last_job, self._job = self._job, None
        self._again = False
        show_error(self, self.tr("Loading the pipeline"), exc)

    def _reload_column(self, column: StageColumn) -> None:
        # A page from an index: a few milliseconds, read here.
        page = stage_page(column.stage, column.cap() or PAGE)
        column.set_page(page, first_cards(page.ids))

    def _on_change(self, change: Change) -> None:
        if change.entity in _WATCHED:
            self.schedule_refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    # --- selection --------------------------------------------------------------------

    def selected_deal(self) -> int | None:
        focus = self.focusWidget()
        for column in self.columns.values():
            if column.cards is focus or column.cards.isAncestorOf(focus):
                return column.cards.current_deal()
        return None

    def select_deal(self, deal_id: int) -> bool:
        """Make the card of ``deal_id`` current (and focused) wherever it is now."""
        for column in self.columns.values():
            row = column.model.row_of(deal_id)
            if row >= 0:
                index = column.model.index(row, 0)
                column.cards.setCurrentIndex(index)
                column.cards.scrollTo(index)
                column.cards.setFocus()
                return True
        return False

    # --- moving -----------------------------------------------------------------------

    def _dropped(self, deal_id: int, stage: str) -> None:
        # After the drag has finished: a dialog inside a drop handler would nest event loops.
        QTimer.singleShot(0, lambda: self.move_deal(deal_id, stage))

    def _step(self, deal_id: int, direction: int) -> None:
        current = deals.get_deal(deal_id)["stage"]
        position = DEAL_STAGES.index(current) + direction
        if 0 <= position < len(DEAL_STAGES):
            self.move_deal(deal_id, DEAL_STAGES[position])

    def move_deal(self, deal_id: int, stage: str) -> bool:
        """Move a deal to ``stage``; asks for the close details of Won/Lost. True if moved."""
        try:
            deal = deals.get_deal(deal_id)
        except Exception as exc:
            show_error(self, self.tr("Moving the deal"), exc)
            self.refresh()
            return False
        if deal["stage"] == stage:
            return False
        closed_at = lost_reason = None
        if stage in CLOSED_DEAL_STAGES:
            dialog = CloseDealDialog(self, stage, deal["title"], self.formats)
            try:
                if not dialog.exec():
                    return False
                closed_at, lost_reason = dialog.closed_at(), dialog.lost_reason()
            finally:
                dialog.deleteLater()
        try:
            changes = deals.move_deal(deal_id, stage, closed_at=closed_at, lost_reason=lost_reason)
        except ValidationError as exc:
            show_error(self, self.tr("Moving the deal"), exc)
            return False
        except Exception as exc:  # our bug: the crash dialog says so, nothing was half-saved
            show_error(self, self.tr("Moving the deal"), exc)
            return False
        # Show the move at once; the refresh that follows brings the figures and order. One
        # refresh for the move and its change notices (schedule_refresh): each reads the board.
        self.columns[deal["stage"]].model.remove_id(deal_id)
        self.columns[stage].model.insert_id(0, deal_id)
        self.select_deal(deal_id)
        self.schedule_refresh()
        title = " ".join(str(deal["title"] or "").split())
        title = title if len(title) <= 60 else title[:59] + "…"
        self.moved.emit(
            self.tr("Moved “%1” to %2.").replace("%1", title).replace("%2", label(stage)),
            lambda: deals.undo_move(deal_id, changes),
        )
        return True

    def new_deal(self) -> int | None:
        from crm_desktop.ui.forms import open_record

        saved = open_record(self, "deal")
        if saved is not None:
            self.refresh()
        return saved
