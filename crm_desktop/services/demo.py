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
customers at a time, so memory stays flat whatever the size. A small sample
is made here and written with the raw connection's ``executemany``; a big
one (``helpers``) is made by helper processes that also write it, into
parts that this process only copies in (:mod:`~crm_desktop.services.demo_parts`;
an encrypted file's driver cannot take parts, so its rows come pickled and are
written here). Everything happens in one transaction, so a cancel or a
failure leaves the database as it was. While it loads, the indexes of the
tables it fills are dropped (for parts also their triggers, and foreign keys
are checked once before the commit), and made again afterwards from their own
SQL (sorting once is much cheaper than growing a dozen B-trees in random order).

A load in parts also: feeds the search groups' indexes a part at a time (their
triggers are set aside), with FTS5's merging of segments off until one merge
at the end; and, when no other connection has the file open, writes through a
rollback journal instead of the WAL (the file's pages are written once, not
twice; the WAL is back before the function returns). All of it in the same
transaction, so a cancel still leaves the file as it was.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import contextlib
import logging
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.models.migrations import (
    GROUP_INDEX_FILL,
    GROUP_TRIGGERS,
    SEARCH_GROUPS,
    SEARCH_INDEX_TABLES,
)
from crm_desktop.services import search, settings
from crm_desktop.services.changes import after_commit, before_bulk_change, notify, transaction
from crm_desktop.services.clock import today
from crm_desktop.services.demo_data.catalogue import OwnersCatalogue
from crm_desktop.services.demo_parts import (
    PART,
    PART_TABLES,
    PartSource,
    insert_rows,
    insert_verb,
)
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
    columns = ", ".join(COLUMNS[table])
    return f'{insert_verb(table)} "{table}" ({columns}) VALUES ({", ".join(values)})'


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
    # With helpers, they write whole parts that this process transfers (demo_parts); SQLite
    # transfers records only while foreign keys are off (they are checked before the commit).
    # An encrypted file's driver cannot take the parts: its rows come the plain way.
    in_parts = helpers > 0 and isinstance(conn, sqlite3.Connection) and not conn.in_transaction
    journal = None
    if in_parts:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(f"ATTACH ':memory:' AS {PART}")  # not within a transaction: detached after
        journal = _rollback_journal(conn)
    try:
        return _load(conn, customers, seed, day, helpers, tell, check, cancelled, started, in_parts)
    finally:
        if in_parts:
            if journal is not None:
                conn.execute(f"PRAGMA main.journal_mode = {journal}")
            conn.execute(f"DETACH {PART}")
            conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = {cache}")
        conn.execute("PRAGMA shrink_memory")


def _load(conn, customers, seed, day, helpers, tell, check, cancelled, started, in_parts):
    marks: list[tuple[str, float]] = []
    cpu_started = time.process_time()  # this process's share: the load's critical path

    def mark(phase: str) -> None:
        marks.append((phase, time.perf_counter()))

    with transaction():
        tell(0.0)  # the window's progress (and its Cancel) shows before the first rows
        writer = ChunkWriter(conn)
        # The price list, tags and campaigns in the owner's language and currency (the
        # helper processes are handed them: their language may not be the window's).
        catalogue = the_owners_catalogue()
        if in_parts:
            set_aside = _set_aside(conn, PART_TABLES, for_parts=True)
        else:
            set_aside = _set_aside(conn, TABLES, for_parts=False)
        with set_aside as kept_indexes:
            writer.write(SampleMaker(seed, day, catalogue).fixed_rows())
            if in_parts:
                _merging(conn, off=True)
                _transfer_parts(
                    conn,
                    writer,
                    customers,
                    seed,
                    day,
                    helpers,
                    cancelled,
                    catalogue,
                    tell,
                    kept_indexes,
                )
                mark("rows")
                _merging(conn, off=False)
                mark("search indexes merged")
            else:
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
        if in_parts:
            _check_references(conn)
            mark("reference check")
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


def _rollback_journal(conn: sqlite3.Connection) -> str | None:
    """The file's journal mode for the load: a rollback journal instead of the WAL, when it can.

    In WAL mode every page of the load is written twice, into the WAL and then into the
    file by the checkpoint (2 GB each at 1M). A rollback journal keeps only the pages the
    file had before (a new file's schema: a few dozen); the pages the load adds are written
    once, in place. A cancel, a failure or a crash rolls back just as well (the journal
    restores those pages and cuts the file to its old size). Returns the mode to go back
    to; None when another connection holds the file (then the WAL stays).
    """
    mode = conn.execute("PRAGMA main.journal_mode").fetchone()[0]
    if mode != "wal":
        return None
    try:  # refused at once (no busy wait) while another connection has the file open
        changed = conn.execute("PRAGMA main.journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        return None
    return mode if changed == "delete" else None


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
def _set_aside(
    conn: sqlite3.Connection, tables: Sequence[str], *, for_parts: bool
) -> Iterator[list[str]]:
    """Drop indexes of ``tables`` for the load, and make them again after it.

    Sorting once (CREATE INDEX) is much cheaper than growing a B-tree larger than the
    cache in random order, so the indexes whose keys would arrive in random order go.
    ``for_parts``: the unique indexes and the tables' triggers go too (but the search
    table's, which feed its n-gram index): SQLite transfers a part's records only into a
    table with neither (see demo_parts); the groups' indexes, whose triggers go, are fed
    part by part (:func:`_feed_groups`). Yields the SQL of the indexes kept, which the
    parts must have too. Their SQL is read from the schema itself, so they come back
    exactly as they were; if the transaction rolls back, so does the drop.
    """
    marks = ", ".join("?" for _table in tables)
    dropped, kept = [], []
    for kind, name, table, sql in conn.execute(
        f"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY type, name",
        tuple(tables),
    ).fetchall():
        if kind == "trigger":
            # The groups' indexes (schema 15) are fed a part at a time by one INSERT … SELECT
            # each (their triggers, one row at a time, cost twice that).
            keep = not for_parts or (table == "customer_search" and name not in GROUP_TRIGGERS)
        else:
            in_order = conn.execute(f'PRAGMA index_info("{name}")').fetchone()[2] in _KEYS_IN_ORDER
            keep = in_order and not for_parts
            if keep:
                kept.append(sql)
        if not keep:
            dropped.append((kind, name, sql))
    for kind, name, _sql in dropped:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    yield kept
    for _kind, _name, sql in dropped:
        conn.execute(sql)
    if not for_parts and any(name in GROUP_TRIGGERS for _kind, name, _sql in dropped):
        for statement in GROUP_INDEX_FILL:
            conn.execute(statement)


def _transfer_parts(
    conn: sqlite3.Connection,
    writer: ChunkWriter,
    customers: int,
    seed: int,
    day: date,
    helpers: int,
    cancelled: Callable[[], bool] | None,
    catalogue: OwnersCatalogue,
    tell: Callable[[float], None],
    indexes: list[str],
) -> None:
    """The customers' rows, made and written by helper processes, moved in (see demo_parts).

    ``indexes``: the SQL of the indexes kept on the tables, which every part must have too.
    """
    chunks = chunks_of(customers)
    tasks = [
        (number, chunks[i : i + CHUNKS_A_TASK])
        for number, i in enumerate(range(0, len(chunks), CHUNKS_A_TASK))
    ]
    schema_sql = [
        conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (t,)
        ).fetchone()[0]
        for t in PART_TABLES
    ] + indexes
    first_ids = {
        t: conn.execute(f'SELECT coalesce(max(id), 0) FROM "{t}"').fetchone()[0]
        for t in PART_TABLES
    }
    source = PartSource(
        seed=seed,
        on=day,
        catalogue=catalogue,
        tasks=tasks,
        helpers=helpers,
        schema_sql=schema_sql,
        first_ids=first_ids,
        cancelled=cancelled,
        stop_if_cancelled=stop_if_cancelled,
    )
    with contextlib.suppress(OSError, ValueError):  # no processes here: all made in this one
        source.start()
    try:
        for (number, task_chunks), data in source.parts_in_order():
            conn.deserialize(data, name=PART)
            for table in PART_TABLES:  # SQLite copies the records as they are
                conn.execute(f'INSERT INTO main."{table}" SELECT * FROM {PART}."{table}"')
            first, last = task_chunks[0], task_chunks[-1]
            _feed_groups(conn, first[1], last[1] + last[2] - 1)
            for table, count in source.counts[number].items():
                writer.counts[table] += count
            tell(0.75 * (last[1] + last[2] - 1) / customers)
    finally:
        source.close()


_AUTOMERGE = 4  # FTS5's default


def _merging(conn: sqlite3.Connection, *, off: bool) -> None:
    """FTS5's merging of the search indexes' segments, off for the load and done once after.

    A part's rows become a segment of each index; merged as they come, the segments are
    rewritten level after level. Merged once at the end (``optimize``), each index is one
    segment. The setting goes back to what a new file holds (FTS5's default, no row).
    """
    for table in SEARCH_INDEX_TABLES:
        if off:
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")
        else:
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', {_AUTOMERGE})")
            conn.execute(f"DELETE FROM \"{table}_config\" WHERE k = 'automerge'")


def _feed_groups(conn: sqlite3.Connection, first: int, last: int) -> None:
    """Index the search rows of customers ``first`` … ``last`` in the groups' indexes.

    What the groups' insert trigger does (schema 15), for a part's rows at once: FTS5 takes
    them as one batch, at about the cost of a rebuild, in the load's parallel phase.
    """
    for group in SEARCH_GROUPS:
        conn.execute(
            f'INSERT INTO "customer_search_{group}_fts" (rowid, "{group}") '
            f'SELECT id, "{group}" FROM customer_search_groups WHERE id BETWEEN ? AND ?',
            (first, last),
        )


def _check_references(conn: sqlite3.Connection) -> None:
    """The foreign keys the transfer could not enforce, checked before the commit."""
    wrong = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    if wrong:  # our bug: the rows are made here
        raise RuntimeError(f"sample data with broken references: {wrong}")


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
