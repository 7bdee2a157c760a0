"""Restoring a backup without ever risking the current data.

Two steps, so that the user sees what a file holds before anything changes:

:func:`prepare_restore` copies the chosen file beside the database (never
opening the original with SQLite) and checks the copy as untrusted
(:mod:`~crm_desktop.services.backups.restore_checks`: header, checksum,
integrity with CHECK constraints, references, schema, text); an older file is
migrated on the copy. It returns a :class:`PreparedRestore` with the file's
counts, the current ones and the warnings to show, and changes nothing else.

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
4. checks the copy's header once more, removes the stale ``-shm``,
   hard-links the current file to a hidden rollback name, and puts the
   checked copy in place with ``os.replace`` (atomic) and flushes the folder;
5. opens the result as the app will (read-write, WAL, a write transaction,
   the schema); if that fails, the previous data goes back by itself — the
   rollback link, or the safety copy where hard links do not exist.

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

from crm_desktop import paths
from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.models import APPLICATION_ID, cipher, close_database, database_path
from crm_desktop.models.schema import differences, objects_of
from crm_desktop.safe_files import replacing
from crm_desktop.services import instance_lock
from crm_desktop.services.backups import catalog
from crm_desktop.services.backups.catalog import BackupRecord
from crm_desktop.services.backups.files import (
    clean_stale_temps,
    explain_write_error,
    fsync_dir,
    fsync_file,
    put_in_place,
    remove_quietly,
    remove_with_companions,
    sqlite_companions,
    temp_name,
)
from crm_desktop.services.backups.restore_checks import RestoreError, RestoreWarning, check_copy
from crm_desktop.services.backups.verify import (
    BackupFileError,
    connect,
    count_records,
    identify,
    sniff,
)
from crm_desktop.services.progress import Progress

log = logging.getLogger(__name__)


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
    warnings: list[RestoreWarning] = field(default_factory=list)
    applied: bool = field(default=False, init=False)

    def needing_consent(self) -> list[RestoreWarning]:
        """The warnings a script must accept explicitly (``--accept-modified``, …)."""
        return [warning for warning in self.warnings if warning.needs_consent]

    def discard(self) -> None:
        """Delete the checked copy (after :meth:`apply`, or when the user says no)."""
        remove_with_companions(self.work)

    def apply(
        self, *, folder: Path | None = None, progress: Progress | None = None
    ) -> RestoreResult:
        """Replace the database with the checked copy, keeping a safety copy first."""
        if self.applied or not self.work.exists():
            raise RestoreError(_("This backup was already restored or discarded: choose it again."))
        step = progress or (lambda done, total: None)
        own_lock = None
        if self.target.parent.is_dir() and instance_lock.held_here(self.target) is None:
            try:
                own_lock = instance_lock.acquire_instance_lock(self.target)
            except instance_lock.AlreadyOpenError as exc:
                who = f" ({exc.info.describe()})" if exc.info else ""
                raise RestoreError(
                    _(
                        "{target} is open in a CRM Desktop window{who}. Close that window, or "
                        "restore from its File menu (File › Restore from backup…). Nothing was "
                        "changed."
                    ).format(target=self.target, who=who)
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
                        _(
                            "Another program is writing to {target}. Close it and try again. "
                            "Nothing was changed."
                        ).format(target=target)
                    )
                sniff(self.work, name=self.chosen)  # every header field, right before the swap
                remove_quietly(*sqlite_companions(target))  # -wal is in the file or the copy
                rollback = _link_rollback(target)
                try:
                    put_in_place(self.work, target, flush=False)  # flushed once checked
                except OSError as exc:
                    remove_quietly(*(p for p in [rollback] if p))
                    raise RestoreError(
                        _(
                            "The restore did not happen: {explain_write_error}. The current "
                            "database was not changed."
                        ).format(explain_write_error=explain_write_error(exc, target.parent))
                    ) from exc
            finally:
                conn.close()
        else:
            rollback = None
            sniff(self.work, name=self.chosen)
            try:
                put_in_place(self.work, target, flush=False)  # flushed once checked
            except OSError as exc:
                raise RestoreError(
                    _("The restore did not happen: {explain_write_error}.").format(
                        explain_write_error=explain_write_error(exc, target.parent)
                    )
                ) from exc
        try:
            _open_check(target)
        except Exception as exc:
            try:
                how = _put_back(target, rollback, safety)
            except OSError as again:
                where = f"the safety copy {safety.path}" if safety else "a backup"
                raise RestoreError(
                    _(
                        "The restored file could not be used ({exc}), and the previous data "
                        "could not be put back ({again}): restore {where} (File › Restore from "
                        "backup…)."
                    ).format(exc=exc, again=again, where=where)
                ) from again
            log.warning("restored file %s failed to open (%s); %s", target, exc, how)
            raise RestoreError(
                _("The restored file could not be used ({exc}); {how}. Nothing was lost.").format(
                    exc=exc, how=how
                )
            ) from exc
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
    conn = cipher.connect_file(target, timeout=2, isolation_level=None, check_same_thread=False)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
        if app_id != APPLICATION_ID and (app_id or has_tables):
            raise RestoreError(
                _(
                    "{target} is not a CRM Desktop database: a restore will not replace it. "
                    "Check the database path (--db)."
                ).format(target=target)
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
                _(
                    "{target} is in use by another program or window. Close it and try again. "
                    "Nothing was changed."
                ).format(target=target)
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
            _(
                "No safety copy of the current data could be made, so nothing was restored: {exc}"
            ).format(exc=exc)
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
    try:
        _copy_all(parts)
    except OSError as exc:
        raise CrmError(
            _("The safety copy was not made: {explain_write_error}.").format(
                explain_write_error=explain_write_error(exc, folder)
            )
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
    """Use the restored file as the app will: read-write, WAL mode, a write transaction."""
    conn = connect(target, readonly=False, trusted=True)  # the copy that passed every check
    try:
        identify(conn, target)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(
                _("it cannot be switched to WAL mode ({mode})").format(mode=mode)
            )
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        found = differences(objects_of(conn))
        if found:
            raise sqlite3.DatabaseError(_("its structure changed: {found}").format(found=found[0]))
    finally:
        conn.close()


def _put_back(target: Path, rollback: Path | None, safety: BackupRecord | None) -> str:
    """After a failed swap: the previous data back in place; says how it was done."""
    remove_quietly(*sqlite_companions(target))  # the failed file's journals go with it
    if rollback is not None and rollback.exists():
        put_in_place(rollback, target, flush=False)  # the old file, on the disk already
        return "the database was put back as it was before the restore"
    if safety is None:
        remove_quietly(target)  # there was no database before the restore
        fsync_dir(target.parent)
        return "there was no database before, and there is none now"
    pieces = [(safety.path, target)]
    if Path(f"{safety.path}-wal").exists():  # a damaged database kept with its -wal
        pieces.append((Path(f"{safety.path}-wal"), Path(f"{target}-wal")))
    _copy_all(pieces)
    return f"the previous data was put back from the safety copy {safety.path}"


def _copy_all(pairs: list[tuple[Path, Path]]) -> None:
    """Copy each (origin, destination), privately; the destinations appear once all are written."""
    with contextlib.ExitStack() as stack:
        temps = [
            (origin, stack.enter_context(replacing(final, private=True, explain=False)))
            for origin, final in pairs
        ]
        for origin, temp in temps:
            with origin.open("rb") as source, open(temp, "wb") as out:
                shutil.copyfileobj(source, out, 1024 * 1024)


# -- step 1: checking the chosen file ----------------------------------------------------------


def current_counts(target: Path) -> tuple[dict[str, int] | None, str]:
    """The record counts of the database now, or None and why not."""
    if not target.exists():
        return None, "there is no database yet"
    try:
        conn = cipher.connect_file(target, timeout=5, isolation_level=None)
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
    sniff(chosen)
    if target.exists() and os.path.samefile(chosen, target):
        raise BackupFileError(
            "live", _("{path} is the database itself, not a backup of it.").format(path=chosen)
        )
    folder = target.parent
    if not folder.is_dir():
        if folder == paths.data_dir():
            from crm_desktop.safe_files import private_folder

            private_folder(folder)
        else:
            raise RestoreError(
                _("The folder of the database, {folder}, does not exist.").format(folder=folder)
            )
    clean_stale_temps(folder)
    work = temp_name(target, "restore")
    remove_with_companions(work)
    try:
        checked = check_copy(chosen, work, progress=step, cancelled=cancelled)
        fsync_file(work)
        now_counts, problem = current_counts(target)
        step(5, 5)
    except BaseException:
        remove_with_companions(work)
        raise
    record = catalog.read_record(chosen)
    return PreparedRestore(
        chosen=chosen,
        target=target,
        work=work,
        schema_version=checked.schema_version,
        migrated_from=checked.migrated_from,
        counts=checked.counts,
        made_at=record.created_at,
        record=record if record.has_record else None,
        current_counts=now_counts,
        current_problem=problem,
        warnings=checked.warnings,
    )


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
