"""Small read-only tables of one customer's records (contacts, deals, orders, tasks, cases).

A customer has tens of these, not thousands, so the model loads the rows at
once from :mod:`crm_desktop.services.listing` (filtered by ``customer_id``,
sorted by the service). Double-click or Enter asks to open the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from crm_desktop.services import listing
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.formats import Formats
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import DeclaredTexts

# Most recent records first; a customer with more than this shows the newest.
ROW_LIMIT = 2000


@dataclass(frozen=True)
class RelatedColumn(DeclaredTexts):
    """One column: the list's key, its header, and whether it stretches."""

    _texts = frozenset({"header"})

    key: str
    header: str
    stretch: bool = False


@dataclass(frozen=True)
class RelatedList(DeclaredTexts):
    """What one tab shows: an entity's list and the columns of it that matter here."""

    _texts = frozenset({"title"})

    entity: str
    title: str
    columns: tuple[RelatedColumn, ...]
    sort: str | None = None
    descending: bool | None = None


RELATED_LISTS: tuple[RelatedList, ...] = (
    RelatedList(
        "contact",
        QT_TR_NOOP("Contacts"),
        (
            RelatedColumn("name", QT_TR_NOOP("Name"), True),
            RelatedColumn("position", QT_TR_NOOP("Position")),
            RelatedColumn("email", QT_TR_NOOP("Email")),
            RelatedColumn("phone", QT_TR_NOOP("Phone")),
            RelatedColumn("is_primary", QT_TR_NOOP("Primary")),
        ),
    ),
    RelatedList(
        "deal",
        QT_TR_NOOP("Deals"),
        (
            RelatedColumn("title", QT_TR_NOOP("Title"), True),
            RelatedColumn("stage", QT_TR_NOOP("Stage")),
            RelatedColumn("amount_cents", QT_TR_NOOP("Amount")),
            RelatedColumn("probability", QT_TR_NOOP("Probability")),
            RelatedColumn("expected_close", QT_TR_NOOP("Expected close")),
        ),
    ),
    RelatedList(
        "sales_order",
        QT_TR_NOOP("Orders"),
        (
            RelatedColumn("number", QT_TR_NOOP("Number")),
            RelatedColumn("order_date", QT_TR_NOOP("Date")),
            RelatedColumn("status", QT_TR_NOOP("Status")),
            RelatedColumn("total_cents", QT_TR_NOOP("Total")),
            RelatedColumn("notes", QT_TR_NOOP("Notes"), True),
        ),
    ),
    RelatedList(
        "task",
        QT_TR_NOOP("Tasks"),
        (
            RelatedColumn("title", QT_TR_NOOP("Title"), True),
            RelatedColumn("due_date", QT_TR_NOOP("Due")),
            RelatedColumn("status", QT_TR_NOOP("Status")),
            RelatedColumn("priority", QT_TR_NOOP("Priority")),
        ),
        sort="due_date",
    ),
    RelatedList(
        "service_case",
        QT_TR_NOOP("Service cases"),
        (
            RelatedColumn("subject", QT_TR_NOOP("Subject"), True),
            RelatedColumn("kind", QT_TR_NOOP("Kind")),
            RelatedColumn("status", QT_TR_NOOP("Status")),
            RelatedColumn("opened_at", QT_TR_NOOP("Opened")),
            RelatedColumn("cost_cents", QT_TR_NOOP("Cost")),
        ),
    ),
)

_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value


def show_value(formats: Formats, kind: str, value: Any) -> str:
    """A value as the lists show it (:meth:`Formats.display`), but yes as ✓ and no as
    nothing: the page's small tables have no room for words."""
    if kind == "bool":
        return "✓" if value else ""
    return formats.display(kind, value)


class RelatedModel(QAbstractTableModel):
    """The rows of one related list of one customer."""

    def __init__(self, related: RelatedList, formats: Formats, parent=None):
        super().__init__(parent)
        self.related = related
        self.formats = formats
        self.spec = listing.spec(related.entity)
        self.kinds = [self.spec.column(column.key).kind for column in related.columns]
        self.rows: list[dict[str, Any]] = []
        self.total = 0

    def load(self, customer_id: int | None) -> None:
        self.beginResetModel()
        if customer_id is None:
            self.rows, self.total = [], 0
        else:
            query = ListQuery(
                filters={"customer_id": customer_id},
                sort=self.related.sort,
                descending=self.related.descending,
            )
            ids = listing.list_ids(self.related.entity, query)
            self.total = len(ids)
            keys = [column.key for column in self.related.columns]
            self.rows = listing.fetch_rows(self.related.entity, ids[:ROW_LIMIT], keys)
        self.endResetModel()

    def ids(self) -> list[int]:
        return [row["id"] for row in self.rows]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.related.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.related.columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.kinds[section] in ("money", "percent") else _LEFT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.related.columns[index.column()]
        kind = self.kinds[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return show_value(self.formats, kind, row.get(column.key))
        if role == Qt.ItemDataRole.ToolTipRole and kind == "text":
            text = show_value(self.formats, kind, row.get(column.key))
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if kind in ("money", "percent") else _LEFT
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class RelatedTable(QTableView):
    """A small read-only table; double-click or Enter emits ``open_requested(entity, id)``."""

    open_requested = Signal(str, int)

    def __init__(self, model: RelatedModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName(f"related_{model.related.entity}")
        self.setAccessibleName(model.related.title)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for column, spec in enumerate(model.related.columns):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if spec.stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.doubleClicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        record_id = index.data(Qt.ItemDataRole.UserRole)
        if record_id is not None:
            model: RelatedModel = self.model()  # type: ignore[assignment]
            self.open_requested.emit(model.related.entity, int(record_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)
