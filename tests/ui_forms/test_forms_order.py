"""The order form: lines typed in a table, a product picker that fills the price, exact totals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from forms_helpers import activate, press, show_form, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.services import customers, orders, products
from crm_desktop.ui.forms.order_lines import DESCRIPTION, DISCOUNT, PRODUCT, QUANTITY, TOTAL
from crm_desktop.ui.forms.order_lines import UNIT_PRICE as PRICE
from crm_desktop.ui.forms.sales_order import OrderForm


@pytest.fixture
def shop(db):
    customer_id = customers.create_customer({"name": "Ёлки-Палки ООО"})
    widget = products.create_product({"sku": "WID-1", "name": "Widget", "unit_price_cents": 1999})
    hours = products.create_product({"name": "Консультация", "unit_price_cents": 12000})
    return {"customer": customer_id, "widget": widget, "hours": hours}


def edit_cell(qtbot, form: OrderForm, row: int, column: int, text: str) -> None:
    """Type into one cell as a user does: open its editor, replace the text, press Enter."""
    view = form.lines_view
    index = form.lines_model.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = form.delegate.open_editor
    assert editor is not None
    editor.selectAll()
    type_text(editor, text)
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.delegate.open_editor is None)  # Qt commits on the next turn


def pick_product(qtbot, form: OrderForm, row: int, typed: str) -> None:
    view = form.lines_view
    index = form.lines_model.index(row, PRODUCT)
    view.setCurrentIndex(index)
    if form.delegate.open_editor is None:
        view.edit(index)
    picker = form.delegate.open_editor
    type_text(picker, typed)
    qtbot.waitUntil(lambda: picker.popup.isVisible())
    press(picker.popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.delegate.open_editor is None)


def expected_cents(quantity: str, price_cents: int, discount: str = "0") -> int:
    exact = Decimal(quantity) * price_cents * (100 - Decimal(discount)) / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cell(form: OrderForm, row: int, column: int) -> str:
    return form.lines_model.index(row, column).data()


def test_an_order_with_two_lines_totals_exactly_on_screen_and_in_the_database(qtbot, shop):
    form = show_form(qtbot, OrderForm, defaults={"customer_id": shop["customer"]})
    assert form.slots["customer_id"].editor.text() == "Ёлки-Палки ООО"
    assert form.slots["number"].editor.placeholderText().startswith("automatic (SO-")
    assert form.slots["order_date"].editor.edit.calendarPopup()

    pick_product(qtbot, form, 0, "wid")
    assert (cell(form, 0, DESCRIPTION), cell(form, 0, PRICE), cell(form, 0, QUANTITY)) == (
        "Widget",
        "19.99",
        "1",
    )
    edit_cell(qtbot, form, 0, QUANTITY, "2.5")

    qtbot.mouseClick(form.add_line_button, Qt.MouseButton.LeftButton)
    assert form.lines_model.rowCount() == 2
    pick_product(qtbot, form, 1, "консул")  # the add button opened the product cell
    assert cell(form, 1, PRICE) == "120.00"
    edit_cell(qtbot, form, 1, QUANTITY, "1,125")  # hours, with a decimal comma
    edit_cell(qtbot, form, 1, DISCOUNT, "12.5")

    first = expected_cents("2.5", 1999)
    second = expected_cents("1.125", 12000, "12.5")
    assert (first, second) == (4998, 11813)  # both rounded half up
    assert cell(form, 0, TOTAL) == "$49.98"
    assert cell(form, 1, TOTAL) == "$118.13"
    assert form.total_label.text() == "$168.11"
    assert form.grand_total_cents() == first + second

    activate(qtbot, form)  # the offscreen platform drops activation when a popup closes
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.saved_id is not None
    order = orders.get_order(form.saved_id)
    assert [line["total_cents"] for line in order["lines"]] == [4998, 11813]
    assert order["total_cents"] == 16811
    assert [line["product_id"] for line in order["lines"]] == [shop["widget"], shop["hours"]]
    assert order["lines"][1]["quantity"] == Decimal("1.125")
    assert order["lines"][1]["discount_pct"] == Decimal("12.5")
    assert order["number"].startswith("SO-")


def test_a_bad_cell_is_marked_and_blocks_save(qtbot, shop):
    form = show_form(qtbot, OrderForm, defaults={"customer_id": shop["customer"]})
    pick_product(qtbot, form, 0, "widget")
    edit_cell(qtbot, form, 0, QUANTITY, "0")
    message = form.lines_model.index(0, QUANTITY).data(Qt.ItemDataRole.ToolTipRole)
    assert message == "Must be more than 0."
    assert form.lines_error.isVisible()
    assert form.lines_error.text() == "Line 1 · Quantity: Must be more than 0."
    assert cell(form, 0, TOTAL) == ""
    assert not form.save_button.isEnabled()
    edit_cell(qtbot, form, 0, QUANTITY, "0.001")
    assert not form.lines_error.isVisible() and form.save_button.isEnabled()
    assert cell(form, 0, TOTAL) == "$0.02"  # 0.001 × 19.99 = 0.01999 → 0.02


def test_the_services_line_rules_come_back_next_to_the_line(qtbot, shop):
    form = show_form(qtbot, OrderForm, defaults={"customer_id": shop["customer"]})
    edit_cell(qtbot, form, 0, QUANTITY, "3")
    edit_cell(qtbot, form, 0, PRICE, "5")
    assert form.save_button.isEnabled()
    assert not form.save()
    assert "Line 1 · Description: Describe the line or choose a product." in form.lines_error.text()
    assert not form.save_button.isEnabled()
    edit_cell(qtbot, form, 0, DESCRIPTION, "=SUM(A1) <b>&</b> 🚚")
    assert form.save()
    line = orders.get_order(form.saved_id)["lines"][0]
    assert line["description"] == "=SUM(A1) <b>&</b> 🚚"
    assert line["product_id"] is None and line["total_cents"] == 1500


def test_insert_adds_and_ctrl_delete_removes_a_line(qtbot, shop):
    form = show_form(qtbot, OrderForm, defaults={"customer_id": shop["customer"]})
    view = form.lines_view
    view.setFocus()
    view.setCurrentIndex(form.lines_model.index(0, DESCRIPTION))
    press(view, Qt.Key.Key_Insert)
    assert form.lines_model.rowCount() == 2
    press(form.delegate.open_editor, Qt.Key.Key_Escape)  # leave the new line's product cell
    assert form.isVisible()
    view.setCurrentIndex(form.lines_model.index(1, QUANTITY))
    press(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert form.lines_model.rowCount() == 1
    qtbot.mouseClick(form.remove_line_button, Qt.MouseButton.LeftButton)
    assert form.lines_model.rowCount() == 1  # an order keeps one (empty) line to type in


def test_typing_in_a_cell_starts_editing_it(qtbot, shop):
    form = show_form(qtbot, OrderForm, defaults={"customer_id": shop["customer"]})
    view = form.lines_view
    view.setCurrentIndex(form.lines_model.index(0, DESCRIPTION))
    type_text(view, "Д")
    editor = form.delegate.open_editor
    assert editor is not None
    type_text(editor, "оставка")
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.delegate.open_editor is None)
    assert cell(form, 0, DESCRIPTION) == "Доставка"


def test_editing_an_order_loads_its_lines_and_saves_new_ones(qtbot, shop):
    order_id = orders.create_order(
        {"customer_id": shop["customer"], "status": "confirmed"},
        [{"product_id": shop["widget"], "quantity": "3"}],
    )
    form = show_form(qtbot, OrderForm, record_id=order_id)
    assert not form.is_dirty()
    assert cell(form, 0, PRODUCT) == "Widget" and cell(form, 0, QUANTITY) == "3"
    assert form.total_label.text() == "$59.97"
    edit_cell(qtbot, form, 0, DISCOUNT, "10")
    assert form.total_label.text() == "$53.97"  # 59.97 × 0.9 = 53.973
    assert form.is_dirty()
    assert form.save()
    assert orders.get_order(order_id)["total_cents"] == 5397


def test_tab_goes_through_the_header_the_lines_and_the_notes_in_order(qtbot, shop):
    form = show_form(qtbot, OrderForm, defaults={"customer_id": shop["customer"]})
    customer = form.slots["customer_id"].editor
    customer.setFocus()
    qtbot.waitUntil(customer.hasFocus)
    visited = []
    for _ in range(10):
        widget = QApplication.focusWidget()
        owner = next(
            (n for n, slot in form.slots.items() if slot.editor.isAncestorOf(widget)), None
        )
        visited.append(owner or widget.objectName() or widget.text())
        form.focusNextChild()
    assert visited[:5] == ["customer_id", "deal_id", "number", "order_date", "status"]
    assert visited[5:] == ["prices_include_tax", "lines", "&Add line", "&Remove line", "notes"]
