"""Choosing the language in Preferences: the window speaks it at once, and the user's place stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from tour import make_window

from crm_desktop import i18n
from crm_desktop.services import local_config
from crm_desktop.ui import translation


@pytest.fixture
def english_after():
    yield
    translation.install(QApplication.instance(), i18n.ENGLISH)


def _choose_in_preferences(window, code: str) -> None:
    """Open Preferences, pick ``code`` ("" = the system's) and press Save, as a user does."""
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(20, answer)
            return
        combo = dialog.language.combo
        combo.setCurrentIndex(combo.findData(code))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, answer)
    window.actions["preferences"].trigger()


def test_the_chosen_language_applies_at_once_where_the_user_was(qtbot, cyrillic_db, english_after):
    window = make_window(qtbot, cyrillic_db)
    window.show_section("customers")
    page = window.current_list()
    qtbot.waitUntil(lambda: page.model.has_loaded(), timeout=10_000)
    page.filter_bar.search_box.setText("данные 1")
    customer_id = page.model.id_at(0) if hasattr(page.model, "id_at") else None
    window.show_customer(customer_id or 1)
    assert window.menus["File"].title() == "&File"

    _choose_in_preferences(window, "ru")

    russian = window.replaced_by
    qtbot.addWidget(russian)
    assert local_config.get(i18n.LANGUAGE_KEY) == "ru"
    assert not window.isVisible() and russian.isVisible()
    assert russian.menus["File"].title() == "&Файл"
    assert russian.sidebar.item(1).text() == "Клиенты"
    # The same customer's page, and Back leads to the list with the search as it was typed.
    assert russian.current_page() is russian.detail
    assert russian.detail.customer_id == (customer_id or 1)
    russian.go_back()
    back = russian.current_list()
    assert back.section.key == "customers"
    assert back.filter_bar.search_box.text() == "данные 1"
    assert back.new_button.text() == "Новый клиент"

    _choose_in_preferences(russian, "")  # back to the system's language (English here)
    english = russian.replaced_by
    qtbot.addWidget(english)
    assert local_config.get(i18n.LANGUAGE_KEY) is None
    assert english.menus["File"].title() == "&File"
    assert english.current_list().section.key == "customers"


def test_preferences_lists_each_language_in_its_own_name(qtbot, db):
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    combo = dialog.language.combo
    names = [combo.itemText(row) for row in range(combo.count())]
    assert names[1:] == ["English", "Русский", "简体中文"]
    assert combo.currentData() == ""  # follows the system until chosen
