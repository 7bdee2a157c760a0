"""The Deals section: the deals table, or the pipeline board, switched with Table | Board.

The board itself (:class:`crm_desktop.ui.deals.board.PipelineBoard`) belongs
to the deals feature; this page only embeds it, creates it the first time
it is asked for, and refreshes it when deals change while it is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from crm_desktop.services.changes import Change
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.sections.base import Section
from crm_desktop.ui.state import UiState
from crm_desktop.ui.tables.page import ListPage

if TYPE_CHECKING:
    from crm_desktop.ui.deals.board import PipelineBoard

_BOARD_CHANGES = frozenset({"deal", "customer", "contact", "*"})


class DealsPage(ListPage):
    """The deals list with a Table | Board switch (remembered)."""

    is_deals_page = True  # what the window asks instead of isinstance (it imports pages late)

    deal_opened = Signal(int)
    deal_moved = Signal(str, object)  # the board's move: its message and its undo

    def __init__(
        self,
        section: Section,
        formatter: Formats,
        state: UiState,
        parent: QWidget | None = None,
    ):
        super().__init__(section, formatter, state, parent)
        self.board: PipelineBoard | None = None
        self.board_scroll: QScrollArea | None = None
        self._board_stale = False
        self.table_button = self._mode_button(
            self.tr("Table"), self.tr("Show the deals as a table")
        )
        self.board_button = self._mode_button(
            self.tr("Board"), self.tr("Show the pipeline board: one column a stage")
        )
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.table_button)
        group.addButton(self.board_button)
        self.top_row.insertWidget(0, self.table_button)
        self.top_row.insertWidget(1, self.board_button)
        self.stack = QStackedWidget()
        self.body.removeWidget(self.table)
        self.stack.addWidget(self.table)
        self.body.addWidget(self.stack, 1)
        self.table_button.setChecked(True)
        self.board_button.toggled.connect(self._mode_changed)
        self.update_tab_order()
        if self.state.text("deals/view") == "board":
            self.board_button.setChecked(True)

    def _mode_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(False)
        return button

    def is_board(self) -> bool:
        return self.board_button.isChecked()

    def show_board(self, board: bool) -> None:
        (self.board_button if board else self.table_button).setChecked(True)

    def _mode_changed(self, board: bool) -> None:
        if board and self.board is None:
            from crm_desktop.ui.deals.board import PipelineBoard

            self.board = PipelineBoard()
            self.board.deal_opened.connect(self.deal_opened)
            self.board.moved.connect(self.deal_moved)
            # Six stage columns are wider than a small window: scroll rather than widen it.
            self.board_scroll = QScrollArea()
            self.board_scroll.setWidget(self.board)
            self.board_scroll.setWidgetResizable(True)
            self.board_scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.stack.addWidget(self.board_scroll)
            self.board.refresh()
        elif board and self._board_stale and self.board is not None:
            self._board_stale = False
            self.board.refresh()
        shown: QWidget = self.table
        page: QWidget = self.table
        if board and self.board is not None and self.board_scroll is not None:
            shown, page = self.board, self.board_scroll
        self.stack.setCurrentWidget(page)
        self.setFocusProxy(shown)
        self.filter_bar.setEnabled(not board)
        self.state.set_text("deals/view", "board" if board else "table")
        shown.setFocus()

    def on_change(self, change: Change) -> None:
        super().on_change(change)
        if self.board is not None and change.entity in _BOARD_CHANGES:
            if self.isVisible() and self.is_board():
                self.board.schedule_refresh()
            else:
                self._board_stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.board is not None and self.is_board() and self._board_stale:
            self._board_stale = False
            self.board.refresh()
