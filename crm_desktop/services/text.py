"""Text as people compare it: case- and accent-blind, in every script.

SQLite's ``lower()``, ``LIKE`` and ``NOCASE`` fold ASCII only, so ``иван``
would never find ``Иванов``. Everything the app matches or sorts goes through
:func:`fold` (Unicode case folding after compatibility decomposition, with
combining marks dropped): ``Иванов`` → ``иванов``, ``ZHANG`` → ``zhang``,
``Émile`` → ``emile``, ``Ёлка`` → ``елка``; Chinese is left as it is.
:func:`sort_key` is the same folding, which orders Latin, Cyrillic and
Chinese the way the Unicode collation's root order does at primary strength.
The database gets both as SQL functions on every connection of ours.
"""

from __future__ import annotations

import functools
import re
import unicodedata

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


def sort_key(text: str | None) -> str:
    """The key a name sorts by: folded, with leading quotes and punctuation ignored."""
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


def phone_search_text(e164: str | None) -> str:
    """The digits a stored phone is found by: international, and as dialled at home.

    ``+74951234567`` is kept as ``+74951234567 84951234567`` (Russia's trunk
    prefix is 8): a query with a ``+`` matches from the country code on, one
    without matches any part of either form.
    """
    if not e164:
        return ""
    # Imported here: phonenumbers takes ~0.1 s to import, and the first screen needs none.
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    number = digits(e164.split(" ext.")[0])
    for length in (1, 2, 3):
        code = int(number[:length] or 0)
        if code in COUNTRY_CODE_TO_REGION_CODE:
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
