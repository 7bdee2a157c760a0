"""The lazy table model of every list: row ids from the database, rows fetched as they show.

The Anki pattern. :class:`ListModel` holds only the ids of its rows, in the
order the database sorted them (:func:`crm_desktop.services.listing.list_ids`,
run off the GUI thread by the :mod:`~crm_desktop.ui.tables.runner`), and
fetches the rows on screen in blocks of :data:`BLOCK` with
:func:`~crm_desktop.services.listing.fetch_rows`, keeping the most recently
used blocks in a small cache. The ids are a compact array (8 bytes a row:
a million customers take 8 MB, not the 36 MB of a list of ints) and no other
per-row object outlives the block cache; a scroll to the end fetches one
block. Sorting changes the query, never the rows in memory: there is no
proxy model.

A table opens in two steps when an index gives its order
(:func:`~crm_desktop.services.listing.list_ends`): first the number of rows
and the ids of the first and last :data:`ENDS` rows, so that the table shows
its top and can jump to its end at once; then every id. Until they arrive the
ids between are 0 ("not read yet"): such rows show empty and are not cached.

Two states hold only part of a query's ids, and :class:`Fill` tells them apart, each
with the query it belongs to: :attr:`Fill.ENDS` (opening, above) and
:attr:`Fill.FIRST_PAGE` (a customer search's first page, the rest of its ids being
read). An answer completes a partial state only when it is for that state's query, so
a search typed while the ends are filling, or a reload during a search's rest, can
never be taken for the rest of another.
"""

from __future__ import annotations

import enum
import logging
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont

from crm_desktop.services import custom_fields, listing, search
from crm_desktop.services.changes import Change
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.formats import RIGHT_ALIGNED, STYLE_COLORS, Formats
from crm_desktop.ui.sections.base import Section
from crm_desktop.ui.tables.runner import runner

log = logging.getLogger(__name__)

# Rows fetched at a time: a screen is ~25–40 rows, and the first rows of a search are fetched
# on the GUI thread between the answer and the paint, so a block no bigger than a screen or two.
BLOCK = 50
ENDS = 200  # ids read at each end of a list before the rest (see list_ends)
FIRST_PAGE = 300  # rows of a search shown at once; the rest of a long answer follows
REST_DELAY_MS = 150  # …this long after the first rows, when no other key came meanwhile
MAX_BLOCKS = 40  # 2,000 rows at most in memory per table (dozens of screens to scroll back)
ID_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1
RAW_ROLE = int(Qt.ItemDataRole.UserRole.value) + 2


Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)


MATCH_KEY = "_match"  # in a customer row's values while searching: (field, value)


def match_text(reason: tuple[str, str]) -> str:
    """ "contact: Иван Петров": why a customer matched a search, for the name cell."""
    field, value = reason
    labels = {
        "email": QCoreApplication.translate("SearchReason", "email"),
        "phone": QCoreApplication.translate("SearchReason", "phone"),
        "contact": QCoreApplication.translate("SearchReason", "contact"),
        "city": QCoreApplication.translate("SearchReason", "city"),
        "country": QCoreApplication.translate("SearchReason", "country"),
        "tag": QCoreApplication.translate("SearchReason", "tag"),
    }
    return f"{labels.get(field, field)}: {value}"


def _compact(answer: tuple[list[int] | array[int], bool]) -> tuple[array, bool]:
    ids = answer[0]
    return (ids if isinstance(ids, array) else array("q", ids)), answer[1]  # off the GUI thread


def _is_blank(value: Any) -> bool:
    # 0 is a real filter value (inactive products); False is an unticked check box.
    return value is None or value is False or value == "" or value == []


_BOLD: list[QFont] = []


def bold_font() -> QFont:
    """The bold font of an "alert" cell (made once)."""
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


_UNSET: Any = object()


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted numbers as (first, last) runs of consecutive ones: [1, 2, 3, 7] → (1, 3), (7, 7)."""
    runs: list[tuple[int, int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


class Fill(enum.Enum):
    """How much of its query's ids the model holds."""

    WHOLE = "whole"  # every id, in order (or nothing asked yet)
    ENDS = "ends"  # opening: the count and the ids at both ends, 0 in between
    FIRST_PAGE = "first page"  # a search's first page; the rest is being read


@dataclass(slots=True)
class _Row:
    """One fetched row: its values, and its cells' text and style, each made when first shown.

    Formatting is the costly part of a row (a phone number through phonenumbers, a
    timestamp into local time), so hidden columns and rows fetched with a block but
    never scrolled to are never formatted.
    """

    values: dict[str, Any]
    texts: list[Any]
    styles: list[Any]


class ListModel(QAbstractTableModel):
    """A section's rows, by id, fetched lazily; the database filters and sorts."""

    loading_changed = Signal(bool)
    columns_about_to_change = Signal()  # the owner's fields changed: the columns are laid again
    columns_reset = Signal()
    ids_loaded = Signal()  # a query's answer arrived (the count may have changed)
    query_sent = Signal()  # a query went to the database: its answer is awaited
    failed = Signal(object)

    def __init__(self, section: Section, formatter: Formats, parent: QObject | None = None):
        super().__init__(parent)
        self.section = section
        self.entity = section.entity
        # Read once: data() asks at every repaint, and a section's attributes are translated
        # on each read (DeclaredTexts).
        self._cell_style = section.cell_style
        self.formatter = formatter
        list_spec = listing.spec(section.entity)
        self._lay_columns(list_spec)
        self._fetch_keys = list(dict.fromkeys([*self._keys, *self._style_fields]))
        self.query = ListQuery(sort=list_spec.default_sort, descending=list_spec.default_descending)
        self._ids: array[int] = array("q")
        self._fill = Fill.WHOLE
        self._fill_query: ListQuery | None = None  # the query a partial fill belongs to
        self._generation = 0  # which reload an answer belongs to
        self._positions: dict[int, int] | None = None  # only while one event asks for rows
        self._blocks: OrderedDict[int, list[_Row | None]] = OrderedDict()
        self._last_block_number = -1
        self._last_block: list[_Row | None] = []
        self._loading = False
        self._loaded_once = False
        # A new search's answer as long as the list shown replaces its ids in place, rows
        # that stayed keeping what was fetched (see _keep_rows): only for that search, and
        # only while no change may have made the fetched rows stale.
        self._in_place_for: ListQuery | None = None
        self._rows_stale = False
        self._runner = runner()
        self._channel = self._runner.channel(self)
        self._ends_channel = self._runner.channel(self)

    def _lay_columns(self, list_spec: listing.ListSpec) -> None:
        # The section's layout over the catalogue's fields (custom ones too).
        self.columns = self.section.screen_columns()
        self._columns = [list_spec.column(c.key) for c in self.columns]
        self._keys = [c.key for c in self.columns]
        self._kinds = [c.kind for c in self._columns]
        self._style_fields = self._style_keys(list_spec)
        self._alignments = [
            (Qt.AlignmentFlag.AlignRight if c.kind in RIGHT_ALIGNED else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignVCenter
            for c in self._columns
        ]

    def relay_columns(self) -> None:
        """The owner added, renamed or deleted a field: lay the columns again."""
        self.columns_about_to_change.emit()
        self.beginResetModel()
        self._lay_columns(listing.spec(self.entity))
        self._fetch_keys = [k for k in self._fetch_keys if k in self._keys]
        self._fetch_keys = list(dict.fromkeys([*self._fetch_keys, *self._style_fields]))
        self._forget_rows()
        self.endResetModel()
        self.columns_reset.emit()

    def _style_keys(self, list_spec: listing.ListSpec) -> list[str]:
        # Styles read a few columns that may be hidden (status, stage, due date…).
        wanted = ("status", "stage", "active", "due_date", "expected_close", "priority")
        keys = {c.key for c in list_spec.all_columns()}
        return [key for key in wanted if key in keys] if self.section.cell_style else []

    # --- the Qt model protocol ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    # No flags() here: QAbstractTableModel's own gives every valid cell "enabled, selectable"
    # (and "never has children") in C++, where the view asks it twice per cell per paint.

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[section]
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].sort is None:
            return self.tr("{title}: this column cannot be sorted.").format(
                title=self.columns[section].title
            )
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        # Called for every role of every cell at every repaint: kept to plain int
        # comparisons (an enum attribute lookup costs more than the rest of the call).
        row_number = index.row()
        column = index.column()
        if row_number < 0 or row_number >= len(self._ids) or column < 0:
            return None
        if role == _DISPLAY:
            row = self._row(row_number)
            return None if row is None else self._text(row, column)
        if role == _ALIGNMENT:
            return self._alignments[column]
        if role in (_FOREGROUND, _FONT):
            if self._cell_style is None:
                return None
            row = self._row(row_number)
            if row is None:
                return None
            style = self._style(row, column)
            if role == _FOREGROUND:
                return STYLE_COLORS.get(style) if style else None
            return bold_font() if style == "alert" else None
        if role == ID_ROLE:
            return self._ids[row_number] or None
        if role in (RAW_ROLE, _TOOLTIP):
            row = self._row(row_number)
            value = row.values.get(self._keys[column]) if row is not None else None
            if role == RAW_ROLE:
                return value
            if row is not None and MATCH_KEY in row.values and self._keys[column] == "name":
                return self.data(index, _DISPLAY)  # the whole reason, when the cell cuts it
            return value if isinstance(value, str) and len(value) > 30 else None
        return None

    def _text(self, row: _Row, column: int) -> str:
        text = row.texts[column]
        if text is _UNSET:
            key = self._keys[column]
            text = self.formatter.display(self._kinds[column], row.values.get(key))
            if key == "name" and MATCH_KEY in row.values:
                text = f"{text}  ·  {match_text(row.values[MATCH_KEY])}"
            row.texts[column] = text
        return text

    def _style(self, row: _Row, column: int) -> str | None:
        style = row.styles[column]
        if style is _UNSET:
            assert self._cell_style is not None
            style = row.styles[column] = self._cell_style(row.values, self._keys[column])
        return style

    def cell(self, row_number: int, column: int) -> tuple[str, Any, str | None] | None:
        """What a cell shows, at once: its text, alignment and style ("alert", "muted"…).

        The same answers as :meth:`data` gives role by role (the table's delegate asks this
        once per cell instead of seven ``data()`` calls). None for a row not read yet.
        """
        if not 0 <= row_number < len(self._ids) or not 0 <= column < len(self._columns):
            return None
        row = self._row(row_number)
        if row is None:
            return None
        style = self._style(row, column) if self._cell_style is not None else None
        return self._text(row, column), self._alignments[column], style

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database by ``column`` (ignored for a column that cannot be sorted)."""
        if not 0 <= column < len(self._columns) or self._columns[column].sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self.query.sort == self._keys[column] and self.query.descending == descending:
            return
        self.query = replace(self.query, sort=self._keys[column], descending=descending)
        self.reload()

    # --- what the page asks ----------------------------------------------------------------

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort is not None

    def sort_column(self) -> int:
        """The column the rows are sorted by (-1 when it is not on screen)."""
        key = self.query.sort or listing.spec(self.entity).default_sort
        return self._keys.index(key) if key in self._keys else -1

    def sort_order(self) -> Qt.SortOrder:
        return (
            Qt.SortOrder.DescendingOrder if self.query.descending else Qt.SortOrder.AscendingOrder
        )

    def set_search(self, text: str) -> bool:
        """Search for ``text``; returns whether the list reloads (the text changed)."""
        if text == self.query.search:
            return False
        self.query = replace(self.query, search=text)
        # Its first row is selected (the page does): the rows may keep their places.
        self._in_place_for = self.query if text.strip() else None
        self._send()
        return True

    def set_filters(self, filters: dict[str, Any]) -> None:
        cleaned = {k: v for k, v in filters.items() if not _is_blank(v)}
        if cleaned != self.query.filters:
            self.query = replace(self.query, filters=cleaned)
            self.reload()

    def current_query(self) -> ListQuery:
        return replace(self.query, filters=dict(self.query.filters))

    def is_loading(self) -> bool:
        return self._loading

    def has_loaded(self) -> bool:
        return self._loaded_once

    def ids(self) -> Sequence[int]:
        """The ids in order (0 for a row whose id is not read yet, see the module's notes)."""
        return self._ids

    def id_at(self, row: int) -> int | None:
        return (self._ids[row] or None) if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        if self._positions is None:
            # Restoring a selection asks for many rows at once: one map for this event, then
            # dropped (at a million rows it would hold ~100 MB for as long as it lived).
            self._positions = {value: position for position, value in enumerate(self._ids)}
            self._positions.pop(0, None)  # rows whose id is not read yet
            QTimer.singleShot(0, self, self._forget_positions)
        return self._positions.get(record_id)

    def _forget_positions(self) -> None:
        self._positions = None

    def values_at(self, row: int) -> dict[str, Any] | None:
        fetched = self._row(row) if 0 <= row < len(self._ids) else None
        return fetched.values if fetched else None

    def set_visible_columns(self, keys: list[str]) -> None:
        """Fetch only the columns on screen (a hidden revenue column is a costly sum)."""
        wanted = list(dict.fromkeys([k for k in self._keys if k in keys] + self._style_fields))
        if set(wanted) == set(self._fetch_keys):
            return
        newly_shown = set(wanted) - set(self._fetch_keys)
        self._fetch_keys = wanted
        if newly_shown:
            self._invalidate_rows()  # their values were not fetched

    def set_formatter(self, formatter: Formats) -> None:
        """Settings changed (currency, locale): redraw every cell."""
        self.formatter = formatter
        self._invalidate_rows()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the database for the ids again (in the background); rows refetch as they show.

        A customer search reads its first page at once; when more match (a one-letter
        query on a big file), the whole list follows in a second query, and until it
        arrives the model is :meth:`is_partial` (:attr:`Fill.FIRST_PAGE`).
        """
        self._in_place_for = None
        self._rows_stale = True  # a change, a sort, a filter: every row is fetched again
        self._send()

    def _send(self) -> None:
        query = self.current_query()
        entity = self.entity
        self._set_loading(True)
        self.query_sent.emit()
        self._generation += 1
        generation = self._generation
        if not self._loaded_once:  # opening: the ends first, when an index gives them at once
            self._runner.submit(
                self._ends_channel,
                lambda: listing.list_ends(entity, query, ENDS),
                lambda ends: self._apply_ends(ends, generation, query),
                self._failed,
            )
        self._runner.submit(
            self._channel,
            lambda: _compact(listing.first_ids(entity, query, FIRST_PAGE)),  # compact off the GUI
            lambda answer: self._apply_first(query, answer),
            self._failed,
        )

    def _apply_first(self, query: ListQuery, answer: tuple[array, bool]) -> None:
        ids, complete = answer
        if complete:
            self._apply_ids(query, ids)
            return
        self._apply_ids(query, ids, fill=Fill.FIRST_PAGE)
        # The rest once the first rows are painted: reading it meanwhile would slow
        # the paint, and a next keystroke within the pause makes it unnecessary.
        QTimer.singleShot(REST_DELAY_MS, self, lambda: self._read_the_rest(query))

    def _read_the_rest(self, query: ListQuery) -> None:
        if query != self.query or not self._filling(Fill.FIRST_PAGE, query):
            return  # another query since: its own answer is on its way
        stale = self._runner.running_is_stale
        self._runner.submit(
            self._channel,
            lambda: array("q", search.search_customers(query.search, cancelled=stale)),
            lambda ids: self._apply_ids(query, ids),
            self._failed,
        )

    def fill(self) -> Fill:
        """Whether every id of the query is here, or only its ends or first page."""
        return self._fill

    def is_partial(self) -> bool:
        """True while only the first page of a search is here and the rest is being read."""
        return self._fill is Fill.FIRST_PAGE

    def _filling(self, fill: Fill, query: ListQuery) -> bool:
        """Whether the model holds part of ``query``'s ids, in the state ``fill``."""
        return self._fill is fill and self._fill_query == query

    def on_change(self, change: Change) -> bool:
        """Reload when a committed change may touch this list; returns whether it will."""
        if change.entity == "setting":
            self.set_formatter(Formats.load())
            return False
        if change.entity == "custom_field" and self.entity in custom_fields.ENTITIES:
            self.relay_columns()
            self.reload()
            return True
        if self.concerns(change):
            self.reload()
            return True
        return False

    def concerns(self, change: Change) -> bool:
        """Whether a committed change may change what this list shows."""
        return (
            change.entity == "*"
            or change.entity in self.section.depends
            or (self.entity == "trash_item" and change.action in ("delete", "restore", "purge"))
        )

    def _failed(self, error: BaseException) -> None:
        self._set_loading(False)
        self.failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _apply_ends(
        self,
        ends: tuple[int, list[int], list[int]] | None,
        generation: int,
        query: ListQuery,
    ) -> None:
        """The count and the ids at both ends: the table shows them while every id is read."""
        if ends is None or generation != self._generation or self._loaded_once:
            return  # no quick way for this order, a newer query, or every id already here
        total, head, tail = ends
        ids = array("q", bytes(8 * total))  # 0: not read yet
        ids[: len(head)] = array("q", head)
        ids[total - len(tail) :] = array("q", tail)
        self._loaded_once = True
        self.beginResetModel()
        self._ids = ids
        self._fill, self._fill_query = Fill.ENDS, query
        self._positions = None
        self._forget_rows()
        self.endResetModel()
        self.ids_loaded.emit()

    def _apply_ids(self, query: ListQuery, ids: Sequence[int], *, fill: Fill = Fill.WHOLE) -> None:
        """``query``'s ids arrived: all of them, or (``fill``) its first page."""
        if not isinstance(ids, array):
            ids = array("q", ids)
        in_place = self._may_keep_rows(query, ids)
        whole = fill is Fill.WHOLE
        after_ends = whole and self._filling(Fill.ENDS, query)
        after_first_page = whole and self._filling(Fill.FIRST_PAGE, query)
        self._fill, self._fill_query = fill, (None if whole else query)
        self._set_loading(not whole)
        self._loaded_once = True
        known = len(self._ids)
        if after_ends and self._fits_ends(ids):
            # The whole list after its ends: the rows on screen stay where they are.
            self._ids = ids
            self._positions = None
            self._invalidate_rows()
        elif in_place:
            # A new search as long as the list shown: rows that stayed are not redrawn.
            shown, self._ids = self._ids, ids
            self._positions = None
            self._keep_rows(shown)
        elif ids == self._ids:
            self._invalidate_rows()  # same rows in the same order: only their values may differ
        elif after_first_page and known and len(ids) > known and ids[:known] == self._ids:
            # The rest of a search after its first page: the rows on screen stay as they are.
            self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
            self._ids = ids
            self._positions = None
            # The block the first page ended in now holds more rows: fetched again.
            self._blocks.pop(known // BLOCK, None)
            self._last_block_number, self._last_block = -1, []
            self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self._positions = None
            self._forget_rows()
            self.endResetModel()
        self.ids_loaded.emit()

    def _fits_ends(self, ids: array[int]) -> bool:
        """Whether every id already shown (at the ends) is where the full answer has it."""
        if len(ids) != len(self._ids):
            return False
        known = min(ENDS, len(ids))
        return ids[:known] == self._ids[:known] and ids[-known:] == self._ids[-known:]

    def _forget_rows(self) -> None:
        self._blocks.clear()
        self._last_block_number, self._last_block = -1, []
        self._rows_stale = False  # none left

    def _may_keep_rows(self, query: ListQuery, ids: array[int]) -> bool:
        """Whether ``query``'s answer may replace the ids in place (see :meth:`_keep_rows`)."""
        return (
            query == self._in_place_for
            and not self._rows_stale
            and self._fill is not Fill.ENDS  # its ids are not all known
            and 0 < len(ids) == len(self._ids)
        )

    def _keep_rows(self, shown: array[int]) -> None:
        """The ids changed in place from ``shown``: redraw only the rows that changed.

        Typing a letter often keeps the first page's rows (``zha`` → ``zhan``), and with as
        many rows the view need not be reset: it repaints only the rows it is told changed.
        A fetched row whose id stayed keeps its values (nothing was written since: a change
        makes every row stale, :meth:`reload`) but not its match reason, which depends on the
        search. Rows on screen were all fetched, so the rows of no block are off screen.
        """
        changed: list[int] = []
        for number, block in list(self._blocks.items()):
            start = number * BLOCK
            ids, before = self._ids[start : start + BLOCK], shown[start : start + BLOCK]
            if ids != before:
                del self._blocks[number]  # fetched again when shown
                pairs = enumerate(zip(ids, before, strict=True))
                changed.extend(start + i for i, (now, then) in pairs if now != then)
            else:
                changed.extend(start + i for i in self._new_reasons(ids, block))
        self._last_block_number, self._last_block = -1, []
        last_column = len(self._columns) - 1
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def _new_reasons(self, ids: array[int], block: list[_Row | None]) -> list[int]:
        """Give the rows of ``block`` the current search's match reasons; the changed ones."""
        if self.entity != "customer":
            return []
        reasons = search.match_reasons(self.query.search, ids) if self.query.search.strip() else {}
        changed = []
        for position, (record_id, row) in enumerate(zip(ids, block, strict=True)):
            if row is None or row.values.get(MATCH_KEY) == reasons.get(record_id):
                continue
            if record_id in reasons:
                row.values[MATCH_KEY] = reasons[record_id]
            else:
                row.values.pop(MATCH_KEY, None)
            row.texts = [_UNSET] * len(row.texts)
            changed.append(position)
        return changed

    def _invalidate_rows(self) -> None:
        self._forget_rows()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def _row(self, row_number: int) -> _Row | None:
        block_number = row_number // BLOCK
        if block_number == self._last_block_number:  # a repaint stays in one or two blocks
            return self._last_block[row_number - block_number * BLOCK]
        block = self._blocks.get(block_number)
        if block is None:
            block = self._fetch_block(block_number)
        else:
            self._blocks.move_to_end(block_number)
        if block_number in self._blocks:  # not a block of ids still unknown
            self._last_block_number, self._last_block = block_number, block
        return block[row_number - block_number * BLOCK]

    def _fetch_block(self, block_number: int) -> list[_Row | None]:
        start = block_number * BLOCK
        ids = self._ids[start : start + BLOCK]
        found = {row["id"]: row for row in listing.fetch_rows(self.entity, ids, self._fetch_keys)}
        if self.entity == "customer" and self.query.search.strip():
            # Why a row matched when it is not by its name ("contact: Иван Петров").
            for record_id, reason in search.match_reasons(self.query.search, ids).items():
                if record_id in found:
                    found[record_id][MATCH_KEY] = reason
        block = [self._make_row(found.get(record_id)) for record_id in ids]
        if self._fill is Fill.ENDS and 0 in ids:
            return block  # its unknown rows fill in when every id has arrived
        self._blocks[block_number] = block
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def _make_row(self, values: dict[str, Any] | None) -> _Row | None:
        if values is None:
            return None  # deleted since the ids were read: an empty line until the reload
        width = len(self._columns)
        return _Row(values, [_UNSET] * width, [_UNSET] * width)
