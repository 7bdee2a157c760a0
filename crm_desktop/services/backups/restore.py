"""Restoring a backup without ever risking the current data.

Two steps, so that the user sees what a file holds before anything changes:

:func:`prepare_restore` copies the chosen file beside the database (never
opening the original with SQLite) and checks the copy as untrusted: not
empty, SQLite, ours, not from a newer version, ``integrity_check`` and
``foreign_key_check`` clean; an older file is migrated on the copy. It
returns a :class:`PreparedRestore` with the file's counts and the current
ones, and changes nothing else.

:meth:`PreparedRestore.apply` then:

1. takes the one-instance lock (a restore from the command line is refused
   while a window has the database open; the window itself holds it);
2. closes this thread's connection and gets the database to itself:
   switching it out of WAL mode checkpoints the ``-wal`` file into it and
   succeeds only when no other connection has it open (otherwise: refused,
   nothing changed); a read transaction then keeps every writer out;
3. makes the safety copy of the current data from that very connection (a
   normal, verified backup of kind ``safety``, listed like any other; a
   damaged database is kept as it is);
4. removes the stale ``-shm``, hard-links the current file to a hidden
   rollback name, and puts the checked copy in place with ``os.replace``
   (atomic) and flushes the folder;
5. opens the result; if that fails, the rollback link goes back in place.

Until step 4 the current file is untouched (only its journal mode, which
the next open sets back to WAL); step 4 is a single rename. The caller then
reopens the database (:func:`crm_desktop.services.open_session`, or the
window's ``reload_database``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from peewee import SqliteDatabase

from crm_desktop import paths
from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.models import APPLICATION_ID, SCHEMA_VERSION, close_database, database_path
from crm_desktop.models.migrations import migrate
from crm_desktop.services import instance_lock
from crm_desktop.services.backups import catalog
from crm_desktop.services.backups.catalog import BackupRecord
from crm_desktop.services.backups.files import (
    clean_stale_temps,
    explain_write_error,
    fsync_dir,
    fsync_file,
    remove_quietly,
    remove_with_companions,
    sqlite_companions,
    temp_name,
)
from crm_desktop.services.backups.verify import (
    THOROUGH,
    BackupFileError,
    connect,
    count_records,
    describe_sqlite_error,
    identify,
    run_checks,
    sniff,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class RestoreError(CrmError):
    """The restore did not happen; the current database is as it was."""


@dataclass
class RestoreResult:
    """What a finished restore did."""

    chosen: Path
    target: Path
    counts: dict[str, int]
    safety: BackupRecord | None
    migrated_from: int | None


@dataclass
class PreparedRestore:
    """A checked (and, if old, migrated) copy of a backup, ready to replace the database."""

    chosen: Path
    target: Path
    work: Path
    schema_version: int
    migrated_from: int | None
    counts: dict[str, int]
    made_at: datetime
    record: BackupRecord | None
    current_counts: dict[str, int] | None = None
    current_problem: str = ""
    applied: bool = field(default=False, init=False)

    def discard(self) -> None:
        """Delete the checked copy (after :meth:`apply`, or when the user says no)."""
        remove_with_companions(self.work)

    def apply(
        self, *, folder: Path | None = None, progress: Progress | None = None
    ) -> RestoreResult:
        """Replace the database with the checked copy, keeping a safety copy first."""
        if self.applied or not self.work.exists():
            raise RestoreError("This backup was already restored or discarded: choose it again.")
        step = progress or (lambda done, total: None)
        own_lock = None
        if self.target.parent.is_dir() and instance_lock.held_here(self.target) is None:
            try:
                own_lock = instance_lock.acquire_instance_lock(self.target)
            except instance_lock.AlreadyOpenError as exc:
                who = f" ({exc.info.describe()})" if exc.info else ""
                raise RestoreError(
                    f"{self.target} is open in a CRM Desktop window{who}. Close that window, "
                    "or restore from its File menu (File › Restore from backup…). "
                    "Nothing was changed."
                ) from exc
        try:
            step(0, 3)
            result = self._replace(folder, step)
        except BaseException:
            self.discard()
            raise
        finally:
            if own_lock is not None:
                own_lock.release()
        self.applied = True
        step(3, 3)
        return result

    def _replace(self, folder: Path | None, step: Progress) -> RestoreResult:
        target = self.target
        bound = database_path()
        if bound is not None and _same_path(bound, target):
            close_database()  # this thread's connection; other threads must have closed theirs
        safety: BackupRecord | None = None
        conn: sqlite3.Connection | None = None
        if target.exists():
            conn, damage = _take_exclusive(target)
            try:
                step(1, 3)
                safety = _safety_copy(target, conn, damage, folder, self.chosen)
                step(2, 3)
                journal = Path(f"{target}-journal")
                if journal.exists() and journal.stat().st_size:
                    raise RestoreError(
                        f"Another program is writing to {target}. Close it and try again. "
                        "Nothing was changed."
                    )
                remove_quietly(*sqlite_companions(target))  # -wal is in the file or the copy
                rollback = _link_rollback(target)
                try:
                    os.replace(self.work, target)
                    fsync_dir(target.parent)
                except OSError as exc:
                    remove_quietly(*(p for p in [rollback] if p))
                    raise RestoreError(
                        f"The restore did not happen: {explain_write_error(exc, target.parent)}. "
                        "The current database was not changed."
                    ) from exc
            finally:
                conn.close()
        else:
            rollback = None
            try:
                os.replace(self.work, target)
                fsync_dir(target.parent)
            except OSError as exc:
                raise RestoreError(
                    f"The restore did not happen: {explain_write_error(exc, target.parent)}."
                ) from exc
        try:
            _open_check(target)
        except BaseException as exc:
            if rollback is not None:
                os.replace(rollback, target)
                fsync_dir(target.parent)
                raise RestoreError(
                    f"The restored file could not be opened ({exc}); the database was put "
                    "back as it was before the restore."
                ) from exc
            raise
        if rollback is not None:
            remove_quietly(rollback)
        log.info(
            "restored %s from %s (safety copy: %s)", target, self.chosen, safety and safety.path
        )
        return RestoreResult(self.chosen, target, self.counts, safety, self.migrated_from)


def release_connection() -> None:
    """Close the calling thread's connection to the database (each thread before a restore)."""
    close_database()


def _same_path(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _take_exclusive(target: Path) -> tuple[sqlite3.Connection, str]:
    """A connection that alone has the database, in a read transaction; and any damage seen.

    Leaving WAL mode needs every other connection closed, so it doubles as
    the test that nobody else has the file open; it also moves the content
    of the ``-wal`` file into the database file.
    """
    conn = sqlite3.connect(target, timeout=2, isolation_level=None, check_same_thread=False)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
        if app_id != APPLICATION_ID and (app_id or has_tables):
            raise RestoreError(
                f"{target} is not a CRM Desktop database: a restore will not replace it. "
                "Check the database path (--db)."
            )
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        if _is_busy(exc):
            conn.close()
            raise RestoreError(
                f"{target} is in use by another program or window. Close it and try again. "
                "Nothing was changed."
            ) from exc
        # Damaged beyond what SQLite reads: keep it byte for byte (below) and go on.
        log.warning("current database %s is damaged: %s", target, exc)
        return conn, str(exc)
    except BaseException:
        conn.close()
        raise
    return conn, ""


def _safety_copy(
    target: Path, conn: sqlite3.Connection, damage: str, folder: Path | None, chosen: Path
) -> BackupRecord:
    """Back up the current data before it is replaced; the restore stops if this fails."""
    from crm_desktop.services.backups.auto import with_fallback_folder

    reason = f"before restoring {chosen.name}"

    def make(into: Path) -> BackupRecord:
        if damage:
            return _raw_safety_copy(target, into, reason, damage)
        from crm_desktop.services.backups.snapshot import create_backup

        return create_backup(
            target, folder=into, kind="safety", reason=reason, keep_if_damaged=True, source=conn
        )

    try:
        return with_fallback_folder(make, folder)
    except CrmError as exc:
        raise RestoreError(
            f"No safety copy of the current data could be made, so nothing was restored: {exc}"
        ) from exc


def _raw_safety_copy(target: Path, folder: Path, reason: str, damage: str) -> BackupRecord:
    """Keep a database SQLite cannot read exactly as it is (the file and its -wal)."""
    catalog.prepare_folder(folder)
    created = datetime.now(UTC).replace(microsecond=0)  # as stored in the record
    final = catalog.unique_path(folder, catalog.backup_file_name(target, created, "safety"))
    parts = [(target, final)]
    wal = Path(f"{target}-wal")
    if wal.exists():
        parts.append((wal, Path(f"{final}-wal")))
    temps = []
    try:
        for origin, destination in parts:
            temp = temp_name(destination, "partial")
            temps.append(temp)
            shutil.copyfile(origin, temp)
            fsync_file(temp)
        for temp, (_, destination) in zip(temps, parts, strict=True):
            os.replace(temp, destination)
        fsync_dir(folder)
    except OSError as exc:
        remove_quietly(*temps)
        raise CrmError(
            f"The safety copy was not made: {explain_write_error(exc, folder)}."
        ) from exc
    record = BackupRecord(
        path=final,
        created_at=created,
        kind="safety",
        reason=reason,
        source=catalog.source_key(target),
        size=final.stat().st_size,
        verified=False,
        verify_level="standard",
        verified_at=created,
        problem=f"the database was damaged ({damage}); kept byte for byte",
    )
    with contextlib.suppress(OSError):
        catalog.save_record(record)
    return record


def _link_rollback(target: Path) -> Path | None:
    """A second name for the current file, to put it back if the restored one cannot open."""
    rollback = temp_name(target, "rollback")
    remove_quietly(rollback)
    try:
        os.link(target, rollback)
    except OSError:
        return None  # no hard links here (FAT): the safety copy is the way back
    return rollback


def _open_check(target: Path) -> None:
    conn = connect(target, readonly=True)
    try:
        identify(conn, target)
    finally:
        conn.close()


# -- step 1: checking the chosen file ----------------------------------------------------------


def _copy_in(chosen: Path, work: Path) -> None:
    """Copy the chosen file (and a ``-wal`` beside it) to ``work``; read and write errors differ."""
    pairs = [(chosen, work)]
    wal = Path(f"{chosen}-wal")
    if wal.is_file() and wal.stat().st_size:
        pairs.append((wal, Path(f"{work}-wal")))

    def unreadable(exc: OSError) -> BackupFileError:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or exc
        return BackupFileError("unreadable", f"Cannot read {chosen}: {reason}.")

    def unwritable(exc: OSError) -> RestoreError:
        return RestoreError(
            "The backup could not be checked: "
            f"{explain_write_error(exc, work.parent)}. Nothing was changed."
        )

    for origin, destination in pairs:
        try:
            source = origin.open("rb")
        except OSError as exc:
            raise unreadable(exc) from exc
        with source:
            try:
                copy = destination.open("wb")
            except OSError as exc:
                raise unwritable(exc) from exc
            try:
                while True:
                    try:
                        chunk = source.read(1024 * 1024)
                    except OSError as exc:
                        raise unreadable(exc) from exc
                    if not chunk:
                        break
                    copy.write(chunk)
                copy.close()
            except OSError as exc:
                raise unwritable(exc) from exc
            finally:
                if not copy.closed:
                    with contextlib.suppress(OSError):
                        copy.close()


def current_counts(target: Path) -> tuple[dict[str, int] | None, str]:
    """The record counts of the database now, or None and why not."""
    if not target.exists():
        return None, "there is no database yet"
    try:
        conn = sqlite3.connect(target, timeout=5, isolation_level=None)
    except sqlite3.Error as exc:
        return None, str(exc)
    try:
        conn.execute("PRAGMA query_only = ON")
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None, "it is not a CRM Desktop database"
        return count_records(conn), ""
    except sqlite3.Error as exc:
        return None, f"it cannot be read ({exc})"
    finally:
        conn.close()


def prepare_restore(
    file: str | os.PathLike[str],
    db_path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PreparedRestore:
    """Check ``file`` as a backup to restore over ``db_path``; nothing changes yet."""
    chosen = Path(file).expanduser().absolute()
    target = Path(db_path).expanduser().absolute()
    step = progress or (lambda done, total: None)
    header = sniff(chosen)
    if target.exists() and os.path.samefile(chosen, target):
        raise BackupFileError("live", f"{chosen} is the database itself, not a backup of it.")
    folder = target.parent
    if not folder.is_dir():
        if folder == paths.data_dir():
            folder.mkdir(parents=True, exist_ok=True)
        else:
            raise RestoreError(f"The folder of the database, {folder}, does not exist.")
    clean_stale_temps(folder)
    work = temp_name(target, "restore")
    remove_with_companions(work)
    try:
        step(0, 4)
        _copy_in(chosen, work)
        if cancelled is not None and cancelled():
            raise CancelledError("Cancelled: nothing was restored.")
        step(1, 4)
        version = _identify_copy(work, chosen, header.wal)
        step(2, 4)
        report = run_checks(work, level=THOROUGH)
        if not report.ok:
            raise BackupFileError(
                "damaged", f"{chosen} is damaged and cannot be restored: {report.problems[0]}."
            )
        if cancelled is not None and cancelled():
            raise CancelledError("Cancelled: nothing was restored.")
        step(3, 4)
        migrated_from = None
        if version < SCHEMA_VERSION:
            _migrate_copy(work, chosen, version)
            migrated_from = version
        fsync_file(work)
        now_counts, problem = current_counts(target)
        step(4, 4)
    except BaseException:
        remove_with_companions(work)
        raise
    record = catalog.read_record(chosen)
    return PreparedRestore(
        chosen=chosen,
        target=target,
        work=work,
        schema_version=version,
        migrated_from=migrated_from,
        counts=report.counts,
        made_at=record.created_at,
        record=record if record.has_record else None,
        current_counts=now_counts,
        current_problem=problem,
    )


def _identify_copy(work: Path, chosen: Path, wal: bool) -> int:
    try:
        conn = connect(work, readonly=False)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(chosen, exc) from exc
    try:
        version = identify(conn, chosen)
        if wal or Path(f"{work}-wal").exists():
            # One self-contained file: what a -wal beside the backup held goes into it.
            conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        raise describe_sqlite_error(chosen, exc) from exc
    finally:
        conn.close()
    remove_quietly(*sqlite_companions(work))
    return version


def _migrate_copy(work: Path, chosen: Path, version: int) -> None:
    db = SqliteDatabase(str(work), pragmas={"foreign_keys": 1})
    try:
        db.connect()
        migrate(db, version)
    except (RuntimeError, sqlite3.Error) as exc:
        raise BackupFileError(
            "damaged", f"{chosen} is from an older version and could not be upgraded: {exc}."
        ) from exc
    finally:
        db.close()


def restore_backup(
    file: str | os.PathLike[str],
    db_path: str | os.PathLike[str],
    *,
    folder: Path | None = None,
    reopen: bool = True,
) -> RestoreResult:
    """Check, restore and reopen in one go (for scripts and tests; the UI asks in between)."""
    prepared = prepare_restore(file, db_path)
    try:
        result = prepared.apply(folder=folder)
    finally:
        prepared.discard()
    if reopen:
        from crm_desktop.services.session import open_session

        open_session(result.target)
    return result
