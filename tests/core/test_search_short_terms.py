"""Short and common queries at a big file's scale, made small (wave 9, issue 14).

A letter is proved common by the names that start with it (their keys alone), a short
term of few postings is not counted from the index, and an email's or a phone's page is
walked from the first names when they hold it densely: each must give the Python index's
customers in its order, and never call a letter common that is not.
"""

from __future__ import annotations

from datetime import date

import pytest

from crm_desktop.models import database
from crm_desktop.services import customers, demo, search
from crm_desktop.services.search_memory import MemoryIndex


@pytest.fixture
def many(db):
    """Demo customers, names that start alike in three scripts, and Chinese names."""
    demo.generate(customers=300, seed=3, on=date(2026, 6, 15))
    for number in range(40):
        customers.create_customer(
            {"name": f"Борис Тест {number}", "email": f"b{number}@mail.ru",
             "phone": f"+49 30 1234 {number:04d}"}
        )  # fmt: skip
        customers.create_customer({"name": f"{'«' if number % 2 else ''}Zed {number}"})
        customers.create_customer({"name": "王" + "伟芳明"[number % 3] + str(number)})
    return db


def _texts_holding(letter: str) -> int:
    rows = database.execute_sql("SELECT haystack FROM customer_search").fetchall()
    return sum(letter in row[0] for row in rows)


@pytest.mark.parametrize("line", [20, 39, 40, 41, 45])
def test_a_letter_is_common_by_the_names_that_start_with_it_only_when_it_is(
    many, monkeypatch, line
):
    monkeypatch.setattr(search, "LETTER_SCAN_FROM", 0)  # the small file taken as a big one
    monkeypatch.setattr(search, "COMMON_CANDIDATES", line)
    proved = {
        letter for letter in ("б", "z", "一", "王", "\u0530", "1")
        if search._names_start_with_many(letter)
    }  # fmt: skip
    for letter in proved:
        assert _texts_holding(letter) > line, letter
    # 40 names start with «Борис» and 40 keys with «zed» (half behind a quote); the
    # Chinese names' keys all start with U+4E00, which none of their texts holds.
    names = {"б", "z"} if line < 40 else set()
    assert names <= proved
    assert "一" not in proved and "王" not in proved and "\u0530" not in proved


def test_the_pages_of_short_and_common_queries_are_the_python_indexs(many, monkeypatch):
    # A small file made big: more than 30 candidates is common, a page is 7 customers.
    monkeypatch.setattr(search, "LETTER_SCAN_FROM", 0)
    monkeypatch.setattr(search, "FULL_RANKING_LIMIT", 24)
    monkeypatch.setattr(search, "COMMON_CANDIDATES", 30)
    monkeypatch.setattr(search, "COMMON_SHORT_POSTINGS", 40)
    monkeypatch.setattr(search, "FIRST_NAMES_PROBE", 20)
    monkeypatch.setattr(search, "FIRST_NAMES_WALK", 120)
    old = MemoryIndex()
    old.load()
    rows = database.execute_sql("SELECT id, haystack, name_key FROM customer_search").fetchall()
    queries = ["б", "z", "王", "伟", "一", "+4", "+49", "+49 3", "@m", "@mail", "b1", "ze", "зе"]
    for query in queries:
        terms = search.search_terms(query)
        matches = [r for r in rows if all(t in r[1] for t in terms)]
        found = search.search_customers(query)
        if len(matches) > search.FULL_RANKING_LIMIT:
            by_name = sorted(matches, key=lambda r: (not r[1].startswith(terms[0]), r[2], r[0]))
            assert found == [r[0] for r in by_name], query
        else:
            assert found == old.search(query), query
        for size in (1, 7, 50):
            page = search.first_page(query, size)
            assert page.ids == found[:size], (query, size)
            assert page.complete == (len(found) <= size), (query, size)


def test_a_short_term_of_few_postings_is_not_counted_from_the_index(many, monkeypatch):
    statements: list[str] = []
    run = database.execute_sql

    def counted(sql, params=None, *args, **kwargs):
        statements.append(sql)
        return run(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", counted)
    fts, candidates = search._counted_index_query(["王"])
    assert fts and candidates >= _texts_holding("王") > 0
    assert not [sql for sql in statements if "count(*)" in sql and "MATCH" in sql]


def test_a_chinese_character_is_searched_without_its_sort_key(many, monkeypatch):
    # Its key is its reading from pypinyin's dictionary, whose first read in a process
    # took 26 ms of the first Chinese keystroke at 1,000,000 customers; the search never
    # needs it (no name's key starts with a Chinese character).
    monkeypatch.setattr(search, "LETTER_SCAN_FROM", 0)  # the small file taken as a big one
    keyed: list[str] = []
    real = search.sort_key

    def sort_key(text, order=None):
        keyed.append(text)
        return real(text, order)

    monkeypatch.setattr(search, "sort_key", sort_key)
    expected = search.search_customers("伟")
    assert expected  # the fixture's Chinese names
    for query in ("伟", "王", "张伟"):
        page = search.first_page(query, 7)
        assert page.ids == search.search_customers(query)[:7], query
    assert keyed == []
    # A Latin letter still is keyed (its key tells the names that start with it).
    search.first_page("z", 7)
    assert keyed == ["z"]
