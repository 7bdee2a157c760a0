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

Droid Sans Fallback has no bold; a window in Chinese also gets Noto Sans CJK
SC regular and bold (the characters of GB 2312) ahead of it, so that Chinese
headings are as bold as the Latin ones (resources/fonts/README.md).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from crm_desktop.paths import resources_dir

_WS = QFontDatabase.WritingSystem
# Each shipped file, and the scripts it is there for: it is registered only when the
# system has no font for one of them (registering costs ~10 ms of start-up; most
# machines have their Latin, Cyrillic… font, many lack a Chinese one).
BOLD_FOR_CHINESE = "zh"  # registered for a window in Chinese without a system bold CJK font
_CHINESE = (_WS.SimplifiedChinese, _WS.TraditionalChinese, _WS.Japanese)
SHIPPED = (
    # Noto Sans CJK SC, regular and a real bold, for the 7,000 characters of GB 2312 (1.5 MB
    # each): Droid Sans Fallback has no bold, Qt emboldens it only from weight 700 on (a
    # semi-bold heading stays regular) and lighter than the Latin bold beside it. Before
    # Droid, which still draws every other character. Only for a window in Chinese, whose
    # every heading is Chinese, on a system without a bold Chinese font (Droid Sans Fallback
    # is often the only one): the two cost 10-25 ms of start-up.
    ("NotoSansSC-Regular-GB2312.otf", _CHINESE, BOLD_FOR_CHINESE),
    ("NotoSansSC-Bold-GB2312.otf", _CHINESE, BOLD_FOR_CHINESE),
    ("DroidSansFallbackFull.ttf", _CHINESE),
    ("DejaVuSans.ttf", (_WS.Cyrillic, _WS.Greek, _WS.Arabic, _WS.Hebrew)),
    ("DejaVuSans-Bold.ttf", (_WS.Cyrillic, _WS.Greek, _WS.Arabic, _WS.Hebrew)),
)


def _has_bold(scripts: tuple[QFontDatabase.WritingSystem, ...]) -> bool:
    """Whether the system has a font with a real bold face for every one of ``scripts``."""
    return all(
        any(
            QFontDatabase.weight(family, style) >= QFont.Weight.DemiBold.value
            for family in QFontDatabase.families(script)
            for style in QFontDatabase.styles(family)
        )
        for script in scripts
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
    from crm_desktop import i18n

    for file_name, scripts, *bold_for in SHIPPED:
        if bold_for:
            wanted = i18n.language().startswith(bold_for[0]) and not _has_bold(scripts)
        else:
            wanted = not all(QFontDatabase.families(script) for script in scripts)
        if not (always or wanted):
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
