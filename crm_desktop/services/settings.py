"""Preferences that travel with the data (the ``setting`` table), declared once.

Company name, address and logo, currency, locale and the phone region live
in the database so that they go with every backup and every restore. Each
setting is declared here with its default; window geometry and other UI
state do not belong here (the UI keeps those in its own settings file).

The models are imported where a setting is read or stored, not with this module:
the start reads the two settings Today's formats need, and their defaults, before
the data layer has loaded (services/first_screen.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import _


def system_locale_name() -> str:
    """The user's locale as ``language_REGION`` (``en_US`` when the system says nothing)."""
    # Imported here: only a database without its locale or currency asks (the opening job's
    # imports take turns with the window's build for the interpreter).
    import locale as system_locale

    for name in (system_locale.getlocale()[0], os.environ.get("LC_ALL"), os.environ.get("LANG")):
        if name and "_" in name and not name.startswith(("C.", "POSIX")):
            return name.split(".")[0]
    return "en_US"


def _region_of(locale_name: str) -> str:
    region = locale_name.split("_")[-1].upper() if "_" in locale_name else ""
    return region if len(region) == 2 and region.isalpha() else "US"


def _default_currency() -> str:
    """The currency of the system's region today (CLDR, through Babel): RUB, CNY, EUR…"""
    from crm_desktop.services.locale_facts import region_currency

    return region_currency(_region_of(system_locale_name()))  # remembered: no Babel at start


@dataclass(frozen=True)
class SettingSpec:
    """One preference: its key, what it means, its default, and its choices if any."""

    key: str
    label: str
    default: str = ""
    choices: tuple[str, ...] = ()


SPECS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("company_name", "Company name"),
        SettingSpec("company_address", "Company address"),
        SettingSpec("company_email", "Company email"),
        SettingSpec("company_phone", "Company phone"),
        SettingSpec("company_tax_id", "Tax / VAT number"),
        SettingSpec("company_logo", "Company logo (PNG or JPEG, base64)"),
        SettingSpec("currency", "Currency (ISO 4217 code)"),
        SettingSpec("locale", "Locale for numbers and dates, e.g. en_US, ru_RU"),
        SettingSpec("phone_region", "Country of phone numbers written without +code"),
        SettingSpec("page_size", "Paper size of PDF reports", "A4", ("A4", "Letter")),
        SettingSpec("order_number_prefix", "Prefix of new order numbers", "SO-"),
        # Selling: quotes, taxes, invoices (see services/selling_settings.py for the checks).
        SettingSpec("company_legal_name", "Legal name of the company (on invoices)"),
        SettingSpec("company_kpp", "KPP (Russia: tax registration reason code)"),
        SettingSpec("company_country", "Country of the company (two letters, for tax ids)"),
        SettingSpec("company_bank_details", "Bank details printed on invoices"),
        SettingSpec("tax_default_pct", "Tax rate of products without their own, in %", "0"),
        SettingSpec("price_entry", "Prices are entered", "net", ("net", "gross")),
        SettingSpec("tax_rounding", "Tax is rounded", "line", ("line", "document")),
        SettingSpec("quote_number_prefix", "Prefix of new quote numbers", "QU-"),
        SettingSpec("quote_validity_days", "Days a new quote is valid", "30"),
        SettingSpec("invoice_number_format", "Invoice numbers", "INV-{YYYY}-{NNNN}"),
        SettingSpec("credit_note_number_format", "Credit note numbers", "CN-{YYYY}-{NNNN}"),
        SettingSpec("payment_terms_days", "Days to pay an invoice", "14"),
        SettingSpec("payment_terms", "Payment terms printed on invoices"),
        # Kept by services/sort_order.py: the order the stored sort keys were made in.
        SettingSpec("sort_order", "Script order of the stored sort keys", "root"),
    )
}

# Defaults that depend on the machine the database was first opened on.
_DYNAMIC_DEFAULTS = {
    "currency": _default_currency,
    "locale": system_locale_name,
    "phone_region": lambda: _region_of(system_locale_name()),
    "company_country": lambda: _region_of(system_locale_name()),
}


def default(key: str) -> str:
    if key in _DYNAMIC_DEFAULTS:
        return _DYNAMIC_DEFAULTS[key]()
    return SPECS[key].default


def get(key: str) -> str:
    """The stored value of a declared setting, or its default."""
    if key not in SPECS:
        raise KeyError(f"unknown setting {key!r}")
    from crm_desktop.models import Setting  # here: the start reads its settings without it

    row = Setting.select(Setting.value).where(Setting.key == key).tuples().first()
    if row is None or row[0] is None or row[0] == "":
        return default(key)
    return row[0]


def is_stored(key: str) -> bool:
    """Whether ``key`` has a value of its own in this database (not just its default)."""
    from crm_desktop.models import Setting

    row = Setting.select(Setting.value).where(Setting.key == key).tuples().first()
    return bool(row and row[0])


def get_all() -> dict[str, str]:
    """Every declared setting with its value or default."""
    from crm_desktop.models import database

    stored: dict[str, str | None] = dict(
        database.execute_sql("SELECT key, value FROM setting").fetchall()
    )
    return {key: stored.get(key) or default(key) for key in SPECS}


def _check(key: str, value: str) -> str:
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError({key: _("Unknown setting.")})
    multiline = key in ("company_address", "company_bank_details", "payment_terms")
    value = value.strip() if not multiline else value.strip("\n ")
    if spec.choices and value and value not in spec.choices:
        raise ValidationError(
            {key: _("Choose one of: {value}.").format(value=", ".join(spec.choices))}
        )
    if key == "currency" and value and not (len(value) == 3 and value.isalpha()):
        raise ValidationError({key: _("Use a three-letter currency code such as USD, EUR or RUB.")})
    if key == "phone_region" and value and not (len(value) == 2 and value.isalpha()):
        raise ValidationError({key: _("Use a two-letter country code such as US, GB or RU.")})
    if key in ("currency", "phone_region", "company_country"):
        value = value.upper()
    if value:
        from crm_desktop.services.selling_checks import CHECKS

        if key in CHECKS:
            try:
                value = CHECKS[key](value)
            except ValueError as exc:
                raise ValidationError({key: str(exc)}) from None
    return value


def set_many(values: dict[str, str]) -> None:
    """Store several settings at once; an empty value means "use the default"."""
    checked = {key: _check(key, value or "") for key, value in values.items()}
    from crm_desktop.models import Setting
    from crm_desktop.services.changes import notify, transaction
    from crm_desktop.services.selling_checks import check_together

    checked.update(check_together(checked, get))
    with transaction():
        for key, value in checked.items():
            (
                Setting.insert(key=key, value=value)
                .on_conflict(conflict_target=[Setting.key], update={Setting.value: value})
                .execute()
            )
        notify("setting", (), "update")


def set_value(key: str, value: str) -> None:
    set_many({key: value})
