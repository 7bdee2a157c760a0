"""Field parsers: what people type becomes the stored normal form, or a clear message."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm_desktop.services import fields, settings, validation
from crm_desktop.services.validation import FieldError


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+1 (415) 555-0123", "+14155550123"),
        ("415.555.0123", "+14155550123"),
        ("tel:+44 20 7946 0958", "+442079460958"),
        ("+7 495 123-45-67", "+74951234567"),
        ("+86 138 0013 8000", "+8613800138000"),
        ("+1 415 555 0123 ext. 45", "+14155550123 ext. 45"),
        ("", None),
        ("   ", None),
    ],
)
def test_phones_are_stored_in_one_international_form(db, typed, stored):
    assert fields.phone(typed) == stored


def test_phone_region_comes_from_the_settings(db):
    settings.set_many({"phone_region": "RU"})
    assert fields.phone("8 (495) 123-45-67") == "+74951234567"
    settings.set_many({"phone_region": "GB"})
    assert fields.phone("020 7946 0958") == "+442079460958"


@pytest.mark.parametrize("typed", ["12", "call me", "+1 415", "=1+2"])
def test_bad_phones_say_what_is_wrong(db, typed):
    with pytest.raises(FieldError) as caught:
        fields.phone(typed)
    assert "phone" in str(caught.value).lower() or "digits" in str(caught.value)


def test_format_phone_for_people():
    assert validation.format_phone("+74951234567") == "+7 495 123-45-67"
    assert validation.format_phone("+14155550123 ext. 45") == "+1 415-555-0123 ext. 45"
    assert validation.format_phone(None) == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("anna@example.com", "anna@example.com"),
        ("  Anna@Example.COM ", "Anna@example.com"),
        ("mailto:bob@example.org", "bob@example.org"),
        ("иван@пример.рф", "иван@пример.рф"),
        ("", None),
    ],
)
def test_emails(typed, stored):
    assert validation.email(typed) == stored


@pytest.mark.parametrize("typed", ["anna", "anna@", "@example.com", "a b@example.com", "a@b@c.com"])
def test_bad_emails(typed):
    with pytest.raises(FieldError, match="Not a valid email address"):
        validation.email(typed)


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("1234", 123400),
        ("1 234,56", 123456),
        ("1,234.56", 123456),
        ("1.234,56", 123456),
        ("1\u00a0234,5", 123450),
        ("$1,234.50", 123450),
        ("12,5", 1250),
        ("0.01", 1),
        (150, 150),
        (Decimal("2.50"), 250),
    ],
)
def test_money_is_parsed_exactly(db, typed, cents):
    assert fields.amount(typed) == cents


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "negative"),
        ("1.234.5", "not a number"),
        ("abc", "not an amount"),
        ("1.9999", "decimals"),
    ],
)
def test_bad_money(db, typed, message):
    with pytest.raises(FieldError, match=message):
        fields.amount(typed)


def test_money_never_accepts_float(db):
    with pytest.raises(TypeError):
        fields.amount(0.1)


def test_currency_without_minor_unit(db):
    settings.set_many({"currency": "JPY"})
    assert fields.amount("1,500") == 1500
    with pytest.raises(FieldError, match=r"whole number|decimals"):
        fields.amount("15.5")


def test_quantities_and_discounts(db):
    assert fields.quantity("1,5") == Decimal("1.5")
    assert fields.quantity("0.125") == Decimal("0.125")
    with pytest.raises(FieldError, match="more than 0"):
        fields.quantity("0")
    with pytest.raises(FieldError, match="decimals"):
        fields.quantity("1.2345")
    assert fields.percent("12.5") == Decimal("12.5")
    with pytest.raises(FieldError, match="at most 100"):
        fields.percent("120")


def test_probability_bounds(db):
    assert fields.probability("45%") == 45
    with pytest.raises(FieldError, match="between 0 and 100"):
        fields.probability("101")
    with pytest.raises(FieldError, match="whole number"):
        fields.probability("ten")


def test_dates():
    assert validation.a_date("2026-03-31") == "2026-03-31"
    assert validation.a_date("31.03.2026") == "2026-03-31"
    with pytest.raises(FieldError, match="not a date"):
        validation.a_date("2026-02-30")
    with pytest.raises(FieldError, match="not a date"):
        validation.a_date("tomorrow")


def test_timestamps_are_utc():
    assert validation.timestamp("2026-03-31T10:00:00Z") == "2026-03-31T10:00:00Z"
    assert validation.timestamp("2026-03-31T10:00:00+03:00") == "2026-03-31T07:00:00Z"


def test_text_lines_lose_control_characters_and_keep_unicode():
    parse = validation.line(50)
    assert parse("Zhang\x00 Wei\n") == "Zhang Wei"
    assert parse("  שלום עולם  ") == "שלום עולם"
    assert parse("<b>Smith & Sons</b>") == "<b>Smith & Sons</b>"
    assert parse("🙂 Café") == "🙂 Café"
    with pytest.raises(FieldError, match="Too long"):
        parse("x" * 51)
    assert validation.multiline()("line 1\r\nline 2\x07") == "line 1\nline 2"
