"""Rotation: 7 daily, 4 weekly, 12 monthly, and never the only good backup or a recent safety copy."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from crm_desktop.services.backups import catalog, rotation
from crm_desktop.services.backups.catalog import BackupRecord

SOURCE = "/home/owner/crm.sqlite3"


def local(day: date, hour: int = 9) -> datetime:
    """An aware time at ``hour`` o'clock local time on ``day``."""
    return datetime(day.year, day.month, day.day, hour).astimezone()


def record(day: date, *, hour: int = 9, kind: str = "daily", verified: bool | None = True,
           source: str = SOURCE) -> BackupRecord:  # fmt: skip
    moment = local(day, hour)
    return BackupRecord(
        path=Path(f"/backups/crm-{day.isoformat()}_{hour:02d}-{kind}.sqlite3"),
        created_at=moment,
        kind=kind,
        source=source,
        verified=verified,
    )


def kept_days(plan: rotation.Plan) -> list[str]:
    return sorted(path.name[4:14] for path in plan.keep)


NOW = local(date(2026, 6, 15), 12)  # a Monday


def test_a_year_and_a_half_of_daily_backups_keeps_7_daily_4_weekly_12_monthly():
    day, records = date(2025, 1, 1), []
    while day <= date(2026, 6, 15):
        records.append(record(day))
        day += timedelta(days=1)

    plan = rotation.plan(records, SOURCE, NOW)

    assert kept_days(plan) == [
        # monthly: the newest of each of the last 12 months
        "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31",
        "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
        # weekly: the newest of ISO weeks 22, 23 (and 24, 25 among the daily ones)
        "2026-05-31", "2026-06-07",
        # daily: the last 7 days
        "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12", "2026-06-13", "2026-06-14",
        "2026-06-15",
    ]  # fmt: skip
    assert "weekly" in plan.keep[records[-1].path] and "monthly" in plan.keep[records[-1].path]
    assert len(plan.delete) == len(records) - 19


def test_everything_of_the_last_48_hours_stays():
    records = [record(date(2026, 6, 14), hour=h, kind="before-change") for h in (8, 10, 15)]
    records += [record(date(2026, 6, 15), hour=h, kind="exit") for h in (8, 9, 11)]
    records.append(record(date(2026, 6, 12), hour=8))
    records.append(record(date(2026, 6, 12), hour=18))
    plan = rotation.plan(records, SOURCE, NOW)
    assert [r.path for r in plan.delete] == [records[6].path]  # the older one of the 12th


def test_the_only_good_backup_is_never_deleted():
    only_good = record(date(2023, 3, 1))
    damaged = [record(date(2026, 6, d), verified=False) for d in range(1, 15)]
    unverified = [record(date(2026, 5, d), verified=None) for d in range(1, 20)]
    plan = rotation.plan([only_good, *damaged, *unverified], SOURCE, NOW)
    assert only_good.path in plan.keep
    assert plan.delete == []  # damaged and unchecked files are the user's decision


def test_a_damaged_backup_does_not_take_the_place_of_a_good_one():
    good = record(date(2026, 6, 1), hour=8)
    damaged_later = record(date(2026, 6, 1), hour=20, verified=False)
    older_good = record(date(2026, 5, 30))
    plan = rotation.plan([good, damaged_later, older_good], SOURCE, NOW)
    assert good.path in plan.keep and "daily" in plan.keep[good.path]


def test_safety_copies_stay_30_days_and_the_newest_stays_for_ever():
    daily = [record(date(2026, 6, 15) - timedelta(days=n)) for n in range(0, 200)]
    young = record(date(2026, 5, 20), hour=14, kind="safety")  # 26 days
    old = record(date(2026, 3, 10), hour=14, kind="safety")  # 97 days, not the newest
    old_but_newest_elsewhere = record(date(2026, 3, 10), hour=15, kind="safety",
                                      source="/elsewhere.sqlite3")  # fmt: skip
    plan = rotation.plan([*daily, young, old, old_but_newest_elsewhere], SOURCE, NOW)
    assert young.path in plan.keep and "safety copy" in plan.keep[young.path]
    assert old in plan.delete
    assert old_but_newest_elsewhere not in plan.delete  # another database's: not ours to judge

    alone = rotation.plan([old], SOURCE, NOW)
    assert alone.delete == [] and "newest safety copy" in alone.keep[old.path]


def test_rotate_deletes_only_our_recorded_backups_of_this_database(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    made = []
    for n in range(40):
        day = date(2026, 6, 15) - timedelta(days=n)
        backup = record(day)
        backup.path = folder / catalog.backup_file_name(Path(SOURCE), backup.created_at, "daily")
        backup.path.write_bytes(b"x")
        catalog.save_record(backup)
        made.append(backup)
    other = record(date(2026, 1, 1), source="/other/shop.sqlite3")
    other.path = folder / "shop-2026-01-01_09-00-00.sqlite3"
    other.path.write_bytes(b"x")
    catalog.save_record(other)
    by_hand = folder / "copied-by-hand.sqlite3"
    by_hand.write_bytes(b"x")

    deleted = rotation.rotate(folder, SOURCE, NOW)

    assert deleted and all(path.parent == folder for path in deleted)
    assert other.path.exists() and by_hand.exists()
    for path in deleted:
        assert not path.exists() and not catalog.record_path_of(path).exists()
    remaining = [r for r in catalog.list_backups(folder) if r.source == SOURCE]
    assert len(remaining) == 40 - len(deleted)
    assert made[0].path.exists()  # the newest
