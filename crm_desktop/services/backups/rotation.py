"""Which backups to keep: the last 7 daily, 4 weekly and 12 monthly, and a few rules of caution.

The rule, applied to the backups of one database in one folder after every
backup made there:

1. Only backups with our record, made from this database, are ever deleted.
   Files the user put in the folder, backups of other databases, and files
   written with ``-o`` are never touched.
2. Everything made in the last 48 hours is kept: the backup taken right
   before an import must still be there when the mistake is noticed the
   next day, even if an exit backup came after it.
3. Among the verified backups, newest first: the newest of each of the last
   7 days that have a backup, the newest of each of the last 4 weeks, the
   newest of each of the last 12 months (days, weeks and months in local
   time; weeks are ISO weeks). A backup kept by one rule counts for all.
4. Safety copies made before a restore are kept for 30 days whatever the
   other rules say, and the newest safety copy is kept for ever (until a
   newer one replaces it): it is the way back from a wrong restore.
5. The newest verified backup is always kept, so the only good backup is
   never deleted; backups that failed a check or were never checked are not
   deleted automatically (the Backups dialog shows them; the user decides).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crm_desktop.services.backups import catalog
from crm_desktop.services.backups.catalog import BackupRecord

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_RECENT = timedelta(hours=48)
KEEP_SAFETY = timedelta(days=30)


@dataclass
class Plan:
    """What rotation would keep (with the reasons) and delete."""

    keep: dict[Path, list[str]] = field(default_factory=dict)
    delete: list[BackupRecord] = field(default_factory=list)


def plan(records: Sequence[BackupRecord], source: str, now: datetime | None = None) -> Plan:
    """Decide, for the backups of ``source`` among ``records``, which stay and which go."""
    now = now or datetime.now(UTC)
    mine = sorted(
        (r for r in records if r.has_record and r.source == source),
        key=lambda r: r.created_at,
        reverse=True,
    )
    result = Plan()

    def keep(record: BackupRecord, why: str) -> None:
        result.keep.setdefault(record.path, []).append(why)

    good = [r for r in mine if r.good]
    for count, label, period in (
        (KEEP_DAILY, "daily", lambda d: d.date()),
        (KEEP_WEEKLY, "weekly", lambda d: d.isocalendar()[:2]),
        (KEEP_MONTHLY, "monthly", lambda d: (d.year, d.month)),
    ):
        seen: set[object] = set()
        for record in good:
            key = period(record.created_at.astimezone())
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep(record, label)
    if good:
        keep(good[0], "newest good")
    safety = [r for r in mine if r.kind == "safety"]
    if safety:
        keep(safety[0], "newest safety copy")
    for record in mine:
        age = now - record.created_at
        if age < KEEP_RECENT:
            keep(record, "recent")
        if record.kind == "safety" and age < KEEP_SAFETY:
            keep(record, "safety copy")
        if not record.good:
            keep(record, "not verified")
    result.delete = [r for r in mine if r.path not in result.keep]
    return result


def rotate(folder: Path, source: str, now: datetime | None = None) -> list[Path]:
    """Delete the backups of ``source`` in ``folder`` that the rule does not keep."""
    decided = plan(catalog.list_backups(folder), source, now)
    deleted = []
    for record in decided.delete:
        try:
            catalog.delete_backup(record)
        except OSError as exc:
            log.warning("cannot delete old backup %s: %s", record.path, exc)
            continue
        deleted.append(record.path)
    if deleted:
        log.info("rotation deleted %d old backup(s) in %s", len(deleted), folder)
    return deleted
