"""Every word the window shows goes through Qt's translation (read at run time, not in the source).

A translator that marks each message it is asked for is installed; the tour
opens every screen and dialog on data without Latin letters; a Latin word
outside a marked span was never looked up, so no translation could reach it.
"""

from __future__ import annotations

import gettext

import pytest
from latin import english_words
from PySide6.QtWidgets import QApplication
from tour import CLOSE, OPEN, install_marking_translator, make_window, tour, without_marked


class _MarkingCatalogue(gettext.NullTranslations):
    """The services' catalogue, marked the same way (what the .po carries counts as wrapped)."""

    def gettext(self, message):
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular, plural, n):
        return f"{OPEN}{singular if n == 1 else plural}{CLOSE}"

    def pgettext(self, context, message):
        return f"{OPEN}{message}{CLOSE}"


@pytest.fixture
def marking(monkeypatch: pytest.MonkeyPatch):
    from crm_desktop import i18n

    app = QApplication.instance()
    translator = install_marking_translator(app)
    monkeypatch.setattr(i18n, "catalogue", lambda: _MarkingCatalogue())
    yield translator
    app.removeTranslator(translator)


def test_every_visible_word_goes_through_translation(qtbot, cyrillic_db, marking):
    window = make_window(qtbot, cyrillic_db)
    unwrapped: dict[str, str] = {}

    def seen(where: str, text: str) -> None:
        words = english_words(without_marked(text))
        if words:
            unwrapped.setdefault(text, where)

    tour(qtbot, window, seen)
    report = "\n".join(f"{where}: {text!r}" for text, where in sorted(unwrapped.items()))
    assert not unwrapped, f"{len(unwrapped)} texts not wrapped for translation:\n{report}"


def test_the_check_sees_an_unwrapped_word(qtbot, cyrillic_db, marking):
    """The tour reads a plain English label: the test above could fail."""
    from PySide6.QtWidgets import QLabel

    window = make_window(qtbot, cyrillic_db)
    QLabel("Unwrapped words", window.status).show()
    window.status.layout().addWidget(window.status.findChildren(QLabel)[-1])
    found: list[str] = []
    tour_texts: list[str] = []

    def seen(where: str, text: str) -> None:
        tour_texts.append(text)
        found.extend(english_words(without_marked(text)))

    from tour import read_window

    read_window(window, "window", seen)
    assert "Unwrapped" in found
    assert any(OPEN in text for text in tour_texts)  # and the window's own words are marked
