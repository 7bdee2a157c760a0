"""The window's catalogues: complete, up to date with the code, and built on a fresh install."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from crm_desktop import i18n

UI = Path(i18n.__file__).parent / "ui"
LANGUAGES = ("ru", "zh_CN")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_is_translated(code):
    ts = i18n.translations_source_dir() / f"{i18n.DOMAIN}_{code}.ts"
    forms = 3 if code == "ru" else 1  # Russian: 1 клиент, 2 клиента, 5 клиентов
    for (context, source), message in _messages(ts).items():
        translation = message.find("translation")
        assert translation.get("type") is None, (context, source)
        if message.get("numerus") == "yes":
            texts = [form.text for form in translation.iter("numerusform")]
            assert len(texts) == forms and all(texts), (context, source)
        else:
            assert translation.text, (context, source)


def test_the_catalogues_have_every_message_of_the_code(tmp_path):
    """A message added to ui/ without running lupdate would show in English: caught here."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    wanted = set(_messages(fresh))
    for code in LANGUAGES:
        shipped = set(_messages(i18n.translations_source_dir() / f"{i18n.DOMAIN}_{code}.ts"))
        assert wanted - shipped == set(), f"run pyside6-lupdate and translate ({code})"


def test_a_fresh_install_builds_the_window_catalogue(qapp, home):
    """No .qm ships: the first start builds it from the .ts into the cache, and it works."""
    assert not list(i18n.translations_source_dir().glob("*.qm"))
    built = i18n.built_catalogue("ru", ".qm")
    assert built is not None and built.exists()
    assert str(built).startswith(str(home))
    translator = QTranslator()
    assert translator.load(str(built))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("", "Customers") == "Клиенты"
        from crm_desktop.ui.words import count_text

        assert [count_text("customer", n) for n in (1, 3, 5)] == [
            "1 клиент",
            "3 клиента",
            "5 клиентов",
        ]
    finally:
        app.removeTranslator(translator)
