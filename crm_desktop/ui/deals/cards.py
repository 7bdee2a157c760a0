"""One stage's deals as cards: a lazy list model, the card painter, and the drag-and-drop list.

A column of the board holds the ids of its first cards (sorted by the service)
and reads the next page of them when it is scrolled to its end
(:func:`listing.list_page`, from an index: as quick deep down as at the top); a
card's row is fetched from :func:`listing.fetch_rows` the first time it is
painted, a block of neighbours at a time, so a stage with a hundred thousand
deals opens at once and scrolls smoothly. Cards are painted by :class:`CardDelegate` (no
widget per card). Dragging a card carries its id as ``application/x-crm-deal``;
the list that receives it emits ``deal_dropped`` and the board decides.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from crm_desktop.services import listing
from crm_desktop.services.enums import CLOSED_DEAL_STAGES
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.formats import Formats

MIME_TYPE = "application/x-crm-deal"
FETCH_BLOCK = 100
PAGE = 100  # cards read at a time: more than a column shows at once on any screen
# A column scrolled on and on reads bigger pages (half what it holds, up to this), so its
# end is reached in a hundred scrolls, not a thousand; a page this big: ~20 ms at 1M.
MAX_PAGE = 1000
CARD_COLUMNS = ["title", "customer_name", "amount_cents", "probability", "expected_close",
                "closed_at", "stage", "lost_reason"]  # fmt: skip
STAGE_COLORS = {
    "new": "#78909c",
    "qualified": "#1e88e5",
    "proposal": "#8e24aa",
    "negotiation": "#fb8c00",
    "won": "#2e7d32",
    "lost": "#c62828",
}
CardRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole


def stage_query(stage: str) -> ListQuery:
    """A stage's order: open deals soonest expected close first, closed ones newest first."""
    if stage in CLOSED_DEAL_STAGES:
        return ListQuery(filters={"stage": stage}, sort="closed_at", descending=True)
    return ListQuery(filters={"stage": stage}, sort="expected_close", descending=False)


def first_cards(ids: list[int]) -> list[dict[str, Any]]:
    """The rows of the cards a column shows first (read with its ids, off the GUI thread)."""
    return listing.fetch_rows("deal", ids[:FETCH_BLOCK], CARD_COLUMNS)


def deal_mime(deal_id: int, stage: str) -> QMimeData:
    """What a dragged card carries."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps({"id": deal_id, "stage": stage}).encode())
    mime.setText(str(deal_id))
    return mime


def read_mime(mime: QMimeData) -> dict[str, Any] | None:
    if not mime.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        return {"id": int(payload["id"]), "stage": str(payload["stage"])}
    except (ValueError, KeyError, TypeError):
        return None


class DealCardModel(QAbstractListModel):
    """The deal ids of one stage, a page at a time, with their rows fetched lazily."""

    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self.ids: list[int] = []
        self._cache: dict[int, dict[str, Any]] = {}
        self.after: tuple[Any, int] | None = None  # where the next page begins
        self.complete = True  # every deal of the stage is in ``ids``
        self.limit: int | None = None  # at most this many cards (Won/Lost until "Show all")

    def set_ids(
        self,
        ids: list[int],
        rows: list[dict[str, Any]] | None = None,
        after: tuple[Any, int] | None = None,
        complete: bool = True,
    ) -> None:
        """Show these deals; ``rows`` already read (off the GUI thread) seed the cache.

        ``complete`` False: more follow in the stage's order after the row ``after``
        (:class:`listing.Page`), read when the list is scrolled to its end.
        """
        self.beginResetModel()
        self.ids = list(ids)
        self._cache = {row["id"]: row for row in rows or ()}
        self.after, self.complete = after, complete
        self.endResetModel()

    def set_page(self, page: listing.Page, rows: list[dict[str, Any]] | None = None) -> None:
        self.set_ids(page.ids, rows, page.after, page.complete)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self.complete:
            return False
        return self.limit is None or len(self.ids) < self.limit

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        """The next page of the stage's deals (a few milliseconds from an index, at any depth)."""
        if not self.canFetchMore(parent):
            return
        size = min(max(PAGE, len(self.ids) // 2), MAX_PAGE)
        if self.limit is not None:
            size = min(size, self.limit - len(self.ids))
        page = listing.list_page("deal", stage_query(self.stage), self.after, size)
        shown = set(self.ids)  # a card just moved here is shown at the top already
        new = [deal_id for deal_id in page.ids if deal_id not in shown]
        self.after, self.complete = page.after, page.complete
        if new:
            self.beginInsertRows(QModelIndex(), len(self.ids), len(self.ids) + len(new) - 1)
            self.ids.extend(new)
            self.endInsertRows()

    def remove_id(self, deal_id: int) -> None:
        row = self.row_of(deal_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.ids[row]
            self.endRemoveRows()

    def insert_id(self, row: int, deal_id: int) -> None:
        row = max(0, min(row, len(self.ids)))
        self.beginInsertRows(QModelIndex(), row, row)
        self.ids.insert(row, deal_id)
        self._cache.pop(deal_id, None)
        self.endInsertRows()

    def row_of(self, deal_id: int) -> int:
        try:
            return self.ids.index(deal_id)
        except ValueError:
            return -1

    def card(self, row: int) -> dict[str, Any] | None:
        deal_id = self.ids[row]
        found = self._cache.get(deal_id)
        if found is None:
            start = (row // FETCH_BLOCK) * FETCH_BLOCK
            block = [i for i in self.ids[start : start + FETCH_BLOCK] if i not in self._cache]
            for fetched in listing.fetch_rows("deal", block, CARD_COLUMNS):
                self._cache[fetched["id"]] = fetched
            found = self._cache.get(deal_id)
            if found is None:  # gone since the ids were read; shown empty until refresh
                found = {"id": deal_id, "title": "", "customer_name": "", "amount_cents": 0,
                         "probability": 0, "expected_close": None, "closed_at": None,
                         "stage": self.stage, "lost_reason": None}  # fmt: skip
                self._cache[deal_id] = found
        return found

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.ids):
            return None
        if role == IdRole:
            return self.ids[index.row()]
        if role == CardRole:
            return self.card(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            card = self.card(index.row()) or {}
            lines = [_one_line(card.get("title"))[:300], _one_line(card.get("customer_name"))[:300]]
            if card.get("lost_reason"):
                lines.append(
                    self.tr("Lost: {value}").format(value=_one_line(card["lost_reason"])[:300])
                )
            return "\n".join(line for line in lines if line)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            card = self.card(index.row()) or {}
            if role == Qt.ItemDataRole.DisplayRole:
                return card.get("title") or ""
            return f"{_one_line(card.get('title'))}, {_one_line(card.get('customer_name'))}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        rows = [index.row() for index in indexes if index.isValid()]
        if not rows:
            return QMimeData()
        return deal_mime(self.ids[rows[0]], self.stage)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class CardDelegate(QStyledItemDelegate):
    """Paints a deal as a card: title, customer, amount, and when it closes."""

    MARGIN = 4
    PAD = 8

    def __init__(self, formats: Formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.today = date.today().isoformat()
        self._font_key = ""
        self._fonts_cache: tuple = ()
        # A card's laid-out texts by (deal id, width): scrolling repaints without re-eliding.
        self._texts: dict[tuple[int, int], tuple] = {}

    def forget(self) -> None:
        """Drop laid-out texts (the rows or the formats changed)."""
        self._texts.clear()
        self.today = date.today().isoformat()

    def _fonts(self, base: QFont) -> tuple:
        """(title, small, amount) fonts and their metrics, made once per base font."""
        key = base.key()
        if key != self._font_key:
            title = QFont(base)
            title.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
            amount = QFont(title)
            self._fonts_cache = (
                title,
                small,
                amount,
                QFontMetrics(title),
                QFontMetrics(small),
                QFontMetrics(amount),
            )
            self._font_key = key
        return self._fonts_cache

    def card_height(self, font: QFont) -> int:
        _t, _s, _a, title, small, amount = self._fonts(font)
        return title.height() + small.height() + amount.height() + 2 * (self.PAD + self.MARGIN) + 6

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(180, self.card_height(option.font))

    def _lay_out(self, card: dict[str, Any], width: int, fonts: tuple) -> tuple:
        """The card's texts fitted to ``width``: the close date is always whole (the
        customer's name gives way to it), the probability sits beside the amount."""
        key = (card.get("id", 0), width)
        found = self._texts.get(key)
        if found is not None:
            return found
        _t, _s, _a, title_metrics, small_metrics, amount_metrics = fonts
        title = title_metrics.elidedText(
            _one_line(card.get("title")), Qt.TextElideMode.ElideRight, width
        )
        when, late = self._when(card)
        when_width = min(small_metrics.horizontalAdvance(when) + 6, width) if when else 0
        customer = small_metrics.elidedText(
            _one_line(card.get("customer_name")), Qt.TextElideMode.ElideRight, width - when_width
        )
        amount = self.formats.money(card.get("amount_cents") or 0)
        amount_width = min(amount_metrics.horizontalAdvance(amount) + 2, width)
        side = self._side_note(card)
        side_width = small_metrics.horizontalAdvance(side) + 6 if side else 0
        if amount_width + side_width > width:
            side, side_width = "", 0
        found = (title, customer, when, when_width, late, amount, amount_width, side, side_width)
        if len(self._texts) > 5000:
            self._texts.clear()
        self._texts[key] = found
        return found

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CardRole) or {}
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette: QPalette = option.palette
        rect = option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        border = palette.color(QPalette.ColorRole.Highlight) if selected else QColor("#cfd8dc")
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAGE_COLORS.get(card.get("stage") or "", "#90a4ae")))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        if focused and not selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 5, 5)

        fonts = self._fonts(option.font)
        title_font, small, amount_font, title_metrics, small_metrics, amount_metrics = fonts
        inner = rect.adjusted(self.PAD + 4, self.PAD, -self.PAD, -self.PAD)
        left, width = inner.left(), inner.width()
        title, customer, when, when_width, late, amount, amount_width, side, side_width = (
            self._lay_out(card, width, fonts)
        )
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        left_align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        right_align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        y = inner.top()

        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(QRect(left, y, width, title_metrics.height()), left_align, title)
        y += title_metrics.height() + 2

        painter.setFont(small)
        painter.setPen(muted)
        line = small_metrics.height()
        painter.drawText(QRect(left, y, width - when_width, line), left_align, customer)
        if when:
            painter.setPen(QColor("#c62828") if late else muted)
            painter.drawText(
                QRect(left + width - when_width, y, when_width, line), right_align, when
            )
        y += line + 4

        line = amount_metrics.height()
        painter.setFont(amount_font)
        painter.setPen(text)
        painter.drawText(QRect(left, y, amount_width, line), left_align, amount)
        if side:
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(
                QRect(left + width - side_width, y, side_width, line), right_align, side
            )
        painter.restore()

    @staticmethod
    def _side_note(card: dict[str, Any]) -> str:
        """The probability of an open deal, shown at the right of the customer's name."""
        if card.get("stage") in ("won", "lost") or card.get("probability") is None:
            return ""
        return f"{card['probability']} %"

    def _when(self, card: dict[str, Any]) -> tuple[str, bool]:
        """The close date (expected, or actual for won/lost) and whether it has passed."""
        if card.get("stage") in ("won", "lost"):
            closed = card.get("closed_at")
            return (self.formats.date(closed) if closed else "", False)
        expected = card.get("expected_close")
        if not expected:
            return ("", False)
        return (self.formats.date(expected), expected < self.today)


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


class CardList(QTableView):
    """The cards of one stage; cards dragged here from another stage emit ``deal_dropped``.

    A one-column table rather than a QListView: with fixed row heights a table
    lays out 5,000 cards in no time, where a list view measures every item.
    """

    deal_dropped = Signal(int, str)  # deal id, the stage it came from
    open_requested = Signal(int)
    move_requested = Signal(int, int)  # deal id, +1 next stage / -1 previous stage

    def __init__(self, model: DealCardModel, formats: Formats, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"cards_{model.stage}")
        self.setModel(model)
        self.delegate = CardDelegate(formats, self)
        self.setItemDelegate(self.delegate)
        model.modelReset.connect(self.delegate.forget)
        self.horizontalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.delegate.card_height(self.font()))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.doubleClicked.connect(self._open)
        self._highlight = False

    @property
    def stage(self) -> str:
        return self.model().stage  # type: ignore[attr-defined]

    def current_deal(self) -> int | None:
        index = self.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def _open(self, index: QModelIndex) -> None:
        deal_id = index.data(IdRole)
        if deal_id is not None:
            self.open_requested.emit(int(deal_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        deal_id = self.current_deal()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and deal_id is not None:
            self.open_requested.emit(int(deal_id))
            return
        if modifiers & Qt.KeyboardModifier.ControlModifier and deal_id is not None:
            if key == Qt.Key.Key_Right:
                self.move_requested.emit(int(deal_id), 1)
                return
            if key == Qt.Key.Key_Left:
                self.move_requested.emit(int(deal_id), -1)
                return
        super().keyPressEvent(event)

    # --- drops --------------------------------------------------------------------------

    def _accepts(self, mime: QMimeData) -> bool:
        payload = read_mime(mime)
        return payload is not None and payload["stage"] != self.stage

    def _set_highlight(self, on: bool) -> None:
        if on != self._highlight:
            self._highlight = on
            self.viewport().setStyleSheet("background: #e3f2fd;" if on else "")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._set_highlight(True)
        elif read_mime(event.mimeData()) is not None:
            event.accept()  # its own column: allowed to hover, nothing happens on drop
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        elif read_mime(event.mimeData()) is not None:
            event.ignore()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._set_highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_highlight(False)
        payload = read_mime(event.mimeData())
        if payload is None or payload["stage"] == self.stage:
            event.ignore()
            return
        # Copy, not move: the source list must not remove rows itself; the board refreshes.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.deal_dropped.emit(payload["id"], payload["stage"])
