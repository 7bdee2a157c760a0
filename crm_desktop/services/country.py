"""What the country of a business decides: phone region, currency and the formats of dates.

Asked on the first run and kept in the data (``company_country``,
``phone_region``, ``currency``, ``locale`` in the ``setting`` table), so a
backup restored on another laptop keeps them. The facts come from CLDR
through Babel (the territory's official language and its currency today),
never from a hand-kept table. Stored amounts never change with the
currency: it only says how they are shown.
"""

from __future__ import annotations

from crm_desktop.errors import ValidationError
from crm_desktop.i18n import _
from crm_desktop.services import locale_format, settings
from crm_desktop.services.country_defaults import CountryDefaults, defaults_for
from crm_desktop.services.text import sort_key

__all__ = [
    "CountryDefaults",
    "apply_country",
    "country_names",
    "defaults_for",
    "holds_amounts",
    "is_chosen",
]


def apply_country(country: str, *, company_name: str | None = None) -> CountryDefaults:
    """Store the country and what it implies (and the company's name), in one transaction."""
    found = defaults_for(country)
    if found.country not in locale_format.babel_locale("en_US").territories:
        raise ValidationError({"company_country": _("Choose a country from the list.")})
    values = {
        "company_country": found.country,
        "phone_region": found.phone_region,
        "currency": found.currency,
        "locale": found.locale,
    }
    if company_name is not None:
        values["company_name"] = company_name
    settings.set_many(values)
    # The first run's file is empty: its (few) keys follow the new language at once.
    from crm_desktop.services import sort_order

    sort_order.rekey_if_needed()
    return found


def holds_amounts() -> bool:
    """Whether any amount is stored (a ``*_cents`` column of any row): then the currency
    stays as it is when the country changes, since it says what those amounts are in."""
    from crm_desktop.models import database

    tables = database.execute_sql(
        "SELECT DISTINCT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
        "WHERE m.type = 'table' AND p.name LIKE '%\\_cents' ESCAPE '\\'"
    ).fetchall()
    return any(
        database.execute_sql(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]
        for (name,) in tables
    )


def is_chosen() -> bool:
    """Whether this database was told its country or locale (the first run, or Preferences)."""
    return settings.is_stored("company_country") or settings.is_stored("locale")


def country_names(language: str) -> list[tuple[str, str]]:
    """``(code, name)`` of every country, named and sorted in ``language``."""
    names = locale_format.babel_locale(language).territories
    countries = [(code, name) for code, name in names.items() if len(code) == 2 and code.isalpha()]
    return sorted(countries, key=lambda item: sort_key(item[1]))
