"""What the customer list does around a keystroke besides showing its answer.

Once the list is open and the query thread idle, the search rows are read into that
thread's page cache (the first search of a session then finds them there); a keystroke
stops that warm-up at once, and it goes on later from where it stopped. The busy line shows
while the list waits for the answer to what was typed, not while a search's first rows are
on screen and the rest is counted.
"""

from __future__ import annotations

import threading
import time

import pytest
from window_helpers import type_text, wait_loaded

from crm_desktop.services import cache_warming, listing, search
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.tables import model as model_module
from crm_desktop.ui.tables import page as list_page
from crm_desktop.ui.tables.model import Fill


@pytest.fixture
def warm_calls(monkeypatch):
    """Each warm-up attempt: (thread name, start, result)."""
    calls: list[tuple[str, int, int | None]] = []
    real = cache_warming.warm_search_rows

    def recorded(start=0, *, cancelled, budget=cache_warming.BUDGET_BYTES):
        result = real(start, cancelled=cancelled, budget=budget)
        calls.append((threading.current_thread().name, start, result))
        return result

    monkeypatch.setattr(cache_warming, "warm_search_rows", recorded)
    return calls


def test_the_customer_list_warms_the_search_rows_once_on_the_query_thread(
    qtbot, window, warm_calls
):
    window.show_section("products")
    products = window.current_list()
    wait_loaded(qtbot, products)
    assert products.warm_up_done and warm_calls == []  # only the customers' searches read them
    window.show_section("customers")
    page = window.current_list()
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.warm_up_done, timeout=10_000)
    assert warm_calls == [("crm-queries", 0, None)]
    type_text(page.filter_bar.search_box, "Иван")
    page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    qtbot.wait(50)
    assert len(warm_calls) == 1  # a search's answer does not start it again


def test_a_keystroke_stops_the_warm_up_and_it_goes_on_later(qtbot, window, monkeypatch):
    monkeypatch.setattr(list_page, "WARM_RETRY_MS", 50)
    monkeypatch.setattr(cache_warming, "CHUNK_IDS", 20)
    real = cache_warming.warm_search_rows
    started = threading.Event()
    attempts: list[tuple[int, int | None, bool]] = []

    def held(start=0, *, cancelled, budget=cache_warming.BUDGET_BYTES):
        if not attempts:  # the first attempt runs until a query waits behind it (or 10 s)
            started.set()
            deadline = time.monotonic() + 10
            while not cancelled() and time.monotonic() < deadline:
                time.sleep(0.001)
            gave_way = cancelled()
            result = real(start, cancelled=cancelled, budget=budget)
            attempts.append((start, result, gave_way))
            return result
        result = real(start, cancelled=cancelled, budget=budget)
        attempts.append((start, result, False))
        return result

    monkeypatch.setattr(cache_warming, "warm_search_rows", held)
    window.show_section("customers")
    page = window.current_list()
    box = page.filter_bar.search_box
    qtbot.waitUntil(started.is_set, timeout=10_000)
    asked = time.monotonic()
    type_text(box, "张")
    page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    assert time.monotonic() - asked < 5  # the search did not wait for the warm-up
    expected = search.search_customers("张")
    assert expected and list(page.model.ids()) == expected
    qtbot.waitUntil(lambda: page.warm_up_done, timeout=10_000)
    assert attempts[0] == (0, 0, True)  # stopped before its first chunk, asked to give way
    assert attempts[1][0] == 0 and attempts[-1][1] is None  # went on later, to the end
    # Typing fast, then clearing: each answer is the one for the box's text.
    for text in ("=1", "=1+", "", "<b>&", "🙂", "مر", ""):
        box.setText(text)
        page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    assert list(page.model.ids()) == listing.list_ids("customer")


@pytest.fixture
def counting_held(monkeypatch):
    """A common search shows 5 rows at once; the rest is counted when released."""
    monkeypatch.setattr(model_module, "FIRST_PAGE", 5)
    monkeypatch.setattr(model_module, "REST_DELAY_MS", 0)
    monkeypatch.setattr(list_page, "BUSY_DELAY_MS", 20)
    release = threading.Event()
    rest = search.search_customers

    def held_rest(query, *, cancelled=None, **kwargs):
        deadline = time.monotonic() + 20
        while not release.is_set() and time.monotonic() < deadline:
            if cancelled is not None and cancelled():  # a newer keystroke: as SQLite would
                raise search.SearchCancelled
            time.sleep(0.001)
        return rest(query, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(search, "search_customers", held_rest)
    yield release
    release.set()


def test_the_busy_line_shows_while_an_answer_is_awaited_not_while_the_rest_is_counted(
    qtbot, window, counting_held, monkeypatch
):
    window.show_section("customers")
    page = window.current_list()
    wait_loaded(qtbot, page)
    # The first page of "а" on screen, its rest held: "counting…", and no busy line.
    type_text(page.filter_bar.search_box, "а")
    page.filter_bar.flush_search()
    qtbot.waitUntil(page.model.is_partial, timeout=10_000)
    qtbot.wait(150)
    assert page.model.is_loading() and "counting" in window.count_label.text()
    assert not page.busy.isVisible()
    # A keystroke whose answer is slow: the line shows while it is awaited…
    first = listing.first_ids
    first_of_an = list(first("customer", ListQuery(search="ан"), 5)[0])
    assert len(first_of_an) == 5
    answer = threading.Event()

    def slow_first(entity, query, limit):
        if query.search == "ан":
            answer.wait(20)
        return first(entity, query, limit)

    monkeypatch.setattr(listing, "first_ids", slow_first)
    type_text(page.filter_bar.search_box, "н")
    page.filter_bar.flush_search()
    qtbot.waitUntil(page.busy.isVisible, timeout=5_000)
    # …and goes once its first rows are here, the rest still being counted.
    answer.set()
    qtbot.waitUntil(lambda: list(page.model.ids()) == first_of_an, timeout=5_000)
    assert page.model.query.search == "ан" and page.model.is_partial()
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=5_000)
    assert page.model.fill() is Fill.FIRST_PAGE
    counting_held.set()
    wait_loaded(qtbot, page)
    assert list(page.model.ids()) == search.search_customers("ан")
    assert not page.busy.isVisible()
