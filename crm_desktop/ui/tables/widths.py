"""A column's default width from what it shows in the window's language, not fixed pixels.

A section declares each column's width for English (:class:`~crm_desktop.ui.sections.base.
ColumnSpec`); a translated title or value can be longer («Потенциальный» for "Prospect",
«Вероятность» for "Probability"). The default width is the declared one, or wider when
the title with its sort arrow, or the longest word of an enumeration (statuses, stages,
priorities), would not fit. A width the user set by dragging is kept as it is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from crm_desktop.services import catalogue
from crm_desktop.ui.formats import label


def _values(entity: str, key: str) -> tuple[str, ...]:
    if not catalogue.has(entity):
        return ()
    try:
        return catalogue.field_of(entity, key).values
    except KeyError:
        return ()  # a column of the list that is not a catalogue field


def title_width(header: QHeaderView, logical: int) -> int:
    """The width the title of section ``logical`` needs, with its margins and sort arrow."""
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    model = header.model()
    title = str(model.headerData(logical, header.orientation()) or "") if model else ""
    return header.fontMetrics().horizontalAdvance(title) + 3 * margin + arrow


def fitting_width(view: QTableView, logical: int, declared: int, key: str, entity: str) -> int:
    """The width column ``logical`` needs at least: ``declared``, its title, its words."""
    header: QHeaderView = view.horizontalHeader()
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    need = title_width(header, logical)
    words = _values(entity, key)
    if words:
        cell = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        widest = max(view.fontMetrics().horizontalAdvance(label(word)) for word in words)
        need = max(need, widest + 2 * cell + 2 * margin)
    return max(declared, need)
