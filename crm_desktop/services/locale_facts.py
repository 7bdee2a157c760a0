"""The few CLDR facts the screen needs about a locale, remembered in the user's cache folder.

The window writes dates with the locale's short date and time patterns and
money with its number pieces (:class:`NumberStyle`), all from Babel
(:mod:`crm_desktop.services.locale_format`); a database without a currency
setting uses its region's currency (:func:`region_currency`). Babel costs ~100 ms the first
time in a process (importing it probes the time zone; a locale's CLDR data is
unpickled), which the first screen cannot spare. So these facts are kept in
``locale-facts.json`` beside the built catalogues once they are computed,
keyed by the locale, the currency and Babel's own data file (a new Babel
computes them again), and read from there at the next start without
importing Babel. A damaged or unreadable cache is computed again, never an
error: it only holds what Babel says.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from crm_desktop.services.number_style import NumberStyle

log = logging.getLogger(__name__)
CACHE_NAME = "locale-facts.json"
_lock = threading.Lock()
_memory: dict[str, Any] = {}


@dataclass(frozen=True)
class LocaleFacts:
    """What the screen writes values with, in one locale and currency."""

    date_pattern: str  # CLDR letters, the year in full: ``M/d/yyyy``
    time_pattern: str  # CLDR letters: ``h:mm a``
    numbers: NumberStyle  # plain numbers of the locale
    money: NumberStyle  # the currency in the locale

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> LocaleFacts:
        return cls(
            str(value["date_pattern"]),
            str(value["time_pattern"]),
            NumberStyle.from_json(value["numbers"]),
            NumberStyle.from_json(value["money"]),
        )


def locale_facts(locale: str, currency: str) -> LocaleFacts:
    """The facts of ``locale`` and ``currency``: from memory, the cache file, or Babel."""
    currency = currency.upper()
    facts = _remembered(
        f"{locale}|{currency}", lambda: asdict(_from_babel(locale, currency)), LocaleFacts.from_json
    )
    assert isinstance(facts, LocaleFacts)
    return facts


def grouped(number: int) -> str:
    """``number`` with the digit groups of the messages' language, as CLDR writes them:
    ``1,428`` in English and Chinese, ``1 428`` in Russian (a no-break space).

    Counts inside messages go through here, never ``f"{n:,}"``, which groups the English way
    in every language. (Documents group by the data's locale instead, as their amounts do.)"""
    from crm_desktop import i18n

    return locale_facts(i18n.language(), "").numbers.amount(int(number), 0)


def region_currency(region: str) -> str:
    """The currency of a region today (CLDR, through Babel): ``RU`` → ``RUB``, remembered."""

    def compute() -> str:
        from crm_desktop.services.country_defaults import defaults_for

        return defaults_for(region).currency

    return str(_remembered(f"currency of {region}", compute, str))


def _remembered(name: str, compute: Callable[[], Any], decode: Callable[[Any], Any]) -> Any:
    """``decode`` of what the cache holds for ``name`` with this Babel, else ``compute()``d
    (and kept, with what this Babel said before; what another Babel said goes)."""
    stamp = _babel_stamp()
    key = f"{stamp}|{name}"
    with _lock:
        if key in _memory:
            return _memory[key]
        stored = _read_cache()
        try:
            value = decode(stored[key])
        except (KeyError, TypeError, ValueError, IndexError):
            raw = compute()
            value = decode(raw)
            stored = {k: v for k, v in stored.items() if k.startswith(f"{stamp}|")}
            stored[key] = raw
            _write_cache(stored)
        _memory[key] = value
        return value


def _from_babel(locale: str, currency: str) -> LocaleFacts:
    from crm_desktop.services import locale_format

    return LocaleFacts(
        locale_format.date_pattern(locale),
        locale_format.time_pattern(locale),
        locale_format.number_style(locale),
        locale_format.number_style(locale, currency),
    )


def _babel_stamp() -> str:
    """Babel's CLDR data file, by size and time: another Babel, other facts (no import)."""
    spec = importlib.util.find_spec("babel")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        try:
            stat = os.stat(Path(folder) / "global.dat")
        except OSError:
            continue
        return f"{stat.st_size}-{stat.st_mtime_ns}"
    return "unknown"


def cache_path() -> Path:
    from crm_desktop import i18n

    return i18n.compiled_dir().parent / CACHE_NAME


def _read_cache() -> dict[str, Any]:
    try:
        with open(cache_path(), encoding="utf-8") as file:
            value = json.load(file)
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_cache(stored: dict[str, Any]) -> None:
    """Keep the facts for the next start; a cache that cannot be written is only a cost."""
    from crm_desktop.safe_files import private_folder, replacing

    target = cache_path()
    try:
        private_folder(target.parent)
        with replacing(target, private=True, explain=False) as temp:
            temp.write_text(json.dumps(stored, ensure_ascii=False, indent=0), encoding="utf-8")
    except OSError:
        log.info("the locale facts were not kept in %s", target, exc_info=True)
