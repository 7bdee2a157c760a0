"""Opening, creating and closing the user's database file.

Every connection gets the same pragmas: foreign keys on, a busy timeout so a
nightly backup or a second reader waits instead of failing, and
``synchronous=FULL`` so that in WAL mode a committed transaction survives a
power cut. The file is in WAL mode, carries our ``application_id`` and keeps
its schema version in ``user_version``.

The file holds customers' personal data: a new one is created readable by
its owner only (0600; SQLite gives its ``-wal`` and ``-shm`` the same
permissions), and an existing one that others could read is made private
when opened.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from crm_desktop.errors import DatabaseFileError, NewerSchemaError, environment_error
from crm_desktop.models import cipher
from crm_desktop.models.base import database
from crm_desktop.models.migrations import SCHEMA_VERSION, migrate
from crm_desktop.models.schema import APPLICATION_ID, PAGE_SIZE, create_schema
from crm_desktop.safe_files import create_private_file, make_private

__all__ = ["APPLICATION_ID", "PAGE_SIZE", "SQLITE_HEADER", "open_database"]
log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10

CONNECTION_PRAGMAS = (
    ("foreign_keys", 1),
    ("synchronous", 2),  # FULL: with WAL, no committed transaction is lost on power failure
    # 4 MB of page cache per connection (each thread has its own: the window, the list
    # reader, every job): enough for the inner pages of the big tables' trees; the rows
    # themselves come from the OS's file cache as fast at 1 MB as at 16 MB (bench/README).
    ("cache_size", -4096),
    ("temp_store", 2),  # sort spills in memory, not in a temp file beside the database
)

# Called with (path, old_version, new_version) before a file is migrated, so
# that the backup service can keep a copy first.
MigrationHook = Callable[[Path, int, int], None]


@dataclass(frozen=True)
class OpenedDatabase:
    """What :func:`open_database` found: the file, whether it is new, and any migration."""

    path: Path
    created: bool
    migrated_from: int | None


def sniff_file(path: Path) -> None:
    """Refuse, with a clear message, a path that cannot be a CRM Desktop database."""
    if path.is_dir():
        raise DatabaseFileError(f"{path} is a folder, not a database file.")
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseFileError(
                f"Cannot create {path}: the folder {path.parent} does not exist."
            )
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise DatabaseFileError(f"Cannot read {path}: permission denied.") from None
    except OSError as exc:
        raise DatabaseFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if header and header != SQLITE_HEADER and not cipher.is_encrypted(path):
        raise DatabaseFileError(f"{path} is not a CRM Desktop database: it is not an SQLite file.")


def _check_writable(path: Path) -> None:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseFileError(
            f"{path} is read-only. CRM Desktop needs to write to its database: "
            "copy it to a folder you can write to, or change its permissions."
        )
    if not os.access(folder, os.W_OK):
        raise DatabaseFileError(
            f"The folder {folder} is read-only. CRM Desktop keeps its journal beside the "
            "database, so the folder must be writable."
        )


def _user_tables(db) -> list[str]:
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [name for (name,) in rows]


def open_database(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    migrate_old: bool = True,
    before_migration: MigrationHook | None = None,
) -> OpenedDatabase:
    """Point the models at ``path``: create it if new, migrate it if old, refuse it if not ours.

    ``migrate_old=False`` leaves an older file as it is (for a check that must not change it).
    """
    path = Path(path).expanduser()
    if not database.is_closed():
        database.close()
    sniff_file(path)
    if not path.exists() and not create:
        raise DatabaseFileError(f"{path} does not exist.")
    _check_writable(path)
    _make_private(path)
    database.init(str(path), pragmas=CONNECTION_PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        database.connect()
        return _prepare(path, before_migration, migrate_old)
    except sqlite3.DatabaseError as exc:
        database.close()
        explained = environment_error(exc, where=path)
        if explained is not None and not isinstance(explained, DatabaseFileError):
            raise explained from exc
        raise DatabaseFileError(_explain_sqlite_error(path, exc)) from exc
    except BaseException:
        database.close()
        raise


def _make_private(path: Path) -> None:
    """A new file is created private; an existing one (and its journals) made private."""
    try:
        if create_private_file(path):
            return
    except OSError as exc:
        explained = environment_error(exc, where=path)
        if explained is not None:
            raise explained from exc
        raise DatabaseFileError(f"Cannot create {path}: {exc.strerror or exc}.") from exc
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        make_private(file)


def _prepare(
    path: Path, before_migration: MigrationHook | None, migrate_old: bool
) -> OpenedDatabase:
    app_id = database.pragma("application_id")
    tables = _user_tables(database)
    if app_id != APPLICATION_ID:
        if app_id or tables:
            raise DatabaseFileError(
                f"{path} is not a CRM Desktop database: it belongs to another program."
            )
        create_schema(database)
        return OpenedDatabase(path, created=True, migrated_from=None)
    version = database.pragma("user_version")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was made by a newer version of CRM Desktop (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Update CRM Desktop to open it."
        )
    database.execute_sql("PRAGMA journal_mode = WAL")
    if version < SCHEMA_VERSION and migrate_old:
        if version < 1:
            raise DatabaseFileError(f"{path} has no schema version: it cannot be opened.")
        if before_migration is not None:
            before_migration(path, version, SCHEMA_VERSION)
        migrate(database, version)
        compact(database)
        return OpenedDatabase(path, created=False, migrated_from=version)
    return OpenedDatabase(path, created=False, migrated_from=None)


def _explain_sqlite_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "file is not a database" in text or "malformed" in text:
        return f"{path} is damaged or not a CRM Desktop database ({text})."
    if "readonly" in text or "read-only" in text:
        return f"{path} cannot be written to ({text})."
    if "unable to open" in text:
        return f"Cannot open {path}: {text}."
    if "locked" in text or "busy" in text:
        return f"{path} is locked by another program; close it and try again."
    if "disk" in text and "full" in text:
        return f"The disk holding {path} is full; free some space and try again."
    return f"Cannot use {path}: {text}."


def compact(db: SqliteDatabase) -> None:
    """Give back the pages an upgrade freed (a table rebuild leaves the old ones, ~14 % of
    the file): every backup would copy, check and hash them. Skipped, with nothing lost,
    when another connection has the file open, and when the upgrade freed next to nothing
    (a step that only adds an index): rewriting a 1.8 GB file for that takes minutes."""
    free = db.execute_sql("PRAGMA freelist_count").fetchone()[0]
    if free * 20 < db.execute_sql("PRAGMA page_count").fetchone()[0]:  # under 5 % free
        return
    try:
        db.execute_sql("VACUUM")
    except sqlite3.OperationalError as exc:
        log.info("the upgraded file was not compacted: %s", exc)


def set_lock_wait(seconds: float | None) -> None:
    """How long the calling thread's writes wait for a lock before "another program is
    using the file" (its current and future connections; ``None``: the default)."""
    database.set_lock_wait(seconds)


def close_database() -> None:
    """Close this thread's connection (other threads close their own)."""
    if not database.is_closed():
        database.close()


def database_path() -> Path | None:
    """The file the models are bound to, or None before :func:`open_database`."""
    name = database.database
    return Path(name) if name and name != ":memory:" else None
