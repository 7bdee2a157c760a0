"""The n-gram search index (schema 7) against the Python index it replaced.

The old index (:mod:`crm_desktop.services.search_memory`) scanned every haystack; the new one
asks SQLite's FTS5 trigram table. On a corpus of names in every script they must give the
same customers in the same order, and the new one must stay right after every write path
of the services and after edits made with another SQLite tool.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date

import pytest

from crm_desktop.models import database
from crm_desktop.services import contacts, customers, demo, duplicates, search, tags, trash
from crm_desktop.services.search_memory import MemoryIndex
from crm_desktop.services.text import fold, sort_key
from tests.old_schema import BOARD_INDEX_DROPS, CONTACT_KEY_DROPS, GROUP_INDEX_DROPS

ODD_NAMES = [
    "«Ромашка» ООО",
    '"Quoted" Trading',
    "(Кооператив) Север",
    "O'Brien & Sons",
    "Jean-Luc Picard SARL",
    "Ёлкин Семён",
    "Елкина Алёна",
    "张伟",
    "王芳",
    "李",
    "Li",
    "Ян",
    "Σωκράτης Παπαδόπουλος",
    "محمد الأحمد",
    "דוד כהן",
    "山田太郎",
    "김민준",
    "สมชาย ใจดี",
    "Café 😀 Emoji",
    "=SUM(A1:A2)",
    "<b>&amp; Bold</b>",
    "ab",
    "a",
    "Zoë Ærøskøbing",
]


@pytest.fixture
def corpus(db):
    """~600 demo customers (every country's script) plus names that are hard to index."""
    demo.generate(customers=600, seed=11, on=date(2026, 6, 15))
    for number, name in enumerate(ODD_NAMES):
        customer = customers.create_customer(
            {"name": name, "email": f"odd{number}@example.com", "city": "Берлин"},
            tag_names=["редкий"] if number % 3 == 0 else (),
        )
        if number % 4 == 0:
            contacts.create_contact({"customer_id": customer, "name": "Иван Ёжиков"})
    return db


def _queries(seed: int = 5) -> list[str]:
    """What people type: 1–2 letters, fragments of names, emails and phones, several words."""
    rows = database.execute_sql("SELECT name, email, phone, city FROM customer").fetchall()
    rng = random.Random(seed)
    queries = {"", "qqqqxyz", "иван", "ИВАН", "ё", "е", "伟", "张伟", "@", "@gm", "+4", "+7 9",
               "8 495", "«ром", '"quo', "(к", "o'b", "jean-l", "😀", "=sum", "<b>&", "ab", "a",
               "ы", "ß", "李", "ян", "iv an", "ber lin", "ерл"}  # fmt: skip
    for name, email, phone, city in rng.sample(rows, 120):
        folded = fold(name)
        start = rng.randrange(len(folded))
        queries.update(
            {
                name[:1],
                name[:2].upper(),
                folded[start : start + 2],
                folded[start : start + rng.randint(3, 6)],
                " ".join(folded.split()[:2])[:9],
            }
        )
        if email:
            queries.add(email.split("@")[0][-3:])
        if phone:
            queries.add(phone[-5:])
        if city:
            queries.add(city[:4])
    return sorted(q for q in queries if q is not None)


# The page beyond the name's start: emails and phones walked from the first names when the
# candidates are dense (each name if need be, a few names: the walk often falls short), or
# every candidate ranked; the names that hold the term estimated from a sample (one
# candidate: the estimate often falls short and everything is ranked again).
@pytest.mark.parametrize(
    ("email_or_phone_walk", "name_sample"), [(20_000, 200), (30, 200), (0, 200), (0, 1)]
)
def test_same_customers_in_the_same_order_as_the_python_index(
    corpus, monkeypatch, email_or_phone_walk, name_sample
):
    monkeypatch.setattr(search, "EMAIL_OR_PHONE_WALK", email_or_phone_walk)
    monkeypatch.setattr(search, "NAME_SAMPLE", name_sample)
    old = MemoryIndex()
    old.load()
    queries = _queries()
    assert len(queries) > 300
    for query in queries:
        expected = old.search(query)
        assert search.search_customers(query) == expected, query
        page = search.first_page(query, 20)
        assert page.ids == expected[:20], query
        assert page.complete == (len(expected) <= 20), query


# The groups' indexes (schema 15) rank every page of a one-term query; the first
# candidates of a group checked a few rows at a time, with no spare (a group whose first
# candidates fall short of its page is then sorted whole), or as shipped; found by a walk
# of the first names (wave 10) of a few names (it often falls short) or of most of them.
@pytest.mark.parametrize(
    ("chunk", "spare", "walk"),
    [(400, 20, None), (3, 0, None), (1, 0, None), (400, 20, 30), (3, 0, 200), (1, 0, 500)],
)
def test_the_groups_indexes_rank_as_the_python_index(corpus, monkeypatch, chunk, spare, walk):
    # Texts whose group holds a term's trigrams but not the term: "abcab" is in none of
    # these names ("abca xcab"), only in their email, contact or city.
    for number, (field, value) in enumerate(
        [("email", "abcab@x.org"), ("contact", "Абвгабв Abcab"), ("city", "Abcabville"),
         ("email", "abca-xcab@x.org"), ("name", "Xabcab Word"), ("name", "Q Abcab")]
    ):  # fmt: skip
        made = customers.create_customer(
            {"name": f"Abca Xcab {number}" if field != "name" else value,
             **({field: value} if field in ("email", "city") else {})}
        )  # fmt: skip
        if field == "contact":
            contacts.create_contact({"customer_id": made, "name": value, "email": "bcab@y.ru"})
    monkeypatch.setattr(search, "GROUPS_FROM", 0)
    monkeypatch.setattr(search, "GROUP_CHECK_CHUNK", chunk)
    monkeypatch.setattr(search, "BY_KEY_SPARE", spare)
    if walk is not None:  # every group walked, whatever its candidates
        monkeypatch.setattr(search, "GROUP_WALK", walk)
        monkeypatch.setattr(search, "WALK_SLACK", 0)
        monkeypatch.setattr(search, "WALK_SAMPLE", 1)
        monkeypatch.setattr(search, "GROUP_WALK_FROM", 0)
    old = MemoryIndex()
    old.load()
    queries = [q for q in _queries(7) if len(search.search_terms(q)) == 1]
    queries += ["abcab", "bcab", "xcab", "ёжиков", "берлин", "example", "редк", "张伟", "@exa"]
    grouped = 0
    for query in queries:
        terms = search.search_terms(query)
        if len(terms) == 1:
            grouped += 1
        expected = old.search(query)
        for size in (1, 4, 20):
            page = search.first_page(query, size)
            assert page.ids == expected[:size], (query, size)
            assert page.complete == (len(expected) <= size), query
    assert grouped > 100
    assert old.search("abcab")[:3] and search.first_page("abcab", 50).ids == old.search("abcab")


@pytest.mark.parametrize(
    ("page_postings", "first_names", "names_among", "probe"),
    # The page from candidates or a walk of every name; or from the first names when they
    # hold it (all of them, or only 15: most queries then go on to the candidates, walking
    # the name index among them — every name, or 60 or 200 names, which often fall short).
    # The first names probed before they are walked: none (every query skips the walk),
    # a few (most find none and skip it, the others walk), or all of the walk.
    [
        (100_000, 0, 60_000, 500),
        (0, 0, 60_000, 500),
        (100_000, 4000, 60_000, 500),
        (100_000, 4000, 60_000, 0),
        (100_000, 4000, 60_000, 3),
        (100_000, 15, 60_000, 500),
        (100_000, 15, 60, 500),
        (100_000, 15, 200, 500),
        (0, 15, 200, 2),
    ],
)
# A sample of the candidates tells whether the walk holds the page (wave 10): as shipped
# (five of them among the names walked), or any one of them.
@pytest.mark.parametrize("early_hits", [5, 1])
# Candidates put in name order by their keys: a few spare (as shipped), or none (a page
# short of its matches is then sorted from the rows).
@pytest.mark.parametrize("spare", [20, 0])
def test_a_common_query_lists_names_that_start_with_it_then_the_rest_by_name(
    corpus, monkeypatch, page_postings, first_names, names_among, probe, spare, early_hits
):
    monkeypatch.setattr(search, "BY_KEY_SPARE", spare)
    monkeypatch.setattr(search, "EARLY_HITS", early_hits)
    monkeypatch.setattr(search, "WALK_SLACK", 2 if early_hits > 1 else 0)
    # A small file made "big": every query of more than 30 candidates is a common one.
    monkeypatch.setattr(search, "PAGE_SHORT_POSTINGS", page_postings)
    monkeypatch.setattr(search, "FIRST_NAMES_WALK", first_names)
    monkeypatch.setattr(search, "FIRST_NAMES_PROBE", probe)
    monkeypatch.setattr(search, "NAMES_AMONG_WALK", names_among)
    monkeypatch.setattr(search, "FULL_RANKING_LIMIT", 24)
    monkeypatch.setattr(search, "COMMON_CANDIDATES", 30)
    monkeypatch.setattr(search, "COMMON_SHORT_POSTINGS", 40)
    rows = database.execute_sql("SELECT id, haystack, name_key FROM customer_search").fetchall()
    common = 0
    queries = ["а", "e", "ив", "an", "com", "exa", "+4", "@", "@e", "@ex", "+1 2", "55"]
    # Several words: the candidates of one, most without the others (checked away).
    for query in [*queries, "e r", "a ov", "com 7", "@ex 1"]:
        terms = search.search_terms(query)
        term = terms[0]
        matches = [r for r in rows if all(t in r[1] for t in terms)]
        by_name = sorted(matches, key=lambda r: (not r[1].startswith(term), r[2], r[0]))
        found = search.search_customers(query)
        assert sorted(found) == sorted(r[0] for r in matches), query
        if len(matches) > search.FULL_RANKING_LIMIT:
            common += 1
            assert found == [r[0] for r in by_name], query
            page = search.first_page(query, 7)
            assert page.ids == found[:7] and not page.complete
    assert common >= 5


@pytest.mark.parametrize(
    ("common", "sample", "scan", "dense"),
    # "e" is in 560 of the corpus's 600 demo texts and "a" in 576: at a line of 565, "e" is
    # found in most texts and still not common.
    # A file of fewer rows than ten times the line asks the vocabulary alone.
    [
        (30, 2000, 120_000, "ae@"),
        (200, 50, 400, "ae@"),
        (565, 2000, 120_000, "a@"),
        (70, 2000, 120_000, ""),
    ],
)
def test_a_letter_is_common_by_its_texts_only_when_more_than_the_line_hold_it(
    corpus, monkeypatch, common, sample, scan, dense
):
    """The letter's count read from the texts says "common" exactly when it is one."""
    if dense:  # the corpus (624 customers) taken as a big file
        monkeypatch.setattr(search, "LETTER_SCAN_FROM", 1)
    monkeypatch.setattr(search, "COMMON_CANDIDATES", common)
    monkeypatch.setattr(search, "FULL_RANKING_LIMIT", common)
    monkeypatch.setattr(search, "LETTER_SAMPLE", sample)
    monkeypatch.setattr(search, "LETTER_SCAN", scan)
    rows = [r[0] for r in database.execute_sql("SELECT haystack FROM customer_search")]
    letters = sorted({c for text in rows for c in text if c not in "\n\x1e"})
    proved = []
    for letter in letters:
        held = sum(letter in text for text in rows)
        if search._held_by_many(letter):
            proved.append(letter)
            assert held > common, letter
        if held > common:  # common either way: by its texts or by the vocabulary
            assert search._index_query([letter]) is None, letter
    assert set(dense) <= set(proved)  # letters found in most texts are proved so
    assert proved if dense else not proved
    old = MemoryIndex()
    old.load()
    for query in ["a", "e", "@", "о", "z", "伟", "ё"]:
        assert search.search_customers(query) == old.search(query), query


GROUP_TABLES = tuple(f"customer_search_{g}_fts" for g in ("name", "reach", "people", "place"))


def _same_as_python_index(*queries: str) -> None:
    old = MemoryIndex()
    old.load()
    for query in (*queries, "а", "ив", "иван", "com", "@", "берл", "张伟"):
        assert search.search_customers(query) == old.search(query), query
    # Every page of a one-term query from the groups' indexes (schema 15) too.
    grouped = search.GROUPS_FROM
    search.GROUPS_FROM = 0
    try:
        for query in (*queries, "иван", "com", "берл", "exa", "ёжи", "伟", "ж", "ив", "@"):
            assert search.first_page(query, 25).ids == old.search(query)[:25], query
    finally:
        search.GROUPS_FROM = grouped
    for table in ("customer_search_fts", *GROUP_TABLES):
        # FTS5's own check: raises when an index and the rows differ.
        database.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def test_right_after_every_write_of_the_services(corpus, tmp_path):
    from crm_desktop.services import importing
    from crm_desktop.services.importing import undo_batch

    # The form: a new customer, then renamed.
    made = customers.create_customer({"name": "Квазимодо Парижский", "email": "q@nd.fr"})
    assert search.search_customers("квазимодо") == [made]
    customers.update_customer(made, {"name": "Эсмеральда Парижская"})
    assert search.search_customers("квазимодо") == []
    assert search.search_customers("эсмеральда") == [made]
    _same_as_python_index("парижск")

    # Contacts and tags.
    contacts.create_contact({"customer_id": made, "name": "Фролло Клод"})
    tags.set_tags(made, ["Собор"])
    assert search.search_customers("фролло") == [made]
    assert search.search_customers("собор") == [made]

    # The trash, and back.
    batch = trash.move_to_trash("customer", [made])
    assert search.search_customers("эсмеральда") == []
    trash.restore_batch(batch)
    assert search.search_customers("эсмеральда") == [made]
    _same_as_python_index("эсмеральда")

    # An import, then its undo.
    source = tmp_path / "people.csv"
    source.write_text("Name,Email\nГренуй Жан-Батист,gren@parfum.fr\n龙井茶庄,tea@longjing.cn\n")
    result = importing.run_import(source, "customer")
    assert len(search.search_customers("гренуй")) == 1
    assert len(search.search_customers("井茶")) == 1
    _same_as_python_index("гренуй", "井茶")
    assert result.batch_id is not None
    undo_batch(result.batch_id)
    assert search.search_customers("гренуй") == []
    assert search.search_customers("井茶") == []

    # A merge of duplicates: the merged one is gone, the survivor found by both names.
    twin = customers.create_customer({"name": "Эсмеральда Двойник"})
    duplicates.merge_customers(made, [twin])
    assert search.search_customers("двойник") in ([], [made])
    assert twin not in search.search_customers("эсмеральда")

    # Emptying the trash.
    trash.move_to_trash("customer", [made])
    trash.empty_trash()
    assert search.search_customers("эсмеральда") == []
    _same_as_python_index("эсмеральда", "фролло")


def test_right_after_the_sample_data(db):
    assert search.search_customers("а") == []
    demo.generate(customers=120, seed=2, on=date(2026, 6, 15))
    name = database.execute_sql("SELECT name FROM customer ORDER BY id LIMIT 1").fetchone()[0]
    assert search.search_customers(name)
    _same_as_python_index(name[:3], name[:1])


def _outside(path, *statements: tuple[str, tuple]) -> None:
    other = sqlite3.connect(path)  # as the sqlite3 shell would: foreign keys off, no services
    for sql, params in statements:
        other.execute(sql, params)
    other.commit()
    other.close()


def test_right_after_edits_by_another_sqlite_tool(corpus):
    first, second, third = (
        row[0] for row in database.execute_sql("SELECT id FROM customer ORDER BY id LIMIT 3")
    )
    search.search_customers("x")  # the session has searched once already
    _outside(
        corpus,
        ("UPDATE customer SET name = 'Синдбад Мореход' WHERE id = ?", (first,)),
        ("INSERT INTO contact (customer_id, name) VALUES (?, '诸葛亮')", (second,)),
        ("PRAGMA foreign_keys = ON", ()),
        ("DELETE FROM customer WHERE id = ?", (third,)),
        ("INSERT INTO customer (name, kind, status, created_at, updated_at) VALUES "
         "('Шехерезада Outside', 'company', 'active', '2026-01-01T00:00:00Z', "
         "'2026-01-01T00:00:00Z')", ()),
    )  # fmt: skip
    assert search.search_customers("синдбад") == [first]
    assert search.search_customers("诸葛") == [second]
    assert third not in search.search_customers("")
    found = search.search_customers("шехерезада")
    assert len(found) == 1
    assert search.first_page("шех").ids == found
    _same_as_python_index("синдбад", "诸葛", "шех")


def test_the_index_is_built_after_the_upgrade_and_a_search_before_it_still_works(corpus):
    # As step 6 → 7 leaves it: the index empty beside its rows.
    with database.atomic():
        database.execute_sql(
            "INSERT INTO customer_search_fts (customer_search_fts) VALUES ('delete-all')"
        )
    assert search.index_needs_build()
    search.FRESHNESS.forget()  # a new session
    assert search.search_customers("берлин")  # built before reading
    assert not search.index_needs_build()
    with database.atomic():
        database.execute_sql(
            "INSERT INTO customer_search_fts (customer_search_fts) VALUES ('delete-all')"
        )
    seen: list[tuple[int, int]] = []
    search.refresh_index(lambda done, total: seen.append((done, total)))
    total = database.execute_sql("SELECT count(*) FROM customer_search").fetchone()[0]
    assert seen and seen[-1] == (total, total)
    _same_as_python_index("берлин")


def test_names_that_begin_with_punctuation_rank_first_for_their_own_start(corpus):
    quoted = database.execute_sql(
        "SELECT id FROM customer WHERE name = '«Ромашка» ООО'"
    ).fetchone()[0]
    assert search.search_customers("«ром")[0] == quoted
    assert search.first_page("«ро", 1).ids == [quoted]
    assert sort_key("«Ромашка» ООО").startswith("ромашка")


def test_a_file_from_before_the_index_gets_it_filled_by_the_upgrade(corpus):
    from crm_desktop.models import close_database
    from crm_desktop.models.migrations import STEPS
    from crm_desktop.services import open_session

    # The version before the search index's step (later steps run after it, as in a real upgrade).
    before = next(n for n, step in STEPS.items() if step.__name__ == "_v10_to_v11")

    expected = search.search_customers("берлин")
    close_database()
    conn = sqlite3.connect(corpus)
    for statement in (
        'DROP TRIGGER "search_fts_insert"',
        'DROP TRIGGER "search_fts_delete"',
        'DROP TRIGGER "search_fts_update"',
        'DROP TABLE "customer_search_vocab"',
        'DROP TABLE "customer_search_fts"',
        'DROP VIEW "customer_search_text"',
        'DROP INDEX "customer_search_odd_name"',
        'DROP INDEX "customer_search_id_key"',  # schema 14
        *GROUP_INDEX_DROPS,  # schema 15
        *CONTACT_KEY_DROPS,
        *BOARD_INDEX_DROPS,
        f"PRAGMA user_version = {before}",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    assert open_session(corpus, refresh_search=False).migrated_from == before
    assert not search.index_needs_build()
    assert search.search_customers("берлин") == expected
    # From then on the triggers keep it: a write, then FTS5's own check against the rows.
    customers.create_customer({"name": "Берлинская лазурь"})
    _same_as_python_index("берлин")


def test_a_version_11_file_reads_the_odd_names_by_their_first_character(corpus):
    """Schema 13 remakes the odd-name index on (first character, key): same answers, same
    objects as a new file, and a keystroke reads only the odd names it can match."""
    from crm_desktop.models import close_database
    from crm_desktop.models.migrations import ODD_NAME
    from crm_desktop.models.schema import expected_objects, objects_of
    from crm_desktop.services import open_session

    queries = ("张", "张伟", "王", "«ром", "«", '"q', "ё", "е", "л", "q", "qqqxyz")
    expected = {q: (search.search_customers(q), search.first_page(q, 5)) for q in queries}
    close_database()
    conn = sqlite3.connect(corpus)
    conn.execute('DROP INDEX "customer_search_odd_name"')
    conn.execute(  # as version 11 made it
        'CREATE INDEX "customer_search_odd_name" ON "customer_search" ("name_key") '
        'WHERE substr("haystack", 1, 1) <> substr("name_key", 1, 1)'
    )
    conn.execute('DROP INDEX "customer_search_id_key"')  # schema 14
    for statement in (
        *GROUP_INDEX_DROPS,
        *CONTACT_KEY_DROPS,
        *BOARD_INDEX_DROPS,
    ):  # schema 15 and later
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 11")
    conn.commit()
    conn.close()
    assert open_session(corpus, refresh_search=False).migrated_from == 11
    plan = " ".join(
        str(step[-1])
        for step in database.execute_sql(
            "EXPLAIN QUERY PLAN SELECT name_key, id FROM customer_search "
            f"INDEXED BY customer_search_odd_name WHERE {ODD_NAME} "
            "AND substr(haystack, 1, 1) = ? ORDER BY name_key, id",
            ("张",),
        )
    )
    assert "customer_search_odd_name (<expr>=?)" in plan and "TEMP B-TREE" not in plan
    assert {q: (search.search_customers(q), search.first_page(q, 5)) for q in queries} == expected
    assert search.first_page("张", 5).ids and search.first_page("«ром", 5).ids
    close_database()
    conn = sqlite3.connect(corpus)
    try:
        assert objects_of(conn) == expected_objects()
    finally:
        conn.close()


def test_a_first_search_beside_the_sessions_repair_does_not_scan_the_file_again(
    corpus, monkeypatch
):
    first = database.execute_sql("SELECT id FROM customer ORDER BY id LIMIT 1").fetchone()[0]
    _outside(corpus, ("UPDATE customer SET name = 'Синдбад Мореход' WHERE id = ?", (first,)))
    search.FRESHNESS.forget()  # a new session: its first search would repair
    scans: list[int] = []
    real = search._stale_ids
    monkeypatch.setattr(search, "_stale_ids", lambda: scans.append(1) or real())
    with search.FRESHNESS.repairing():  # the window's start job, running on its thread
        assert search.search_customers("синдбад") == []  # the rows as they stand
        assert search.first_page("синдбад").ids == []
    assert scans == []
    # That repair ended without finishing (it failed): the next search repairs.
    assert search.search_customers("синдбад") == [first]
    assert scans == [1]
    # A repair that finished: the session's first search trusts it.
    search.FRESHNESS.forget()
    assert search.refresh_index() == 0
    assert scans == [1, 1]  # the refresh's own scan
    assert search.first_page("синдбад").ids == [first]
    assert scans == [1, 1]  # none by the search


def test_a_version_14_file_gets_the_groups_indexes_filled_by_the_upgrade(corpus):
    """Step 14 → 15 makes the groups' indexes from the rows: the same objects as a new file,
    FTS5's own check passes, and a page ranked from them is the Python index's."""
    from crm_desktop.models import close_database
    from crm_desktop.models.schema import expected_objects, objects_of
    from crm_desktop.services import open_session

    close_database()
    conn = sqlite3.connect(corpus)
    for statement in (*GROUP_INDEX_DROPS, *CONTACT_KEY_DROPS, *BOARD_INDEX_DROPS):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 14")
    conn.commit()
    assert not [n for (n,) in conn.execute("SELECT name FROM sqlite_master") if "groups" in n]
    conn.close()
    assert open_session(corpus, refresh_search=False).migrated_from == 14
    assert objects_of(database.connection()) == expected_objects()
    filled = database.execute_sql("SELECT count(*) FROM customer_search_people_fts_docsize")
    assert (
        filled.fetchone()[0]
        == database.execute_sql("SELECT count(*) FROM customer_search").fetchone()[0]
    )
    _same_as_python_index("ёжиков", "берлин", "example")
