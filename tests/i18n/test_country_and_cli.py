"""The country sets the phone region, currency and date format; the CLI speaks the language."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from crm_desktop import i18n
from crm_desktop.errors import ValidationError
from crm_desktop.services import country, customers, local_config, products, settings


def test_the_phone_region_follows_the_country(db):
    country.apply_country("RU")
    assert (settings.get("phone_region"), settings.get("currency"), settings.get("locale")) == (
        "RU", "RUB", "ru_RU",
    )  # fmt: skip
    ru = customers.create_customer({"name": "Елагин", "phone": "8 (495) 123-45-67"})
    assert customers.get_customer(ru)["phone"] == "+74951234567"
    country.apply_country("CN")
    assert (settings.get("phone_region"), settings.get("currency"), settings.get("locale")) == (
        "CN", "CNY", "zh_CN",
    )  # fmt: skip
    cn = customers.create_customer({"name": "张伟", "phone": "010 6552 9988"})
    assert customers.get_customer(cn)["phone"] == "+861065529988"
    with pytest.raises(ValidationError):
        country.apply_country("XX")


def test_changing_the_currency_never_changes_stored_amounts(db):
    product = products.create_product({"name": "Стул", "unit_price_cents": "1234.50"})
    country.apply_country("JP")  # yen: no minor unit
    assert settings.get("currency") == "JPY"
    assert products.get_product(product)["unit_price_cents"] == 123450
    country.apply_country("RU")
    assert products.get_product(product)["unit_price_cents"] == 123450


def test_cli_messages_are_russian_when_the_language_is_ru(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRM_DESKTOP_LANGUAGE": "ru"}
    missing = tmp_path / "нет" / "crm.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(missing), "backup"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode != 0
    assert "не существует" in result.stderr, result.stderr
    assert "does not exist" not in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(tmp_path / "a.sqlite3"), "demo",
         "--customers", "12", "--seed", "1"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Демонстрационные данные добавлены" in result.stdout and "клиентов — 12" in result.stdout


def _type(widget, text: str) -> None:
    for char in text:  # one key event per character: keyClicks aborts on non-ASCII
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))  # fmt: skip


@pytest.fixture
def fresh_language():
    before = i18n.language()
    yield
    i18n.set_language(before)


def test_first_run_asks_language_country_and_company(qtbot, db_path, fresh_language):
    from crm_desktop.services import open_session
    from crm_desktop.ui.first_run_setup import LocaleSetupDialog

    open_session(db_path)
    assert not country.is_chosen()
    dialog = LocaleSetupDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))  # the user picks Русский
    names = [dialog.country.itemText(i) for i in range(dialog.country.count())]
    assert "Китай" in names and "Россия" in names  # the countries named in Russian
    assert names.index("Австралия") < names.index("Россия") < names.index("Япония")
    dialog.country.setCurrentIndex(dialog.country.findData("CN"))
    assert "CNY" in dialog.implied.text() and "¥1,234.56" in dialog.implied.text()
    dialog.company.clear()
    _type(dialog.company, "ООО «Ромашка» 🌼")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    dialog.apply()
    assert settings.get("company_name") == "ООО «Ромашка» 🌼"
    assert (settings.get("company_country"), settings.get("phone_region")) == ("CN", "CN")
    assert settings.get("currency") == "CNY" and settings.get("locale") == "zh_CN"
    assert local_config.get(i18n.LANGUAGE_KEY) == "ru" and i18n.language() == "ru"
    assert country.is_chosen()
    cn = customers.create_customer({"name": "北岛", "phone": "021 6279 1234"})
    assert customers.get_customer(cn)["phone"] == "+862162791234"
