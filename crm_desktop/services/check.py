"""The health check of a database file: integrity, references, schema, text, identity, counts.

``crm-desktop check`` prints it and the Backups dialog shows it. Beyond
SQLite's own ``integrity_check`` (on our read-write connection, so CHECK
constraints are evaluated too), it finds what another SQLite tool can leave
behind, since none of them has to follow our rules:

* rows that point at a missing record (the ``sqlite3`` shell starts with
  foreign keys off, so nothing stopped them);
* schema objects that are not ours — an extra trigger, view or index, a
  changed table (:func:`crm_desktop.models.schema.differences`);
* text that is not valid UTF-8, by table, id and column (the app shows such
  bytes as U+FFFD; :func:`find_invalid_text`, which the restore also uses to
  repair a backup's text).

The backup and restore services run the same functions on the files they
make or accept.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from crm_desktop.models import APPLICATION_ID, SCHEMA_VERSION, database
from crm_desktop.models.lenient import lenient_text
from crm_desktop.models.migrations import SEARCH_INDEX_TABLES
from crm_desktop.models.schema import differences, objects_of
from crm_desktop.services.figures import record_counts

__all__ = ["SCHEMA_VERSION", "CheckReport", "check_database"]

MAX_LISTED = 50
# A value with any character outside ASCII (invalid bytes read as such characters too).
_OUTSIDE_ASCII = "*[^\x01-\x7f]*"


@dataclass(frozen=True)
class BadText:
    """A value that is not valid UTF-8: where it is (never what it says)."""

    table: str
    row_id: int
    column: str

    def __str__(self) -> str:
        return f"{self.table} {self.row_id} ({self.column})"


@dataclass
class CheckReport:
    """What the check found; ``problems`` is empty when the file is healthy."""

    integrity: str = "ok"
    foreign_key_problems: list[str] = field(default_factory=list)
    schema_problems: list[str] = field(default_factory=list)
    invalid_text: list[BadText] = field(default_factory=list)
    application_id: int = 0
    schema_version: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    # What a copy's check found that is the database's own state, not damage of the copy
    # (broken references another tool left): said, never a reason to refuse the copy.
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    # TEXT affinity (or none): where another tool's text lands.
    return [
        str(name)
        for _, name, kind, *_ in columns
        if not kind or any(word in str(kind).upper() for word in ("CHAR", "CLOB", "TEXT"))
    ]


def _plain_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [str(n) for n, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    # A virtual table's shadow tables (the search index's pages) are its own business.
    return [
        str(name)
        for name, _ in rows
        if str(name) not in virtual and not any(str(name).startswith(f"{v}_") for v in virtual)
    ]


def find_invalid_text(conn: sqlite3.Connection, *, limit: int | None = None) -> list[BadText]:
    """Every text value of every table that is not valid UTF-8 (up to ``limit``).

    SQLite finds the values with a byte outside ASCII (a ``GLOB`` class; a NUL
    byte hides what follows it from ``GLOB``, so those too); only they are
    read, as bytes, and decoded.
    """
    found: list[BadText] = []
    tables = [(table, _text_columns(conn, table)) for table in _plain_tables(conn)]
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, columns in tables:
            if not columns:
                continue
            quoted = [f'"{column}"' for column in columns]
            where = " OR ".join(
                f"{c} GLOB :outside OR instr(CAST({c} AS BLOB), x'00') > 0" for c in quoted
            )
            cursor = conn.execute(
                f'SELECT rowid, {", ".join(quoted)} FROM "{table}" WHERE {where}',
                {"outside": _OUTSIDE_ASCII},
            )
            for row_id, *values in cursor:
                for column, value in zip(columns, values, strict=True):
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            found.append(BadText(table, int(row_id), column))
                            if limit is not None and len(found) >= limit:
                                return found
    finally:
        conn.text_factory = previous
    return found


def repair_invalid_text(conn: sqlite3.Connection, bad: list[BadText]) -> None:
    """Store each value of ``bad`` with U+FFFD for its bad bytes (in the caller's transaction)."""
    for item in bad:
        row = conn.execute(
            f'SELECT CAST("{item.column}" AS BLOB) FROM "{item.table}" WHERE rowid = ?',
            (item.row_id,),
        ).fetchone()
        if row is None or row[0] is None:
            continue
        conn.execute(
            f'UPDATE "{item.table}" SET "{item.column}" = ? WHERE rowid = ?',
            (lenient_text(bytes(row[0])), item.row_id),
        )


def describe_invalid_text(bad: list[BadText], *, more: bool = False) -> str:
    shown = ", ".join(str(item) for item in bad[:10])
    extra = " and more" if more or len(bad) > 10 else ""
    return f"{len(bad)}{'+' if more else ''} value(s) that are not valid UTF-8 text: {shown}{extra}"


def search_index_problem(conn: sqlite3.Connection) -> str | None:
    """What is wrong with the search indexes (FTS5's own check against the search rows)."""
    for table in SEARCH_INDEX_TABLES:
        try:
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            return f"the search index is damaged ({exc})"
    return None


def check_database(*, quick: bool = False) -> CheckReport:
    """Run the checks of the module on the open database and count the records."""
    report = CheckReport()
    pragma = "quick_check" if quick else "integrity_check"
    # One report row may hold many lines ("*** in database main ***\nOn tree page…"): one line.
    rows = [" ".join(str(row[0]).split()) for row in database.execute_sql(f"PRAGMA {pragma}")]
    report.integrity = "ok" if rows == ["ok"] else "; ".join(rows[:10])
    if report.integrity != "ok":
        report.problems.append(f"integrity check failed: {report.integrity}")
    fk_rows = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    for table, rowid, parent, _ in fk_rows[:MAX_LISTED]:
        report.foreign_key_problems.append(f"{table} row {rowid} points at a missing {parent}")
    if fk_rows:
        report.problems.append(
            f"{len(fk_rows)} broken reference(s), e.g. {report.foreign_key_problems[0]}"
        )
    report.application_id = int(database.pragma("application_id") or 0)
    report.schema_version = int(database.pragma("user_version") or 0)
    if report.application_id != APPLICATION_ID:
        report.problems.append("not a CRM Desktop database (application_id)")
    conn = database.connection()
    if report.integrity == "ok" and report.schema_version == SCHEMA_VERSION:
        # The search index's pages are blobs SQLite's own check cannot read into.
        problem = search_index_problem(conn)
        if problem:
            report.integrity = problem
            report.problems.append(f"integrity check failed: {problem}")
    if report.schema_version != SCHEMA_VERSION:
        report.problems.append(f"schema version {report.schema_version}, expected {SCHEMA_VERSION}")
    else:
        report.schema_problems = differences(objects_of(conn))
        if report.schema_problems:
            report.problems.append(
                "its structure is not the one CRM Desktop makes: "
                + "; ".join(report.schema_problems[:5])
            )
    report.invalid_text = find_invalid_text(conn, limit=MAX_LISTED + 1)
    if report.invalid_text:
        more = len(report.invalid_text) > MAX_LISTED
        report.invalid_text = report.invalid_text[:MAX_LISTED]
        report.problems.append(describe_invalid_text(report.invalid_text, more=more))
    if report.integrity == "ok":
        report.counts = record_counts()
    return report
