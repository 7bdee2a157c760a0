"""The wizard's preview: the first rows of the file with each row's fate (new, duplicate, refused).

A plain :class:`QAbstractTableModel` over :class:`~crm_desktop.services.importing.PreviewRow`
objects the service computed: the line number, the state with its reason, then the
file's own cells. Rows the import would refuse are tinted red, duplicates amber; a
cell whose value cannot go into its field, and would be kept as written in the
notes, is orange, starts with ⚠ and says why in its tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from crm_desktop.services.importing import PreviewRow
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared

STATE_TEXT = {
    "new": QT_TR_NOOP("OK — new"),
    "duplicate": QT_TR_NOOP("Duplicate"),
    "refused": QT_TR_NOOP("Refused"),
}
STATE_COLORS = {"new": "#e7f6ea", "duplicate": "#fff4d6", "refused": "#fde2e1"}
KEPT_COLOR = "#ffc98b"
_FIXED = 2  # "Line" and "Check" come before the file's columns
_MAX_CELL = 200  # characters of a cell shown in the preview (the import reads them all)


class PreviewModel(QAbstractTableModel):
    """Preview rows: line, check, and the file's cells."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[PreviewRow] = []

    def set_rows(self, headers: list[str], rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _FIXED + len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Line")
        if section == 1:
            return self.tr("Check")
        return self.headers[section - _FIXED] if section - _FIXED < len(self.headers) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.line)
            if column == 1:
                text = declared(STATE_TEXT.get(row.state, row.state))
                if row.kept:
                    text = f"⚠ {text}"
                return f"{text}: {row.message}" if row.message else text
            cell = column - _FIXED
            value = row.cells[cell] if cell < len(row.cells) else ""
            value = value.replace("\r", " ").replace("\n", " ⏎ ")
            if cell in row.flagged:
                value = f"⚠ {value}"
            return value if len(value) <= _MAX_CELL else value[:_MAX_CELL] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return row.message or declared(STATE_TEXT.get(row.state, ""))
            header = self.headers[column - _FIXED] if column - _FIXED < len(self.headers) else ""
            reasons = [k.reason for k in row.kept if k.header == header]
            if reasons:
                return self.tr("Kept as written in the notes: {reasons}").format(
                    reasons="; ".join(reasons)
                )
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if column - _FIXED in row.flagged:
                return QBrush(QColor(KEPT_COLOR))
            return QBrush(QColor(STATE_COLORS.get(row.state, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1f1f1f"))
        if role == Qt.ItemDataRole.UserRole:
            return row.state
        return None

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)
