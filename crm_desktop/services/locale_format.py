"""Dates, times, numbers and money as the user's locale writes them, from Babel (CLDR).

One place decides how a value looks, so that the same date reads the same in
the window, the PDFs and the exports (the window asks :func:`date_pattern`
and draws it with QLocale; PDFs and CSV text come from here; xlsx cells get
:func:`excel_date_format`). A date is the locale's short date with a
four-digit year (``12/5/2026``, ``05.12.2026``, ``2026/12/5``): two-digit
years are misread.

Money is formatted from the locale's CLDR currency pattern, its separators
and the currency's symbol (``1 234,50 ₽``, ``¥1,234.50``, ``$1,234.50``,
``¥1,235`` for yen with no minor unit). Babel gives the pieces once per
locale and currency; joining them here is 15× faster than calling Babel per
cell, and a test checks both agree.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import get_date_format, get_month_names, get_time_format
from babel.numbers import get_currency_symbol

from crm_desktop.services.number_style import NumberStyle

DEFAULT_LOCALE = "en_US"


@functools.lru_cache(maxsize=64)
def babel_locale(name: str | None) -> Locale:
    """The Babel locale of ``name`` (``ru_RU``, ``zh_CN``); en_US for anything unknown."""
    try:
        return Locale.parse((name or DEFAULT_LOCALE).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(DEFAULT_LOCALE)


def _long_year(pattern: str) -> str:
    """``M/d/yy`` → ``M/d/yyyy``; CLDR's ``y`` (the year as is) → ``yyyy``."""
    out, index = [], 0
    while index < len(pattern):
        if pattern[index] == "y":
            end = index
            while end < len(pattern) and pattern[end] == "y":
                end += 1
            out.append("yyyy")
            index = end
        else:
            out.append(pattern[index])
            index += 1
    return "".join(out)


@functools.lru_cache(maxsize=64)
def date_pattern(locale: str) -> str:
    """The date pattern of the locale (CLDR letters, which QLocale reads the same way)."""
    return _long_year(get_date_format("short", locale=babel_locale(locale)).pattern)


@functools.lru_cache(maxsize=64)
def time_pattern(locale: str) -> str:
    return get_time_format("short", locale=babel_locale(locale)).pattern


def qt_time_pattern(locale: str) -> str:
    """The same time pattern in QLocale's letters (``a`` is ``AP`` there)."""
    return time_pattern(locale).replace("a", "AP")


def format_date(day: date | None, locale: str) -> str:
    if day is None:
        return ""
    return babel_format_date(day, date_pattern(locale), locale=babel_locale(locale))


def format_datetime(moment: datetime | None, locale: str) -> str:
    """A local (naive or aware) time as ``date time`` of the locale."""
    if moment is None:
        return ""
    from babel.dates import format_datetime as babel_format_datetime

    pattern = f"{date_pattern(locale)} {time_pattern(locale)}"
    return babel_format_datetime(moment, pattern, locale=babel_locale(locale))


def month_name(
    month: int, locale: str, width: Literal["abbreviated", "narrow", "wide"] = "wide"
) -> str:
    """The month's name standing alone (``Декабрь``, ``十二月``, ``December``)."""
    return get_month_names(width, "stand-alone", locale=babel_locale(locale))[month]


def excel_date_format(locale: str) -> str:
    """The locale's date pattern as an Excel number format (``dd.mm.yyyy``)."""
    return date_pattern(locale).replace("M", "m")


def excel_datetime_format(locale: str) -> str:
    time = time_pattern(locale).replace("a", "AM/PM").replace("H", "h")
    return f"{excel_date_format(locale)} {time}"


@functools.lru_cache(maxsize=256)
def number_style(locale: str, currency: str = "") -> NumberStyle:
    loc = babel_locale(locale)
    symbols = loc.number_symbols.get("latn", loc.number_symbols)
    pattern = loc.currency_formats["standard"] if currency else loc.decimal_formats[None]
    symbol = get_currency_symbol(currency, locale=loc) if currency else ""

    def fill(text: str) -> str:
        return text.replace("¤", symbol)

    return NumberStyle(
        group=symbols.get("group", ","),
        decimal=symbols.get("decimal", "."),
        minus=symbols.get("minusSign", "-"),
        grouping=(pattern.grouping[0] or 3, pattern.grouping[1] or 3),
        positive=(fill(pattern.prefix[0]), fill(pattern.suffix[0])),
        negative=(fill(pattern.prefix[1]), fill(pattern.suffix[1])),
    )


def format_money(cents: int, currency: str, locale: str, exponent: int) -> str:
    return number_style(locale, currency.upper()).money(int(cents), exponent)


def format_amount(cents: int, exponent: int, locale: str) -> str:
    """Minor units as a grouped number of the locale (``1 234,50``)."""
    return number_style(locale).amount(int(cents), exponent)


def excel_money_format(currency: str, locale: str, exponent: int) -> str:
    """An Excel number format showing the currency where the locale puts it."""
    style = number_style(locale, currency.upper())
    decimals = ("." + "0" * exponent) if exponent else ""
    body = f"#,##0{decimals}"

    def quoted(text: str) -> str:
        return f'"{text}"' if text else ""

    positive = f"{quoted(style.positive[0])}{body}{quoted(style.positive[1])}"
    negative_prefix = style.negative[0].replace(style.minus, "")
    negative = f"-{quoted(negative_prefix)}{body}{quoted(style.negative[1])}"
    return f"{positive};{negative}"


def amount_in_words(cents: int, currency: str, locale: str, exponent: int) -> str | None:
    """The total written out where local practice expects it (Russian «сумма прописью»).

    ``None`` for languages whose invoices do not carry it.
    """
    language = babel_locale(locale).language
    if language != "ru":
        return None
    from num2words import num2words

    value = Decimal(int(cents)).scaleb(-exponent)
    try:
        text = num2words(value, lang="ru", to="currency", currency=currency.upper())
    except NotImplementedError:  # a currency num2words does not name: the number in words
        text = num2words(int(value), lang="ru")
    return text[:1].upper() + text[1:]
