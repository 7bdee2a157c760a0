"""Reading the customers' search rows into the query thread's page cache while it is idle.

The first search of a session reads its candidates' rows (``customer_search``, one haystack
a customer) from the file, page by page: at 100,000 customers ``иванов`` took 46 ms of CPU
the first time and 12 ms the next (bench/README.md, "The search keystroke through the
model, wave 8"). When the customer list has opened and the window's query thread has
nothing to do, :func:`warm_search_rows` reads that table once, in chunks of ids, so that
the first search finds its rows in the cache.

It gives way at once: ``cancelled`` (the query thread's "does other work wait?") is asked
between chunks and, through SQLite's progress handler, inside each one; it then returns
the id it got to, and a later call goes on from there. A table that would not fit in
``budget`` bytes (at 1M customers, ~230 MB against the reader's 32 MB cache) is left
alone after its first chunk: its pages would only push each other out of the cache.
Nothing is written, and nothing of it is kept in Python. An error of the file (locked,
unreadable, damaged) ends the warm-up quietly: the searches report it themselves.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

import peewee

from crm_desktop.errors import CrmError
from crm_desktop.models import database
from crm_desktop.services import interrupting
from crm_desktop.services.session import READER_CACHE_KIB

_log = logging.getLogger(__name__)

CHUNK_IDS = 5_000  # ~1.2 MB of rows: a few ms, so that a stop between chunks comes soon
# The share of the query thread's page cache the search rows may take: the rest keeps the
# indexes a search walks (the n-gram index, the names' keys).
BUDGET_BYTES = READER_CACHE_KIB * 1024 * 3 // 4


def warm_search_rows(
    start: int = 0,
    *,
    cancelled: Callable[[], bool],
    budget: int = BUDGET_BYTES,
) -> int | None:
    """Read the search rows whose id is above ``start`` into this thread's page cache.

    Returns None when every row was read, when the table is larger than ``budget`` bytes
    (judged from the rows read so far) or when the file failed; else, stopped because
    ``cancelled()``, the id to go on from.
    """
    try:
        return _read_rows(start, cancelled, budget)
    except (CrmError, sqlite3.Error, peewee.DatabaseError) as exc:
        # Only a head start: a locked, unreadable or damaged file is the searches' to report.
        _log.info("search rows not warmed: %s", type(exc).__name__)
        return None


def _read_rows(start: int, cancelled: Callable[[], bool], budget: int) -> int | None:
    conn = database.connection()
    last = conn.execute("SELECT max(id) FROM customer_search").fetchone()[0]
    if last is None:
        return None
    read = 0  # bytes of rows read by this call, over the ids (start, position]
    position = start
    try:
        with interrupting.interruptible(cancelled):
            while position < last:
                if cancelled():
                    return position
                end = position + CHUNK_IDS
                # The length of a text read as a BLOB comes from the row's header; the row
                # itself, and so its page, is read all the same.
                (size,) = conn.execute(
                    "SELECT total(length(CAST(haystack AS BLOB)) + length(name_key)) "
                    "FROM customer_search WHERE id > ? AND id <= ?",
                    (position, end),
                ).fetchone()
                read += int(size)
                position = end
                if read * (last - start) > budget * (position - start):
                    return None  # the whole table would not fit: not worth the memory
    except interrupting.Stopped:
        return position
    return None
