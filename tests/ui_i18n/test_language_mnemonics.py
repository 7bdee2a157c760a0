"""Alt keys in Russian and in Chinese: no two things on one screen (or one menu) share a letter."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from tour import make_window

from crm_desktop import i18n
from crm_desktop.ui import translation
from crm_desktop.ui.mnemonics import clashes


@pytest.fixture
def language(request):
    translation.install(QApplication.instance(), request.param)
    yield request.param
    translation.install(QApplication.instance(), i18n.ENGLISH)


@pytest.mark.parametrize("language", ["ru", "zh_CN"], indirect=True)
def test_screens_menus_and_forms_are_free_of_clashes(qtbot, cyrillic_db, language):
    from crm_desktop.ui import forms
    from crm_desktop.ui.forms.registry import form_class
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    window = make_window(qtbot, cyrillic_db)
    found: dict[str, list[str]] = {}
    for key in list(window.sidebar.keys()):
        window.show_section(key)
        page = window.current_list()
        if page is not None:
            qtbot.waitUntil(lambda page=page: page.model.has_loaded(), timeout=10_000)
        qtbot.wait(20)
        found[key] = clashes(window)
    window.show_customer(1)
    qtbot.wait(50)
    found["customer page"] = clashes(window)
    for entity in forms.ENTITIES:
        form = form_class(entity)(window, record_id=None)
        form.show()
        qtbot.wait(30)
        found[f"form {entity}"] = clashes(form)
        form.reject()
    prefs = PreferencesDialog(window)
    prefs.show()
    found["preferences"] = clashes(prefs)
    prefs.reject()
    problems = "\n".join(f"{key}: {line}" for key, value in found.items() for line in value)
    assert not problems, problems
