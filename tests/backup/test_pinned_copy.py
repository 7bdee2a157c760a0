"""The backup's copy of the file itself (pinned_copy): only when provably one committed state."""

from __future__ import annotations

import sqlite3
import struct
import time
from pathlib import Path

import pytest

from crm_desktop.models import database
from crm_desktop.services import customers
from crm_desktop.services.backups import create_backup, pinned_copy, snapshot


def spy_on_copies(monkeypatch) -> list[bool]:
    """Whether each copy was made by the pinned path (False: SQLite's backup API)."""
    made: list[bool] = []
    real = pinned_copy.copy_pinned

    def counted(source, target, told=None) -> bool:
        made.append(real(source, target, told))
        return made[-1]

    monkeypatch.setattr(pinned_copy, "copy_pinned", counted)
    return made


def test_an_idle_database_is_copied_as_a_file_and_is_a_verified_backup(
    demo_db, monkeypatch, data_of
):
    customers.create_customer({"name": "Ёлка 🎄 =SUM(A1) <b>&", "kind": "person"})
    copied = spy_on_copies(monkeypatch)

    record = create_backup(demo_db)

    assert record.verified, record.problem
    assert copied == [True]
    assert data_of(record.path) == data_of(demo_db)
    conn = sqlite3.connect(record.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    assert sorted(p.name for p in record.path.parent.iterdir() if p.name.endswith("-shm")) == []


def test_commits_still_in_the_wal_are_copied_from_the_log(demo_db, monkeypatch, data_of):
    """A reader on an old snapshot stops the checkpoint: the file alone lacks the newest
    commits, which the copy takes from the log's frames, as SQLite's reader does."""
    reader = sqlite3.connect(demo_db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    new_id = customers.create_customer({"name": "刚刚 добавлен", "kind": "person"})
    customers.update_customer(new_id, {"notes": "שלום =1+1"})
    copied = spy_on_copies(monkeypatch)
    try:
        assert not pinned_copy.log_in_file(Path(f"{demo_db}-shm"))
        record = create_backup(demo_db)
    finally:
        reader.execute("COMMIT")
        reader.close()

    assert copied == [True]
    assert record.verified, record.problem
    assert new_id in [row[0] for row in data_of(record.path)["customer"]]
    assert data_of(record.path) == data_of(demo_db)


def test_a_log_that_does_not_match_its_index_is_left_to_sqlite(demo_db, monkeypatch, data_of):
    """Salts of another generation of the log: not provable, so SQLite's backup API copies."""
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    new_id = customers.create_customer({"name": "Ещё один", "kind": "person"})
    real = pinned_copy.read_wal_index

    def other_salts(shm):
        index = real(shm)
        return index and pinned_copy.WalIndex(
            index.header, index.max_frame, index.backfilled, index.page_size, b"\0" * 8
        )

    monkeypatch.setattr(pinned_copy, "read_wal_index", other_salts)
    copied = spy_on_copies(monkeypatch)

    record = create_backup(demo_db)

    assert copied == [False] and record.verified
    assert new_id in [row[0] for row in data_of(record.path)["customer"]]
    assert data_of(record.path) == data_of(demo_db)


@pytest.mark.parametrize("checkpoint_every", [1, 0], ids=["checkpoint each commit", "never"])
def test_copies_beside_a_writer_are_consistent(
    demo_db, tmp_path, monkeypatch, checkpoint_every, three_contact_writer, count_writer_customers
):
    """Each commit adds a customer with exactly three contacts; checkpointing after every
    commit, checkpoints write into the file while copies are made; never, every copy takes
    pages from a growing log. Every copy is one committed state."""
    copied = spy_on_copies(monkeypatch)
    seen: list[int] = []
    with three_contact_writer(demo_db, autocheckpoint=checkpoint_every, pause=0.002) as writer:
        deadline = time.monotonic() + 60
        while (len(seen) < 12 or copied.count(True) < 4) and time.monotonic() < deadline:
            target = tmp_path / f"copy-{len(seen)}.sqlite3"
            source = snapshot.open_source(demo_db)
            try:
                snapshot._copy(source, target)
            finally:
                source.close()
            conn = sqlite3.connect(target)
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            seen.append(count_writer_customers(conn))
            conn.close()
            target.unlink()
    written = writer.written
    assert written and seen == sorted(seen) and seen[-1] > 0
    assert copied.count(True) >= 4, "no pinned copy happened: the test proves nothing"


def _shm_of(demo_db: Path) -> bytes:
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.execute_sql("SELECT count(*) FROM customer")
    return Path(f"{demo_db}-shm").read_bytes()[:136]


def test_the_wal_index_header_is_read_as_sqlite_reads_it(demo_db, tmp_path):
    good = _shm_of(demo_db)
    shm = tmp_path / "x-shm"
    shm.write_bytes(good)
    assert pinned_copy.log_in_file(shm)

    def broken(change) -> bool:
        data = bytearray(good)
        change(data)
        shm.write_bytes(bytes(data))
        return pinned_copy.log_in_file(shm)

    def frames(data: bytearray, value: int) -> None:  # mxFrame in both copies, no checksum
        for base in (0, 48):
            data[base + 16 : base + 20] = struct.pack("=I", value)

    def second_copy_differs(data: bytearray) -> None:
        data[48 + 16] ^= 1

    def nothing_backfilled(data: bytearray) -> None:
        data[96:100] = struct.pack("=I", 7)

    assert not broken(second_copy_differs)  # a writer is changing it
    assert not broken(lambda data: frames(data, 7))  # its checksum no longer holds
    assert not broken(nothing_backfilled)
    assert not broken(lambda data: data.__setitem__(slice(0, 4), b"\0\0\0\0"))  # version
    shm.write_bytes(good[:100])
    assert not pinned_copy.log_in_file(shm)  # short
    assert not pinned_copy.log_in_file(tmp_path / "missing-shm")


def test_without_copy_file_range_the_bytes_are_read_and_written(demo_db, monkeypatch, data_of):
    """Another file system, an old kernel, another system: the same copy, the slow way."""
    import errno
    import os

    def refused(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refused)
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    customers.create_customer({"name": "مرحبا 你好", "kind": "person"})
    copied = spy_on_copies(monkeypatch)

    record = create_backup(demo_db)

    assert copied == [True] and record.verified
    assert data_of(record.path) == data_of(demo_db)


def test_a_closed_database_is_copied_as_a_file_too(demo_db, monkeypatch, data_of):
    """The nightly `crm-desktop backup` with the window closed: no -shm until it opens."""
    from crm_desktop.models import close_database

    close_database()
    assert not Path(f"{demo_db}-shm").exists()
    copied = spy_on_copies(monkeypatch)

    record = create_backup(demo_db)

    assert copied == [True] and record.verified
    assert data_of(record.path) == data_of(demo_db)


def test_a_long_log_is_left_to_sqlite(demo_db, monkeypatch, data_of):
    """A log longer than the cap is not read into memory: the backup API copies."""
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    customers.create_customer({"name": "Длинный журнал", "kind": "person"})
    monkeypatch.setattr(pinned_copy, "MAX_LOG_BYTES", 1)
    copied = spy_on_copies(monkeypatch)

    record = create_backup(demo_db)

    assert copied == [False] and record.verified
    assert data_of(record.path) == data_of(demo_db)


def test_the_copy_reserves_its_blocks_before_any_byte_is_copied(demo_db, monkeypatch, data_of):
    """The whole snapshot's size, asked once, before the first part is copied; the commits
    still in the log are in the backup, and the file is exactly the snapshot's pages."""
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    customers.create_customer({"name": "Резерв 预留 =1+1 <b>&", "kind": "person"})
    events: list[tuple[str, int]] = []
    real_reserve, real_copy = pinned_copy.reserve, pinned_copy._copy_range

    def reserve(fd: int, size: int) -> bool:
        events.append(("reserve", size))
        return real_reserve(fd, size)

    def copy_range(source, target, size, told):
        events.append(("copy", size))
        return real_copy(source, target, size, told)

    monkeypatch.setattr(pinned_copy, "reserve", reserve)
    monkeypatch.setattr(pinned_copy, "_copy_range", copy_range)
    copied = spy_on_copies(monkeypatch)

    record = create_backup(demo_db)

    conn = sqlite3.connect(record.path)
    expected = (
        conn.execute("PRAGMA page_count").fetchone()[0]
        * conn.execute("PRAGMA page_size").fetchone()[0]
    )
    conn.close()
    assert copied == [True] and record.verified, record.problem
    assert [kind for kind, _size in events] == ["reserve", "copy"]
    assert events[0][1] == expected == record.path.stat().st_size
    assert data_of(record.path) == data_of(demo_db)


def test_reserve_allocates_the_blocks_where_the_file_system_can(tmp_path):
    """On this machine's file system the blocks are there at once (not a sparse file);
    where it cannot, nothing is reserved and nothing is said."""

    size = 3 * 1024 * 1024 + 4096
    path = tmp_path / "reserved"
    with open(path, "wb") as handle:
        reserved = pinned_copy.reserve(handle.fileno(), size)
    if not reserved:
        pytest.skip("this file system cannot reserve blocks ahead")
    assert path.stat().st_size == 0  # the copy's writes make it grow
    assert path.stat().st_blocks * 512 >= size


def _failing_fallocate(code: int):
    import ctypes

    def fallocate(fd: int, mode: int, offset: int, length: int) -> int:
        ctypes.set_errno(code)
        return -1

    return fallocate


def test_a_file_system_that_cannot_reserve_gets_the_same_copy(demo_db, monkeypatch, data_of):
    """FAT, some network file systems: the copy allocates as it writes, as before."""
    import errno

    monkeypatch.setattr(pinned_copy, "_FALLOCATE", _failing_fallocate(errno.EOPNOTSUPP))
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    customers.create_customer({"name": "Без резерва ✓", "kind": "person"})
    copied = spy_on_copies(monkeypatch)

    record = create_backup(demo_db)

    assert copied == [True] and record.verified, record.problem
    assert data_of(record.path) == data_of(demo_db)


def test_a_full_disk_is_said_before_any_byte_is_copied(demo_db, tmp_path, monkeypatch):
    import errno

    from crm_desktop.services.backups import BackupError

    monkeypatch.setattr(pinned_copy, "_FALLOCATE", _failing_fallocate(errno.ENOSPC))
    started: list[int] = []
    real_copy = pinned_copy._copy_range

    def copy_range(source, target, size, told):
        started.append(size)
        return real_copy(source, target, size, told)

    monkeypatch.setattr(pinned_copy, "_copy_range", copy_range)
    folder = tmp_path / "full"
    folder.mkdir()

    with pytest.raises(BackupError, match="full"):
        create_backup(demo_db, folder=folder)

    assert started == []
    assert [p.name for p in folder.iterdir() if not p.name.startswith(".crm-write")] == []
