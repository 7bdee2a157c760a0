"""Search in every script and case, by name, email, phone, city, tag and contact."""

from __future__ import annotations

import sqlite3

import pytest

from crm_desktop.models import database
from crm_desktop.services import contacts, customers, search, settings, tags, trash


@pytest.fixture
def people(db):
    settings.set_many({"phone_region": "RU"})
    ids = {
        "ivanov": customers.create_customer(
            {
                "name": "Иванов Пётр",
                "email": "petr@ivanov.example",
                "phone": "8 (495) 123-45-67",
                "city": "Москва",
            },
            tag_names=["Постоянный клиент"],
        ),
        "zhang": customers.create_customer(
            {"name": "张伟", "city": "北京", "phone": "+86 138 0013 8000"}
        ),
        "zhang_latin": customers.create_customer({"name": "Zhang Wei Trading", "city": "London"}),
        "emile": customers.create_customer(
            {"name": "Émile Dubois", "email": "emile@dubois.example"}
        ),
        "acme": customers.create_customer(
            {"name": "Acme GmbH", "city": "München"}, tag_names=["VIP"]
        ),
    }
    contacts.create_contact(
        {"customer_id": ids["acme"], "name": "Ольга Смирнова", "email": "olga@acme.example"}
    )
    return ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("иван", ["ivanov"]),
        ("ИВАН", ["ivanov"]),
        ("Пётр", ["ivanov"]),
        ("петр", ["ivanov"]),  # ё folds to е
        ("ZHANG", ["zhang_latin"]),
        ("zhang", ["zhang_latin"]),
        ("伟", ["zhang"]),
        ("北京", ["zhang"]),
        ("emile", ["emile"]),
        ("ÉMILE", ["emile"]),
        ("munchen", ["acme"]),
        ("смирнова", ["acme"]),
        ("OLGA@ACME", ["acme"]),
        ("vip", ["acme"]),
        ("постоянный", ["ivanov"]),
        ("москва", ["ivanov"]),
    ],
)
def test_found_in_any_script_and_case(people, query, expected):
    assert search.search_customers(query) == [people[key] for key in expected]


@pytest.mark.parametrize(
    "query",
    ["+7 495 123", "(495) 123-45", "495.123.45.67", "8 495 1234567", "74951234567", "007 495 12"],
)
def test_phones_found_in_any_formatting(people, query):
    assert people["ivanov"] in search.search_customers(query)


def test_a_plus_anchors_the_country_code(people):
    german = customers.create_customer({"name": "Weber", "phone": "+49 3447 9411 67"})
    assert german in search.search_customers("3447 94")
    assert german not in search.search_customers("+7 94")
    assert search.search_customers("+86 138") == [people["zhang"]]


def test_every_term_must_match(people):
    assert search.search_customers("иван москва") == [people["ivanov"]]
    assert search.search_customers("иван london") == []


def test_results_come_in_name_order_and_empty_query_lists_everyone(people):
    everyone = search.search_customers("")
    names = [customers.get_customer(i)["name"] for i in everyone]
    assert names == ["Acme GmbH", "Émile Dubois", "Zhang Wei Trading", "Иванов Пётр", "张伟"]


def test_index_follows_updates_trash_and_tags(people):
    customers.update_customer(people["emile"], {"name": "Emilia Dubois"})
    assert search.search_customers("emilia") == [people["emile"]]
    tags.add_tags([people["emile"]], ["Newsletter"])
    assert search.search_customers("newsletter") == [people["emile"]]
    batch = trash.move_to_trash("customer", [people["emile"]])
    assert search.search_customers("emilia") == []
    trash.restore_batch(batch)
    assert search.search_customers("emilia") == [people["emile"]]


def test_typing_narrows_and_backspace_widens_again(people):
    # Each keystroke after the first looks only among the last one's matches: the
    # answers must still be those of a search from scratch, whichever way the query moves.
    typed = ["n", "an", "ang", "zhang w", "zhang", "a", "e", "em", "emile", "emilia", "e"]
    fresh = {}
    for query in typed:
        search.MEMORY.forget()
        fresh[query] = search.search_customers(query)
    search.MEMORY.forget()
    assert [search.search_customers(q) for q in typed] == [fresh[q] for q in typed]
    assert len(fresh["n"]) > len(fresh["zhang w"]) == 1 and len(fresh["e"]) > len(fresh["emile"])


def test_a_customer_saved_while_typing_is_found_by_the_next_keystroke(people):
    assert search.search_customers("zha") == [people["zhang_latin"]]
    new = customers.create_customer({"name": "Zhao Trading"})
    assert search.search_customers("zhao") == [new]
    customers.update_customer(people["zhang_latin"], {"name": "Zhaozhang Ltd"})
    assert search.search_customers("zhao") == [new, people["zhang_latin"]]


def test_a_rolled_back_write_does_not_reach_the_index(people):
    from crm_desktop.services import changes

    with pytest.raises(RuntimeError), changes.transaction():
        customers.update_customer(people["emile"], {"name": "Ghost Name"})
        raise RuntimeError
    assert search.search_customers("ghost") == []
    assert search.search_customers("emile") == [people["emile"]]


def test_changes_by_another_program_are_picked_up(people, db_path):
    assert search.search_customers("nobody") == []
    other = sqlite3.connect(db_path)
    other.execute(
        "UPDATE customer_search SET haystack = haystack || char(10) || 'nobody' WHERE id = ?",
        (people["acme"],),
    )
    other.commit()
    other.close()
    assert search.search_customers("nobody") == [people["acme"]]


def test_refresh_repairs_customers_edited_with_another_tool(people, db_path):
    other = sqlite3.connect(db_path)
    other.execute(
        "UPDATE customer SET name = 'Renamed Outside', updated_at = '2030-01-01T00:00:00Z' WHERE id = ?",
        (people["acme"],),
    )
    other.execute("INSERT INTO customer (name) VALUES ('Added Outside')")
    other.commit()
    other.close()
    assert search.refresh_index() == 2
    assert search.search_customers("outside") == sorted(
        search.search_customers("outside"), key=lambda i: customers.get_customer(i)["name"]
    )
    assert len(search.search_customers("outside")) == 2


def test_rebuild_gives_the_same_rows(people):
    before = database.execute_sql(
        "SELECT id, haystack, name_key FROM customer_search ORDER BY id"
    ).fetchall()
    assert search.rebuild_index() == len(people)
    after = database.execute_sql(
        "SELECT id, haystack, name_key FROM customer_search ORDER BY id"
    ).fetchall()
    assert before == after
