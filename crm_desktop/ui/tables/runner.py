"""Read-only queries off the GUI thread, newest request first: the lists' id queries, Today.

Sorting 100,000 customers by city takes most of a second in SQLite, so the
views ask :class:`QueryRunner` instead of the database: it runs the query
in one background thread (with that thread's own SQLite connection) and
hands the result back on the GUI thread. Each view has its own *channel*;
a newer request on a channel makes older ones stale, so typing five letters
quickly runs at most the last query or two, and a result never lands in a
view that asked for something else since.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from crm_desktop.services.session import close_session, current_db_path, open_reader_session

log = logging.getLogger(__name__)

_STALE = object()
_tickets = itertools.count(1)
# Bumped when the window reopens its database file (after a restore): the
# runner thread then drops its connection and opens the file again.
_epoch = 0


def reset_connections() -> None:
    """Make the runner reconnect before its next query (the file was replaced)."""
    global _epoch
    _epoch += 1


class QueryRunner(QObject):
    """One background thread for the views' queries; results come back on the GUI thread."""

    _delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._queue: queue.SimpleQueue[tuple[int, int, Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._latest: dict[int, int] = {}
        self._callbacks: dict[int, tuple[int, Callable[[Any], None], Callable | None]] = {}
        self._lock = threading.Lock()
        self._pending = 0
        self._connection_key: tuple[Any, int] | None = None
        self._running: tuple[int, int] | None = None  # (ticket, channel) of the work running
        self._channels = itertools.count(1)
        self._delivered.connect(self._deliver)
        # The query thread emits ``_delivered``: whatever PySide6 still has to build of this
        # object's meta-object is built here, on the GUI thread (its builder is not
        # thread-safe; see ui.jobs._WorkThread).
        self.metaObject()
        self._thread = threading.Thread(target=self._loop, name="crm-queries", daemon=True)
        self._thread.start()

    # --- GUI thread -----------------------------------------------------------------

    def channel(self, owner: QObject | None = None) -> int:
        """A new channel for one view; forgotten when ``owner`` (if given) is destroyed."""
        channel = next(self._channels)
        if owner is not None:
            owner.destroyed.connect(lambda *_: self.forget(channel))
        return channel

    def submit(
        self,
        channel: int,
        work: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        """Run ``work()`` in the background; ``on_result`` gets its result if still wanted."""
        ticket = next(_tickets)
        with self._lock:
            self._latest[channel] = ticket
            self._callbacks[ticket] = (channel, on_result, on_error)
            self._pending += 1
        self._queue.put((ticket, channel, work))
        return ticket

    def forget(self, channel: int) -> None:
        """The view is gone: drop whatever it asked for."""
        with self._lock:
            self._latest.pop(channel, None)

    def let_go(self, timeout: float = 10.0) -> bool:
        """Drop every queued query and close the runner thread's connection; wait for it.

        Blocks the calling thread; the work runs without the GUI loop (only results need it).
        For the end of a test: no query of an earlier window may reach a later file.
        """
        with self._lock:
            self._latest.clear()  # whatever is queued is stale now
        closed = threading.Event()

        def close() -> None:
            close_session()
            self._connection_key = None
            closed.set()

        self.submit(self.channel(), close, lambda _result: None, lambda _error: None)
        return closed.wait(timeout)

    def running_is_stale(self) -> bool:
        """For long work to ask as it runs: has a newer request on its channel replaced it?"""
        with self._lock:
            running = self._running
            return running is not None and self._latest.get(running[1]) != running[0]

    def others_waiting(self) -> bool:
        """For long work to ask as it runs: does other work wait behind it?"""
        return not self._queue.empty()

    def is_busy(self) -> bool:
        with self._lock:
            return self._pending > 0

    @Slot(object)
    def _deliver(self, payload: tuple[int, Any, BaseException | None]) -> None:
        ticket, result, error = payload
        with self._lock:
            self._pending -= 1
            channel, on_result, on_error = self._callbacks.pop(ticket)
            wanted = self._latest.get(channel) == ticket
        if result is _STALE or not wanted:
            return
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                raise error  # our bug: the excepthook shows it
            return
        on_result(result)

    # --- the runner thread ----------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                break
            ticket, channel, work = item
            with self._lock:
                stale = self._latest.get(channel) != ticket
                self._running = None if stale else (ticket, channel)
            if stale:
                self._delivered.emit((ticket, _STALE, None))
                continue
            try:
                self._fresh_connection()
                result, error = work(), None
            except BaseException as exc:  # handed to the GUI thread
                log.debug("background query failed", exc_info=True)
                result, error = None, exc
            try:
                self._delivered.emit((ticket, result, error))
            except RuntimeError:  # the application is going away
                break

    def _fresh_connection(self) -> None:
        key = (current_db_path(), _epoch)
        if key != self._connection_key:
            open_reader_session()  # not to the previous file, if any; a larger page cache
            self._connection_key = key


_runner: QueryRunner | None = None


def runner() -> QueryRunner:
    """The application's query runner (started on first use; needs a QApplication)."""
    global _runner
    if _runner is None:
        _runner = QueryRunner()
    return _runner
