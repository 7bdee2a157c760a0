"""The Preferences dialog: company details, money and dates, checked as the user types."""

from __future__ import annotations

import base64

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from window_helpers import type_text

from crm_desktop.services import settings
from crm_desktop.ui.preferences.dialog import PreferencesDialog


def _save_button(dialog: PreferencesDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_preferences_check_as_you_type_and_save(qtbot, db):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.company_name.clear()
    type_text(dialog.company_name, "=ООО «Ромашка» 株式会社 <b>&")
    dialog.company_email.setText("not an email")
    assert not _save_button(dialog).isEnabled()
    assert dialog.errors["company_email"].isVisibleTo(dialog)
    assert "valid email" in dialog.errors["company_email"].text()
    dialog.company_email.setText("office@romashka.example")
    assert _save_button(dialog).isEnabled()
    dialog.currency.setCurrentText("eu")
    assert "Three letters" in dialog.errors["currency"].text()
    dialog.currency.setCurrentText("EUR")
    dialog.locale.setCurrentText("de_DE")
    assert dialog.preview.text().startswith("1.234.567,89\u00a0€")
    dialog.phone_region.setText("DE")
    dialog.company_phone.setText("030 1234567")
    assert _save_button(dialog).isEnabled()
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    values = settings.get_all()
    assert values["company_name"] == "=ООО «Ромашка» 株式会社 <b>&"
    assert values["currency"] == "EUR" and values["locale"] == "de_DE"
    assert values["company_phone"] == "+49 30 1234567"
    assert values["phone_region"] == "DE"


def test_logo_is_stored_as_base64_and_bad_files_are_explained(qtbot, db, tmp_path):
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b6cb0"))
    logo = tmp_path / "logo.png"
    assert image.save(str(logo))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert not dialog.load_logo(broken)
    assert "not a PNG or JPEG" in dialog.errors["company_logo"].text()
    assert dialog.load_logo(logo)
    assert not dialog.errors["company_logo"].isVisibleTo(dialog)
    dialog.save()
    assert base64.b64decode(settings.get("company_logo")) == logo.read_bytes()
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.logo_preview.pixmap() is not None and not again.logo_preview.pixmap().isNull()
    qtbot.mouseClick(again.logo_remove, Qt.MouseButton.LeftButton)
    again.save()
    assert settings.get("company_logo") == ""


def test_the_window_opens_preferences_with_its_shortcut(qtbot, window):
    opened: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(20, close_it)
            return
        opened.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_it)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Preferences"]
