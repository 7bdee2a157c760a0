"""The table's two partial states (its ends while opening, a search's first page) kept apart.

A table opens with its count and both ends (:attr:`Fill.ENDS`); a common search shows its
first page while the rest is read (:attr:`Fill.FIRST_PAGE`). Each belongs to its own query:
a search typed while the ends are still filling, and a record made with Ctrl+N meanwhile,
must end with exactly the search's answer on screen and the new record selected.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from window_helpers import type_text, wait_loaded

from crm_desktop.services import customers, listing, search
from crm_desktop.ui.tables import model as model_module
from crm_desktop.ui.tables.model import Fill

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def slow_every_id(monkeypatch):
    """Every id of the customer list waits for ``release`` (as at a million rows)."""
    release = threading.Event()
    id_array = listing.list_id_array

    def slow_ids(entity, query=None):
        if entity == "customer" and not (query and query.search):
            release.wait(20)
        return id_array(entity, query)

    monkeypatch.setattr(listing, "list_id_array", slow_ids)
    yield release
    release.set()


@pytest.fixture
def common_search(monkeypatch):
    """The demo file made "big": one letter is a common query, its first page 5 rows."""
    monkeypatch.setattr(model_module, "FIRST_PAGE", 5)
    monkeypatch.setattr(model_module, "ENDS", 10)
    monkeypatch.setattr(search, "FULL_RANKING_LIMIT", 10)
    monkeypatch.setattr(search, "COMMON_CANDIDATES", 12)
    monkeypatch.setattr(search, "COMMON_SHORT_POSTINGS", 15)


def test_opening_shows_the_ends_with_their_exact_count_not_a_search_still_counting(
    qtbot, window, slow_every_id, common_search
):
    window.show_section("customers")
    page = window.current_list()
    qtbot.waitUntil(page.model.has_loaded, timeout=10_000)
    total = len(listing.list_ids("customer"))
    assert page.model.fill() is Fill.ENDS and page.model.is_loading()
    assert not page.model.is_partial()  # the count is exact: nothing is "counting…"
    assert page.count_text() == f"{total:,} customers"
    assert "counting" not in window.count_label.text()
    slow_every_id.set()
    wait_loaded(qtbot, page)
    assert page.model.fill() is Fill.WHOLE and list(page.model.ids()) == listing.list_ids(
        "customer"
    )


def test_a_search_typed_while_the_ends_fill_shows_its_own_answer_whole(
    qtbot, window, slow_every_id, common_search
):
    window.show_section("customers")
    page = window.current_list()
    model = page.model
    qtbot.waitUntil(model.has_loaded, timeout=10_000)
    assert model.fill() is Fill.ENDS
    states: list[tuple[Fill, int]] = []
    model.ids_loaded.connect(lambda: states.append((model.fill(), model.rowCount())))
    page.focus_search()
    type_text(page.filter_bar.search_box, "Е")
    page.filter_bar.flush_search()
    slow_every_id.set()  # the whole list of the opening comes back, for a query gone by
    wait_loaded(qtbot, page)
    expected = search.search_customers("е")
    assert len(expected) > 10
    assert states[0] == (Fill.FIRST_PAGE, 5)  # the search's first page, never the ends'
    assert states[-1] == (Fill.WHOLE, len(expected))
    assert list(model.ids()) == expected and 0 not in model.ids()
    assert [model.values_at(row)["id"] for row in (0, len(expected) - 1)] == [
        expected[0],
        expected[-1],
    ]
    assert window.count_label.text() == f"{len(expected):,} customers"
    assert page.table.selected_ids() == [expected[0]]  # Enter opens the best match


def test_ctrl_n_during_a_searchs_first_page_selects_the_new_record_once_the_rest_is_in(
    qtbot, window, slow_every_id, common_search, monkeypatch
):
    from crm_desktop.ui import forms

    slow_every_id.set()
    window.show_section("customers")
    page = window.current_list()
    model = page.model
    wait_loaded(qtbot, page)
    page.focus_search()
    type_text(page.filter_bar.search_box, "Е")
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: model.fill() is Fill.FIRST_PAGE, timeout=10_000)
    created: list[int] = []

    def create(parent, entity, record_id=None, defaults=None):
        # Sorted last among the matches: beyond the first page, in the rest.
        created.append(customers.create_customer({"name": "Яяя последняя е"}))
        return created[-1]

    monkeypatch.setattr(forms, "open_record", create)
    resets: list[int] = []
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    wait_loaded(qtbot, page)
    expected = search.search_customers("е")
    assert created[0] in expected[5:]
    assert model.fill() is Fill.WHOLE and list(model.ids()) == expected
    qtbot.waitUntil(lambda: page.selected_ids() == created, timeout=5000)
    assert page.table.current_id() == created[0]
