"""Reading text that is not valid UTF-8: U+FFFD for each bad byte, the query going on.

Any SQLite tool can store such bytes in a TEXT column, and Python's driver then
fails on the whole query. :class:`LenientMixin` is mixed into the cursor class
of a driver (Python's ``sqlite3`` in :mod:`crm_desktop.models.sqlite`,
SQLCipher's in :mod:`crm_desktop.models.cipher`): it reads text the fast way
until it meets such a value, then switches its connection to lenient decoding
and goes on (re-running a read whose batch would lose rows).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

_DECODE_FAILURE = "Could not decode to UTF-8"
# A statement that only reads can be run again to recover rows a failed batch lost.
_READS_ONLY = re.compile(r"^\s*(?:SELECT|WITH|PRAGMA|VALUES)\b", re.IGNORECASE)


def lenient_text(raw: bytes) -> str:
    """Text as stored, with U+FFFD for every byte that is not valid UTF-8."""
    return raw.decode("utf-8", "replace")


def _is_decode_failure(exc: Exception) -> bool:
    return type(exc).__name__ == "OperationalError" and str(exc).startswith(_DECODE_FAILURE)


if TYPE_CHECKING:
    _CursorBase = sqlite3.Cursor
else:
    _CursorBase = object


class LenientMixin(_CursorBase):
    """Reads invalid UTF-8 as U+FFFD instead of failing (see the module); mixed into the
    cursor class of a driver (Python's ``sqlite3``, or SQLCipher's for encrypted files)."""

    _query: tuple[str, Any] | None = None
    _delivered = 0

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        self._query, self._delivered = (sql, parameters), 0
        super().execute(sql, parameters)
        return self

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> Any:
        self._query, self._delivered = None, 0
        super().executemany(sql, seq_of_parameters)
        return self

    def _go_lenient(self, exc: Exception) -> None:
        if not _is_decode_failure(exc):
            raise exc
        self.connection.text_factory = lenient_text  # this connection, from now on

    def _run_again(self, exc: Exception) -> None:
        """Run the query again and skip the rows already handed out (the failed batch lost some)."""
        if self._query is None or not _READS_ONLY.match(self._query[0]):
            raise exc
        super().execute(*self._query)
        skip = self._delivered
        while skip > 0:
            rows = super().fetchmany(min(skip, 1000))
            if not rows:
                break
            skip -= len(rows)

    def fetchone(self) -> Any:
        try:
            row = super().fetchone()
        except Exception as exc:  # the driver's OperationalError (sqlite3's or SQLCipher's)
            self._go_lenient(exc)
            row = super().fetchone()  # the statement still stands on the row that failed
        if row is not None:
            self._delivered += 1
        return row

    def __iter__(self) -> Iterator[Any]:  # type: ignore[override]
        # A loop takes rows in batches: a Python call per batch, not per row (a quarter
        # faster on 100,000 rows than going through __next__ below).
        while rows := self.fetchmany(256):
            yield from rows

    def __next__(self) -> Any:
        try:
            row = super().__next__()
        except Exception as exc:  # the driver's OperationalError (sqlite3's or SQLCipher's)
            self._go_lenient(exc)
            row = super().__next__()
        self._delivered += 1
        return row

    def fetchmany(self, size: int | None = None) -> list[Any]:
        size = self.arraysize if size is None else size
        try:
            rows = super().fetchmany(size)
        except Exception as exc:  # the driver's OperationalError (sqlite3's or SQLCipher's)
            self._go_lenient(exc)
            self._run_again(exc)
            rows = super().fetchmany(size)
        self._delivered += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        try:
            rows = super().fetchall()
        except Exception as exc:  # the driver's OperationalError (sqlite3's or SQLCipher's)
            self._go_lenient(exc)
            self._run_again(exc)
            rows = super().fetchall()
        self._delivered += len(rows)
        return rows
