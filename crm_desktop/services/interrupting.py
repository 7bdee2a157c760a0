"""Stopping a long SQLite statement when its answer is no longer wanted.

SQLite calls a progress handler every so many virtual-machine steps; when it returns
non-zero the statement stops with "interrupted". The window's query thread asks this of
work that a newer request makes useless (a search's rest, a count behind a keystroke).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from crm_desktop.models import database


class Stopped(Exception):
    """A statement was stopped because its answer is no longer wanted."""


@contextlib.contextmanager
def interruptible(
    cancelled: Callable[[], bool] | None, stopped: type[Exception] = Stopped
) -> Iterator[None]:
    """Run the body's statements so that ``cancelled()`` becoming True stops them with
    ``stopped`` (asked every 20,000 steps of SQLite's machine, ~1 ms)."""
    if cancelled is None:
        yield
        return
    conn = database.connection()
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if cancelled():
            raise stopped from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)
