"""The cheaper check of a backup: only the tables changed since the last verified backup.

What a user meets: the second backup of the day is checked on what changed; a
copy damaged anywhere — in a changed table or in one that did not change — is
still refused and nothing is kept; a week after the last full check, or with
the manifest gone or damaged, the whole copy is checked again.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop.services import customers
from crm_desktop.services.backups import BackupError, create_backup, snapshot, verify
from crm_desktop.services.backups import changed_pages as pages


def manifest_of(folder: Path) -> Path:
    [found] = [p for p in folder.iterdir() if ".pages-" in p.name]
    return found


def checked_tables(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str] | None]:
    """Record the ``tables`` each check of a copy is asked for (None: the whole file)."""
    seen: list[frozenset[str] | None] = []
    real = verify.run_checks

    def spy(*args, **kwargs):
        seen.append(kwargs.get("tables"))
        return real(*args, **kwargs)

    monkeypatch.setattr(snapshot, "run_checks", spy)
    return seen


def leaf_page_of(path: Path, table: str) -> tuple[int, int]:
    """(page number, page size) of a leaf page of ``table`` in the file at ``path``."""
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        number = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
            "ORDER BY pageno DESC LIMIT 1",
            (table,),
        ).fetchone()[0]
    finally:
        conn.close()
    return number, size


def damage_copies_in(monkeypatch: pytest.MonkeyPatch, table: str) -> None:
    """Each copy made from now on gets a leaf page of ``table`` broken (a cell out of range)."""
    real = snapshot._copy

    def copy_then_damage(source, target, copied=None):
        real(source, target, copied)
        number, size = leaf_page_of(target, table)
        with open(target, "r+b") as handle:
            handle.seek((number - 1) * size + 8)  # the first cell pointer of a leaf page
            handle.write(b"\xff\xf0")

    monkeypatch.setattr(snapshot, "_copy", copy_then_damage)


def rename_first_customer(name: str) -> None:
    from crm_desktop.models import Customer

    first = Customer.select().order_by(Customer.id).first()
    customers.update_customer(first.id, {"name": name})


def test_the_second_backup_checks_only_the_changed_tables(demo_db, backups_dir, monkeypatch):
    seen = checked_tables(monkeypatch)
    first = create_backup(demo_db)
    assert first.verify_scope == "full" and seen == [None]

    rename_first_customer("Ёлка 株式会社 🎄")
    second = create_backup(demo_db)

    assert second.verified is True
    changed = seen[-1]
    assert changed is not None and "customer" in changed
    assert "order_line" not in changed and "product" not in changed
    assert second.verify_scope.startswith("changed tables:") and "customer" in second.verify_scope
    conn = sqlite3.connect(second.path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT count(*) FROM customer WHERE name = 'Ёлка 株式会社 🎄'").fetchone()
    conn.close()

    third = create_backup(demo_db)  # nothing written since: nothing to check but the header
    assert seen[-1] == frozenset() and third.verified is True


@pytest.mark.parametrize("table", ["customer", "order_line"])
def test_a_damaged_copy_is_refused_by_the_cheaper_check(demo_db, backups_dir, monkeypatch, table):
    """A broken page in a changed table, or in one nothing was written to: both refused."""
    create_backup(demo_db)
    before = manifest_of(backups_dir).read_bytes()
    files = sorted(p.name for p in backups_dir.iterdir())
    rename_first_customer("Renamed")
    seen = checked_tables(monkeypatch)
    damage_copies_in(monkeypatch, table)

    with pytest.raises(BackupError, match="did not pass its check"):
        create_backup(demo_db)

    # The cheaper path was the one taken, and it read the damaged table.
    assert seen and seen[-1] is not None and table in seen[-1]
    assert sorted(p.name for p in backups_dir.iterdir()) == files  # nothing kept, nothing left
    assert manifest_of(backups_dir).read_bytes() == before


def test_a_damaged_page_outside_every_table_means_the_full_check(demo_db, backups_dir, monkeypatch):
    create_backup(demo_db)
    seen = checked_tables(monkeypatch)
    real = snapshot._copy

    def copy_with_a_stray_page(source, target, copied=None):
        real(source, target, copied)
        conn = sqlite3.connect(target)
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        count = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.close()
        with open(target, "r+b") as handle:  # one page more, in no b-tree: "never used"
            handle.seek(count * size)
            handle.write(b"\x0d" + bytes(size - 1))
            handle.seek(28)
            handle.write((count + 1).to_bytes(4, "big"))

    monkeypatch.setattr(snapshot, "_copy", copy_with_a_stray_page)
    with pytest.raises(BackupError, match="did not pass its check"):
        create_backup(demo_db)
    assert seen == [None]  # the whole file


def test_a_damaged_or_missing_manifest_means_the_full_check(demo_db, backups_dir, monkeypatch):
    create_backup(demo_db)
    manifest = manifest_of(backups_dir)
    data = bytearray(manifest.read_bytes())
    data[40] ^= 0xFF
    manifest.write_bytes(bytes(data))
    assert pages.read_manifest(manifest) is None
    seen = checked_tables(monkeypatch)

    assert create_backup(demo_db).verify_scope == "full" and seen == [None]
    manifest.unlink()
    assert create_backup(demo_db).verify_scope == "full" and seen == [None, None]
    assert create_backup(demo_db).verify_scope.startswith("changed tables")


def test_a_manifest_of_the_older_crc_format_means_one_full_check(demo_db, backups_dir, monkeypatch):
    """Version 1 kept a CRC-32 of each page; it is not compared with the new hashes: the next
    backup is checked whole and leaves a manifest of the new format, and the one after is cheap."""
    import hashlib
    import struct

    first = create_backup(demo_db)
    manifest = manifest_of(backups_dir)
    page_size = int.from_bytes(first.path.read_bytes()[16:18], "big")
    count = first.size // page_size
    now = int(datetime.now(UTC).timestamp())
    body = (
        b"CRMPAGES1\n"
        + struct.pack(">II32sq", page_size, count, bytes.fromhex(first.sha256), now)
        + bytes(4 * count)  # a CRC-32 of each page
    )
    manifest.write_bytes(body + hashlib.sha256(body).digest())
    assert pages.read_manifest(manifest) is None
    seen = checked_tables(monkeypatch)

    rename_first_customer("Older manifest")
    assert create_backup(demo_db).verify_scope == "full" and seen == [None]
    assert manifest.read_bytes().startswith(b"CRMPAGES3\n")
    rename_first_customer("Newer manifest")
    assert create_backup(demo_db).verify_scope.startswith("changed tables")


def page_checksum(path: Path) -> str:
    """The page checksum computed from scratch: the SHA-256 of the SHA-256 of each page."""
    import hashlib

    data = path.read_bytes()
    size = int.from_bytes(data[16:18], "big")
    digests = b"".join(
        hashlib.sha256(data[offset : offset + size]).digest()
        for offset in range(0, len(data), size)
    )
    return hashlib.sha256(digests).hexdigest()


def test_the_record_holds_the_page_checksum_of_the_backup_as_kept(demo_db, backups_dir):
    """The daily backup reuses the digests of unchanged pages: its checksum is still that of
    every byte of the file as it lies in the folder, as computed from scratch."""
    full = create_backup(demo_db)
    rename_first_customer("Checked on what changed")
    cheaper = create_backup(demo_db)
    assert full.verify_scope == "full" and cheaper.verify_scope.startswith("changed tables")
    for record in (full, cheaper):
        assert record.sha256 == "" and record.page_sha256 == page_checksum(record.path)
    base = pages.read_manifest(manifest_of(backups_dir))
    assert base is not None and base.checksum == cheaper.page_sha256


def test_a_page_changed_after_the_daily_backup_is_told_modified(demo_db, backups_dir):
    """One byte of a page whose digest was reused from the manifest: Verify and the restore
    compute every page again and say the backup was modified since it was made."""
    from crm_desktop.services.backups import prepare_restore, verify_backup
    from crm_desktop.services.backups.restore_checks import MODIFIED

    create_backup(demo_db)
    rename_first_customer("Daily")
    daily = create_backup(demo_db)
    assert daily.verify_scope.startswith("changed tables")
    number, size = leaf_page_of(daily.path, "order_line")  # unchanged since the first backup
    with open(daily.path, "r+b") as handle:
        handle.seek(number * size - 1)  # the last byte of the page (of its last row)
        last = handle.read(1)
        handle.seek(number * size - 1)
        handle.write(bytes([last[0] ^ 0x01]))
    prepared = prepare_restore(daily.path, demo_db)
    try:
        assert MODIFIED in {warning.kind for warning in prepared.warnings}
    finally:
        prepared.discard()
    checked = verify_backup(daily.path)
    assert checked.state == "damaged" and "modified since it was made" in checked.problem


def test_a_week_after_the_last_full_check_the_whole_copy_is_checked(
    demo_db, backups_dir, monkeypatch
):
    create_backup(demo_db)
    manifest = manifest_of(backups_dir)
    base = pages.read_manifest(manifest)
    assert base is not None
    rename_first_customer("Later")
    assert create_backup(demo_db).verify_scope.startswith("changed tables")
    # The full check of the chain is remembered, not moved by the cheaper ones.
    again = pages.read_manifest(manifest)
    assert again is not None and again.full_check_at == base.full_check_at

    week_ago = datetime.now(UTC) - timedelta(days=7, minutes=1)
    pages.write_manifest(manifest, base.digests, week_ago)
    seen = checked_tables(monkeypatch)
    assert create_backup(demo_db).verify_scope == "full" and seen == [None]
    renewed = pages.read_manifest(manifest)
    assert renewed is not None and renewed.full_check_at > week_ago + timedelta(days=6)


def test_deleted_rows_free_pages_and_the_freelist_is_walked(demo_db, backups_dir, monkeypatch):
    from crm_desktop.models import database

    create_backup(demo_db)
    database.execute_sql("DELETE FROM audit_log")  # many pages go to the freelist
    seen = checked_tables(monkeypatch)
    record = create_backup(demo_db)
    assert record.verified is True
    assert seen[-1] is not None and "audit_log" in seen[-1]
    conn = sqlite3.connect(record.path)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 0
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_a_backup_with_o_is_always_checked_whole(demo_db, tmp_path, monkeypatch):
    seen = checked_tables(monkeypatch)
    create_backup(demo_db, output=tmp_path / "a.sqlite3")
    create_backup(demo_db, output=tmp_path / "b.sqlite3")
    assert seen == [None, None]
    assert not [p for p in tmp_path.iterdir() if ".pages-" in p.name]
