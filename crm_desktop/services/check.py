"""The health check of a database file: integrity, foreign keys, identity, counts.

``crm-desktop check`` prints it; the Backups dialog and the backup and
restore services run the same check on every file they make or accept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crm_desktop.models import APPLICATION_ID, SCHEMA_VERSION, database
from crm_desktop.services.figures import record_counts


@dataclass
class CheckReport:
    """What the check found; ``problems`` is empty when the file is healthy."""

    integrity: str = "ok"
    foreign_key_problems: list[str] = field(default_factory=list)
    application_id: int = 0
    schema_version: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(*, quick: bool = False) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks and count the records."""
    report = CheckReport()
    pragma = "quick_check" if quick else "integrity_check"
    # One report row may hold many lines ("*** in database main ***\nOn tree page…"): one line.
    rows = [" ".join(str(row[0]).split()) for row in database.execute_sql(f"PRAGMA {pragma}")]
    report.integrity = "ok" if rows == ["ok"] else "; ".join(rows[:10])
    if report.integrity != "ok":
        report.problems.append(f"integrity check failed: {report.integrity}")
    for table, rowid, parent, _ in database.execute_sql("PRAGMA foreign_key_check").fetchall()[:50]:
        report.foreign_key_problems.append(f"{table} row {rowid} points at a missing {parent}")
    if report.foreign_key_problems:
        report.problems.append(
            f"{len(report.foreign_key_problems)} broken reference(s), e.g. "
            f"{report.foreign_key_problems[0]}"
        )
    report.application_id = int(database.pragma("application_id") or 0)
    report.schema_version = int(database.pragma("user_version") or 0)
    if report.application_id != APPLICATION_ID:
        report.problems.append("not a CRM Desktop database (application_id)")
    if report.schema_version != SCHEMA_VERSION:
        report.problems.append(f"schema version {report.schema_version}, expected {SCHEMA_VERSION}")
    if report.integrity == "ok":
        report.counts = record_counts()
    return report
