"""Our SQLite database object: text that is not UTF-8, and the environment's errors, handled once.

Two things every connection of the app needs, whatever reads or writes:

* **Text that is not valid UTF-8.** Any SQLite tool can store such bytes in
  a TEXT column (``CAST(x'416e6e61ff' AS TEXT)``), and Python's driver then
  fails on the whole query. Our connections read text the fast way until they
  meet such a value; then that connection switches to decoding with U+FFFD
  for each bad byte and the query goes on (re-run when rows of a batch would
  be lost). Every screen, search, export and report thus shows "Anna�"
  instead of failing; ``crm-desktop check`` lists those rows.
* **The environment's errors at the transaction boundary.** A write that
  fails because the disk is full, the file is locked by another program,
  read-only or failing raises the :class:`~crm_desktop.errors.EnvironmentFault`
  that says so (see :func:`crm_desktop.errors.environment_error`) when its
  transaction ends. When SQLite has already rolled the transaction back
  itself (it does on a full disk or an I/O error), the rollback peewee then
  asks for is skipped instead of hiding the real cause behind "cannot
  rollback - no transaction is active".
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from peewee import SqliteDatabase, _savepoint

from crm_desktop.errors import environment_error
from crm_desktop.models import cipher
from crm_desktop.models.lenient import LenientMixin


class LenientCursor(LenientMixin, sqlite3.Cursor):
    """A cursor of Python's ``sqlite3`` that reads invalid UTF-8 as U+FFFD."""


class LenientConnection(sqlite3.Connection):
    """A connection whose every cursor is a :class:`LenientCursor` (``execute`` included)."""

    def cursor(self, factory: Any = LenientCursor) -> Any:
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        return self.cursor().executemany(sql, parameters)


class _Savepoint(_savepoint):
    """A savepoint whose rollback is skipped when SQLite already ended the whole transaction."""

    def rollback(self, begin: bool = True) -> None:
        conn = self.db._state.conn
        if conn is not None and not conn.in_transaction:
            return
        super().rollback(begin)


class _Translating:
    """``database.atomic()``, whose failures caused by the environment say so in plain words."""

    def __init__(self, db: CrmDatabase, inner: Any):
        self._db = db
        self._inner = inner

    def __enter__(self) -> Any:
        return self._inner.__enter__()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        try:
            handled = self._inner.__exit__(kind, exc, tb)
        except Exception as failure:  # the commit (or the rollback) itself failed
            explained = environment_error(failure, where=self._db.database)
            if explained is None or explained is failure:
                raise
            raise explained from failure
        if exc is not None and not handled and isinstance(exc, Exception):
            explained = environment_error(exc, where=self._db.database)
            if explained is not None and explained is not exc:
                raise explained from exc
        return bool(handled)


class CrmDatabase(SqliteDatabase):
    """peewee's SQLite database with the two behaviours of the module docstring."""

    # Per thread: how long a write waits for a lock another connection holds (None: as
    # opened). The window shortens its own thread's wait while no job of ours writes.
    _lock_wait = threading.local()

    def set_lock_wait(self, seconds: float | None) -> None:
        """How long this thread's statements wait for another connection's lock
        (``None``: the wait every connection is opened with)."""
        if seconds is None:
            self._lock_wait.__dict__.pop("millis", None)
            millis = int(getattr(self, "_timeout", 5) * 1000)
        else:
            millis = max(0, int(seconds * 1000))
            self._lock_wait.millis = millis
        conn = self._state.conn  # type: ignore[attr-defined]
        if conn is not None:
            conn.execute(f"PRAGMA busy_timeout = {millis}")

    # Per thread: its connections' page cache in KiB (unset: CONNECTION_PRAGMAS's). The
    # window's query thread, which runs every search, keeps a larger one (services.session).
    _page_cache = threading.local()

    def set_page_cache(self, kib: int) -> None:
        """The page cache of this thread's connection, now and whenever it connects again."""
        self._page_cache.kib = int(kib)
        conn = self._state.conn  # type: ignore[attr-defined]
        if conn is not None:
            conn.execute(f"PRAGMA cache_size = -{int(kib)}")

    def _apply_page_cache(self, conn: Any) -> None:
        kib = getattr(self._page_cache, "kib", None)
        if kib is not None:
            conn.execute(f"PRAGMA cache_size = -{int(kib)}")

    def _apply_lock_wait(self, conn: Any) -> None:
        millis = getattr(self._lock_wait, "millis", None)
        if millis is not None:
            conn.execute(f"PRAGMA busy_timeout = {int(millis)}")

    def _connect(self) -> sqlite3.Connection:
        if self.database and cipher.is_encrypted(self.database):
            return self._connect_encrypted(Path(self.database))
        self.connect_params.setdefault("factory", LenientConnection)
        conn: sqlite3.Connection = super()._connect()  # type: ignore[misc]
        self._apply_lock_wait(conn)
        self._apply_page_cache(conn)
        return conn

    def _connect_encrypted(self, path: Path) -> sqlite3.Connection:
        """An encrypted file: SQLCipher's driver, keyed before any pragma is set."""
        salt = cipher.salt_of(path)
        key = cipher.known_key(salt)
        if key is None:
            raise cipher.missing_key_error(path)
        params = {k: v for k, v in self.connect_params.items() if k != "factory"}
        conn = cipher.connect_encrypted(
            path,
            key,
            salt,
            timeout=getattr(self, "_timeout", 5),
            isolation_level=None,
            **params,
        )
        try:
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]
            self._apply_lock_wait(conn)
            self._apply_page_cache(conn)
        except Exception:
            conn.close()
            raise
        return conn

    def atomic(self, *args: Any, **kwargs: Any) -> Any:
        return _Translating(self, super().atomic(*args, **kwargs))

    def savepoint(self) -> Any:
        return _Savepoint(self)

    def rollback(self) -> None:
        conn = self._state.conn  # type: ignore[attr-defined]
        if conn is not None and not conn.in_transaction:
            return  # SQLite rolled it back already (a full disk, an I/O error)
        super().rollback()
