"""The list puts the data's own script first, as CLDR's collation for its language does."""

from __future__ import annotations

import pytest

from crm_desktop.errors import CancelledError
from crm_desktop.models import database
from crm_desktop.models.migrations import ODD_NAME
from crm_desktop.services import custom_fields, customers, listing, search, settings, sort_order
from crm_desktop.services.listing import ListQuery
from crm_desktop.services.text import ORDERS, sort_key

NAMES = ["张伟", "Zhang Wei", "Жуков", "安娜", "Anna", "Алексей", "Émile", "Ωmega", "42 Ltd",
         "Ёлкин", "Елагин", "北岛", '"Бета"', "Ярцев"]  # fmt: skip


def _by(order: str) -> list[str]:
    return sorted(NAMES, key=lambda name: sort_key(name, ORDERS[order]))


def test_russian_puts_cyrillic_first_then_the_other_scripts_in_the_root_order():
    assert _by("cyrillic") == [
        "42 Ltd", "Алексей", '"Бета"', "Елагин", "Ёлкин", "Жуков", "Ярцев",
        "Anna", "Émile", "Zhang Wei", "Ωmega", "安娜", "北岛", "张伟",
    ]  # fmt: skip


def test_chinese_puts_han_first_by_pinyin_then_the_alphabets():
    assert _by("han") == [
        "42 Ltd", "安娜", "北岛", "张伟",
        "Anna", "Émile", "Zhang Wei", "Ωmega", "Алексей", '"Бета"', "Елагин", "Ёлкин", "Жуков",
        "Ярцев",
    ]  # fmt: skip


def test_english_keeps_latin_first():
    assert _by("root") == [
        "42 Ltd", "Anna", "Émile", "Zhang Wei", "Ωmega",
        "Алексей", '"Бета"', "Елагин", "Ёлкин", "Жуков", "Ярцев", "安娜", "北岛", "张伟",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("locale_name", "order"),
    [("ru_RU", "cyrillic"), ("uk_UA", "cyrillic"), ("zh_CN", "han"), ("en_US", "root"),
     ("de_DE", "root"), ("", "root")],
)  # fmt: skip
def test_the_locale_language_picks_the_order(locale_name, order):
    assert sort_order.order_for_locale(locale_name) == order


def _names_in_the_list() -> list[str]:
    ids = listing.list_ids("customer", ListQuery(sort="name"))
    return [row["name"] for row in listing.fetch_rows("customer", ids)]


def test_changing_the_language_rekeys_the_list_in_the_database(db):
    for name in ["Zhang", "Жуков", "Anna", "Ёлкин", "安娜", "Елагин", "北岛"]:
        customers.create_customer({"name": name})
    search.refresh_index()
    assert _names_in_the_list() == ["Anna", "Zhang", "Елагин", "Ёлкин", "Жуков", "安娜", "北岛"]

    settings.set_many({"locale": "ru_RU"})
    assert sort_order.needs_rekey()
    seen: list[tuple[int, int]] = []
    assert sort_order.rekey(lambda done, total: seen.append((done, total))) == 2  # Latin only
    assert seen[-1] == (2, 2)
    assert settings.get("sort_order") == "cyrillic"
    assert _names_in_the_list() == ["Елагин", "Ёлкин", "Жуков", "Anna", "Zhang", "安娜", "北岛"]
    # A customer added afterwards is keyed in the new order too.
    customers.create_customer({"name": "Borodin & Co"})
    assert _names_in_the_list()[-3] == "Zhang" and "Borodin & Co" in _names_in_the_list()[3:6]

    settings.set_many({"locale": "zh_CN"})
    sort_order.rekey()
    assert _names_in_the_list() == [
        "安娜",
        "北岛",
        "Anna",
        "Borodin & Co",
        "Zhang",
        "Елагин",
        "Ёлкин",
        "Жуков",
    ]
    # Search results follow the same order (a query every name holds).
    found = search.search_customers("")
    assert [customers.get_customer(i)["name"] for i in found][:2] == ["安娜", "北岛"]


def test_a_cancelled_rekey_changes_nothing(db):
    for name in ["Anna", "Жуков"]:
        customers.create_customer({"name": name})
    search.refresh_index()
    before = database.execute_sql("SELECT id, name_key FROM customer_search").fetchall()
    settings.set_many({"locale": "ru_RU"})
    with pytest.raises(CancelledError):
        sort_order.rekey(cancelled=lambda: True)
    assert database.execute_sql("SELECT id, name_key FROM customer_search").fetchall() == before
    assert settings.get("sort_order") == "root"
    assert sort_key("Anna") == "anna"  # still keying in the stored order
    assert sort_order.needs_rekey()


def test_custom_text_values_are_rekeyed_too(db):
    field = custom_fields.create_field("customer", "Город", "text")
    for name, city in [("A", "Berlin"), ("B", "Москва")]:
        customers.create_customer({"name": name, f"cf_{field}": city})
    settings.set_many({"locale": "ru_RU"})
    sort_order.rekey()
    keys = dict(database.execute_sql("SELECT text_value, sort_key FROM custom_value").fetchall())
    assert keys == {"Москва": "москва", "Berlin": "\u0530berlin"}


def test_opening_a_file_keys_in_its_stored_order_and_the_cli_open_rekeys(db):
    from crm_desktop.models import close_database
    from crm_desktop.services.session import open_session

    customers.create_customer({"name": "Anna"})
    settings.set_many({"locale": "ru_RU"})  # e.g. written by another computer's window
    close_database()
    open_session(db)  # the command line's open: makes the keys follow the language
    assert settings.get("sort_order") == "cyrillic"
    key = database.execute_sql("SELECT name_key FROM customer_search").fetchone()[0]
    assert key == "\u0530anna"


def test_search_finds_names_by_their_start_in_every_order_from_the_indexes(db):
    names = ["Anna Smith", "Андрей", '"Annex" Ltd', "安娜", "Аня", "Annabel"]
    for name in names:
        customers.create_customer({"name": name})
    search.refresh_index()
    for locale_name in ("en_US", "ru_RU", "zh_CN"):
        settings.set_many({"locale": locale_name})
        sort_order.rekey()
        for query, expected in [("ann", {"Anna Smith", "Annabel", '"Annex" Ltd'}),
                                ("ан", {"Андрей"}), ("安", {"安娜"}), ("аня", {"Аня"})]:  # fmt: skip
            found = search.first_page(query, 10).ids
            got = {customers.get_customer(i)["name"] for i in found}
            assert expected <= got, (locale_name, query, got)
            # Those that start with it first, in the list's order.
            starts = [customers.get_customer(i)["name"] for i in found[: len(expected)]]
            assert set(starts) == expected, (locale_name, query, starts)
    # Only the names whose key does not begin with their first letter are in the odd index:
    # in the Chinese order the Latin and Cyrillic names have a marker, and are not there.
    odd = database.execute_sql(
        "SELECT c.name FROM customer_search s INDEXED BY customer_search_odd_name "
        f"JOIN customer c ON c.id = s.id WHERE {ODD_NAME}"
    ).fetchall()
    assert sorted(name for (name,) in odd) == sorted(['"Annex" Ltd', "安娜"])


def test_the_markers_of_the_orders_are_the_ones_the_odd_index_skips():
    for order in ORDERS.values():
        if order.marker:
            assert f"char({ord(order.marker)})" in ODD_NAME


def test_the_first_run_country_sets_the_order_at_once(db):
    from crm_desktop.services import country

    country.apply_country("CN")
    assert settings.get("sort_order") == "han"
    customers.create_customer({"name": "Zhang"})
    customers.create_customer({"name": "张伟"})
    assert _names_in_the_list() == ["张伟", "Zhang"]
