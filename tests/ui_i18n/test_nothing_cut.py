"""In Russian and Chinese no title, label, button or status word is cut on the lists and forms.

Column widths come from the translated text's metrics (``ui/tables/widths.py``), not from
the English pixels: «Потенциальный» (Prospect), «Вероятность» (Probability), «Количество».
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from tour import make_window
from truncation import cut_texts

from crm_desktop import i18n
from crm_desktop.ui import translation


@pytest.fixture(params=["ru", "zh_CN"])
def speaking(request):
    code = request.param
    assert translation.install(QApplication.instance(), code) == code
    i18n.set_language(code)
    yield code
    translation.install(QApplication.instance(), i18n.ENGLISH)
    i18n.set_language(i18n.ENGLISH)


def test_lists_forms_and_preferences_show_every_word_whole(qtbot, cyrillic_db, speaking):
    from crm_desktop.ui import forms
    from crm_desktop.ui.forms.registry import form_class
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    window = make_window(qtbot, cyrillic_db)
    window.resize(1280, 800)
    found = cut_texts(window, "Today")
    for key in list(window.sidebar.keys()):
        window.show_section(key)
        page = window.current_list()
        if page is not None:
            qtbot.waitUntil(lambda page=page: page.model.has_loaded(), timeout=10_000)
        qtbot.wait(100)  # the status bar lays out the new count
        found += cut_texts(window, f"section {key}")
    for entity in forms.ENTITIES:
        dialog = form_class(entity)(window, record_id=None, defaults=None)
        dialog.show()
        qtbot.wait(20)
        found += cut_texts(dialog, f"form {entity}")
        dialog.reject()
        dialog.deleteLater()
    preferences = PreferencesDialog(window)
    preferences.show()
    qtbot.wait(20)
    found += cut_texts(preferences, "Preferences")
    preferences.reject()
    assert found == [], found


def test_a_width_saved_in_english_widens_in_russian_unless_the_user_dragged_it(qtbot, cyrillic_db):
    window = make_window(qtbot, cyrillic_db)
    window.show_section("customers")
    page = window.current_list()
    header = page.table.horizontalHeader()
    keys = [c.key for c in page.model.columns]
    status, email = keys.index("status"), keys.index("email")
    header.resizeSection(email, 333)  # dragged by the user
    page.save_state()
    window.close()
    assert translation.install(QApplication.instance(), "ru") == "ru"
    try:
        again = make_window(qtbot, cyrillic_db)
        again.show_section("customers")
        header = again.current_list().table.horizontalHeader()
        width = header.fontMetrics().horizontalAdvance("Потенциальный")
        assert header.sectionSize(status) > width
        assert header.sectionSize(email) == 333
    finally:
        translation.install(QApplication.instance(), i18n.ENGLISH)
