"""Tax identification numbers, checked with python-stdnum where it knows the country.

* Russia: the INN (10 digits for a company, 12 for a person), ``stdnum.ru.inn``;
  the KPP (reason-for-registration code, 9 characters: 4 digits, 2 digits or
  Latin capitals, 3 digits) has no check digit, so only its form is checked.
* China: the unified social credit code (18 characters), ``stdnum.cn.uscc``.
* The European Union: a VAT id with its country prefix (``DE136695976``),
  ``stdnum.eu.vat``; a number without the prefix is tried with the country's.
* Elsewhere the number is kept as typed (spaces tidied): a tax number of a
  country without VAT ids (an American EIN) is not refused for a wrong guess.

The country is a two-letter code or a name people write in a customer's
Country field (``Russia``, ``Россия``, ``China``, ``中国``, ``Germany``…).
"""

from __future__ import annotations

import re

from crm_desktop.i18n import _
from crm_desktop.services.text import fold

_KPP = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")

# Names people write in a Country field, folded, → ISO 3166 code (the common ones).
_COUNTRY_NAMES = {
    "russia": "RU", "russian federation": "RU", "россия": "RU", "рф": "RU",
    "российская федерация": "RU", "china": "CN", "中国": "CN", "prc": "CN", "китай": "CN",
    "germany": "DE", "deutschland": "DE", "германия": "DE", "france": "FR", "italy": "IT",
    "italia": "IT", "spain": "ES", "españa": "ES", "netherlands": "NL", "nederland": "NL",
    "belgium": "BE", "austria": "AT", "österreich": "AT", "poland": "PL", "polska": "PL",
    "czechia": "CZ", "czech republic": "CZ", "sweden": "SE", "sverige": "SE",
    "denmark": "DK", "finland": "FI", "ireland": "IE", "portugal": "PT", "greece": "GR",
    "hungary": "HU", "romania": "RO", "bulgaria": "BG", "croatia": "HR", "slovakia": "SK",
    "slovenia": "SI", "estonia": "EE", "latvia": "LV", "lithuania": "LT",
    "luxembourg": "LU", "malta": "MT", "cyprus": "CY", "united kingdom": "GB", "uk": "GB",
    "great britain": "GB", "united states": "US", "usa": "US", "kazakhstan": "KZ",
    "казахстан": "KZ", "ukraine": "UA", "україна": "UA", "украина": "UA",
    "switzerland": "CH", "schweiz": "CH", "norway": "NO", "norge": "NO",
}  # fmt: skip


def country_code(country: str | None) -> str | None:
    """A two-letter code from a code or a country name, or None when unknown."""
    text = (country or "").strip()
    if not text:
        return None
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    return _COUNTRY_NAMES.get(fold(text).strip(" ."))


def _stdnum_check(module, number: str) -> str:
    from stdnum.exceptions import ValidationError

    try:
        return str(module.validate(number))
    except ValidationError as exc:
        raise ValueError(_explain(exc)) from None


def _explain(exc: Exception) -> str:
    from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

    if isinstance(exc, InvalidChecksum):
        return "its check digit is wrong: look for a mistyped digit."
    if isinstance(exc, InvalidLength):
        return "it has the wrong number of characters."
    if isinstance(exc, InvalidFormat):
        return "it has characters that do not belong in it."
    return str(exc) or "it is not valid."


def _eu_prefixes() -> set[str]:
    from stdnum.eu import vat

    return {code.upper() for code in vat.MEMBER_STATES} | {"EL", "XI"}


def check_tax_id(value: str, country: str | None = None) -> str:
    """The tax id in its normal form, or ValueError with a sentence for the user."""
    text = " ".join(value.split())
    if not text:
        return ""
    code = country_code(country)
    compact = re.sub(r"[\s.\-/]", "", text).upper()
    if compact[:2].isalpha() and compact[:2] in _eu_prefixes():
        from stdnum.eu import vat

        try:
            return _stdnum_check(vat, compact)
        except ValueError as exc:
            raise ValueError(_("Not a valid EU VAT id: {exc}").format(exc=exc)) from None
    if code == "RU":
        from stdnum.ru import inn

        try:
            return _stdnum_check(inn, compact)
        except ValueError as exc:
            raise ValueError(_("Not a valid INN: {exc}").format(exc=exc)) from None
    if code == "CN":
        from stdnum.cn import uscc

        try:
            return _stdnum_check(uscc, compact)
        except ValueError as exc:
            raise ValueError(
                _("Not a valid unified social credit code: {exc}").format(exc=exc)
            ) from None
    if code is not None and code in _eu_prefixes() | {"GR"}:
        from stdnum.eu import vat

        prefix = "EL" if code == "GR" else code
        try:
            return _stdnum_check(vat, prefix + compact)
        except ValueError as exc:
            raise ValueError(
                _("Not a valid VAT id for {code}: {exc}").format(code=code, exc=exc)
            ) from None
    return text


def check_kpp(value: str) -> str:
    """A Russian KPP (9 characters), or ValueError."""
    text = re.sub(r"\s", "", value).upper()
    if not text:
        return ""
    if not _KPP.match(text):
        raise ValueError(_("A KPP has 9 characters: 4 digits, 2 digits or capitals, 3 digits."))
    return text
