"""The window's language: Qt translators for our words and for Qt's own dialogs.

At start :func:`install` loads, for the language of :func:`crm_desktop.i18n.language`,
our catalogue (``crm_desktop_<lang>.qm``, built from the ``.ts`` source on
first use, see :mod:`crm_desktop.i18n`) and Qt's own (``qtbase_<lang>.qm``
from PySide6: the file chooser, the message box buttons). The window makes
the locale of the data (the ``locale`` setting) the default QLocale, so that
every number it writes has that locale's separators. A change of language in
Preferences installs the new translators and makes the main window again in
its place (``MainWindow.apply_language``): every word is looked up when a
widget is made. Texts declared as data (a column's title) are marked with
``QT_TR_NOOP`` and looked up where they are shown (:func:`declared`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crm_desktop import i18n
from crm_desktop.ui.noop import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


# Qt's own words that its shipped catalogues (qtbase_ru, qtbase_zh_CN) miss in this Qt
# version: the file chooser's labels gained an Alt key. Ours carries them.
QT_SUPPLEMENT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)


def qt_locale_name(code: str) -> str:
    return {"ru": "ru_RU", "zh_CN": "zh_CN"}.get(code, "en_US")


def install(app: QCoreApplication, code: str | None = None) -> str:
    """Load the translators of ``code`` (default: the chosen or system language)."""
    code = i18n.language_of(code) if code else i18n.language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if code != i18n.ENGLISH:
        ours = i18n.built_catalogue(code, ".qm")
        translator = QTranslator(app)
        if ours is not None and translator.load(str(ours)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no window catalogue for %s", code)
        qt_own = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(qt_locale_name(code)), "qtbase", "_", folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    if i18n.language() != code:
        i18n.set_language(code)
    return code


def set_format_locale(locale_name: str) -> None:
    """The QLocale that spin boxes, date edits and calendars use (the data's locale)."""
    QLocale.setDefault(QLocale(locale_name))


def declared(text: str) -> str:
    """A text declared in data with ``QT_TR_NOOP`` (a column title, a section's name), translated.

    Declarations are read once at import, before a language change; so they
    keep the English text and are looked up where they are shown.
    """
    if not text:
        return text
    translated = QCoreApplication.translate("", text)
    if translated == text:  # an enumeration's word (a filter's choices)
        translated = QCoreApplication.translate("Words", text)
    return translated


class DeclaredTexts:
    """For the frozen dataclasses that declare screens as data: the fields named in
    ``_texts`` are declared with ``QT_TR_NOOP`` and read in the current language."""

    _texts: frozenset[str] = frozenset()

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if name in type(self)._texts and value:
            if isinstance(value, str):
                return declared(value)
            if isinstance(value, tuple):  # (value, label) choices
                return tuple((key, declared(text)) for key, text in value)
        return value
