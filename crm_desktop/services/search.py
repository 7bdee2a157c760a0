"""Finding customers while the user types, in any script and any case.

The derived table ``customer_search`` keeps, for each customer not in the
trash, one folded "haystack" (name, email, phone digits with and without the
country code, city, country, tags, and the names, emails and phones of its
contacts) and the sort key of its name. A query is folded the same way and
each of its terms must occur in the haystack, so ``иван`` finds ``Иванов``,
``ZHANG`` finds ``Zhang`` and ``伟`` finds ``张伟``.

A search does not read every haystack: an FTS5 table with the trigram tokenizer
(schema 11, ``customer_search_fts``), kept equal to ``customer_search`` by
triggers, gives the rows that hold a term's trigrams (a term of one or two
characters: the trigrams that begin with it, from the index's vocabulary).
They are checked for the whole term and ranked here, exactly as the Python
index of schema 6 ranked them (:mod:`~crm_desktop.services.search_memory`
keeps it for the tests and the benchmark). A common query (a letter on a
big file) matches more than :data:`FULL_RANKING_LIMIT` customers: it is
ranked "the name starts with it" first, then by name, and its first page is
read from the name index at once (:func:`first_page`) while the whole list
is read lazily; its candidates are put in name order from the index of the rows' keys
by id (schema 14) rather than from their rows. Nothing of the index is held in Python
between searches.

The services keep the table current on every write. Because a user may edit
the file with another SQLite tool, triggers in the schema (version 6) clear
the ``stamp`` of a customer's row whenever the customer, its contacts or its
tags change, whoever writes; a row whose stamp is not its customer's
``updated_at`` is stale. The first search of a session, and the first after
another program committed, re-indexes the stale rows before it reads
(:func:`refresh_index` does the same on demand); :func:`rebuild_index`
recomputes everything.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import peewee

from crm_desktop.errors import CrmError
from crm_desktop.models import database
from crm_desktop.models.migrations import ODD_NAME, SEARCH_INDEX_TABLES
from crm_desktop.services import changes, interrupting
from crm_desktop.services.text import (
    ORDERS,
    active_order,
    fold,
    is_han,
    phone_search_text,
    search_terms,
    sort_key,
)

_log = logging.getLogger(__name__)

SEPARATOR = "\n"  # a character no query contains, so a term never spans two fields
# Between the groups a match is ranked by: the name; email and phones; the contacts; city,
# country and tags. A query never holds it either (Python counts it as white space).
GROUP = "\x1e"


def haystack(
    customer: Sequence[str | None],
    contacts: Iterable[Sequence[str | None]] = (),
    tags: Iterable[str] = (),
) -> str:
    """The folded text a customer is found by, in the groups a match is ranked by.

    ``customer`` is (name, email, phone, city, country); each contact is (name, email, phone).
    """
    name, email, phone, city, country = customer
    reach = [fold(email), phone_search_text(phone)]
    people: list[str] = []
    for contact_name, contact_email, contact_phone in contacts:
        people.extend((fold(contact_name), fold(contact_email), phone_search_text(contact_phone)))
    place = [fold(city), fold(country), *(fold(tag) for tag in tags)]
    groups = [
        fold(name),
        *(SEPARATOR.join(p for p in part if p) for part in (reach, people, place)),
    ]
    return GROUP.join(groups)


# Ranks of a match, best first (issue: "rank in the database or the index, never the widget").
NAME_STARTS, NAME_WORD_STARTS, NAME_CONTAINS, EMAIL_OR_PHONE, CONTACT, CITY_OR_TAG = range(6)


def match_rank(text: str, term: str) -> int:
    """How well the haystack ``text`` matches ``term``: 0 (the name starts with it) … 5."""
    name, _, rest = text.partition(GROUP)
    at = name.find(term)
    if at == 0:
        return NAME_STARTS
    if at > 0:
        while at > 0:
            if not name[at - 1].isalnum():
                return NAME_WORD_STARTS
            at = name.find(term, at + 1)
        return NAME_CONTAINS
    reach, _, rest = rest.partition(GROUP)
    if term in reach:
        return EMAIL_OR_PHONE
    people, _, _ = rest.partition(GROUP)
    return CONTACT if term in people else CITY_OR_TAG


def _contacts_and_tags(
    ids: Sequence[int],
) -> tuple[dict[int, list[tuple]], dict[int, list[str]]]:
    """The (name, email, phone) of each customer's contacts, primary first, and its tags."""
    conn = database.connection()
    marks = ", ".join("?" for _ in ids)
    contacts: dict[int, list[tuple]] = defaultdict(list)
    for customer_id, *contact in conn.execute(
        f"SELECT customer_id, name, email, phone FROM contact WHERE customer_id IN ({marks}) "
        "ORDER BY is_primary DESC, id",
        ids,
    ):
        contacts[customer_id].append(contact)
    tags: dict[int, list[str]] = defaultdict(list)
    for customer_id, tag in conn.execute(
        f"SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        f"WHERE ct.customer_id IN ({marks})",
        ids,
    ):
        tags[customer_id].append(tag)
    return contacts, tags


# More text a customer is found by, from other modules (the owner's searchable custom
# fields): each takes customer ids and gives ``{id: [text, …]}``; ranked with the tags.
EXTRA_TEXT: list[Callable[[Sequence[int]], Mapping[int, Sequence[str]]]] = []


def _extra_text(ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for provider in EXTRA_TEXT:
        for customer_id, texts in provider(ids).items():
            found[customer_id].extend(texts)
    return found


def _index_rows(ids: Sequence[int]) -> tuple[list[tuple[int, str, str, str]], list[int]]:
    """Search rows of the live customers among ``ids``, and the ids that are gone or trashed."""
    conn = database.connection()
    marks = ", ".join("?" for _ in ids)
    contacts, tags = _contacts_and_tags(ids)
    extra = _extra_text(ids) if EXTRA_TEXT else {}
    rows = []
    for customer_id, name, email, phone, city, country, updated_at in conn.execute(
        "SELECT id, name, email, phone, city, country, updated_at FROM customer "
        # "+deleted_at": look the ids up by rowid; the deleted_at index would scan every row.
        f"WHERE id IN ({marks}) AND +deleted_at IS NULL",
        ids,
    ):
        text = haystack(
            (name, email, phone, city, country),
            contacts[customer_id],
            [*tags[customer_id], *extra.get(customer_id, ())],
        )
        rows.append((customer_id, text, sort_key(name), updated_at))
    live = {row[0] for row in rows}
    return rows, [i for i in ids if i not in live]


_UPSERT = (
    "INSERT INTO customer_search (id, haystack, name_key, stamp) VALUES (?, ?, ?, ?) "
    "ON CONFLICT(id) DO UPDATE SET haystack = excluded.haystack, "
    "name_key = excluded.name_key, stamp = excluded.stamp"
)


def reindex_customers(ids: Iterable[int | None]) -> None:
    """Recompute the search rows of these customers (call inside the writing transaction).

    A customer in the trash or gone loses its row; the n-gram index follows by its triggers.
    """
    unique = sorted({i for i in ids if i is not None})
    conn = database.connection()
    for start in range(0, len(unique), 500):
        rows, dropped = _index_rows(unique[start : start + 500])
        if rows:
            conn.executemany(_UPSERT, rows)
        if dropped:
            conn.executemany("DELETE FROM customer_search WHERE id = ?", [(i,) for i in dropped])


def rebuild_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute the whole search table and its index; returns how many customers it holds."""
    ids = [row[0] for row in database.execute_sql("SELECT id FROM customer ORDER BY id")]
    with changes.transaction():
        database.execute_sql("DELETE FROM customer_search")
        for start in range(0, len(ids), 2000):
            reindex_customers(ids[start : start + 2000])
            if progress is not None:
                progress(min(start + 2000, len(ids)), len(ids))
        # Whatever state the indexes were in (another tool may have written into them), anew.
        for table in SEARCH_INDEX_TABLES:
            database.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    return len(ids)


def _stale_ids() -> list[int]:
    """Customers whose search row is missing, stale (its stamp cleared) or of the trash."""
    return [
        row[0]
        for row in database.execute_sql(
            "SELECT c.id FROM customer c LEFT JOIN customer_search s ON s.id = c.id "
            "WHERE (c.deleted_at IS NULL AND (s.id IS NULL OR s.stamp IS NOT c.updated_at)) "
            "OR (c.deleted_at IS NOT NULL AND s.id IS NOT NULL)"
        )
    ]


def index_needs_build() -> bool:
    """True when the n-gram index is empty though there are rows (its rows were dropped)."""
    row = database.execute_sql(
        "SELECT EXISTS (SELECT 1 FROM customer_search) "
        "AND NOT EXISTS (SELECT 1 FROM customer_search_fts_docsize)"
    ).fetchone()
    return bool(row[0])


def build_ngram_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Fill the n-gram index anew from ``customer_search`` (when its rows were dropped).

    One transaction, in chunks of ids so that ``progress(done, total)`` can be shown; the
    triggers keep it current from then on. Returns the number of rows indexed.
    """
    bounds = database.execute_sql("SELECT min(id), max(id), count(*) FROM customer_search")
    low, high, total = bounds.fetchone()
    if not total:
        return 0
    done = 0
    with changes.transaction():
        database.execute_sql(
            "INSERT INTO customer_search_fts(customer_search_fts) VALUES ('delete-all')"
        )
        for first in range(low, high + 1, _BUILD_CHUNK):
            cursor = database.execute_sql(
                "INSERT INTO customer_search_fts (rowid, haystack) "
                "SELECT id, haystack FROM customer_search_text WHERE id BETWEEN ? AND ?",
                (first, first + _BUILD_CHUNK - 1),
            )
            done += max(cursor.rowcount, 0)
            if progress is not None:
                progress(min(done, total), total)
    return total


_BUILD_CHUNK = 20_000
_OPTIMIZE_AFTER = 10_000  # re-indexed rows above which the index is merged afterwards


def refresh_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Repair search rows that are missing, stale or of a trashed customer; returns how many.

    Builds the n-gram index first when it is empty beside rows (someone dropped its rows).
    """
    if index_needs_build():
        build_ngram_index(progress)
    with FRESHNESS.repairing():
        stale = _stale_ids()
        if stale:
            with changes.transaction():
                for start in range(0, len(stale), 5000):
                    reindex_customers(stale[start : start + 5000])
                    if progress is not None:
                        progress(min(start + 5000, len(stale)), len(stale))
                if len(stale) > _OPTIMIZE_AFTER:
                    # Rewriting many rows leaves the index in many segments with their old
                    # entries marked deleted: merged into one, it is smaller and reads faster.
                    for table in SEARCH_INDEX_TABLES:
                        database.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        FRESHNESS.checked()  # the first keystroke need not check the whole file again
    return len(stale)


def _repair_before_reading() -> None:
    """Re-index what another program (or a bulk path) left stale before a search reads.

    A file that cannot be written now (read-only media, another program's lock) is
    searched as its table stands: finding slightly stale rows beats refusing to search.
    """
    try:
        if index_needs_build():
            build_ngram_index()
        stale = _stale_ids()
        if stale:
            with changes.transaction():
                reindex_customers(stale)
    except (CrmError, peewee.OperationalError, sqlite3.OperationalError) as exc:
        _log.info("search rows left as they are: %s", type(exc).__name__)


class Freshness:
    """Whether another program committed to the file since this thread last searched.

    SQLite's ``data_version`` moves when another connection commits: another process,
    or one of our own threads (whose commits also move :data:`changes.commit_count`
    and went through the services, which keep the rows current).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[int, tuple[int, int]] = {}
        self._checked = False
        self._repairs = 0  # sessions' repairs running now (the window's start job)

    @contextlib.contextmanager
    def repairing(self) -> Iterator[None]:
        """While the session's repair runs on one thread, a first search on another reads
        the rows as they stand instead of scanning the file a second time beside it (at 1M
        ~0.3 s on the first keystroke). Whoever runs the repair says what it changed (the
        window reloads its lists); should it fail, the next search repairs."""
        with self._lock:
            self._repairs += 1
        try:
            yield
        finally:
            with self._lock:
                self._repairs -= 1

    def forget(self) -> None:
        with self._lock:
            self._versions.clear()
            self._checked = False

    def checked(self) -> None:
        """The rows were just repaired: only a later commit by another program counts."""
        stamp = (int(database.pragma("data_version")), changes.commit_count)
        with self._lock:
            self._versions = {threading.get_ident(): stamp}
            self._checked = True

    def outside_write(self) -> bool:
        """True before the first search of a session and after another program committed."""
        stamp = (int(database.pragma("data_version")), changes.commit_count)
        thread = threading.get_ident()
        with self._lock:
            seen = self._versions.get(thread)
            self._versions[thread] = stamp
            if not self._checked:
                if self._repairs:
                    return False  # the session's repair is running: see repairing()
                self._checked = True
                return True
            return seen is not None and stamp[0] != seen[0] and stamp[1] == seen[1]

    # The services call these after bulk writes (the rows are already current in SQLite).
    def patch(self, rows: Sequence[tuple[int, str, str]], dropped: Sequence[int]) -> None:
        """Nothing to do: the index lives in SQLite and its triggers follow every write."""


FRESHNESS = Freshness()
MEMORY = FRESHNESS  # the name the bulk paths knew (``MEMORY.forget()`` after they write)


# Above this many matches only "the name starts with it" is ranked first and the rest stay
# in name order (as the Python index did: ranking each match costs ~1 µs in Python).
FULL_RANKING_LIMIT = 20_000
# A query whose index candidates pass this many is taken as a common one (more matches than
# FULL_RANKING_LIMIT): its first page is read from the name index at once, the rest lazily.
# Trigrams found together almost always are the term, so candidates are the matches (a
# false one is checked away); a short query's trigrams overcount its matches (a text holds
# "ан", "ам"…), so only many more postings than that make it common at once.
COMMON_CANDIDATES = FULL_RANKING_LIMIT
COMMON_SHORT_POSTINGS = FULL_RANKING_LIMIT * 3
FIRST_PAGE = 300


def ranked_positions(positions: list[int], texts: Sequence[str], term: str) -> list[int]:
    """``positions`` (in name order) best match first; within a rank the name order stays."""
    starts = [p for p in positions if texts[p].startswith(term)]
    if len(starts) == len(positions):
        return positions
    chosen = set(starts)
    rest = [p for p in positions if p not in chosen]
    if len(positions) > FULL_RANKING_LIMIT:
        return starts + rest
    buckets: list[list[int]] = [[] for _ in range(CITY_OR_TAG + 1)]
    for p in rest:
        buckets[match_rank(texts[p], term)].append(p)
    return starts + [p for bucket in buckets for p in bucket]


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


_TOP = "\U0010ffff"  # above every character: the end of a range of keys that start alike


def _trigram_query(terms: Sequence[str]) -> str | None:
    """An FTS5 query for the rows that hold every trigram of the terms of 3+ characters."""
    grams = dict.fromkeys(t[i : i + 3] for t in terms if len(t) >= 3 for i in range(len(t) - 2))
    return " AND ".join(_quote(gram) for gram in grams) or None


def _prefix_query(term: str, cap: int | None = None) -> str | None:
    """An FTS5 query for a one- or two-character term: any trigram that begins with it.

    Every indexed text ends with two terminators, so each occurrence of the term begins a
    trigram, and the rows found are exactly those that hold the term. None when those
    trigrams hold more than :data:`COMMON_SHORT_POSTINGS` postings (a common letter); the
    vocabulary is read term by term and left as soon as they do.
    """
    return _counted_prefix_query(term, cap)[0]


def _counted_prefix_query(term: str, cap: int | None = None) -> tuple[str | None, int]:
    """:func:`_prefix_query` and the postings of its trigrams (up to where it stopped)."""
    grams = []
    postings = 0
    cursor = database.execute_sql(
        "SELECT term, doc FROM customer_search_vocab WHERE term >= ? AND term < ?",
        (term, term + _TOP),
    )
    for gram, docs in cursor:
        postings += docs
        if postings > (COMMON_SHORT_POSTINGS if cap is None else cap):
            return None, postings
        grams.append(gram)
    return (" OR ".join(_quote(gram) for gram in grams) if grams else ""), postings


def _index_query(terms: Sequence[str]) -> str | None:
    """The FTS5 query of the candidates, "" when nothing can match, None for a common query."""
    return _counted_index_query(terms)[0]


def _counted_index_query(terms: Sequence[str]) -> tuple[str | None, int]:
    """:func:`_index_query` and how many candidates it has (up to ``COMMON_CANDIDATES + 1``;
    a short term's postings when they are not more: as many or more than its candidates)."""
    fts = _trigram_query(terms)
    if fts is None and len(terms) == 1 and len(terms[0]) == 1 and _held_by_many(terms[0]):
        return None, COMMON_CANDIDATES + 1
    if fts is None:
        # The longer short term narrows more.
        fts, postings = _counted_prefix_query(max(terms, key=len))
        if not fts:
            return fts, 0
        if postings <= COMMON_CANDIDATES:
            # Its candidates are fewer still: not a common query, and the count is only an
            # estimate for the paths below, which are exact whatever it says. Counting the
            # union of a Chinese character's hundreds of trigrams took 100 ms at 1,000,000
            # customers (``王``).
            return fts, postings
    row = database.execute_sql(
        "SELECT count(*) FROM (SELECT rowid FROM customer_search_fts "
        f"WHERE customer_search_fts MATCH ? LIMIT {COMMON_CANDIDATES + 1})",
        (fts,),
    ).fetchone()
    candidates = int(row[0])
    return (None if candidates > COMMON_CANDIDATES else fts), candidates


# A letter found in at least half of the first LETTER_SAMPLE texts is counted by reading the
# texts until more than COMMON_CANDIDATES hold it (at most LETTER_SCAN of them).
LETTER_SAMPLE = 2000
LETTER_SCAN = 120_000
# Only in a file of this many times COMMON_CANDIDATES rows or more: at 100,000 customers the
# vocabulary is quicker (``m`` 5 ms, read 8 ms), at 1,000,000 much slower (45 ms, read 9).
LETTER_SCAN_FROM = 10


def _held_by_many(letter: str) -> bool:
    """Whether more than :data:`COMMON_CANDIDATES` texts hold ``letter``, when that is cheap
    to prove; False says nothing (the index's vocabulary then decides).

    The vocabulary counts a letter's postings by reading the list of every trigram that
    begins with it (``m`` at 1,000,000 customers: 239 lists, 45 ms). A letter found in
    most texts is proved common sooner by reading the texts in the table's own order until
    more than :data:`COMMON_CANDIDATES` hold it (``m``: 6 ms); the first
    :data:`LETTER_SAMPLE` texts tell whether it is found in most (a letter in a quarter of
    them, ``и``, reads about as long as the vocabulary). Exact either way: only a count
    that passes the line makes the query common.
    """
    rows = database.execute_sql("SELECT max(id) FROM customer_search").fetchone()[0] or 0
    if rows < LETTER_SCAN_FROM * (COMMON_CANDIDATES + 1):
        return False  # a small file: the lists are short, and the line is a large share
    if _names_start_with_many(letter):
        return True
    sampled, hits = database.execute_sql(
        "SELECT count(*), coalesce(sum(instr(haystack, ?) > 0), 0) FROM "
        f"(SELECT haystack FROM customer_search LIMIT {LETTER_SAMPLE})",
        (letter,),
    ).fetchone()
    if not hits or 2 * hits < sampled:
        return False
    held = database.execute_sql(
        "SELECT count(*) FROM (SELECT 1 FROM (SELECT haystack FROM customer_search "
        f"LIMIT {LETTER_SCAN}) WHERE instr(haystack, ?) > 0 LIMIT {COMMON_CANDIDATES + 1})",
        (letter,),
    ).fetchone()[0]
    return bool(held > COMMON_CANDIDATES)


def _names_start_with_many(letter: str) -> bool:
    """Whether more than :data:`COMMON_CANDIDATES` names start with ``letter``, counted
    from the name index's keys alone (at 1,000,000 customers ~1 ms, where the vocabulary
    takes 16–24 ms for ``b`` or ``и`` and reading the texts as long).

    A key is the folded name without its leading punctuation, so a name whose key starts
    with the letter holds it. A Chinese name's key starts with U+4E00 (its readings in
    Latin letters follow), so a Chinese character is never counted so, nor a script's
    marker (not a letter): for those it says False, and the vocabulary decides.
    """
    # A Chinese character is told apart first: its key is its reading, looked up in
    # pypinyin's dictionary, whose first read in a process took 26 ms of a keystroke (``伟``).
    if not letter.isalnum() or is_han(letter) or sort_key(letter, ORDERS["root"]) != letter:
        return False
    marker = active_order().marker
    held = 0
    for start in (letter, marker + letter) if marker else (letter,):
        held += database.execute_sql(
            "SELECT count(*) FROM (SELECT 1 FROM customer_search INDEXED BY "
            "customer_search_name_key WHERE name_key >= ? AND name_key < ? "
            f"LIMIT {COMMON_CANDIDATES + 1 - held})",
            (start, start + _TOP),
        ).fetchone()[0]
        if held > COMMON_CANDIDATES:
            return True
    return False


def _ranked_candidates(terms: Sequence[str], fts: str) -> list[int]:
    """The candidates that hold every term, ranked exactly as the Python index ranked them."""
    if not fts:
        return []
    rows = database.execute_sql(
        "SELECT s.id, s.haystack FROM customer_search_fts f JOIN customer_search s "
        "ON s.id = f.rowid WHERE customer_search_fts MATCH ? ORDER BY s.name_key, s.id",
        (fts,),
    ).fetchall()
    texts = [row[1] for row in rows]
    positions = [p for p, text in enumerate(texts) if all(term in text for term in terms)]
    return [rows[p][0] for p in ranked_positions(positions, texts, terms[0])]


def _name_starts(terms: Sequence[str], limit: int | None) -> list[int]:
    """Matches whose folded name starts with the first term, by name: from the name index.

    ``name_key`` is the folded name without leading punctuation, so the range of keys that
    start with the term holds these names; the names whose key begins otherwise (``"Ромашка"``,
    Chinese names keyed by their pinyin) have a partial index of their own, by first
    character and key (schema 13): only those that begin with the term's first character
    are read, already in name order.
    """
    cap = "" if limit is None else f" LIMIT {int(limit)}"
    term, rest = terms[0], terms[1:]
    checks = "".join(" AND instr(haystack, ?) > 0" for _ in rest)
    ranges = []
    # A name of a script that sorts after the data's language's own has its key behind a
    # marker (Latin names in a Russian file: "\u0530anna"): its range is there.
    marker = active_order().marker
    starts = _key_starts(term)
    for start in [*starts, *(marker + key for key in starts)] if marker else starts:
        ranges += database.execute_sql(
            "SELECT name_key, id FROM customer_search INDEXED BY customer_search_name_key "
            f"WHERE name_key >= ? AND name_key < ? AND substr(haystack, 1, ?) = ?{checks} "
            f"ORDER BY name_key, id{cap}",
            (start, start + _TOP, len(term), term, *rest),
        ).fetchall()
    odd = database.execute_sql(
        "SELECT name_key, id FROM customer_search INDEXED BY customer_search_odd_name "
        f"WHERE {ODD_NAME} AND substr(haystack, 1, 1) = ? "
        f"AND substr(haystack, 1, ?) = ?{checks} ORDER BY name_key, id{cap}",
        (term[0], len(term), term, *rest),
    ).fetchall()
    if odd or marker or len(starts) > 1:
        ranges = sorted(ranges + odd)[:limit]
    return [row[1] for row in ranges]


# Letters "и" of a term after its first that a name's key may hold as "й" (each doubles
# the ranges read); a term with more reads the keys that start like its part before them.
KEY_VARIANTS = 3


def _key_starts(term: str) -> list[str]:
    """Where the keys of the names that start with ``term`` begin (one range each).

    A key keeps «й» (it sorts apart in Russian) where the folded text has «и»: "андреи" is
    the start of "андрей петров"'s key too. A name whose first letter differs from its key's
    is read from the odd names' index instead.
    """
    places = [at for at in range(1, len(term)) if term[at] == "и"]
    if not places:
        return [term]
    if len(places) > KEY_VARIANTS:
        return [term[: places[0]]]  # wider: the rows' own start is checked all the same
    keys = [term]
    for at in places:
        keys += [key[:at] + "й" + key[at + 1 :] for key in keys]
    return keys


def _others_by_name(terms: Sequence[str], limit: int | None) -> list[int]:
    """Matches whose name does not start with the first term, in name order.

    A page walks the name index (a common query finds it within the first rows); the whole
    list reads the table in its own order and sorts the matches, which is several times
    faster than visiting every row in name order.
    """
    checks = " AND ".join("instr(haystack, ?) > 0" for _ in terms)
    where = f"WHERE {checks} AND substr(haystack, 1, ?) <> ?"
    params = (*terms, len(terms[0]), terms[0])
    if limit is None:
        rows = database.execute_sql(
            f"SELECT name_key, id FROM customer_search NOT INDEXED {where}", params
        ).fetchall()
        rows.sort()
        return [row[1] for row in rows]
    sql = (
        "SELECT id FROM customer_search INDEXED BY customer_search_name_key "
        f"{where} ORDER BY name_key, id LIMIT {int(limit)}"
    )
    return [row[0] for row in database.execute_sql(sql, params)]


# A short term with up to this many postings gives its candidates for a common query's page
# (None: half as many as customers, or COMMON_SHORT_POSTINGS if more); one with more is
# found in most texts, and a walk in name order meets its matches at once.
PAGE_SHORT_POSTINGS: int | None = None


# Names a common query's page may walk in name order before it asks the index instead.
FIRST_NAMES_WALK = 4000


# Names read first, to tell a common query whose matches sort late (none among them).
FIRST_NAMES_PROBE = 500


def _in_the_first_names(terms: Sequence[str], limit: int, names: int | None = None) -> list[int]:
    """A common query's first ``limit`` other matches among the first names (or fewer).

    A letter found in a third of the texts (``z``) has its page within the first few hundred
    names; its candidates from the index are tens of thousands, each read and sorted. Only
    :data:`FIRST_NAMES_WALK` names (or ``names``) are read: fewer than ``limit`` when they
    do not hold a whole page (the term is rare among them, as a Chinese pinyin is among
    Latin names).
    """
    checks = " AND ".join("instr(haystack, ?) > 0" for _ in terms)
    rows = database.execute_sql(
        "SELECT id FROM (SELECT id, haystack FROM customer_search "
        "INDEXED BY customer_search_name_key ORDER BY name_key, id "
        f"LIMIT {int(FIRST_NAMES_WALK if names is None else names)}) "
        f"WHERE {checks} AND substr(haystack, 1, ?) <> ? "
        f"LIMIT {int(limit)}",
        (*terms, len(terms[0]), terms[0]),
    )
    return [row[0] for row in rows]


def _first_names_page(terms: Sequence[str], limit: int, *, dense: bool) -> tuple[list[int], bool]:
    """The first ``limit`` other matches among the first names, and whether all
    :data:`FIRST_NAMES_WALK` of them were read.

    The first :data:`FIRST_NAMES_PROBE` names are read; when they hold some matches but
    not a page, the walk goes on to :data:`FIRST_NAMES_WALK` names. ``dense`` (an email's
    or a phone's term, found alike in names of every script): only when the probe's
    matches are dense enough to fill the page within the walk (``+4``, ``@g`` at 1,000,000
    customers: a page within ~2,000 names, 3 ms, instead of reading 60,000–180,000
    candidates, 20–33 ms).
    """
    first = _in_the_first_names(terms, limit, FIRST_NAMES_PROBE)
    walk = bool(first) and len(first) < limit
    if dense:
        walk = walk and len(first) * FIRST_NAMES_WALK >= limit * FIRST_NAMES_PROBE
    if walk:
        first = _in_the_first_names(terms, limit)
    return first, walk


def _first_others_by_name(terms: Sequence[str], limit: int, starts: int = 0) -> list[int]:
    """A common query's first matches whose name does not start with the term, by name.

    From the first names when they hold the page (:func:`_in_the_first_names`); else,
    when those held the matches densely enough or the term is an email's or a phone's
    (:func:`_spread_over_names`: first, as the first names need not hold any), from a
    walk of the name index among the index's candidates (:func:`_walk_names_among`);
    else from all the candidates (SQLite keeps the best ``limit`` by name): a walk in
    name order would cross every name of another script first (``zh`` matches Chinese
    customers, whose names sort last). Only a letter found nearly everywhere walks the
    names without the index. ``starts``: how many names start with the term (candidates
    that are not part of this page).
    """
    # A single character ("@") is in most texts: the first names hold its page at once.
    spread = len(terms[0]) > 1 and _spread_over_names(terms[0])
    # None among the first few hundred names: the matches sort late (``zh``: Chinese names
    # after every Latin one), and the first thousands hold no page either.
    first, read_all = _first_names_page(terms, limit, dense=spread)
    if len(first) >= limit:
        return first
    fts = _page_candidates(terms)
    if fts is None:
        if spread and not read_all:
            first = _in_the_first_names(terms, limit)
            if len(first) >= limit:
                return first
        return _others_by_name(terms, limit)
    if not fts:
        return []
    # Matches as dense in the names after the first ones would fill a page in the walk; or
    # a sample of the candidates says that many are among the names walked (``ltd``).
    last = _last_name_walked()
    if (
        spread
        or len(first) * NAMES_AMONG_WALK >= limit * FIRST_NAMES_WALK
        or _early_in_the_names(fts, limit, last)
    ):
        walked = _walk_names_among(fts, terms, limit, last)
        if walked is not None:
            return walked
    by_key = _candidates_by_name(fts, terms, limit, starts)
    if by_key is not None:
        return by_key
    checks = "".join(f" AND instr(s.haystack, ?{n}) > 0" for n in range(3, len(terms) + 3))
    sql = (
        "SELECT s.id FROM customer_search_fts f JOIN customer_search s ON s.id = f.rowid "
        "WHERE customer_search_fts MATCH ?1 AND substr(s.haystack, 1, length(?2)) <> ?2"
        f"{checks} ORDER BY s.name_key, s.id LIMIT {int(limit)}"
    )
    return [row[0] for row in database.execute_sql(sql, (fts, terms[0], *terms))]


# Candidates put in name order beyond the page and the names that start with the term, for
# the few that the trigrams found but do not hold the terms; a tenth more, and this many.
BY_KEY_SPARE = 20


def _candidates_by_name(
    fts: str, terms: Sequence[str], limit: int, starts: int
) -> list[int] | None:
    """A common query's first ``limit`` other matches by name, from the index of the search
    rows' sort keys by id (schema 14), or None when the first candidates do not hold them.

    Every candidate's key is read from ``customer_search_id_key`` (ids and keys only, a
    sixth of the search rows' pages), SQLite keeps the first ones by name, and only their
    texts are read, to drop the names that start with the term and the candidates that do
    not hold every term. Sorting the candidates' rows read each one's text (``zh`` at
    1,000,000 customers: 34,000 of them, 60–75 ms of CPU; by key, half).
    """
    take = limit + starts + limit // 10 + BY_KEY_SPARE
    ids = [
        row[0]
        for row in database.execute_sql(
            "SELECT k.id FROM customer_search_fts f JOIN customer_search k "
            "INDEXED BY customer_search_id_key ON k.id = f.rowid "
            f"WHERE customer_search_fts MATCH ? ORDER BY k.name_key, k.id LIMIT {int(take)}",
            (fts,),
        )
    ]
    if not ids:
        return []
    first = len(terms) + 2  # ?1 the term, ?2… every term, then the ids
    marks = ", ".join(f"?{n}" for n in range(first, first + len(ids)))
    checks = "".join(f" AND instr(haystack, ?{n}) > 0" for n in range(2, first))
    held = {
        row[0]
        for row in database.execute_sql(
            f"SELECT id FROM customer_search WHERE id IN ({marks}) "
            f"AND substr(haystack, 1, length(?1)) <> ?1{checks}",
            (terms[0], *terms, *ids),
        )
    }
    found = [i for i in ids if i in held]
    if len(found) >= limit or len(ids) < take:
        return found[:limit]
    return None


def _page_candidates(terms: Sequence[str]) -> str | None:
    """The FTS5 query of a common query's candidates; None when they are most customers."""
    fts = _trigram_query(terms)
    if fts is not None:
        return fts
    cap = PAGE_SHORT_POSTINGS
    if cap is None:
        rows = database.execute_sql("SELECT max(id) FROM customer_search").fetchone()[0]
        cap = max(COMMON_SHORT_POSTINGS, (rows or 0) // 2)
    return _prefix_query(max(terms, key=len), cap)


def _spread_over_names(term: str) -> bool:
    """Whether ``term`` is part of an email or a phone number ("@gm", "+44", "495 12").

    Those are found alike in names of every script, spread over the name order, where a
    name's letters are found among the names of their script (a Cyrillic name's after
    every Latin one in an English file).
    """
    return "@" in term or term.startswith("+") or term.replace(" ", "").isdigit()


# A common query whose page is not among the first names (an email's "@gmail", a country
# code's "+44" on a big file) walks the name index among its candidates: the first
# NAMES_AMONG_WALK names of the index (its keys and ids alone), each id looked up among
# the candidates' rowids, and only the candidates' texts read. Sorting every candidate by
# name read each one's row: 107,000 for "@gmail" at 1,000,000 customers.
NAMES_AMONG_WALK = 60_000


# Candidates sampled (by id, in no name order) to tell whether a common query's page is
# among the first NAMES_AMONG_WALK names: when at least EARLY_HITS of them are, and as
# many as WALK_SLACK pages are expected there of the COMMON_CANDIDATES it has at least.
# A company's "ltd" or "gmbh" at 1,000,000 customers (none in the first 500 names) put
# its 20,000-50,000 candidates in name order by their keys: 26-44 ms; the walk 9-13.
EARLY_SAMPLE = 200
EARLY_HITS = 5


def _last_name_walked() -> tuple[str] | None:
    """The key of the last of the first :data:`NAMES_AMONG_WALK` names (None: fewer)."""
    return database.execute_sql(
        "SELECT name_key FROM customer_search INDEXED BY customer_search_name_key "
        f"ORDER BY name_key LIMIT 1 OFFSET {int(NAMES_AMONG_WALK) - 1}"
    ).fetchone()


def _early_in_the_names(fts: str, limit: int, last: tuple[str] | None) -> bool:
    """Whether a sample of a common query's candidates says a walk of the first names
    (up to ``last``) holds its page: not for matches that sort late (``zh``: Chinese)."""
    if last is None:
        return False  # a small file: every candidate is soon put in order
    sampled, early = database.execute_sql(
        "SELECT count(*), coalesce(sum(k.name_key <= ?), 0) FROM (SELECT rowid FROM "
        f"customer_search_fts WHERE customer_search_fts MATCH ? LIMIT {int(EARLY_SAMPLE)}) f "
        "JOIN customer_search k INDEXED BY customer_search_id_key ON k.id = f.rowid",
        (last[0], fts),
    ).fetchone()
    expected = early * (COMMON_CANDIDATES + 1) // max(sampled, 1)
    return early >= EARLY_HITS and expected >= WALK_SLACK * limit


def _walk_names_among(
    fts: str, terms: Sequence[str], limit: int, last: tuple[str] | None
) -> list[int] | None:
    """A common query's first ``limit`` other matches among the first names, or None.

    None when the first :data:`NAMES_AMONG_WALK` names (up to ``last``, the key of the
    last one) do not hold them (the matches sort late: Cyrillic names in a file of mostly
    Latin ones); the caller sorts them all.
    """
    # Up to the key of the last name walked (its ties too: a few names more).
    bound = "" if last is None else " AND s.name_key <= ?3"
    checks = "".join(f" AND instr(s.haystack, ?{n}) > 0" for n in range(4, len(terms) + 4))
    rows = database.execute_sql(
        "SELECT s.id FROM customer_search s INDEXED BY customer_search_name_key "
        "WHERE s.id IN (SELECT rowid FROM customer_search_fts WHERE customer_search_fts "
        f"MATCH ?1){bound} AND substr(s.haystack, 1, length(?2)) <> ?2{checks} "
        f"ORDER BY s.name_key, s.id LIMIT {int(limit)}",
        (fts, terms[0], last[0] if last else None, *terms),
    ).fetchall()
    return [row[0] for row in rows] if len(rows) >= limit else None


def _all_by_name(limit: int | None = None) -> list[int]:
    cap = "" if limit is None else f" LIMIT {int(limit)}"
    sql = f"SELECT id FROM customer_search ORDER BY name_key, id{cap}"
    return [row[0] for row in database.execute_sql(sql)]


@dataclass(frozen=True)
class Page:
    """The first matches of a search, best first, and whether they are all of them."""

    ids: list[int]
    complete: bool


def _prepare(query: str) -> list[str]:
    if FRESHNESS.outside_write():
        _repair_before_reading()
    return search_terms(query)


def first_page(query: str, limit: int = FIRST_PAGE) -> Page:
    """The first ``limit`` matches of ``query`` at once, whatever their number.

    A selective query reads its page rank by rank, and only the names that hold the term
    reach Python; a common one reads it from the name index (the names that start with it,
    then the others by name). :func:`search_customers` gives the whole list.
    """
    terms = _prepare(query)
    if not terms:
        ids = _all_by_name(limit + 1)
    else:
        fts, candidates = _counted_index_query(terms)
        ids = _name_starts(terms, limit + 1) if fts != "" else []
        if fts and len(ids) <= limit:
            ids += _ranked_beyond_the_name_start(terms, fts, limit + 1 - len(ids), candidates)
        elif fts is None and len(ids) <= limit:
            ids += _first_others_by_name(terms, limit + 1 - len(ids), len(ids))
    return Page(ids[:limit], len(ids) <= limit)


# Positions in bytes (the text as a BLOB): UTF-8 never matches inside a character, and a
# byte search need not count characters, which over thousands of candidates a keystroke
# (an email's "@g") cost more than reading them.
_HAY = "CAST(s.haystack AS BLOB)"
_AT = f"instr({_HAY}, CAST(?1 AS BLOB))"  # where the term first occurs
_NAME_END = f"instr({_HAY}, x'1e')"  # the name: the haystack up to its first group separator
_IN_NAME = f"{_AT} < {_NAME_END}"
# Outside the name, the group of the first occurrence ranks the match: 3 email or phone
# (before the second separator), 4 a contact (before the third), 5 a place.
_GROUP_RANK = (
    f"CASE WHEN {_IN_NAME} THEN 1 "
    f"WHEN {_AT} < {_NAME_END} + instr(substr({_HAY}, {_NAME_END} + 1), x'1e') THEN 3 "
    f"WHEN instr(substr({_HAY}, {_AT}), x'1e') > 0 THEN 4 ELSE 5 END"
)


# Candidates dense enough (an email's "@g", a country code's "+4": a tenth of the file) that
# their best emails and phones are found among the first names: at most this many names
# walked, and this many times the names where a page of them is expected, by the share of
# emails and phones among a sample of the candidates.
EMAIL_OR_PHONE_WALK = 20_000
EMAIL_OR_PHONE_SLACK = 3
EMAIL_OR_PHONE_SAMPLE = 200
# The term is an email's or a phone's (rank 3), outside the name: byte positions.
_IN_REACH = (
    f"{_AT} > {_NAME_END} AND {_AT} < {_NAME_END} + instr(substr({_HAY}, {_NAME_END} + 1), x'1e')"
)


def _email_or_phone_walk(term: str, fts: str, limit: int, candidates: int) -> int | None:
    """How many names to walk for a page of emails and phones, or None: not dense enough."""
    rows = database.execute_sql("SELECT max(id) FROM customer_search").fetchone()[0] or 0
    if EMAIL_OR_PHONE_SLACK * limit * rows > EMAIL_OR_PHONE_WALK * candidates:
        return None  # too sparse even if every candidate were one
    sample = database.execute_sql(
        f"SELECT count(*), sum({_IN_REACH}) FROM (SELECT rowid FROM customer_search_fts "
        f"WHERE customer_search_fts MATCH ?2 LIMIT {EMAIL_OR_PHONE_SAMPLE}) f "
        "JOIN customer_search s ON s.id = f.rowid",
        (term, fts),
    ).fetchone()
    sampled, reach = int(sample[0] or 0), int(sample[1] or 0)
    if not reach:
        return None
    walk = EMAIL_OR_PHONE_SLACK * limit * rows * sampled // (candidates * reach)
    return walk if walk <= EMAIL_OR_PHONE_WALK else None


def _ranked_beyond_the_name_start(
    terms: Sequence[str], fts: str, limit: int, candidates: int = 0
) -> list[int]:
    """Up to ``limit`` candidates whose name does not start with the term, best first.

    SQLite sorts the candidates by the group the term is found in, then by name; only the
    names that hold the term (ranks 1 and 2: a word of the name starts with it, or not)
    reach Python with their text, to be told apart by :func:`match_rank`. One pass of the
    index, and the rows after the page are never read. Dense candidates
    (:func:`_dense_beyond_the_name_start`) need not all be ranked and sorted.
    """
    if len(terms) == 1 and candidates > GROUPS_FROM:
        return _ranked_by_groups(terms[0], limit, candidates)
    walk = _email_or_phone_walk(terms[0], fts, limit, candidates) if candidates else None
    if walk is not None:
        dense = _dense_beyond_the_name_start(terms, fts, limit, walk)
        if dense is not None:
            return dense
    term = terms[0]
    checks = "".join(
        f" AND instr({_HAY}, CAST(?{n} AS BLOB)) > 0" for n in (1, *range(3, len(terms) + 2))
    )
    sql = (
        f"SELECT s.id, {_GROUP_RANK} AS rank, CASE WHEN {_IN_NAME} "
        "THEN s.haystack END FROM customer_search_fts f JOIN customer_search s "
        "ON s.id = f.rowid WHERE customer_search_fts MATCH ?2 "
        f"AND substr(s.haystack, 1, length(?1)) <> ?1{checks} ORDER BY rank, s.name_key, s.id"
    )
    bound = _sort_bound(term, fts, limit, candidates)
    rows = database.execute_sql(
        sql if bound is None else f"{sql} LIMIT {bound}", (term, fts, *terms[1:])
    ).fetchall()
    if bound is not None and len(rows) == bound and rows[-1][1] == 1:
        # Only names that hold the term: some may be left, and their word order is needed.
        rows = database.execute_sql(sql, (term, fts, *terms[1:])).fetchall()
    word: list[int] = []
    inside: list[int] = []
    found: list[int] = []
    for customer_id, rank, text in rows:
        if rank == 1:
            (word if match_rank(text, term) == NAME_WORD_STARTS else inside).append(customer_id)
            continue
        if not found:
            found = word + inside
            if len(found) >= limit:
                break
        found.append(customer_id)
        if len(found) >= limit:
            break
    else:
        if not found:
            found = word + inside
    return found[:limit]


# A one-term query with more candidates than this is ranked from the indexes of the text's
# groups (schema 15); fewer are ranked from their rows.
GROUPS_FROM = 4 * FIRST_PAGE
# The groups after the name, by the rank of a match first found there.
_RANKED_GROUPS = (
    ("customer_search_reach_fts", EMAIL_OR_PHONE),
    ("customer_search_people_fts", CONTACT),
    ("customer_search_place_fts", CITY_OR_TAG),
)
# Rows read at a time while a group's candidates are checked against their text.
GROUP_CHECK_CHUNK = 400


def _ranked_by_groups(term: str, limit: int, candidates: int = 0) -> list[int]:
    """Up to ``limit`` matches of ``term`` whose name does not start with it, best first,
    from the indexes of the text's groups (schema 15) instead of every candidate's row.

    Each group's index gives the texts whose group holds the term's trigrams: the names
    first (their rows read, to tell a word that starts with the term from one that holds
    it), then the emails and phones, the contacts, the places, each put in name order by
    the keys of ``customer_search_id_key`` alone, or by a walk of the first names when the
    query's ``candidates`` (in every group) and a sample say they hold the page there
    (:func:`_group_walk`). Only the rows of the page are read, and a candidate counts in
    a group only when :func:`match_rank` puts it there (the term itself first found in
    that group of its text): the trigrams of a longer term may be found apart, and a text
    whose term is in its name is also a candidate of its email's group. So the order is
    exactly the ranking's.
    """
    fts = _group_query(term)
    if not fts:
        return []
    word: list[int] = []
    inside: list[int] = []
    for customer_id, text in database.execute_sql(
        "SELECT s.id, s.haystack FROM customer_search_name_fts f JOIN customer_search s "
        "ON s.id = f.rowid WHERE customer_search_name_fts MATCH ? ORDER BY s.name_key, s.id",
        (fts,),
    ):
        rank = match_rank(text, term)
        if rank == NAME_WORD_STARTS:
            word.append(customer_id)
        elif rank == NAME_CONTAINS:
            inside.append(customer_id)
    found = word + inside
    for table, rank in _RANKED_GROUPS:
        if len(found) >= limit:
            break
        found += _group_by_name(table, fts, term, rank, limit - len(found), candidates)
    return found[:limit]


def _group_query(term: str) -> str:
    """The FTS5 query of the groups' indexes for the texts whose group may hold ``term``.

    A term of three characters or more: its trigrams. A shorter one: every trigram that
    begins with it, from the whole text's vocabulary, cut where a group ends (the text's
    U+001E and what follows it become the group's own terminators). Each group's text is
    indexed with two terminators (schema 15), so every occurrence begins a trigram.
    """
    if len(term) >= 3:
        return _trigram_query([term]) or ""
    grams: dict[str, None] = {}
    for (gram,) in database.execute_sql(
        "SELECT term FROM customer_search_vocab WHERE term >= ? AND term < ?",
        (term, term + _TOP),
    ):
        end = gram.find(GROUP)
        grams[gram if end < 0 else gram[:end] + "\x1f" * (3 - end)] = None
    return " OR ".join(_quote(gram) for gram in grams)


def _group_by_name(
    table: str, fts: str, term: str, rank: int, need: int, candidates: int = 0
) -> list[int]:
    """The first ``need`` candidates of one group's index whose match ranks ``rank``, by name.

    SQLite keeps the first candidates by their keys (ids and keys only), or finds them in a
    walk of the first names (:func:`_group_walk`); their texts are read a chunk at a time.
    Should too many fail the check, every candidate is sorted.
    """
    take = need + need // 10 + BY_KEY_SPARE
    sql = (
        f"SELECT k.id FROM {table} f JOIN customer_search k "
        "INDEXED BY customer_search_id_key ON k.id = f.rowid "
        f"WHERE {table} MATCH ? ORDER BY k.name_key, k.id"
    )
    walked = _group_walk(table, fts, take, candidates)
    if walked is None:
        ids = [row[0] for row in database.execute_sql(f"{sql} LIMIT {int(take)}", (fts,))]
    else:
        # The group's first candidates by name: all of them up to the names walked.
        ids, take = walked, len(walked) + 1 if len(walked) < take else take
    found: list[int] = []
    checked = 0
    while True:
        for start in range(checked, len(ids), GROUP_CHECK_CHUNK):
            chunk = ids[start : start + GROUP_CHECK_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            texts = dict(
                database.execute_sql(
                    f"SELECT id, haystack FROM customer_search WHERE id IN ({marks})", chunk
                ).fetchall()
            )
            found += [i for i in chunk if i in texts and match_rank(texts[i], term) == rank]
            checked = start + len(chunk)
            if len(found) >= need:
                return found[:need]
        if walked is None and len(ids) < take:
            return found
        # The first ones did not hold the page: all of them, in name order.
        walked = None
        ids = [row[0] for row in database.execute_sql(sql, (fts,))]
        take = len(ids) + 1


# A group's first candidates may be found by a walk of the first names, each looked up
# among the candidates' ids: at most GROUP_WALK names, and only as many as would hold
# WALK_SLACK pages were the query's candidates spread evenly over the names, when a sample
# of WALK_SAMPLE of the group's candidates says they are as dense there. Putting 6,000
# candidates in name order by their keys (a phone's "+44 79" at 1,000,000 customers) reads
# a key from nearly every page of ``customer_search_id_key`` (46 MB): 16 ms, the walk 9.
GROUP_WALK = 60_000
WALK_SLACK = 2
WALK_SAMPLE = 200
# Fewer candidates than this (in every group) are put in name order by their keys in a few
# ms; the sample and the bound of a walk would cost about as much (``zhang``: 3,511).
GROUP_WALK_FROM = 10_000


def _group_walk(table: str, fts: str, take: int, candidates: int) -> list[int] | None:
    """The group's first ``take`` candidates by name from a walk of the first names (all
    of those there, if fewer), or None: a small file or group, or candidates that sort
    later (a Chinese or a Russian email's, behind every Latin name in an English file)."""
    rows = database.execute_sql("SELECT max(id) FROM customer_search").fetchone()[0] or 0
    if rows <= GROUP_WALK or candidates < max(GROUP_WALK_FROM, 1):
        return None
    walk = min(GROUP_WALK, max(take, WALK_SLACK * take * rows // candidates))
    bound = database.execute_sql(
        "SELECT name_key FROM customer_search INDEXED BY customer_search_name_key "
        f"ORDER BY name_key LIMIT 1 OFFSET {int(walk) - 1}"
    ).fetchone()
    if bound is None:
        return None
    # Sampled by id, the group's candidates in no particular name order.
    sampled, early = database.execute_sql(
        f"SELECT count(*), coalesce(sum(k.name_key <= ?), 0) FROM (SELECT rowid FROM {table} "
        f"WHERE {table} MATCH ? LIMIT {WALK_SAMPLE}) f JOIN customer_search k "
        "INDEXED BY customer_search_id_key ON k.id = f.rowid",
        (bound[0], fts),
    ).fetchone()
    if sampled < WALK_SAMPLE or early * candidates < WALK_SLACK * take * sampled:
        return None
    # Up to the key of the last name walked, its ties too: every candidate up to there.
    return [
        row[0]
        for row in database.execute_sql(
            "SELECT id FROM customer_search INDEXED BY customer_search_name_key "
            f"WHERE id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?) AND name_key <= ? "
            f"ORDER BY name_key, id LIMIT {int(take)}",
            (fts, bound[0]),
        )
    ]


# Candidates sampled to tell how many hold the term in their name.
NAME_SAMPLE = 200


def _sort_bound(term: str, fts: str, limit: int, candidates: int) -> int | None:
    """How many ranked candidates hold the page, or None: all of them (few, or most named).

    The names that hold the term (rank 1) sort first and all of them are needed (a word of
    the name that starts with it ranks before the rest, whatever the name order); after
    them, only a page of the others. Told by SQLite, it keeps the best rows as it goes
    instead of sorting every candidate (``zha``, ``berl`` at 1,000,000 customers: 12,000–
    18,000 candidates). How many names hold the term is estimated from a sample of the
    candidates, with room to spare; should they fill the bound, everything is ranked again.
    """
    if candidates <= 4 * limit:
        return None
    sampled, named = database.execute_sql(
        f"SELECT count(*), coalesce(sum({_IN_NAME}), 0) FROM (SELECT rowid FROM "
        f"customer_search_fts WHERE customer_search_fts MATCH ?2 LIMIT {NAME_SAMPLE}) f "
        "JOIN customer_search s ON s.id = f.rowid",
        (term, fts),
    ).fetchone()
    expected = candidates * int(named) // max(int(sampled), 1)
    bound = 2 * limit + 2 * expected
    return bound if 2 * bound <= candidates else None


def _dense_beyond_the_name_start(
    terms: Sequence[str], fts: str, limit: int, walk: int
) -> list[int] | None:
    """The page beyond the name's start of a query whose candidates are dense, or None.

    The names that hold the term (ranks 1 and 2) are read from the candidates, with a test
    that costs two byte searches instead of the group rank; the emails and phones (rank 3)
    that follow them are then read in name order from the first ``walk`` names, which stop
    as soon as they hold the page. None when they do not: the caller ranks every candidate.
    """
    term = terms[0]
    checks = "".join(
        f" AND instr({_HAY}, CAST(?{n} AS BLOB)) > 0" for n in (1, *range(3, len(terms) + 2))
    )
    rows = database.execute_sql(
        "SELECT s.id, s.haystack FROM customer_search_fts f JOIN customer_search s "
        "ON s.id = f.rowid WHERE customer_search_fts MATCH ?2 "
        f"AND substr(s.haystack, 1, length(?1)) <> ?1 AND {_IN_NAME}{checks} "
        "ORDER BY s.name_key, s.id",
        (term, fts, *terms[1:]),
    )
    word: list[int] = []
    inside: list[int] = []
    for customer_id, text in rows:
        (word if match_rank(text, term) == NAME_WORD_STARTS else inside).append(customer_id)
    found = word + inside
    if len(found) >= limit:
        return found[:limit]
    need = limit - len(found)
    others = "".join(
        f" AND instr({_HAY}, CAST(?{n} AS BLOB)) > 0" for n in range(2, len(terms) + 1)
    )
    reach = database.execute_sql(
        "SELECT s.id FROM (SELECT id, haystack FROM customer_search "
        f"INDEXED BY customer_search_name_key ORDER BY name_key, id LIMIT {int(walk)}) s "
        f"WHERE {_IN_REACH}{others} LIMIT {int(need)}",
        (term, *terms[1:]),
    )
    more = [row[0] for row in reach]
    return found + more if len(more) >= need else None


def search_customers(
    query: str, *, limit: int | None = None, cancelled: Callable[[], bool] | None = None
) -> list[int]:
    """Ids of the customers (not in the trash) that match: best match first, then by name.

    ``cancelled`` is asked now and then during a long search (a common one-letter query on a
    big file); when it says yes, the search stops with :class:`SearchCancelled`.
    """
    if limit is not None:
        return first_page(query, limit).ids
    terms = _prepare(query)
    with interrupting.interruptible(cancelled, SearchCancelled):
        if not terms:
            return _all_by_name()
        fts = _index_query(terms)
        if fts is not None:
            return _ranked_candidates(terms, fts)
        return _name_starts(terms, None) + _others_by_name(terms, None)


class SearchCancelled(interrupting.Stopped):
    """A long search was stopped because its answer is no longer wanted."""


def match_reasons(query: str, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """Why each customer matched ``query`` when it is not by its name: (field, value).

    Fields: ``email``, ``phone``, ``contact``, ``city``, ``country``, ``tag``. Meant for
    the rows on screen (a block at a time), so the lookups stay small.
    """
    terms = search_terms(query)
    wanted = [i for i in ids if i is not None]
    if not terms or not wanted:
        return {}
    term = terms[0]
    conn = database.connection()
    marks = ", ".join("?" for _ in wanted)
    people, labels = _contacts_and_tags(wanted)
    reasons: dict[int, tuple[str, str]] = {}
    for customer_id, name, email, phone, city, country in conn.execute(
        f"SELECT id, name, email, phone, city, country FROM customer WHERE id IN ({marks})",
        wanted,
    ):
        if term in fold(name):
            continue
        reason = _reason(term, email, phone, people[customer_id], city, country,
                         labels[customer_id])  # fmt: skip
        if reason is not None:
            reasons[customer_id] = reason
    return reasons


def _reason(
    term: str,
    email: str | None,
    phone: str | None,
    contacts: list[tuple],
    city: str | None,
    country: str | None,
    tags: list[str],
) -> tuple[str, str] | None:
    if email and term in fold(email):
        return "email", email
    if phone and term in phone_search_text(phone):
        return "phone", phone
    for contact_name, contact_email, contact_phone in contacts:
        if (
            term in fold(contact_name)
            or (contact_email and term in fold(contact_email))
            or (contact_phone and term in phone_search_text(contact_phone))
        ):
            return "contact", contact_name
    for field, value in (("city", city), ("country", country)):
        if value and term in fold(value):
            return field, value
    for tag in tags:
        if term in fold(tag):
            return "tag", tag
    return None


def match_sql(query: str, alias: str = "s") -> tuple[str, list[str]]:
    """The same match as a WHERE fragment over ``customer_search`` (for one-off queries)."""
    terms = search_terms(query)
    if not terms:
        return "1", []
    clause = " AND ".join(f"instr({alias}.haystack, ?) > 0" for _ in terms)
    return clause, terms
