"""Field parsers: what a person typed → the value the schema stores, or a clear message.

Each parser takes what a form, an import file or a caller gives (text or an
already typed value) and returns the normal form: an email as
email-validator normalises it, a phone in E.164 (``+74951234567``), money in
integer minor units, a date as ``YYYY-MM-DD``. Bad input raises
:class:`FieldError` with a sentence to show next to the field. Forms call
these as the user types; create and update call them again before writing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crm_desktop.i18n import _
from crm_desktop.services import money
from crm_desktop.services.clock import TIMESTAMP_FORMAT, to_timestamp
from crm_desktop.services.locale_facts import grouped
from crm_desktop.services.text import clean_line, clean_multiline

MAX_LINE_LENGTH = 500
MAX_TEXT_LENGTH = 1_000_000


class FieldError(ValueError):
    """A value a field cannot hold; the message is written for the user."""


Parser = Callable[[Any], Any]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii() and _SURROGATE.search(text):
        # Half of a UTF-16 pair (a broken emoji): it cannot be stored as text.
        raise FieldError(
            _(
                "Contains a character that cannot be stored (half of an emoji or of another "
                "character). Retype the text."
            )
        )
    return text


def line(max_length: int = MAX_LINE_LENGTH) -> Parser:
    """One line of text (a name, a city); empty means none."""

    def parse(value: Any) -> str | None:
        text = clean_line(_as_text(value))
        if len(text) > max_length:
            raise FieldError(
                _("Too long: {len} characters, at most {max_length}.").format(
                    len=grouped(len(text)), max_length=grouped(max_length)
                )
            )
        return text or None

    return parse


def multiline(max_length: int = MAX_TEXT_LENGTH) -> Parser:
    """Free text that may span lines (notes, descriptions); empty means none."""

    def parse(value: Any) -> str | None:
        text = clean_multiline(_as_text(value))
        if len(text) > max_length:
            raise FieldError(
                _("Too long: {len} characters, at most {max_length}.").format(
                    len=grouped(len(text)), max_length=grouped(max_length)
                )
            )
        return text or None

    return parse


@functools.cache
def _email_validator() -> tuple[Callable[..., Any], type[Exception]]:
    # Imported on first use: compiling its patterns costs ~60 ms at every start. Kept
    # here after that: a ``from … import`` per call costs an import of 100,000 emails ~0.2 s.
    from email_validator import EmailNotValidError, validate_email

    return validate_email, EmailNotValidError


def email(value: Any) -> str | None:
    text = _as_text(value).strip()
    if not text:
        return None
    if text.lower().startswith("mailto:"):
        text = text[7:]
    validate_email, not_valid = _email_validator()
    try:
        return validate_email(text, check_deliverability=False).normalized
    except not_valid as exc:
        raise FieldError(_("Not a valid email address: {exc}").format(exc=exc)) from None


_EXTENSION = re.compile(r" ext\. (\d+)$")


def phone_parser(region: Callable[[], str], *, strict: bool = False) -> Parser:
    """A phone number in any usual writing, stored as E.164 (``+14155550123 ext. 45``).

    A number read through the region (written without ``+code``) is stored
    only if ``phonenumbers.is_valid_number`` accepts it: one that merely has a
    possible length (``8 (495) 123-45-67`` read in Germany as
    ``+4984951234567``) would be a wrong number kept as if it were right.
    ``strict`` (imports) asks the same of a number written with its ``+code``;
    a form takes such a number as the user wrote it when its length is
    possible, so a record stored before numbers were checked can still be
    saved.
    """

    def parse(value: Any) -> str | None:
        import phonenumbers  # here: ~0.1 s to import, and the first screen parses no phone

        text = _as_text(value).strip()
        if not text:
            return None
        if text.lower().startswith("tel:"):
            text = text[4:]
        home = region()
        try:
            number = phonenumbers.parse(text, home)
        except phonenumbers.NumberParseException:
            raise FieldError(
                _("Not a phone number. Write it with its country code, e.g. +1 415 555 0123.")
            ) from None
        through_region = not text.lstrip().startswith(("+", "00"))
        # Valid in the home region (one metadata check), else in any region of its code:
        # the same answer as is_valid_number, without trying 25 regions for every +1.
        checked = strict or through_region
        valid = checked and bool(
            (home and phonenumbers.is_valid_number_for_region(number, home))
            or phonenumbers.is_valid_number(number)
        )
        # A valid number always has a possible length (validity tests its type's lengths,
        # each within what is_possible_number allows — checked for every region of the
        # metadata), so the length is only asked of a number that is not valid, as before.
        if not valid and not phonenumbers.is_possible_number(number):
            raise FieldError(_("This phone number has the wrong number of digits for its country."))
        if checked and not valid:
            where = phonenumbers.region_code_for_number(number) or home
            raise FieldError(
                _(
                    "Not a valid phone number in {where}. Write it with its country code, e.g. "
                    "+1 415 555 0123."
                ).format(where=where)
            )
        normal = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if number.extension:
            normal += f" ext. {number.extension}"
        return normal

    return parse


def format_phone(stored: str | None) -> str:
    """A stored E.164 number as people read it: ``+7 495 123-45-67``."""
    if not stored:
        return ""
    return _format_phone(stored)


# Parsing a number again costs a third of a millisecond: a screenful of phones is ten
# milliseconds of every repaint after a search. The same numbers come back as people type.
@functools.lru_cache(maxsize=8192)
def _format_phone(stored: str) -> str:
    import phonenumbers  # here: ~0.1 s to import, and the first screen formats no phone

    base, _ignored, extension = stored.partition(" ext. ")
    try:
        number = phonenumbers.parse(base, None)
    except phonenumbers.NumberParseException:
        return stored
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{text} ext. {extension}" if extension else text


def website(value: Any) -> str | None:
    text = clean_line(_as_text(value))
    if not text:
        return None
    if " " in text or "." not in text:
        raise FieldError(_("Not a web address, e.g. example.com or https://example.com."))
    if len(text) > 2000:
        raise FieldError(_("Too long for a web address."))
    return text


def choice(values: Iterable[str], *, labels: dict[str, str] | None = None) -> Parser:
    """One of an enumeration; matched without regard to case."""
    allowed = tuple(values)

    def parse(value: Any) -> str | None:
        text = _as_text(value).strip().lower().replace(" ", "_")
        if not text:
            return None
        if text in allowed:
            return text
        for key, label in (labels or {}).items():
            if label.lower() == text.replace("_", " "):
                return key
        raise FieldError(_("Choose one of: {value}.").format(value=", ".join(allowed)))

    return parse


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d", "%d.%m.%y")


def a_date(value: Any) -> str | None:
    """A calendar date as ``YYYY-MM-DD``; accepts ISO and day.month.year."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _as_text(value).strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not 1900 <= parsed.year <= 2999:
            raise FieldError(_("The year must be between 1900 and 2999."))
        return parsed.isoformat()
    raise FieldError(
        _("“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31.").format(text=text)
    )


def timestamp(value: Any) -> str | None:
    """A moment as a UTC ISO-8601 timestamp; naive input is the user's local time."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return to_timestamp(value)
    if isinstance(value, date):
        return to_timestamp(datetime(value.year, value.month, value.day, 12, 0))
    text = _as_text(value).strip()
    try:
        datetime.strptime(text, TIMESTAMP_FORMAT)
        return text
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError(
            _("“{text}” is not a date and time; write it as YYYY-MM-DD HH:MM.").format(text=text)
        ) from None
    return to_timestamp(parsed)


def money_parser(exponent: Callable[[], int]) -> Parser:
    """An amount of money ≥ 0, as integer minor units."""

    def parse(value: Any) -> int | None:
        if value is None or value == "":
            return None
        try:
            cents = money.parse_money(value, exponent=exponent())
        except ValueError as exc:
            raise FieldError(str(exc)) from None
        if cents < 0:
            raise FieldError(_("The amount cannot be negative."))
        if cents > 10**15:
            raise FieldError(_("The amount is too large."))
        return cents

    return parse


def decimal_number(
    *, places: int, minimum: Decimal, maximum: Decimal, exclusive_minimum: bool = False
) -> Parser:
    """A decimal such as a quantity (> 0, 3 places) or a discount (0–100, 2 places)."""

    def parse(value: Any) -> Decimal | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise FieldError(_("Enter a number."))
        if isinstance(value, float):
            value = repr(value)
        try:
            number = (
                Decimal(value)
                if isinstance(value, int | Decimal)
                else money.parse_decimal(_as_text(value), places=places, grouping=False)
            )
        except ValueError as exc:
            raise FieldError(str(exc)) from None
        if money.decimal_places(number) > places:
            raise FieldError(_("Use at most {places} decimals.").format(places=places))
        if number < minimum or (exclusive_minimum and number == minimum):
            raise FieldError(
                _("Must be more than {minimum}.").format(minimum=minimum)
                if exclusive_minimum
                else _("Must be at least {minimum}.").format(minimum=minimum)
            )
        if number > maximum:
            raise FieldError(_("Must be at most {maximum}.").format(maximum=grouped(int(maximum))))
        return number

    return parse


def integer(*, minimum: int, maximum: int) -> Parser:
    """A whole number within bounds (a probability 0–100)."""

    def parse(value: Any) -> int | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise FieldError(_("Enter a whole number."))
        if isinstance(value, int):
            number = value
        else:
            text = _as_text(value).strip().rstrip("%").strip()
            if not re.fullmatch(r"[+-]?\d+", text):
                raise FieldError(
                    _("“{value}” is not a whole number.").format(value=_as_text(value).strip())
                )
            number = int(text)
        if not minimum <= number <= maximum:
            raise FieldError(
                _("Must be between {minimum} and {maximum}.").format(
                    minimum=minimum, maximum=maximum
                )
            )
        return number

    return parse


_TRUE = {"1", "true", "yes", "y", "on", "да", "是"}
_FALSE = {"0", "false", "no", "n", "off", "нет", "否", ""}


def flag(value: Any) -> int:
    """Yes/no as 0 or 1."""
    if isinstance(value, bool | int):
        return 1 if value else 0
    text = _as_text(value).strip().lower()
    if text in _TRUE:
        return 1
    if text in _FALSE:
        return 0
    raise FieldError(_("Answer yes or no."))


def reference(value: Any) -> int | None:
    """The id of another record (checked to exist by the record's service)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise FieldError(_("Choose a record."))
    if isinstance(value, int):
        return value
    text = _as_text(value).strip()
    if text.isdigit():
        return int(text)
    raise FieldError(_("Choose a record from the list."))
