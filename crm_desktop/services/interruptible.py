"""Long SQL that the user can stop: Cancel interrupts a statement while SQLite is still in it.

A report over a million customers first sums the period's sales in one
statement (tens of seconds at that size) before the first row is written;
without this, Cancel would only be heard once that statement has ended.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

import peewee

from crm_desktop.errors import CancelledError
from crm_desktop.i18n import _
from crm_desktop.models import database

# SQLite calls the handler every this many virtual-machine steps (~1 ms of work).
_STEPS = 100_000


@contextlib.contextmanager
def interruptible(cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """While inside: this thread's statements stop with CancelledError when ``cancelled()``."""
    if cancelled is None:
        yield
        return
    connection = database.connection()
    connection.set_progress_handler(lambda: 1 if cancelled() else 0, _STEPS)
    try:
        yield
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        if cancelled() and "interrupt" in str(exc):
            raise CancelledError(_("Cancelled: no file was written.")) from None
        raise
    finally:
        with contextlib.suppress(sqlite3.ProgrammingError):  # closed from another thread
            connection.set_progress_handler(None, 0)
