"""The table view of every list: rows selected whole, sort by header click, columns to taste.

:class:`RecordTable` is a plain :class:`QTableView` set up for a lazy model
of 100,000 rows (fixed row heights, no resize-to-contents, which would read
every row), with a header context menu that shows and hides columns, the
selection and current row kept by id across reloads, Enter to open, files
dropped on it passed to a handler, and a short sentence when it is empty. Its cells are
filled by :class:`~crm_desktop.ui.tables.cells.CellDelegate`, one model call a cell.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from crm_desktop.ui.sections.base import ColumnSpec
from crm_desktop.ui.tables.cells import CellDelegate
from crm_desktop.ui.tables.model import ListModel
from crm_desktop.ui.tables.widths import fitting_width


class RecordTable(QTableView):
    """A list's rows; emits ``open_requested(id)`` on Enter or double-click."""

    open_requested = Signal(int)
    columns_changed = Signal()

    def __init__(self, model: ListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.list_model = model
        self.setItemDelegate(CellDelegate(model, self))
        self.empty_text = self.tr("Nothing here yet.")
        self.drop_handler: Callable[[list[Path]], bool] | None = None
        self._saved_ids: set[int] = set()
        self._saved_current: int | None = None
        self._saved_row = -1
        self._select_after_reload: int | None = None
        self._scroll_to_top = False
        self._scroll_to_selection = True  # after a reload: False when a sort shows the top
        self._keep_selection = True  # after a reload: False when a search selects its first row
        self.paint_count = 0

        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in every other widget
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        rows = self.verticalHeader()
        rows.hide()
        # Fixed heights: the view never asks 100,000 rows how tall they are.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)

        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(False)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.sectionResized.connect(lambda *_: self.columns_changed.emit())
        header.sectionMoved.connect(lambda *_: self.columns_changed.emit())

        self.doubleClicked.connect(self._open_index)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        # Ids that arrive without a reset (every id after the ends, a search's rest) may
        # hold the record waiting to be selected.
        model.ids_loaded.connect(self._select_pending)
        model.ids_loaded.connect(self._reloaded)
        model.failed.connect(self._reloaded)
        model.columns_about_to_change.connect(self._remember_columns)
        model.columns_reset.connect(self._restore_columns)
        self._kept_columns: dict[str, tuple[bool, int]] = {}
        self.apply_default_columns()

    # --- columns ---------------------------------------------------------------------

    def lay_out_now(self) -> None:
        """Do the layout Qt would do at the next turn of the event loop (scroll bars)."""
        self.executeDelayedItemsLayout()
        # The scroll area shows or hides a scroll bar by a queued call on its new range:
        # delivered now, so the frame that paints the rows has its scroll bar.
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def apply_default_columns(self) -> None:
        header = self.horizontalHeader()
        for logical, column in enumerate(self.list_model.columns):
            header.moveSection(header.visualIndex(logical), logical)
            header.resizeSection(logical, self._default_width(logical, column))
            header.setSectionHidden(logical, not column.visible)
        self.show_sort_indicator()

    def widen_untouched_columns(self) -> None:
        """Columns still at their declared width (never dragged) get what their words need."""
        header = self.horizontalHeader()
        for logical, column in enumerate(self.list_model.columns):
            if header.sectionSize(logical) == column.width:
                header.resizeSection(logical, self._default_width(logical, column))

    def _default_width(self, logical: int, column: ColumnSpec) -> int:
        # Wide enough for the translated title and words (ui/tables/widths.py).
        return fitting_width(self, logical, column.width, column.key, self.list_model.entity)

    def _remember_columns(self) -> None:
        header = self.horizontalHeader()
        self._kept_columns = {
            column.key: (header.isSectionHidden(logical), header.sectionSize(logical))
            for logical, column in enumerate(self.list_model.columns)
        }

    def _restore_columns(self) -> None:
        # Columns that were there keep their visibility and width; new ones start hidden.
        header = self.horizontalHeader()
        for logical, column in enumerate(self.list_model.columns):
            hidden, width = self._kept_columns.get(
                column.key, (not column.visible, self._default_width(logical, column))
            )
            header.resizeSection(logical, width)
            header.setSectionHidden(logical, hidden)
        self.show_sort_indicator()
        self.columns_changed.emit()

    def show_sort_indicator(self) -> None:
        header = self.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(self.list_model.sort_column(), self.list_model.sort_order())
        header.blockSignals(blocked)

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if not self.list_model.is_sortable(column):
            self.show_sort_indicator()  # put the arrow back where the rows are sorted
            return
        # After a sort the user sees the top of the list, unless the row they selected is on
        # screen: then it stays in view at its new place (issue 11).
        follow = self._current_row_in_view()
        self._scroll_to_top = not follow
        self._scroll_to_selection = follow
        self.list_model.sort(column, order)
        self.columns_changed.emit()

    def _current_row_in_view(self) -> bool:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return False
        row_top = self.rowViewportPosition(index.row())
        return row_top + self.rowHeight(index.row()) > 0 and row_top < self.viewport().height()

    def _header_menu(self, point: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        visible = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        for logical, column in enumerate(self.list_model.columns):
            action = QAction(column.title, menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            # The last visible column stays: a table with no columns is a puzzle.
            action.setEnabled(not (len(visible) == 1 and logical in visible))
            action.toggled.connect(
                lambda shown, logical=logical: self._set_column_shown(logical, shown)
            )
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Reset columns"))
        reset.triggered.connect(self._reset_columns)
        menu.popup(header.mapToGlobal(point))

    def _set_column_shown(self, logical: int, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(logical, not shown)
        self.columns_changed.emit()

    def _reset_columns(self) -> None:
        self.apply_default_columns()
        self.columns_changed.emit()

    # --- selection, kept by id across reloads -------------------------------------------

    def selected_ids(self) -> list[int]:
        ids = self.list_model.ids()
        chosen: list[int] = []
        selection = self.selectionModel().selection()
        for selection_range in (selection.at(i) for i in range(selection.count())):
            chosen.extend(ids[selection_range.top() : selection_range.bottom() + 1])
        chosen = [record_id for record_id in chosen if record_id]  # 0: not read yet
        return list(dict.fromkeys(chosen))

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.list_model.id_at(index.row()) if index.isValid() else None

    def select_id_after_reload(self, record_id: int) -> None:
        """Select ``record_id`` once it appears (a record just created)."""
        self._select_after_reload = record_id
        if self.list_model.row_of(record_id) is not None:
            self._select_after_reload = None
            self.select_ids([record_id], current=record_id)

    def _select_pending(self) -> None:
        wanted = self._select_after_reload
        if wanted is not None and self.list_model.row_of(wanted) is not None:
            self._select_after_reload = None
            self.select_ids([wanted], current=wanted)

    def select_ids(
        self, ids: list[int] | set[int], current: int | None = None, *, scroll: bool = True
    ) -> None:
        model = self.list_model
        rows = sorted(row for row in (model.row_of(i) for i in ids) if row is not None)
        current_row = model.row_of(current) if current is not None else None
        self._select_rows(rows, current_row, scroll=scroll)

    def _select_rows(self, rows: list[int], current_row: int | None, *, scroll: bool) -> None:
        model = self.list_model
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        start: int | None = None
        previous: int | None = None
        for row in [*rows, None]:
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None and previous is not None:
                selection.select(model.index(start, 0), model.index(previous, last_column))
            start = previous = row
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().select(selection, flags)
        if current_row is not None:
            auto_scroll = self.hasAutoScroll()
            self.setAutoScroll(scroll)  # a current row change scrolls to it unless told not to
            self.selectionModel().setCurrentIndex(
                model.index(current_row, max(self._first_visible_column(), 0)),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
            self.setAutoScroll(auto_scroll)
            if scroll:
                self.scrollTo(self.currentIndex(), QAbstractItemView.ScrollHint.EnsureVisible)

    def select_first_row(self) -> None:
        # By its place, not its id: looking an id up maps every row of the list to its id.
        if self.list_model.id_at(0) is not None:
            self._select_rows([0], 0, scroll=True)

    def _first_visible_column(self) -> int:
        header = self.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical
        return 0

    def _remember_selection(self) -> None:
        if not self._keep_selection:
            # A new search selects its first row (the page does): the rows selected before
            # are not looked for among its matches, which would map every match to its id.
            self._saved_ids, self._saved_current, self._saved_row = set(), None, -1
            return
        self._saved_ids = set(self.selected_ids())
        self._saved_current = self.current_id()
        self._saved_row = self.currentIndex().row()

    def _restore_selection(self) -> None:
        # Lay the rows out now: left to its zero timer, the layout after a reset would
        # repaint the whole table a second time.
        self.executeDelayedItemsLayout()
        if self._select_after_reload is not None:
            wanted = self._select_after_reload
            if self.list_model.row_of(wanted) is not None:
                self._select_after_reload = None
                self._saved_ids, self._saved_current = {wanted}, wanted
        if self._scroll_to_top:
            self._scroll_to_top = False
            self.scrollToTop()
        model = self.list_model
        if self._saved_current is not None and model.row_of(self._saved_current) is None:
            # The current row went away (deleted): the row that took its place becomes current.
            row = min(self._saved_row, model.rowCount() - 1)
            if row >= 0 and not any(model.row_of(i) is not None for i in self._saved_ids):
                replacement = model.id_at(row)
                if replacement is not None:
                    self._saved_ids, self._saved_current = {replacement}, replacement
        scroll, self._scroll_to_selection = self._scroll_to_selection, True
        if self._saved_ids or self._saved_current is not None:
            self.select_ids(self._saved_ids, current=self._saved_current, scroll=scroll)

    def scroll_to_top_on_reload(self) -> None:
        """The query changed (search, filter): show the new first rows, not the old position."""
        self._scroll_to_top = True

    def drop_selection_on_reload(self) -> None:
        """A new search: its answer's first row is selected, not the rows selected before."""
        self._keep_selection = False

    def _reloaded(self, *_: object) -> None:
        self._keep_selection = True  # for this answer only, whether it came with a reset or not
        if self._scroll_to_top:  # an answer without a reset (a search's ids in place)
            self._scroll_to_top = False
            self.scrollToTop()

    # --- keys, mouse, drops -----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open_index(self, index) -> None:
        if index.isValid():
            record_id = self.list_model.id_at(index.row())
            if record_id is not None:
                self.open_requested.emit(record_id)

    def set_drop_handler(self, handler: Callable[[list[Path]], bool]) -> None:
        """Files dropped on the table go to ``handler`` (an import, an attachment…)."""
        self.drop_handler = handler
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.drop_handler is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self.drop_handler is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self.drop_handler is not None and event.mimeData().hasUrls():
            files = [
                Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()
            ]
            if files and self.drop_handler(files):
                event.acceptProposedAction()
                return
        super().dropEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.paint_count += 1  # the benchmark waits for the rows to be on screen
        if self.list_model.rowCount() == 0 and self.list_model.has_loaded():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(20, 30, -20, -20),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
