"""The sidebar: Today, the lists, the feature sections and the Trash, a click or Ctrl+digit away.

The sidebar only shows and chooses; the window decides what each entry
opens (:class:`~crm_desktop.ui.main_window.MainWindow`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListWidget, QListWidgetItem, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole

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

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Sections")
        self.setStyleSheet(_STYLE)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setIconSize(QSize(20, 20))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

    def keys(self) -> list[str]:
        return [self.item(row).data(KEY_ROLE) for row in range(self.count())]

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item else None

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
        if current is not None:
            self.section_chosen.emit(current.data(KEY_ROLE))
