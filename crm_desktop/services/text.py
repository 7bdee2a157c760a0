"""Text as people compare it: case- and accent-blind, in every script.

SQLite's ``lower()``, ``LIKE`` and ``NOCASE`` fold ASCII only, so ``иван``
would never find ``Иванов``. Everything the app matches or sorts goes through
:func:`fold` (Unicode case folding after compatibility decomposition, with
combining marks dropped): ``Иванов`` → ``иванов``, ``ZHANG`` → ``zhang``,
``Émile`` → ``emile``, ``Ёлка`` → ``елка``; Chinese is left as it is.
:func:`sort_key` is the same folding with what each script's readers expect
on top: Chinese characters sort by their pinyin (``安`` an < ``北`` bei <
``张`` zhang, from pypinyin's dictionary), Russian by the Russian alphabet
(``Ё`` with ``Е`` as dictionaries do, ``Й`` its own letter after ``И``), and a
mixed list keeps each script in one block. Which block comes first follows the
data's language, as CLDR's collations reorder it (:mod:`.sort_order`): the root
order (digits, Latin, Greek, Cyrillic, … Chinese) for English and most
languages, Cyrillic first for Russian, Chinese first for Chinese. A name whose
first letter belongs to a script that would sort before the language's own
gets a marker (:data:`ORDERS`) that puts it right after that script's block;
the rest of the key is the same in every order, so a list is in blocks by
first letter. The order the stored keys were made in is a setting of the
data; :func:`use_order` makes it the one this process keys by. The database
gets both functions as SQL functions on every connection of ours;
``customer_search.name_key`` stores the key of each customer's name.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import marshal
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.models import database

_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+", re.UNICODE)
_NON_DIGITS = re.compile(r"\D")
_PHONE_QUERY = re.compile(r"^[\d\s()+\-./]+$")


def fold(text: str | None) -> str:
    """``text`` folded for matching: lower case, no accents, any script."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed).casefold())


# Chinese characters (the unified ideographs and their extensions, compatibility ones).
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_HAN_BLOCK = "\u4e00"  # each character's key starts where Chinese is in the root order
_SHORT_I = "\ue439"  # й through the folding (which would make it и), then back
_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


def _pinyin_data() -> Path | None:
    spec = importlib.util.find_spec("pypinyin")
    folder = spec.submodule_search_locations if spec else None
    data = Path(next(iter(folder))) / "pinyin_dict.json" if folder else None
    return data if data is not None and data.exists() else None


def _readings_from_pypinyin(data: Path | None) -> dict[int, str]:
    """pypinyin's dictionary of readings (code point → ``zhāng``, most common first).

    Read from the package's data file: importing ``pypinyin`` loads its phrase
    dictionary too (0.3–0.8 s and tens of MB), which a sort key never needs.
    """
    if data is not None:
        with data.open(encoding="utf-8") as handle:
            return {int(code): value for code, value in json.load(handle).items()}
    from pypinyin.pinyin_dict import pinyin_dict  # a layout we do not know: the slow way

    return dict(pinyin_dict)


def _syllable(reading: str) -> str:
    """``zhāng`` → ``zhang1``, ``lǜ`` → ``lv4``: letters, then the tone (5: neutral)."""
    decomposed = unicodedata.normalize("NFD", reading)
    tone = next((_TONES[mark] for mark in decomposed if mark in _TONES), "5")
    letters = "".join(  # ü (lǜ, nǚ) is written v in pinyin keys, after u
        "v" if decomposed[index + 1 : index + 2] == "\u0308" else ch
        for index, ch in enumerate(decomposed)
        if ch.isascii() and ch.isalpha()
    )
    return f"{letters}{tone}"


def _readings_folder() -> Path | None:
    """Where the readings are kept split by block of 256 code points (the user's cache)."""
    data = _pinyin_data()
    if data is None:
        return None
    from crm_desktop.i18n import compiled_dir

    stamp = data.stat()
    return compiled_dir().parent / f"pinyin-{stamp.st_size}-{int(stamp.st_mtime)}"


@functools.cache
def _all_readings() -> dict[int, str]:
    """Every reading, parsed from pypinyin's JSON (~0.1 s, once per process at most)."""
    return _readings_from_pypinyin(_pinyin_data())


@functools.lru_cache(maxsize=1024)
def _block_readings(block: int) -> dict[int, str]:
    """The readings of 256 code points, from a small file in the user's cache.

    The file is written (atomically) the first time a block is needed, from the whole
    dictionary; later processes read a few kB instead of parsing 0.8 MB of JSON, which
    matters to short-lived ones (a command-line call that sorts a few Chinese names).
    """
    folder = _readings_folder()
    target = folder / f"{block:04x}" if folder is not None else None
    if target is not None:
        try:
            loaded = marshal.loads(target.read_bytes())
            if isinstance(loaded, dict):
                return loaded
        except (OSError, EOFError, ValueError, TypeError):
            pass  # not written yet, or damaged: from the dictionary, then written
    readings = {code: r for code, r in _all_readings().items() if code >> 8 == block}
    if target is not None:
        from crm_desktop.safe_files import private_folder, write_bytes

        try:
            private_folder(private_folder(target.parent.parent) / target.parent.name)
            # Whole or not at all; the app's files are the user's alone, caches too.
            write_bytes(target, marshal.dumps(readings), private=True, explain=False)
        except OSError:
            pass  # a read-only cache: parsed again next time
    return readings


def _han_key(char: str) -> str:
    """``张`` → ``\u4e00zhang1张``: the reading in letters, its tone, the character last."""
    readings = _block_readings(ord(char) >> 8).get(ord(char))
    if not readings:
        return f"{_HAN_BLOCK}\uffff{char}"  # no known reading: after every read one
    return f"{_HAN_BLOCK}{_syllable(readings.split(',')[0])}{char}"


class _HanKeys(dict):
    """``str.translate`` table: each Chinese character → its key, anything else → itself.

    Filled as characters are met, so a name's characters are looked up in C after the
    first time (a regex callback per character was 1.5× slower over 100k names).
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        key = _han_key(char) if _HAN.match(char) else char
        self[code] = key
        return key


_HAN_KEYS = _HanKeys()


@dataclass(frozen=True)
class KeyOrder:
    """How a language reorders the scripts: letters below ``first`` go after ``marker``.

    ``first`` is where the language's own script starts in the keys (its letters, or
    :data:`_HAN_BLOCK` for Chinese); ``marker`` sorts after every key of that script and
    before the scripts that follow it in the root order, so the names that start with a
    letter of an earlier script (Latin for Russian) come right after the language's own.
    """

    name: str
    first: str = ""
    marker: str = ""


ORDERS: dict[str, KeyOrder] = {
    order.name: order
    for order in (
        KeyOrder("root"),  # digits, Latin, Greek, Cyrillic, …, Chinese: code point blocks
        # Cyrillic first: U+0530 (unassigned) after Cyrillic and its supplement, before Armenian.
        KeyOrder("cyrillic", "\u0400", "\u0530"),
        # Chinese first: a Han key starts with U+4E00 then ASCII; U+4E01 is never a key's first
        # character otherwise (every Han character becomes its reading).
        KeyOrder("han", _HAN_BLOCK, "\u4e01"),
    )
}
# The order of spawned helper processes (import, sample data): they inherit the environment.
ORDER_ENV = "CRM_DESKTOP_SORT_ORDER"
_active: tuple[str | None, KeyOrder] = (None, ORDERS["root"])


def use_order(name: str, db_path: str | None = None) -> None:
    """Key by the order ``name`` from now on, for the database at ``db_path`` (the open one).

    Another database opened later keys by the root order until it is told its own, so a
    key is never made in the order of a file that is no longer open.
    """
    order = ORDERS.get(name, ORDERS["root"])
    global _active
    _active = (db_path if db_path is not None else _db_path(), order)
    os.environ[ORDER_ENV] = order.name


def forget_order() -> None:
    """Key by the root order again, as a new process does (the file whose order was in use
    is closed). The order is process-wide and the closed file's path stays the models'
    until another opens, so whatever runs next (a test in the same process) would
    otherwise key in that file's order."""
    global _active
    _active = (None, ORDERS["root"])
    os.environ.pop(ORDER_ENV, None)


def _db_path() -> str | None:
    return getattr(database, "database", None) or None


def active_order() -> KeyOrder:
    """The order keys are made in now: the open database's, else a helper's inherited one."""
    path, order = _active
    current = _db_path()
    if current is not None:
        return order if current == path else ORDERS["root"]
    return ORDERS.get(os.environ.get(ORDER_ENV, ""), ORDERS["root"])


def is_han(char: str) -> bool:
    """Whether ``char`` is a Chinese character, whose key (:func:`sort_key`) is its reading."""
    return bool(_HAN.match(char))


def sort_key(text: str | None, order: KeyOrder | None = None) -> str:
    """The key a name sorts by: folded, with leading quotes and punctuation ignored.

    Chinese characters become their pinyin and tone (then the character), so
    they sort as a Chinese reader expects. ``order`` (the active one by default)
    says which script's block comes first.
    """
    key = _plain_key(text)
    order = order or active_order()
    if order.first and key and key[0] < order.first and key[0].isalpha():
        return order.marker + key
    return key


def _plain_key(text: str | None) -> str:
    if text and not text.isascii():
        if "й" in text or "Й" in text:
            text = text.replace("й", _SHORT_I).replace("Й", _SHORT_I)
            folded = fold(text).replace(_SHORT_I, "й")
        else:
            folded = fold(text)
        if _HAN.search(folded):
            folded = folded.translate(_HAN_KEYS)
    else:
        folded = fold(text)
    stripped = _LEADING_PUNCTUATION.sub("", folded)
    return stripped or folded


def ascii_fold(text: str) -> str:
    """Latin letters without their accents, other characters dropped (for slugs and emails)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def digits(text: str | None) -> str:
    return _NON_DIGITS.sub("", text or "")


@functools.lru_cache(maxsize=512)
def _national_prefix(country_code: int) -> str:
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    regions = COUNTRY_CODE_TO_REGION_CODE.get(country_code) or ()
    metadata = PhoneMetadata.metadata_for_region(regions[0]) if regions else None
    return (metadata.national_prefix or "") if metadata else ""


@functools.cache
def _country_codes() -> Mapping[int, tuple[str, ...]]:
    # Imported on first use: phonenumbers takes ~0.1 s to import, and the first screen needs
    # none; kept after that (a ``from … import`` per phone costs an import ~0.1 s a 100,000).
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    return COUNTRY_CODE_TO_REGION_CODE


def phone_search_text(e164: str | None) -> str:
    """The digits a stored phone is found by: international, and as dialled at home.

    ``+74951234567`` is kept as ``+74951234567 84951234567`` (Russia's trunk
    prefix is 8): a query with a ``+`` matches from the country code on, one
    without matches any part of either form.
    """
    if not e164:
        return ""
    codes = _country_codes()
    number = digits(e164.split(" ext.")[0])
    for length in (1, 2, 3):
        code = int(number[:length] or 0)
        if code in codes:
            return f"+{number} {_national_prefix(code)}{number[length:]}"
    return f"+{number}"


def search_terms(query: str) -> list[str]:
    """The folded terms a query is made of; a phone-like query is one term of digits."""
    query = query.strip()
    if not query:
        return []
    if _PHONE_QUERY.match(query):
        number = digits(query)
        if query.startswith("+") and number:
            return ["+" + number]  # anchored at the country code
        if query.startswith("00") and len(number) > 2:
            return ["+" + number[2:]]  # 00 is how many countries dial "+"
        if len(number) >= 3:
            return [number]
    return [term for term in fold(query).split() if term]


def clean_line(text: str) -> str:
    """One line of user text: control characters and line breaks become spaces."""
    if text.isprintable():  # no control character at all: the common case, 20× faster
        return text.strip()
    cleaned = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return " ".join(cleaned.split()) if cleaned != text else cleaned.strip()


def clean_multiline(text: str) -> str:
    """Text that may span lines: control characters other than tab and newline dropped."""
    if text.isprintable():  # no line break and no control character: nothing to drop
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


def _sql_fold(text: object) -> str | None:
    return fold(text) if isinstance(text, str) else None


def _sql_sort_key(text: object) -> str | None:
    return sort_key(text) if isinstance(text, str) else None


# Our connections compute folding inside SQL; deterministic lets SQLite reuse results.
database.register_function(_sql_fold, "crm_fold", 1, deterministic=True)
database.register_function(_sql_sort_key, "crm_sort_key", 1, deterministic=True)
