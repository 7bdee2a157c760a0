"""Making a backup: a consistent snapshot of the live database, checked, flushed, then named.

The snapshot is one committed state of the database, read from a connection
of its own (WAL mode lets the window go on writing meanwhile, and a nightly
``crm-desktop backup`` runs beside the window): the file's bytes copied by
the kernel and the log's newest frames written over them, inside a read
transaction that pins the snapshot, when that is provably the snapshot
(:mod:`~crm_desktop.services.backups.pinned_copy`); otherwise SQLite's online
backup API, in one step. A plain copy of the open file could be torn or miss
what is still in the ``-wal`` file; it is never used.

The copy is written under a hidden temporary name in the target folder,
private to the user (0600), switched to ``journal_mode=DELETE`` (one
self-contained file that any SQLite tool opens), checked
(:mod:`~crm_desktop.services.backups.verify`) while it is hashed (SHA-256,
kept in its record: :mod:`~crm_desktop.services.backups.checksum`) and
flushed to disk, and only then renamed to its final name and the folder
flushed. Any failure — a full disk, a missing or read-only folder, a
damaged database — removes the temporary file and says what happened.

The live database is only read: a database on read-only media (a CD, a
write-protected stick) is backed up too, through an immutable read-only
connection when SQLite cannot create the files WAL mode reads with.
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from crm_desktop import __version__
from crm_desktop.errors import CrmError, DatabaseFileError, NewerSchemaError
from crm_desktop.i18n import _
from crm_desktop.models import APPLICATION_ID, SCHEMA_VERSION, cipher
from crm_desktop.models.connection import BUSY_TIMEOUT_SECONDS
from crm_desktop.safe_files import create_private_file
from crm_desktop.services.backups import catalog, changed_pages, checksum, pinned_copy, rotation
from crm_desktop.services.backups.catalog import BackupRecord
from crm_desktop.services.backups.files import (
    check_writable_folder,
    clean_stale_temps,
    explain_write_error,
    is_disk_full,
    is_read_only,
    put_in_place,
    remove_quietly,
    remove_with_companions,
    sqlite_companions,
    temp_name,
)
from crm_desktop.services.backups.followers import Flusher, Follower, HashesAsCopied
from crm_desktop.services.backups.verify import (
    MMAP_BYTES,
    STANDARD,
    THOROUGH,
    Worker,
    connect,
    run_checks,
    sniff,
)
from crm_desktop.services.check import CheckReport
from crm_desktop.services.progress import Progress, stop_if_cancelled

log = logging.getLogger(__name__)
_T = TypeVar("_T")


class BackupError(CrmError):
    """A backup could not be made; nothing was left behind."""


def open_source(db_path: Path) -> sqlite3.Connection:
    """A read-only connection of its own to the live database, refused if it is not ours."""
    if not db_path.exists():
        raise DatabaseFileError(
            _("{db_path} does not exist: there is nothing to back up.").format(db_path=db_path)
        )
    if db_path.is_dir():
        raise DatabaseFileError(
            _("{db_path} is a folder, not a database file.").format(db_path=db_path)
        )
    try:
        conn = _read_connection(db_path)
    except sqlite3.Error as exc:
        if not _on_read_only_media(db_path):
            raise DatabaseFileError(
                _(
                    "Cannot back up {db_path}: SQLite cannot read it ({exc}). Run 'crm-desktop "
                    "check' to see what is wrong."
                ).format(db_path=db_path, exc=exc)
            ) from exc
        try:  # nobody can be writing to it: read it as it is on the medium
            conn = _read_connection(db_path, immutable=True)
        except sqlite3.Error as again:
            raise DatabaseFileError(
                _("Cannot back up {db_path}: SQLite cannot read it ({again}).").format(
                    db_path=db_path, again=again
                )
            ) from again
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseFileError(
            _(
                "Cannot back up {db_path}: SQLite cannot read it ({exc}). Run 'crm-desktop "
                "check' to see what is wrong."
            ).format(db_path=db_path, exc=exc)
        ) from exc
    if app_id != APPLICATION_ID:
        conn.close()
        raise DatabaseFileError(
            _("{db_path} is not a CRM Desktop database: it was not backed up.").format(
                db_path=db_path
            )
        )
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchemaError(
            _("{db_path} was made by a newer version of CRM Desktop.").format(db_path=db_path)
        )
    return conn


def _read_connection(db_path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that only reads; it has read the header and schema when returned."""
    if immutable:
        uri = db_path.absolute().as_uri() + "?mode=ro&immutable=1"
        conn = cipher.connect_file(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = cipher.connect_file(
            db_path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")  # the copy reads ~20 % faster
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _on_read_only_media(db_path: Path) -> bool:
    """Whether neither the file nor its folder can be written (so no -wal or -shm can appear)."""
    folder = db_path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    return not os.access(folder, os.W_OK) and not os.access(db_path, os.W_OK)


def _copy(
    source: sqlite3.Connection, target: Path, copied: Callable[[int], None] | None = None
) -> bool:
    """One consistent snapshot, whatever others write meanwhile: the file's bytes when
    provably one committed state (True; ``copied`` is told how many bytes from the start
    are final, as they are), else the backup API in one step (False)."""
    remove_with_companions(target)
    create_private_file(target)  # SQLite keeps a file's permissions: the copy is private
    # The file's bytes as the kernel copies them, when they are provably one committed
    # state (pinned_copy: about half the backup API's time, and it reads a cold file in
    # large requests); otherwise the backup API.
    encrypted = getattr(source, "crm_key_salt", None) is not None
    pinned = not encrypted and pinned_copy.copy_pinned(source, target, copied)
    if not pinned:
        remove_with_companions(target)
        create_private_file(target)
    dest = cipher.connect_like(source, target, isolation_level=None)
    try:
        # The file is flushed once, at the end, beside the check (the mode switch of a
        # pinned copy, out of WAL, would flush it at once otherwise).
        dest.execute("PRAGMA synchronous = OFF")
        if not pinned:
            # No journal for a new file. Each page is written once and never read back: a
            # cache of a few pages costs ~15 % less CPU than the default 2 MB (126 vs 148 ms
            # for 208 MB).
            dest.execute("PRAGMA journal_mode = OFF")
            dest.execute("PRAGMA cache_size = 16")
            source.backup(dest)
        # A self-contained file that any SQLite tool opens without a -wal beside it.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    remove_quietly(*sqlite_companions(target))  # the -shm of the mode switch, if any
    return pinned


def _explain(exc: BaseException, db_path: Path, folder: Path) -> str:
    if is_disk_full(exc) or is_read_only(exc) or isinstance(exc, OSError):
        return _("The backup was not made: {explain_write_error}.").format(
            explain_write_error=explain_write_error(exc, folder)
        )
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        if "malformed" in text or "not a database" in text:
            return _(
                "The backup was not made: {db_path} is damaged ({text}). "
                "Run 'crm-desktop check' to see what is wrong."
            ).format(db_path=db_path, text=text)
        if "unable to open" in text:
            try:  # SQLite does not say why: find out by creating a file there
                check_writable_folder(folder)
            except OSError as reason:
                return _("The backup was not made: {explain_write_error}.").format(
                    explain_write_error=explain_write_error(reason, folder)
                )
            return _("The backup was not made: {explain_write_error}.").format(
                explain_write_error=explain_write_error(exc, folder)
            )
        if "locked" in text or "busy" in text:
            return _("The backup was not made: the database stayed busy. Try again in a moment.")
        return _("The backup was not made: {text} ({folder}).").format(text=text, folder=folder)
    return _("The backup was not made: {exc}.").format(exc=exc)


def create_backup(
    db_path: str | os.PathLike[str],
    *,
    folder: Path | None = None,
    output: Path | None = None,
    kind: str = "manual",
    reason: str = "",
    level: str = STANDARD,
    keep_if_damaged: bool = False,
    rotate: bool = True,
    source: sqlite3.Connection | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BackupRecord:
    """Make a verified backup of the database at ``db_path``; returns its record.

    Into ``folder`` (default: the backup folder) under a dated name, with its
    record beside it and the folder's backups rotated afterwards; or, with
    ``output``, into exactly that file (no record, no rotation). A backup that
    fails its check is deleted — unless ``keep_if_damaged`` (a safety copy of
    a damaged database is still the user's data). ``source`` is a connection
    to read from instead of a new one (a restore passes its locked one).
    """
    db_path = Path(db_path).expanduser().absolute()
    if output is not None:
        output = Path(output).expanduser().absolute()
        if output.is_dir():
            folder, output = output, None
    if output is not None:
        _refuse_live_target(output, db_path)
        target_folder = output.parent
        if not target_folder.is_dir():
            raise BackupError(
                _("The backup was not made: the folder {target_folder} does not exist.").format(
                    target_folder=target_folder
                )
            )
    else:
        target_folder = Path(folder).expanduser().absolute() if folder else catalog.backup_folder()
        catalog.prepare_folder(target_folder)

    step = progress or (lambda done, total: None)
    created = datetime.now(UTC).replace(microsecond=0)  # as stored in the record
    final = output or catalog.unique_path(
        target_folder, catalog.backup_file_name(db_path, created, kind)
    )
    temp = temp_name(final, "partial")
    clean_stale_temps(target_folder)
    own_source = source is None
    conn = open_source(db_path) if source is None else source
    # The disk writes the copy as it is made, the flush ends beside the check, and a
    # backup into a folder has its page hashes taken meanwhile (followers.py).
    flusher = Flusher(temp)
    hashes = HashesAsCopied(temp) if output is None and level == STANDARD else None
    following: list[Follower] = [flusher] + ([hashes] if hashes is not None else [])
    # The last verified backup's manifest is read while the copy is made (at 1M customers,
    # 25–140 ms between the copy and the check otherwise); used only if the check wants it.
    manifest = (
        changed_pages.manifest_path(target_folder, catalog.source_key(db_path), db_path.name)
        if output is None and level == STANDARD
        else None
    )
    earlier = Worker(functools.partial(changed_pages.read_manifest, manifest)) if manifest else None
    try:
        check_writable_folder(target_folder)  # a read-only folder: say so before any work
        step(0, 3)
        for follower in following:
            follower.start()
        if earlier is not None:
            earlier.start()

        def copied(end: int) -> None:
            for follower in following:
                follower.copied(end)

        if not _copy(conn, temp, copied) and hashes is not None:
            following.remove(hashes)  # a copy made another way is hashed afterwards
            hashes.abandon()
            hashes = None
        for follower in following:
            follower.finish()
        if own_source:
            conn.close()
        stop_if_cancelled(cancelled, _("Cancelled: no backup was made."))
        step(1, 3)
        # A backup into a folder checks only the tables changed since the last verified one
        # there (changed_pages); the first one, one a week after a full check, and -o files
        # are checked whole.
        if manifest is not None and cipher.is_encrypted(temp):
            manifest = None  # an encrypted copy's pages are opaque (and all change): whole
        report, digests, plan = _check_copy(temp, level, manifest, flusher, hashes, earlier)
        if not report.ok and not keep_if_damaged:
            raise BackupError(
                _(
                    "The backup was not kept: the copy did not pass its check ({problems}). The "
                    "database itself may be damaged: run 'crm-desktop check', or restore a "
                    "backup that is marked verified."
                ).format(problems=report.problems[0])
            )
        if report.notes:  # ids and counts only: the log never holds personal data
            log.warning("backup kept with the database's own %s", report.notes[0])
        stop_if_cancelled(cancelled, _("Cancelled: no backup was made."))
        step(2, 3)
        size = temp.stat().st_size
        put_in_place(temp, final, flush=False)  # flushed as it was hashed
        if manifest is not None and report.ok:
            _save_manifest(manifest, digests, plan)
    except BaseException as exc:
        if own_source:
            conn.close()
        for follower in following:
            if follower.is_alive():
                follower.abandon()
        if earlier is not None and earlier.is_alive():
            earlier.join()
        remove_with_companions(temp)
        if isinstance(exc, CrmError | KeyboardInterrupt):
            raise
        if isinstance(exc, OSError | sqlite3.Error):
            raise BackupError(_explain(exc, db_path, target_folder)) from exc
        raise
    record = BackupRecord(
        path=final,
        created_at=created,
        kind=kind,
        reason=reason,
        source=catalog.source_key(db_path),
        size=size,
        schema_version=report.schema_version,
        counts=report.counts,
        verified=report.ok,
        verify_level=level,
        verify_scope=plan.scope,
        verified_at=datetime.now(UTC).replace(microsecond=0),
        problem="" if report.ok else report.problems[0],
        app_version=__version__,
        # Into a folder, the page checksum (a daily backup reuses the unchanged pages'
        # digests); an -o file, the SHA-256 that sha256sum checks.
        sha256="" if manifest is not None else digests.checksum,
        page_sha256=digests.checksum if manifest is not None else "",
        has_record=False,
    )
    if output is not None:
        try:  # no record beside an -o file: its checksum goes into FILE.sha256
            checksum.write_sidecar(final, record.sha256)
        except CrmError as exc:
            log.warning("backup %s made, but its checksum could not be written: %s", final, exc)
    else:
        try:
            catalog.save_record(record)
        except OSError as exc:  # the backup itself is good and in place: say so, keep it
            log.warning("backup %s made, but its record could not be written: %s", final, exc)
        if rotate:
            try:
                rotation.rotate(target_folder, record.source)
            except OSError as exc:
                log.warning("rotation of %s failed: %s", target_folder, exc)
    step(3, 3)
    log.info("backup %s (%s, %s bytes, verified %s)", final, kind, size, report.ok)
    return record


@dataclass(frozen=True)
class _Checked:
    """How a copy was checked: the plan, and when the last full check of its chain ran."""

    plan: changed_pages.Plan
    full_check_at: datetime

    @property
    def scope(self) -> str:
        if self.plan.full:
            return "full"
        shown = ", ".join(sorted(self.plan.tables)) or "none"
        return f"changed tables: {shown} ({self.plan.changed_pages} pages changed)"


def _check_copy(
    temp: Path,
    level: str,
    manifest: Path | None,
    flush: Flusher,
    hashed: HashesAsCopied | None = None,
    earlier: Worker | None = None,
) -> tuple[CheckReport, changed_pages.Digests, _Checked]:
    """Check the copy while it is hashed and flushed to disk (``flush``, finishing), beside
    the check. ``hashed``: its page hashes, taken as it was copied (else read now).
    ``earlier``: the manifest, being read since the copy began (else read now).

    Into a folder (``manifest``): the page checksum, reusing the SHA-256 of every
    page unchanged since the last verified backup; the page hashes come first (the
    plan needs them), the SHA-256 of the other pages and the flush run in threads
    of their own beside the plan and the check. Otherwise (``-o``, encrypted,
    thorough): the SHA-256 of the file, as ``sha256sum`` computes it, beside the
    whole check. hashlib, the fsync and SQLite all free the GIL.
    """
    page_size = sniff(temp).page_size  # the header first: a torn or short copy stops here
    base = _manifest(manifest, earlier) if manifest is not None else None
    now = datetime.now(UTC)
    weekly = base is not None and now - base.full_check_at >= changed_pages.FULL_CHECK_EVERY
    # The weekly full check hashes every page again, so no page's SHA-256 is carried
    # from manifest to manifest for longer than a week.
    reusable = base.digests if base is not None and not weekly else None
    if reusable is not None and reusable.page_size != page_size:
        reusable = None
    pages: array[int] = array("Q")
    hashing: Worker | None = None
    try:
        if manifest is None:
            hashing = Worker(lambda: checksum.file_digest(temp))
            hashing.start()
            plan = changed_pages.Plan(full=True, why="checked whole: no manifest here")
        else:
            if reusable is None:  # every page to hash: start at once
                hashing = Worker(lambda: checksum.page_digests(temp, page_size))
                hashing.start()
            pages, kinds = _page_hashes(temp, page_size, hashed)
            # The b-trees and the tables referred to, read from one connection to the copy.
            schema = functools.cache(
                lambda: _schema_of_copy(
                    temp, lambda c: (changed_pages.trees_of(c), changed_pages.referenced_tables(c))
                )
            )
            if reusable is not None:  # only the pages that changed are hashed anew
                known, stale = reusable.shas, reusable.differing(pages)
                hashing = Worker(lambda: checksum.page_digests(temp, page_size, known, stale))
                hashing.start()
            plan = changed_pages.plan_check(
                temp,
                pages,
                page_size,
                base,
                lambda: schema()[0],
                now=now,
                parents=lambda: schema()[1],
                kinds=kinds,
                gaps_later=True,  # found by the references' thread, beside the structure's
            )
        report = run_checks(
            temp,
            level=level,
            ours=True,
            writable=level == THOROUGH,
            tables=None if plan.full else plan.tables,
            gaps=plan.find_gaps or plan.gaps,
        )
    finally:
        for worker in (flush, hashing, hashed):
            if worker is not None:
                worker.join()
    for worker in (flush, hashing):
        if worker is not None and worker.error is not None:
            raise worker.error  # the flush's: a full disk, an I/O error
    assert hashing is not None
    if manifest is None:
        digests = changed_pages.Digests(str(hashing.result), page_size)
    else:
        shas = bytes(hashing.result)
        digests = changed_pages.Digests(checksum.pages_root(shas), page_size, pages, shas)
    full_at = now if plan.full or base is None else base.full_check_at
    log.info("backup check: %s", "full, " + plan.why if plan.full else sorted(plan.tables))
    return report, digests, _Checked(plan, full_at)


def _manifest(path: Path, earlier: Worker | None) -> changed_pages.Manifest | None:
    """The manifest at ``path``: as read meanwhile by ``earlier``, else read now."""
    if earlier is not None:
        earlier.join()
        if earlier.error is None:
            return earlier.result
        log.info("backup: manifest read again (%s)", type(earlier.error).__name__)
    return changed_pages.read_manifest(path)


def _page_hashes(
    temp: Path, page_size: int, hashed: HashesAsCopied | None
) -> tuple[array[int], bytes]:
    """The copy's page hashes and b-tree kinds: those taken as it was copied, else read now."""
    if hashed is not None:
        hashed.join()
        if hashed.error is None and hashed.result is not None and hashed.result[0] == page_size:
            return hashed.result[1], hashed.result[2]
        log.info("backup: page hashes read again (%s)", hashed.error or "another page size")
    kinds = bytearray()
    return changed_pages.page_hashes(temp, page_size, kinds), bytes(kinds)


def _schema_of_copy(temp: Path, read: Callable[[sqlite3.Connection], _T]) -> _T:
    conn = connect(temp, readonly=True, ours=True)
    try:
        return read(conn)
    finally:
        conn.close()


def _save_manifest(path: Path, digests: changed_pages.Digests, checked: _Checked) -> None:
    """Remember the pages of this verified backup for the next one's check."""
    try:
        changed_pages.write_manifest(path, digests, checked.full_check_at, checked.plan.owners)
    except OSError as exc:  # the next backup is then checked whole
        log.warning("cannot write %s: %s", path.name, exc)
        changed_pages.remove_manifest(path)


def _refuse_live_target(output: Path, db_path: Path) -> None:
    live = [db_path, *sqlite_companions(db_path)]
    resolved = output.resolve()
    if any(resolved == path.resolve() for path in live) or (
        output.exists() and db_path.exists() and os.path.samefile(output, db_path)
    ):
        raise BackupError(
            _("{output} is the database itself: choose another file name for the backup.").format(
                output=output
            )
        )


def verify_backup(path: Path, *, level: str = "thorough") -> BackupRecord:
    """Check a backup file again and update its record (written if it had none).

    Besides the checks: a file whose checksum no longer matches was changed
    since it was made and fails; one without a checksum gets it now.
    """
    from crm_desktop.services.backups.verify import BackupFileError, sniff

    record = catalog.read_record(path)
    try:
        sniff(path)
        if record.page_sha256:  # a backup into a folder: its page checksum
            recorded, digest = record.page_sha256, checksum.file_page_digest(path)
        else:
            recorded = record.sha256 or checksum.read_sidecar(path) or ""
            digest = checksum.file_digest(path)
        # Read-write (query-only): the CHECK constraints are evaluated too.
        report = run_checks(path, level=level, immutable=False, writable=level == THOROUGH)
        ok, problem = report.ok, (report.problems[0] if report.problems else "")
        if checksum.verdict(recorded, digest) == "modified":
            ok, problem = False, "it was modified since it was made (its checksum differs)"
        elif not recorded:
            record.sha256 = digest
        if report.schema_version:
            record.schema_version = report.schema_version
        if report.counts:
            record.counts = report.counts
    except BackupFileError as exc:
        ok, problem = False, str(exc)
    except sqlite3.Error as exc:
        ok, problem = False, f"SQLite cannot read it: {exc}"
    record.verified, record.problem = ok, problem
    record.verify_level, record.verified_at = level, datetime.now(UTC)
    record.verify_scope = "full"
    try:
        catalog.save_record(record)
    except OSError as exc:
        log.warning("cannot write the record of %s: %s", path, exc)
    return record
