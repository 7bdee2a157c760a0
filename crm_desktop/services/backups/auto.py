"""Automatic backups: before bulk changes and upgrades, at the first start after a day, on exit.

Wired in :func:`crm_desktop.services.open_session`, so the window and every
command get the same protection:

* a bulk guard (:func:`crm_desktop.services.changes.add_bulk_guard`) backs
  up the open database before emptying the trash, an import, a merge… —
  if that backup cannot be made, the bulk change does not happen;
* the migration hook backs up an older file before it is upgraded;
* the window asks :func:`is_due` at start (no good backup of this database
  for 24 hours) and calls :func:`make_automatic_backup` on exit when it
  committed something.

An empty database is never backed up automatically (there is nothing to
lose, and loading demo data into a new file stays instant). When the chosen
folder cannot be used (the USB stick is not plugged in), an automatic
backup goes to the default folder instead of not happening, and says so.

``CRM_DESKTOP_AUTO_BACKUP=0`` in the environment turns automatic backups
off (for scripts that manage their own; the tests use a private
``CRM_DESKTOP_HOME`` instead).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crm_desktop import paths
from crm_desktop.errors import CancelledError, CrmError, DatabaseFileError
from crm_desktop.i18n import _
from crm_desktop.models import cipher, database_path
from crm_desktop.services import changes
from crm_desktop.services.backups import catalog
from crm_desktop.services.backups.catalog import BackupRecord
from crm_desktop.services.backups.verify import DOCUMENTED_TABLES

log = logging.getLogger(__name__)

ENV_SWITCH = "CRM_DESKTOP_AUTO_BACKUP"
DAILY_INTERVAL = timedelta(hours=24)


def enabled() -> bool:
    """Automatic backups are on unless ``CRM_DESKTOP_AUTO_BACKUP`` says 0/off/no/false."""
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "off", "no", "false")


def with_fallback_folder(
    make: Callable[[Path], BackupRecord], folder: Path | None = None
) -> BackupRecord:
    """Run ``make(folder)``; if the folder cannot be used, ``make(default folder)`` instead."""
    chosen = Path(folder) if folder is not None else catalog.backup_folder()
    try:
        return make(chosen)
    except (CancelledError, DatabaseFileError):
        raise  # not the folder's fault: another folder would not help
    except CrmError as first:
        default = paths.default_backup_dir()
        if catalog.is_default_folder(chosen):
            raise
        log.warning("backup folder %s failed (%s); using %s", chosen, first, default)
        try:
            record = make(default)
        except CrmError:
            raise first from None
        record.note = (
            f"The backup folder {chosen} could not be used ({first}); "
            f"the backup went to {default} instead."
        )
        return record


def has_data(db_path: Path) -> bool:
    """Whether the database holds any record (settings alone do not count)."""
    tables = [t for t in DOCUMENTED_TABLES if t != "setting"]
    query = " OR ".join(f'EXISTS (SELECT 1 FROM "{table}")' for table in tables)
    try:
        conn = cipher.connect_file(db_path, timeout=5, isolation_level=None)
    except sqlite3.Error:
        return True  # cannot tell: back it up
    try:
        return bool(conn.execute(f"SELECT {query}").fetchone()[0])
    except sqlite3.Error:
        return True
    finally:
        conn.close()


def make_automatic_backup(db_path: Path, kind: str, reason: str) -> BackupRecord | None:
    """Back up ``db_path`` into the backup folder (or the default one); None when not needed."""
    from crm_desktop.services.backups.snapshot import create_backup

    db_path = Path(db_path)
    if not enabled() or not db_path.exists() or not has_data(db_path):
        return None
    return with_fallback_folder(
        lambda folder: create_backup(db_path, folder=folder, kind=kind, reason=reason)
    )


def _before_bulk_change(reason: str) -> None:
    path = database_path()
    if path is None or not path.exists():
        return
    try:
        make_automatic_backup(path, "before-change", reason)
    except CancelledError:
        raise
    except CrmError as exc:
        raise CrmError(
            _(
                "The automatic backup before {reason} could not be made, so nothing was changed. "
                "{exc}"
            ).format(reason=reason, exc=exc)
        ) from exc


_guard_installed = False


def install_bulk_guard() -> None:
    """Back up before every bulk change (once per process; :func:`open_session` calls it)."""
    global _guard_installed
    if not _guard_installed:
        changes.add_bulk_guard(_before_bulk_change)
        _guard_installed = True


def before_migration(path: Path, old_version: int, new_version: int) -> None:
    """The migration hook: keep a backup of the older file before it is upgraded."""
    try:
        make_automatic_backup(
            path, "before-migration", f"upgrading from schema {old_version} to {new_version}"
        )
    except CrmError as exc:
        raise CrmError(
            _(
                "{path} needs an upgrade (schema {old_version} to {new_version}), and the backup "
                "that comes first could not be made, so it was not opened. {exc}"
            ).format(path=path, old_version=old_version, new_version=new_version, exc=exc)
        ) from exc


def last_good_backup(db_path: Path) -> BackupRecord | None:
    """The newest good backup of ``db_path`` in the backup folder or the default one."""
    found = [
        record
        for folder in {catalog.backup_folder(), paths.default_backup_dir()}
        if (record := catalog.newest_backup(db_path, folder)) is not None
    ]
    return max(found, key=lambda record: record.created_at) if found else None


def is_due(db_path: Path, now: datetime | None = None) -> bool:
    """Whether the daily backup should run: data, and no good backup for 24 hours."""
    db_path = Path(db_path)
    if not enabled() or not db_path.exists():
        return False
    newest = last_good_backup(db_path)
    now = now or datetime.now(UTC)
    if newest is not None and now - newest.created_at < DAILY_INTERVAL:
        return False
    return has_data(db_path)


def commit_mark() -> int:
    """A mark to compare with later: have the services committed anything since?"""
    return changes.commit_count


def changed_since(mark: int) -> bool:
    return changes.commit_count != mark
