"""One window per database: the lock file, a second instance refused, a killed holder's lock stale."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm_desktop.services import instance_lock
from crm_desktop.services.instance_lock import AlreadyOpenError, acquire_instance_lock

ROOT = Path(__file__).resolve().parents[2]


def hold_in_child(db: Path) -> subprocess.Popen:
    """Another process that takes the lock and keeps it until killed."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import time
                from crm_desktop.services.instance_lock import acquire_instance_lock
                acquire_instance_lock({str(db)!r})
                print("locked", flush=True)
                time.sleep(120)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout.readline().strip() == "locked"
    return child


def test_the_lock_file_says_who_holds_it(tmp_path):
    db = tmp_path / "crm.sqlite3"
    lock = acquire_instance_lock(db)
    try:
        path = tmp_path / "crm.sqlite3.lock"
        data = json.loads(path.read_text())
        assert data["pid"] == os.getpid() and data["host"] == socket.gethostname()
        assert data["started_at"].endswith("Z")
        assert instance_lock.holder(db).pid == os.getpid()
        assert instance_lock.held_here(db) is lock
        with pytest.raises(AlreadyOpenError):  # a second window of this very process
            acquire_instance_lock(db)
    finally:
        lock.release()
    assert not (tmp_path / "crm.sqlite3.lock").exists()
    assert instance_lock.holder(db) is None
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == []  # no temporary file


def test_a_second_instance_is_told_the_database_is_open(tmp_path):
    db = tmp_path / "crm.sqlite3"
    child = hold_in_child(db)
    try:
        with pytest.raises(AlreadyOpenError) as caught:
            acquire_instance_lock(db)
        message = str(caught.value)
        assert "already open in another CRM Desktop window" in message
        assert f"process {child.pid}" in message
        assert instance_lock.holder(db).pid == child.pid
    finally:
        child.kill()
        child.wait()


def test_a_lock_left_by_a_killed_process_is_stale(tmp_path):
    db = tmp_path / "crm.sqlite3"
    child = hold_in_child(db)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert (tmp_path / "crm.sqlite3.lock").exists()  # left behind…
    assert instance_lock.holder(db) is None  # …but recognised as stale
    lock = acquire_instance_lock(db)  # and it does not block the next start
    try:
        assert json.loads((tmp_path / "crm.sqlite3.lock").read_text())["pid"] == os.getpid()
    finally:
        lock.release()


def test_stale_by_process_id_where_the_file_system_cannot_lock(tmp_path, monkeypatch):
    db = tmp_path / "crm.sqlite3"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "crm.sqlite3.lock").write_text(
        json.dumps({"pid": dead.pid, "host": socket.gethostname(), "started_at": "x"})
    )
    monkeypatch.setattr(instance_lock, "_try_flock", lambda handle: None)
    lock = acquire_instance_lock(db)
    lock.release()
    # A live process's lock holds, even without flock.
    (tmp_path / "crm.sqlite3.lock").write_text(
        json.dumps({"pid": os.getppid(), "host": socket.gethostname(), "started_at": "x"})
    )
    with pytest.raises(AlreadyOpenError):
        acquire_instance_lock(db)


def test_a_garbled_lock_file_of_a_dead_process_does_not_block(tmp_path):
    db = tmp_path / "crm.sqlite3"
    (tmp_path / "crm.sqlite3.lock").write_bytes(b"\x00garbage{")
    lock = acquire_instance_lock(db)
    lock.release()


def test_an_empty_lock_file_left_by_a_power_cut_does_not_block(tmp_path):
    # Where flock holds the lock, its words are not synced to disk (the start would wait
    # for the disk); a power cut may then leave the file empty: the next start takes it.
    db = tmp_path / "crm.sqlite3"
    (tmp_path / "crm.sqlite3.lock").write_bytes(b"")
    lock = acquire_instance_lock(db)
    try:
        assert json.loads((tmp_path / "crm.sqlite3.lock").read_text())["pid"] == os.getpid()
    finally:
        lock.release()


@pytest.mark.parametrize("flock", [True, False])
def test_the_lock_waits_for_the_disk_only_where_its_words_are_the_lock(
    tmp_path, monkeypatch, flock
):
    synced: list[int] = []
    monkeypatch.setattr(instance_lock.os, "fsync", synced.append)
    if not flock:
        monkeypatch.setattr(instance_lock, "_try_flock", lambda handle: None)
    db = tmp_path / "crm.sqlite3"
    acquire_instance_lock(db).release()  # a new lock file
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "crm.sqlite3.lock").write_text(  # a stale one, taken over
        json.dumps({"pid": dead.pid, "host": socket.gethostname(), "started_at": "x"})
    )
    acquire_instance_lock(db).release()
    assert (synced != []) is not flock  # without flock: synced before it is linked, and taken


def test_a_read_only_folder_gives_a_clear_message(tmp_path, monkeypatch):
    real_open = os.open

    def refuse(path, *args, **kwargs):  # root writes anywhere: refuse as the folder would
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(instance_lock.CrmError, match="must be writable"):
        acquire_instance_lock(tmp_path / "crm.sqlite3")
