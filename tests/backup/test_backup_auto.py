"""Automatic backups: before bulk changes and upgrades, daily, and what happens when they cannot be made."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from datetime import date as date_type

import pytest

from crm_desktop.errors import CrmError
from crm_desktop.models import SCHEMA_VERSION, close_database
from crm_desktop.services import demo, open_session, trash
from crm_desktop.services.backups import auto, choose_backup_folder, create_backup, list_backups


def test_emptying_the_trash_backs_up_first(demo_db, data_of):
    trash.move_to_trash("customer", [1, 2, 3])
    before = data_of(demo_db)

    trash.empty_trash()

    [record] = list_backups()
    assert record.kind == "before-change" and record.reason == "emptying the trash"
    assert record.verified and data_of(record.path) == before
    assert data_of(demo_db) != before


def test_automatic_backups_can_be_turned_off(demo_db, monkeypatch):
    monkeypatch.setenv(auto.ENV_SWITCH, "0")
    trash.move_to_trash("customer", [1])
    trash.empty_trash()
    assert list_backups() == []


def test_no_backup_no_bulk_change(demo_db, monkeypatch, data_of):
    trash.move_to_trash("customer", [1])
    before = data_of(demo_db)

    def broken(*args, **kwargs):
        raise CrmError("The backup was not made: the disk holding /x is full.")

    monkeypatch.setattr("crm_desktop.services.backups.snapshot.create_backup", broken)
    with pytest.raises(CrmError, match="before emptying the trash could not be made") as caught:
        trash.empty_trash()
    assert "nothing was changed" in str(caught.value) and "full" in str(caught.value)
    assert data_of(demo_db) == before


@pytest.mark.expects_warning_log
def test_an_unplugged_backup_folder_falls_back_to_the_default(demo_db, tmp_path, backups_dir):
    usb = tmp_path / "usb"
    usb.mkdir()
    choose_backup_folder(usb)
    usb.rmdir()
    trash.move_to_trash("customer", [1])

    trash.empty_trash()

    [record] = list_backups(backups_dir)
    assert record.kind == "before-change"
    record = auto.make_automatic_backup(demo_db, "exit", "on closing CRM Desktop")
    assert record.path.parent == backups_dir and "could not be used" in record.note


def test_an_empty_database_is_not_backed_up(db, backups_dir):
    demo.generate(customers=20, seed=1, on=date_type(2026, 6, 15))  # a bulk change on an empty file
    assert list_backups(backups_dir) == []
    assert auto.make_automatic_backup(db, "exit", "closing") is not None


def test_an_upgrade_backs_up_the_older_file_first(demo_db, old_version_file, data_of):
    close_database()
    old_version_file(demo_db, 1)
    old_data = data_of(demo_db)

    opened = open_session(demo_db)

    assert opened.migrated_from == 1
    [record] = list_backups()
    assert record.kind == "before-migration" and record.schema_version == 1
    assert record.verified and data_of(record.path) == old_data
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_an_upgrade_without_its_backup_does_not_happen(demo_db, old_version_file, monkeypatch):
    close_database()
    old_version_file(demo_db, 1)

    def broken(*args, **kwargs):
        raise CrmError("The backup was not made: the folder /x is read-only.")

    monkeypatch.setattr("crm_desktop.services.backups.snapshot.create_backup", broken)
    with pytest.raises(CrmError, match="needs an upgrade"):
        open_session(demo_db)
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # untouched
    conn.close()


def test_the_daily_backup_is_due_after_24_hours(demo_db, db):
    assert auto.is_due(demo_db)
    record = create_backup(demo_db)
    assert not auto.is_due(demo_db)
    data = json.loads(record.record_path.read_text())
    data["created_at"] = (datetime.now(UTC) - timedelta(hours=25)).strftime("%Y-%m-%dT%H:%M:%SZ")
    record.record_path.write_text(json.dumps(data))
    assert auto.is_due(demo_db)


def test_the_daily_backup_is_not_due_for_an_empty_database(db):
    assert not auto.is_due(db)


def test_commit_marks_tell_whether_anything_changed(demo_db):
    from crm_desktop.services import customers

    mark = auto.commit_mark()
    assert not auto.changed_since(mark)
    customers.create_customer({"name": "New", "kind": "person"})
    assert auto.changed_since(mark)
