"""The shipped fonts given to Qt at start, so the window shows every script the PDFs print.

The PDFs embed ``resources/fonts`` (DejaVu Sans for Latin, Cyrillic, Greek,
Arabic and Hebrew; Droid Sans Fallback for Chinese and Japanese). A laptop
without a CJK system font (a fresh Debian, many Linux machines) would show
Chinese names as empty boxes on screen while the invoice prints them, so
the same files are registered with Qt as application fonts — those for a
script the system has no font for — and fontconfig then uses them as
fallbacks for any character the system fonts lack. The
substitution table adds them explicitly behind the default family as well,
for platforms whose fallback does not look at application fonts.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from crm_desktop.paths import resources_dir

_WS = QFontDatabase.WritingSystem
# Each shipped file, and the scripts it is there for: it is registered only when the
# system has no font for one of them (registering costs ~10 ms of start-up; most
# machines have their Latin, Cyrillic… font, many lack a Chinese one).
SHIPPED = (
    ("DroidSansFallbackFull.ttf", (_WS.SimplifiedChinese, _WS.TraditionalChinese, _WS.Japanese)),
    ("DejaVuSans.ttf", (_WS.Cyrillic, _WS.Greek, _WS.Arabic, _WS.Hebrew)),
    ("DejaVuSans-Bold.ttf", (_WS.Cyrillic, _WS.Greek, _WS.Arabic, _WS.Hebrew)),
)

_installed: list[str] = []
_done = False


def install_fonts(*, always: bool = False) -> list[str]:
    """Register the shipped fonts the system lacks with Qt, once; returns their families.

    ``always`` registers every shipped font (tests, and screenshots meant to look the
    same everywhere).
    """
    global _done
    if _done:
        return list(_installed)
    _done = True
    families: list[str] = []
    for file_name, scripts in SHIPPED:
        if not always and all(QFontDatabase.families(script) for script in scripts):
            continue
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / file_name))
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
