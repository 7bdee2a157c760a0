"""The sample price list in the owner's currency: an office chair costs 13 900 ₽, not 149 ₽.

The price list (:mod:`.catalogue`) is written in US cents. A file whose currency is the
rouble, the yen or the yuan gets the same goods at what they roughly cost there, as a
shop would price them (two significant digits, ending in 9: ``13 900``, ``1 090``, ``9.90``),
so that the sample data's orders, deals and invoices look like that business's.
The factors are rough (what a dollar buys in an office-supply shop, 2026), never a rate to
convert money with: stored amounts are never converted.
"""

from __future__ import annotations

import math

# How many units of a currency buy roughly what one US dollar buys (currencies not here: 1).
PER_DOLLAR: dict[str, float] = {
    "USD": 1, "EUR": 1, "GBP": 0.8, "CHF": 0.9, "CAD": 1.4, "AUD": 1.5, "NZD": 1.7,
    "SGD": 1.35, "HKD": 7.8, "JPY": 150, "CNY": 7, "TWD": 32, "KRW": 1400, "INR": 85,
    "RUB": 95, "UAH": 41, "BYN": 3.3, "KZT": 500, "UZS": 12500, "GEL": 2.7, "AMD": 390,
    "AZN": 1.7, "PLN": 4, "CZK": 23, "HUF": 370, "RON": 4.6, "BGN": 1.8, "RSD": 110,
    "SEK": 10.5, "NOK": 10.5, "DKK": 7, "ISK": 140, "TRY": 35, "ILS": 3.7, "AED": 3.7,
    "SAR": 3.75, "QAR": 3.6, "KWD": 0.31, "EGP": 50, "MAD": 10, "ZAR": 18, "NGN": 1500,
    "KES": 130, "BRL": 5.5, "MXN": 18, "ARS": 1000, "CLP": 950, "COP": 4000, "PEN": 3.7,
    "MYR": 4.5, "THB": 35, "IDR": 16000, "PHP": 58, "VND": 25000, "PKR": 280, "BDT": 120,
}  # fmt: skip


def local_price(us_cents: int, currency: str, exponent: int) -> int:
    """``us_cents`` as a shop in ``currency`` would price it, in that currency's minor units
    (``exponent`` decimals). Dollars and euros keep the list's prices as they are."""
    factor = PER_DOLLAR.get(currency.upper(), 1)
    if factor == 1:
        return round(us_cents * 10**exponent / 100)
    major = us_cents / 100 * factor
    step = 10 ** (math.floor(math.log10(major)) - 1)  # two significant digits
    nice = round(major / step) * step - step / 10  # …ending in 9: 13 900, 1 090, 9.90
    smallest = 10**-exponent
    return max(1, round(max(nice, smallest) * 10**exponent))
