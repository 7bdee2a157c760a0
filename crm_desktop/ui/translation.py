"""The window's language: Qt translators for our words and for Qt's own dialogs.

At start :func:`install` loads, for the language of :func:`crm_desktop.i18n.language`,
our catalogue (``crm_desktop_<lang>.qm``, built from the ``.ts`` source on
first use, see :mod:`crm_desktop.i18n`) and Qt's own (``qtbase_<lang>.qm``
from PySide6: the file chooser, the message box buttons), and makes the
locale of the formats the default QLocale. A change of language in
Preferences is stored and applies at the next start: the open window, its
forms and what is typed in them are left as they are.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crm_desktop import i18n

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


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
