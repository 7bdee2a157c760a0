"""What a reader would find cut: labels, buttons and table headers narrower than their text.

:func:`cut_texts` looks at the visible widgets of a window as laid out now: a
label that does not wrap and is narrower than its text, a button narrower than
its text, a table's visible header narrower than its title (with the sort
arrow), a column of stored values (statuses, stages) narrower than its longest
word. Each finding is ``(where, text)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QWidget,
)

SLACK = 2  # pixels of rounding


def _label_cut(label: QLabel) -> bool:
    pixmap = label.pixmap()
    if label.wordWrap() or not label.text() or (pixmap is not None and not pixmap.isNull()):
        return False
    if label.textFormat() == Qt.TextFormat.RichText or "<" in label.text():
        return False  # rich text lays out its own way
    return label.width() + SLACK < label.sizeHint().width()


def _button_cut(button: QAbstractButton) -> bool:
    return bool(button.text()) and button.width() + SLACK < button.sizeHint().width()


def header_cuts(view: QTableView) -> list[str]:
    """The titles of the visible columns of ``view`` that do not fit their section."""
    header: QHeaderView = view.horizontalHeader()
    model = view.model()
    found = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        if logical == header.logicalIndex(header.count() - 1) and header.stretchLastSection():
            continue
        title = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        need = header.fontMetrics().horizontalAdvance(title) + 2 * margin + arrow + margin
        if header.sectionSize(logical) + SLACK < need:
            found.append(title)
    return found


def word_cuts(view: QTableView) -> list[str]:
    """Words of an enumeration column (statuses, stages) wider than their column."""
    from crm_desktop.ui.formats import label
    from crm_desktop.ui.tables.widths import _values

    model = view.model()
    columns, entity = getattr(model, "columns", None), getattr(model, "entity", None)
    if columns is None or entity is None:
        return []
    header = view.horizontalHeader()
    style = view.style()
    padding = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    found = []
    for logical, column in enumerate(columns):
        if header.isSectionHidden(logical):
            continue
        for value in _values(entity, column.key):
            text = label(value)
            if (
                header.sectionSize(logical) + SLACK
                < view.fontMetrics().horizontalAdvance(text) + padding
            ):
                found.append(text)
    return found


def cut_texts(top: QWidget, where: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        cut_label = isinstance(widget, QLabel) and _label_cut(widget)
        if cut_label or (isinstance(widget, QAbstractButton) and _button_cut(widget)):
            found.append((where, widget.text()))
        elif isinstance(widget, QTableView):
            found.extend((f"{where} · header", title) for title in header_cuts(widget))
            found.extend((f"{where} · cells", text) for text in word_cuts(widget))
    return found
