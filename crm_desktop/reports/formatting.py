"""Values as text: money with the currency, percentages, dates — for PDFs and CSV files.

PDF text follows the locale setting (``1 234,50 ₽``); CSV text is for
machines (``1234.50``, ISO dates) so that any spreadsheet reads it back as
numbers whatever its own locale.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from crm_desktop import i18n
from crm_desktop.i18n import _
from crm_desktop.reports.model import (
    CHANGE,
    DATE,
    DATETIME,
    INT,
    MONEY,
    PERCENT,
    PHONE,
    QUANTITY,
)
from crm_desktop.services import locale_format
from crm_desktop.services.money import format_amount, format_money
from crm_desktop.services.reporting.context import ReportContext

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
DASH = "—"


def _scaled(value: Decimal, places: int) -> int:
    return int((value * (10**places)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(fraction: Decimal | None, locale: str, places: int = 1, *, sign: bool = False) -> str:
    """0.1234 → ``12.3%`` (``12,3 %`` in locales that write it so)."""
    if fraction is None:
        return DASH
    return _percent_text(_scaled(fraction * 100, places), locale, places, sign)


@functools.lru_cache(maxsize=4096)  # a long table's shares repeat ("0.0%" thousands of times)
def _percent_text(scaled: int, locale: str, places: int, sign: bool) -> str:
    text = format_amount(scaled, exponent=places, locale=locale)
    if sign and scaled > 0:
        text = "+" + text
    elif text.startswith("-"):
        text = "−" + text[1:]  # a real minus sign reads better than a hyphen
    spaced = locale[:2].lower() in ("ru", "uk", "de", "fr", "es", "it", "pt", "pl", "cs", "sv")
    return f"{text}\u00a0%" if spaced else f"{text}%"


def quantity(value: Decimal, locale: str) -> str:
    """2.5 → ``2.5``; 1234 → ``1,234`` (at most three decimals, as stored)."""
    places = max(0, -int(value.normalize().as_tuple().exponent))
    places = min(places, 3)
    return format_amount(_scaled(value, places), exponent=places, locale=locale)


def local_datetime(moment: datetime) -> datetime:
    """An aware datetime in the user's time zone, without tzinfo (for display and xlsx)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.replace(tzinfo=None)


def pdf_text(value: Any, kind: str, context: ReportContext) -> str:
    """A cell's value as the PDF prints it."""
    if value is None:
        return "" if kind not in (PERCENT, CHANGE) else DASH
    if isinstance(value, str) and kind != PHONE:  # a label ("Total") among numbers
        return value
    if kind == MONEY:
        return format_money(int(value), context.currency, context.locale)
    if kind == INT:
        return format_amount(int(value), exponent=0, locale=context.locale)
    if kind == PERCENT:
        return percent(value, context.locale)
    if kind == CHANGE:
        return percent(value, context.locale, sign=True)
    if kind == QUANTITY:
        return quantity(Decimal(value), context.locale)
    if kind == DATE:
        return locale_format.format_date(value, context.locale)
    if kind == DATETIME:
        return locale_format.format_datetime(local_datetime(value), context.locale)
    if kind == PHONE:
        from crm_desktop.services.validation import format_phone

        return format_phone(value)
    return str(value)


def pdf_formatter(kind: str, context: ReportContext) -> Callable[[Any], str]:
    """:func:`pdf_text` for one column, with the kind resolved once (tables of 100,000 rows)."""
    if kind == MONEY:
        currency, locale = context.currency, context.locale

        def money(value: Any) -> str:
            if value is None or isinstance(value, str):
                return value or ""
            return format_money(int(value), currency, locale)

        return money
    if kind == INT:
        locale = context.locale
        return lambda v: (v or "") if v is None or isinstance(v, str) else int_text(v, locale)
    if kind == PERCENT:
        locale = context.locale
        return lambda v: (
            pdf_text(v, kind, context) if v is None or isinstance(v, str) else percent(v, locale)
        )
    if kind in (CHANGE, QUANTITY, DATE, DATETIME, PHONE):
        return lambda value: pdf_text(value, kind, context)
    return lambda value: "" if value is None else str(value)


def int_text(value: int, locale: str) -> str:
    if -1000 < value < 1000:
        return str(int(value))
    return format_amount(int(value), exponent=0, locale=locale)


def csv_value(value: Any, kind: str, context: ReportContext) -> str:
    """A cell's value as a CSV file holds it (numbers with a dot, ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind == MONEY:
        exponent = context.currency_exponent
        return str(Decimal(int(value)).scaleb(-exponent).quantize(Decimal(1).scaleb(-exponent)))
    if kind in (PERCENT, CHANGE):
        return str((Decimal(value) * 100).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
    if kind == QUANTITY:
        return str(Decimal(value).normalize() + Decimal(0))
    if kind == INT:
        return str(int(value))
    if kind == DATE:
        return value.isoformat()
    if kind == DATETIME:
        return local_datetime(value).strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def short_month(day: date) -> str:
    """``Nov``, ``нояб.``, ``11月``: the month's short name in the chosen language."""
    return locale_format.month_name(day.month, i18n.language(), "abbreviated")


def generated_text(context: ReportContext) -> str:
    stamp = context.generated_at
    zone = stamp.strftime("%Z") or stamp.strftime("%z")
    moment = locale_format.format_datetime(stamp.replace(tzinfo=None), context.locale)
    return _("Generated {time}").format(time=f"{moment} {zone}".rstrip())
