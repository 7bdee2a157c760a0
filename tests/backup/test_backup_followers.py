"""What follows the backup's copy as it is made (followers.py): the disk's writes, the page hashes."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from crm_desktop.models import database
from crm_desktop.services import customers
from crm_desktop.services.backups import (
    BackupError,
    changed_pages,
    create_backup,
    followers,
    pinned_copy,
    snapshot,
)


def page_size_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def small_parts(monkeypatch: pytest.MonkeyPatch, demo_db: Path) -> int:
    """Copy in parts of two and a bit pages (parts end inside a page); the page size.
    The file is checkpointed first: it holds every page, the log none."""
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = page_size_of(demo_db)
    monkeypatch.setattr(pinned_copy, "CHUNK_BYTES", 2 * size + 1000)
    return size


def backup_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("backup-")]


def test_hashes_taken_as_copied_are_those_of_the_finished_copy(demo_db, tmp_path, monkeypatch):
    """Parts ending inside pages, and the newest commits still in the log (a reader holds
    an old snapshot): each part gets its pages from the log before it is hashed, and the
    hashes and kinds equal those of the whole copy read afterwards."""
    page_size = small_parts(monkeypatch, demo_db)
    reader = sqlite3.connect(demo_db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    for name in ("Ёжик =1+1", "李小龙", "שלום <b>&", "🎉" * 300):
        new_id = customers.create_customer({"name": name[:200], "kind": "person"})
        customers.update_customer(new_id, {"notes": name * 20})
    target = tmp_path / "copy.sqlite3"
    hashes = followers.HashesAsCopied(target)
    hashes.start()
    parts: list[int] = []
    seen: list[bytes] = []

    def copied(end: int) -> None:
        parts.append(end)
        seen.append(target.read_bytes()[100:end])  # what the part holds when told
        hashes.copied(end)

    source = snapshot.open_source(demo_db)
    try:
        assert not pinned_copy.log_in_file(Path(f"{demo_db}-shm"))
        assert snapshot._copy(source, target, copied)
    finally:
        source.close()
        reader.execute("COMMIT")
        reader.close()
    hashes.finish()
    hashes.join()

    assert hashes.error is None
    assert len(parts) > 5 and parts == sorted(parts)
    assert parts[-1] == target.stat().st_size
    final = target.read_bytes()
    assert all(final[100:end] == part for end, part in zip(parts, seen, strict=True))
    kinds = bytearray()
    whole = changed_pages.page_hashes(target, page_size, kinds)
    assert hashes.result == (page_size, whole, bytes(kinds))
    assert len(whole) == target.stat().st_size // page_size


def test_the_disk_starts_writing_each_part_and_the_file_is_flushed_whole_at_the_end(
    demo_db, backups_dir, monkeypatch
):
    small_parts(monkeypatch, demo_db)
    started: list[tuple[int, int]] = []
    flushed: list[Path] = []
    real_fsync = followers.fsync_file

    def start_writeback(fd: int, start: int, length: int, flags: int) -> int:
        started.append((start, length))
        return 0

    def fsync(path: Path) -> None:
        flushed.append(path)
        real_fsync(path)

    monkeypatch.setattr(followers, "_START_WRITEBACK", start_writeback)
    monkeypatch.setattr(followers, "fsync_file", fsync)

    record = create_backup(demo_db)

    assert record.verified, record.problem
    assert len(started) > 5
    ends = [start + length for start, length in started]
    assert [start for start, _ in started] == [0, *ends[:-1]]  # one part after another
    assert ends[-1] == record.size
    assert len(flushed) == 1 and ".partial-" in flushed[0].name  # flushed before its rename
    assert backup_threads() == []


def test_without_early_writeback_only_the_final_flush_runs(demo_db, backups_dir, monkeypatch):
    """macOS, Windows, a C library without ``sync_file_range``."""
    monkeypatch.setattr(followers, "_START_WRITEBACK", None)
    flushed: list[Path] = []
    monkeypatch.setattr(followers, "fsync_file", flushed.append)

    record = create_backup(demo_db)

    assert record.verified and len(flushed) == 1


def test_a_copy_made_by_the_backup_api_is_hashed_afterwards(demo_db, backups_dir, monkeypatch):
    """A refused pinned copy may have reported parts before it gave up: those hashes are
    dropped, and the backup API's copy is hashed whole (its changed tables still found)."""
    create_backup(demo_db)
    small_parts(monkeypatch, demo_db)
    real = pinned_copy.copy_pinned

    def report_then_refuse(source, target, copied=None) -> bool:
        real(source, target, copied)  # every part reported…
        return False  # …then refused: the backup API copies

    monkeypatch.setattr(pinned_copy, "copy_pinned", report_then_refuse)
    hashed_again: list[Path] = []
    real_hashes = changed_pages.page_hashes

    def page_hashes(path, page_size, kinds=None):
        hashed_again.append(path)
        return real_hashes(path, page_size, kinds)

    monkeypatch.setattr(changed_pages, "page_hashes", page_hashes)
    customers.create_customer({"name": "Новый 新的", "kind": "person"})

    record = create_backup(demo_db)

    assert record.verified, record.problem
    assert "customer" in record.verify_scope and record.verify_scope != "full"
    assert len(hashed_again) == 1
    assert backup_threads() == []


def test_a_copy_that_fails_leaves_no_thread_and_no_file(demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "full"
    folder.mkdir()
    real = pinned_copy._copy_range

    def copy_half_then_fill_the_disk(source, target, size, told):
        real(source, target, size // 2, told)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pinned_copy, "_copy_range", copy_half_then_fill_the_disk)
    with pytest.raises(BackupError, match="full"):
        create_backup(demo_db, folder=folder)
    assert [p.name for p in folder.iterdir() if not p.name.startswith(".crm-write")] == []
    assert backup_threads() == []


def test_a_cancel_after_the_copy_does_not_wait_for_the_flush(demo_db, tmp_path, monkeypatch):
    """Cancelled once the copy is made: nothing is kept, and the flush of the file being
    removed does not hold the cancel up."""
    import time

    from crm_desktop.errors import CrmError

    folder = tmp_path / "cancelled"
    folder.mkdir()
    flushing = threading.Event()

    def slow_fsync(path: Path) -> None:
        flushing.set()
        time.sleep(3)  # a flush of 2 GB

    monkeypatch.setattr(followers, "fsync_file", slow_fsync)
    asked = []

    def cancelled() -> bool:
        asked.append(flushing.wait(5))  # asked after the copy, once the flush runs
        return True

    started = time.monotonic()
    with pytest.raises(CrmError, match="Cancelled"):
        create_backup(demo_db, folder=folder, cancelled=cancelled)
    assert time.monotonic() - started < 2.5
    assert asked == [True]
    assert [p.name for p in folder.iterdir()] == []
    for thread in threading.enumerate():  # the flush ends on its own, soon
        if thread.name.startswith("backup-"):
            thread.join(5)
    assert backup_threads() == []


def test_a_failed_write_of_a_page_from_the_log_fails_the_backup(demo_db, tmp_path, monkeypatch):
    """An I/O error writing a page from the log is not taken for the kernel refusing to
    copy (which falls back to reads and writes): the copy would hold the page's older
    version, a state that never was. The backup fails, nothing is kept."""
    small_parts(monkeypatch, demo_db)
    reader = sqlite3.connect(demo_db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    customers.create_customer({"name": "Ещё 一个", "kind": "person"})

    real = pinned_copy._write_at
    failures = [OSError(5, "Input/output error")]

    def broken_disk(fd: int, data: memoryview, offset: int) -> None:
        if failures:  # once: every later page is written well
            raise failures.pop()
        real(fd, data, offset)

    monkeypatch.setattr(pinned_copy, "_write_at", broken_disk)
    folder = tmp_path / "io"
    folder.mkdir()
    try:
        with pytest.raises(BackupError, match="Input/output error"):
            create_backup(demo_db, folder=folder)
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert [p.name for p in folder.iterdir()] == []
    assert backup_threads() == []
