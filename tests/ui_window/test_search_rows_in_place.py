"""A new search whose answer is as long as the list shown replaces the ids in place.

Typing a letter often keeps a common search's first page (``zet`` → ``zeta``): the view is
not reset then, and only rows that changed (their id, or why they matched) are redrawn.
Everything a search promises still holds: the first row selected, the top shown, the
right reasons, and a change written meanwhile shown.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QRegion
from window_helpers import open_section, type_text, wait_loaded

from crm_desktop.services import customers, listing, search
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.tables import model as model_module
from crm_desktop.ui.tables.model import Fill, match_text


@pytest.fixture
def zetas(monkeypatch, demo_db):
    """Ten customers "Zeta N" of Zetaville: ``zet``, ``zeta`` and ``zetav`` list them alike."""
    monkeypatch.setattr(model_module, "FIRST_PAGE", 5)
    monkeypatch.setattr(model_module, "REST_DELAY_MS", 60_000)  # the rest never comes here
    ids = [customers.create_customer({"name": f"Zeta {n}", "city": "Zetaville"}) for n in range(10)]
    return ids


def _search(qtbot, page, text: str) -> None:
    arrived: list[int] = []
    page.model.ids_loaded.connect(lambda: arrived.append(1))
    page.filter_bar.search_box.setText(text)
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: bool(arrived), timeout=10_000)
    qtbot.wait(60)  # whatever the answer asked to repaint is painted


class _PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


@contextlib.contextmanager
def _painted(table) -> Iterator[list[QRect]]:
    """The rectangles of the table's rows painted meanwhile."""
    watch = _PaintWatch()
    table.viewport().installEventFilter(watch)
    try:
        yield watch.rects
    finally:
        table.viewport().removeEventFilter(watch)


def _name_cells(page) -> list[str]:
    return [page.model.data(page.model.index(row, 0)) for row in range(page.model.rowCount())]


def test_a_letter_that_keeps_the_rows_redraws_nothing(qtbot, window, zetas):
    page = open_section(qtbot, window, "customers")
    table = page.table
    table.scrollToBottom()
    _search(qtbot, page, "zet")
    assert page.model.fill() is Fill.FIRST_PAGE and list(page.model.ids()) == zetas[:5]
    assert table.selected_ids() == [zetas[0]]
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    with _painted(table) as rects:
        _search(qtbot, page, "zeta")
    assert list(page.model.ids()) == zetas[:5] and page.model.query.search == "zeta"
    # No row is drawn again: at most the current cell (the view's scrollTo asks for it).
    assert resets == [] and all(r.height() <= table.rowHeight(0) for r in rects), rects
    assert sum(r.width() for r in rects) < table.viewport().width()
    assert table.selected_ids() == [zetas[0]] and table.verticalScrollBar().value() == 0
    assert "counting" in window.count_label.text()
    assert _name_cells(page) == [f"Zeta {n}" for n in range(5)]
    assert table.current_id() == zetas[0]
    qtbot.keyClick(page.filter_bar.search_box, model_module.Qt.Key.Key_Return)  # to the rows
    qtbot.keyClick(table, model_module.Qt.Key.Key_Return)  # Enter opens the first match
    assert window.stack.currentWidget() is window.detail
    assert window.selected_ids() == [zetas[0]]


def test_rows_that_match_for_another_reason_are_redrawn_with_it(qtbot, window, zetas):
    page = open_section(qtbot, window, "customers")
    _search(qtbot, page, "zeta")
    with _painted(page.table) as rects:
        _search(qtbot, page, "zetav")  # the city now, not the name
    assert list(page.model.ids()) == zetas[:5]
    reason = match_text(("city", "Zetaville"))
    assert _name_cells(page) == [f"Zeta {n}  ·  {reason}" for n in range(5)]
    drawn = QRegion()
    for rect in rects:
        drawn += rect
    for row in range(5):  # every row whose reason changed is drawn again
        assert drawn.contains(page.table.visualRect(page.model.index(row, 0)))
    first = search.match_reasons("zetav", zetas[:1])
    assert first == {zetas[0]: ("city", "Zetaville")}
    _search(qtbot, page, "zeta 1")  # another answer, of another length: a reset
    one = listing.first_ids("customer", ListQuery(search="zeta 1"), model_module.FIRST_PAGE)
    assert list(page.model.ids()) == list(one[0])
    assert _name_cells(page)[0] == "Zeta 1"


def test_a_change_written_while_a_search_is_shown_is_never_kept_stale(qtbot, window, zetas):
    page = open_section(qtbot, window, "customers")
    _search(qtbot, page, "zet")
    customers.update_customer(zetas[2], {"name": "Zeta 2 Новое 张伟 =1+2"})
    wait_loaded(qtbot, page) if not page.model.is_partial() else None
    # The change's reload and the next letter: the rows kept must be the ones written.
    type_text(page.filter_bar.search_box, "a")
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == "zeta" and page.model.rowCount() != 0)
    qtbot.waitUntil(lambda: _name_cells(page)[2] == "Zeta 2 Новое 张伟 =1+2", timeout=10_000)
    assert list(page.model.ids()) == zetas[:5]


def test_sorting_then_searching_and_clearing_keep_their_rules(qtbot, window, zetas):
    page = open_section(qtbot, window, "customers")
    header = page.table.horizontalHeader()
    city = [c.key for c in page.model.columns].index("city")
    header.setSortIndicator(city, model_module.Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, page)
    assert page.model.query.sort == "city"
    _search(qtbot, page, "zet")  # sorted by city: the whole answer, not a first page
    wait_loaded(qtbot, page)
    assert set(page.model.ids()) == set(zetas)
    _search(qtbot, page, "zeta")  # as many rows, another query: kept in place, still right
    wait_loaded(qtbot, page)
    expected = listing.list_ids("customer", page.model.current_query())
    assert list(page.model.ids()) == expected
    assert page.table.selected_ids() == [expected[0]]
    page.table.select_ids([expected[3]], current=expected[3])
    _search(qtbot, page, "")  # cleared: every customer, the chosen row kept
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == len(listing.list_ids("customer"))
    assert page.table.selected_ids() == [expected[3]]
