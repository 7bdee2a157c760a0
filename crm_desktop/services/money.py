"""Money and quantities, exactly: integer minor units and Decimal, never float.

An order line's total is ``quantity × unit_price_cents × (100 − discount_pct) / 100``
rounded half up to a whole cent. Quantities have at most three decimals and
discounts at most two, so the database can compute the same total with
integers alone (:data:`LINE_TOTAL_SQL`); a test checks that both agree.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from crm_desktop.i18n import _, ngettext
from crm_desktop.services.line_sql import line_total_sql as line_total_sql  # its home

QUANTITY_PLACES = 3
DISCOUNT_PLACES = 2

# Currencies whose minor unit is not a hundredth (ISO 4217).
_EXPONENTS = {
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
}  # fmt: skip


def currency_exponent(currency: str) -> int:
    """How many decimals the currency's minor unit has (2 for most)."""
    return _EXPONENTS.get(currency.upper(), 2)


def line_total_cents(quantity: Decimal, unit_price_cents: int, discount_pct: Decimal) -> int:
    """One order line's total in cents, rounded half up."""
    exact = Decimal(quantity) * unit_price_cents * (100 - Decimal(discount_pct)) / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


LINE_TOTAL_SQL = line_total_sql()


def weighted_cents(amount_cents: int, probability: int) -> int:
    """A deal's weighted amount, rounded half up to a whole cent."""
    return (amount_cents * probability + 50) // 100


def to_decimal(value: float | int | str | Decimal | None, places: int) -> Decimal:
    """A stored REAL (quantity, discount) back as the exact decimal that was entered."""
    if value is None:
        return Decimal(0)
    return Decimal(repr(value) if isinstance(value, float) else value).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    ).normalize() + Decimal(0)


def decimal_places(value: Decimal) -> int:
    """How many decimals a Decimal was written with (``1.50`` has two)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


_SPACES = re.compile(r"[\s\u00a0\u202f'’]")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_decimal(text: str, *, places: int, grouping: bool = True) -> Decimal:
    """A number as people type it: ``1 234,56``, ``1,234.56``, ``1.234,56``, ``12,5``.

    With both ``.`` and ``,`` present the later one is the decimal point; a
    lone separator followed by exactly three digits is a thousands separator
    when the value cannot have three decimals (money), else a decimal point.
    Raises ValueError with a message for the user.
    """
    raw = _SPACES.sub("", text.strip())
    if not raw:
        raise ValueError(_("Enter a number."))
    if "." in raw and "," in raw:
        decimal_mark = "." if raw.rfind(".") > raw.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        raw = raw.replace(group_mark, "").replace(decimal_mark, ".")
    elif "," in raw or "." in raw:
        mark = "," if "," in raw else "."
        parts = raw.split(mark)
        lone_thousands = len(parts[-1]) == 3 and places < 3 and len(parts[0].lstrip("+-")) <= 3
        grouped = grouping and (len(parts) > 2 or lone_thousands)
        if grouped and all(len(part) == 3 for part in parts[1:]):
            raw = raw.replace(mark, "")
        elif len(parts) == 2:
            raw = raw.replace(mark, ".")
        else:
            raise ValueError(_("“{text}” is not a number.").format(text=text.strip()))
    if not _NUMBER.match(raw):
        raise ValueError(_("“{text}” is not a number.").format(text=text.strip()))
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(_("“{text}” is not a number.").format(text=text.strip())) from None
    if decimal_places(value) > places:
        raise ValueError(
            ngettext(
                "Use at most {places} decimal.", "Use at most {places} decimals.", places
            ).format(places=places)
            if places
            else _("Use a whole number.")
        )
    return value


_CURRENCY_SIGNS = re.compile(r"[A-Za-z$€£¥₽₴₹₩₪₺₸]+\.?")


def parse_money(value: object, *, exponent: int = 2) -> int:
    """An amount as minor units. ``int`` is minor units already; text and Decimal are units.

    Raises ValueError with a message for the user.
    """
    if isinstance(value, bool):
        raise ValueError(_("Enter an amount."))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError("money is never a float; pass text, Decimal or integer cents")
    if isinstance(value, Decimal):
        amount = value
        if decimal_places(amount) > exponent:
            raise ValueError(_("Use at most {exponent} decimals.").format(exponent=exponent))
    else:
        text = _CURRENCY_SIGNS.sub("", str(value))
        if not text.strip() and str(value).strip():
            raise ValueError(_("“{value}” is not an amount.").format(value=str(value).strip()))
        amount = parse_decimal(text, places=exponent)
    return int(amount.scaleb(exponent))


def format_amount(cents: int, *, exponent: int = 2, locale: str = "en_US") -> str:
    """Minor units as a grouped number of the locale (CLDR), e.g. ``1,234.50`` or ``1 234,50``."""
    from crm_desktop.services import locale_format

    return locale_format.format_amount(cents, exponent, locale)


def format_money(cents: int, currency: str = "USD", locale: str = "en_US") -> str:
    """Minor units with the currency, the way the locale writes money (CLDR, through Babel)."""
    from crm_desktop.services import locale_format

    return locale_format.format_money(cents, currency, locale, currency_exponent(currency))
