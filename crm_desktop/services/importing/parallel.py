"""Validating the rows of a big import on every core: the parsers are the import's hot spot.

Parsing an email (email-validator) and a phone (phonenumbers) costs about
a tenth of a millisecond per row in pure Python — most of an import's time.
For a big file (:data:`PARALLEL_MIN_ROWS` rows or more, on a machine with
more than one core) the rows are split: this process validates the first
share while helper processes validate the rest in chunks, with the same
parsers and the same settings (passed to them, they never open the
database). The file is cut into chunks; this process, which also matches
and writes every row, validates every third chunk (with one helper) and the
helpers the others, a few chunks ahead, so both stay busy and only a few
chunks' results wait in memory. When this process reaches a chunk the
helpers have not started yet (the machine is busy, a helper gets little
time), it takes that chunk back and validates it itself instead of waiting.
The results come back in the file's order, so matching and writing — which
must see the rows one after another — are unchanged.
Small files, and machines with one core, validate here, one row at a time.

The helpers are started with ``spawn`` (safe from a GUI worker thread);
a cancel stops them and raises :class:`CancelledError` in the caller.

**A helper never outlives the import.** Killed with SIGKILL or SIGTERM, the
importing process cannot shut its helpers down, so each helper watches for
itself: on Linux the kernel sends it SIGKILL when its parent dies
(``PR_SET_PDEATHSIG``); everywhere, a thread blocks on a pipe whose only
writer is the parent and ends the helper when the pipe closes; and the
helper lets go of the standard streams at once, so ``crm-desktop import …
| cat`` sees its end of file when the importing process ends. (The
resource tracker that ``multiprocessing`` starts holds the streams too; it
exits when the last of the parent and the helpers is gone.)
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence

from crm_desktop.services.custom_fields import CustomField
from crm_desktop.services.importing.rows import Plan, Prepared, RowError, Rules, prepare
from crm_desktop.services.importing.table import SourceRow
from crm_desktop.services.progress import stop_if_cancelled

PARALLEL_MIN_ROWS = 20_000
CHUNK_ROWS = 5_000
MAX_HELPERS = 3
IN_FLIGHT = 3  # chunks queued per helper beyond the one it works on

Outcome = Prepared | str  # the valid row, or why it is refused

_worker: tuple[str, Rules, Plan] | None = None


def _die_with(parent_pid: int, lifeline: multiprocessing.connection.Connection) -> None:
    """End this helper as soon as the process that started it is gone (see the docstring)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # it died before we could ask to follow it
        os._exit(0)

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv()  # the parent never sends: this returns when its end closes
        os._exit(0)

    threading.Thread(target=watch, name="crm-import-lifeline", daemon=True).start()
    devnull = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):  # never keep the parent's terminal or pipe open
        with contextlib.suppress(OSError):
            os.dup2(devnull, stream)
    os.close(devnull)


def _start_worker(
    entity: str,
    region: str,
    currency: str,
    custom: tuple[CustomField, ...],
    mapping: list[str | None],
    headers: list[str],
    parent_pid: int,
    lifeline: multiprocessing.connection.Connection,
) -> None:
    global _worker
    _die_with(parent_pid, lifeline)
    _worker = (entity, Rules(region, currency, custom), Plan(mapping, headers))


def _prepare_chunk(rows: list[tuple[int, list[str]]]) -> list[Outcome]:
    assert _worker is not None
    entity, rules, plan = _worker
    out: list[Outcome] = []
    for line, cells in rows:
        try:
            out.append(prepare(entity, rules, plan, SourceRow(line, cells)))
        except RowError as exc:
            out.append(str(exc))
    return out


def helpers_for(rows: int) -> int:
    """How many helper processes validate ``rows`` rows (0: this process alone)."""
    cores = os.cpu_count() or 1
    if rows < PARALLEL_MIN_ROWS or cores < 2:
        return 0
    return min(cores - 1, MAX_HELPERS)


def prepare_rows(
    entity: str,
    rules: Rules,
    mapping: Sequence[str | None],
    headers: Sequence[str],
    rows: Sequence[SourceRow],
    *,
    tick: Callable[[], None],
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[SourceRow, Outcome]]:
    """Each row with its outcome, in the file's order; ``tick`` runs once per row here."""
    plan = Plan(mapping, headers)
    helpers = helpers_for(len(rows))

    def here(share: Sequence[SourceRow]) -> Iterator[tuple[SourceRow, Outcome]]:
        for row in share:
            tick()
            try:
                yield row, prepare(entity, rules, plan, row)
            except RowError as exc:
                yield row, str(exc)

    if not helpers:
        yield from here(rows)
        return
    # Chunks in the file's order; every (helpers + 2)-th is validated here (this process
    # also matches and writes every row), the others by the helpers, a few ahead.
    chunks = [rows[i : i + CHUNK_ROWS] for i in range(0, len(rows), CHUNK_ROWS)]
    mine = {i for i in range(len(chunks)) if i % (helpers + 2) == 0}
    theirs = [i for i in range(len(chunks)) if i not in mine]
    context = multiprocessing.get_context("spawn")
    try:
        # The helpers hold the reading end; this process alone holds the writing end.
        lifeline, keep_alive = context.Pipe(duplex=False)
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=helpers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(
                entity,
                rules.region,
                rules.currency,
                rules.custom,
                list(mapping),
                list(headers),
                os.getpid(),
                lifeline,
            ),
        )
    except (OSError, ValueError):  # no processes here (a sandbox): validate in this one
        yield from here(rows)
        return
    try:
        # Only a few chunks in flight: finished ones wait in this process's memory.
        futures: dict[int, concurrent.futures.Future[list[Outcome]]] = {}
        queue = iter(theirs)

        broken = False

        def top_up() -> None:
            nonlocal broken
            while not broken and len(futures) < helpers + IN_FLIGHT:
                index = next(queue, None)
                if index is None:
                    return
                payload = [(row.line, row.cells) for row in chunks[index]]
                try:
                    futures[index] = pool.submit(_prepare_chunk, payload)
                except (concurrent.futures.process.BrokenProcessPool, OSError, RuntimeError):
                    broken = True  # no helper can start: every chunk is validated here

        for index, chunk in enumerate(chunks):
            top_up()
            if index in mine or index not in futures:
                yield from here(chunk)
                continue
            future = futures.pop(index)
            if future.cancel():  # not started yet (the helpers are behind): do it here
                top_up()
                yield from here(chunk)
                continue
            outcomes = _wait(future, cancelled)
            top_up()
            if outcomes is None:  # the helpers could not run: do their share here
                yield from here(chunk)
                continue
            for row, outcome in zip(chunk, outcomes, strict=True):
                tick()
                yield row, outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        keep_alive.close()
        lifeline.close()


def _wait(
    future: concurrent.futures.Future[list[Outcome]], cancelled: Callable[[], bool] | None
) -> list[Outcome] | None:
    """A chunk's outcomes; None when the helper processes broke (e.g. a script without
    ``if __name__ == "__main__"``, which ``spawn`` cannot start helpers for)."""
    while True:
        try:
            return future.result(timeout=0.2)
        except concurrent.futures.TimeoutError:
            stop_if_cancelled(cancelled)
        except (concurrent.futures.process.BrokenProcessPool, OSError, EOFError):
            return None
