"""Checking a file chosen for a restore, on a private copy, before anything else happens.

A backup from a mail attachment or a USB stick is untrusted until it has
passed every check below, each of which refuses the file with its own
message (:class:`~crm_desktop.services.backups.verify.BackupFileError`), or
passes it with a warning the user must see before saying yes
(:class:`RestoreWarning`):

1. Copied beside the database (private, 0600; never opened in place) and
   hashed while it is copied; a ``-wal`` beside it is copied too.
2. Its 100-byte header, every field SQLite reads (:func:`verify.check_header`),
   on the chosen file and on the copy.
3. Its checksum, when it has one (the record beside a backup, or
   ``FILE.sha256``): a different one warns "modified since it was made"; a
   file without one warns that nothing proves it unchanged.
4. A WAL-mode file without its ``-wal`` warns that the newest changes may
   be missing (they may have lived only in that file).
5. Ours, not from a newer version (:func:`verify.identify`); then
   ``integrity_check`` on a read-write connection, so CHECK constraints are
   evaluated (SQLite skips them on a read-only one), and ``foreign_key_check``.
6. An older file is migrated on the copy; then its schema must be exactly the
   one this version makes (:mod:`crm_desktop.models.schema`): an extra
   trigger, view or index, or a changed table, refuses it, naming what differs.
7. Text that is not valid UTF-8 is repaired on the copy (each bad byte
   becomes U+FFFD) and the user is told which rows.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _
from crm_desktop.models import SCHEMA_VERSION
from crm_desktop.models.connection import compact
from crm_desktop.models.migrations import SEARCH_INDEX_TABLES, migrate
from crm_desktop.models.schema import differences, objects_of
from crm_desktop.models.sqlite import CrmDatabase
from crm_desktop.safe_files import create_file
from crm_desktop.services.backups import catalog, checksum
from crm_desktop.services.backups.catalog import BackupRecord
from crm_desktop.services.backups.files import (
    explain_write_error,
    remove_quietly,
    sqlite_companions,
)
from crm_desktop.services.backups.verify import (
    THOROUGH,
    BackupFileError,
    Header,
    cannot_read,
    connect,
    describe_sqlite_error,
    identify,
    run_checks,
    sniff,
)
from crm_desktop.services.check import (
    BadText,
    describe_invalid_text,
    find_invalid_text,
    repair_invalid_text,
)
from crm_desktop.services.progress import Progress, stop_if_cancelled

# Warnings the command line accepts only with an explicit option (the window asks).
MODIFIED = "modified"
MISSING_WAL = "missing_wal"
NO_CHECKSUM = "no_checksum"
REPAIRED_TEXT = "repaired_text"
REBUILT_INDEX = "rebuilt_index"
BROKEN_REFERENCES = "broken_references"
NEEDS_CONSENT = frozenset({MODIFIED, MISSING_WAL})
# Versions 1 to 3 had no trigger and no view (see models/migrations.py); later steps may add some.
LAST_VERSION_WITHOUT_TRIGGERS = 3


class RestoreError(CrmError):
    """The restore did not happen; the current database is as it was."""


@dataclass(frozen=True)
class RestoreWarning:
    """Something the user must know before restoring a file that passed every check."""

    kind: str  # MODIFIED, MISSING_WAL, NO_CHECKSUM, REPAIRED_TEXT, REBUILT_INDEX, BROKEN_REFERENCES
    message: str

    @property
    def needs_consent(self) -> bool:
        return self.kind in NEEDS_CONSENT


@dataclass
class CheckedCopy:
    """What the checks found in the copy (now ready to replace the database)."""

    schema_version: int
    migrated_from: int | None
    counts: dict[str, int]
    warnings: list[RestoreWarning] = field(default_factory=list)


def _hashing_copy(origin: Path, destination: Path, chosen: Path, *, by_page: bool = False) -> str:
    """Copy ``origin`` to a new private ``destination``; the checksum of what was copied:
    its SHA-256, or ``by_page`` its page checksum (:mod:`checksum`)."""

    def unreadable(exc: OSError) -> BackupFileError:
        reason = _("permission denied") if isinstance(exc, PermissionError) else exc.strerror or exc
        return BackupFileError("unreadable", cannot_read(chosen, reason))

    def unwritable(exc: OSError) -> CrmError:
        return RestoreError(
            _("The backup could not be checked: {reason}. Nothing was changed.").format(
                reason=explain_write_error(exc, destination.parent)
            )
        )

    digest: checksum.PageHasher | hashlib._Hash = checksum.new_hash()
    try:
        source = origin.open("rb")
    except OSError as exc:
        raise unreadable(exc) from exc
    with source:
        if by_page:
            try:
                page_size = checksum.page_size_of(source.read(100))
                source.seek(0)
            except OSError as exc:
                raise unreadable(exc) from exc
            if page_size is None:
                return ""  # no valid header: no page checksum (the file is refused anyway)
            digest = checksum.PageHasher(page_size)
        try:
            copy = os.fdopen(create_file(destination, private=True), "wb")
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
                digest.update(chunk)
                copy.write(chunk)
            copy.close()
        except OSError as exc:
            raise unwritable(exc) from exc
        finally:
            if not copy.closed:
                with contextlib.suppress(OSError):
                    copy.close()
    return digest.hexdigest()


def _copy_in(chosen: Path, work: Path, record: BackupRecord) -> tuple[str, bool]:
    """Copy the chosen file (and a ``-wal`` beside it) to ``work``: (its checksum of the kind
    its record holds, -wal copied)."""
    digest = _hashing_copy(chosen, work, chosen, by_page=bool(_recorded_pages(record)))
    wal = Path(f"{chosen}-wal")
    has_wal = wal.is_file() and wal.stat().st_size > 0
    if has_wal:
        _hashing_copy(wal, Path(f"{work}-wal"), chosen)
    return digest, has_wal


def _recorded_pages(record: BackupRecord) -> str:
    return record.page_sha256 if record.has_record else ""


def _checksum_warning(chosen: Path, record: BackupRecord, digest: str) -> RestoreWarning | None:
    """Whether ``digest`` (of the kind :func:`_copy_in` computed) matches what was recorded."""
    recorded = _recorded_pages(record) or (record.sha256 if record.has_record else "")
    recorded = recorded or checksum.read_sidecar(chosen) or ""
    found = checksum.verdict(recorded, digest)
    if found == "modified":
        return RestoreWarning(
            MODIFIED,
            f"{chosen.name} was modified since it was made: its content no longer matches "
            "the checksum written when the backup was made. It passed every check, but it "
            "may hold other data than was backed up. Restore it only if you changed it "
            "on purpose; otherwise choose another backup.",
        )
    if found == "none":
        return RestoreWarning(
            NO_CHECKSUM,
            f"{chosen.name} has no checksum (it was not made by CRM Desktop's backup, or its "
            "record was lost), so nothing proves it is unchanged since it was made. It "
            "passed every check.",
        )
    return None


def _missing_wal_warning(chosen: Path, header: Header, has_wal: bool) -> RestoreWarning | None:
    if not header.wal or has_wal:
        return None
    return RestoreWarning(
        MISSING_WAL,
        f"{chosen.name} is a database that was in use (WAL mode) and its “-wal” file is not "
        f"beside it. If it was copied while CRM Desktop had it open, its newest changes "
        f"were only in that file and are missing. If you have {chosen.name}-wal, put it "
        "beside the file and try again.",
    )


def _self_contained(work: Path, chosen: Path, wal: bool) -> None:
    """What a ``-wal`` beside the backup held goes into the copy: one file, rollback journal.

    The connection only switches the journal mode (a checkpoint): SQLite
    parses the schema, nothing in it runs.
    """
    if wal or Path(f"{work}-wal").exists():
        try:
            conn = connect(work, readonly=False, trusted=True)
            try:
                conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise describe_sqlite_error(chosen, exc) from exc
    remove_quietly(*sqlite_companions(work))


def _schema_refusal(chosen: Path, found: list[str]) -> BackupFileError:
    shown = "; ".join(found[:6]) + ("; …" if len(found) > 6 else "")
    return BackupFileError(
        "schema",
        _(
            "{path} cannot be restored: its structure is not the one CRM Desktop makes "
            "({found}). A program or a person changed it; whatever it would do to your data, "
            "it will not run here. Choose another backup."
        ).format(path=chosen, found=shown),
    )


def _inspect(work: Path, chosen: Path) -> int:
    """Identify the copy and check its schema, read-only with nothing of it running.

    A file of this version must have exactly our schema. An older one is
    migrated first and compared then; versions 1 to 3 never had a trigger or
    a view, so one of those refuses it before anything is run on it.
    """
    try:
        conn = connect(work, readonly=True)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(chosen, exc) from exc
    try:
        version = identify(conn, chosen)
        objects = objects_of(conn)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(chosen, exc) from exc
    except UnicodeDecodeError as exc:  # a damaged schema: a name or SQL that is not text
        malformed = sqlite3.DatabaseError("database disk image is malformed")
        raise describe_sqlite_error(chosen, malformed) from exc
    finally:
        conn.close()
    if version == SCHEMA_VERSION:
        found = differences(objects)
    else:
        found = [
            f"an extra {kind} “{name}”"
            for (kind, name) in sorted(objects)
            if kind in ("trigger", "view") and version <= LAST_VERSION_WITHOUT_TRIGGERS
        ]
    if found:
        raise _schema_refusal(chosen, found)
    return version


def _migrate_copy(work: Path, chosen: Path, version: int) -> None:
    db = CrmDatabase(str(work), pragmas={"foreign_keys": 1})
    try:
        db.connect()
        migrate(db, version)
        compact(db)
    except (RuntimeError, sqlite3.Error, CrmError) as exc:
        raise BackupFileError(
            "damaged",
            _("{path} is from an older version and could not be upgraded: {reason}.").format(
                path=chosen, reason=exc
            ),
        ) from exc
    finally:
        db.close()


def _scan_text(work: Path, into: list[list[BadText]]) -> None:
    """The values of the copy that are not valid UTF-8, into ``into`` (read-only: it runs beside
    the checks). A file SQLite cannot read is the integrity check's to report."""
    try:
        conn = connect(work, readonly=True)
        try:
            into.append(find_invalid_text(conn))
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def _finish_copy(work: Path, chosen: Path, bad: list[BadText] | None) -> list[RestoreWarning]:
    """The last checks and repairs of the copy, on one read-write connection.

    Refuse a migrated schema that is not this version's; repair invalid UTF-8;
    rebuild a damaged search index. ``bad``: what the scan beside the integrity
    check found (None: scan now, the copy was migrated since).
    """
    warnings: list[RestoreWarning] = []
    conn = connect(work, readonly=False, trusted=True)
    try:
        found = differences(objects_of(conn))
        if found:
            raise _schema_refusal(chosen, found)
        if bad is None:
            bad = find_invalid_text(conn)
        if bad:
            conn.execute("BEGIN IMMEDIATE")
            repair_invalid_text(conn, bad)
            conn.execute("COMMIT")
            warnings.append(
                RestoreWarning(
                    REPAIRED_TEXT,
                    f"{chosen.name} held {describe_invalid_text(bad)}. They were repaired on "
                    "the copy: each byte that is not text became “�”. Check those records "
                    "after the restore.",
                )
            )
        if _search_index_rebuilt(conn):
            warnings.append(
                RestoreWarning(
                    REBUILT_INDEX,
                    f"The search index inside {chosen.name} was damaged; it was rebuilt on the "
                    "copy from the customers it holds. The records themselves passed every "
                    "check.",
                )
            )
    except sqlite3.Error as exc:
        raise describe_sqlite_error(chosen, exc) from exc
    finally:
        conn.close()
    return warnings


def _search_index_rebuilt(conn: sqlite3.Connection) -> bool:
    """Rebuild the copy's search indexes from its customers when FTS5's own check fails.

    The indexes are derived data: ``integrity_check`` sees their pages as sound b-trees
    even when the segments inside them are not, and a damaged segment would fail the first
    search after the restore. Rebuilt, each is what the rows say (and the user is told).
    """
    rebuilt = False
    for table in SEARCH_INDEX_TABLES:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
            continue
        try:
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            continue
        except sqlite3.DatabaseError:
            pass
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
        conn.execute("COMMIT")
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        rebuilt = True
    return rebuilt


def check_copy(
    chosen: Path,
    work: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckedCopy:
    """Copy ``chosen`` to ``work`` and run every check of the module on the copy."""
    step = progress or (lambda done, total: None)

    def stop_here_if_cancelled() -> None:
        stop_if_cancelled(cancelled, _("Cancelled: nothing was restored."))

    step(0, 5)
    record = catalog.read_record(chosen)
    digest, has_wal = _copy_in(chosen, work, record)
    copied = sniff(work, name=chosen)  # the file may have changed since it was first read
    warnings = [
        warning
        for warning in (
            _checksum_warning(chosen, record, digest),
            _missing_wal_warning(chosen, copied, has_wal),
        )
        if warning is not None
    ]
    stop_here_if_cancelled()
    step(1, 5)
    _self_contained(work, chosen, copied.wal)
    version = _inspect(work, chosen)
    step(2, 5)
    # Text is scanned beside the integrity check (it is Python's work; SQLite's runs without
    # the GIL), for a file of this version; a migrated copy is scanned after its upgrade.
    scanned: list[list[BadText]] = []
    report = run_checks(
        work,
        level=THOROUGH,
        immutable=False,
        writable=True,
        beside=(lambda: _scan_text(work, scanned)) if version == SCHEMA_VERSION else None,
    )
    if not report.ok:
        raise BackupFileError(
            "damaged",
            _("{path} is damaged and cannot be restored: {problem}.").format(
                path=chosen, problem=report.problems[0]
            ),
        )
    if report.notes:
        warnings.append(
            RestoreWarning(
                BROKEN_REFERENCES,
                _(
                    "{name} has {note}: rows whose customer, order or other record was deleted "
                    "by another program. They are restored as they are and listed with an "
                    "empty customer."
                ).format(name=chosen.name, note=report.notes[0]),
            )
        )
    stop_here_if_cancelled()
    step(3, 5)
    migrated_from = None
    if version < SCHEMA_VERSION:
        _migrate_copy(work, chosen, version)
        migrated_from = version
    step(4, 5)
    warnings += _finish_copy(work, chosen, scanned[0] if scanned else None)
    sniff(work, name=chosen)  # the header SQLite wrote, checked once more before any swap
    return CheckedCopy(version, migrated_from, report.counts, warnings)
