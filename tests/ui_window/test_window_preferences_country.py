"""The country in Preferences: it fills in the phone region, the locale and (new file) currency;
the locale's language re-sorts the lists in a job; nothing stored changes with it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from window_helpers import make_window, type_text

from crm_desktop.models import database
from crm_desktop.services import customers, listing, products, settings
from crm_desktop.services.listing import ListQuery
from crm_desktop.ui.preferences.dialog import PreferencesDialog


def _save_button(dialog: PreferencesDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def _choose_country(dialog: PreferencesDialog, typed: str) -> None:
    """Clear the country box and type a name, as a user does."""
    dialog.country.selectAll()
    dialog.country.del_()
    type_text(dialog.country, typed)


def test_typing_a_country_checks_it_and_fills_what_it_implies_on_a_new_file(qtbot, db):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    _choose_country(dialog, "Narnia =1+1")
    assert not _save_button(dialog).isEnabled()
    assert dialog.errors["company_country"].isVisibleTo(dialog)
    assert "from the list" in dialog.errors["company_country"].text()
    _choose_country(dialog, "Russia")
    assert _save_button(dialog).isEnabled()
    assert not dialog.errors["company_country"].isVisibleTo(dialog)
    assert dialog.phone_region.text() == "RU"
    assert dialog.locale.currentText() == "ru_RU"
    assert dialog.currency.currentText() == "RUB"  # nothing stored yet: follows the country
    assert "₽" in dialog.preview.text()
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    values = settings.get_all()
    assert (values["company_country"], values["phone_region"], values["locale"]) == (
        "RU",
        "RU",
        "ru_RU",
    )
    assert values["currency"] == "RUB"


def test_changing_the_country_keeps_the_currency_of_stored_amounts_and_stored_phones(qtbot, db):
    products.create_product({"sku": "A-1", "name": "Chair", "unit_price_cents": 123450})
    customer_id = customers.create_customer({"name": "Acme", "phone": "(212) 555-0123"})
    phone = customers.get_customer(customer_id)["phone"]
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    _choose_country(dialog, "China")
    assert dialog.phone_region.text() == "CN" and dialog.locale.currentText() == "zh_CN"
    assert dialog.currency.currentText() == "USD"  # amounts are stored in dollars
    assert dialog.currency_note.isVisibleTo(dialog)
    assert "USD" in dialog.currency_note.text()
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert settings.get("currency") == "USD" and settings.get("phone_region") == "CN"
    assert customers.get_customer(customer_id)["phone"] == phone
    price = database.execute_sql("SELECT unit_price_cents FROM product").fetchone()[0]
    assert price == 123450


def test_a_new_language_in_preferences_resorts_the_lists_as_a_job(qtbot, db):
    for name in ["Anna", "Жуков", "Zhang", "Елагин", "安娜"]:
        customers.create_customer({"name": name})
    window = make_window(qtbot, db)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(20, answer)
            return
        _choose_country(dialog, "Russia")
        _save_button(dialog).click()

    QTimer.singleShot(0, answer)
    window.actions["preferences"].trigger()
    qtbot.waitUntil(lambda: settings.get("sort_order") == "cyrillic", timeout=10_000)
    ids = listing.list_ids("customer", ListQuery(sort="name"))
    names = [row["name"] for row in listing.fetch_rows("customer", ids)]
    assert names == ["Елагин", "Жуков", "Anna", "Zhang", "安娜"]
    window.show_section("customers")
    page = window.current_list()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)
    shown = [page.model.index(row, 0).data() for row in range(5)]
    assert shown[0] == "Елагин" and shown[2] == "Anna", shown
