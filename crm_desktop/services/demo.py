"""Sample data: a believable small business, deterministic for a seed and a day.

``crm-desktop demo`` and the first-run dialog fill an empty database with
customers in several scripts (English, Russian, Chinese, German, French,
Spanish and Arabic names), their contacts, tags, a price list, a few years of
orders with lines, deals in every stage, tasks (some overdue, some due
today), interactions, campaigns and service cases. Dates are relative to
``today`` so the sample always looks current; the same seed and day always
give the same data.

It is a bulk path: rows are built in memory and written with the raw
connection's ``executemany`` inside one transaction (peewee's
``insert_many`` is many times slower at 100,000 customers), so a cancel or
a failure leaves the database as it was.
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.models.enums import DEAL_STAGE_PROBABILITY
from crm_desktop.services import search, settings
from crm_desktop.services.changes import after_commit, before_bulk_change, notify, transaction
from crm_desktop.services.clock import TIMESTAMP_FORMAT, today
from crm_desktop.services.demo_names import (
    CAMPAIGNS,
    CASE_SUBJECTS,
    DEAL_TITLES,
    INTERACTION_SUBJECTS,
    LOCAL_POSITIONS,
    LOCAL_SOURCES,
    LOCALES,
    LOST_REASONS,
    POSITIONS,
    PRODUCT_LINES,
    SOURCES,
    TAGS,
    TASK_TITLES,
)
from crm_desktop.services.search import haystack
from crm_desktop.services.text import ascii_fold, sort_key

Progress = Callable[[int, int], None]

_LOCALE_KEYS = list(LOCALES)
_LOCALE_WEIGHTS = [LOCALES[key]["weight"] for key in _LOCALE_KEYS]


@dataclass
class DemoResult:
    """How many rows of each table the sample data added."""

    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Rows:
    customer: list[tuple] = field(default_factory=list)
    contact: list[tuple] = field(default_factory=list)
    tag: list[tuple] = field(default_factory=list)
    customer_tag: list[tuple] = field(default_factory=list)
    product: list[tuple] = field(default_factory=list)
    deal: list[tuple] = field(default_factory=list)
    sales_order: list[tuple] = field(default_factory=list)
    order_line: list[tuple] = field(default_factory=list)
    task: list[tuple] = field(default_factory=list)
    interaction: list[tuple] = field(default_factory=list)
    campaign: list[tuple] = field(default_factory=list)
    campaign_member: list[tuple] = field(default_factory=list)
    service_case: list[tuple] = field(default_factory=list)
    customer_search: list[tuple] = field(default_factory=list)
    audit_log: list[tuple] = field(default_factory=list)


COLUMNS = {
    "customer": ("id", "kind", "name", "email", "phone", "website", "address", "city",
                 "country", "status", "source", "notes", "created_at", "updated_at"),
    "contact": ("id", "customer_id", "name", "position", "email", "phone", "notes", "is_primary"),
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
    "customer_search": ("id", "haystack", "name_key", "stamp"),
    "audit_log": ("at", "entity", "entity_id", "action", "changes"),
}  # fmt: skip

INSERT_ORDER = tuple(COLUMNS)


@functools.cache
def in_language(options: tuple[str, ...], key: str) -> tuple[str, ...]:
    """The sample texts written in the script of locale ``key`` (Latin ones elsewhere)."""

    def script(text: str) -> str:
        if any("\u0400" <= ch <= "\u04ff" for ch in text):
            return "ru"
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            return "zh"
        return "latin"

    wanted = key if key in ("ru", "zh") else "latin"
    return tuple(o for o in options if script(o) == wanted) or tuple(
        o for o in options if script(o) == "latin"
    )


def agreed_surname(key: str, first: str, last: str, last_latin: str) -> tuple[str, str]:
    """A Russian surname in the form that agrees with the first name: Елена Степанова."""
    female = first.endswith(("а", "я"))  # every female name of the sample list, no male one
    if key == "ru" and female and last.endswith(("ов", "ев", "ёв", "ин")):
        return last + "а", last_latin + "a"
    return last, last_latin


def insert_sql(table: str) -> str:
    columns = COLUMNS[table]
    marks = ", ".join("?" * len(columns))
    return f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})'


class _Generator:
    def __init__(self, customers: int, seed: int, on: date):
        self.n = customers
        self.rng = random.Random(seed)
        self.today = on
        self.now = datetime(on.year, on.month, on.day, 9, 0, tzinfo=UTC)
        self.rows = _Rows()
        self.key = "en"  # the locale of the customer being made

    # -- little helpers -------------------------------------------------------------
    def stamp(self, days_ago: float) -> str:
        return (self.now - timedelta(days=days_ago)).strftime(TIMESTAMP_FORMAT)

    def day(self, offset: int) -> str:
        return (self.today + timedelta(days=offset)).isoformat()

    def phone(self, country_code: str, digits: int) -> str:
        rng = self.rng
        if country_code == "1":  # NANP: area and exchange codes start with 2–9
            return f"+1{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        if country_code == "7":
            return f"+79{rng.randint(0, 10**9 - 1):09d}"
        if country_code == "86":
            return f"+861{rng.choice('3456789')}{rng.randint(0, 10**9 - 1):09d}"
        first = rng.choice("6789") if country_code in ("33", "34", "44") else rng.choice("23456789")
        return f"+{country_code}{first}{rng.randint(0, 10 ** (digits - 1) - 1):0{digits - 1}d}"

    # -- tables ----------------------------------------------------------------------
    def products(self) -> None:
        rng = self.rng
        variants = ("", " Pro", " Lite", " XL", " — black", " — white", " (set of 4)")
        product_id = 0
        for base_name, category, price in PRODUCT_LINES:
            for variant in variants:
                product_id += 1
                cents = max(100, int(price * rng.uniform(0.8, 1.6)) // 10 * 10)
                self.rows.product.append(
                    (
                        product_id,
                        f"{category[:3].upper()}-{product_id:04d}",
                        base_name + variant,
                        f"{category}: {base_name}{variant}",
                        cents,
                        float(rng.randint(0, 500)),
                        0 if rng.random() < 0.05 else 1,
                    )
                )
        self.prices = [(row[0], row[2], row[4]) for row in self.rows.product]

    def tags(self) -> None:
        self.rows.tag.extend((i + 1, name) for i, name in enumerate(TAGS))

    def customer(self, customer_id: int) -> None:
        rng = self.rng
        key = rng.choices(_LOCALE_KEYS, _LOCALE_WEIGHTS)[0]
        self.key = key  # the customer's deals, tasks and conversations speak its language
        loc = LOCALES[key]
        city = rng.choice(loc["cities"])
        country = loc["countries"].get(city) or loc.get("country", "")
        code, digits = loc["phone"][country]
        is_company = rng.random() < 0.65
        first, first_latin = rng.choice(loc["first"])
        last, last_latin = agreed_surname(key, first, *rng.choice(loc["last"]))
        tld = rng.choice(loc["tld"]) if key != "ru" else rng.choice(("ru", "com"))
        if is_company:
            word = rng.choice(loc["company_words"])
            kind_word = rng.choice(loc["company_kinds"])
            form = rng.choice(loc["company_forms"])
            word, word_latin = word if isinstance(word, tuple) else (word, word)
            kind_word, kind_latin = (
                kind_word if isinstance(kind_word, tuple) else (kind_word, kind_word)
            )
            if key == "ru":
                name = (
                    f"ИП {last} {first[0]}."
                    if form == "ИП"
                    else f"{form} «{word}{kind_word.lower()}»"
                )
            elif key == "zh":
                name = f"{city}{word}{kind_word}{form}"
            elif key == "ar":
                name = f"{word} {kind_word} {form}"
            else:
                name = f"{word} {kind_word} {form}"
            slug = ascii_fold(f"{word_latin}{kind_latin}").lower()
            slug = "".join(ch for ch in slug if ch.isalnum())
            email = f"{rng.choice(('info', 'sales', 'office', 'hello'))}@{slug}.{tld}"
            website = f"www.{slug}.{tld}"
        else:
            name = f"{last}{first}" if key == "zh" else f"{first} {last}"
            domain = rng.choice(("gmail.com", "outlook.com", f"mail.{tld}"))
            local = f"{first_latin}.{last_latin}{rng.randint(1, 99)}"
            email = ascii_fold(f"{local}@{domain}").lower().replace("'", "")
            website = None
        kept_email: str | None = email if rng.random() < 0.92 else None
        email = kept_email or ""
        phone = self.phone(code, digits) if rng.random() < 0.9 else None
        status = rng.choices(("lead", "prospect", "active", "inactive"), (15, 15, 60, 10))[0]
        created_days = rng.uniform(1, 4 * 365)
        created = self.stamp(created_days)
        updated = self.stamp(rng.uniform(0, created_days))
        notes = rng.choice(
            (
                None,
                None,
                None,
                "Pays on time.",
                "Prefers email.",
                "Ключевой клиент региона.",
                "需要增值税发票。",
                "=Formula-looking note",
            )
        )
        street = rng.choice(("Main St", "High Street", "ул. Ленина", "中山路", "Hauptstraße"))
        address = f"{rng.randint(1, 250)} {street}"
        self.rows.customer.append(
            (
                customer_id,
                "company" if is_company else "person",
                name,
                kept_email,
                phone,
                website,
                address,
                city,
                country,
                status,
                rng.choice(LOCAL_SOURCES.get(key, SOURCES)),
                notes,
                created,
                updated,
            )
        )
        contacts = []
        n_contacts = (
            rng.choices((0, 1, 2, 3), (5, 45, 35, 15))[0] if is_company else rng.choice((0, 1))
        )
        for index in range(n_contacts):
            c_first, c_first_latin = rng.choice(loc["first"])
            c_last, c_last_latin = agreed_surname(key, c_first, *rng.choice(loc["last"]))
            c_name = f"{c_last}{c_first}" if key == "zh" else f"{c_first} {c_last}"
            c_email = (
                ascii_fold(f"{c_first_latin}.{c_last_latin}").lower().replace("'", "")
                + "@"
                + email.split("@")[1]
                if email and rng.random() < 0.8
                else None
            )
            c_phone = self.phone(code, digits) if rng.random() < 0.7 else None
            self.contact_id += 1
            contacts.append((c_name, c_email, c_phone))
            self.rows.contact.append(
                (
                    self.contact_id,
                    customer_id,
                    c_name,
                    rng.choice(LOCAL_POSITIONS.get(key, POSITIONS)),
                    c_email,
                    c_phone,
                    None,
                    1 if index == 0 else 0,
                )
            )
        self.customer_contacts = (self.contact_id - n_contacts + 1, n_contacts)
        tag_names = []
        if rng.random() < 0.3:
            for tag_id in rng.sample(range(1, len(TAGS) + 1), rng.choice((1, 1, 2))):
                self.rows.customer_tag.append((customer_id, tag_id))
                tag_names.append(TAGS[tag_id - 1])
        self.rows.customer_search.append(
            (
                customer_id,
                haystack((name, email, phone, city, country), contacts, tag_names),
                sort_key(name),
                updated,
            )
        )
        self.rows.audit_log.append(
            (
                created,
                "customer",
                customer_id,
                "create",
                json.dumps({"name": [None, name], "source": "sample data"}, ensure_ascii=False),
            )
        )
        self.activity(customer_id, status, created_days)

    def contact_of(self, customer_id: int) -> int | None:
        first, count = self.customer_contacts
        return first + self.rng.randrange(count) if count else None

    def activity(self, customer_id: int, status: str, age_days: float) -> None:
        rng = self.rng
        deal_ids = []
        if rng.random() < 0.3:
            self.deal_id += 1
            stage = rng.choices(
                ("new", "qualified", "proposal", "negotiation", "won", "lost"),
                (15, 15, 15, 10, 30, 15),
            )[0]
            closed = stage in ("won", "lost")
            probability = DEAL_STAGE_PROBABILITY[stage]
            if not closed and rng.random() < 0.2:
                probability = rng.choice((5, 20, 40, 60, 90))
            self.rows.deal.append(
                (
                    self.deal_id,
                    rng.choice(in_language(DEAL_TITLES, self.key)),
                    customer_id,
                    self.contact_of(customer_id),
                    stage,
                    rng.randint(5, 2000) * 1000,
                    probability,
                    self.day(rng.randint(-20, 120))
                    if not closed
                    else self.day(-rng.randint(1, 300)),
                    self.day(-rng.randint(1, 300)) if closed else None,
                    rng.choice(LOST_REASONS) if stage == "lost" else None,
                )
            )
            deal_ids.append(self.deal_id)
        if status in ("active", "inactive") or rng.random() < 0.2:
            for _ignored in range(
                rng.choices((0, 1, 2, 3), (10, 55, 25, 10))[0] if status != "lead" else 1
            ):
                self.order(customer_id, deal_ids, age_days)
        if rng.random() < 0.3:
            due = rng.randint(-30, 30)
            status_t = (
                "open"
                if due >= -3 or rng.random() < 0.3
                else rng.choice(("done", "done", "cancelled"))
            )
            self.rows.task.append(
                (
                    rng.choice(in_language(TASK_TITLES, self.key)),
                    None,
                    self.day(due),
                    status_t,
                    rng.choices(("low", "normal", "high", "urgent"), (20, 55, 20, 5))[0],
                    customer_id,
                    self.contact_of(customer_id),
                    deal_ids[0] if deal_ids else None,
                    self.stamp(max(0, -due)) if status_t == "done" else None,
                )
            )
        for _ignored in range(rng.choices((0, 1, 2), (30, 45, 25))[0]):
            kind = rng.choice(("call", "call", "meeting", "email", "email", "note", "visit"))
            self.rows.interaction.append(
                (
                    customer_id,
                    self.contact_of(customer_id),
                    kind,
                    self.stamp(rng.uniform(0, min(age_days, 720))),
                    rng.choice(in_language(INTERACTION_SUBJECTS[kind], self.key)),
                    None,
                )
            )
        if rng.random() < 0.05:
            state = rng.choice(("open", "in_progress", "resolved", "closed"))
            opened = rng.uniform(1, 200)
            self.rows.service_case.append(
                (
                    customer_id,
                    rng.choice(self.prices)[0] if rng.random() < 0.7 else None,
                    rng.choice(("question", "complaint", "repair", "warranty", "return")),
                    rng.choice(in_language(CASE_SUBJECTS, self.key)),
                    None,
                    state,
                    rng.choice(("low", "normal", "high")),
                    self.stamp(opened),
                    self.stamp(opened * rng.uniform(0, 0.9))
                    if state in ("resolved", "closed")
                    else None,
                    "Replaced under warranty." if state in ("resolved", "closed") else None,
                    rng.choice((0, 0, 1500, 4500)),
                )
            )

    def order(self, customer_id: int, deal_ids: list[int], age_days: float) -> None:
        rng = self.rng
        self.order_id += 1
        order_date = self.today - timedelta(days=int(rng.uniform(0, min(age_days, 3 * 365))))
        year = order_date.year
        self.sequence[year] = self.sequence.get(year, 0) + 1
        status = rng.choices(
            ("draft", "confirmed", "paid", "shipped", "cancelled"), (5, 15, 40, 35, 5)
        )[0]
        self.rows.sales_order.append(
            (
                self.order_id,
                f"SO-{year}-{self.sequence[year]:04d}",
                customer_id,
                deal_ids[0] if deal_ids and rng.random() < 0.5 else None,
                order_date.isoformat(),
                status,
                None,
            )
        )
        for _ignored in range(
            rng.choices((1, 2, 3, 4, 5, 6, 7, 8, 9), (4, 6, 8, 10, 10, 9, 7, 6, 5))[0]
        ):
            product_id, name, price = rng.choice(self.prices)
            quantity = rng.choice((1, 1, 1, 2, 2, 3, 5, 10, 0.5, 1.25, 2.5))
            discount = rng.choice((0, 0, 0, 0, 5, 10, 12.5, 15))
            self.rows.order_line.append(
                (self.order_id, product_id, name, float(quantity), price, float(discount))
            )

    def campaigns(self, customer_ids: range) -> None:
        rng = self.rng
        for index, (name, kind, location) in enumerate(CAMPAIGNS, start=1):
            start = rng.randint(-400, 60)
            self.rows.campaign.append(
                (
                    index,
                    name,
                    kind,
                    self.day(start),
                    self.day(start + rng.randint(0, 30)),
                    location,
                    rng.randint(5, 200) * 10000,
                    None,
                )
            )
            size = min(len(customer_ids), max(1, self.n // 40))
            for customer_id in rng.sample(customer_ids, size):
                self.rows.campaign_member.append(
                    (
                        index,
                        customer_id,
                        rng.choice(
                            ("planned", "invited", "responded", "attended", "converted", "declined")
                        ),
                    )
                )

    def build(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> _Rows:
        self.contact_id = self.deal_id = self.order_id = 0
        self.sequence: dict[int, int] = {}
        self.products()
        self.tags()
        for customer_id in range(1, self.n + 1):
            self.customer(customer_id)
            if customer_id % 2000 == 0:
                if cancelled is not None and cancelled():
                    raise CancelledError()
                if progress is not None:
                    progress(customer_id, self.n * 2)
        self.campaigns(range(1, self.n + 1))
        return self.rows


def build_rows(customers: int, seed: int = 1, on: date | None = None) -> _Rows:
    """The sample rows for an empty database, without writing them (the benchmark's input)."""
    return _Generator(customers, seed, on or today()).build(None, None)


def generate(
    *,
    customers: int = 200,
    seed: int = 1,
    on: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoResult:
    """Fill an empty database with sample data; a cancel or failure leaves it empty."""
    if customers < 1:
        raise CrmError(_("Sample data needs at least one customer."))
    if customers > 1_000_000:
        raise CrmError(_("Sample data is limited to 1,000,000 customers."))
    used = database.execute_sql(
        "SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM product) "
        "+ (SELECT count(*) FROM sales_order) + (SELECT count(*) FROM tag)"
    ).fetchone()[0]
    if used:
        raise CrmError(
            _(
                "Sample data goes into an empty database only; this one already has data. "
                "Use --db with a new file name."
            )
        )
    before_bulk_change("loading sample data")
    rows = _Generator(customers, seed, on or today()).build(progress, cancelled)
    result = DemoResult()
    conn = database.connection()
    with transaction():
        total = sum(len(getattr(rows, table)) for table in INSERT_ORDER)
        written = 0
        for table in INSERT_ORDER:
            data = getattr(rows, table)
            for start in range(0, len(data), 50_000):
                if cancelled is not None and cancelled():
                    raise CancelledError()
                chunk = data[start : start + 50_000]
                conn.executemany(insert_sql(table), chunk)
                written += len(chunk)
                if progress is not None:
                    progress(customers + int(customers * written / max(total, 1)), customers * 2)
            result.counts[table] = len(data)
        if not settings.get("company_name"):
            settings.set_many({"company_name": "Northwind Demo Trading Ltd"})
        notify("*", (), "reload")
        # The search rows were written here directly, not through reindex_customers: the
        # memory index must reload them, whichever thread loaded the data.
        after_commit(search.MEMORY.forget)
    return result
