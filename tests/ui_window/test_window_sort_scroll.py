"""After a sort the list shows its top, unless the user's selected row is on screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from window_helpers import open_section, wait_loaded


def _click_header(qtbot, page, key: str) -> None:
    header = page.table.horizontalHeader()
    column = page.model.column_of(key) if hasattr(page.model, "column_of") else None
    if column is None:
        column = [c.key for c in page.section.columns].index(key)
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    wait_loaded(qtbot, page)


def _row_visible(page, record_id: int) -> bool:
    table = page.table
    row = page.model.row_of(record_id)
    top = table.rowViewportPosition(row)
    return row is not None and top >= 0 and top + table.rowHeight(row) <= table.viewport().height()


def test_a_sort_shows_the_top_when_the_selected_row_is_scrolled_away(qtbot, window) -> None:
    window.resize(900, 600)
    page = open_section(qtbot, window, "customers")
    page.table.select_first_row()
    chosen = page.table.current_id()
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
    assert not _row_visible(page, chosen)
    _click_header(qtbot, page, "city")
    assert page.model.query.sort == "city"
    assert page.table.verticalScrollBar().value() == 0  # the top, not the selected row
    assert page.table.selected_ids() == [chosen]  # still selected, wherever it went


def test_a_sort_keeps_a_selected_row_in_view_in_view(qtbot, window) -> None:
    window.resize(900, 600)
    page = open_section(qtbot, window, "customers")
    # A row far down the city order, selected while on screen.
    target = page.model.id_at(3)
    page.table.select_ids([target], current=target)
    assert _row_visible(page, target)
    _click_header(qtbot, page, "city")
    assert page.table.selected_ids() == [target]
    assert _row_visible(page, target)
