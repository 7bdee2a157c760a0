"""The big sample's fast path: helper processes write whole parts, the loader only moves them.

Writing ten million rows through Python's ``executemany`` kept the loading
process busy for nearly three minutes at 1,000,000 customers (binding each
value, then SQLite's B-tree work), while the helpers that made the rows
waited for it. Here each helper process makes a *task* of chunks
(:mod:`~crm_desktop.services.demo_rows`) and writes its rows, with their final
ids, into a small SQLite database of its own, in memory, whose tables have
exactly the ``CREATE TABLE`` statements of the user's file (their CHECK
constraints are not evaluated there: see :func:`write_part`). It sends that
database's bytes (``serialize``); the loading process ``deserialize``\\s them
into an attached schema and moves every table with ``INSERT INTO main.t
SELECT * FROM part.t``, which SQLite runs as its transfer optimisation: it
copies the records as they are, without decoding them, about ten times
cheaper than inserting them from Python.

Final ids need the counts of every earlier task (a chunk numbers its own
contacts, deals and orders, and its lines, tasks and the rest, from 1). So a
helper that has made a task sends its counts first and waits for the ids to
start from; the loader hands them out in task order as soon as the counts
before are known. A helper handles tasks ``w``, ``w + helpers``, … in order,
so no one ever waits for a task that is not being made.

SQLite transfers records only into a table with no index, no trigger and,
while foreign keys are enforced, no foreign key: the caller drops the
tables' indexes and triggers inside the transaction and makes them again from
their own SQL afterwards, and turns foreign keys off for the load, then runs
``PRAGMA foreign_key_check`` before the commit. The parts' tables carry the
same NOT NULL constraints, checked when the helper writes a row; their CHECK
constraints hold for the sample's rows (the plain path enforces them on the same
rows). If a helper dies, the loader makes its tasks itself.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import multiprocessing.connection
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from itertools import chain
from typing import Any, cast

from crm_desktop.models.schema import PAGE_SIZE
from crm_desktop.services.demo_data.catalogue import OwnersCatalogue
from crm_desktop.services.demo_rows import COLUMNS, LOCAL_IDS, TABLES, Batch, make_chunks

PART = "demo_part"  # the schema name the loader attaches the parts under
# Tables whose rows come in the parts (the others, price list, tags and campaigns,
# are written once by the loader).
PART_TABLES = tuple(t for t in TABLES if t not in ("tag", "product", "campaign"))
_AUTO_ID = frozenset(t for t in PART_TABLES if "id" not in COLUMNS[t])  # ids given here
_WAIT_SECONDS = 0.2  # how often the loader looks at Cancel while it waits
AHEAD_A_HELPER = 2  # tasks a helper may be given ids for beyond the part being copied in

ROWS_A_STATEMENT = 64  # rows one INSERT carries: far fewer statements to run
_OFFSET_PARAMETERS = {"contact": 1, "deal": 2, "sales_order": 3}  # ?1 ?2 ?3: the offsets


def insert_verb(table: str) -> str:
    """How a table's sample rows go in: a contact's key replaces the NULL one that the
    schema's trigger gave it where the triggers stay during the load (a small sample)."""
    return "INSERT OR REPLACE INTO" if table == "contact_key" else "INSERT INTO"


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
    return f'{insert_verb(table)} "{table}" ({", ".join(columns)}) VALUES {", ".join(groups)}'


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


Task = tuple[int, list[tuple[int, int, int]]]  # (task index, its chunks)
Offsets = dict[str, int]  # per table: the id just before the task's first row


def write_part(batches: Sequence[Batch], offsets: Offsets, schema_sql: Sequence[str]) -> bytes:
    """The rows of a task's chunks as an in-memory SQLite database, with their final ids."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        # Bigger pages, no rollback journal: ~20 % cheaper, and a part that fails is dropped.
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode = OFF")
        # The CHECK constraints were half of a part's writing (~25 µs a customer): the rows
        # are the plain path's, which enforces them (the parts' tests compare the files and
        # run PRAGMA integrity_check, which checks them; so does `crm-desktop check`).
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for sql in schema_sql:
            conn.execute(sql)
        conn.execute("BEGIN")
        running = dict(offsets)
        for rows in batches:
            local = (running["contact"], running["deal"], running["sales_order"])
            for table in PART_TABLES:
                data = rows.get(table)
                if not data:
                    continue
                if table in _AUTO_ID:
                    first = running[table] + 1
                    numbered = [(first + i, *row) for i, row in enumerate(data)]
                    insert_rows(conn, table, numbered, local, ("id", *COLUMNS[table]))
                else:
                    insert_rows(conn, table, data, local)
            for table in PART_TABLES:
                running[table] += len(rows.get(table, ()))
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


def counts_of(batches: Sequence[Batch]) -> dict[str, int]:
    """How many rows of each part table a task's chunks hold."""
    return {t: sum(len(rows.get(t, ())) for rows in batches) for t in PART_TABLES}


def helper_main(
    pipe: multiprocessing.connection.Connection,
    seed: int,
    on: date,
    catalogue: OwnersCatalogue,
    tasks: list[Task],
    schema_sql: list[str],
) -> None:
    """A helper process: for each of its tasks, counts, then (given the offsets) the part."""
    try:
        for index, chunks in tasks:
            batches = make_chunks(seed, on, chunks, catalogue)
            pipe.send(("counts", index, counts_of(batches)))
            offsets = pipe.recv()
            if offsets is None:  # the loader stopped (cancel or failure)
                return
            pipe.send(("part", index, write_part(batches, offsets, schema_sql)))
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the loader is gone; nothing to clean up
    finally:
        pipe.close()


class PartSource:
    """Runs the helper processes and yields the tasks' parts in task order.

    A thread of the loader (the *pump*) receives the helpers' messages as they come and
    answers their counts with the ids to start from, so a helper never waits while the
    loader copies a part in: it goes on to its next task. Parts wait, received, for
    their turn; at most ``AHEAD`` tasks beyond the one being copied are given their ids,
    which bounds the memory they hold.

    ``first_ids``: per part table, the largest id already in the file (0 when empty).
    """

    def __init__(
        self,
        *,
        seed: int,
        on: date,
        catalogue: OwnersCatalogue,
        tasks: list[Task],
        helpers: int,
        schema_sql: list[str],
        first_ids: Offsets,
        cancelled: Callable[[], bool] | None,
        stop_if_cancelled: Callable[[Callable[[], bool] | None], None],
    ):
        self.seed, self.on, self.catalogue, self.tasks = seed, on, catalogue, tasks
        self.schema_sql = schema_sql
        self.cancelled, self._stop_if_cancelled = cancelled, stop_if_cancelled
        self.helpers = helpers
        self.ahead = AHEAD_A_HELPER * max(helpers, 1)
        self.next_ids = dict(first_ids)  # the offsets of the next task to be given them
        self.counts: dict[int, dict[str, int]] = {}
        self.parts: dict[int, bytes] = {}
        self.offered = 0  # tasks given their offsets so far
        self.consumed = 0  # tasks whose parts were handed on
        self.owner: dict[int, multiprocessing.connection.Connection] = {}
        self.pipes: list[multiprocessing.connection.Connection] = []
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self._lock = threading.Condition()  # guards everything above that the pump touches
        self._stopping = False
        self._pump: threading.Thread | None = None
        self._failure: BaseException | None = None

    def start(self) -> None:
        """Start the helpers (OSError or ValueError: processes cannot run here)."""
        try:
            context = multiprocessing.get_context("spawn")
            for number in range(self.helpers):
                mine = [task for task in self.tasks if task[0] % self.helpers == number]
                ours, theirs = context.Pipe()
                process = context.Process(
                    target=helper_main,
                    args=(theirs, self.seed, self.on, self.catalogue, mine, self.schema_sql),
                    daemon=True,
                    name=f"crm-demo-helper-{number}",
                )
                process.start()
                theirs.close()
                self.pipes.append(ours)
                self.processes.append(process)
                for index, _chunks in mine:
                    self.owner[index] = ours
        finally:
            if self.pipes:  # those that started are served
                self._pump = threading.Thread(target=self._run_pump, name="crm-demo-parts")
                self._pump.start()

    def parts_in_order(self) -> Iterator[tuple[Task, bytes]]:
        """(task, its part's bytes), in task order."""
        for task in self.tasks:
            index = task[0]
            while True:
                with self._lock:
                    if self._failure is not None:
                        raise self._failure
                    data = self.parts.pop(index, None)
                    orphan = data is None and (index not in self.owner or not self.pipes)
                    if data is None and not orphan:
                        self._lock.wait(_WAIT_SECONDS)
                if data is not None:
                    break
                if orphan:  # its helper died (or none could start): made here
                    self._make_here(task)
                self._stop_if_cancelled(self.cancelled)
            with self._lock:
                self.consumed += 1
                self._offer()
            yield task, data

    def _run_pump(self) -> None:
        """The pump: receive the helpers' messages until they end or the source closes."""
        try:
            while True:
                with self._lock:
                    if self._stopping or not self.pipes:
                        return
                    pipes = list(self.pipes)
                for ready in multiprocessing.connection.wait(pipes, timeout=_WAIT_SECONDS):
                    pipe = cast(multiprocessing.connection.Connection, ready)
                    try:
                        message: tuple[str, int, Any] | None = pipe.recv()
                    except (EOFError, OSError):
                        message = None
                    with self._lock:
                        if message is None:
                            self._lose(pipe)
                        elif message[0] == "counts":
                            self.counts[message[1]] = message[2]
                            self._offer()
                        else:
                            self.parts[message[1]] = message[2]
                        self._lock.notify_all()
        except BaseException as exc:  # our bug: the loader raises it
            with self._lock:
                self._failure = exc
                self._lock.notify_all()

    def _offer(self) -> None:
        """Give each task, in order, the ids to start from once the counts before it are known.

        Call with the lock held.
        """
        while (
            self.offered < len(self.tasks)
            and self.offered < self.consumed + self.ahead
            and self.tasks[self.offered][0] in self.counts
        ):
            index = self.tasks[self.offered][0]
            pipe = self.owner.get(index)
            if pipe is not None:
                try:
                    pipe.send(dict(self.next_ids))
                except OSError:
                    self._lose(pipe)
            for table, count in self.counts[index].items():
                self.next_ids[table] += count
            self.offered += 1

    def _make_here(self, task: Task) -> None:
        """A task whose helper died, made in this process."""
        index, chunks = task
        batches = make_chunks(self.seed, self.on, chunks, self.catalogue)  # the same rows again
        with self._lock:
            self.counts.setdefault(index, counts_of(batches))
            self._offer()  # every task before it is handed on: it is given its ids now
            start = self._offsets_of(index)
        part = write_part(batches, start, self.schema_sql)
        with self._lock:
            self.parts[index] = part

    def _offsets_of(self, index: int) -> Offsets:
        """The ids a task starts from, once offered (every task before it has its counts)."""
        ids = dict(self.next_ids)
        for task in reversed(self.tasks[: self.offered]):
            if task[0] < index:
                break
            for table, count in self.counts[task[0]].items():
                ids[table] -= count
        return ids

    def _lose(self, pipe: multiprocessing.connection.Connection) -> None:
        """A helper is gone: its tasks are the loader's (call with the lock held)."""
        if pipe in self.pipes:
            self.pipes.remove(pipe)
        for index, owner in list(self.owner.items()):
            if owner is pipe:
                del self.owner[index]

    def close(self) -> None:
        """Stop the pump, then the helpers (those still waiting are told; the rest are
        ended), and wait."""
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._pump is not None:
            self._pump.join()
        for pipe in self.pipes:
            with contextlib.suppress(OSError):
                pipe.send(None)
        for process in self.processes:
            process.join(timeout=1)
            if process.is_alive():
                process.terminate()
                process.join()
        for pipe in self.pipes:
            pipe.close()
        self.pipes.clear()
