"""Opening a database for use: the file, its migration, and its derived tables.

Both the window and every command go through :func:`open_session`, so they
see the same file the same way: created when new, migrated when old (with a
hook that lets the backup service keep a copy first), refused when it is not
ours, and with its search index repaired if another tool edited it. What a
killed restore or start left beside the database is removed first.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from crm_desktop.models import database
from crm_desktop.models.connection import (
    MigrationHook,
    OpenedDatabase,
    close_database,
    database_path,
    open_database,
    set_lock_wait,
)
from crm_desktop.paths import resolve_db_path
from crm_desktop.safe_files import private_folder
from crm_desktop.services import contact_keys, encryption_keys, search, sort_order

# The entity modules: each registers its entity with the record engine when imported.
ENTITY_MODULES = (
    "customers", "contacts", "products", "deals", "orders", "tasks", "interactions",
    "campaigns", "service_cases", "quotes", "invoices", "payments", "selling_lists",
    "custom_fields",
)  # fmt: skip


def load_entities() -> None:
    """Import every entity module, so the record engine and the trash know them all."""
    for name in ("text", *ENTITY_MODULES):
        importlib.import_module(f"crm_desktop.services.{name}")


def current_db_path() -> Path | None:
    """The database file the services work on now (None before :func:`open_session`)."""
    return database_path()


def close_session() -> None:
    """Close this thread's connection to the database (each thread closes its own)."""
    close_database()


# Every connection keeps 4 MB of pages (models/connection.py); the window's query thread
# keeps more: it reads every search, and a search of 100,000 customers reads the same
# ~25 MB of search rows and n-gram index keystroke after keystroke, which 4 MB sent back
# to the OS's file cache each time (the service's p95 23 → 16 ms CPU, bench/README.md).
READER_CACHE_KIB = 32 * 1024


def open_reader_session() -> None:
    """Make this thread the window's query thread: its larger page cache from now on.

    Closes the thread's connection to a previous file, if any; its next query connects
    (to the file open now), as any thread's does, with :data:`READER_CACHE_KIB`.
    """
    close_database()
    database.set_page_cache(READER_CACHE_KIB)


__all__ = [
    "close_session",
    "current_db_path",
    "finish_opening",
    "load_entities",
    "open_reader_session",
    "open_session",
    "resolve_db_path",
    "set_lock_wait",
]


def open_session(
    path: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    migrate_old: bool = True,
    before_migration: MigrationHook | None = None,
    refresh_search: bool = True,
    backups_later: bool = False,
) -> OpenedDatabase:
    """Open (or create) the database and make its derived data current.

    The window passes ``refresh_search=False`` and repairs the search table in
    the background after it shows (it takes ~0.2 s at 100,000 customers).
    It also passes ``backups_later=True``: the backup service's part of the
    opening (removing what a killed restore or backup left beside the file, the
    guard that backs up before bulk changes) waits for :func:`finish_opening`,
    called once the first screen is painted, so that the first screen does not
    wait for the backup package's import. An upgrade still keeps its backup first.
    """
    load_entities()
    if before_migration is None:
        before_migration = _backup_before_migration
    target = resolve_db_path(path)
    if path is None and create:
        private_folder(target.parent)  # the data folder: ours, private to the user
    if not backups_later:
        finish_opening(target)
    encryption_keys.unlock(
        target
    )  # an encrypted file: its key from the keyring, or a clear refusal
    opened = open_database(
        target, create=create, migrate_old=migrate_old, before_migration=before_migration
    )
    search.MEMORY.forget()
    sort_order.activate()  # key new rows in the order this file's keys were made in
    if not migrate_old:
        return opened
    if refresh_search or opened.migrated_from is not None:
        search.refresh_index()
        contact_keys.refresh()  # the contacts' sort keys (made after an upgrade to 16)
    if refresh_search:
        sort_order.rekey_if_needed()  # the window runs it as a job after it shows
    return opened


def finish_opening(path: str | os.PathLike[str] | None = None) -> None:
    """The backup service's part of opening ``path``: back up before every bulk change
    (the window and the CLI), and remove what a killed restore, backup or start left
    beside the database (``.restore-PID…``: garbage, never needed to open it)."""
    from crm_desktop.services.backups import auto as auto_backup
    from crm_desktop.services.backups.files import clean_stale_temps

    auto_backup.install_bulk_guard()
    clean_stale_temps(resolve_db_path(path).parent)


def _backup_before_migration(path: Path, old_version: int, new_version: int) -> None:
    """Keep a backup of an older file before it is upgraded (the backup service's hook)."""
    from crm_desktop.services.backups import auto as auto_backup

    auto_backup.before_migration(path, old_version, new_version)
