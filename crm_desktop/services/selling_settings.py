"""The selling settings (taxes, numbering, terms) read back as the types the services use.

:mod:`crm_desktop.services.settings` declares the keys with their defaults;
:mod:`crm_desktop.services.selling_checks` says what a valid value is.
"""

from __future__ import annotations

from decimal import Decimal

from crm_desktop.services import settings
from crm_desktop.services.money import decimal_places
from crm_desktop.services.selling_checks import CHECKS, check_together

__all__ = [
    "CHECKS",
    "check_together",
    "default_tax_pct",
    "int_setting",
    "prices_include_tax",
    "rate_text",
    "tax_rounding",
]


def default_tax_pct() -> Decimal:
    """The rate of a product without one of its own."""
    return Decimal(settings.get("tax_default_pct") or "0")


def prices_include_tax() -> bool:
    """Whether new documents take prices as gross (the ``price_entry`` setting)."""
    return settings.get("price_entry") == "gross"


def tax_rounding() -> str:
    return settings.get("tax_rounding")


def int_setting(key: str) -> int:
    text = settings.get(key)
    return int(text) if text.isdigit() else int(settings.SPECS[key].default)


def rate_text(rate: Decimal) -> str:
    """20 → ``20``, 7.5 → ``7.5`` (the way a rate is shown and stored in settings)."""
    return format(rate.normalize() + Decimal(0), "f") if decimal_places(rate) else str(int(rate))
