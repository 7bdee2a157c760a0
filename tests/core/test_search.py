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


def _outside(db_path, *statements: tuple[str, tuple]) -> None:
    """Another SQLite tool (as the sqlite3 shell: foreign keys off) edits the file."""
    other = sqlite3.connect(db_path)
    for sql, args in statements:
        other.execute(sql, args)
    other.commit()
    other.close()


def test_edits_by_another_tool_are_found_at_the_next_search(people, db_path):
    assert search.search_customers("gmbh") == [people["acme"]]
    # A rename that leaves updated_at alone, as a hand edit in the sqlite3 shell does.
    _outside(
        db_path, ("UPDATE customer SET name = 'Zeta Holdings' WHERE id = ?", (people["acme"],))
    )
    assert search.search_customers("zeta") == [people["acme"]]
    assert search.search_customers("gmbh") == []
    # A contact renamed, a tag link removed, a customer added and one deleted outright.
    _outside(
        db_path,
        ("UPDATE contact SET name = 'Оксана Белова' WHERE customer_id = ?", (people["acme"],)),
        (
            "DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = "
            "(SELECT id FROM tag WHERE name = 'VIP')",
            (people["acme"],),
        ),
        ("INSERT INTO customer (name) VALUES ('Added In The Shell')", ()),
        ("DELETE FROM customer WHERE id = ?", (people["emile"],)),
    )
    assert search.search_customers("оксана") == [people["acme"]]
    assert search.search_customers("смирнова") == []
    assert search.search_customers("vip") == []
    assert len(search.search_customers("shell")) == 1
    assert search.search_customers("emile") == []
    # A tag renamed: every customer carrying it is found by the new name.
    _outside(db_path, ("UPDATE tag SET name = 'Stammkunde' WHERE name = 'Постоянный клиент'", ()))
    assert search.search_customers("stammkunde") == [people["ivanov"]]


def test_the_command_line_finds_a_customer_renamed_by_another_tool(people, db_path):
    import subprocess
    import sys

    from crm_desktop.models import close_database

    close_database()
    _outside(
        db_path, ("UPDATE customer SET name = 'Zeta Holdings' WHERE id = ?", (people["acme"],))
    )
    result = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db_path), "search", "zeta"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Zeta Holdings" in result.stdout


def test_best_matches_come_first_then_by_name(db):
    made = {
        key: customers.create_customer(values)
        for key, values in {
            "company_with_ivan": {"name": "Альфа Трейд"},  # its contact is an Иван
            "word": {"name": "Пётр Иванов"},  # a word of the name starts with иван
            "starts_b": {"name": "Иванова Мария"},
            "starts_a": {"name": "Иван Петров"},
            "inside": {"name": "Ливанский Дом"},  # the name contains иван
            "email": {"name": "Борис Котов", "email": "ivanov.mail@example.ru"},
            "city": {"name": "Арт Студия", "city": "Иваново"},
        }.items()
    }
    contacts.create_contact({"customer_id": made["company_with_ivan"], "name": "Иван Сидоров"})
    order = search.search_customers("иван")
    assert order == [
        made["starts_a"],  # Иван Петров < Иванова Мария by name, both start with иван
        made["starts_b"],
        made["word"],
        made["inside"],
        made["company_with_ivan"],
        made["city"],
    ]
    assert search.search_customers("ivanov") == [made["email"]]
    # Typing on narrows and keeps the ranking.
    assert search.search_customers("иванов")[:2] == [made["starts_b"], made["word"]]
