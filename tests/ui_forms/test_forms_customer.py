"""The record forms as a user meets them: live validation, Save, Esc, Ctrl+S, Tab, any script."""

from __future__ import annotations

import pytest
from forms_helpers import press, show_form, type_text, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.services import contacts, customers, listing, products, tags, validation
from crm_desktop.ui.forms import open_record
from crm_desktop.ui.forms.contact import ContactForm
from crm_desktop.ui.forms.customer import CustomerForm
from crm_desktop.ui.forms.product import ProductForm


def customer_names() -> list[str]:
    return [row["name"] for row in listing.fetch_rows("customer", listing.list_ids("customer"))]


@pytest.fixture
def form(qtbot, db):
    return show_form(qtbot, CustomerForm)


def test_create_customer_shows_the_error_first_then_saves(qtbot, form):
    name, email = form.slots["name"], form.slots["email"]
    assert not form.save_button.isEnabled()  # a name is required
    assert not name.error.isVisible()  # ...but an untouched form is not covered in red

    qtbot.keyClicks(name.editor, "Acme Ltd")
    qtbot.keyClicks(email.editor, "sales@@acme")
    assert email.error.isVisible()
    assert "Not a valid email address" in email.error.text()
    assert email.error.textFormat() == Qt.TextFormat.PlainText
    assert email.editor.accessibleDescription() == email.error.text()
    assert not form.save_button.isEnabled()

    email.editor.clear()
    qtbot.keyClicks(email.editor, "Sales@Acme.example")
    assert not email.error.isVisible()
    assert form.save_button.isEnabled()

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == form.DialogCode.Accepted
    row = customers.get_customer(form.saved_id)
    assert row["name"] == "Acme Ltd"
    assert row["email"] == validation.email("Sales@Acme.example")  # as the service normalises it
    assert row["email"].endswith("@acme.example")
    assert row["status"] == "lead" and row["kind"] == "company"


def test_cyrillic_chinese_rtl_and_hostile_text_are_kept_as_typed(qtbot, form):
    type_text(form.slots["name"].editor, "Иванов и партнёры =cmd <b>&</b> 🚀")
    type_text(form.slots["city"].editor, "北京")
    type_text(form.slots["country"].editor, "ישראל")
    type_text(form.slots["tags"].editor, "ВИП, 客户")
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.saved_id is not None
    row = customers.get_customer(form.saved_id)
    assert row["name"] == "Иванов и партнёры =cmd <b>&</b> 🚀"
    assert row["city"] == "北京"
    assert row["country"] == "ישראל"
    assert sorted(row["tags"]) == sorted(["ВИП", "客户"])


def test_a_10000_character_name_is_refused_with_the_services_limit(qtbot, form):
    form.slots["name"].editor.setText("x" * 10_000)
    form.slots["name"].touched = True
    form._changed("name")
    assert form.slots["name"].error.isVisible()
    assert "at most 200" in form.slots["name"].error.text()
    assert not form.save_button.isEnabled()
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.saved_id is None
    assert customer_names() == []


def test_ctrl_s_with_a_missing_name_shows_why_and_saves_nothing(qtbot, form):
    qtbot.keyClicks(form.slots["city"].editor, "Paris")
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible()
    assert form.slots["name"].error.text() == "Name is required."
    assert form.save_button.toolTip() == "Fix first: Name"
    assert customer_names() == []


def test_esc_with_unsaved_changes_asks_and_cancel_keeps_the_form(qtbot, form):
    qtbot.keyClicks(form.slots["name"].editor, "Half typed")
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    press(form.slots["name"].editor, Qt.Key.Key_Escape)
    assert seen and seen[0].objectName() == "unsaved_changes"
    assert form.isVisible()
    assert form.slots["name"].editor.text() == "Half typed"

    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    press(form.slots["name"].editor, Qt.Key.Key_Escape)
    assert seen
    assert not form.isVisible()
    assert form.result() == form.DialogCode.Rejected
    assert customer_names() == []


def test_closing_with_unsaved_changes_can_save_them(qtbot, form):
    qtbot.keyClicks(form.slots["name"].editor, "Saved on close")
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Save).click())
    form.close()
    assert seen
    assert customer_names() == ["Saved on close"]


def test_esc_on_an_untouched_form_just_closes(qtbot, form):
    press(form.slots["name"].editor, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert QApplication.activeModalWidget() is None


def test_tab_order_follows_the_fields(qtbot, form):
    form.activateWindow()
    first = form.slots["name"].editor
    qtbot.keyClicks(first, "Tab order")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    visited = []
    for _ in range(len(form.slots) + 2):
        visited.append(QApplication.focusWidget())
        form.focusNextChild()
    expected = [slot.editor for slot in form.slots.values()]
    assert [w.objectName() for w in visited[: len(expected)]] == list(form.slots)
    assert visited[len(expected) :] == [form.save_button, form.cancel_button]


def test_editing_sends_only_what_changed_and_updates_tags(qtbot, db):
    customer_id = customers.create_customer(
        {"name": "Old name", "phone": "+1 415 555 0100"}, tag_names=["vip"]
    )
    dialog = show_form(qtbot, CustomerForm, record_id=customer_id)
    assert dialog.windowTitle() == "Customer — Old name"
    assert dialog.slots["phone"].editor.text() == "+1 415-555-0100"
    assert not dialog.is_dirty()
    editor = dialog.slots["tags"].editor
    editor.selectAll()
    qtbot.keyClicks(editor, "vip, newsletter")
    dialog.slots["status"].editor.set_value("active")
    assert dialog.data_to_save() == {"status": "active"}
    assert dialog.save()
    row = customers.get_customer(customer_id)
    assert row["status"] == "active" and row["phone"] == "+14155550100"
    assert row["tags"] == ["newsletter", "vip"]


def test_open_record_returns_the_id_and_prefills_defaults(qtbot, db):
    customer_id = customers.create_customer({"name": "Ёлкин"})

    def fill(dialog):
        assert dialog.slots["customer_id"].editor.text() == "Ёлкин"
        type_text(dialog.slots["name"].editor, "Пётр")
        dialog.save()

    seen = when_modal(fill)
    contact_id = open_record(None, "contact", None, {"customer_id": customer_id})
    assert seen
    assert contacts.get_contact(contact_id)["customer_id"] == customer_id
    assert contacts.get_contact(contact_id)["is_primary"] == 1

    seen = when_modal(lambda dialog: dialog.reject())
    assert open_record(None, "contact", contact_id) is None
    assert seen


def test_customer_picker_completes_cyrillic_in_any_case(qtbot, db):
    wanted = customers.create_customer({"name": "Иванов Торг"})
    customers.create_customer({"name": "Петров"})
    dialog = show_form(qtbot, ContactForm)
    picker = dialog.slots["customer_id"].editor
    type_text(picker, "иВАН")
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: picker.popup.isVisible())
    assert [text for _id, text, _f, _p in picker.choices()] == ["Иванов Торг"]
    press(picker.popup, Qt.Key.Key_Return)
    assert picker.value() == wanted
    assert picker.text() == "Иванов Торг"
    assert not dialog.slots["customer_id"].error.isVisible()
    qtbot.keyClicks(dialog.slots["name"].editor, "Anna")
    assert dialog.save()
    assert contacts.get_contact(dialog.saved_id)["customer_id"] == wanted


def test_a_typed_but_unpicked_customer_is_not_accepted(qtbot, db):
    customers.create_customer({"name": "Zhang Wei"})
    dialog = show_form(qtbot, ContactForm)
    qtbot.keyClicks(dialog.slots["customer_id"].editor, "Nobody")
    qtbot.keyClicks(dialog.slots["name"].editor, "Anna")
    assert dialog.slots["customer_id"].error.text() == "Choose a record from the list."
    assert not dialog.save_button.isEnabled()


def test_a_rule_of_the_service_is_shown_next_to_its_field(qtbot, db):
    products.create_product({"sku": "WID-1", "name": "Widget", "unit_price_cents": 100})
    dialog = show_form(qtbot, ProductForm)
    qtbot.keyClicks(dialog.slots["name"].editor, "Another widget")
    qtbot.keyClicks(dialog.slots["sku"].editor, "WID-1")
    price = dialog.slots["unit_price_cents"].editor
    assert price.text() == "0.00"  # the service's default, replaced by what is typed
    price.selectAll()
    qtbot.keyClicks(price, "1 234,56")
    assert dialog.save_button.isEnabled()
    assert not dialog.save()
    sku_error = dialog.slots["sku"].error
    assert sku_error.isVisible() and "already used" in sku_error.text()
    assert not dialog.save_button.isEnabled()
    dialog.slots["sku"].editor.setText("WID-2")
    assert not sku_error.isVisible() and dialog.save_button.isEnabled()
    assert dialog.save()
    assert products.get_product(dialog.saved_id)["unit_price_cents"] == 123456


def test_money_is_shown_the_locale_way_when_leaving_the_field(qtbot, db):
    dialog = show_form(qtbot, ProductForm)
    price = dialog.slots["unit_price_cents"].editor
    price.clear()
    qtbot.keyClicks(price, "1234.5")
    price.editingFinished.emit()
    assert price.text() == "1,234.50"
    qtbot.keyClicks(price, "?")
    assert dialog.slots["unit_price_cents"].error.isVisible()


def test_tags_from_the_service_errors_land_on_the_tags_field(qtbot, db):
    dialog = show_form(qtbot, CustomerForm)
    qtbot.keyClicks(dialog.slots["name"].editor, "Tagged")
    dialog.slots["tags"].editor.setText("t" * 61)
    assert not dialog.save()
    assert "at most 60" in dialog.slots["tags"].error.text()
    assert tags.all_tags() == []
    assert customer_names() == []
