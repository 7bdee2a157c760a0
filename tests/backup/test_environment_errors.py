"""The environment's errors say what happened and what to do — never "internal error".

Each SQLite code is provoked for real, on the app's own connection, and
meets a service write at the transaction boundary: busy (another program
holds the write lock), full (the file may not grow), I/O error (SQLite
cannot read its journal), read-only. Then the same through the command line,
a full disk during an import, a backup of a database on read-only media,
and a lone surrogate in a field.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.errors import (
    DiskFullError,
    DiskIOError,
    FileBusyError,
    InvalidTextError,
    ReadOnlyError,
    ValidationError,
    environment_error,
)
from crm_desktop.models import close_database, database
from crm_desktop.services import customers, importing, open_session
from crm_desktop.services.backups import create_backup
from crm_desktop.services.figures import record_counts


def count() -> int:
    return record_counts()["customer"]


def write_one() -> int:
    return customers.create_customer({"name": "Written now", "kind": "person"})


@pytest.fixture
def held_lock(demo_db: Path):
    """Another program with the database's write lock (a DB browser in the middle of an edit)."""
    database.execute_sql("PRAGMA busy_timeout = 100")  # the app waits 10 s; the test does not
    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.close()


def test_busy_another_program_holds_the_write_lock(demo_db, held_lock):
    before = count()
    with pytest.raises(FileBusyError) as caught:
        write_one()
    assert "Another program is using" in str(caught.value)
    assert str(demo_db) in str(caught.value) and "Close that program" in str(caught.value)
    assert caught.value.retry
    held_lock.execute("ROLLBACK")
    write_one()  # once it lets go, the same write works
    assert count() == before + 1


def test_full_the_file_cannot_grow(demo_db):
    before = count()
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFullError, match=r"The disk is full .*free some space and try again"):
        customers.create_customer({"name": "Full", "kind": "person", "notes": "x" * 200_000})
    database.execute_sql("PRAGMA max_page_count = 4294967294")
    assert count() == before


def test_full_disk_during_an_import_is_said_not_cannot_rollback(demo_db, tmp_path):
    source = tmp_path / "people.csv"
    rows = "".join(f"Person {n},p{n}@example.com,{'note ' * 100}\n" for n in range(3000))
    source.write_text("Name,Email,Notes\n" + rows, encoding="utf-8")
    before = count()
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(DiskFullError) as caught:
        importing.run_import(source, "customer")
    assert "cannot rollback" not in str(caught.value)
    database.execute_sql("PRAGMA max_page_count = 4294967294")
    assert count() == before  # all or nothing


def test_io_error_the_journal_cannot_be_read(demo_db):
    before = count()
    database.execute_sql("PRAGMA journal_mode = DELETE")
    journal = Path(f"{demo_db}-journal")
    journal.mkdir()  # where SQLite must write its journal: a read fails (EISDIR)
    try:
        with pytest.raises(DiskIOError, match="could not read or write"):
            write_one()
    finally:
        journal.rmdir()
    assert count() == before


def test_read_only_a_write_to_a_read_only_database(demo_db):
    before = count()
    database.execute_sql("PRAGMA query_only = ON")
    try:
        with pytest.raises(ReadOnlyError, match="cannot be written"):
            write_one()
    finally:
        database.execute_sql("PRAGMA query_only = OFF")
    assert count() == before


def test_the_os_errors_map_the_same_way():
    full = environment_error(OSError(errno.ENOSPC, "No space left on device"), where="/x/crm.db")
    assert isinstance(full, DiskFullError) and "(/x)" in str(full)
    assert isinstance(environment_error(OSError(errno.EROFS, "Read-only")), ReadOnlyError)
    assert environment_error(ValueError("not ours")) is None


def test_the_command_line_says_locked_not_internal_error(demo_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("crm_desktop.models.connection.BUSY_TIMEOUT_SECONDS", 0.2)
    source = tmp_path / "people.csv"
    source.write_text("Name\nAnna\n", encoding="utf-8")
    close_database()
    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        status = cli.main(["--db", str(demo_db), "import", "customers", str(source)])
    finally:
        other.close()
    err = capsys.readouterr().err
    assert status == 1
    assert "Another program is using" in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_lone_surrogate_is_a_validation_message(db):
    with pytest.raises(ValidationError) as caught:
        customers.create_customer({"name": "Ann\ud800a", "kind": "person"})
    assert "cannot be stored" in caught.value.errors["name"]
    assert count() == 0


def test_a_lone_surrogate_anywhere_else_is_a_plain_message(db):
    from crm_desktop.services.changes import transaction

    with pytest.raises(InvalidTextError, match="cannot be stored"), transaction():
        database.execute_sql("INSERT INTO tag (name) VALUES (?)", ("VIP\udc80",))


def _read_only_mount(folder: Path) -> bool:
    """Make ``folder`` read-only media: a read-only tmpfs as root, permissions otherwise."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return True
    if shutil.which("mount") is None:
        return False
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True
    )
    return mounted.returncode == 0


def test_backup_of_a_database_on_read_only_media(demo_db, tmp_path):
    media = tmp_path / "cdrom"
    media.mkdir()
    if not _read_only_mount(media):
        pytest.skip("cannot make read-only media here")
    try:
        if os.geteuid() == 0:  # fill the tmpfs, then make it read-only
            shutil.copyfile(create_backup(demo_db).path, media / "crm.sqlite3")
            conn = sqlite3.connect(media / "crm.sqlite3")
            conn.execute("PRAGMA journal_mode = WAL")  # as the app leaves it
            conn.close()
            subprocess.run(["mount", "-o", "remount,ro", str(media)], check=True)
        close_database()
        on_media = media / "crm.sqlite3"
        if os.geteuid() != 0:
            media.chmod(0o755)
            shutil.copyfile(demo_db, on_media)
            media.chmod(0o555)
        with pytest.raises(OSError):
            (media / "probe").write_bytes(b"x")  # it really is read-only
        folder = tmp_path / "backups-folder"
        folder.mkdir()
        record = create_backup(on_media, folder=folder)
        assert record.verified and record.counts["customer"] == 150
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(media)], capture_output=True)
        else:
            media.chmod(0o755)
    open_session(demo_db)
