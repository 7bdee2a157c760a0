"""Checking a database file that is not the open database: a new backup, or a file to restore.

A file from outside is untrusted until checked: it may be empty (SQLite
opens a zero-byte file as an empty database), a text file renamed ``.db``,
cut short by an interrupted copy, another program's database, damaged, or
made by a newer CRM Desktop. :func:`sniff` reads only its header and refuses
the obvious cases with their own messages; :func:`identify` looks at an open
copy (``trusted_schema=OFF``: nothing in its schema runs); :func:`run_checks`
runs SQLite's checks and counts the records.

Two levels of check (see docs/backup.md for why):

``standard`` — after every backup: ``quick_check`` (every page of every
    b-tree is read and accounted for; record formats and NOT NULL are
    checked), ``foreign_key_check``, ``application_id``, schema version, the
    expected tables and the counts (broken references are reported as notes:
    another program's deletions are the database's own state, which a faithful
    copy keeps, not damage of the copy). CHECK constraints are not re-evaluated:
    a page-for-page copy cannot break a rule the live database enforced
    when each row was written, and re-evaluating them costs eight times the
    structural check.
``thorough`` — before a restore, on "Verify" in the Backups dialog and with
    ``crm-desktop backup --thorough``: the full ``integrity_check`` (indexes
    against their tables, CHECK constraints) and the rest as above.

The two halves of a check run in two threads on two connections (SQLite
releases the GIL), and a caller can run its own work beside them (the
backup flushes the file to disk meanwhile).
"""

from __future__ import annotations

import sqlite3
import struct
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crm_desktop.errors import DatabaseFileError, NewerSchemaError
from crm_desktop.i18n import _, ngettext
from crm_desktop.models import APPLICATION_ID, DOCUMENTED_MODELS, SCHEMA_VERSION, cipher
from crm_desktop.models.connection import SQLITE_HEADER
from crm_desktop.models.lenient import lenient_text
from crm_desktop.models.migrations import introduced_in
from crm_desktop.services.backups.changed_pages import Gaps
from crm_desktop.services.check import CheckReport
from crm_desktop.services.locale_facts import grouped

# The whole file, as far as SQLite maps (it caps this at its build's maximum, 2 GB in
# Debian's): at 1M customers (1.9 GB) a map of the first 256 MB left the copy reading the
# rest with a system call a page, ~15 % more CPU (1.31–1.46 vs 1.14 s).
MMAP_BYTES = 1 << 40
STANDARD = "standard"
THOROUGH = "thorough"
DOCUMENTED_TABLES = tuple(model._meta.table_name for model in DOCUMENTED_MODELS)


class BackupFileError(DatabaseFileError):
    """A file refused as a backup; ``kind`` says why (``empty``, ``not_sqlite``, ``truncated``…)."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)

    def __reduce__(self):
        return (type(self), (self.kind, str(self)))


class NewerBackupError(BackupFileError, NewerSchemaError):
    """The file was made by a newer CRM Desktop than this one."""


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of an SQLite file say."""

    size: int
    page_size: int
    page_count: int | None  # None when the header's count is not known to be current
    wal: bool


def _refuse_header(path: Path, what: str) -> BackupFileError:
    return BackupFileError(
        "damaged",
        _(
            "{path} is damaged: its database header is not valid ({what}). It cannot be "
            "restored; choose another backup."
        ).format(path=path, what=what),
    )


def check_header(head: bytes, size: int, path: Path) -> Header:
    """Every field of the 100-byte header that SQLite reads, checked; or why the file is refused.

    SQLite trusts its header: a write version it does not know opens the file
    read-only (the restore then fails half-way), another text encoding turns
    every name into something else, a reserved area per page or odd payload
    fractions change how every page is read. Our files all look alike, so
    anything else is refused before the file is used.
    """
    (raw_page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _refuse_header(path, f"page size {raw_page_size}")
    write_version, read_version, reserved = head[18], head[19], head[20]
    if write_version not in (1, 2) or read_version not in (1, 2):
        raise _refuse_header(path, f"file format {write_version}/{read_version}")
    if reserved:
        raise _refuse_header(path, f"{reserved} reserved bytes per page")
    if head[21:24] != b"\x40\x20\x20":
        raise _refuse_header(path, "payload fractions")
    (
        change_counter,
        page_count,
        freelist_trunk,
        freelist_count,
        _schema_cookie,
        schema_format,
        cache_size,
        largest_root,
        encoding,
        _user_version,
        incremental_vacuum,
        _application_id,
    ) = struct.unpack(">IIIIIIiIIIII", head[24:72])
    valid_for = struct.unpack(">I", head[92:96])[0]
    if any(head[72:92]):
        raise _refuse_header(path, "its reserved area is not empty")
    # 0 and 0: a database without any table yet (refused later, as empty).
    if schema_format not in (0, 1, 2, 3, 4):
        raise _refuse_header(path, f"schema format {schema_format}")
    if encoding not in (0, 1) or (encoding == 0 and schema_format != 0):
        raise _refuse_header(path, f"text encoding {encoding}, CRM Desktop writes UTF-8 (1)")
    if cache_size:
        raise _refuse_header(path, f"default cache size {cache_size}")
    if incremental_vacuum not in (0, 1) or (incremental_vacuum and not largest_root):
        raise _refuse_header(path, "auto-vacuum settings")
    known_count = page_count if page_count and change_counter == valid_for else None
    pages_on_disk = size // page_size
    for label, number in (
        ("first free page", freelist_trunk),
        ("free page count", freelist_count),
        ("largest root page", largest_root),
    ):
        if number > max(pages_on_disk, known_count or 0):
            raise _refuse_header(path, f"{label} {number} beyond the file's end")
    expected = (known_count or 1) * page_size
    if size < expected or size % page_size:
        raise BackupFileError(
            "truncated",
            _(
                "{path} is incomplete: it holds {size} bytes of the {expected} its "
                "header announces. It was cut short (an interrupted copy or download?)."
            ).format(path=path, size=grouped(size), expected=grouped(expected)),
        )
    return Header(size, page_size, known_count, wal=write_version == 2 or read_version == 2)


def sniff(path: Path, *, name: Path | None = None) -> Header:
    """Refuse what is obviously not a usable backup, from the header alone.

    ``name``: the path to name in messages (the chosen file, when ``path`` is its copy).
    """
    shown = name or path
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BackupFileError("missing", _("{path} does not exist.").format(path=shown)) from None
    except PermissionError:
        raise BackupFileError("unreadable", cannot_read(shown, _("permission denied"))) from None
    except OSError as exc:
        raise BackupFileError("unreadable", cannot_read(shown, exc.strerror or exc)) from None
    if path.is_dir():
        raise BackupFileError(
            "folder", _("{path} is a folder, not a backup file.").format(path=shown)
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except PermissionError:
        raise BackupFileError("unreadable", cannot_read(shown, _("permission denied"))) from None
    except OSError as exc:
        raise BackupFileError("unreadable", cannot_read(shown, exc.strerror or exc)) from None
    if info.st_size == 0 or not head:
        raise BackupFileError(
            "empty",
            _("{path} is empty (0 bytes): it is not a backup, there is nothing to restore.").format(
                path=shown
            ),
        )
    if cipher.is_encrypted(path):
        return _encrypted_header(path, info.st_size, shown)
    starts_right = head[:16] == SQLITE_HEADER or (len(head) < 16 and SQLITE_HEADER.startswith(head))
    if not starts_right:
        raise BackupFileError(
            "not_sqlite",
            _(
                "{path} is not a CRM Desktop backup: it is not an SQLite database file "
                "(perhaps a document or a text file renamed)."
            ).format(path=shown),
        )
    if len(head) < 100:
        raise BackupFileError(
            "truncated",
            _(
                "{path} is incomplete: it ends after {size} bytes, inside the database "
                "header. It was cut short (an interrupted copy or download?)."
            ).format(path=shown, size=len(head)),
        )
    return check_header(head, info.st_size, shown)


def _encrypted_header(path: Path, size: int, shown: Path) -> Header:
    """An encrypted file's header is encrypted too: read it through SQLCipher, whose
    per-page authentication refuses any page changed without the key."""
    try:
        conn = cipher.connect_file(path.absolute().as_uri() + "?mode=ro", uri=True)
    except cipher.EncryptionKeyError:
        raise BackupFileError(
            "encrypted",
            _(
                "{path} is encrypted (or it is not a database at all), and this computer does "
                "not hold its key: open it with its recovery key first (File › Open with "
                "recovery key…, or CRM_DESKTOP_RECOVERY_KEY on the command line)."
            ).format(path=shown),
        ) from None
    except sqlite3.Error as exc:
        raise describe_sqlite_error(shown, exc) from exc
    try:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    except sqlite3.Error as exc:
        raise describe_sqlite_error(shown, exc) from exc
    finally:
        conn.close()
    if size % page_size:
        raise BackupFileError(
            "truncated",
            _("{path} is incomplete: it ends inside a page (cut short?).").format(path=shown),
        )
    return Header(size, page_size, size // page_size, wal=False)


def connect(
    path: Path,
    *,
    readonly: bool,
    immutable: bool = False,
    ours: bool = False,
    trusted: bool = False,
) -> sqlite3.Connection:
    """A connection to a file that is not the open database.

    Unless ``trusted``, nothing in its schema may run (``trusted_schema=OFF``).
    A read-write connection needs trust: SQLite then resolves the CHECK
    constraints, and ours use ``json_valid``, which SQLite 3.40 does not allow
    an untrusted schema. So a file from outside is read only until its schema
    was found to be ours (:func:`crm_desktop.models.schema.differences`).

    ``ours``: a copy this process has just written from the live database
    (trusted). It is read through a memory map (checks ~15 % faster); any
    other file gets SQLite's extra cell checks instead (the two together make
    the foreign-key check three times slower).
    """
    uri = Path(path).absolute().as_uri()
    if readonly:
        uri += "?mode=ro" + ("&immutable=1" if immutable else "")
    conn = cipher.connect_file(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.text_factory = lenient_text  # names in an untrusted schema may not be UTF-8
    try:
        if not (trusted or ours):
            conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = OFF")  # checked as a whole by foreign_key_check
        if ours:
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        else:
            conn.execute("PRAGMA cell_size_check = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def cannot_read(path: Path, reason: object) -> str:
    return _("Cannot read {path}: {reason}.").format(path=path, reason=reason)


def describe_sqlite_error(path: Path, exc: sqlite3.Error) -> BackupFileError:
    text = str(exc)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return BackupFileError(
            "damaged",
            _("{path} is damaged: SQLite cannot read it ({reason}).").format(
                path=path, reason=text
            ),
        )
    return BackupFileError("unreadable", cannot_read(path, text))


def user_tables(conn: sqlite3.Connection) -> set[str]:
    return {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }


def identify(conn: sqlite3.Connection, path: Path) -> int:
    """Make sure the open file is a CRM Desktop database this version reads; its schema version."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = user_tables(conn)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    except UnicodeDecodeError as exc:  # a damaged schema: a name that is not text
        malformed = sqlite3.DatabaseError("database disk image is malformed")
        raise describe_sqlite_error(path, malformed) from exc
    if app_id != APPLICATION_ID:
        if not app_id and not tables:
            raise BackupFileError(
                "foreign",
                _("{path} is an empty SQLite database, not a CRM Desktop backup.").format(
                    path=path
                ),
            )
        raise BackupFileError(
            "foreign",
            _(
                "{path} belongs to another program: it is an SQLite database, "
                "but not a CRM Desktop one."
            ).format(path=path),
        )
    if version > SCHEMA_VERSION:
        raise NewerBackupError(
            "newer",
            _(
                "{path} was made by a newer version of CRM Desktop (schema {version}; this "
                "version reads up to {ours}). Update CRM Desktop to restore it."
            ).format(path=path, version=version, ours=SCHEMA_VERSION),
        )
    if version < 1:
        raise BackupFileError(
            "damaged", _("{path} has no schema version: it cannot be used.").format(path=path)
        )
    # A table newer than the file's schema is not missing: the upgrade on restore adds it.
    missing = [t for t in DOCUMENTED_TABLES if t not in tables and introduced_in(t) <= version]
    if missing:
        raise BackupFileError(
            "damaged",
            _("{path} is damaged: its table(s) {tables} are missing.").format(
                path=path, tables=", ".join(missing)
            ),
        )
    return int(version)


def count_records(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows in each documented table, as :func:`crm_desktop.services.figures.record_counts`."""
    present = user_tables(conn)
    counts = {
        table: int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        for table in DOCUMENTED_TABLES
        if table in present
    }
    counts["customer_in_trash"] = int(
        conn.execute("SELECT count(*) FROM customer WHERE deleted_at IS NOT NULL").fetchone()[0]
    )
    if "trash_item" in user_tables(conn):
        counts["trash_item"] = int(conn.execute("SELECT count(*) FROM trash_item").fetchone()[0])
    return counts


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _referencing(conn: sqlite3.Connection, tables: frozenset[str]) -> list[str]:
    """``tables`` and every table with a foreign key into one of them."""
    found = []
    for name in sorted(user_tables(conn)):
        parents = {row[2] for row in conn.execute(f"PRAGMA foreign_key_list({_quoted(name)})")}
        if name in tables or parents & tables:
            found.append(name)
    return found


def _references_into_gaps(
    conn: sqlite3.Connection, child: str, changed: frozenset[str], gaps: Mapping[str, Gaps]
) -> list[str] | None:
    """The broken references of an unchanged table ``child`` into changed tables, read
    through its indexes in the gaps alone; None when that does not hold for one of its
    foreign keys (then ``foreign_key_check`` reads it whole).

    ``child`` is byte for byte a table of the last verified backup, where each of its
    references found its row. One can break only if that row went, and a key that went
    lies in its table's gaps (:func:`~crm_desktop.services.backups.changed_pages._gaps`).
    So each reference into a changed table is looked up for the child's keys in the gaps:
    a single-column key on an INTEGER column, with an index that starts with it, into the
    parent's INTEGER PRIMARY KEY (the rowid), as all of ours are.
    """
    keys: dict[int, list[tuple]] = {}
    for row in conn.execute(f"PRAGMA foreign_key_list({_quoted(child)})"):
        keys.setdefault(row[0], []).append(row)
    columns = {
        row[1]: str(row[2]).upper() for row in conn.execute(f"PRAGMA table_info({_quoted(child)})")
    }
    indexed: dict[str, str] = {}
    for row in conn.execute(f"PRAGMA index_list({_quoted(child)})"):
        name, partial = row[1], row[4]
        first = conn.execute(f"PRAGMA index_info({_quoted(name)})").fetchone()
        if not partial and first is not None and first[2] is not None:
            indexed.setdefault(first[2], name)
    problems: list[str] = []
    for parts in keys.values():
        parent = parts[0][2]
        if parent not in changed:
            continue  # both unchanged: as they were when checked
        column, target = parts[0][3], parts[0][4]
        if len(parts) != 1 or parent not in gaps or "INT" not in columns.get(column, ""):
            return None
        primary = [r for r in conn.execute(f"PRAGMA table_info({_quoted(parent)})") if r[5]]
        if len(primary) != 1 or str(primary[0][2]).upper() != "INTEGER":
            return None
        if target is not None and target != primary[0][1]:
            return None
        index = indexed.get(column)
        if index is None:
            return None
        query = (
            f"SELECT c.rowid FROM {_quoted(child)} AS c INDEXED BY {_quoted(index)} "
            f"WHERE c.{_quoted(column)} > ? AND c.{_quoted(column)} < ? AND NOT EXISTS "
            f"(SELECT 1 FROM {_quoted(parent)} AS p WHERE p.rowid = c.{_quoted(column)})"
        )
        for low, high in gaps[parent]:
            for (rowid,) in conn.execute(query, (low, high)).fetchmany(50):
                problems.append(
                    _("{table} row {row} points at a missing {parent}").format(
                        table=child, row=rowid, parent=parent
                    )
                )
    return problems


class Worker(threading.Thread):
    """Runs one function and keeps its result or exception."""

    def __init__(self, work: Callable[[], Any]):
        super().__init__(daemon=True)
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except BaseException as exc:
            self.error = exc


def run_checks(
    path: Path,
    *,
    level: str = STANDARD,
    immutable: bool = True,
    ours: bool = False,
    writable: bool = False,
    beside: Callable[[], Any] | None = None,
    tables: frozenset[str] | None = None,
    gaps: Mapping[str, Gaps] | Callable[[], Mapping[str, Gaps]] | None = None,
) -> CheckReport:
    """Check the file at ``path`` (nothing is written to it) and count its records.

    ``writable``: run the structural check on a read-write connection (with
    ``query_only``): SQLite 3.40 skips the CHECK constraints in
    ``integrity_check`` on a read-only one, so a file holding
    ``order_line.quantity = -5`` would pass. Only for a file whose schema is
    known to be ours (see :func:`connect`). ``beside`` runs in a third thread
    meanwhile (e.g. flushing the file to disk); its exception, if any, is
    raised after the checks end.

    ``tables`` (standard level only): check only these tables with their indexes,
    and the references from and to them — the rest of the file is known to be
    byte for byte a state that passed (:mod:`~crm_desktop.services.backups.changed_pages`).
    The identity and the counts are read whole either way. ``gaps`` (from the plan): for
    a changed table, where a key of the verified backup may have gone; an unchanged table
    referring to it then has only its references into those gaps looked up
    (:func:`_references_into_gaps`), instead of every row; a function that finds them is
    called in the references' thread (beside the structural check, which needs no gaps).
    """

    def structure() -> str:
        conn = connect(
            path, readonly=not writable, immutable=immutable, ours=ours, trusted=writable
        )
        try:
            if writable:
                conn.execute("PRAGMA query_only = ON")
            if level == THOROUGH:
                rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
            elif tables is None:
                conn.execute("PRAGMA ignore_check_constraints = ON")
                rows = conn.execute("PRAGMA quick_check(20)").fetchall()
            else:
                conn.execute("PRAGMA ignore_check_constraints = ON")
                rows = [("ok",)]
                while rows == [("ok",)]:
                    with taking:  # the next table not yet taken by the other thread
                        table = pending.pop() if pending else None
                    if table is None:
                        break
                    found = conn.execute(f"PRAGMA quick_check({_quoted(table)})").fetchall()
                    if [row[0] for row in found] != ["ok"]:
                        rows = found[:20]
                        pending.clear()
        finally:
            conn.close()
        found = [row[0] for row in rows]
        return "ok" if found == ["ok"] else "; ".join(found[:10])

    def references() -> tuple[int, int, list[str], dict[str, int]]:
        conn = connect(path, readonly=True, immutable=immutable, ours=ours)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            problems: list[str] = []
            pragmas = ["PRAGMA foreign_key_check"] if tables is None else []
            changed = tables or frozenset()
            referring = _referencing(conn, changed) if tables is not None else []
            known = (gaps() if callable(gaps) else gaps or {}) if referring else {}
            for name in referring:
                found = (
                    None if name in changed else _references_into_gaps(conn, name, changed, known)
                )
                if found is None:
                    pragmas.append(f"PRAGMA foreign_key_check({_quoted(name)})")
                else:
                    problems += found
            problems += [
                f"{table} row {rowid} points at a missing {parent}"
                for pragma in pragmas
                for table, rowid, parent, _ in conn.execute(pragma).fetchmany(50)
            ]
            counts = count_records(conn)
        finally:
            conn.close()
        return int(app_id or 0), int(version or 0), problems, counts

    # The changed tables are shared by two threads, each on its own connection, so that
    # both cores check (SQLite frees the GIL); the references beside them in a third.
    pending, taking = sorted(tables or (), reverse=True), threading.Lock()
    shapes = [Worker(structure)] + ([Worker(structure)] if len(pending) > 1 else [])
    second = Worker(references)
    workers = [*shapes, second] + ([Worker(beside)] if beside is not None else [])
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if beside is not None and workers[-1].error is not None:
        raise workers[-1].error

    report = CheckReport()
    failed = [w for w in shapes if w.error is not None or w.result != "ok"]
    first = failed[0] if failed else shapes[0]
    if first.error is not None:
        report.integrity = str(first.error)
    else:
        report.integrity = first.result
    if report.integrity != "ok":
        report.problems.append(f"integrity check failed: {report.integrity}")
    if second.error is not None:
        report.problems.append(f"SQLite cannot read it: {second.error}")
        return report
    report.application_id, report.schema_version, report.foreign_key_problems, counts = (
        second.result
    )
    if report.foreign_key_problems:
        # Rows whose customer (or order…) another program deleted with foreign keys off: the
        # copy is one committed state of the database (snapshot._copy), so they are the
        # database's own, which the lists show and count. A copy that keeps them is faithful;
        # refusing it would leave the owner without any backup until the rows are repaired.
        report.notes.append(
            ngettext(
                "{n} broken reference, e.g. {example}",
                "{n} broken references, e.g. {example}",
                len(report.foreign_key_problems),
            ).format(
                n=grouped(len(report.foreign_key_problems)),
                example=report.foreign_key_problems[0],
            )
        )
    if report.application_id != APPLICATION_ID:
        report.problems.append("not a CRM Desktop database (application_id)")
    if not 1 <= report.schema_version <= SCHEMA_VERSION:
        report.problems.append(f"schema version {report.schema_version} cannot be used")
    if report.integrity == "ok":
        report.counts = counts
    return report
