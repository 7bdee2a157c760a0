"""Sample data: believable, deterministic, across every table, and all-or-nothing."""

from __future__ import annotations

from datetime import date

import pytest

from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.models import database
from crm_desktop.models.enums import DEAL_STAGES
from crm_desktop.services import demo, demo_rows, figures

DAY = date(2026, 6, 15)


def snapshot() -> dict[str, list]:
    tables = ["customer", "contact", "sales_order", "order_line", "deal", "task", "interaction"]
    return {t: database.execute_sql(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}


def test_same_seed_and_day_give_the_same_data(db, tmp_path):
    from crm_desktop.services import open_session

    demo.generate(customers=80, seed=11, on=DAY)
    first = snapshot()
    open_session(tmp_path / "second.sqlite3")
    demo.generate(customers=80, seed=11, on=DAY)
    assert snapshot() == first
    open_session(tmp_path / "third.sqlite3")
    demo.generate(customers=80, seed=12, on=DAY)
    assert snapshot() != first


def test_every_table_gets_believable_rows(db):
    result = demo.generate(customers=400, seed=2, on=DAY)
    counts = figures.record_counts()
    for table in (
        "customer",
        "contact",
        "tag",
        "customer_tag",
        "product",
        "deal",
        "sales_order",
        "order_line",
        "task",
        "interaction",
        "campaign",
        "campaign_member",
        "service_case",
    ):
        assert counts[table] > 0, table
    assert result.counts["customer"] == 400
    assert 3.5 <= counts["order_line"] / counts["customer"] <= 6.5  # ~500,000 lines at 100,000
    stages = {r[0] for r in database.execute_sql("SELECT DISTINCT stage FROM deal")}
    assert stages == set(DEAL_STAGES)
    overdue = database.execute_sql(
        "SELECT count(*) FROM task WHERE status = 'open' AND due_date < ?", (DAY.isoformat(),)
    ).fetchone()[0]
    assert overdue > 0
    names = " ".join(r[0] for r in database.execute_sql("SELECT name FROM customer"))
    assert any("\u0400" <= ch <= "\u04ff" for ch in names)  # Cyrillic
    assert any("\u4e00" <= ch <= "\u9fff" for ch in names)  # Chinese
    assert figures.revenue_cents() > 0
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute_sql("SELECT count(*) FROM customer_search").fetchone()[0] == 400


def test_a_cancelled_demo_leaves_the_database_empty(db):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        demo.generate(customers=8000, seed=1, on=DAY, cancelled=cancelled)
    assert figures.record_counts()["customer"] == 0
    assert figures.record_counts()["order_line"] == 0


def test_demo_goes_into_an_empty_database_only(db):
    demo.generate(customers=5, seed=1, on=DAY)
    with pytest.raises(CrmError, match="empty database"):
        demo.generate(customers=5, seed=1, on=DAY)


def sample_rows(customers: int, seed: int) -> dict[str, list[tuple]]:
    """The rows the sample data writes for ``customers`` customers, every chunk merged."""
    merged: dict[str, list[tuple]] = {table: [] for table in demo_rows.TABLES}
    for chunk in demo_rows.make_chunks(seed, DAY, demo_rows.chunks_of(customers)):
        for table, rows in chunk.items():
            merged[table].extend(rows)
    return merged


def column(table: str, name: str) -> int:
    return demo_rows.COLUMNS[table].index(name)


def test_russian_women_carry_the_female_form_of_their_surname():
    rows = sample_rows(1000, seed=3)
    names = [row[2] for row in rows["customer"] if row[1] == "person"]
    names += [row[2] for row in rows["contact"]]
    female_first = ("Мария", "Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Светлана",
                    "Юлия", "Ксения", "Алёна", "Дарья")  # fmt: skip
    male_first = ("Иван", "Сергей", "Павел", "Егор", "Алексей", "Дмитрий", "Андрей")
    women, men = [], []
    for name in names:
        words = name.split()
        # Private customers are written as on a contract (Степанова Елена Викторовна),
        # contacts as they introduce themselves (Елена Степанова, Елена Викторовна Степанова).
        if len(words) >= 2 and words[1] in female_first + male_first and words[0][-1] in "ваин":
            surname, given = words[0], words[1]
        else:
            surname, given = words[-1], words[0]
        if given in female_first and surname.endswith(("ва", "на", "ая")):
            women.append(surname)
        elif given in female_first and surname.endswith(("ов", "ев", "ин", "ий")):
            pytest.fail(f"a woman with a male surname: {name}")
        elif given in male_first:
            men.append(surname)
    assert len(women) >= 10  # the check above is not vacuous
    assert men and not any(s.endswith(("ова", "ева", "ина")) for s in men)


def test_job_titles_and_sources_are_in_the_customers_language():
    from crm_desktop.services.demo_data import COUNTRIES

    language_of = {country.name: country.language for country in COUNTRIES}
    rows = sample_rows(400, seed=5)
    country_of = {row[0]: row[column("customer", "country")] for row in rows["customer"]}
    checked = 0
    for row in rows["customer"]:
        language = language_of[row[column("customer", "country")]]
        assert row[column("customer", "source")] in language.sources, row
        checked += 1
    for contact in rows["contact"]:
        language = language_of[country_of[contact[1]]]
        assert any(contact[3] in pair for pair in language.positions), contact
        checked += 1
    assert checked > 600


def test_deals_tasks_and_conversations_speak_the_customers_language():
    rows = sample_rows(300, seed=7)
    country = column("customer", "country")
    russian = {row[0] for row in rows["customer"] if row[country] == "Россия"}
    german = {row[0] for row in rows["customer"] if row[country] == "Deutschland"}
    subjects = [
        (row[column("interaction", "customer_id")], row[column("interaction", "subject")])
        for row in rows["interaction"]
    ]

    def cyrillic(text: str) -> bool:
        return any("\u0400" <= ch <= "\u04ff" for ch in text)

    assert [s for c, s in subjects if c in russian]
    assert all(cyrillic(s) for c, s in subjects if c in russian)
    assert [s for c, s in subjects if c in german]
    assert not any(cyrillic(s) for c, s in subjects if c in german)


def test_the_search_rows_made_with_the_sample_are_the_ones_the_index_makes(db):
    from crm_desktop.services import search

    demo.generate(customers=600, seed=4, on=DAY)
    query = "SELECT id, haystack, name_key, stamp FROM customer_search ORDER BY id"
    made = database.execute_sql(query).fetchall()
    assert len(made) == 600
    assert search._stale_ids() == []  # nothing left for the first search to re-index
    search.rebuild_index()
    assert database.execute_sql(query).fetchall() == made
    assert search.search_customers("иван")  # and a search finds sample customers


@pytest.mark.parametrize("helpers", [0, 1])
def test_the_sample_tags_are_in_the_owners_language(db, helpers, language):
    """A Russian owner's sample data is tagged «Постоянный клиент», not "Repeat customer";
    the helper processes (spawned, with their own language) write the same names into the
    search rows, so a search by the tag finds its customers."""
    from crm_desktop.models import database
    from crm_desktop.services import demo, search

    language("ru")
    demo.generate(customers=400, seed=5, on=DAY, helpers=helpers)
    language("en")
    names = {row[0] for row in database.execute_sql("SELECT name FROM tag")}
    assert {"Постоянный клиент", "Опт", "Выставка", "VIP"} <= names, names
    assert not names & {"Repeat customer", "Wholesale", "Trade show"}
    tagged = {
        row[0]
        for row in database.execute_sql(
            "SELECT customer_id FROM customer_tag JOIN tag ON tag.id = tag_id WHERE name = ?",
            ("Выставка",),
        )
    }
    assert tagged and tagged <= set(search.search_customers("выставка"))


@pytest.mark.parametrize("helpers", [0, 1])
def test_a_russian_owners_sample_sells_in_roubles_and_in_russian(db, helpers, language):
    """A Russian owner's sample price list read "Office chair Lite, black — 149,00 ₽": the
    goods in English and the prices in dollars' figures. Now its names are Russian and its
    prices what such goods cost in roubles, in the price list, the order lines (made by
    the helper processes too), the deals and the campaigns."""
    from crm_desktop.services import settings

    settings.set_many({"locale": "ru_RU", "currency": "RUB"})
    language("ru")
    demo.generate(customers=1200, seed=5, on=DAY, helpers=helpers)
    language("en")
    price = dict(database.execute_sql("SELECT sku, unit_price_cents FROM product").fetchall())
    names = dict(database.execute_sql("SELECT sku, name FROM product").fetchall())
    assert names["FUR-1001"] == "Офисное кресло Lite, чёрное"
    assert 10_000_00 <= price["FUR-1001"] < price["FUR-1002"] < price["FUR-1004"] < 60_000_00
    assert price["WHS-7006"] < 12 * price["WHS-7005"]  # a box of 12 pairs, cheaper than 12
    lines = database.execute_sql(
        "SELECT l.description, l.unit_price_cents, p.name, p.unit_price_cents "
        "FROM order_line l JOIN product p ON p.id = l.product_id"
    ).fetchall()
    assert len(lines) > 1000
    assert all(line[0] == line[2] and line[1] == line[3] for line in lines)
    assert not [line for line in lines if line[0].isascii()]
    smallest_open_deal = database.execute_sql(
        "SELECT min(amount_cents) FROM deal WHERE closed_at IS NULL"
    ).fetchone()[0]
    assert smallest_open_deal >= 9_000_00  # at least the list's $100, in roubles
    campaigns = {row[0] for row in database.execute_sql("SELECT name FROM campaign")}
    assert "Весенняя рассылка" in campaigns and "Выставка «Офис-Экспо»" in campaigns
    assert settings.get("company_name") == "ООО «Нордвинд Демо Трейдинг»"


def test_an_american_owners_sample_keeps_the_price_list_as_written(db):
    demo.generate(customers=50, seed=5, on=DAY, helpers=0)
    row = database.execute_sql(
        "SELECT name, unit_price_cents FROM product WHERE sku = 'FUR-1001'"
    ).fetchone()
    assert tuple(row) == ("Office chair Lite, black", 14900)


@pytest.mark.parametrize(("currency", "exponent"), [("RUB", 2), ("JPY", 0), ("CNY", 2), ("KWD", 3)])
def test_local_prices_keep_the_tiers_and_packs_in_order(currency, exponent):
    from crm_desktop.services.demo_data.catalogue import PRODUCTS, owners_catalogue

    catalogue = owners_catalogue(currency, exponent)
    by_name = dict(zip((p.name for p in PRODUCTS), catalogue.prices, strict=True))
    for lite, standard, pro in (
        ("Office chair Lite, black", "Office chair Standard, black", "Office chair Pro, black"),
        ("Headset Lite, USB", "Headset Pro, wireless", "Headset Pro, wireless"),
        ("Bean-to-cup coffee machine Lite", "Bean-to-cup coffee machine Pro",
         "Bean-to-cup coffee machine Pro"),
        ("Maintenance plan Basic, per year", "Maintenance plan Premium, per year",
         "Maintenance plan Premium, per year"),
    ):  # fmt: skip
        assert by_name[lite] < by_name[standard] <= by_name[pro]
    assert by_name["Safety gloves, box of 12 pairs"] < 12 * by_name["Safety gloves, pair"]
    assert all(price > 0 for price in catalogue.prices)
    shop_like = [p for p in catalogue.prices if str(p).rstrip("0").endswith("9")]
    assert len(shop_like) == len(catalogue.prices)  # 13 900, 1 090, 9.90
