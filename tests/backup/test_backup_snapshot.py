"""Making backups: a consistent, verified, ordinary SQLite file, or a clear message and no leftovers."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from crm_desktop.errors import CrmError, DatabaseFileError
from crm_desktop.models import APPLICATION_ID, SCHEMA_VERSION, close_database, database
from crm_desktop.services import customers
from crm_desktop.services.backups import (
    BackupError,
    choose_backup_folder,
    create_backup,
    followers,
    list_backups,
    snapshot,
    verify_backup,
)

NAME = re.compile(r"^crm-\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d(-\d+)?\.sqlite3$")


def files_in(folder: Path) -> list[str]:
    """The folder's files, but for the hidden page manifest of the last verified backup."""
    names = os.listdir(folder) if folder.exists() else []
    return sorted(name for name in names if ".pages-" not in name)


def test_a_backup_is_a_verified_ordinary_sqlite_file(demo_db, backups_dir, data_of):
    record = create_backup(demo_db)

    assert record.path.parent == backups_dir
    assert NAME.match(record.path.name), record.path.name
    assert record.verified is True and record.schema_version == SCHEMA_VERSION
    assert record.counts["customer"] == 150
    assert files_in(backups_dir) == [record.path.name, record.path.name + ".json"]
    # Beside them, hidden and private: the pages of this verified backup, for the next check.
    [manifest] = [p for p in backups_dir.iterdir() if ".pages-" in p.name]
    assert manifest.name.startswith(".") and manifest.stat().st_mode & 0o777 == 0o600
    # Any SQLite tool opens it alone: no -wal needed, journal mode DELETE, our id, healthy.
    conn = sqlite3.connect(record.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    assert data_of(record.path) == data_of(demo_db)
    # Its record lives beside it, outside the database.
    saved = json.loads((backups_dir / (record.path.name + ".json")).read_text())
    assert saved["counts"]["customer"] == 150 and saved["verification"]["ok"] is True
    assert saved["size"] == record.path.stat().st_size and saved["kind"] == "manual"
    [listed] = list_backups()
    assert listed.path == record.path and listed.state == "verified"


def test_the_backup_holds_what_is_still_in_the_wal_file(demo_db, tmp_path, data_of):
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")  # keep new pages in -wal
    new_id = customers.create_customer({"name": "Только что добавлен 刚刚", "kind": "person"})
    assert Path(f"{demo_db}-wal").stat().st_size > 0
    naive = tmp_path / "naive-copy.sqlite3"
    shutil.copyfile(demo_db, naive)  # what a plain file copy of the open database gives

    record = create_backup(demo_db)

    ids = [row[0] for row in data_of(record.path)["customer"]]
    assert new_id in ids
    try:  # the plain copy misses the newest commits (here even the tables themselves)
        naive_ids = [row[0] for row in data_of(naive)["customer"]]
    except sqlite3.DatabaseError:
        naive_ids = []
    assert new_id not in naive_ids


def test_output_file_is_written_exactly_there_and_replaced_atomically(demo_db, tmp_path):
    target = tmp_path / "nightly" / "crm-latest.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"the previous night's backup")

    record = create_backup(demo_db, output=target)

    assert record.path == target and record.verified
    # No record and no temporary file: only the checksum, as sha256sum writes it.
    assert files_in(target.parent) == ["crm-latest.sqlite3", "crm-latest.sqlite3.sha256"]
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    sidecar = target.with_name("crm-latest.sqlite3.sha256").read_text(encoding="utf-8")
    assert sidecar == f"{digest}  crm-latest.sqlite3\n" and record.sha256 == digest
    assert sqlite3.connect(target).execute("SELECT count(*) FROM customer").fetchone()[0] == 150


def test_output_folder_gets_a_dated_name(demo_db, tmp_path):
    folder = tmp_path / "usb stick «Résumé» 备份"
    folder.mkdir()
    record = create_backup(demo_db, output=folder)
    assert record.path.parent == folder and NAME.match(record.path.name)
    assert record.record_path.exists()


def test_output_onto_the_database_itself_is_refused(demo_db, data_of):
    before = data_of(demo_db)
    for target in (demo_db, Path(f"{demo_db}-wal")):
        with pytest.raises(BackupError, match="the database itself"):
            create_backup(demo_db, output=target)
    assert data_of(demo_db) == before


def test_missing_chosen_folder_says_so_and_leaves_nothing(demo_db, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    choose_backup_folder(usb)
    usb.rmdir()  # the stick was unplugged
    with pytest.raises(CrmError, match=r"does not exist.*plug it in"):
        create_backup(demo_db)
    assert not usb.exists()
    with pytest.raises(BackupError, match="does not exist"):
        create_backup(demo_db, output=tmp_path / "nowhere" / "x.sqlite3")


def test_read_only_folder_simulated(demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "readonly"
    folder.mkdir()

    def refuse(source, target, copied=None):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(snapshot, "_copy", refuse)
    with pytest.raises(BackupError, match="read-only") as caught:
        create_backup(demo_db, folder=folder)
    assert "Traceback" not in str(caught.value)
    assert files_in(folder) == []


def _mount_tmpfs(folder: Path, options: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True)


def test_read_only_folder_for_real(demo_db, tmp_path):
    folder = tmp_path / "ro"
    if os.geteuid() == 0:
        if not _mount_tmpfs(folder, "ro,size=1m"):
            pytest.skip("cannot mount a read-only tmpfs here")
    else:
        folder.mkdir()
        folder.chmod(0o555)
    try:
        with pytest.raises(BackupError, match="read-only"):
            create_backup(demo_db, folder=folder)
        assert files_in(folder) == []
    finally:
        if os.geteuid() == 0:
            _unmount(folder)
        else:
            folder.chmod(0o755)


def test_full_disk_while_copying_leaves_no_partial_file(demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "full"
    folder.mkdir()
    real_copy = snapshot._copy

    def copy_then_fill_the_disk(source, target, copied=None):
        real_copy(source, target, copied)  # a partial file exists now…
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(snapshot, "_copy", copy_then_fill_the_disk)
    with pytest.raises(BackupError, match="full") as caught:
        create_backup(demo_db, folder=folder)
    assert "Free some space" in str(caught.value)
    assert files_in(folder) == []  # …and is gone


def test_full_disk_while_flushing_leaves_no_partial_file(demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "full"
    folder.mkdir()

    def no_space(path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(followers, "fsync_file", no_space)
    with pytest.raises(BackupError, match="full"):
        create_backup(demo_db, folder=folder)
    assert files_in(folder) == []


def test_full_disk_for_real(demo_db, tmp_path):
    folder = tmp_path / "tiny"
    if not _mount_tmpfs(folder, "size=128k"):
        pytest.skip("cannot mount a tiny tmpfs here (needs root)")
    try:
        with pytest.raises(BackupError, match="full"):
            create_backup(demo_db, folder=folder)
        assert files_in(folder) == []
    finally:
        _unmount(folder)


def test_backup_while_another_connection_writes_is_consistent(
    demo_db, three_contact_writer, count_writer_customers
):
    """Each write adds a customer with exactly three contacts: a consistent copy never has fewer."""
    seen = []
    with three_contact_writer(demo_db) as writer:
        while len(seen) < 6:
            record = create_backup(demo_db, rotate=False)
            assert record.verified, record.problem
            conn = sqlite3.connect(record.path)
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            seen.append(count_writer_customers(conn))
            conn.close()
    written = writer.written
    assert written and seen == sorted(seen) and seen[-1] > 0


def test_a_damaged_database_is_not_kept_as_a_good_backup(demo_db, tmp_path, backups_dir):
    close_database()
    damaged = tmp_path / "damaged.sqlite3"
    conn = sqlite3.connect(demo_db)
    conn.execute(f"VACUUM INTO '{damaged}'")
    conn.close()
    size = damaged.stat().st_size
    with damaged.open("r+b") as handle:  # scribble over pages in the middle of the file
        handle.seek(size // 2)
        handle.write(os.urandom(4096 * 3))
    with pytest.raises(CrmError) as caught:
        create_backup(damaged)
    assert "damaged" in str(caught.value) or "check" in str(caught.value)
    assert files_in(backups_dir) == []


def test_another_programs_database_is_not_backed_up(tmp_path):
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseFileError, match="not a CRM Desktop database"):
        create_backup(other)
    with pytest.raises(DatabaseFileError, match="does not exist"):
        create_backup(tmp_path / "missing.sqlite3")


def test_two_backups_in_the_same_second_get_different_names(demo_db):
    first = create_backup(demo_db)
    second = create_backup(demo_db)
    assert first.path != second.path and first.path.exists() and second.path.exists()


def test_verify_again_finds_later_damage_and_records_it(demo_db):
    record = create_backup(demo_db)
    with record.path.open("r+b") as handle:
        page_size = int.from_bytes(handle.read(18)[16:18], "big")  # the file header says
        handle.seek(record.size - page_size * 2)
        handle.write(b"\xff" * page_size)
    again = verify_backup(record.path)
    assert again.verified is False and again.problem
    assert json.loads(record.record_path.read_text())["verification"]["ok"] is False
    [listed] = list_backups()
    assert listed.state == "damaged"
