"""Every shortcut of the window, pressed as a user presses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from window_helpers import click_row, open_section, type_text, wait_loaded

from crm_desktop.ui.actions import ACTIONS
from crm_desktop.ui.main_window import DETAIL

CTRL = Qt.KeyboardModifier.ControlModifier
DIGITS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
          Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9]  # fmt: skip
ORDER = ["today", "customers", "contacts", "deals", "orders", "products", "tasks",
         "interactions", "campaigns"]  # fmt: skip


def test_ctrl_digits_open_the_first_nine_sections(qtbot, window):
    for key, section in zip(DIGITS, ORDER, strict=True):
        qtbot.keyClick(window, key, CTRL)
        assert window._current == section
        assert window.stack.currentWidget() is window.pages[section]
        assert window.sidebar.current_key() == section
    keys = window.sidebar.keys()
    assert keys[: len(ORDER) + 1] == [*ORDER, "service_cases"]
    assert keys[-1] == "trash"  # feature sections go before the trash


def test_sidebar_clicks_open_sections_and_status_bar_counts(qtbot, window):
    sidebar = window.sidebar
    row = sidebar.keys().index("service_cases")
    rect = sidebar.visualItemRect(sidebar.item(row))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.current_list()
    assert page.section.key == "service_cases"
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: window.count_label.text() == page.count_text())
    assert "service case" in window.count_label.text()
    assert window.db_label.text() == window.db_path.name
    assert window.windowTitle().startswith(window.db_path.name)


def test_ctrl_n_creates_in_the_current_section_with_its_filters(qtbot, window, forms_calls):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # Today: a new task
    assert forms_calls[-1] == ("task", None, {})
    page = open_section(qtbot, window, "customers")
    page.filter_bar.combos["status"].setCurrentIndex(
        page.filter_bar.combos["status"].findData("active")
    )
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert forms_calls[-1] == ("customer", None, {"status": "active"})
    assert window.actions["new_record"].text().replace("&", "") == "New customer"
    open_section(qtbot, window, "trash")
    calls = len(forms_calls)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert len(forms_calls) == calls  # nothing is created in the trash


def test_ctrl_n_selects_the_record_just_created(qtbot, window, monkeypatch):
    from crm_desktop.services import products
    from crm_desktop.ui import forms

    created: list[int] = []

    def create(parent, entity, record_id=None, defaults=None):
        created.append(products.create_product({"name": "Zzz new widget", "unit_price_cents": 100}))
        return created[-1]

    monkeypatch.setattr(forms, "open_record", create)
    page = open_section(qtbot, window, "products")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.selected_ids() == created)
    assert page.table.current_id() == created[0]


def test_ctrl_f_goes_to_the_search_box_even_from_today(qtbot, window):
    assert window._current == "today"
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    page = window.current_list()
    assert page.section.key == "customers"
    assert page.filter_bar.search_box.hasFocus()
    page = open_section(qtbot, window, "tasks")
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert page.filter_bar.search_box.hasFocus()


def test_enter_opens_customers_on_their_page_and_back_returns(qtbot, window, forms_calls):
    page = open_section(qtbot, window, "customers")
    click_row(qtbot, page.table, 1)
    customer = page.model.id_at(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window._current == DETAIL
    assert window.stack.currentWidget() is window.detail
    assert window.selected_ids() == [customer]
    assert window.current_entity() == "customer"

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window._current == "customers"
    assert page.table.current_id() == customer

    qtbot.mouseDClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.model.index(1, 0)).center(),
    )
    assert window._current == DETAIL
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc also goes back
    assert window._current == "customers"
    assert forms_calls == []


def test_enter_opens_other_records_in_their_form(qtbot, window, forms_calls):
    page = open_section(qtbot, window, "tasks")
    click_row(qtbot, page.table, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert forms_calls == [("task", page.model.id_at(0), None)]


def test_search_box_keys_enter_down_and_esc(qtbot, window):
    page = open_section(qtbot, window, "customers")
    page.focus_search()
    type_text(page.filter_bar.search_box, "a")
    qtbot.keyClick(page.filter_bar.search_box, Qt.Key.Key_Return)
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.selected_ids() == [page.model.id_at(0)])
    assert page.table.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # clears the search, stays in the table
    assert page.filter_bar.search_text() == ""
    wait_loaded(qtbot, page)


def test_ctrl_a_selects_every_row_and_esc_clears(qtbot, window):
    page = open_section(qtbot, window, "deals")
    click_row(qtbot, page.table, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_A, CTRL)
    assert len(page.selected_ids()) == page.count()
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.selected_ids() == []


def test_ctrl_b_switches_deals_between_table_and_board(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    page = window.current_list()
    assert page.section.key == "deals" and page.is_board()
    assert page.stack.currentWidget() is page.board_scroll
    assert page.board_scroll.widget() is page.board
    assert window.actions["board"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    assert not page.is_board()
    assert page.stack.currentWidget() is page.table


def test_f5_reads_the_list_again(qtbot, window):
    from crm_desktop.services import products

    page = open_section(qtbot, window, "products")
    count = page.count()
    window.bridge.blockSignals(True)  # a change the window did not hear about
    products.create_product({"name": "Unheard product", "unit_price_cents": 1})
    window.bridge.blockSignals(False)
    assert page.count() == count
    qtbot.keyClick(window, Qt.Key.Key_F5)
    wait_loaded(qtbot, page)
    assert page.count() == count + 1


def test_every_command_is_in_a_menu_with_its_shortcut(window):
    in_menus = set()
    for menu in window.menus.values():
        for action in menu.actions():
            in_menus.add(action)
            if action.menu():
                in_menus.update(action.menu().actions())
    for spec in ACTIONS:
        action = window.actions[spec.key]
        assert action in in_menus, spec.key
        if spec.shortcuts:
            assert not action.shortcut().isEmpty(), spec.key
    for number in range(1, 10):
        sequence = QKeySequence(f"Ctrl+{number}")
        assert any(a.shortcut() == sequence for a in in_menus)
    all_keys = [
        a.shortcut().toString() for a in window.actions.values() if not a.shortcut().isEmpty()
    ]
    assert len(all_keys) == len(set(all_keys)), "two commands share a shortcut"


def test_tab_goes_from_the_search_through_the_filters_to_the_table(qtbot, window):
    page = open_section(qtbot, window, "customers")
    page.focus_search()
    order = []
    for _ in range(12):
        widget = QApplication.focusWidget()
        order.append(widget)
        if widget is page.table:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    names = [w.accessibleName() for w in order]
    assert names[:4] == ["Search customers", "Status", "Kind", "Tag"]
    assert order[-1] is page.table
    assert page.new_button in order  # the buttons come before the table
