"""The table's cells, drawn by the style as before, each filled from one answer of the model.

Before it draws a cell, :class:`QStyledItemDelegate` asks the model seven roles (font,
alignment, colour, check state, icon, text, background): seven calls from C++ into
Python for each of the ~190 cells on screen, at every keystroke of a search.
:class:`~crm_desktop.ui.tables.model.ListModel` never gives a check state, an icon or a
background, and knows a cell's text, alignment and style at once
(:meth:`~crm_desktop.ui.tables.model.ListModel.cell`), so :class:`CellDelegate` fills the
same option from that one answer, as the stock ``initStyleOption`` would from the seven,
and the style draws the cell as it always did (eliding, selection, alternating rows).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from crm_desktop.ui.formats import STYLE_COLORS
from crm_desktop.ui.tables.model import ListModel, bold_font

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_TEXT = QPalette.ColorRole.Text


class CellDelegate(QStyledItemDelegate):
    """The stock delegate, its style option filled with one call to the list's model."""

    def __init__(self, model: ListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if index.model() is not self._model:
            super().initStyleOption(option, index)
            return
        option.index = index  # type: ignore[assignment]  # a view paints with plain indexes
        # As the stock delegate: no style animations in a list (the stubs forbid a null).
        option.styleObject = None  # type: ignore[assignment]
        cell = self._model.cell(index.row(), index.column())
        if cell is None:
            return  # a row not read yet: an empty cell
        text, alignment, style = cell
        option.displayAlignment = alignment
        if style:
            color = STYLE_COLORS.get(style)
            if color is not None:
                palette = QPalette(option.palette)
                palette.setBrush(_TEXT, color)
                option.palette = palette
            if style == "alert":
                option.font = bold_font().resolve(option.font)
                option.fontMetrics = QFontMetrics(option.font)
        option.features = option.features | _HAS_DISPLAY
        # The stock delegate shows a line break inside a cell as a line separator.
        option.text = text.replace("\n", "\u2028") if "\n" in text else text
