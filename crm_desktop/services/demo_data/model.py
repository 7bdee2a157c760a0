"""What a country of the sample data is made of, and the few rules every country shares.

A :class:`Country` knows how its people and companies are named, how its
addresses and phone numbers are written, which mail providers its people
use, and which :class:`Language` its customers are written to in (job
titles, tasks, calls, deals, service cases, notes). The per-country modules
beside this one fill these in; :mod:`crm_desktop.services.demo_rows` only
asks them.

Everything takes the generator's ``random.Random`` so that a seed gives the
same data; nothing here keeps state between calls.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from random import Random
from typing import TypeVar

T = TypeVar("T")

# Every family of products a deal, an order or a service case can be about (catalogue.py).
FAMILIES = (
    "chairs",
    "desks",
    "storage",
    "tech",
    "printers",
    "supplies",
    "coffee",
    "lighting",
    "warehouse",
    "services",
)


@dataclass(frozen=True, slots=True)
class Person:
    """A person's name as written in their country, and its ASCII parts for an email address."""

    name: str
    given: str  # ASCII, lower case: "elena", "wei"
    family: str  # ASCII, lower case: "stepanova", "zhang"
    female: bool


@dataclass(frozen=True, slots=True)
class City:
    """A city with the area codes of its landlines (national, without the trunk prefix)."""

    name: str
    areas: tuple[str, ...]
    subscriber_digits: int  # digits after the area code
    first_digits: str = "23456789"  # what a subscriber number may start with
    districts: tuple[str, ...] = ()  # where a country's addresses name them (China, the UAE)


@dataclass(frozen=True, slots=True)
class Mobile:
    """Mobile numbers: their national prefixes and how long a national number is."""

    prefixes: tuple[str, ...]
    length: int  # digits of a national number, prefix included


@dataclass(frozen=True, slots=True)
class Language:
    """What the owner writes about a customer, in the customer's language."""

    code: str
    # (said of a man, said of a woman); the first ``leading_positions`` head a company.
    positions: tuple[tuple[str, str], ...]
    leading_positions: int
    task_titles: tuple[str, ...]
    interaction_subjects: Mapping[str, tuple[str, ...]]  # by interaction kind
    deal_titles: tuple[tuple[str, str], ...]  # (title, product family)
    lost_reasons: tuple[str, ...]
    case_subjects: tuple[tuple[str, str, str | None], ...]  # (subject, kind, product family)
    resolutions: tuple[str, ...]
    customer_notes: tuple[str, ...]
    mailboxes: tuple[str, ...]  # a company's shared address: "info", "kontakt", "contact"
    sources: tuple[str, ...]  # how a customer found the business (repeats weigh more)


PersonMaker = Callable[[Random, bool], Person]
CompanyMaker = Callable[[Random, City], tuple[str, str]]  # (name, ASCII slug for the domain)
AddressMaker = Callable[[Random, City, bool], str]  # (rng, city, is_company)
EmailMaker = Callable[[Random, Person, str], str]  # (rng, person, mail domain) → local part


@dataclass(frozen=True, slots=True)
class Country:
    """One country of the sample data."""

    region: str  # ISO 3166 code, as phonenumbers knows it
    name: str  # the customer's country column, in the country's language
    weight: int  # how many of every 100 customers live here
    language: Language
    calling_code: str
    cities: tuple[City, ...]
    mobile: Mobile | None  # None: mobiles share the cities' area codes (North America)
    person: PersonMaker  # a private customer's name
    contact: PersonMaker  # the name of someone at a company
    company: CompanyMaker
    address: AddressMaker
    web_suffixes: tuple[str, ...]  # "com", "co.uk", "com.cn"
    free_mail: tuple[str, ...]  # the mail providers private people use
    email_local: EmailMaker | None = None  # how people write their address; default given.family
    extras: Mapping[str, object] = field(default_factory=dict)


def pick(rng: Random, items: Sequence[T]) -> T:
    """One item of a sequence (faster than ``rng.choice`` in the generator's inner loops)."""
    return items[int(rng.random() * len(items))]


def number(rng: Random, digits: int, first: str = "0123456789") -> str:
    """``digits`` random digits, the first one among ``first``."""
    lead = first[int(rng.random() * len(first))]
    if digits == 1:
        return lead
    return lead + f"{int(rng.random() * 10 ** (digits - 1)):0{digits - 1}d}"


def landline(rng: Random, country: Country, city: City) -> str:
    """A landline of ``city`` in E.164, e.g. ``+74951234567``."""
    area = pick(rng, city.areas)
    return f"+{country.calling_code}{area}{number(rng, city.subscriber_digits, city.first_digits)}"


def mobile(rng: Random, country: Country, city: City) -> str:
    """A mobile number of the country in E.164 (a city's number where mobiles have no prefix)."""
    plan = country.mobile
    if plan is None:
        return landline(rng, country, city)
    prefix = pick(rng, plan.prefixes)
    return f"+{country.calling_code}{prefix}{number(rng, plan.length - len(prefix))}"


_RUSSIAN_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),  # noqa: SIM905
        strict=True,
    )
)


def russian_latin(text: str) -> str:
    """Cyrillic written in Latin letters as Russians write their email addresses."""
    out = []
    for ch in text.lower():
        latin = _RUSSIAN_LATIN.get(ch)
        out.append(ch if latin is None else "" if latin == "_" else latin)
    return "".join(out)


_GERMANIC = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


@functools.cache
def ascii_slug(text: str, *, germanic: bool = False) -> str:
    """Lower-case ASCII letters and digits only: "Müller & Söhne" → "muellersoehne".

    Cached: it is called with the words of the name lists, over and over.
    """
    if germanic:
        text = text.translate(_GERMANIC)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.lower() if ch.isascii() and ch.isalnum())
