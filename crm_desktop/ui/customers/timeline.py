"""A customer's timeline: interactions and the history of changes, newest first.

Entries come from two services: the interactions logged with the customer
(calls, meetings, emails, notes, visits) and the audit log of the customer
and of its contacts, deals, orders, tasks and service cases. A change is
written the way people say it — "Status: lead → active" — with amounts,
dates and enumerations shown like everywhere else in the app. Everything
is drawn as plain text: names and notes are never read as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from crm_desktop.services import audit, listing, records
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.forms.display import Formats, enum_label

HISTORY_LIMIT = 300
INTERACTION_LIMIT = 500
_MAX_VALUE = 80
_MAX_NOTES = 400

# Badge colour and word of each kind of entry.
KIND_STYLE = {
    "call": ("#1e88e5", "Call"),
    "meeting": ("#8e24aa", "Meeting"),
    "email": ("#00897b", "Email"),
    "note": ("#f9a825", "Note"),
    "visit": ("#6d4c41", "Visit"),
    "create": ("#43a047", "Added"),
    "update": ("#757575", "Changed"),
    "delete": ("#e53935", "Deleted"),
    "restore": ("#43a047", "Restored"),
}

ENTITY_WORDS = {
    "customer": "Customer",
    "contact": "Contact",
    "deal": "Deal",
    "sales_order": "Order",
    "task": "Task",
    "service_case": "Service case",
}
_ENUM_FIELDS = {"status", "stage", "kind", "priority"}
_SPACES = re.compile(r"\s+")


# Below this width beside the time, a timeline title goes full width with the time under it.
NARROW_TITLE = 180


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline."""

    at: str  # UTC timestamp, sorts newest first
    kind: str  # an interaction kind, or an audit action
    title: str
    detail: str
    entity: str
    entity_id: int


def _short(text: str, limit: int = _MAX_VALUE) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_value(formats: Formats, entity: str, name: str, value: Any) -> str:
    """One stored value of a change, the way the app shows it elsewhere."""
    if value is None or value == "" or value == []:
        return "—"
    if name == "lines" and isinstance(value, list):
        return f"{len(value)} line{'s' if len(value) != 1 else ''}"
    if isinstance(value, list):
        return _short(", ".join(str(v) for v in value)) or "—"
    if name.endswith("_cents") and isinstance(value, int):
        return formats.money(value)
    if name in ("is_primary", "active"):
        return "yes" if value else "no"
    spec = records.ENTITIES.get(entity)
    field = None
    if spec is not None:
        try:
            field = spec.field(name)
        except KeyError:
            field = None
    parser_name = getattr(getattr(field, "parse", None), "__name__", "")
    if parser_name == "a_date":
        return formats.date(str(value))
    if parser_name == "timestamp":
        return formats.datetime(str(value))
    if name in _ENUM_FIELDS and isinstance(value, str):
        return enum_label(value)
    if name == "phone":
        return formats.phone(str(value))
    if name == "probability":
        return f"{value} %"
    return _short(str(value))


def field_label(entity: str, name: str) -> str:
    spec = records.ENTITIES.get(entity)
    if spec is not None:
        try:
            return spec.field(name).label
        except KeyError:
            pass
    return name.replace("_", " ").capitalize()


def describe_changes(formats: Formats, entity: str, changes: Mapping[str, Any]) -> list[str]:
    """``{"status": ["lead", "active"]}`` → ``["Status: lead → active"]``."""
    lines = []
    for name, pair in changes.items():
        if name.endswith("_id") or name in ("created_at", "updated_at", "deleted_at"):
            continue  # references and bookkeeping say nothing to a reader
        if isinstance(pair, list | tuple) and len(pair) == 2:
            old, new = pair
            label = field_label(entity, name)
            if old in (None, "", []):
                lines.append(f"{label}: {describe_value(formats, entity, name, new)}")
            else:
                lines.append(
                    f"{label}: {describe_value(formats, entity, name, old)} → "
                    f"{describe_value(formats, entity, name, new)}"
                )
    return lines


def _record_name(
    entity: str, entity_id: int, names: Mapping[tuple[str, int], str], changes: Mapping[str, Any]
) -> str:
    if (entity, entity_id) in names:
        return names[(entity, entity_id)]
    for key in ("name", "title", "number", "subject"):
        pair = changes.get(key)
        if isinstance(pair, list | tuple) and len(pair) == 2:
            return str(pair[1] or pair[0] or "")
    return f"#{entity_id}"


def history_entries(
    formats: Formats,
    customer_id: int,
    related_ids: Mapping[str, Sequence[int]],
    names: Mapping[tuple[str, int], str],
) -> list[TimelineEntry]:
    """The audit history of the customer and its related records, as timeline entries."""
    entries = []
    groups: list[tuple[str, Sequence[int]]] = [("customer", [customer_id])]
    groups += [(entity, ids) for entity, ids in related_ids.items() if ids]
    for entity, ids in groups:
        for row in audit.history(entity, list(ids), limit=HISTORY_LIMIT):
            changes = row["changes"] or {}
            action = row["action"]
            word = ENTITY_WORDS.get(entity, entity)
            if entity == "customer":
                subject = "Customer"
            else:
                name = _short(_record_name(entity, row["entity_id"], names, changes), 60)
                subject = f"{word} “{name}”"
            verb = {
                "create": "added",
                "update": "changed",
                "delete": "moved to the trash",
                "restore": "restored",
            }.get(action, action)
            if action == "create":
                detail_lines = _created_summary(formats, entity, changes)
            elif action == "update":
                detail_lines = describe_changes(formats, entity, changes)
                if not detail_lines:
                    continue  # only bookkeeping changed
            else:
                detail_lines = []
            entries.append(
                TimelineEntry(
                    at=row["at"],
                    kind=action,
                    title=f"{subject} {verb}",
                    detail="\n".join(detail_lines[:6]),
                    entity=entity,
                    entity_id=row["entity_id"],
                )
            )
    return entries


_CREATE_SUMMARY = {
    "customer": ("status", "email", "phone"),
    "contact": ("position", "email", "phone"),
    "deal": ("stage", "amount_cents", "expected_close"),
    "sales_order": ("status", "order_date", "lines"),
    "task": ("due_date", "priority"),
    "service_case": ("kind", "status"),
}


def _created_summary(formats: Formats, entity: str, changes: Mapping[str, Any]) -> list[str]:
    wanted = _CREATE_SUMMARY.get(entity, ())
    shown = {name: changes[name] for name in wanted if name in changes}
    return ["  ·  ".join(describe_changes(formats, entity, shown))] if shown else []


def interaction_entries(formats: Formats, customer_id: int) -> list[TimelineEntry]:
    """The customer's interactions, newest first."""
    query = ListQuery(filters={"customer_id": customer_id}, sort="occurred_at", descending=True)
    ids = listing.list_ids("interaction", query)[:INTERACTION_LIMIT]
    rows = listing.fetch_rows(
        "interaction", ids, ["occurred_at", "kind", "subject", "contact_name", "notes"]
    )
    entries = []
    for row in rows:
        word = KIND_STYLE.get(row["kind"], ("", enum_label(row["kind"])))[1]
        detail = []
        if row.get("contact_name"):
            detail.append(f"with {row['contact_name']}")
        notes = (row.get("notes") or "").strip()
        if notes and _short(notes, 200) != _short(row["subject"] or "", 200):
            detail.append(_short(notes, _MAX_NOTES))
        entries.append(
            TimelineEntry(
                at=row["occurred_at"],
                kind=row["kind"],
                title=f"{word}: {_short(row['subject'] or '', 200)}",
                detail="\n".join(detail),
                entity="interaction",
                entity_id=row["id"],
            )
        )
    return entries


def merge(*groups: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """All entries, newest first (interactions before changes made in the same second)."""
    merged = [entry for group in groups for entry in group]
    merged.sort(key=lambda e: (e.at, e.entity == "interaction", e.entity_id), reverse=True)
    return merged


class TimelineModel(QAbstractListModel):
    """The entries of one customer's timeline."""

    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, formats: Formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = self.formats.datetime(entry.at)
            return f"{entry.title} — {when}" + (f"\n{entry.detail}" if entry.detail else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.title}, {self.formats.datetime(entry.at)}. {entry.detail}"
        if role == self.EntryRole:
            return entry
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Draws an entry: a coloured badge, the title, the time on the right, details below."""

    PAD = 8
    BADGE_WIDTH = 74

    def __init__(self, formats: Formats, parent=None):
        super().__init__(parent)
        self.formats = formats

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 7.0))
        return title, QFont(option.font), small

    def _layout(self, option: QStyleOptionViewItem, entry: TimelineEntry, outer: QRect) -> dict:
        """Where each part of an entry goes inside ``outer`` (shared by sizeHint and paint)."""
        title_font, body_font, small = self._fonts(option)
        wrap = int(Qt.TextFlag.TextWordWrap)
        rect = outer.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        badge_height = QFontMetrics(small).height() + 6
        badge = QRect(rect.left(), rect.top(), self.BADGE_WIDTH - self.PAD, badge_height)
        left = rect.left() + self.BADGE_WIDTH
        width = max(rect.right() - left + 1, 80)
        when = self.formats.datetime(entry.at)
        when_width = QFontMetrics(small).horizontalAdvance(when) + 4
        when_rect = QRect(rect.right() - when_width + 1, rect.top(), when_width, badge_height)
        # A narrow timeline (a 900-pixel window) puts the time under the title, which
        # then has the whole width: a title squeezed beside the time is cut mid-word.
        beside = width - when_width - 12 >= NARROW_TITLE
        title_width = width - when_width - 12 if beside else width
        title_height = (
            QFontMetrics(title_font).boundingRect(QRect(0, 0, title_width, 10_000), wrap,
                                                  entry.title).height()
        )  # fmt: skip
        head_height = max(title_height + 3, badge_height)
        title_rect = QRect(left, rect.top() + 3, title_width, title_height)
        bottom = rect.top() + head_height
        if not beside:
            when_rect = QRect(left, bottom, min(when_width, width), QFontMetrics(small).height())
            bottom = when_rect.bottom() + 1
        detail_rect = QRect()
        if entry.detail:
            detail_height = (
                QFontMetrics(body_font).boundingRect(QRect(0, 0, width, 10_000), wrap,
                                                     entry.detail).height()
            )  # fmt: skip
            detail_rect = QRect(left, bottom + 4, width, detail_height)
            bottom = detail_rect.bottom() + 1
        return {
            "fonts": (title_font, body_font, small),
            "badge": badge,
            "when": when,
            "when_rect": when_rect,
            "title_rect": title_rect,
            "detail_rect": detail_rect,
            "height": bottom - outer.top() + self.PAD,
        }

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        entry: TimelineEntry = index.data(TimelineModel.EntryRole)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        width = max(width, self.BADGE_WIDTH + 200)
        layout = self._layout(option, entry, QRect(0, 0, width, 0))
        return QSize(width, layout["height"])

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        entry: TimelineEntry = index.data(TimelineModel.EntryRole)
        layout = self._layout(option, entry, option.rect)
        title_font, body_font, small = layout["fonts"]
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText)

        color, word = KIND_STYLE.get(entry.kind, ("#757575", enum_label(entry.kind)))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(layout["badge"], 4, 4)
        painter.setPen(QColor("white"))
        painter.setFont(small)
        painter.drawText(layout["badge"], int(Qt.AlignmentFlag.AlignCenter), word)

        painter.setPen(muted)
        painter.drawText(
            layout["when_rect"],
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            layout["when"],
        )  # under the title when narrow: its rect is then as wide as the time
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(layout["title_rect"], int(Qt.TextFlag.TextWordWrap), entry.title)
        if entry.detail:
            painter.setFont(body_font)
            painter.setPen(muted)
            painter.drawText(layout["detail_rect"], int(Qt.TextFlag.TextWordWrap), entry.detail)
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


class TimelineView(QListView):
    """The list of entries; double-click or Enter emits ``open_requested(entity, id)``."""

    open_requested = Signal(str, int)

    def __init__(self, formats: Formats, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("Timeline")
        self.timeline = TimelineModel(formats, self)
        self.setModel(self.timeline)
        self.setItemDelegate(TimelineDelegate(formats, self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.doubleClicked.connect(self._open)

    def set_formats(self, formats: Formats) -> None:
        self.timeline.formats = formats
        self.itemDelegate().formats = formats  # type: ignore[attr-defined]

    def _open(self, index: QModelIndex) -> None:
        entry: TimelineEntry | None = index.data(TimelineModel.EntryRole)
        if entry is not None:
            self.open_requested.emit(entry.entity, entry.entity_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)
