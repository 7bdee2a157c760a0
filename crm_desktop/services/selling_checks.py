"""What a valid selling setting is (tax rate, numbering, terms, company's tax ids).

:mod:`crm_desktop.services.settings` declares the keys with their defaults and
runs these checks on save: each returns the value to store or raises
ValueError with a sentence for the user. They never read the settings back,
so the settings module can use them without an import circle
(:mod:`~crm_desktop.services.selling_settings` reads the typed values).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import _
from crm_desktop.services import numbering, tax_ids
from crm_desktop.services.money import DISCOUNT_PLACES, parse_decimal


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
