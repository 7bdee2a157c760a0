"""The lists as a user meets them: find while typing in any script, sort by a header, lazy rows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from window_helpers import open_section, rows_on_screen, type_text, wait_loaded

from crm_desktop.services import customers, listing
from crm_desktop.services.text import sort_key


def test_typing_a_cyrillic_substring_in_another_case_finds_the_customer(qtbot, window):
    wanted = customers.create_customer(
        {"name": "Жукова Вероника Павловна", "email": "zhukova@example.ru", "city": "Тверь"}
    )
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.current_list()
    assert page.section.key == "customers"
    wait_loaded(qtbot, page)
    total = page.count()
    assert total > 150

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = page.filter_bar.search_box
    assert box.hasFocus()
    type_text(box, "ВЕРОНИК")  # upper case; the name is stored in mixed case

    qtbot.waitUntil(lambda: page.model.query.search == "ВЕРОНИК", timeout=2000)
    wait_loaded(qtbot, page)
    assert list(page.model.ids()) == [wanted]
    assert rows_on_screen(page, "name") == ["Жукова Вероника Павловна"]
    assert window.count_label.text() == "1 customer"

    # Clearing the search with Esc brings every customer back.
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.model.query.search == "", timeout=2000)
    wait_loaded(qtbot, page)
    assert page.count() == total


def test_chinese_and_latin_substrings_find_customers_too(qtbot, window):
    zhang = customers.create_customer({"name": "张伟贸易有限公司"})
    emile = customers.create_customer({"name": "Émile Quaxford SARL"})
    page = open_section(qtbot, window, "customers")
    page.focus_search()
    type_text(page.filter_bar.search_box, "伟贸")
    page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    assert list(page.model.ids()) == [zhang]
    page.filter_bar.search_box.clear()
    type_text(page.filter_bar.search_box, "EMILE quax")
    page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    assert list(page.model.ids()) == [emile]


def test_no_match_says_so_on_screen(qtbot, window):
    page = open_section(qtbot, window, "customers")
    type_text(page.filter_bar.search_box, "<b>&zzzz-no-such")
    page.filter_bar.flush_search()
    wait_loaded(qtbot, page)
    assert page.count() == 0
    assert page.table.empty_text == "No customers match “<b>&zzzz-no-such”."
    assert window.count_label.text() == "0 customers"


def _click_header(qtbot, page, key: str) -> None:
    header = page.table.horizontalHeader()
    column = [c.key for c in page.section.columns].index(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    wait_loaded(qtbot, page)


def test_clicking_a_header_sorts_in_the_database(qtbot, window):
    page = open_section(qtbot, window, "customers")
    first_by_name = rows_on_screen(page, "name", 5)
    assert first_by_name == sorted(first_by_name, key=sort_key)

    _click_header(qtbot, page, "city")
    assert page.model.query.sort == "city" and page.model.query.descending is False
    cities = [page.model.values_at(row)["city"] for row in range(page.count())]
    present = [city for city in cities if city]
    assert present == sorted(present, key=sort_key)
    assert cities[: len(present)] == present  # customers without a city come last
    assert rows_on_screen(page, "city", 3) == present[:3]
    assert list(page.model.ids()) == listing.list_ids(
        "customer", listing.ListQuery(sort="city", descending=False)
    )

    _click_header(qtbot, page, "city")  # again: the other way round
    assert page.model.query.descending is True
    first = [page.model.values_at(row)["city"] for row in range(20)]
    assert first == sorted(first, key=sort_key, reverse=True)
    indicator = page.table.horizontalHeader()
    assert indicator.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_column_that_cannot_sort_keeps_the_current_order(qtbot, window):
    page = open_section(qtbot, window, "customers")
    before = list(page.model.ids())
    _click_header(qtbot, page, "tags")
    assert page.model.query.sort == "name"
    assert list(page.model.ids()) == before
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0


def test_the_model_passes_qt_model_tester(qtbot, qtmodeltester, window):
    for key in ("customers", "deals", "tasks", "orders", "trash"):
        page = open_section(qtbot, window, key)
        qtmodeltester.check(page.model, force_py=True)


def test_rows_are_fetched_lazily_in_blocks(qtbot, window, monkeypatch):
    from crm_desktop.ui.tables import model as model_module

    fetched: list[int] = []
    real_fetch = listing.fetch_rows

    def counting_fetch(entity, ids, columns=None):
        fetched.append(len(ids))
        return real_fetch(entity, ids, columns)

    monkeypatch.setattr(model_module.listing, "fetch_rows", counting_fetch)
    monkeypatch.setattr(model_module, "BLOCK", 20)
    page = open_section(qtbot, window, "customers")
    page.reload()
    wait_loaded(qtbot, page)
    fetched.clear()
    page.model._blocks.clear()
    page.table.viewport().repaint()
    assert fetched and max(fetched) <= 20 and sum(fetched) < page.count()
    fetched.clear()
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    last = page.model.values_at(page.count() - 1)
    assert last["id"] == page.model.ids()[-1]
    assert sum(fetched) <= 60  # the rows at the end, not everything in between


def test_money_and_dates_follow_the_settings(qtbot, window):
    from crm_desktop.services import settings

    page = open_section(qtbot, window, "deals")
    amount_column = [c.key for c in page.section.columns].index("amount_cents")
    index = page.model.index(0, amount_column)
    cents = page.model.values_at(0)["amount_cents"]
    assert page.model.data(index) == f"${cents // 100:,}.{cents % 100:02d}"
    alignment = page.model.data(index, Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight

    settings.set_many({"currency": "EUR", "locale": "de_DE"})
    whole = f"{cents // 100:,}".replace(",", ".")
    qtbot.waitUntil(lambda: page.model.data(index) == f"{whole},{cents % 100:02d}\u00a0€")
    expected = page.model.values_at(0)["expected_close"]
    date_column = [c.key for c in page.section.columns].index("expected_close")
    year, month, day = expected.split("-")
    assert page.model.data(page.model.index(0, date_column)) == f"{day}.{month}.{year}"


def test_a_customer_renamed_with_another_sqlite_tool_is_found_in_the_window(qtbot, window, demo_db):
    import sqlite3

    page = open_section(qtbot, window, "customers")
    wait_loaded(qtbot, page)
    target = list(page.model.ids())[3]
    other = sqlite3.connect(demo_db)  # as the sqlite3 shell: updated_at untouched
    other.execute("UPDATE customer SET name = 'Quokka Outside Traders' WHERE id = ?", (target,))
    other.commit()
    other.close()
    page.focus_search()
    type_text(page.filter_bar.search_box, "quokka outside")
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == "quokka outside", timeout=2000)
    wait_loaded(qtbot, page)
    assert list(page.model.ids()) == [target]
    assert rows_on_screen(page, "name") == ["Quokka Outside Traders"]


def test_a_new_search_selects_its_first_match_and_enter_opens_that_one(qtbot, window):
    for name in ("Marlin Alpha", "Marlin Beta", "Marlin Gamma", "Marlin Delta"):
        customers.create_customer({"name": name})
    page = open_section(qtbot, window, "customers")
    wait_loaded(qtbot, page)
    ids = list(page.model.ids())
    # A row far down is selected before the search, and it is among the matches.
    delta = next(i for i in ids if customers.get_customer(i)["name"] == "Marlin Delta")
    page.table.select_ids([delta], current=delta)
    page.focus_search()
    type_text(page.filter_bar.search_box, "marlin")
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == "marlin", timeout=2000)
    wait_loaded(qtbot, page)
    first = page.model.ids()[0]
    assert customers.get_customer(first)["name"] == "Marlin Alpha"
    qtbot.waitUntil(lambda: page.table.selected_ids() == [first], timeout=2000)
    assert page.table.current_id() == first
    assert page.table.verticalScrollBar().value() == 0
    qtbot.keyClick(page.filter_bar.search_box, Qt.Key.Key_Return)  # Enter: to the results
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter again: the customer's page
    assert window.stack.currentWidget() is window.detail
    assert window.selected_ids() == [first]


def test_a_row_found_by_its_contact_says_so_and_comes_after_names(qtbot, window):
    from crm_desktop.services import contacts

    company = customers.create_customer({"name": "Альфа Трейд Сидоровых"})
    other = customers.create_customer({"name": "Бета Сервис"})
    contacts.create_contact({"customer_id": other, "name": "Иван Сидоров"})
    page = open_section(qtbot, window, "customers")
    wait_loaded(qtbot, page)
    page.focus_search()
    type_text(page.filter_bar.search_box, "сидоров")
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == "сидоров", timeout=2000)
    wait_loaded(qtbot, page)
    assert list(page.model.ids()) == [company, other]  # the name's match ranks first
    assert rows_on_screen(page, "name") == [
        "Альфа Трейд Сидоровых",
        "Бета Сервис  ·  contact: Иван Сидоров",
    ]
