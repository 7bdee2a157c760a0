"""The field parsers the entities share, bound to the database's own settings.

Phone numbers without a ``+code`` are read in the ``phone_region`` setting's
country, and money has the decimals of the ``currency`` setting.
"""

from __future__ import annotations

from decimal import Decimal

from crm_desktop.i18n import _
from crm_desktop.models.tables import MAX_QUANTITY, MAX_UNIT_PRICE_CENTS
from crm_desktop.services import money, settings, validation
from crm_desktop.services.validation import Parser


def phone_region() -> str:
    return settings.get("phone_region")


def currency_exponent() -> int:
    return money.currency_exponent(settings.get("currency"))


phone: Parser = validation.phone_parser(phone_region)
amount: Parser = validation.money_parser(currency_exponent)


def unit_price(value: object) -> int | None:
    cents = amount(value)
    if cents is not None and cents > MAX_UNIT_PRICE_CENTS:
        raise validation.FieldError(_("The price is too large."))
    return cents


quantity: Parser = validation.decimal_number(
    places=money.QUANTITY_PLACES,
    minimum=Decimal(0),
    maximum=Decimal(MAX_QUANTITY),
    exclusive_minimum=True,
)
stock: Parser = validation.decimal_number(
    places=money.QUANTITY_PLACES, minimum=Decimal(0), maximum=Decimal(10**12)
)
percent: Parser = validation.decimal_number(
    places=money.DISCOUNT_PLACES, minimum=Decimal(0), maximum=Decimal(100)
)
probability: Parser = validation.integer(minimum=0, maximum=100)


def quantity_from_db(value: object) -> Decimal:
    return money.to_decimal(value, money.QUANTITY_PLACES)  # type: ignore[arg-type]


def percent_from_db(value: object) -> Decimal:
    return money.to_decimal(value, money.DISCOUNT_PLACES)  # type: ignore[arg-type]
