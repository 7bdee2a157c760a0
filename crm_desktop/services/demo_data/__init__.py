"""The world of the sample data: countries, their languages, and the sample business.

One module per language (``english``, ``russian``, ``chinese``, ``german``,
``french``, ``spanish``, ``arabic``) holds its countries' names, companies,
addresses, phone numbering and the words the owner writes to them;
``catalogue`` holds the sample business's price list, tags, sources and
campaigns; ``model`` says what a country is made of.
"""

from __future__ import annotations

from crm_desktop.services.demo_data import (
    arabic,
    chinese,
    english,
    french,
    german,
    russian,
    spanish,
)
from crm_desktop.services.demo_data.model import Country

COUNTRIES: tuple[Country, ...] = (
    *english.COUNTRIES,
    *russian.COUNTRIES,
    *chinese.COUNTRIES,
    *german.COUNTRIES,
    *french.COUNTRIES,
    *spanish.COUNTRIES,
    *arabic.COUNTRIES,
)
