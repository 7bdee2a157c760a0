"""Restoring: the round trip, the safety copy, and every wrong file refused with the data unchanged."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm_desktop.errors import CrmError, NewerSchemaError
from crm_desktop.models import SCHEMA_VERSION, close_database, database_path
from crm_desktop.services import customers, open_session, trash
from crm_desktop.services.backups import (
    BackupFileError,
    RestoreError,
    create_backup,
    list_backups,
    prepare_restore,
    restore_backup,
)
from crm_desktop.services.backups import restore as restore_module
from crm_desktop.services.backups.restore_checks import BROKEN_REFERENCES
from crm_desktop.services.figures import record_counts
from crm_desktop.services.instance_lock import acquire_instance_lock


def test_round_trip_restores_the_data_and_keeps_the_changed_data_safe(demo_db, data_of):
    backup = create_backup(demo_db)
    at_backup = data_of(demo_db)
    new_id = customers.create_customer({"name": "Added after the backup", "kind": "company"})
    customers.update_customer(1, {"name": "Renamed after the backup"})
    trash.move_to_trash("customer", [2])
    changed = data_of(demo_db)
    assert changed != at_backup

    result = restore_backup(backup.path, demo_db)

    assert data_of(demo_db) == at_backup
    assert result.safety is not None and result.safety.kind == "safety"
    assert data_of(result.safety.path) == changed
    assert new_id in [row[0] for row in data_of(result.safety.path)["customer"]]
    # The safety copy is listed like any backup, verified.
    listed = {record.path: record for record in list_backups()}
    assert listed[result.safety.path].state == "verified"
    assert listed[backup.path].state == "verified"
    # The database is open again and the services see the restored data.
    assert database_path() == demo_db
    assert record_counts()["customer"] == 150
    assert customers.get_customer(1)["name"] != "Renamed after the backup"
    # No stale journal met the restored file, and no temporary file is left.
    leftovers = [p.name for p in demo_db.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_restoring_the_safety_copy_undoes_the_restore(demo_db, data_of):
    backup = create_backup(demo_db)
    customers.create_customer({"name": "Keep me", "kind": "person"})
    before_restore = data_of(demo_db)
    first = restore_backup(backup.path, demo_db)
    restore_backup(first.safety.path, demo_db)
    assert data_of(demo_db) == before_restore


def test_prepare_shows_backup_and_current_counts_and_changes_nothing(demo_db, data_of):
    backup = create_backup(demo_db)
    customers.create_customer({"name": "One more", "kind": "person"})
    before = data_of(demo_db)
    prepared = prepare_restore(backup.path, demo_db)
    try:
        assert prepared.counts["customer"] == 150
        assert prepared.current_counts["customer"] == 151
        assert prepared.made_at == backup.created_at
        assert prepared.work.exists() and prepared.work.parent == demo_db.parent
    finally:
        prepared.discard()
    assert not prepared.work.exists()
    assert data_of(demo_db) == before


def _bad_files(tmp_path: Path, good_backup: Path) -> dict[str, tuple[Path, str]]:
    """Each wrong file with the words its message must contain."""
    zero = tmp_path / "zero.sqlite3"
    zero.write_bytes(b"")
    text = tmp_path / "letter.db"
    text.write_text("Dear customer,\nthis is not a database.\n", encoding="utf-8")
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good_backup.read_bytes()[: good_backup.stat().st_size // 2])
    tiny = tmp_path / "header-only.sqlite3"
    tiny.write_bytes(good_backup.read_bytes()[:60])
    foreign = tmp_path / "photos.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO album (title) VALUES ('Holidays')")
    conn.commit()
    conn.close()
    empty_sqlite = tmp_path / "empty-sqlite.db"
    conn = sqlite3.connect(empty_sqlite)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    newer = tmp_path / "from-the-future.sqlite3"
    newer.write_bytes(good_backup.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    return {
        "zero": (zero, "empty (0 bytes)"),
        "text": (text, "not an SQLite database file"),
        "truncated": (truncated, "incomplete"),
        "header only": (tiny, "incomplete"),
        "foreign": (foreign, "belongs to another program"),
        "empty sqlite": (empty_sqlite, "empty SQLite database"),
        "newer": (newer, "newer version of CRM Desktop"),
        "missing": (tmp_path / "no-such-file.sqlite3", "does not exist"),
        "folder": (tmp_path, "is a folder"),
    }


def test_every_wrong_file_is_refused_with_its_own_message(demo_db, tmp_path, data_of):
    good = create_backup(demo_db, output=tmp_path / "good.sqlite3").path
    bad = tmp_path / "bad"
    bad.mkdir()
    before = data_of(demo_db)
    files_before = sorted(os.listdir(demo_db.parent))
    messages = set()
    for label, (path, words) in _bad_files(bad, good).items():
        with pytest.raises(CrmError) as caught:
            restore_backup(path, demo_db)
        message = str(caught.value)
        assert words in message, (label, message)
        assert str(path) in message, (label, message)
        messages.add(message.replace(str(path), "FILE"))
        assert data_of(demo_db) == before, label
        assert sorted(os.listdir(demo_db.parent)) == files_before, label
    assert len(messages) == 9  # each refusal says something of its own
    assert list_backups() == []  # nothing was replaced, so no safety copy was needed


def test_a_newer_file_raises_the_newer_schema_error(demo_db, tmp_path):
    newer = _bad_files(tmp_path, create_backup(demo_db).path)["newer"][0]
    with pytest.raises(NewerSchemaError):
        prepare_restore(newer, demo_db)


def test_an_unreadable_file_is_refused(demo_db, tmp_path, data_of, monkeypatch):
    locked = tmp_path / "locked.sqlite3"
    locked.write_bytes(create_backup(demo_db).path.read_bytes())
    before = data_of(demo_db)
    if os.geteuid() == 0:  # root reads anything: make opening it fail as it would for a user
        real_open = Path.open

        def refuse(self, *args, **kwargs):
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    else:
        locked.chmod(0)
    with pytest.raises(BackupFileError, match=r"Cannot read .*permission denied"):
        restore_backup(locked, demo_db)
    assert data_of(demo_db) == before


def test_a_damaged_backup_is_refused(demo_db, tmp_path, data_of):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(create_backup(demo_db).path.read_bytes())
    # The middle of a page that holds customers (a fixed offset may land in the unused
    # space of an empty index's page, which no check can see).
    conn = sqlite3.connect(damaged)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = 'customer'")]
    conn.close()
    with damaged.open("r+b") as handle:
        handle.seek((pages[len(pages) // 2] - 1) * page_size + page_size // 2)
        handle.write(b"\x00\xff" * 4096)
    before = data_of(demo_db)
    with pytest.raises(BackupFileError, match="damaged"):
        restore_backup(damaged, demo_db)
    assert data_of(demo_db) == before


def test_a_backup_with_broken_references_is_restored_as_it_is_and_says_so(
    demo_db, tmp_path, data_of
):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(create_backup(demo_db).path.read_bytes())
    conn = sqlite3.connect(broken)  # another tool, foreign keys off
    conn.execute("DELETE FROM customer WHERE id = 1")
    conn.commit()
    orphans = sorted(conn.execute("PRAGMA foreign_key_check").fetchall())
    conn.close()
    assert orphans  # the customer's rows point at nothing now
    expected = data_of(broken)

    prepared = restore_module.prepare_restore(broken, demo_db)
    try:
        [warning] = [w for w in prepared.warnings if w.kind == BROKEN_REFERENCES]
        assert not warning.needs_consent
        assert "broken.sqlite3" in warning.message and "points at a missing customer" in (
            warning.message
        )
        prepared.apply()
    finally:
        prepared.discard()
    # Nothing lost, nothing invented: the file's rows, the orphans among them.
    assert data_of(demo_db) == expected
    conn = sqlite3.connect(demo_db)
    try:
        assert sorted(conn.execute("PRAGMA foreign_key_check").fetchall()) == orphans
    finally:
        conn.close()


def test_an_older_file_is_migrated_on_the_copy(demo_db, tmp_path, data_of, old_version_file):
    old = tmp_path / "old.sqlite3"
    old.write_bytes(create_backup(demo_db).path.read_bytes())
    old_version_file(old, 1)
    old_bytes = old.read_bytes()
    old_data = data_of(old)

    result = restore_backup(old, demo_db)

    assert result.migrated_from == 1
    assert old.read_bytes() == old_bytes  # the chosen file itself is never touched
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert data_of(demo_db) == old_data
    assert customers.get_customer(1)["name"]  # and the app uses it as usual


def test_the_chosen_file_is_never_opened_in_place(demo_db, tmp_path):
    """A WAL file with its -wal beside it: what the -wal holds is restored, the files stay as they were."""
    source = tmp_path / "copied-with-wal.sqlite3"
    conn = sqlite3.connect(demo_db, isolation_level=None)
    conn.execute(f"VACUUM INTO '{source}'")
    conn.close()
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO customer (kind, name) VALUES ('person', 'Only in the wal')")
    # Copy the pair while the writer still has them open (the -wal is not checkpointed).
    pair = tmp_path / "pair"
    pair.mkdir()
    (pair / "b.sqlite3").write_bytes(source.read_bytes())
    (pair / "b.sqlite3-wal").write_bytes(Path(f"{source}-wal").read_bytes())
    writer.close()
    chosen = pair / "b.sqlite3"
    snapshot = {p.name: p.read_bytes() for p in pair.iterdir()}

    restore_backup(chosen, demo_db)

    assert {p.name: p.read_bytes() for p in pair.iterdir()} == snapshot
    assert customers.customer_choices("Only in the wal")


def test_restore_is_refused_while_another_window_has_the_database(demo_db, data_of):
    backup = create_backup(demo_db)
    customers.create_customer({"name": "Unsaved elsewhere?", "kind": "person"})
    before = data_of(demo_db)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from crm_desktop.services.instance_lock import acquire_instance_lock
                lock = acquire_instance_lock({str(demo_db)!r})
                print("locked", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(RestoreError, match="open in a CRM Desktop window"):
            restore_backup(backup.path, demo_db)
    finally:
        holder.kill()
        holder.wait()
    assert data_of(demo_db) == before
    assert [r.kind for r in list_backups()] == ["manual"]  # no safety copy: nothing happened


def test_restore_is_refused_while_another_program_has_the_file_open(demo_db, data_of):
    backup = create_backup(demo_db)
    before = data_of(demo_db)
    other = sqlite3.connect(demo_db)  # e.g. a DB browser left open
    other.execute("SELECT count(*) FROM customer").fetchone()
    try:
        with pytest.raises(RestoreError, match="in use by another program"):
            restore_backup(backup.path, demo_db)
    finally:
        other.close()
    assert data_of(demo_db) == before


def test_a_failure_while_swapping_leaves_the_database_as_it_was(demo_db, data_of, monkeypatch):
    backup = create_backup(demo_db)
    customers.create_customer({"name": "Changed since", "kind": "person"})
    before = data_of(demo_db)
    real_replace = os.replace

    def failing_replace(source, target):
        if Path(target) == demo_db:
            raise OSError(28, "No space left on device", str(target))
        return real_replace(source, target)

    monkeypatch.setattr(restore_module.os, "replace", failing_replace)
    with pytest.raises(RestoreError, match="full") as caught:
        restore_backup(backup.path, demo_db)
    assert "not changed" in str(caught.value)
    monkeypatch.undo()
    assert data_of(demo_db) == before
    open_session(demo_db)  # the app opens it as usual afterwards
    assert record_counts()["customer"] == 151
    leftovers = [p.name for p in demo_db.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.expects_warning_log
def test_a_restored_file_that_will_not_open_is_put_back(demo_db, data_of, monkeypatch):
    backup = create_backup(demo_db)
    customers.create_customer({"name": "Still here", "kind": "person"})
    before = data_of(demo_db)

    def cannot_open(target):
        raise sqlite3.DatabaseError("disk I/O error")

    monkeypatch.setattr(restore_module, "_open_check", cannot_open)
    with pytest.raises(RestoreError, match="put back"):
        restore_backup(backup.path, demo_db)
    assert data_of(demo_db) == before


def test_no_safety_copy_no_restore(demo_db, data_of, monkeypatch):
    backup = create_backup(demo_db)
    before = data_of(demo_db)

    def full(*args, **kwargs):
        raise CrmError("The backup was not made: the disk holding X is full.")

    monkeypatch.setattr("crm_desktop.services.backups.snapshot.create_backup", full)
    with pytest.raises(RestoreError, match="No safety copy"):
        restore_backup(backup.path, demo_db)
    assert data_of(demo_db) == before


def test_restore_onto_a_new_laptop_without_a_database(demo_db, tmp_path, data_of):
    backup = create_backup(demo_db, output=tmp_path / "from-usb.sqlite3")
    close_database()
    fresh = tmp_path / "new-laptop" / "crm.sqlite3"
    fresh.parent.mkdir()
    result = restore_backup(backup.path, fresh)
    assert result.safety is None
    assert data_of(fresh) == data_of(backup.path)


def test_restore_will_not_replace_another_programs_file(demo_db, tmp_path):
    backup = create_backup(demo_db)
    close_database()
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(RestoreError, match="not a CRM Desktop database"):
        restore_backup(backup.path, other, reopen=False)
    assert other.read_bytes() == before


@pytest.mark.expects_warning_log
def test_restoring_over_a_damaged_database_keeps_it_byte_for_byte(demo_db, tmp_path, data_of):
    backup = create_backup(demo_db)
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(f"{demo_db}{suffix}").unlink(missing_ok=True)
    with demo_db.open("r+b") as handle:  # the header itself is garbage now
        handle.write(b"SQLite format 3\x00" + os.urandom(84))
    damaged_bytes = demo_db.read_bytes()

    result = restore_backup(backup.path, demo_db)

    assert data_of(demo_db) == data_of(backup.path)
    assert result.safety is not None and result.safety.state == "damaged"
    assert result.safety.path.read_bytes() == damaged_bytes


def test_restore_needs_no_lock_when_this_process_holds_it(demo_db, data_of):
    backup = create_backup(demo_db)
    lock = acquire_instance_lock(demo_db)  # the window's own lock
    try:
        customers.create_customer({"name": "Dropped by the restore", "kind": "person"})
        restore_backup(backup.path, demo_db)
        assert data_of(demo_db) == data_of(backup.path)
        assert lock.held
    finally:
        lock.release()


def test_a_full_disk_while_checking_the_chosen_file_changes_nothing(demo_db, data_of, monkeypatch):
    backup = create_backup(demo_db)
    before = data_of(demo_db)
    real_fdopen = os.fdopen

    class FullDisk:
        """A file that takes a few bytes, then finds the disk full."""

        def __init__(self, handle):
            self.handle = handle
            self.closed = False

        def write(self, data):
            self.handle.write(data[:100])
            raise OSError(28, "No space left on device")

        def close(self):
            self.closed = True
            self.handle.close()

    def full_disk(fd, *args, **kwargs):
        return FullDisk(real_fdopen(fd, *args, **kwargs))

    monkeypatch.setattr("crm_desktop.services.backups.restore_checks.os.fdopen", full_disk)
    with pytest.raises(RestoreError, match="full") as caught:
        restore_backup(backup.path, demo_db)
    monkeypatch.undo()
    assert "Nothing was changed" in str(caught.value)
    assert data_of(demo_db) == before
    assert not [p for p in demo_db.parent.iterdir() if ".restore-" in p.name]
