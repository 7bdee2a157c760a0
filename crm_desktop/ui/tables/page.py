"""One list on screen: the search and filter bar, the lazy table, a busy line, its own state.

:class:`ListPage` ties a section's :class:`~crm_desktop.ui.tables.model.ListModel`
to its :class:`~crm_desktop.ui.tables.view.RecordTable` and
:class:`~crm_desktop.ui.tables.filter_bar.FilterBar`, shows a thin busy
line while a slow query runs (sorting 100,000 rows by city), remembers its
columns and sort in the window state, and reloads when a committed change
concerns it — at once when it is on screen, else when it is next shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import cache_warming, custom_fields, interrupting, tags
from crm_desktop.services.changes import Change
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.sections.base import Section
from crm_desktop.ui.state import UiState
from crm_desktop.ui.tables.filter_bar import FilterBar
from crm_desktop.ui.tables.model import ListModel
from crm_desktop.ui.tables.runner import runner
from crm_desktop.ui.tables.view import RecordTable
from crm_desktop.ui.words import new_record_text

BUSY_DELAY_MS = 150
TAGS_DELAY_MS = 1000
# The search rows' warm-up starts this long after the list's ids are all here (not beside the
# list's first paints and a first scroll), and a stopped one goes on WARM_RETRY_MS later.
WARM_DELAY_MS = 250
WARM_RETRY_MS = 1000
# Bump when the columns of the sections change, so old saved layouts are not applied.
LAYOUT_VERSION = 1


class ListPage(QWidget):
    """A section's table with its search and filters."""

    is_list_page = True  # what the window asks instead of isinstance (it imports pages late)

    open_requested = Signal(int)
    count_changed = Signal(int)
    selection_changed = Signal()
    new_requested = Signal()

    def __init__(
        self,
        section: Section,
        formatter: Formats,
        state: UiState,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.section = section
        self.entity = section.entity
        self.state = state
        self.menu_builder: Callable[[QMenu], None] | None = None
        self._stale = False
        self._record_actions: list[QAction] = []

        self.model = ListModel(section, formatter, self)
        self.filter_bar = FilterBar(section)
        self.table = RecordTable(self.model)
        self.table.setAccessibleName(section.title)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(3)
        self.busy.setVisible(False)
        size_policy = self.busy.sizePolicy()
        size_policy.setRetainSizeWhenHidden(True)
        self.busy.setSizePolicy(size_policy)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(self._awaiting()))

        # The header: search and filters on the left, the buttons on the right — or, when
        # the window is too narrow for both, the buttons on a second line (see resizeEvent).
        self.top_row = QHBoxLayout()
        self.top_row.setSpacing(6)
        self.top_row.addWidget(self.filter_bar, 1)
        self.actions_box = QWidget()
        self.actions_row = QHBoxLayout(self.actions_box)
        self.actions_row.setContentsMargins(0, 0, 0, 0)
        self.actions_row.setSpacing(4)
        if section.can_create:
            self.new_button = QToolButton()
            self.new_button.setText(new_record_text(section.entity))
            self.new_button.setToolTip(
                self.tr("{command} (Ctrl+N)").format(command=new_record_text(section.entity))
            )
            self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.new_button.clicked.connect(self.new_requested)
            self.actions_row.addWidget(self.new_button)
        self.header = QGridLayout()
        self.header.setHorizontalSpacing(8)
        self.header.setVerticalSpacing(4)
        self.header.addLayout(self.top_row, 0, 0)
        self.header.addWidget(self.actions_box, 0, 1)
        self._actions_wrapped = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 0)
        layout.setSpacing(6)
        layout.addLayout(self.header)
        layout.addWidget(self.filter_bar.custom_box)  # filters on the owner's fields, if any
        self.body = QVBoxLayout()
        self.body.setSpacing(0)
        self.body.addWidget(self.busy)
        self.body.addWidget(self.table, 1)
        layout.addLayout(self.body, 1)
        self.setFocusProxy(self.table)

        self.filter_bar.search_changed.connect(self._search)
        self.filter_bar.filters_changed.connect(self._filter)
        self.filter_bar.controls_changed.connect(self.update_tab_order)
        self.filter_bar.search_box.leave_requested.connect(self.focus_results)
        self.table.open_requested.connect(self.open_requested)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.columns_changed.connect(self.save_state)
        self.table.columns_changed.connect(self._fetch_visible_columns)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.model.loading_changed.connect(self._loading)
        self._answer_awaited = False  # a query went out and its answer has not come
        self.model.query_sent.connect(self._query_sent)
        self.model.ids_loaded.connect(self._loaded)
        self.model.modelReset.connect(lambda: self.selection_changed.emit())
        self.model.failed.connect(
            lambda exc: show_error(
                self, self.tr("Loading the {plural}").format(plural=section.plural), exc
            )
        )

        self._place_actions()
        self.update_tab_order()
        self._restore_state()
        self._fetch_visible_columns()
        self.model.set_filters(self.filter_bar.values())
        self.model.reload()
        if self.filter_bar.tag_combo is not None:
            # The tag list (a count over every customer) comes after the rows it filters.
            self._channel = runner().channel(self)
            self._counts_channel = runner().channel(self)
            QTimer.singleShot(TAGS_DELAY_MS, self, self._load_tags)
        # The customer list's searches read the search rows: read into the query thread's
        # cache once the list is here and the thread idle (services/cache_warming.py).
        self._warm_from: int | None = 0 if self.entity == "customer" else None
        self._warming = False  # asked for (or on its way): later answers do not ask again
        self._warm_channel = runner().channel(self)

    # --- what the window asks --------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    def current_query(self) -> ListQuery:
        return self.model.current_query()

    def count(self) -> int:
        return self.model.rowCount()

    def visible_columns(self) -> list[str]:
        """The keys of the columns on screen, in the order they are shown."""
        header = self.table.horizontalHeader()
        keys = [c.key for c in self.model.columns]
        return [
            keys[header.logicalIndex(visual)]
            for visual in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(visual))
        ]

    def apply_view(self, query: ListQuery, columns: Sequence[str] = ()) -> None:
        """Show a saved view: its search, filters, sort and (when it names any) columns."""
        self.filter_bar.set_values(query.search, query.filters)
        keys = [c.key for c in self.model.columns]
        header = self.table.horizontalHeader()
        if columns:
            shown = [k for k in columns if k in keys]
            for logical, key in enumerate(keys):
                header.setSectionHidden(logical, key not in shown)
            for visual, key in enumerate(shown):
                header.moveSection(header.visualIndex(keys.index(key)), visual)
        sort = query.sort if query.sort in keys else None
        self.model.query = ListQuery(
            search=query.search,
            filters=self._view_filters(query.filters),
            sort=sort or self.model.query.sort,
            descending=query.descending if sort else self.model.query.descending,
        )
        self.table.show_sort_indicator()
        self._fetch_visible_columns()
        self.update_tab_order()  # the view's filters on custom fields came into the bar
        self.table.scroll_to_top_on_reload()
        self.model.reload()

    def _view_filters(self, filters: dict[str, Any]) -> dict[str, Any]:
        """A view's filters as the list applies them: a custom field's as its control in the
        bar reads it (a bound that is not of the field's kind is left out), none for a field
        deleted since."""
        kept: dict[str, Any] = {}
        for key, value in filters.items():
            if key.startswith(custom_fields.PREFIX):
                control = self.filter_bar.custom.get(key)
                value = control.value() if control is not None else None
            if value not in (None, ""):
                kept[key] = value
        return kept

    def count_text(self) -> str:
        if self.model.is_partial():  # the first page of a long search; the rest is counted
            return self.tr("{count}+ {things} (counting…)").format(
                count=QLocale().toString(self.count()), things=self.section.plural
            )
        return self.section.count_text(self.count())

    def focus_search(self) -> None:
        self.filter_bar.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search_box.selectAll()

    def focus_results(self) -> None:
        self.filter_bar.flush_search()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.selected_ids():
            if self.model.is_loading():
                self._select_first_when_loaded = True
            else:
                self.table.select_first_row()

    def defaults_for_new(self) -> dict[str, Any]:
        return self.filter_bar.defaults_for_new()

    def add_record_action(self, action: QAction) -> None:
        """A feature's action on this table (toolbar button and context menu)."""
        self._record_actions.append(action)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        self.actions_row.insertWidget(max(0, self.actions_row.count() - 1), button)
        self._place_actions()
        self.update_tab_order()

    def update_tab_order(self) -> None:
        """Tab goes as the eye reads: search, filters, buttons, then the table."""
        chain: list[QWidget] = []
        for layout in (self.top_row, self.filter_bar.custom_row, self.actions_row):
            chain.extend(_focusable_widgets(layout))
        chain.append(self.table)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def record_actions(self) -> list[QAction]:
        return list(self._record_actions)

    def on_change(self, change: Change) -> None:
        """A committed change: reload now if on screen, else when next shown."""
        if self.filter_bar.tag_combo is not None and change.entity in ("tag", "*"):
            self._load_tags()
        elif self.filter_bar.tag_combo is not None and change.entity == "customer":
            self._count_tags()  # the same tags: the counts shown stay until the new ones come
        if change.entity == "custom_field":
            self.filter_bar.refresh_custom_fields()
        if self.isVisible() or change.entity in ("setting", "custom_field"):
            self.model.on_change(change)
        elif self.model.concerns(change):
            self._stale = True

    def reload(self) -> None:
        self.model.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_actions()

    def _place_actions(self) -> None:
        """Buttons beside the filters when they fit, else on a line of their own."""
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        room = self.width() - margins.left() - margins.right()
        needed = (
            self.top_row.minimumSize().width()
            + self.header.horizontalSpacing()
            + self.actions_box.sizeHint().width()
        )
        wrap = room < needed
        # The page may be as narrow as the filters alone (the buttons then wrap): tell the
        # layout so, or it would hold the whole window at filters + buttons wide.
        self.setMinimumWidth(
            max(self.top_row.minimumSize().width(), self.actions_box.sizeHint().width())
            + margins.left()
            + margins.right()
        )
        if wrap == self._actions_wrapped:
            return
        self._actions_wrapped = wrap
        self.header.removeWidget(self.actions_box)
        if wrap:
            self.header.addWidget(self.actions_box, 1, 0, Qt.AlignmentFlag.AlignRight)
        else:
            self.header.addWidget(self.actions_box, 0, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.model.reload()
        self.count_changed.emit(self.count())

    def _fetch_visible_columns(self) -> None:
        header = self.table.horizontalHeader()
        keys = [c.key for i, c in enumerate(self.model.columns) if not header.isSectionHidden(i)]
        self.model.set_visible_columns(keys)

    # --- state ----------------------------------------------------------------------------

    def _state_key(self, name: str) -> str:
        return f"tables/{self.section.key}/{name}"

    def _restore_state(self) -> None:
        if self.state.text(self._state_key("version")) != str(LAYOUT_VERSION):
            return
        header_state = self.state.bytes(self._state_key("header"))
        header = self.table.horizontalHeader()
        restored = header_state is not None and header.restoreState(header_state)
        if restored and header.count() != len(self.model.columns):
            self.table.apply_default_columns()
        elif restored:
            self.table.widen_untouched_columns()  # saved in a language of shorter words
        sort_key = self.state.text(self._state_key("sort"))
        keys = [c.key for c in self.model.columns]
        if sort_key in keys and self.model.is_sortable(keys.index(sort_key)):
            descending = self.state.flag(self._state_key("descending"))
            self.model.query.sort = sort_key
            self.model.query.descending = descending
        self.table.show_sort_indicator()

    def save_state(self) -> None:
        header = self.table.horizontalHeader()
        self.state.set_text(self._state_key("version"), str(LAYOUT_VERSION))
        self.state.set_bytes(self._state_key("header"), QByteArray(header.saveState()))
        if self.model.query.sort:
            self.state.set_text(self._state_key("sort"), self.model.query.sort)
            self.state.set_flag(self._state_key("descending"), bool(self.model.query.descending))

    # --- reacting ---------------------------------------------------------------------------

    _select_first_when_loaded = False

    def _search(self, text: str) -> None:
        self.table.scroll_to_top_on_reload()
        # A new search starts at its best match: Enter then opens that one, never a row that
        # happened to be selected before and is still somewhere among the matches.
        self._select_first_when_loaded = bool(text.strip())
        if self.model.set_search(text) and self._select_first_when_loaded:
            self.table.drop_selection_on_reload()

    def _filter(self, values: dict[str, Any]) -> None:
        self.table.scroll_to_top_on_reload()
        self.model.set_filters(values)

    def _loading(self, loading: bool) -> None:
        if loading:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

    @property
    def warm_up_done(self) -> bool:
        """The search rows' warm-up is over: read, not worth it, failed, or not this list's."""
        return self._warm_from is None

    def _query_sent(self) -> None:
        self._answer_awaited = True
        self._busy_timer.start()  # the line shows if no answer comes soon

    def _awaiting(self) -> bool:
        """Whether the list waits for the answer to its query (the busy line shows).

        Not while a search's first rows are shown and the rest is counted: the count says
        "counting…", and an animated line there would repaint the window while one types.
        """
        return self._answer_awaited and self.model.is_loading()

    def _loaded(self) -> None:
        # Still awaited while a list that opened at its ends reads the ids between.
        self._answer_awaited = self.model.is_loading() and not self.model.is_partial()
        if not self._awaiting():
            self._busy_timer.stop()
            self.busy.setVisible(False)
        if self._warm_from is not None and not self._warming and not self.model.is_loading():
            self._warming = True
            QTimer.singleShot(WARM_DELAY_MS, self, self._warm_search_rows)
        self.table.empty_text = self._empty_text()
        # The scroll bar's range and the header's geometry now, before the rows' first paint
        # (Qt lays them out one event later: a first frame without its scroll bar).
        self.table.lay_out_now()
        if not self.model.rowCount():  # the sentence shows only on an empty table
            self.table.viewport().update()
        if self._select_first_when_loaded:
            self._select_first_when_loaded = False
            self.table.select_first_row()
        self.count_changed.emit(self.count())

    def _empty_text(self) -> str:
        query = self.model.query
        plural = self.section.plural
        if query.search.strip():
            return self.tr("No {plural} match “{search}”.").format(
                plural=plural, search=query.search.strip()
            )
        if query.filters:
            return self.tr("No {plural} match these filters.").format(plural=plural)
        if self.section.can_create:
            return self.tr("No {plural} yet. Press Ctrl+N to add one.").format(plural=plural)
        return self.tr("No {plural}.").format(plural=plural)

    def _context_menu(self, point) -> None:
        if self.menu_builder is None:
            return
        index = self.table.indexAt(point)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            record_id = self.model.id_at(index.row())
            if record_id is not None:
                self.table.select_ids([record_id], current=record_id)
        menu = QMenu(self)
        self.menu_builder(menu)
        if self._record_actions:
            menu.addSeparator()
            for action in self._record_actions:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def _load_tags(self) -> None:
        """The tag filter's names at once, then each tag's number of customers."""
        runner().submit(
            self._channel, tags.uncounted_tags, self.filter_bar.set_tags, lambda _e: None
        )
        self._count_tags()

    def _count_tags(self) -> None:
        # Counting reads every tag link (~0.8 s at 1M customers) on the query thread: it
        # stops as soon as a list's query waits behind it (a keystroke must not wait), and
        # is tried again later.
        run = runner()
        run.submit(
            self._counts_channel,
            lambda: tags.all_tags(cancelled=run.others_waiting),
            self.filter_bar.set_tags,
            self._tags_not_counted,
        )

    def _tags_not_counted(self, error: BaseException) -> None:
        if isinstance(error, interrupting.Stopped):
            QTimer.singleShot(TAGS_DELAY_MS, self, self._count_tags)

    def _warm_search_rows(self) -> None:
        start = self._warm_from
        if start is None:
            return
        run = runner()
        run.submit(
            self._warm_channel,
            lambda: cache_warming.warm_search_rows(start, cancelled=run.others_waiting),
            self._warmed,
            self._not_warmed,
        )

    def _warmed(self, position: int | None) -> None:
        if position is None:
            self._warm_from = None
        else:  # a query came first: go on later from where it stopped
            self._warm_from = position
            QTimer.singleShot(WARM_RETRY_MS, self, self._warm_search_rows)

    def _not_warmed(self, error: BaseException) -> None:
        # The file's own errors end a warm-up quietly (the service): this is our bug.
        self._warm_from = None
        raise error  # the excepthook shows it


def _focusable_widgets(layout) -> list[QWidget]:
    """The widgets of a layout (and of the widgets in it) that Tab can reach, in order."""
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.layout() is not None:
            found.extend(_focusable_widgets(item.layout()))
        elif (widget := item.widget()) is not None:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                found.append(widget)
            elif widget.layout() is not None:
                found.extend(_focusable_widgets(widget.layout()))
    return found
