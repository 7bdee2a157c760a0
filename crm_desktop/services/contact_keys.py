"""The contacts' stored sort keys (``contact_key``, schema 16): the contact list's order.

``ORDER BY crm_sort_key(name)`` called Python once a contact and sorted every key
(3.9 s at a million customers' 1.2 million contacts); the list now reads its order
from the index of the stored keys, as the customer list does from
``customer_search.name_key``. A key is :func:`~crm_desktop.services.text.sort_key`
of the name, in the order the file's keys are made in (:mod:`.sort_order`).

Triggers of the schema give a new or renamed contact a NULL key whoever writes; the
services make the key in the same transaction (:func:`set_keys`), a list makes the few keys
another tool left NULL or missing before it reads, or reads by its stand-in when it cannot
(:func:`listable`), and the start job repairs everything (:func:`refresh`). A re-key for
another language rewrites the keys that change (:func:`changed_keys`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence

import peewee

from crm_desktop.errors import CrmError
from crm_desktop.models import database
from crm_desktop.services import changes
from crm_desktop.services.text import KeyOrder, sort_key

_log = logging.getLogger(__name__)

CHUNK = 5000
# Keys a list's read makes itself before it reads (~0.3 s of Python); more (an upgrade's,
# a key table another tool emptied) are the start job's, and the list reads by its stand-in.
MAKE_AT_READ = 20_000
# Held while keys are made (the start job's refresh, a list's repair). A list that finds it
# held waits for those keys when they are few enough to be made within seconds (the job
# makes ~60,000 a second); else it reads by its stand-in: making the same keys again beside
# the job shares one interpreter with it, and at 100k the stand-in's right order came later
# (2.5 s) than the job alone ends (1.2 s).
_making = threading.Lock()
WAIT_FOR_THE_JOB = 200_000
JOB_WAIT_S = 10.0
# (connection, PRAGMA data_version) of each thread's last count that found a key row for
# every contact: until another connection commits none can be missing (our triggers and
# services keep one a contact; a NULL key, which a restore from the trash leaves, is looked
# for at every read).
_counted = threading.local()
_UPSERT = (
    'INSERT INTO "contact_key" ("id", "name_key") VALUES (?, ?) '
    'ON CONFLICT ("id") DO UPDATE SET "name_key" = excluded."name_key"'
)


def key_of(name: object, order: KeyOrder | None = None) -> str:
    """The stored key of a contact's name ("" for what is not text: another tool's number)."""
    return sort_key(name, order) if isinstance(name, str) else ""


def set_keys(contact_ids: Iterable[int | None]) -> None:
    """Make the keys of these contacts from their names (after a write of ours)."""
    ids = sorted({i for i in contact_ids if i is not None})
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ignored in chunk)
        rows = database.execute_sql(
            f"SELECT id, name FROM contact WHERE id IN ({marks})", chunk
        ).fetchall()
        _write([(contact_id, key_of(name)) for contact_id, name in rows])


def _write(keys: Sequence[tuple[int, str]]) -> None:
    for start in range(0, len(keys), CHUNK):
        database.connection().executemany(_UPSERT, keys[start : start + CHUNK])


def _stale(*, missing_too: bool) -> list[tuple[int, object]]:
    if missing_too:  # every contact read once: the start job's full check
        sql = (
            "SELECT ct.id, ct.name FROM contact ct LEFT JOIN contact_key k ON k.id = ct.id "
            "WHERE k.name_key IS NULL"
        )
    else:
        sql = (
            "SELECT ct.id, ct.name FROM contact_key k INDEXED BY contact_key_stale "
            "JOIN contact ct ON ct.id = k.id WHERE k.name_key IS NULL"
        )
    return list(database.execute_sql(sql).fetchall())


def make_stale() -> int:
    """Make the keys that are NULL (new or renamed contacts of a bulk path), in the caller's
    transaction; how many."""
    stale = _stale(missing_too=False)
    if stale:
        _make(stale)
    return len(stale)


def _make(
    stale: list[tuple[int, object]], progress: Callable[[int, int], None] | None = None
) -> None:
    with changes.transaction():
        # Keys of contacts gone meanwhile (deleted with the triggers off) go with them.
        database.execute_sql(
            'DELETE FROM "contact_key" WHERE "name_key" IS NULL AND NOT EXISTS '
            '(SELECT 1 FROM "contact" WHERE "contact"."id" = "contact_key"."id")'
        )
        for start in range(0, len(stale), CHUNK):
            chunk = stale[start : start + CHUNK]
            _write([(contact_id, key_of(name)) for contact_id, name in chunk])
            if progress is not None:
                progress(min(start + CHUNK, len(stale)), len(stale))


def refresh(progress: Callable[[int, int], None] | None = None) -> int:
    """Make every key that is NULL or missing, in one transaction; how many were made.

    Key rows whose contact is gone (another tool deleted contacts with our triggers
    dropped, or wrote ``contact_key`` itself) go too: the counts of :func:`listable`
    then tell a missing key row at once.
    """
    with _making:
        return _refresh(progress)


def _refresh(progress: Callable[[int, int], None] | None = None) -> int:
    stale = _stale(missing_too=True)
    if stale:
        _make(stale, progress)
    if _key_rows() != _contacts():
        with changes.transaction():
            database.execute_sql(
                'DELETE FROM "contact_key" WHERE NOT EXISTS '
                '(SELECT 1 FROM "contact" WHERE "contact"."id" = "contact_key"."id")'
            )
    return len(stale)


def _contacts() -> int:
    return int(database.execute_sql('SELECT count(*) FROM "contact"').fetchone()[0])


def _key_rows() -> int:
    return int(database.execute_sql('SELECT count(*) FROM "contact_key"').fetchone()[0])


def _null_keys() -> int:
    row = database.execute_sql(
        'SELECT count(*) FROM "contact_key" INDEXED BY "contact_key_stale" WHERE "name_key" IS NULL'
    ).fetchone()
    return int(row[0])


def listable() -> bool:
    """Whether the contact list may read its order from the stored keys; makes them first
    when a few are NULL or missing (another SQLite tool, a crash, an old backup).

    While the start job makes them (after an upgrade: every key) the list waits for its
    end when up to :data:`WAIT_FOR_THE_JOB` are to be made (~2 s at 100k). False when some
    are not made and cannot be now: the job is making more (15-25 s at a million contacts),
    there are more than :data:`MAKE_AT_READ`, or the file cannot be written (read-only
    media, another program's lock). The list then reads by its stand-in, which orders by
    each name's key made as it reads: the same order, slower, and no contact left out.

    A key row per contact and none NULL is told by two counts and the partial index of NULL
    keys (~8 ms at a million contacts), not by a join of every contact (~0.5 s); the counts
    only again once another connection has committed.
    """
    connection = database.connection()
    version = (connection, connection.execute("PRAGMA data_version").fetchone()[0])
    nulls = _null_keys()
    missing = 0 if getattr(_counted, "last", None) == version else _contacts() - _key_rows()
    if not missing:
        _counted.last = version
        if not nulls:
            return True
    todo = nulls + max(missing, 0)
    if not _making.acquire(blocking=False):
        if todo > WAIT_FOR_THE_JOB or not _making.acquire(timeout=JOB_WAIT_S):
            return False
        nulls, missing = _null_keys(), _contacts() - _key_rows()  # what the job left
        todo = nulls + max(missing, 0)
    try:
        if not nulls and not missing:
            return True
        if todo > MAKE_AT_READ:
            return False
        if missing:
            _refresh()
        else:
            make_stale()
    except (CrmError, peewee.OperationalError, sqlite3.OperationalError) as exc:
        _log.info("contact keys left as they are: %s", type(exc).__name__)
        return False
    finally:
        _making.release()
    return True


def changed_keys(order: KeyOrder) -> list[tuple[int, str]]:
    """(id, new key) of the contacts whose key changes in ``order`` (a re-key)."""
    rows = database.execute_sql(
        "SELECT k.id, k.name_key, ct.name FROM contact_key k JOIN contact ct ON ct.id = k.id"
    )
    found = []
    for contact_id, old, name in rows:
        new = key_of(name, order)
        if new != old:
            found.append((contact_id, new))
    return found


def write_keys(keys: Sequence[tuple[int, str]]) -> None:
    """Store (id, key) pairs (a re-key's, in its transaction)."""
    _write(keys)
