"""Restore refuses what it must: each bad file is built here, the way another tool would make it.

A trigger or a view that is not ours, a broken CHECK constraint, every field
of the header SQLite reads, a WAL file without its -wal, a backup modified
since it was made, text that is not UTF-8 — and a failure after the swap,
which puts the previous data back by itself.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
from pathlib import Path

import pytest

from crm_desktop.models import close_database
from crm_desktop.services import customers, open_session
from crm_desktop.services.backups import (
    BackupFileError,
    RestoreError,
    create_backup,
    prepare_restore,
    restore_backup,
)
from crm_desktop.services.backups import restore as restore_module
from crm_desktop.services.backups.restore_checks import (
    MISSING_WAL,
    MODIFIED,
    NO_CHECKSUM,
    REPAIRED_TEXT,
)
from crm_desktop.services.backups.verify import run_checks


@pytest.fixture
def backup(demo_db: Path, tmp_path: Path) -> Path:
    """A good backup, copied elsewhere without its checksum (a file from a mail attachment)."""
    made = create_backup(demo_db).path
    copy = tmp_path / "from-mail" / "crm-backup.sqlite3"
    copy.parent.mkdir()
    shutil.copyfile(made, copy)
    return copy


def tool(path: Path, *statements: str) -> None:
    """Another SQLite tool: foreign keys off, CHECK constraints as it pleases."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def refused(path: Path, db: Path, data_of, words: str) -> str:
    """Restore ``path``; it must be refused with ``words`` and the data must stay as it was."""
    before = data_of(db)
    with pytest.raises(BackupFileError) as caught:
        restore_backup(path, db)
    message = str(caught.value)
    assert words in message, message
    assert data_of(db) == before
    assert not [p for p in db.parent.iterdir() if ".restore-" in p.name or ".rollback-" in p.name]
    return message


def test_a_trigger_that_would_delete_every_customer_is_refused(demo_db, backup, data_of):
    tool(
        backup,
        "CREATE TRIGGER t AFTER INSERT ON audit_log BEGIN DELETE FROM customer; END",
    )
    message = refused(backup, demo_db, data_of, "its structure is not the one CRM Desktop makes")
    assert "an extra trigger “t” on audit_log" in message
    assert customers.get_customer(1)  # and the next save still finds everyone


def test_an_extra_view_or_index_is_refused_and_named(demo_db, backup, tmp_path, data_of):
    view = tmp_path / "view.sqlite3"
    shutil.copyfile(backup, view)
    tool(view, "CREATE VIEW everyone AS SELECT name, email FROM customer")
    assert "an extra view “everyone”" in refused(view, demo_db, data_of, "structure")
    index = tmp_path / "index.sqlite3"
    shutil.copyfile(backup, index)
    tool(index, "CREATE INDEX customer_notes ON customer (notes)")
    assert "an extra index “customer_notes” on customer" in refused(
        index, demo_db, data_of, "structure"
    )


def test_a_changed_table_is_refused(demo_db, backup, data_of):
    tool(backup, "ALTER TABLE customer ADD COLUMN secret TEXT")
    assert "a different table “customer”" in refused(backup, demo_db, data_of, "structure")


def test_an_older_file_with_a_trigger_is_refused_before_anything_runs(
    demo_db, backup, data_of, old_version_file
):
    old_version_file(backup, 1)
    tool(backup, "CREATE TRIGGER wipe AFTER INSERT ON customer BEGIN DELETE FROM contact; END")
    assert "an extra trigger “wipe”" in refused(backup, demo_db, data_of, "structure")


def test_a_broken_check_constraint_is_caught_on_a_writable_copy(demo_db, backup, data_of):
    tool(
        backup,
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE order_line SET quantity = -5 WHERE id = 1",
    )
    # SQLite 3.40's integrity_check skips CHECK constraints on a read-only connection:
    assert run_checks(backup, level="thorough").ok
    # … so the restore checks a private writable copy, where they are evaluated.
    assert not run_checks(backup, level="thorough", immutable=False, writable=True).ok
    refused(backup, demo_db, data_of, "CHECK constraint failed in order_line")


def flip(path: Path, offset: int, value: bytes) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(value)


# Each header field SQLite reads, set to something our files never have.
HEADER_DAMAGE = {
    "write version (byte 18)": (18, b"\x03"),
    "read version (byte 19)": (19, b"\x03"),
    "reserved bytes per page": (20, b"\x08"),
    "max payload fraction": (21, b"\x41"),
    "min payload fraction": (22, b"\x21"),
    "leaf payload fraction": (23, b"\x1f"),
    "first free page beyond the end": (32, struct.pack(">I", 999_999)),
    "free page count beyond the end": (36, struct.pack(">I", 999_999)),
    "schema format": (44, struct.pack(">I", 9)),
    "default cache size": (48, struct.pack(">i", -2_000_000)),
    "largest root page": (52, struct.pack(">I", 999_999)),
    "text encoding UTF-16le": (56, struct.pack(">I", 2)),
    "incremental vacuum without auto-vacuum": (64, struct.pack(">I", 1)),
    "reserved area": (80, b"\x01"),
    "page size": (16, b"\x03\x00"),
}


@pytest.mark.parametrize("field", sorted(HEADER_DAMAGE))
def test_every_header_field_is_checked_before_the_swap(demo_db, backup, data_of, field):
    offset, value = HEADER_DAMAGE[field]
    flip(backup, offset, value)
    refused(backup, demo_db, data_of, "header is not valid")
    close_database()
    open_session(demo_db)  # the app goes on as before
    assert customers.get_customer(1)


def test_header_byte_18_is_refused_with_the_data_usable_afterwards(demo_db, backup, data_of):
    """The case found: the swap used to happen, then nothing could write to the file."""
    flip(backup, 18, b"\x03")
    before = data_of(demo_db)
    with pytest.raises(BackupFileError, match=r"file format 3/"):
        prepare_restore(backup, demo_db)
    new_id = customers.create_customer({"name": "Written after the refusal", "kind": "person"})
    assert customers.get_customer(new_id)["name"] == "Written after the refusal"
    assert {k: v for k, v in data_of(demo_db).items() if k not in ("customer", "audit_log")} == {
        k: v for k, v in before.items() if k not in ("customer", "audit_log")
    }


@pytest.mark.expects_warning_log
def test_a_failure_after_the_swap_puts_the_previous_data_back_by_itself(
    demo_db, backup, data_of, monkeypatch
):
    """No hard links here (FAT): the way back is the safety copy, taken back automatically."""
    customers.create_customer({"name": "Only in the current data", "kind": "person"})
    before = data_of(demo_db)

    def no_links(*args):
        raise OSError(1, "Operation not permitted")

    def fails_after_swap(target):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(restore_module.os, "link", no_links)
    monkeypatch.setattr(restore_module, "_open_check", fails_after_swap)
    with pytest.raises(RestoreError, match="put back from the safety copy") as caught:
        restore_backup(backup, demo_db)
    monkeypatch.undo()
    assert "Nothing was lost" in str(caught.value)
    assert data_of(demo_db) == before
    open_session(demo_db)
    assert customers.customer_choices("Only in the current data")


def test_a_wal_file_without_its_wal_warns_and_one_with_it_does_not(demo_db, tmp_path):
    source = tmp_path / "live.sqlite3"
    conn = sqlite3.connect(demo_db)
    conn.execute(f"VACUUM INTO '{source}'")
    conn.close()
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO customer (kind, name) VALUES ('person', 'Only in the wal')")
    alone = tmp_path / "alone" / "crm.sqlite3"
    alone.parent.mkdir()
    shutil.copyfile(source, alone)  # copied while in use, its -wal left behind
    pair = tmp_path / "pair" / "crm.sqlite3"
    pair.parent.mkdir()
    shutil.copyfile(source, pair)
    shutil.copyfile(f"{source}-wal", f"{pair}-wal")
    writer.close()

    prepared = prepare_restore(alone, demo_db)
    try:
        kinds = {w.kind for w in prepared.warnings}
        assert MISSING_WAL in kinds and NO_CHECKSUM in kinds
        [missing] = [w for w in prepared.warnings if w.kind == MISSING_WAL]
        assert missing.needs_consent and "crm.sqlite3-wal" in missing.message
    finally:
        prepared.discard()
    prepared = prepare_restore(pair, demo_db)
    try:
        assert MISSING_WAL not in {w.kind for w in prepared.warnings}
    finally:
        prepared.discard()


def test_a_backup_modified_since_it_was_made_is_told_apart(demo_db, data_of):
    record = create_backup(demo_db)
    prepared = prepare_restore(record.path, demo_db)
    try:
        assert prepared.warnings == []  # its checksum matches: nothing to warn about
    finally:
        prepared.discard()
    tool(record.path, "UPDATE customer SET name = 'Someone else' WHERE id = 1")
    prepared = prepare_restore(record.path, demo_db)
    try:
        [warning] = prepared.warnings
        assert warning.kind == MODIFIED and warning.needs_consent
        assert "modified since it was made" in warning.message
        assert prepared.needing_consent() == [warning]
    finally:
        prepared.discard()


def test_an_output_backup_is_checked_against_its_sha256_file(demo_db, tmp_path):
    target = tmp_path / "nightly.sqlite3"
    create_backup(demo_db, output=target)
    tool(target, "UPDATE customer SET city = 'Elsewhere' WHERE id = 2")
    prepared = prepare_restore(target, demo_db)
    try:
        assert [w.kind for w in prepared.warnings] == [MODIFIED]
    finally:
        prepared.discard()


def test_text_that_is_not_utf8_is_repaired_and_said(demo_db, backup, data_of):
    tool(
        backup,
        "UPDATE customer SET name = CAST(x'416e6e61ff' AS TEXT) WHERE id = 3",
        "UPDATE contact SET notes = CAST(x'c328' AS TEXT) WHERE id = 1",
    )
    prepared = prepare_restore(backup, demo_db)
    try:
        [warning] = [w for w in prepared.warnings if w.kind == REPAIRED_TEXT]
        assert "customer 3 (name)" in warning.message and "contact 1 (notes)" in warning.message
        assert not warning.needs_consent
        result = prepared.apply()
    finally:
        prepared.discard()
    close_database()
    conn = sqlite3.connect(result.target)
    conn.text_factory = bytes
    name = conn.execute("SELECT name FROM customer WHERE id = 3").fetchone()[0]
    conn.close()
    assert name.decode("utf-8") == "Anna\ufffd"  # valid UTF-8 now: no raw byte left


def test_a_refused_file_never_leaves_its_copy_behind(demo_db, backup, data_of):
    tool(backup, "CREATE VIEW v AS SELECT 1")
    refused(backup, demo_db, data_of, "structure")
    assert sorted(p.name for p in demo_db.parent.iterdir() if p.name.startswith(".")) == []
    assert os.listdir(backup.parent) == ["crm-backup.sqlite3"]  # the chosen file untouched


def test_verify_marks_a_backup_modified_since_it_was_made(demo_db):
    from crm_desktop.services.backups import verify_backup

    record = create_backup(demo_db)
    assert verify_backup(record.path).state == "verified"
    tool(record.path, "UPDATE customer SET city = 'Elsewhere' WHERE id = 2")
    checked = verify_backup(record.path)
    assert checked.state == "damaged"
    assert "modified since it was made" in checked.problem


# The version-11 index, or one of the groups' indexes of version 15.
@pytest.mark.parametrize("index", ["customer_search_fts", "customer_search_place_fts"])
def test_a_backup_whose_search_index_is_damaged_is_restored_with_the_index_rebuilt(
    db, tmp_path, index
):
    """The index is derived: its pages are sound b-trees even when its segments are not, so
    the restore rebuilds it from the customers, says so, and the first search works."""
    import sqlite3 as sqlite

    from crm_desktop.services import customers, demo, search
    from crm_desktop.services.backups import create_backup, prepare_restore
    from crm_desktop.services.backups.restore_checks import REBUILT_INDEX

    demo.generate(customers=30, seed=5)
    customers.create_customer({"name": "Ёлкина Дарья", "kind": "person"})
    good = create_backup(db, output=tmp_path / "good.sqlite3").path
    conn = sqlite.connect(good)
    conn.execute(f"UPDATE {index}_data SET block = zeroblob(length(block)) WHERE id > 10")
    conn.commit()
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    prepared = prepare_restore(good, db)
    try:
        assert REBUILT_INDEX in {warning.kind for warning in prepared.warnings}
        check = sqlite.connect(prepared.work)
        check.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")
        check.close()
        prepared.apply()
    finally:
        prepared.discard()
    from crm_desktop.services import open_session

    open_session(db)
    assert search.search_customers("ёлкина")


def test_the_last_checks_of_a_restore_share_one_connection_to_the_copy(db, tmp_path, monkeypatch):
    """Schema, text and the search index's own check run on the one read-write connection the
    restore opens on its copy, even when the index is rebuilt (no extra connection for FTS5)."""
    import sqlite3 as sqlite

    from crm_desktop.services import demo
    from crm_desktop.services.backups import restore_checks
    from crm_desktop.services.backups.restore_checks import REBUILT_INDEX

    demo.generate(customers=20, seed=3)
    good = create_backup(db, output=tmp_path / "good.sqlite3").path
    conn = sqlite.connect(good)
    conn.execute(
        "UPDATE customer_search_fts_data SET block = zeroblob(length(block)) WHERE id > 10"
    )
    conn.commit()
    conn.close()
    opened: list[bool] = []
    real = restore_checks.connect

    def spy(path, **kwargs):
        opened.append(kwargs["readonly"])
        return real(path, **kwargs)

    monkeypatch.setattr(restore_checks, "connect", spy)
    prepared = prepare_restore(good, db)
    try:
        assert REBUILT_INDEX in {warning.kind for warning in prepared.warnings}
        assert opened.count(False) == 1, opened  # read-only ones: identify, the text scan
        check = sqlite.connect(prepared.work)
        fts = "INSERT INTO customer_search_fts (customer_search_fts) VALUES ('integrity-check')"
        check.execute(fts)  # the rebuilt index passes FTS5's own check on the copy
        check.close()
    finally:
        prepared.discard()
