"""The shipped fonts given to Qt at start, so the window shows every script the PDFs print.

The PDFs embed ``resources/fonts`` (DejaVu Sans for Latin, Cyrillic, Greek,
Arabic and Hebrew; Droid Sans Fallback for Chinese and Japanese). A laptop
without a CJK system font (a fresh Debian, many Linux machines) would show
Chinese names as empty boxes on screen while the invoice prints them, so
the same files are registered with Qt as application fonts: fontconfig then
uses them as fallbacks for any character the system fonts lack. The
substitution table adds them explicitly behind the default family as well,
for platforms whose fallback does not look at application fonts.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from crm_desktop.paths import resources_dir

_installed: list[str] = []


def install_fonts() -> list[str]:
    """Register the shipped fonts with Qt once; returns their family names (fallback order)."""
    if _installed:
        return list(_installed)
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:  # a missing or broken file: the system fonts are still there
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    fallbacks = list(dict.fromkeys(families))
    if fallbacks:
        default = QGuiApplication.font().family()
        for family in dict.fromkeys((default, "Sans Serif", "sans-serif")):
            known = QFont.substitutes(family)
            QFont.insertSubstitutions(family, [f for f in fallbacks if f not in known])
    _installed.extend(fallbacks)
    return list(fallbacks)
