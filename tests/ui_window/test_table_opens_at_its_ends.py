"""A long table opens at once: its count and both ends first, every id after."""

from __future__ import annotations

import threading

from crm_desktop.services import listing
from crm_desktop.ui.tables import model as model_module


def test_the_customer_table_shows_both_ends_before_every_id_is_read(qtbot, window, monkeypatch):
    monkeypatch.setattr(model_module, "ENDS", 10)  # 150 demo customers: a middle not read yet
    release = threading.Event()
    every_id = listing.list_ids
    id_array = listing.list_id_array

    def slow_ids(entity, query=None):
        if entity == "customer":
            release.wait(20)  # as at a million rows: every id takes a while
        return id_array(entity, query)

    monkeypatch.setattr(listing, "list_id_array", slow_ids)
    try:
        window.show_section("customers")  # Ctrl+2
        page = window.current_list()
        model = page.model
        qtbot.waitUntil(model.has_loaded, timeout=10_000)
        ids = every_id("customer")
        assert model.is_loading() and model.rowCount() == len(ids) == 150
        assert [model.id_at(row) for row in range(10)] == ids[:10]
        assert [model.id_at(row) for row in range(140, 150)] == ids[-10:]
        assert model.id_at(75) is None and page.table.selected_ids() == []
        # The end of the list is there at once: scrolled to, its last row is painted.
        page.table.scrollToBottom()
        last = len(ids) - 1
        qtbot.waitUntil(lambda: model.values_at(last) is not None, timeout=5000)
        assert model.values_at(last)["id"] == ids[-1]
        assert model.data(model.index(last, 0)) == model.values_at(last)["name"]
        resets: list[int] = []
        model.modelReset.connect(lambda: resets.append(1))
    finally:
        release.set()
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=10_000)
    assert list(model.ids()) == ids and resets == []  # filled in, nothing jumped
    assert model.id_at(75) == ids[75] and model.values_at(75)["id"] == ids[75]
    assert page.table.rowAt(page.table.viewport().height() - 2) == last


def test_the_first_frame_of_a_table_has_its_scroll_bar_and_its_count(qtbot, window):
    """What the rows' first paint shows: laid out when the ids arrive, not an event later."""
    window.show_section("contacts")  # Today first, then a list whose count is not shown yet
    page = window.current_list()
    model = page.model
    seen: list[tuple[bool, str, bool]] = []

    def at_arrival() -> None:  # before the event loop turns again: the next paint
        label = window.status.count_label
        bar = page.table.verticalScrollBar()
        fits = label.width() >= label.sizeHint().width()
        seen.append((bar.isVisibleTo(page.table), label.text(), fits))

    if model.has_loaded() and not model.is_loading():
        model.reload()
    model.ids_loaded.connect(at_arrival)
    qtbot.waitUntil(lambda: bool(seen) and not model.is_loading(), timeout=10_000)
    shown, text, fits = seen[0]
    assert model.rowCount() > 40 and shown  # more rows than the screen: a scroll bar
    assert text == page.count_text() and fits
