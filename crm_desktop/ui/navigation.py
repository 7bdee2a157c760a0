"""The sidebar: Today, the lists, the feature sections and the Trash, a click or Ctrl+digit away.

The sidebar only shows and chooses; the window decides what each entry
opens (:class:`~crm_desktop.ui.main_window.MainWindow`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.noop import QT_TR_NOOP

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
            self.tr("Opening {escape}…").format(escape=html.escape(db_path.name))
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


_STYLE = """
QListWidget#sidebar {
    border: none;
    background: palette(window);
    padding-top: 6px;
    outline: 0;
}
QListWidget#sidebar::item {
    padding: 5px 8px;
    margin: 1px 6px;
    border-radius: 5px;
    color: palette(window-text);
}
QListWidget#sidebar::item:hover:!selected {
    background: palette(midlight);
}
QListWidget#sidebar::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
"""


class Sidebar(QListWidget):
    """The list of sections; emits ``section_chosen(key)``."""

    section_chosen = Signal(str)
    view_chosen = Signal(int)  # a saved view's id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Sections"))
        self.setStyleSheet(_STYLE)
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
