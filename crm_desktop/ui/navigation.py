"""The sidebar: Today, the lists, the feature sections and the Trash, a click or Ctrl+digit away.

The sidebar only shows and chooses; the window decides what each entry
opens (:class:`~crm_desktop.ui.main_window.MainWindow`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QMouseEvent, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.words import escape_markup

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

# Qt.ItemDataRole.UserRole, as a number: the sidebar is drawn before PySide6 builds the
# enums of Qt's namespace (that takes ~45 ms, see main_window._qt).
KEY_ROLE = 256
VIEW_ROLE = 257  # a saved view's id (its row sits under its list's row)
VIEW_PREFIX = "view:"  # the key of a saved view's row

# (key, title, icon) of the built-in sections in sidebar order: the window shows them
# before the section modules (and the services behind them) are imported. A test keeps
# this list and crm_desktop.ui.sections in agreement.
SIDEBAR_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("today", QT_TR_NOOP("Today"), "today"),
    ("customers", QT_TR_NOOP("Customers"), "customers"),
    ("contacts", QT_TR_NOOP("Contacts"), "contacts"),
    ("deals", QT_TR_NOOP("Deals"), "deals"),
    ("orders", QT_TR_NOOP("Orders"), "orders"),
    ("products", QT_TR_NOOP("Products"), "products"),
    ("tasks", QT_TR_NOOP("Tasks"), "tasks"),
    ("interactions", QT_TR_NOOP("Interactions"), "interactions"),
    ("campaigns", QT_TR_NOOP("Campaigns"), "campaigns"),
    ("service_cases", QT_TR_NOOP("Service cases"), "service"),
    ("trash", QT_TR_NOOP("Trash"), "trash"),
)


class OpeningPage(QWidget):
    """What the window shows for the moment it takes to open the database file."""

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        label = QLabel(
            self.tr("Opening {escape}…").format(escape=escape_markup(db_path.name))
        )  # the name is never markup
        label.setEnabled(False)  # drawn in the palette's quiet colour
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(label)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)


class _SidebarRows(QStyledItemDelegate):
    """Draws a sidebar row: a rounded box behind the chosen row (a lighter one behind the
    row under the pointer), then the row's icon and title inside its padding.

    A style sheet drew this before (``padding: 5px 8px; margin: 1px 6px; border-radius:
    5px``, the palette's colours); Qt's style-sheet style cost the start ~15 ms of the GUI
    thread (parsing it, then polishing and painting every part of the sidebar through it).
    The same pixels come from the style itself, as the style-sheet style had it draw the
    contents. Nothing here reads ``option.state`` (PySide6 would build QStyle's enums,
    ~25 ms) or sets a pen (that builds the ``Qt`` namespace's, ~20 ms) before Today's first
    paint: the row's state is asked of the view.
    """

    MARGIN_X, MARGIN_Y = 6, 1  # around the box
    PADDING_X, PADDING_Y = 8, 5  # inside it
    RADIUS = 5

    def __init__(self, view: Sidebar):
        super().__init__(view)
        self.view = view
        self.hovered_row = -1

    def sizeHint(  # Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        extra_x = 2 * (self.MARGIN_X + self.PADDING_X)
        extra_y = 2 * (self.MARGIN_Y + self.PADDING_Y)
        return QSize(size.width() + extra_x, size.height() + extra_y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        palette = self.view.palette()
        chosen = self.view.selectionModel().isSelected(index)
        box = option.rect.adjusted(self.MARGIN_X, self.MARGIN_Y, -self.MARGIN_X, -self.MARGIN_Y)
        if chosen or index.row() == self.hovered_row:
            path = QPainterPath()
            path.addRoundedRect(QRectF(box), self.RADIUS, self.RADIUS)
            role = QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Midlight
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillPath(path, palette.brush(role))
            painter.restore()
        contents = type(option)(option)  # (QStyleOptionViewItem's enums: not before it is used)
        pad_x, pad_y = self.PADDING_X, self.PADDING_Y
        contents.rect = box.adjusted(pad_x, pad_y, -pad_x, -pad_y)
        # The style fills a chosen row's rectangle with the highlight: the box is drawn
        # already. Its title is in the highlighted-text colour, the others' in window-text.
        colours = contents.palette  # a copy (``QPalette(palette)`` builds the Qt namespace)
        colours.setColor(QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0))
        colours.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.WindowText))
        contents.palette = colours
        if self._focus_frame_wanted(index):  # the style sheet said ``outline: 0``
            from PySide6.QtWidgets import QStyle

            contents.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, contents, index)

    def _focus_frame_wanted(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the style would draw a focus frame around this row: the current row of
        the focused sidebar (until the window is finished there is none, see
        :meth:`Sidebar.focusInEvent`)."""
        return self.view.hasFocus() and index == self.view.currentIndex()


class Sidebar(QListWidget):
    """The list of sections; emits ``section_chosen(key)``."""

    section_chosen = Signal(str)
    view_chosen = Signal(int)  # a saved view's id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.finished = False  # see finish()
        self.setAccessibleName(self.tr("Sections"))
        self.rows = _SidebarRows(self)
        self.setItemDelegate(self.rows)
        # Its own viewport: asking a list for the one it made (``viewport()``) makes PySide6
        # build ~65 enums of other widget types (~20 ms) before Today's first paint.
        self.rows_area = QWidget()
        self.setViewport(self.rows_area)
        self.rows_area.setBackgroundRole(QPalette.ColorRole.Window)
        self.setViewportMargins(0, 6, 0, 0)
        self.rows_area.setMouseTracking(True)  # the row under the pointer is lit
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setIconSize(QSize(20, 20))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(150)
        self.currentItemChanged.connect(self._chosen)

    def add_section(
        self, key: str, title: str, icon: QIcon | None = None, *, before: str = ""
    ) -> None:
        item = QListWidgetItem(icon or QIcon(), title)
        item.setData(KEY_ROLE, key)
        item.setToolTip(title)
        row = self._row_of(before) if before else None
        if row is None:
            self.addItem(item)
        else:
            self.insertItem(row, item)

    def finish(self) -> None:
        """What waits until the window is attached to its database (Qt's enums are built)."""
        from PySide6.QtCore import Qt

        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.finished = True

    def _set_hovered(self, row: int) -> None:
        if row != self.rows.hovered_row:
            self.rows.hovered_row = row
            self.rows_area.update()

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt's name
        if self.finished:
            super().focusInEvent(event)
        else:
            # The window's first frames: the sidebar has the focus until Today takes it.
            # A list given the focus makes its first row current, and the style frames the
            # current row of a focused list; hiding that frame needs QStyle's enums (~25 ms)
            # before Today's first paint. So no row is made current until then.
            QFrame.focusInEvent(self, event)

    def viewportEvent(self, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Leave:  # the pointer left the rows
            self._set_hovered(-1)
        elif isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseMove:
            self._set_hovered(self.indexAt(event.position().toPoint()).row())  # -1: below them
        return super().viewportEvent(event)

    def keys(self) -> list[str]:
        """The sections' keys in order (saved views are not sections)."""
        return [
            key
            for key in (self.item(row).data(KEY_ROLE) for row in range(self.count()))
            if not str(key).startswith(VIEW_PREFIX)
        ]

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item else None

    def set_views(self, views: Sequence[tuple[int, str, str]]) -> None:
        """Show saved views ``(id, section key, name)`` under their sections, in order."""
        chosen = self.current_view()
        blocked = self.blockSignals(True)
        for row in reversed(range(self.count())):
            if self.item(row).data(VIEW_ROLE) is not None:
                self.takeItem(row)
        for view_id, section_key, name in reversed(list(views)):
            section_row = self._row_of(section_key)
            if section_row is None:
                continue
            item = QListWidgetItem(f"    {name}")  # indented: it belongs to the list above
            item.setData(KEY_ROLE, f"{VIEW_PREFIX}{view_id}")
            item.setData(VIEW_ROLE, view_id)
            item.setToolTip(name)
            self.insertItem(section_row + 1, item)
        if chosen is not None:
            self.select_view(chosen)
        self.blockSignals(blocked)

    def view_of(self, item: QListWidgetItem) -> int | None:
        return item.data(VIEW_ROLE)

    def view_ids(self) -> list[int]:
        return [
            self.item(row).data(VIEW_ROLE)
            for row in range(self.count())
            if self.item(row).data(VIEW_ROLE) is not None
        ]

    def current_view(self) -> int | None:
        item = self.currentItem()
        return item.data(VIEW_ROLE) if item else None

    def select_view(self, view_id: int) -> None:
        """Highlight a saved view's row without announcing it."""
        row = self._row_of(f"{VIEW_PREFIX}{view_id}")
        if row is not None and row != self.currentRow():
            blocked = self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(blocked)

    def select(self, key: str) -> None:
        """Highlight ``key`` without announcing it (the window already shows it)."""
        row = self._row_of(key)
        if row is not None and row != self.currentRow():
            blocked = self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(blocked)

    def _row_of(self, key: str) -> int | None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                return row
        return None

    def _chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        if current.data(VIEW_ROLE) is not None:
            self.view_chosen.emit(current.data(VIEW_ROLE))
        else:
            self.section_chosen.emit(current.data(KEY_ROLE))
