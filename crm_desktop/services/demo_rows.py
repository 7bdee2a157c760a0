"""The rows of the sample data, made a chunk of customers at a time (no database here).

:class:`SampleMaker` walks a chunk's customers in id order. For each it draws
a country, then a life that hangs together: a lead was created recently and
has bought nothing; a prospect has a deal in the pipeline; an active
customer ordered this year and its latest order came from a deal it won,
for the same amount; an inactive one last ordered over a year ago.
Everything the owner writes about a customer (job titles, tasks, calls,
deals, cases) is in the customer's language (:mod:`~crm_desktop.services.demo_data`).

Time: every timestamp lies before local midnight of the day the data is
made for, at business hours, so nothing is ever dated after now. Dates of
tasks and deals are local dates around that day: in every chunk the first
of each twelve tasks is due that very day (so a file of any size has some)
while others are overdue or coming, and the first of each six open deals
closes within the coming week.

Chunks are independent: chunk *k* draws from its own generator, seeded by
(seed, *k*), and numbers its contacts, deals and orders from 1; the writer
adds the counts of the chunks before it. So the chunks can be made in any
order, by any number of processes, and the same seed, day and time zone
always give the same rows. Nothing is kept from one chunk to the next.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from json.encoder import encode_basestring
from random import Random
from typing import Any

from crm_desktop.i18n import gettext
from crm_desktop.models.enums import DEAL_STAGE_PROBABILITY
from crm_desktop.services import settings
from crm_desktop.services.demo_data import COUNTRIES
from crm_desktop.services.demo_data.catalogue import (
    AS_WRITTEN,
    CAMPAIGNS,
    COMPANIONS,
    PRODUCTS,
    QUANTITIES,
    TAGS,
    OwnersCatalogue,
    owners_catalogue,
)
from crm_desktop.services.demo_data.model import Country, Language, Person, landline, mobile
from crm_desktop.services.money import currency_exponent, line_total_cents
from crm_desktop.services.search import haystack
from crm_desktop.services.text import sort_key

Batch = dict[str, list[tuple[Any, ...]]]
Line = tuple[int, str, float, int, float]  # product id, description, quantity, price, discount

CHUNK = 1000  # customers a chunk; part of what a seed means, so never change it lightly

COLUMNS = {
    "customer": ("id", "kind", "name", "email", "phone", "website", "address", "city",
                 "country", "status", "source", "notes", "created_at", "updated_at"),
    "contact": ("id", "customer_id", "name", "position", "email", "phone", "notes", "is_primary"),
    "contact_key": ("id", "name_key"),  # each contact's sort key, made with its row
    "tag": ("id", "name"),
    "customer_tag": ("customer_id", "tag_id"),
    "product": ("id", "sku", "name", "description", "unit_price_cents", "stock_qty", "active"),
    "deal": ("id", "title", "customer_id", "contact_id", "stage", "amount_cents", "probability",
             "expected_close", "closed_at", "lost_reason"),
    "sales_order": ("id", "number", "customer_id", "deal_id", "order_date", "status", "notes"),
    "order_line": ("order_id", "product_id", "description", "quantity", "unit_price_cents",
                   "discount_pct"),
    "task": ("title", "notes", "due_date", "status", "priority", "customer_id", "contact_id",
             "deal_id", "done_at"),
    "interaction": ("customer_id", "contact_id", "kind", "occurred_at", "subject", "notes"),
    "campaign": ("id", "name", "kind", "start_date", "end_date", "location", "budget_cents",
                 "notes"),
    "campaign_member": ("campaign_id", "customer_id", "status"),
    "service_case": ("customer_id", "product_id", "kind", "subject", "description", "status",
                     "priority", "opened_at", "resolved_at", "resolution", "cost_cents"),
    "audit_log": ("at", "entity", "entity_id", "action", "changes"),
    # Last: the triggers of schema 6 mark a customer's row stale when its contacts or
    # tags are inserted, so the row goes in after them.
    "customer_search": ("id", "haystack", "name_key", "stamp"),
}  # fmt: skip
TABLES = tuple(COLUMNS)  # in an order that satisfies every foreign key
# The columns that hold a chunk's own numbering of contacts, deals and orders.
LOCAL_IDS = {
    "contact": {"id": "contact"},
    "contact_key": {"id": "contact"},
    "deal": {"id": "deal", "contact_id": "contact"},
    "sales_order": {"id": "sales_order", "number": "sales_order", "deal_id": "deal"},
    "order_line": {"order_id": "sales_order"},
    "task": {"contact_id": "contact", "deal_id": "deal"},
    "interaction": {"contact_id": "contact"},
}

OLDEST_DAYS = 4 * 365  # the oldest customer was created this many days before the day
LATEST_DAYS = 200  # the farthest date ahead (deals, tasks, campaigns)
_MARGIN = 40  # expected close dates stray a few days either side of that range
_OPENS, _CLOSES = 8 * 60 + 30, 18 * 60 + 30  # business hours, in minutes after local midnight

_STATUSES = ("lead", "prospect", "active", "inactive")
_STATUS_WEIGHTS = tuple(itertools.accumulate((15, 15, 55, 15)))
_KINDS = ("call", "call", "call", "email", "email", "email", "meeting", "note", "note", "visit")
_LINE_COUNTS = (1, 2, 3, 4, 5, 6, 7, 8)
_LINE_WEIGHTS = tuple(itertools.accumulate((12, 16, 17, 16, 13, 11, 8, 7)))
_PRIORITIES = ("low", "normal", "normal", "normal", "normal", "high", "high", "urgent")
_OPEN_STAGES = ("new", "qualified", "proposal", "negotiation")
_DISCOUNTS = (0.0,) * 13 + (5.0, 5.0, 5.0, 10.0, 10.0, 15.0, 15.0)
_PERSON_DISCOUNTS = (0.0,) * 9 + (5.0,)
_FAMILIES = ("chairs", "desks", "storage", "tech", "printers", "supplies", "coffee",
             "lighting", "warehouse", "services")  # fmt: skip
_FAMILY_WEIGHTS = tuple(itertools.accumulate((14, 10, 8, 14, 10, 18, 9, 6, 5, 6)))
_COUNTRY_WEIGHTS = tuple(itertools.accumulate(country.weight for country in COUNTRIES))
_FURNITURE = ("chairs", "desks", "storage", "warehouse")


def _product_ids(family: str) -> tuple[int, ...]:
    return tuple(i for i, p in enumerate(PRODUCTS, start=1) if p.active and p.family == family)


_BY_FAMILY = {family: _product_ids(family) for family in _FAMILIES}
# For each family, the pool of products an order about it draws from, for every subset of
# its companions (a bit mask): made once, so that an order only draws indices.
_POOLS = {
    family: tuple(
        tuple(
            dict.fromkeys(
                _BY_FAMILY[family]
                + tuple(
                    pid
                    for bit, companion in enumerate(COMPANIONS[family])
                    if mask >> bit & 1 and companion != family
                    for pid in _BY_FAMILY[companion]
                )
            )
        )
        for mask in range(1 << len(COMPANIONS[family]))
    )
    for family in _FAMILIES
}
# For each product (by id - 1): quantities for a company, for a private customer, and
# whether it counts as a piece of furniture to assemble.
_QUANTITIES = tuple(
    (
        tuple(float(q) for q in QUANTITIES[p.unit]),
        tuple(float(q) for q in QUANTITIES[p.unit][:4]),
        p.unit == "piece" and p.family in _FURNITURE,
    )
    for p in PRODUCTS
)
_SKU_ID = {product.sku: index for index, product in enumerate(PRODUCTS, start=1)}
_ASSEMBLY = _SKU_ID["SRV-9003"]
_DELIVERY = _SKU_ID["SRV-9004"]
_EXPRESS = _SKU_ID["SRV-9005"]
_TITLES: dict[tuple[str, str], tuple[str, ...]] = {}


def _titles(language: Language, family: str) -> tuple[str, ...]:
    """The deal titles of a language about ``family`` (all of them if none is)."""
    key = (language.code, family)
    if key not in _TITLES:
        titles = tuple(title for title, of in language.deal_titles if of == family)
        _TITLES[key] = titles or tuple(title for title, _of in language.deal_titles)
    return _TITLES[key]


def _weighted(draw: float, items: Sequence[Any], cumulative: tuple[int, ...]) -> Any:
    """The item that ``draw`` (in [0, 1)) falls on, by cumulative weights."""
    return items[bisect.bisect(cumulative, draw * cumulative[-1])]


class SampleMaker:
    """Makes the rows of the sample data for the day ``on``: the fixed tables, then chunks."""

    def __init__(self, seed: int, on: date, catalogue: OwnersCatalogue = AS_WRITTEN):
        self.seed = seed
        self.on = on
        # The price list, tags and campaigns in the owner's language and currency.
        self.catalogue = catalogue
        self.tags = catalogue.tags
        self.prices = catalogue.prices
        self._repair_costs = (0, catalogue.price(4500), catalogue.price(8900))
        self._smallest_deal = catalogue.price(10000)  # the list's $100
        self._deal_rounding = -(catalogue.exponent + 2)  # whole hundreds of the currency
        self.rng = Random(f"crm-demo:{seed}:fixed")
        # Local dates as text, by offset from ``on``.
        self._dates = [
            (on + timedelta(days=offset)).isoformat()
            for offset in range(-OLDEST_DAYS - _MARGIN, LATEST_DAYS + _MARGIN)
        ]
        # For each day back: its local midnight in UTC as (that UTC date, the next one,
        # minutes after UTC midnight), so that a local time of day becomes UTC text cheaply.
        self._midnights = []
        for days_ago in range(OLDEST_DAYS + 1):
            local = datetime.combine(on - timedelta(days=days_ago), time()).astimezone()
            utc = local.astimezone(UTC)
            self._midnights.append(
                (
                    utc.date().isoformat(),
                    (utc.date() + timedelta(days=1)).isoformat(),
                    utc.hour * 60 + utc.minute,
                )
            )
        self._reset()

    def _reset(self) -> None:
        self.contact_id = self.deal_id = self.order_id = 0
        self.tasks_made = self.open_deals_made = 0

    # -- time -----------------------------------------------------------------------------
    def date(self, offset: int) -> str:
        """The local date ``offset`` days from the day of the data (negative: before it)."""
        return self._dates[offset + OLDEST_DAYS + _MARGIN]

    def stamp(self, days_ago: int) -> str:
        """A UTC timestamp at business hours, ``days_ago`` (≥ 1) local days before the day."""
        random = self.rng.random
        first, second, start = self._midnights[days_ago]
        total = start + _OPENS + int(random() * (_CLOSES - _OPENS))
        if total >= 1440:
            first, total = second, total - 1440
        return f"{first}T{total // 60:02d}:{total % 60:02d}:{int(random() * 60):02d}Z"

    # -- the tables that do not grow with the customers -------------------------------------
    def fixed_rows(self) -> Batch:
        """The price list (with its stock), the tags and the campaigns."""
        random = self.rng.random
        products = []
        for index, product in enumerate(PRODUCTS, start=1):
            if product.is_service:
                stock = 0.0
            elif product.price_cents >= 20000:
                stock = float(int(random() * 40))
            else:
                stock = float(int(random() * 400))
            products.append(
                (
                    index,
                    product.sku,
                    self.catalogue.names[index - 1],
                    self.catalogue.descriptions[index - 1],
                    self.prices[index - 1],
                    stock,
                    1 if product.active else 0,
                )
            )
        campaigns = [
            (
                index,
                self.catalogue.campaigns[index - 1],
                campaign.kind,
                self.date(campaign.start),
                self.date(campaign.start + campaign.days),
                campaign.location,
                self.catalogue.budgets[index - 1],
                None,
            )
            for index, campaign in enumerate(CAMPAIGNS, start=1)
        ]
        return {
            "product": products,
            "tag": [(index, name) for index, name in enumerate(self.tags, start=1)],
            "campaign": campaigns,
        }

    # -- customers ---------------------------------------------------------------------------
    def chunk(self, index: int, first_id: int, count: int) -> Batch:
        """Every row of the customers ``first_id`` … ``first_id + count - 1`` (chunk ``index``).

        Contacts, deals and orders are numbered from 1 within the chunk (see LOCAL_IDS).
        """
        self.rng = Random(f"crm-demo:{self.seed}:{index}")
        self._reset()
        rows: Batch = {table: [] for table in TABLES}
        for customer_id in range(first_id, first_id + count):
            self._customer(rows, customer_id)
        return rows

    def _customer(self, rows: Batch, customer_id: int) -> None:
        rng = self.rng
        random = rng.random
        country: Country = _weighted(random(), COUNTRIES, _COUNTRY_WEIGHTS)
        language = country.language
        cities = country.cities
        city = cities[int(random() * len(cities))]
        status = _weighted(random(), _STATUSES, _STATUS_WEIGHTS)
        is_company = random() < 0.65
        if status == "lead":
            age = 1 + int(random() * 180)
        elif status == "prospect":
            age = 7 + int(random() * 540)
        elif status == "active":
            age = 60 + int(random() * (OLDEST_DAYS - 60))
        else:
            age = 400 + int(random() * (OLDEST_DAYS - 400))

        website = None
        if is_company:
            name, slug = country.company(rng, city)
            suffixes = country.web_suffixes
            domain = f"{slug}.{suffixes[int(random() * len(suffixes))]}"
            mailboxes = language.mailboxes
            email = f"{mailboxes[int(random() * len(mailboxes))]}@{domain}"
            if random() < 0.85:
                website = f"www.{domain}"
            phone = landline(rng, country, city) if random() < 0.88 else None
        else:
            person = country.person(rng, random() < 0.5)
            name = person.name
            providers = country.free_mail
            domain = providers[int(random() * len(providers))]
            email = f"{self._local_part(country, person, domain)}@{domain}"
            draw = random()
            if draw < 0.8:
                phone = mobile(rng, country, city)
            else:
                phone = landline(rng, country, city) if draw < 0.9 else None
        created = self.stamp(age)
        notes = language.customer_notes
        kept_email = email if random() < 0.93 else None
        address = country.address(rng, city, is_company)
        source = language.sources[int(random() * len(language.sources))]
        note = notes[int(random() * len(notes))] if random() < 0.1 else None
        updated = self.stamp(1 + int(random() * (age - 1))) if age > 1 else created
        rows["customer"].append(
            (
                customer_id,
                "company" if is_company else "person",
                name,
                kept_email,
                phone,
                website,
                address,
                city.name,
                country.name,
                status,
                source,
                note,
                created,
                updated,
            )
        )
        rows["audit_log"].append(
            (
                created,
                "customer",
                customer_id,
                "create",
                f'{{"name": [null, {encode_basestring(name)}], "source": "sample data"}}',
            )
        )
        contacts = self._contacts(rows, customer_id, country, city, domain) if is_company else []
        tag_ids: list[int] = []
        if random() < 0.3:
            first_tag = 1 + int(random() * len(TAGS))
            rows["customer_tag"].append((customer_id, first_tag))
            tag_ids.append(first_tag)
            if random() < 0.3:
                second = 1 + (first_tag + int(random() * (len(TAGS) - 1))) % len(TAGS)
                rows["customer_tag"].append((customer_id, second))
                tag_ids.append(second)
        tags = [self.tags[tag_id - 1] for tag_id in sorted(tag_ids)]  # as the index reads them
        # Its search row, from the values in hand (made here, in the helper processes).
        people = [
            (c[2], c[4], c[5]) for c in rows["contact"][len(rows["contact"]) - len(contacts) :]
        ]
        rows["customer_search"].append(
            (
                customer_id,
                haystack((name, kept_email, phone, city.name, country.name), people, tags),
                sort_key(name),
                updated,
            )
        )
        self._life(rows, customer_id, language, status, age, is_company, contacts)
        for index, campaign in enumerate(CAMPAIGNS, start=1):
            if (campaign.region is None or campaign.region == country.region) and (
                random() < campaign.share
            ):
                rows["campaign_member"].append(
                    (index, customer_id, self._member_status(campaign.kind, campaign.start))
                )

    def _local_part(self, country: Country, person: Person, domain: str) -> str:
        if country.email_local is not None:
            return country.email_local(self.rng, person, domain)
        return f"{person.given}.{person.family}"

    def _contacts(
        self, rows: Batch, customer_id: int, country: Country, city: Any, domain: str
    ) -> list[int]:
        """The people at a company, each in a job of their own; the first runs it, most often."""
        rng = self.rng
        random = rng.random
        draw = random()
        count = 0 if draw < 0.05 else 1 if draw < 0.45 else 2 if draw < 0.8 else 3
        if draw > 0.95:
            count = 4
        if not count:
            return []
        language = country.language
        positions = language.positions
        leading = language.leading_positions
        if random() < 0.6:
            jobs = [int(random() * leading)]
        else:
            jobs = [leading + int(random() * (len(positions) - leading))]
        while len(jobs) < count:
            job = leading + int(random() * (len(positions) - leading))
            if job not in jobs:
                jobs.append(job)
        office = landline(rng, country, city)
        ids = []
        for index, job in enumerate(jobs):
            female = random() < 0.5
            person = country.contact(rng, female)
            draw = random()
            if draw < 0.55:
                phone: str | None = mobile(rng, country, city)
            elif draw < 0.75:
                phone = f"{office} ext. {int(random() * 900) + 100}"
            else:
                phone = None
            email = None
            if random() < 0.8:
                if language.code == "zh":
                    local = f"{person.family}{person.given}"
                elif random() < 0.7:
                    local = f"{person.given}.{person.family}"
                else:
                    local = f"{person.given[0]}.{person.family}"
                email = f"{local}@{domain}"
            self.contact_id += 1
            rows["contact"].append(
                (
                    self.contact_id,
                    customer_id,
                    person.name,
                    positions[job][1 if female else 0],
                    email,
                    phone,
                    None,
                    1 if index == 0 else 0,
                )
            )
            rows["contact_key"].append((self.contact_id, sort_key(person.name)))
            ids.append(self.contact_id)
        return ids

    # -- what happened with a customer -------------------------------------------------------
    def _life(
        self,
        rows: Batch,
        customer_id: int,
        language: Language,
        status: str,
        age: int,
        is_company: bool,
        contacts: list[int],
    ) -> None:
        rng = self.rng
        random = rng.random
        n_contacts = len(contacts)

        def someone() -> int | None:
            return contacts[int(random() * n_contacts)] if n_contacts else None

        # Orders, oldest first; an active customer ordered within the year, an inactive one not.
        order_ages: list[int] = []
        if status == "active":
            count = 1 + (random() < 0.45) + (random() < 0.2)
            order_ages = [1 + int(random() * min(age - 1, 364))]
            order_ages += [1 + int(random() * min(age - 1, 3 * 365)) for _ in range(count - 1)]
        elif status == "inactive":
            count = 1 + (random() < 0.35)
            order_ages = [365 + int(random() * (age - 365)) for _ in range(count)]
        elif status == "prospect" and random() < 0.25:
            order_ages = [1 + int(random() * min(age - 1, 30))]  # a quote, still a draft
        order_ages.sort(reverse=True)
        won = status in ("active", "inactive") and random() < (0.3 if status == "active" else 0.2)
        last = len(order_ages) - 1
        for index, days_ago in enumerate(order_ages):
            family = _weighted(random(), _FAMILIES, _FAMILY_WEIGHTS)
            lines = self._basket(family, is_company)
            deal_id = self._next_deal_id() if won and index == last else None
            self._order(rows, customer_id, deal_id, days_ago, lines, status == "prospect")
            if deal_id is not None:  # the deal it came from, worth exactly the order
                total = sum(
                    line_total_cents(Decimal(repr(q)), price, Decimal(repr(discount)))
                    for _product, _text, q, price, discount in lines
                )
                rows["deal"].append(
                    (
                        deal_id,
                        self._title(language, family),
                        customer_id,
                        someone(),
                        "won",
                        total,
                        100,
                        self.date(-days_ago + int(random() * 15) - 7),
                        self.date(-days_ago),
                        None,
                    )
                )
        if random() < {"lead": 0.0, "prospect": 0.15, "active": 0.1, "inactive": 0.3}[status]:
            closed_ago = 1 + int(random() * min(age - 1, 600)) if age > 1 else 1
            family = _weighted(random(), _FAMILIES, _FAMILY_WEIGHTS)
            reasons = language.lost_reasons
            rows["deal"].append(
                (
                    self._next_deal_id(),
                    self._title(language, family),
                    customer_id,
                    someone(),
                    "lost",
                    self._deal_amount(family, is_company),
                    0,
                    self.date(-closed_ago + int(random() * 21) - 10),
                    self.date(-closed_ago),
                    reasons[int(random() * len(reasons))],
                )
            )
        open_deal = None
        if random() < {"lead": 0.4, "prospect": 0.85, "active": 0.3, "inactive": 0.0}[status]:
            if status == "lead":
                stage = "new" if random() < 0.7 else "qualified"
            elif status == "prospect":
                stage = _OPEN_STAGES[1 + int(random() * 3)]
            else:
                stage = _OPEN_STAGES[int(random() * 4)]
            self.open_deals_made += 1
            if self.open_deals_made % 6 == 1:
                closes = int(random() * 8)  # closing within the coming week
            elif random() < 0.12:
                closes = -1 - int(random() * 21)  # slipped past its date, still open
            else:
                closes = 8 + int(random() * 112)
            probability = DEAL_STAGE_PROBABILITY[stage]
            if random() < 0.2:
                probability = max(5, min(95, probability + 5 * (int(random() * 7) - 3)))
            family = _weighted(random(), _FAMILIES, _FAMILY_WEIGHTS)
            open_deal = self._next_deal_id()
            rows["deal"].append(
                (
                    open_deal,
                    self._title(language, family),
                    customer_id,
                    someone(),
                    stage,
                    self._deal_amount(family, is_company),
                    probability,
                    self.date(closes),
                    None,
                    None,
                )
            )

        chance = {"lead": 0.5, "prospect": 0.7, "active": 0.35, "inactive": 0.1}[status]
        for _ in range((random() < chance) + (random() < chance * 0.3)):
            self._task(rows, customer_id, language, someone(), open_deal)

        low, high = {"lead": (0, 2), "prospect": (0, 3), "active": (0, 3), "inactive": (0, 1)}[
            status
        ]
        subjects = language.interaction_subjects
        for _ in range(low + int(random() * (high - low + 1))):
            kind = _KINDS[int(random() * len(_KINDS))]
            # Recent contacts are the likelier: the history thins out going back.
            days_ago = min(age, 1 + int(random() * random() * min(age, 720)))
            of_kind = subjects[kind]
            rows["interaction"].append(
                (
                    customer_id,
                    someone(),
                    kind,
                    self.stamp(days_ago),
                    of_kind[int(random() * len(of_kind))],
                    None,
                )
            )
        if order_ages and random() < 0.06:
            self._service_case(rows, customer_id, language, min(age, 300))

    def _next_deal_id(self) -> int:
        self.deal_id += 1
        return self.deal_id

    def _title(self, language: Language, family: str) -> str:
        titles = _titles(language, family)
        return titles[int(self.rng.random() * len(titles))]

    def _basket(self, family: str, is_company: bool) -> list[Line]:
        """The lines of an order about ``family``, each product once."""
        random = self.rng.random
        wanted = _weighted(random(), _LINE_COUNTS, _LINE_WEIGHTS)
        pools = _POOLS[family]
        pool = pools[int(random() * len(pools))]
        if not is_company and wanted > 3:
            wanted = 3
        if wanted > len(pool):
            wanted = len(pool)
        chosen: list[int] = []
        while len(chosen) < wanted:
            product_id = pool[int(random() * len(pool))]
            if product_id not in chosen:
                chosen.append(product_id)
        names, prices = self.catalogue.names, self.prices
        discounts = _DISCOUNTS if is_company else _PERSON_DISCOUNTS
        discount = discounts[int(random() * len(discounts))]
        pieces = 0
        lines = []
        for product_id in chosen:
            for_company, for_person, is_furniture = _QUANTITIES[product_id - 1]
            quantities = for_company if is_company else for_person
            quantity = quantities[int(random() * len(quantities))]
            if is_furniture:
                pieces += int(quantity)
            lines.append(
                (product_id, names[product_id - 1], quantity, prices[product_id - 1], discount)
            )
        if pieces >= 3 and _ASSEMBLY not in chosen and random() < 0.5:
            hours = float(max(1, pieces // 2))
            lines.append((_ASSEMBLY, names[_ASSEMBLY - 1], hours, prices[_ASSEMBLY - 1], discount))
        if family != "services":
            draw = random()
            if draw < 0.35:
                lines.append((_DELIVERY, names[_DELIVERY - 1], 1.0, prices[_DELIVERY - 1], 0.0))
            elif draw < 0.45:
                lines.append((_EXPRESS, names[_EXPRESS - 1], 1.0, prices[_EXPRESS - 1], 0.0))
        return lines

    def _deal_amount(self, family: str, is_company: bool) -> int:
        """What a deal about ``family`` is worth: a basket of it, in whole hundreds."""
        random = self.rng.random
        products = _BY_FAMILY[family]
        scale = (5, 10, 20, 40) if is_company else (1, 2, 3)
        total = 0
        for _ in range(1 + int(random() * 3)):
            product_id = products[int(random() * len(products))]
            quantities = _QUANTITIES[product_id - 1][0]
            quantity = max(1, int(quantities[int(random() * len(quantities))]))
            total += self.prices[product_id - 1] * quantity * scale[int(random() * len(scale))]
        return max(self._smallest_deal, round(total, self._deal_rounding))

    def _order(
        self,
        rows: Batch,
        customer_id: int,
        deal_id: int | None,
        days_ago: int,
        lines: list[Line],
        quote: bool,
    ) -> None:
        draw = self.rng.random()
        if quote:
            status = "draft"
        elif days_ago <= 3:
            status = "draft" if draw < 0.2 else "confirmed" if draw < 0.65 else "paid"
        elif days_ago <= 14:
            status = "confirmed" if draw < 0.3 else "paid" if draw < 0.7 else "shipped"
        else:
            status = "shipped" if draw < 0.5 else "paid" if draw < 0.94 else "cancelled"
        if deal_id is not None and status in ("draft", "cancelled"):
            status = "confirmed"  # a won deal's order is a real one
        self.order_id += 1
        order_id = self.order_id
        # The number is a placeholder until the writer numbers the orders by date.
        rows["sales_order"].append(
            (order_id, order_id, customer_id, deal_id, self.date(-days_ago), status, None)
        )
        rows["order_line"].extend([(order_id, *line) for line in lines])

    def _task(
        self,
        rows: Batch,
        customer_id: int,
        language: Language,
        contact: int | None,
        deal: int | None,
    ) -> None:
        random = self.rng.random
        self.tasks_made += 1
        done_at = None
        if self.tasks_made % 12 == 1:
            due, status = 0, "open"  # due today
        else:
            draw = random()
            if draw < 0.22:
                due, status = -1 - int(random() * 14), "open"  # overdue
            elif draw < 0.47:
                due, status = -1 - int(random() * 60), "done"
                done_at = self.stamp(-due)
            elif draw < 0.52:
                due, status = -1 - int(random() * 60), "cancelled"
            else:
                due, status = 1 + int(random() * 30), "open"
        titles = language.task_titles
        rows["task"].append(
            (
                titles[int(random() * len(titles))],
                None,
                self.date(due),
                status,
                _PRIORITIES[int(random() * len(_PRIORITIES))],
                customer_id,
                contact,
                deal,
                done_at,
            )
        )

    def _service_case(self, rows: Batch, customer_id: int, language: Language, span: int) -> None:
        random = self.rng.random
        subjects = language.case_subjects
        subject, kind, family = subjects[int(random() * len(subjects))]
        product_id = None
        if family is not None:
            products = _BY_FAMILY[family]
            product_id = products[int(random() * len(products))]
        opened_ago = 1 + int(random() * span)
        draw = random()
        if opened_ago < 3:
            status = "open" if draw < 0.6 else "in_progress"
        else:
            status = "closed" if draw < 0.5 else "resolved" if draw < 0.85 else "in_progress"
        resolved = status in ("resolved", "closed")
        resolutions = language.resolutions
        rows["service_case"].append(
            (
                customer_id,
                product_id,
                kind,
                subject,
                None,
                status,
                ("low", "normal", "normal", "high")[int(random() * 4)],
                self.stamp(opened_ago),
                self.stamp(1 + int(random() * (opened_ago - 2))) if resolved else None,
                resolutions[int(random() * len(resolutions))] if resolved else None,
                self._repair_costs[int(random() * 3)] if kind == "repair" else 0,
            )
        )

    def _member_status(self, kind: str, start: int) -> str:
        random = self.rng.random
        if start > 0:
            return ("planned", "planned", "invited")[int(random() * 3)]
        if kind == "event":
            return ("invited", "attended", "attended", "converted", "declined")[int(random() * 5)]
        return ("responded", "responded", "converted", "declined", "planned")[int(random() * 5)]


def chunks_of(customers: int) -> list[tuple[int, int, int]]:
    """(chunk index, first customer id, how many) for ``customers`` customers."""
    return [
        (index, first, min(CHUNK, customers - first + 1))
        for index, first in enumerate(range(1, customers + 1, CHUNK))
    ]


def the_owners_catalogue() -> OwnersCatalogue:
    """The sample catalogue in this process's language and the file's currency (helper
    processes are given it)."""
    currency = settings.get("currency")
    return owners_catalogue(currency, currency_exponent(currency), gettext)


def make_chunks(
    seed: int,
    on: date,
    chunks: Sequence[tuple[int, int, int]],
    catalogue: OwnersCatalogue = AS_WRITTEN,
) -> list[Batch]:
    """The rows of some chunks (what a helper process is asked for)."""
    maker = _makers(seed, on, catalogue)
    return [maker.chunk(*chunk) for chunk in chunks]


_MAKER: list[SampleMaker] = []


def _makers(seed: int, on: date, catalogue: OwnersCatalogue) -> SampleMaker:
    """One maker a process, kept between calls (its time tables take a few milliseconds)."""
    if not _MAKER or (_MAKER[0].seed, _MAKER[0].on, _MAKER[0].catalogue) != (
        seed,
        on,
        catalogue,
    ):
        _MAKER[:] = [SampleMaker(seed, on, catalogue)]
    return _MAKER[0]


ChunkSource = Callable[[Sequence[tuple[int, int, int]]], list[Batch]]
