"""Sample data: a believable small business, deterministic for a seed and a day.

``crm-desktop demo`` and the first-run dialog fill an empty database with
customers in seven countries and four scripts (see
:mod:`crm_desktop.services.demo_data`), their contacts, tags, a price list,
a few years of orders with lines, deals in every stage, tasks (some due
today, some overdue, some coming), interactions, campaigns and service
cases (:mod:`crm_desktop.services.demo_rows` makes the rows). Dates are
relative to ``on`` (today) so the sample always looks current; the same
seed, day and time zone always give the same file.

It is a bulk path, and it streams: the rows are made a chunk of 1,000
customers at a time — by helper processes when there are many, since
making rows is pure Python — and written with the raw connection's
``executemany`` as they arrive, so memory stays flat whatever the size.
Everything happens in one transaction, so a cancel or a failure leaves the
database as it was. While it loads, the indexes of the tables it fills are
dropped, and made again afterwards from their own SQL (sorting once is
much cheaper than growing a dozen B-trees in random order).
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import contextlib
import functools
import logging
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.services import search, settings
from crm_desktop.services.changes import after_commit, before_bulk_change, notify, transaction
from crm_desktop.services.clock import today
from crm_desktop.services.demo_data.catalogue import OwnersCatalogue
from crm_desktop.services.demo_rows import (
    COLUMNS,
    LOCAL_IDS,
    TABLES,
    Batch,
    SampleMaker,
    chunks_of,
    make_chunks,
    the_owners_catalogue,
)
from crm_desktop.services.progress import Progress, stop_if_cancelled
from crm_desktop.services.search_rows import insert_search_rows

log = logging.getLogger(__name__)

INSERT_ORDER = TABLES
MAX_CUSTOMERS = 1_000_000
PARALLEL_MIN_CUSTOMERS = 20_000  # below this, helper processes cost more than they save
CHUNKS_A_TASK = 5  # chunks a helper makes per request
MAX_HELPERS = 3
PROGRESS_STEPS = 1000
BIG_CACHE_MIN_CUSTOMERS = 50_000
BIG_CACHE_KIB = 256 * 1024


@dataclass
class DemoResult:
    """How many rows of each table the sample data added."""

    counts: dict[str, int] = field(default_factory=dict)


def insert_sql(table: str, offsets: dict[str, int] | None = None) -> str:
    """A one-row INSERT of a table's sample rows; ``offsets`` renumber a chunk's own ids.

    A chunk numbers its contacts, deals and orders from 1 (see ``LOCAL_IDS``);
    the offsets (how many of each the earlier chunks made) are added in SQL,
    where NULL + n stays NULL. (The plain form, for the benchmark's baseline.)
    """
    values = []
    for column in COLUMNS[table]:
        of = LOCAL_IDS.get(table, {}).get(column)
        if of is None or offsets is None:
            values.append("?")
        elif column == "number":  # a placeholder until the orders are numbered by date
            values.append(f"'~' || (? + {offsets[of]})")
        else:
            values.append(f"? + {offsets[of]}")
    return f'INSERT INTO "{table}" ({", ".join(COLUMNS[table])}) VALUES ({", ".join(values)})'


ROWS_A_STATEMENT = 64  # rows one INSERT carries: far fewer statements to run
_OFFSET_PARAMETERS = {"contact": 1, "deal": 2, "sales_order": 3}  # ?1 ?2 ?3: the offsets


@functools.cache
def _many_rows_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    """An INSERT of ``rows`` rows, numbered parameters from ?4; ?1–?3 are the id offsets."""
    local = LOCAL_IDS.get(table, {})
    groups = []
    for row in range(rows):
        values = []
        for index, column in enumerate(columns):
            value = f"?{4 + row * len(columns) + index}"
            of = local.get(column)
            if of is not None:
                value = f"{value} + ?{_OFFSET_PARAMETERS[of]}"
                if column == "number":  # a placeholder until the orders are numbered by date
                    value = f"'~' || ({value})"
            values.append(value)
        groups.append(f"({', '.join(values)})")
    return f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES {", ".join(groups)}'


def insert_rows(
    conn: sqlite3.Connection,
    table: str,
    rows: Sequence[tuple],
    offsets: Sequence[int] = (0, 0, 0),
    columns: tuple[str, ...] | None = None,
) -> None:
    """Insert ``rows`` into ``table``, many rows a statement (``offsets``: see LOCAL_IDS)."""
    columns = columns or COLUMNS[table]
    head = list(offsets)
    size = ROWS_A_STATEMENT
    full = len(rows) - len(rows) % size
    if full:
        conn.executemany(
            _many_rows_sql(table, columns, size),
            (head + list(chain.from_iterable(rows[i : i + size])) for i in range(0, full, size)),
        )
    if full < len(rows):
        rest = rows[full:]
        conn.execute(
            _many_rows_sql(table, columns, len(rest)), head + list(chain.from_iterable(rest))
        )


class ChunkWriter:
    """Writes chunks of sample rows in order, renumbering each chunk's own ids."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.offsets = {"contact": 0, "deal": 0, "sales_order": 0}
        self.counts = dict.fromkeys(TABLES, 0)

    def write(self, rows: Batch) -> None:
        offsets = (self.offsets["contact"], self.offsets["deal"], self.offsets["sales_order"])
        for table in TABLES:
            data = rows.get(table)
            if data:
                if table == "customer_search":  # one statement: the n-gram index in one pass
                    insert_search_rows(data, self.conn)
                else:
                    insert_rows(self.conn, table, data, offsets)
                self.counts[table] += len(data)
        for table in self.offsets:
            self.offsets[table] += len(rows.get(table, ()))


def build_rows(
    customers: int, seed: int = 1, on: date | None = None
) -> Iterator[tuple[str, list[tuple]]]:
    """(INSERT statement, its rows), in writing order: the benchmark's plain baseline input.

    The orders keep their placeholder numbers (the writer numbers them afterwards).
    """
    maker = SampleMaker(seed, on or today())  # as written: English, US cents
    offsets = {"contact": 0, "deal": 0, "sales_order": 0}
    batches = [maker.fixed_rows()] + [maker.chunk(*chunk) for chunk in chunks_of(customers)]
    for rows in batches:
        for table in TABLES:
            if rows.get(table):
                yield insert_sql(table, offsets), rows[table]
        for table in offsets:
            offsets[table] += len(rows.get(table, ()))


def generate(
    *,
    customers: int = 200,
    seed: int = 1,
    on: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    helpers: int | None = None,
) -> DemoResult:
    """Fill an empty database with sample data; a cancel or failure leaves it empty.

    ``helpers``: how many helper processes make rows (None: as many as fit the machine).
    """
    if customers < 1:
        raise CrmError(_("Sample data needs at least one customer."))
    if customers > MAX_CUSTOMERS:
        raise CrmError(_("Sample data is limited to 1,000,000 customers."))  # = MAX_CUSTOMERS
    used = database.execute_sql(
        "SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM product) "
        "+ (SELECT count(*) FROM sales_order) + (SELECT count(*) FROM tag)"
    ).fetchone()[0]
    if used:
        raise CrmError(
            _(
                "Sample data goes into an empty database only; this one already has data. "
                "Use --db with a new file name."
            )
        )
    before_bulk_change(_("loading sample data"))
    day = on or today()
    if helpers is None:
        helpers = helpers_for(customers)

    def tell(fraction: float) -> None:
        if progress is not None:
            progress(int(fraction * PROGRESS_STEPS), PROGRESS_STEPS)

    def check() -> None:
        stop_if_cancelled(cancelled)

    conn = database.connection()
    started = time.perf_counter()
    # A bigger page cache while loading a big file: its B-trees, sorts and the renumbering
    # of the orders stay in memory (given back afterwards).
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    if customers >= BIG_CACHE_MIN_CUSTOMERS:
        conn.execute(f"PRAGMA cache_size = -{BIG_CACHE_KIB}")
    try:
        return _load(conn, customers, seed, day, helpers, tell, check, cancelled, started)
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
        conn.execute("PRAGMA shrink_memory")


def _load(conn, customers, seed, day, helpers, tell, check, cancelled, started):
    marks: list[tuple[str, float]] = []
    cpu_started = time.process_time()  # this process's share: the load's critical path

    def mark(phase: str) -> None:
        marks.append((phase, time.perf_counter()))

    with transaction():
        writer = ChunkWriter(conn)
        with _indexes_set_aside(conn, TABLES):
            # The price list, tags and campaigns in the owner's language and currency (the
            # helper processes are handed them: their language may not be the window's).
            catalogue = the_owners_catalogue()
            writer.write(SampleMaker(seed, day, catalogue).fixed_rows())
            for done, rows in _chunks(customers, seed, day, helpers, cancelled, catalogue):
                writer.write(rows)
                check()
                tell(0.75 * done / customers)
            mark("rows")
            _number_orders(conn)
            mark("order numbers")
            check()
            tell(0.8)
        mark("indexes")
        if not settings.get("company_name"):
            settings.set_many({"company_name": _("Northwind Demo Trading Ltd")})
        notify("*", (), "reload")
        # The search rows were written here directly (made with the rows, see demo_rows):
        # the window's in-memory copy reloads them at its next search.
        after_commit(search.MEMORY.forget)
    mark("commit")
    tell(1.0)
    phases, last = [], started
    for phase, at in marks:
        phases.append(f"{phase} {at - last:.1f} s")
        last = at
    log.info(
        "Sample data: %d customers with %d helpers: %s; CPU of this process %.1f s",
        customers,
        helpers,
        ", ".join(phases),
        time.process_time() - cpu_started,
    )
    return DemoResult(dict(writer.counts))


def helpers_for(customers: int) -> int:
    """How many helper processes make the rows of ``customers`` customers (0: this one)."""
    cores = os.cpu_count() or 1
    if customers < PARALLEL_MIN_CUSTOMERS or cores < 2:
        return 0
    return min(cores, MAX_HELPERS)


def _chunks(
    customers: int,
    seed: int,
    day: date,
    helpers: int,
    cancelled: Callable[[], bool] | None,
    catalogue: OwnersCatalogue,
) -> Iterator[tuple[int, Batch]]:
    """(customers made so far, the rows of the next chunk), in order."""
    chunks = chunks_of(customers)
    if helpers < 1:
        for chunk in chunks:
            yield chunk[1] + chunk[2] - 1, make_chunks(seed, day, [chunk], catalogue)[0]
        return
    tasks = [chunks[i : i + CHUNKS_A_TASK] for i in range(0, len(chunks), CHUNKS_A_TASK)]
    try:
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=helpers, mp_context=multiprocessing.get_context("spawn")
        )
    except (OSError, ValueError):  # no processes here (a sandbox): make them in this one
        yield from _chunks(customers, seed, day, 0, cancelled, catalogue)
        return
    try:
        # Only a few tasks ahead: finished ones wait in this process's memory.
        futures: list[concurrent.futures.Future[list[Batch]]] = []
        queue = iter(tasks)

        def top_up() -> None:
            while len(futures) < 2 * helpers:
                task = next(queue, None)
                if task is None:
                    return
                futures.append(pool.submit(make_chunks, seed, day, task, catalogue))

        for task in tasks:
            top_up()
            batches = _wait(futures.pop(0), cancelled)
            if batches is None:  # the helpers could not run: make this task here
                batches = make_chunks(seed, day, task, catalogue)
            for chunk, rows in zip(task, batches, strict=True):
                yield chunk[1] + chunk[2] - 1, rows
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _wait(
    future: concurrent.futures.Future[list[Batch]], cancelled: Callable[[], bool] | None
) -> list[Batch] | None:
    """A task's chunks; None when the helper processes broke."""
    while True:
        try:
            return future.result(timeout=0.2)
        except concurrent.futures.TimeoutError:
            stop_if_cancelled(cancelled)
        except (concurrent.futures.process.BrokenProcessPool, OSError, EOFError):
            return None


# Index keys that arrive in ascending order (ids of parents written before, in order) or
# with a handful of values: such an index grows at its right-hand end, cheaply.
_KEYS_IN_ORDER = frozenset(
    ("customer_id", "order_id", "contact_id", "deal_id", "campaign_id", "product_id", "tag_id",
     "entity", "status", "stage", "kind", "country", "deleted_at", "is_primary")
)  # fmt: skip


@contextlib.contextmanager
def _indexes_set_aside(conn: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """Drop the indexes of ``tables`` that would grow in random order; make them after the load.

    Sorting once (CREATE INDEX) is much cheaper than growing a B-tree larger than the
    cache in random order. Their SQL is read from the schema itself, so they come back
    exactly as they were; if the transaction rolls back, so does the drop.
    """
    marks = ", ".join("?" for _table in tables)
    indexes = []
    for name, sql in conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).fetchall():
        first_column = conn.execute(f'PRAGMA index_info("{name}")').fetchone()[2]
        if first_column not in _KEYS_IN_ORDER:
            indexes.append((name, sql))
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.execute(sql)


def _number_orders(conn: sqlite3.Connection) -> None:
    """Number the orders of each year by date, as the app numbers new ones (SO-2026-0042)."""
    prefix = settings.get("order_number_prefix") or "SO-"
    conn.execute(
        "UPDATE sales_order SET number = numbered.number FROM ("
        "  SELECT id, ? || substr(order_date, 1, 4) || '-' || printf('%04d', row_number() "
        "    OVER (PARTITION BY substr(order_date, 1, 4) ORDER BY order_date, id)) AS number"
        "  FROM sales_order) AS numbered "
        "WHERE sales_order.id = numbered.id",
        (prefix,),
    )
