"""The language of the app, and the message catalogue of everything said outside Qt.

The window's own words go through Qt (``tr()`` / ``QCoreApplication.translate``,
:mod:`crm_desktop.ui.translation`); what the services, the reports and the
command line say goes through one gettext catalogue, usable without Qt:
``from crm_desktop.i18n import _, ngettext``.

The language is a preference of this machine (``language`` in the local
configuration, empty = follow the system); both catalogues follow it.
Sources live in ``resources/translations/``: ``crm_desktop_<lang>.ts`` (Qt
Linguist, for ``ui/``) and ``crm_desktop_<lang>.po`` (gettext, for the
rest). The compiled files are never in the repository: they are built from
the sources into the cache folder the first time they are needed and rebuilt
whenever a source is newer (``.po`` → ``.mo`` with Babel, ``.ts`` → ``.qm``
with ``pyside6-lrelease``).
"""

from __future__ import annotations

import functools
import gettext as gettext_module
import logging
import os
import sys
from pathlib import Path

from crm_desktop import paths
from crm_desktop.safe_files import replacing

ENGLISH = "en"
# The shipped languages: code → its own name (how a reader of it finds it in a list).
LANGUAGES = {ENGLISH: "English", "ru": "Русский", "zh_CN": "简体中文"}
LANGUAGE_KEY = "language"  # in the local configuration
DOMAIN = "crm_desktop"

log = logging.getLogger(__name__)
_current: str | None = None


def system_locale_name() -> str:
    """The user's locale as ``language_REGION`` (``en_US`` when the system says nothing)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", None):
        if variable is None:
            # Asked last, and only then imported: a start whose environment names the
            # locale (most do) skips the module (~2-3 ms of the window's start).
            import locale as system_locale

            name = system_locale.getlocale()[0]
        else:
            name = os.environ.get(variable)
        if name and "_" in name and not name.startswith(("C.", "POSIX")):
            return name.split(".")[0].split("@")[0]
    return "en_US"


def language_of(locale_name: str | None) -> str:
    """The shipped language serving ``locale_name`` (``ru_UA`` → ``ru``, ``zh_TW`` → ``zh_CN``)."""
    base = (locale_name or "").replace("-", "_").split(".")[0]
    if base in LANGUAGES:
        return base
    head = base.split("_")[0].lower()
    if head == "zh":
        return "zh_CN"  # the one Chinese we ship; closer to a Taiwanese reader than English
    return head if head in LANGUAGES else ENGLISH


def system_language() -> str:
    return language_of(system_locale_name())


def chosen_language() -> str:
    """The language the user chose in Preferences, or "" to follow the system."""
    from crm_desktop.services import local_file

    value = local_file.get(LANGUAGE_KEY, "")
    return value if value in LANGUAGES else ""


def language() -> str:
    """The language of this process: chosen, or the system's."""
    global _current
    if _current is None:
        env = os.environ.get("CRM_DESKTOP_LANGUAGE")  # tests and screenshots pin it
        _current = language_of(env) if env else (chosen_language() or system_language())
    return _current


def set_language(code: str) -> None:
    """Use ``code`` for every message from now on (the window's words need a restart)."""
    global _current
    _current = language_of(code)
    catalogue.cache_clear()
    catalogue_of.cache_clear()  # a new home (tests) builds its catalogues anew


def translations_source_dir() -> Path:
    return paths.resources_dir() / "translations"


def compiled_dir() -> Path:
    """Where the built catalogues go: the user's cache (a checkout or install stays clean)."""
    home = os.environ.get("CRM_DESKTOP_HOME")
    if home:
        return Path(home).expanduser() / "cache" / "translations"
    import platformdirs

    from crm_desktop import APP_ID

    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)) / "translations"


def _stale(target: Path, source: Path) -> bool:
    try:
        return target.stat().st_mtime < source.stat().st_mtime
    except FileNotFoundError:
        return True


def _private_parent(target: Path) -> None:
    """The cache folder and its ``translations`` folder, the user's alone (0700)."""
    from crm_desktop.safe_files import private_folder

    private_folder(private_folder(target.parent.parent) / target.parent.name)


def compile_po(source: Path, target: Path) -> Path:
    """``.po`` → ``.mo`` with Babel, written atomically (two processes may start together)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        catalog = read_po(handle)
    _private_parent(target)
    with replacing(target, private=True, explain=False) as partial, partial.open("wb") as handle:
        write_mo(handle, catalog)
    return target


# Where a packaged app finds the catalogues built by the build (crm_desktop.spec): a frozen
# app has no lrelease, and its files are read-only anyway.
SHIPPED_FOLDER = "built"


def build_shipped(folder: Path) -> list[Path]:
    """Compile every shipped language's ``.qm`` and ``.mo`` into ``folder`` (the build's step).

    Raises when a catalogue cannot be built: a package without its translations must not
    be made.
    """
    built = []
    for code in LANGUAGES:
        for source_suffix, suffix in ((".ts", ".qm"), (".po", ".mo")):
            source = translations_source_dir() / f"{DOMAIN}_{code}{source_suffix}"
            if source.exists():
                target = folder / f"{DOMAIN}_{code}{suffix}"
                (compile_ts if suffix == ".qm" else compile_po)(source, target)
                target.chmod(0o644)  # part of a program: readable by every user of it
                built.append(target)
    folder.chmod(0o755)
    return built


def built_catalogue(code: str, suffix: str = ".mo") -> Path | None:
    """The compiled catalogue of ``code``: shipped with a packaged app, else built now (into
    the user's cache) if missing or older than its source."""
    source_suffix = ".po" if suffix == ".mo" else ".ts"
    source = translations_source_dir() / f"{DOMAIN}_{code}{source_suffix}"
    shipped = translations_source_dir() / SHIPPED_FOLDER / f"{DOMAIN}_{code}{suffix}"
    if shipped.exists() and (getattr(sys, "frozen", False) or not _stale(shipped, source)):
        return shipped
    if not source.exists():
        return None
    target = compiled_dir() / f"{DOMAIN}_{code}{suffix}"
    if _stale(target, source):
        import subprocess  # only to build a catalogue (not at every start: ~3 ms)

        try:
            if suffix == ".mo":
                compile_po(source, target)
            else:
                compile_ts(source, target)
        except (OSError, ValueError, subprocess.SubprocessError) as exc:  # English, not no app
            log.warning("cannot build the %s catalogue: %s", code, exc)
            return target if target.exists() else None
    return target


def compile_ts(source: Path, target: Path) -> Path:
    """``.ts`` → ``.qm`` with the ``pyside6-lrelease`` that comes with PySide6."""
    import subprocess

    import PySide6

    _private_parent(target)
    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    with replacing(target, private=True, explain=False) as partial:
        subprocess.run(
            [str(tool), "-silent", str(source), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    return target


@functools.cache
def catalogue() -> gettext_module.NullTranslations:
    """The gettext catalogue of the current language (English: the messages as written)."""
    return catalogue_of(language())


@functools.cache
def catalogue_of(code: str) -> gettext_module.NullTranslations:
    """The gettext catalogue of ``code``, whatever the current language (an import reads
    words of every shipped language)."""
    if code == ENGLISH:
        return gettext_module.NullTranslations()
    built = built_catalogue(code)
    if built is None or not built.exists():
        return gettext_module.NullTranslations()
    with built.open("rb") as handle:
        return gettext_module.GNUTranslations(handle)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return catalogue().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` (Russian has three: 1 клиент, 2 клиента, 5 клиентов)."""
    return catalogue().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return catalogue().pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is declared; translate it where it is shown."""
    return message


_ = gettext
