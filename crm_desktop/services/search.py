"""Finding customers while the user types, in any script and any case.

The derived table ``customer_search`` keeps, for each customer not in the
trash, one folded "haystack" (name, email, phone digits with and without the
country code, city, country, tags, and the names, emails and phones of its
contacts) and the sort key of its name. A query is folded the same way and
each of its terms must occur in the haystack, so ``иван`` finds ``Иванов``,
``ZHANG`` finds ``Zhang`` and ``伟`` finds ``张伟``.

Scanning 100,000 haystacks in SQLite takes about 50 ms on a modest laptop,
the whole budget of a keystroke; so the haystacks are also held in memory
(:class:`MemoryIndex`, ~20 MB at 100,000 customers) where a scan takes about
a tenth of that. The memory copy follows the table: writes patch it after
they commit, and a commit by another process (seen through SQLite's
``data_version``) makes it reload.

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

import functools
import logging
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import peewee

from crm_desktop.errors import CrmError
from crm_desktop.models import database
from crm_desktop.services import changes
from crm_desktop.services.text import fold, phone_search_text, search_terms, sort_key

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


def _index_rows(ids: Sequence[int]) -> tuple[list[tuple[int, str, str, str]], list[int]]:
    """Search rows of the live customers among ``ids``, and the ids that are gone or trashed."""
    conn = database.connection()
    marks = ", ".join("?" for _ in ids)
    contacts, tags = _contacts_and_tags(ids)
    rows = []
    for customer_id, name, email, phone, city, country, updated_at in conn.execute(
        "SELECT id, name, email, phone, city, country, updated_at FROM customer "
        # "+deleted_at": look the ids up by rowid; the deleted_at index would scan every row.
        f"WHERE id IN ({marks}) AND +deleted_at IS NULL",
        ids,
    ):
        text = haystack(
            (name, email, phone, city, country), contacts[customer_id], tags[customer_id]
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

    A customer in the trash or gone loses its row; the memory index follows on commit.
    """
    unique = sorted({i for i in ids if i is not None})
    conn = database.connection()
    for start in range(0, len(unique), 500):
        rows, dropped = _index_rows(unique[start : start + 500])
        if rows:
            conn.executemany(_UPSERT, rows)
        if dropped:
            conn.executemany("DELETE FROM customer_search WHERE id = ?", [(i,) for i in dropped])
        patch = [(row[0], row[2], row[1]) for row in rows]
        changes.after_commit(functools.partial(MEMORY.patch, patch, dropped))


def rebuild_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute the whole search table; returns the number of customers indexed."""
    ids = [row[0] for row in database.execute_sql("SELECT id FROM customer ORDER BY id")]
    with changes.transaction():
        database.execute_sql("DELETE FROM customer_search")
        for start in range(0, len(ids), 2000):
            reindex_customers(ids[start : start + 2000])
            if progress is not None:
                progress(min(start + 2000, len(ids)), len(ids))
        changes.after_commit(MEMORY.forget)
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


def refresh_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Repair search rows that are missing, stale or of a trashed customer; returns how many.

    After an upgrade that changes the keys every row is stale: ``progress(done, total)``
    tells how far the start job is.
    """
    stale = _stale_ids()
    if stale:
        with changes.transaction():
            for start in range(0, len(stale), 5000):
                reindex_customers(stale[start : start + 5000])
                if progress is not None:
                    progress(min(start + 5000, len(stale)), len(stale))
    MEMORY.forget()
    return len(stale)


def _repair_before_reading() -> None:
    """Re-index what another program (or a bulk path) left stale, then reload the memory copy.

    A file that cannot be written now (read-only media, another program's lock) is
    searched as its table stands: finding slightly stale rows beats refusing to search.
    """
    try:
        stale = _stale_ids()
        if stale:
            with changes.transaction():
                reindex_customers(stale)
    except (CrmError, peewee.OperationalError, sqlite3.OperationalError) as exc:
        _log.info("search rows left as they are: %s", type(exc).__name__)
    MEMORY.forget()


class MemoryIndex:
    """The haystacks of ``customer_search`` in memory, in name order, for keystroke searches.

    The texts are loaded in name order so that a scan walks memory in the
    order it was allocated (three times faster than a shuffled walk).
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._entries: dict[int, tuple[str, str]] | None = None
        self._ids: list[int] = []
        self._texts: list[str] = []
        self._dirty = True
        # Per thread (each has its own connection): (data_version, commit_count) last seen.
        self._versions: dict[int, tuple[int, int]] = {}
        # The last search's terms and the positions it matched: the next keystroke
        # usually only extends the query, and then looks among those matches alone.
        self._last: tuple[tuple[str, ...], list[int]] | None = None

    def forget(self) -> None:
        with self._lock:
            self._entries = None
            self._ids, self._texts = [], []
            self._dirty = True
            self._versions.clear()
            self._last = None

    def _stamp(self) -> tuple[int, int]:
        # data_version moves when another connection commits: another process, or one of
        # our own threads (whose commits also move commit_count and have patched us).
        return int(database.pragma("data_version")), changes.commit_count

    def _current(self) -> tuple[list[int], list[str]]:
        stamp = self._stamp()
        thread = threading.get_ident()
        seen = self._versions.get(thread)
        if (
            seen is not None
            and self._entries is not None
            and stamp[0] != seen[0]
            and stamp[1] == seen[1]
        ):
            self._entries = None  # another program wrote to the file
        self._versions[thread] = stamp
        if self._entries is None:
            rows = database.execute_sql(
                "SELECT id, name_key, haystack FROM customer_search ORDER BY name_key, id"
            ).fetchall()
            self._entries = {row_id: (key, text) for row_id, key, text in rows}
            self._ids = [row[0] for row in rows]
            self._texts = [row[2] for row in rows]
            self._dirty = False
            self._last = None
        elif self._dirty:
            ordered = sorted(self._entries.items(), key=lambda item: (item[1][0], item[0]))
            self._ids = [row_id for row_id, _ in ordered]
            self._texts = [text for _, (_, text) in ordered]
            self._dirty = False
            self._last = None
        return self._ids, self._texts

    def outside_write(self) -> bool:
        """True when not loaded yet, or when another program committed since this thread looked."""
        with self._lock:
            if self._entries is None:
                return True
            seen = self._versions.get(threading.get_ident())
            if seen is None:
                return False
            stamp = self._stamp()
            return stamp[0] != seen[0] and stamp[1] == seen[1]

    def patch(self, rows: Sequence[tuple[int, str, str]], dropped: Sequence[int]) -> None:
        """Take in rows ``(id, name_key, haystack)`` and drop ids, after a commit."""
        with self._lock:
            if self._entries is None:
                return
            for row_id, key, text in rows:
                self._entries[row_id] = (key, text)
            for row_id in dropped:
                self._entries.pop(row_id, None)
            self._dirty = True
            self._versions.clear()

    def search(self, terms: Sequence[str]) -> list[int]:
        """Ids whose haystack holds every term: best match first (:func:`match_rank`), by name."""
        with self._lock:
            ids, texts = self._current()
            if not terms:
                return list(ids)
            wanted = tuple(terms)
            first, *rest = wanted
            last = self._last
            if last is not None and _narrows(last[0], wanted):
                positions = [p for p in last[1] if first in texts[p]]
            else:
                positions = [p for p, text in enumerate(texts) if first in text]
            if rest:
                positions = [p for p in positions if all(term in texts[p] for term in rest)]
            self._last = (wanted, positions)
            return [ids[p] for p in _ranked(positions, texts, first)]


# Above this many matches (a one- or two-letter query) only "the name starts with it" is
# ranked first and the rest stay in name order: ranking each match costs ~1 µs in Python,
# and the keystroke budget is 50 ms. The next letter narrows the matches below it.
FULL_RANKING_LIMIT = 20_000


def _ranked(positions: list[int], texts: list[str], term: str) -> list[int]:
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


MEMORY = MemoryIndex()


def search_customers(query: str, *, limit: int | None = None) -> list[int]:
    """Ids of the customers (not in the trash) that match: best match first, then by name."""
    if MEMORY.outside_write():
        _repair_before_reading()
    ids = MEMORY.search(search_terms(query))
    return ids[:limit] if limit is not None else ids


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


def _narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """True when whatever matches ``after`` also matched ``before``.

    It does when each earlier term is part of some later one: "ива" → "иван",
    "ivan" → "ivan mos".
    """
    return all(any(old in new for new in after) for old in before)
