"""The checks of the selling settings (taxes, numbering, terms) and their typed values.

:mod:`crm_desktop.services.settings` declares the keys with their defaults;
this module says what a valid value is (each check returns the value to
store or raises ValueError with a sentence for the user) and reads them back
as the types the services use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import _
from crm_desktop.services import numbering, tax_ids
from crm_desktop.services.money import DISCOUNT_PLACES, decimal_places, parse_decimal


def _rate(text: str) -> str:
    value = parse_decimal(text.rstrip("% "), places=DISCOUNT_PLACES, grouping=False)
    if not Decimal(0) <= value <= Decimal(100):
        raise ValueError(_("A tax rate is between 0 and 100 %."))
    return format(value.normalize() + Decimal(0), "f")


def _days(text: str) -> str:
    if not text.strip().isdigit() or int(text) > 3650:
        raise ValueError(_("A whole number of days, 0 to 3650."))
    return str(int(text))


def _country(text: str) -> str:
    if not (len(text) == 2 and text.isascii() and text.isalpha()):
        raise ValueError(_("Two letters, such as RU, CN or DE."))
    return text.upper()


CHECKS: dict[str, Callable[[str], str]] = {
    "tax_default_pct": _rate,
    "quote_validity_days": _days,
    "payment_terms_days": _days,
    "invoice_number_format": numbering.check_format,
    "credit_note_number_format": numbering.check_format,
    "company_country": _country,
    "company_kpp": tax_ids.check_kpp,
}


def check_together(values: Mapping[str, str], stored: Callable[[str], str]) -> dict[str, str]:
    """Checks that need two settings (a tax id and its country); returns values to store."""
    changed: dict[str, str] = {}
    if values.get("company_tax_id"):
        country = values.get("company_country") or stored("company_country")
        try:
            changed["company_tax_id"] = tax_ids.check_tax_id(values["company_tax_id"], country)
        except ValueError as exc:
            raise ValidationError({"company_tax_id": str(exc)}) from None
    invoice, credit = (
        values.get(key) or stored(key)
        for key in ("invoice_number_format", "credit_note_number_format")
    )
    if numbering.render(invoice, 2026, 1) == numbering.render(credit, 2026, 1):
        raise ValidationError(
            {"credit_note_number_format": _("Credit notes need a format other than invoices'.")}
        )
    return changed


def default_tax_pct() -> Decimal:
    """The rate of a product without one of its own."""
    from crm_desktop.services import settings

    return Decimal(settings.get("tax_default_pct") or "0")


def prices_include_tax() -> bool:
    """Whether new documents take prices as gross (the ``price_entry`` setting)."""
    from crm_desktop.services import settings

    return settings.get("price_entry") == "gross"


def tax_rounding() -> str:
    from crm_desktop.services import settings

    return settings.get("tax_rounding")


def int_setting(key: str) -> int:
    from crm_desktop.services import settings

    text = settings.get(key)
    return int(text) if text.isdigit() else int(settings.SPECS[key].default)


def rate_text(rate: Decimal) -> str:
    """20 → ``20``, 7.5 → ``7.5`` (the way a rate is shown and stored in settings)."""
    return format(rate.normalize() + Decimal(0), "f") if decimal_places(rate) else str(int(rate))
