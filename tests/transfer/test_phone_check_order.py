"""The phone parser asks for a number's length only when the number is not valid.

That is the same answer as before (length first, then validity) only because a
valid number always has a possible length. These tests hold phonenumbers'
metadata to that, for every region and number type, so that an update of the
library that breaks it is seen here; and they check that each kind of bad
number still gets its own message.
"""

from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType

from crm_desktop.services import validation
from crm_desktop.services.validation import FieldError

_TYPES = [
    getattr(PhoneNumberType, name)
    for name in dir(PhoneNumberType)
    if name.isupper() and name not in ("UNKNOWN", "FIXED_LINE_OR_MOBILE")
]


def test_every_valid_example_number_has_a_possible_length() -> None:
    checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in _TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None or not phonenumbers.is_valid_number(example):
                continue
            checked += 1
            assert phonenumbers.is_possible_number(example), (region, kind)
    assert checked > 1000  # the metadata really was walked


def test_each_lengths_of_a_shared_code_fit_its_main_region() -> None:
    """Validity in any region of a calling code needs a length its main region allows."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    for code, regions in COUNTRY_CODE_TO_REGION_CODE.items():
        main = PhoneMetadata.metadata_for_region_or_calling_code(code, regions[0])
        if main is None or not main.general_desc.possible_length:
            continue
        allowed = set(main.general_desc.possible_length) | set(
            main.general_desc.possible_length_local_only or ()
        )
        for region in regions:
            data = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
            if data is None:
                continue
            lengths = set(data.general_desc.possible_length or ())
            assert lengths <= allowed, (code, region, sorted(lengths - allowed))


@pytest.mark.parametrize(
    ("typed", "strict", "words"),
    [
        ("+1 415 555", True, "wrong number of digits"),  # too short: the length's message
        ("+1 415 555 01234567", False, "wrong number of digits"),
        ("+1 (201) 100-0000", True, "Not a valid phone number"),  # right length, no such number
        ("(201) 100-0000", False, "Not a valid phone number"),  # through the region
    ],
)
def test_each_bad_number_keeps_its_own_message(typed: str, strict: bool, words: str) -> None:
    parse = validation.phone_parser(lambda: "US", strict=strict)
    with pytest.raises(FieldError) as caught:
        parse(typed)
    assert words in str(caught.value)


def test_good_numbers_are_stored_as_before() -> None:
    strict = validation.phone_parser(lambda: "US", strict=True)
    lenient = validation.phone_parser(lambda: "US")
    assert strict("+1 (201) 200-0001") == "+12012000001"
    assert strict("(201) 200-0001 ext. 7") == "+12012000001 ext. 7"
    # A form keeps a +code number of a possible length even when it is not valid.
    assert lenient("+1 (201) 100-0000") == "+12011000000"
