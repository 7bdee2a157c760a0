"""The table of backups in the Backups dialog: one row per backup file, columns declared as data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from crm_desktop.i18n import gettext
from crm_desktop.services.backups import BackupRecord
from crm_desktop.services.backups.summary import human_size, local_time
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import DeclaredTexts, declared

Index = QModelIndex | QPersistentModelIndex

STATE_TEXT = {
    "verified": QT_TR_NOOP("Verified"),
    "damaged": QT_TR_NOOP("Damaged"),
    "unverified": QT_TR_NOOP("Not verified"),
}


@dataclass(frozen=True)
class Column(DeclaredTexts):
    """One column: its header, how a record shows in it, and whether it is a number."""

    _texts = frozenset({"header"})

    header: str
    text: Callable[[BackupRecord], str]
    number: bool = False


def _count(key: str) -> Callable[[BackupRecord], str]:
    return lambda record: QLocale().toString(record.counts[key]) if key in record.counts else ""


def _state(record: BackupRecord) -> str:
    text = declared(STATE_TEXT[record.state])
    if record.state == "verified" and record.verify_level == "thorough":
        return QCoreApplication.translate("backup.model", "{state} (full)").format(state=text)
    return text


COLUMNS: tuple[Column, ...] = (
    Column(QT_TR_NOOP("Date"), lambda r: local_time(r.created_at)),
    Column(
        QT_TR_NOOP("Why"),
        lambda r: (
            gettext(r.kind_label) if r.has_record else f"{gettext(r.kind_label)}: {r.path.name}"
        ),
    ),
    Column(QT_TR_NOOP("Size"), lambda r: human_size(r.size), number=True),
    Column(QT_TR_NOOP("Customers"), _count("customer"), number=True),
    Column(QT_TR_NOOP("Orders"), _count("sales_order"), number=True),
    Column(QT_TR_NOOP("State"), _state),
)
STATE_COLUMN = len(COLUMNS) - 1


class BackupTableModel(QAbstractTableModel):
    """The backups of one folder, newest first; ``record(row)`` gives the record itself."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._records: list[BackupRecord] = []

    def set_records(self, records: list[BackupRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> BackupRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, path: Any) -> int:
        for row, record in enumerate(self._records):
            if record.path == path:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].number:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        record = self._records[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == STATE_COLUMN:
            return _state_icon(record.state)
        if role == Qt.ItemDataRole.ForegroundRole and record.state == "damaged":
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.UserRole:
            return str(record.path)
        return None


def _tooltip(record: BackupRecord) -> str:
    lines = [str(record.path)]
    if record.reason:
        lines.append(
            QCoreApplication.translate("backup.model", "Made {reason}.").format(
                reason=gettext(record.reason)
            )
        )
    if record.problem:
        lines.append(
            QCoreApplication.translate("backup.model", "Problem: {problem}").format(
                problem=record.problem
            )
        )
    elif record.state == "unverified":
        lines.append(
            QCoreApplication.translate(
                "backup.model", "No record of a check: select it and click Verify."
            )
        )
    return "\n".join(lines)


def _state_icon(state: str) -> Any:
    style = QApplication.style()
    pixmap = {
        "verified": QStyle.StandardPixmap.SP_DialogApplyButton,
        "damaged": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "unverified": QStyle.StandardPixmap.SP_MessageBoxQuestion,
    }[state]
    return style.standardIcon(pixmap)
