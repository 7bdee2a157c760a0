"""Sample data a new user believes: each country in its own language, sane prices, sane dates.

Issue 11's list: Russian women with male surnames, Chinese job titles at Russian
companies, "Consulting hour — black", a "Lite" dearer than its "Pro", a German
company found at a "выставка", 10,111 distinct names in 100,000 customers,
conversations dated after now, and no task due today in the 200-customer file.
Each test asserts on the data the generator writes.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime

import pytest

from crm_desktop.models import database
from crm_desktop.services import demo, demo_rows
from crm_desktop.services.clock import today
from crm_desktop.services.demo_data import COUNTRIES

DAY = date(2026, 6, 15)
LANGUAGE_OF = {country.name: country.language for country in COUNTRIES}


def sample_rows(customers: int, seed: int, on: date = DAY) -> dict[str, list[tuple]]:
    """The rows the sample data writes for ``customers`` customers, every chunk merged."""
    merged: dict[str, list[tuple]] = {table: [] for table in demo_rows.TABLES}
    for chunk in demo_rows.make_chunks(seed, on, demo_rows.chunks_of(customers)):
        for table, rows in chunk.items():
            merged[table].extend(rows)
    return merged


def cell(row: tuple, table: str, name: str):
    return row[demo_rows.COLUMNS[table].index(name)]


def script_of(text: str) -> str:
    """The script a text is written in: cyrillic, han, arabic or latin."""
    if re.search("[\u0400-\u04ff]", text):
        return "cyrillic"
    if re.search("[\u4e00-\u9fff]", text):
        return "han"
    if re.search("[\u0600-\u06ff]", text):
        return "arabic"
    return "latin"


SCRIPT = {"ru": "cyrillic", "zh": "han", "ar": "arabic", "de": "latin", "fr": "latin",
          "es": "latin", "en": "latin"}  # fmt: skip
# Words only the language itself would write (a German customer's texts are not English).
NATIVE = {
    "de": re.compile(r"[äöüß]|\b(der|die|das|und|mit|für|Angebot|Rechnung|Bestellung)\b", re.I),
    "fr": re.compile(r"[éèàçê]|\b(le|la|les|de|du|des|pour|avec|devis|facture)\b", re.I),
    "es": re.compile(r"[ñáéíóú]|\b(el|la|los|las|de|del|para|con|pedido|factura)\b", re.I),
}


def test_every_customers_texts_are_in_its_countrys_language_and_script():
    rows = sample_rows(3000, seed=4)
    language = {
        cell(row, "customer", "id"): LANGUAGE_OF[cell(row, "customer", "country")]
        for row in rows["customer"]
    }
    seen: dict[str, set[str]] = {}

    def check(customer_id: int, what: str, text: str, allowed) -> None:
        lang = language[customer_id]
        assert text in allowed(lang), (lang.code, what, text)
        if what != "name" or lang.code != "ar":  # Arabic company names may carry a Latin brand
            assert script_of(text) == SCRIPT[lang.code], (lang.code, what, text)
        seen.setdefault(lang.code, set()).add(what)

    for row in rows["customer"]:
        customer_id = cell(row, "customer", "id")
        check(customer_id, "source", cell(row, "customer", "source"), lambda lang: lang.sources)
        name = cell(row, "customer", "name")
        if language[customer_id].code != "ar":
            assert script_of(name) == SCRIPT[language[customer_id].code], name
    for row in rows["contact"]:
        positions = lambda lang: {p for pair in lang.positions for p in pair}  # noqa: E731
        check(row[1], "position", row[3], positions)
        assert script_of(row[2]) == SCRIPT[language[row[1]].code], row[2]
    for row in rows["deal"]:
        titles = lambda lang: {t for t, _family in lang.deal_titles}  # noqa: E731
        check(cell(row, "deal", "customer_id"), "deal", cell(row, "deal", "title"), titles)
        if cell(row, "deal", "stage") == "lost":
            check(
                cell(row, "deal", "customer_id"),
                "lost reason",
                cell(row, "deal", "lost_reason"),
                lambda lang: lang.lost_reasons,
            )
    for row in rows["task"]:
        customer_id = cell(row, "task", "customer_id")
        check(customer_id, "task", cell(row, "task", "title"), lambda lang: lang.task_titles)
    for row in rows["interaction"]:
        kind = cell(row, "interaction", "kind")
        check(
            cell(row, "interaction", "customer_id"),
            "interaction",
            cell(row, "interaction", "subject"),
            lambda lang, kind=kind: lang.interaction_subjects[kind],
        )
    for row in rows["service_case"]:
        subjects = lambda lang: {s for s, _kind, _family in lang.case_subjects}  # noqa: E731
        check(row[0], "case", cell(row, "service_case", "subject"), subjects)
    # Not vacuous: every language wrote every kind of text.
    for code in ("ru", "zh", "de", "fr", "es", "ar", "en"):
        assert {"source", "position", "deal", "task", "interaction"} <= seen[code], code
    assert {"ru", "zh", "de", "fr", "es"} <= {c for c, kinds in seen.items() if "case" in kinds}


def test_german_french_and_spanish_customers_are_not_written_to_in_english():
    rows = sample_rows(2000, seed=6)
    country = {cell(r, "customer", "id"): cell(r, "customer", "country") for r in rows["customer"]}
    code_of = {name: lang.code for name, lang in LANGUAGE_OF.items()}
    texts: dict[str, list[str]] = {"de": [], "fr": [], "es": []}
    for row in rows["task"]:
        code = code_of[country[cell(row, "task", "customer_id")]]
        if code in texts:
            texts[code].append(cell(row, "task", "title"))
    for row in rows["interaction"]:
        code = code_of[country[cell(row, "interaction", "customer_id")]]
        if code in texts:
            texts[code].append(cell(row, "interaction", "subject"))
    for code, written in texts.items():
        assert len(written) > 30, code
        native = sum(1 for text in written if NATIVE[code].search(text))
        assert native / len(written) > 0.6, (
            code,
            [t for t in written if not NATIVE[code].search(t)],
        )
        english = LANGUAGE_OF["United States"]
        english_texts = set(english.task_titles) | {
            s for subjects in english.interaction_subjects.values() for s in subjects
        }
        assert not english_texts & set(written), code


def test_russian_women_and_men_carry_their_own_form_of_the_surname():
    rows = sample_rows(2000, seed=8)
    russian = {cell(r, "customer", "id") for r in rows["customer"]
               if cell(r, "customer", "country") == "Россия"}  # fmt: skip
    # Contacts: "Елена Степанова" or "Елена Викторовна Степанова" — patronymic tells the sex.
    women = men = 0
    for row in rows["contact"]:
        if row[1] not in russian:
            continue
        words = row[2].split()
        if len(words) != 3:
            continue
        surname = words[2]
        if words[1].endswith(("вна", "чна")):  # Викторовна, Ильинична: a woman
            women += 1
            assert not surname.endswith(("ов", "ев", "ин", "ий")), row[2]
        elif words[1].endswith("ич"):
            men += 1
            assert not surname.endswith(("ова", "ева", "ина", "ая")), row[2]
    assert women > 5 and men > 5


def test_products_have_sane_names_and_tiers_are_priced_in_order(db):
    demo.generate(customers=20, seed=1, on=DAY)
    products = database.execute_sql("SELECT sku, name, unit_price_cents FROM product").fetchall()
    assert len(products) > 30
    colours = ("black", "white", "grey", "oak")
    for sku, name, price in products:
        assert price > 0 and isinstance(price, int), name
        if sku.startswith("SRV-"):  # a service has no colour and comes in no sets
            assert not any(c in name.lower() for c in colours), name
            assert "set of" not in name and "—" not in name, name
    tiers: dict[str, dict[str, int]] = {}
    for _sku, name, price in products:
        found = re.search(r"\b(Lite|Basic|Standard|Pro|Premium)\b", name)
        if found:
            family = name[: found.start()].strip()  # "Office chair", "Headset"
            tiers.setdefault(family, {})[found.group(1)] = price
    order = ("Lite", "Basic", "Standard", "Pro", "Premium")
    compared = 0
    for family, prices in tiers.items():
        ranked = [prices[t] for t in order if t in prices]
        assert ranked == sorted(ranked) and len(set(ranked)) == len(ranked), (family, prices)
        compared += len(ranked) > 1
    assert compared >= 4  # chairs, headsets, coffee machines, maintenance plans
    # Order lines are priced from the price list (no line dearer than its product's Pro).
    lines = database.execute_sql(
        "SELECT count(*) FROM order_line l JOIN product p ON p.id = l.product_id "
        "WHERE l.unit_price_cents != p.unit_price_cents"
    ).fetchone()[0]
    assert lines == 0


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati", "America/Adak"])
def test_nothing_is_dated_after_now_in_any_time_zone(db, monkeypatch, zone):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        demo.generate(customers=300, seed=9)  # for today, as the first-run offer does
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for table, column in (
            ("interaction", "occurred_at"),
            ("customer", "created_at"),
            ("customer", "updated_at"),
            ("task", "done_at"),
            ("service_case", "opened_at"),
            ("service_case", "resolved_at"),
            ("audit_log", "at"),
        ):
            latest = database.execute_sql(f"SELECT max({column}) FROM {table}").fetchone()[0]
            assert latest is not None and latest <= now, (table, column, latest, now)
        # Orders and closed deals are dated today at the latest, in the local calendar.
        local_today = today().isoformat()
        assert database.execute_sql("SELECT max(order_date) FROM sales_order").fetchone()[0] <= (
            local_today
        )
        assert database.execute_sql("SELECT max(closed_at) FROM deal").fetchone()[0] <= (
            local_today
        )
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_200_customer_file_has_tasks_due_today_overdue_and_coming(db):
    demo.generate(customers=200)  # what the first-run offer makes
    day = today().isoformat()
    due_today, overdue, coming = database.execute_sql(
        "SELECT sum(due_date = ?), sum(due_date < ?), sum(due_date > ?) "
        "FROM task WHERE status = 'open'",
        (day, day, day),
    ).fetchone()
    assert due_today >= 3 and overdue >= 3 and coming >= 3
    closing_this_week = database.execute_sql(
        "SELECT count(*) FROM deal WHERE closed_at IS NULL "
        "AND expected_close BETWEEN ? AND date(?, '+7 days')",
        (day, day),
    ).fetchone()[0]
    assert closing_this_week >= 3


def test_names_hardly_repeat():
    """The 100k file had only 10,111 distinct names; 20,000 customers here, most unique."""
    rows = sample_rows(20_000, seed=1)
    names = [cell(row, "customer", "name") for row in rows["customer"]]
    distinct = len(set(names))
    assert distinct / len(names) > 0.9, distinct
    people = {row[2] for row in rows["contact"]}
    assert len(people) / len(rows["contact"]) > 0.8
