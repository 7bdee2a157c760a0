"""Pickers: the only match stays chosen under Down and Enter picks it; the product popup is
wide enough for a name and its price; inactive products are offered last, marked."""

from __future__ import annotations

import pytest
from forms_helpers import press, show_form, type_text
from PySide6.QtCore import Qt

from crm_desktop.services import customers, products
from crm_desktop.ui.forms.display import Formats
from crm_desktop.ui.forms.sales_order import OrderForm
from crm_desktop.ui.forms.widgets import ProductPicker


@pytest.fixture
def shop(db):
    return {
        "only": customers.create_customer({"name": "Ёлки-Палки ООО"}),
        "other": customers.create_customer({"name": "Acme"}),
        "long": products.create_product({
            "sku": "CHAIR-PRO-2026",
            "name": "Office chair Pro, ergonomic, with adjustable armrests and lumbar support",
            "unit_price_cents": 1_234_567_89,
        }),
        "old": products.create_product(
            {"name": "Office chair (old model)", "unit_price_cents": 5000, "active": 0}
        ),
    }  # fmt: skip


def test_down_stays_on_the_only_match_and_enter_picks_it(qtbot, shop) -> None:
    form = show_form(qtbot, OrderForm)
    picker = form.slots["customer_id"].editor
    picker.setFocus()
    type_text(picker, "ёлки")
    qtbot.waitUntil(lambda: picker.popup.isVisible())
    assert len(picker.choices()) == 1
    press(picker.popup, Qt.Key.Key_Down)
    assert picker.popup.currentIndex().isValid() and picker.popup.currentIndex().row() == 0
    press(picker.popup, Qt.Key.Key_Return)
    assert picker.value() == shop["only"]
    assert form.slots["customer_id"].error.text() == ""


def test_enter_before_the_popup_opens_picks_the_only_match(qtbot, shop) -> None:
    form = show_form(qtbot, OrderForm)
    picker = form.slots["customer_id"].editor
    picker.setFocus()
    type_text(picker, "acm")
    press(picker, Qt.Key.Key_Return)  # faster than the popup's pause
    assert picker.value() == shop["other"] and picker.text() == "Acme"


def test_enter_with_several_matches_does_not_guess(qtbot, shop) -> None:
    customers.create_customer({"name": "Acme Two"})
    form = show_form(qtbot, OrderForm)
    picker = form.slots["customer_id"].editor
    type_text(picker, "acme")
    picker.refresh_choices()
    picker.popup.hide()
    press(picker, Qt.Key.Key_Return)
    assert picker.value() == "acme"  # the form says "Choose a record from the list"


def test_the_product_popup_fits_names_and_prices_and_marks_inactive(qtbot, shop) -> None:
    picker = ProductPicker(Formats())
    qtbot.addWidget(picker)
    picker.resize(120, 24)  # as narrow as the order table's product column
    picker.show()
    picker.setFocus()
    type_text(picker, "chair")
    qtbot.waitUntil(lambda: picker.popup.isVisible())
    shown = [item[1] for item in picker.choices()]
    assert shown[0].startswith("CHAIR-PRO-2026 · Office chair Pro") and "$1,234,567.89" in shown[0]
    assert shown[1].startswith("Office chair (old model)") and shown[1].endswith("(inactive)")
    assert picker.popup.width() > 2 * picker.width()
    metrics = picker.popup.fontMetrics()
    assert picker.popup.width() >= metrics.horizontalAdvance(shown[1])  # short ones whole
    grey = picker.popup.model().index(1, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert grey is not None  # the inactive one is greyed
    assert picker.popup.textElideMode() == Qt.TextElideMode.ElideMiddle  # price stays visible
