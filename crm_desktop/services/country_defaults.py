"""The settings a country implies (phone region, currency, locale), from CLDR through Babel.

Apart from :mod:`crm_desktop.services.country` (which stores them) because
:mod:`crm_desktop.services.settings` derives its default currency from the
system's region, and the settings must not import the module that writes them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from babel.numbers import get_territory_currencies


@dataclass(frozen=True)
class CountryDefaults:
    """The settings a country implies."""

    country: str  # ISO 3166 two letters
    phone_region: str
    currency: str  # ISO 4217
    locale: str  # for dates and numbers: ru_RU, zh_CN, en_US…

    @property
    def phone_code(self) -> str:
        """``+7``, ``+86``: what a number written without it is read with."""
        import phonenumbers  # here: ~0.1 s to import, and the start shows no phone code

        code = phonenumbers.country_code_for_region(self.phone_region)
        return f"+{code}" if code else ""


@functools.lru_cache(maxsize=256)
def defaults_for(country: str) -> CountryDefaults:
    """``RU`` → phone region RU, RUB, ``ru_RU``; ``CN`` → CN, CNY, ``zh_CN``."""
    code = country.strip().upper()
    currencies = get_territory_currencies(code, date.today()) if code else []
    locale = "en_US"
    for language in get_official_languages(code, de_facto=True) if code else ():
        candidate = f"{language.split('_')[0]}_{code}"
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
        locale = candidate
        break
    return CountryDefaults(code, code or "US", currencies[0] if currencies else "USD", locale)
