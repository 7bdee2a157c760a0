"""Validating the rows of a big import on every core: the parsers are the import's hot spot.

Parsing an email (email-validator) and a phone (phonenumbers) costs about
a tenth of a millisecond per row in pure Python — most of an import's time.
For a big file (:data:`PARALLEL_MIN_ROWS` rows or more, on a machine with
more than one core) the rows are split: this process validates the first
share while helper processes validate the rest in chunks, with the same
parsers and the same settings (passed to them, they never open the
database). The file is cut into chunks, all offered to the helpers, a few
ahead (so only a few chunks' results wait in memory). This process, which
also matches and writes every row, validates only what would otherwise make
it wait: when it reaches a chunk no helper has started (the machine is
busy, a helper gets little time), it takes that chunk back; when a helper
is still on the chunk it needs, it takes back the last chunk queued and
validates that meanwhile. So neither side waits while there is work, and the
share of each follows the machine (a fixed share, every third chunk, left
one side waiting for the other when the load changed). The results come
back in the file's order, so matching and writing — which must see the rows
one after another — are unchanged.
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
CHUNK_ROWS = 2_500
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
    chunks = [rows[i : i + CHUNK_ROWS] for i in range(0, len(rows), CHUNK_ROWS)]
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
        done_here: dict[int, list[tuple[SourceRow, Outcome]]] = {}  # validated ahead, here
        queue = iter(range(len(chunks)))
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

        def steal_while(future: concurrent.futures.Future[list[Outcome]]) -> None:
            """Validate later chunks no helper has started while ``future`` runs."""
            while not future.done():
                later = [j for j in sorted(futures) if futures[j] is not future]
                taken = next((j for j in reversed(later) if futures[j].cancel()), None)
                if taken is None:
                    return
                del futures[taken]
                done_here[taken] = list(here(chunks[taken]))
                top_up()

        for index, chunk in enumerate(chunks):
            top_up()
            if index in done_here:
                yield from done_here.pop(index)
                continue
            future = futures.pop(index, None)
            if future is None or future.cancel():  # not started (the helpers are behind)
                top_up()
                yield from here(chunk)
                continue
            # A helper has it: rather than wait, this process validates a later chunk.
            steal_while(future)
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
