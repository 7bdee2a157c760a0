"""The daily backup's references into changed tables: looked up in the gaps, as strong as whole.

A table that did not change since the last verified backup still points into
one that did (contacts into customers). Its references are looked up only
where a customer may have gone — between the unchanged leaves of the
customer table — and a customer deleted by another SQLite tool, behind the
app's back and with foreign keys off, is still found wherever it was.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from crm_desktop.models import database
from crm_desktop.services import customers
from crm_desktop.services.backups import changed_pages as pages
from crm_desktop.services.backups import create_backup, snapshot, verify


@pytest.fixture
def many_customers(demo_db: Path) -> Path:
    """3,000 more customers with a contact each: the customer table spans many leaves."""
    with database.atomic():
        for n in range(3000):
            cursor = database.execute_sql(
                "INSERT INTO customer (kind, name, notes) VALUES ('person', ?, ?)",
                (f"Клиент {n} 客户", "заметка " * 20),
            )
            database.execute_sql(
                "INSERT INTO contact (customer_id, name) VALUES (?, ?)",
                (cursor.lastrowid, f"Контакт {n}"),
            )
    return demo_db


def lookups(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How each table's references were checked: 'gaps' or 'whole' (foreign_key_check)."""
    seen = {"gaps": 0, "whole": 0}
    real = verify._references_into_gaps

    def spy(conn, child, changed, gaps):
        found = real(conn, child, changed, gaps)
        seen["gaps" if found is not None else "whole"] += 1
        return found

    monkeypatch.setattr(verify, "_references_into_gaps", spy)
    return seen


def customer_ids(db: Path) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT id FROM customer ORDER BY id")]
    finally:
        conn.close()


def delete_behind_the_apps_back(db: Path, customer_id: int) -> None:
    """What another SQLite tool does: foreign keys off (sqlite3's default), a customer gone."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        conn.execute("DELETE FROM customer WHERE id = ?", (customer_id,))
    finally:
        conn.close()


def broken_references(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()


@pytest.mark.expects_warning_log
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_customer_deleted_by_another_tool_is_found_by_the_daily_check(
    many_customers, backups_dir, monkeypatch, caplog, where
):
    create_backup(many_customers)
    ids = customer_ids(many_customers)
    victim = {"first": ids[0], "middle": ids[len(ids) // 2], "last": ids[-1]}[where]
    customers.update_customer(ids[len(ids) // 3], {"notes": "Позвонить 回电"})  # other changes
    delete_behind_the_apps_back(many_customers, victim)
    seen = lookups(monkeypatch)
    broken = broken_references(many_customers)
    assert broken  # the victim's rows now point at nothing

    with caplog.at_level(logging.WARNING, logger="crm_desktop.services.backups.snapshot"):
        record = create_backup(many_customers)

    assert seen["gaps"] > 0  # found by the cheaper lookup, not by a whole check
    # Found and said, and the backup kept: the copy is the database as it is (its orphan
    # contact included), and refusing it would leave the owner with no backup at all.
    table, rowid, parent, _ = broken[0]
    assert f"{table} row {rowid} points at a missing {parent}" in caplog.text
    assert record.verified and record.path.exists()
    assert broken_references(record.path) == broken


def test_a_day_of_edits_checks_the_unchanged_tables_references_in_the_gaps(
    many_customers, backups_dir, monkeypatch, data_of
):
    create_backup(many_customers)
    ids = customer_ids(many_customers)
    for customer_id in ids[::97]:
        customers.update_customer(customer_id, {"notes": "Перезвонить 🙂 <b>&"})
    customers.create_customer({"name": "=Новый 新客户", "kind": "company"})
    seen = lookups(monkeypatch)

    record = create_backup(many_customers)

    assert record.verified and record.verify_scope.startswith("changed tables"), record.verify_scope
    assert seen["gaps"] > 0 and seen["whole"] == 0
    assert data_of(record.path) == data_of(many_customers)


def test_the_gaps_hold_every_key_not_on_an_unchanged_leaf(many_customers, backups_dir):
    """Whatever went, it went from a gap: checked against the plan itself."""
    create_backup(many_customers)
    manifest = pages.read_manifest(next(backups_dir.glob(".*.pages-*")))
    assert manifest is not None and manifest.owners is not None
    ids = customer_ids(many_customers)
    gone = [ids[0], ids[7], ids[len(ids) // 2], ids[-1]]
    for customer_id in gone:
        delete_behind_the_apps_back(many_customers, customer_id)
    copy = backups_dir / "copy.sqlite3"
    source = snapshot.open_source(many_customers)
    try:
        snapshot._copy(source, copy)
    finally:
        source.close()
    size = manifest.digests.page_size
    hashes = pages.page_hashes(copy, size)
    conn = sqlite3.connect(copy)
    roots = pages.trees_of(conn)
    conn.close()
    plan = pages.plan_check(copy, hashes, size, manifest, lambda: roots)
    assert not plan.full and "customer" in plan.tables and "contact" not in plan.tables
    gaps = plan.gaps["customer"]
    assert len(gaps) < len(ids) // 10  # a few gaps, not every key
    for customer_id in gone:
        assert any(low < customer_id < high for low, high in gaps), customer_id


def test_a_manifest_without_owners_checks_the_references_whole_once(
    many_customers, backups_dir, monkeypatch
):
    """A manifest of version 2 (no owners of the pages) still spares the unchanged tables'
    structure, checks their references whole, and leaves a manifest of version 3."""
    create_backup(many_customers)
    path = next(backups_dir.glob(".*.pages-*"))
    base = pages.read_manifest(path)
    assert base is not None
    write_version_2(path, base)
    assert pages.read_manifest(path).owners is None
    customers.update_customer(customer_ids(many_customers)[5], {"notes": "v2"})
    seen = lookups(monkeypatch)

    record = create_backup(many_customers)

    assert record.verify_scope.startswith("changed tables") and seen["gaps"] == 0
    assert seen["whole"] > 0
    assert path.read_bytes().startswith(b"CRMPAGES3\n")
    assert pages.read_manifest(path).owners is not None


def write_version_2(path: Path, base: pages.Manifest) -> None:
    import hashlib

    digests = base.digests
    body = (
        b"CRMPAGES2\n"
        + pages._HEADER.pack(
            digests.page_size,
            len(digests.pages),
            bytes.fromhex(digests.checksum),
            int(base.full_check_at.timestamp()),
        )
        + digests.pages.tobytes()
        + digests.shas
    )
    path.write_bytes(body + hashlib.sha256(body).digest())
