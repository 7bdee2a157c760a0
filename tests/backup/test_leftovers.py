"""A restore killed half-way leaves nothing behind for long: the next start or restore cleans up.

A killed restore used to leave a full-size, world-readable ``.crm.sqlite3.restore-PID``
copy of the backup, a ``.rollback-PID`` link, and a killed start the
instance lock's 0-byte ``.lock.PID.TID.tmp``. Here a restore is really killed
(SIGKILL, in the middle of checking its copy), then the app starts.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crm_desktop.models import close_database
from crm_desktop.services import open_session
from crm_desktop.services.backups import create_backup, prepare_restore

ROOT = Path(__file__).resolve().parents[2]


def dead_pid() -> int:
    """The id of a process that has ended (ours to borrow for a leftover's name)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_restore_is_cleaned_up_at_the_next_start(demo_db, home):
    backup = create_backup(demo_db)
    close_database()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import time
                from crm_desktop.services.backups import restore_checks
                real = restore_checks.run_checks

                def slow(*args, **kwargs):  # killed while it checks its copy
                    print("checking", flush=True)
                    time.sleep(60)
                    return real(*args, **kwargs)

                restore_checks.run_checks = slow
                from crm_desktop.services.backups import prepare_restore
                prepare_restore({str(backup.path)!r}, {str(demo_db)!r})
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "CRM_DESKTOP_HOME": str(home)},
    )
    try:
        assert child.stdout.readline().strip() == "checking"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    left = leftovers(demo_db.parent)
    assert f".{demo_db.name}.restore-{child.pid}" in left  # what the kill left
    work = demo_db.parent / f".{demo_db.name}.restore-{child.pid}"
    assert work.stat().st_mode & 0o077 == 0  # private even then
    open_session(demo_db)  # the next start
    assert leftovers(demo_db.parent) == []


def test_rollback_links_and_lock_temps_of_dead_processes_go_at_start_and_restore(demo_db):
    backup = create_backup(demo_db)
    close_database()
    folder = demo_db.parent
    pid = dead_pid()
    made = [
        folder / f".{demo_db.name}.rollback-{pid}",
        folder / f".{demo_db.name}.restore-{pid}",
        folder / f".{demo_db.name}.restore-{pid}-journal",
        folder / f".{demo_db.name}.lock.{pid}.140234.tmp",
    ]
    os.link(demo_db, made[0])
    for path in made[1:]:
        path.write_bytes(b"" if path.name.endswith(".tmp") else b"left by a killed restore")
    mine = folder / f".{demo_db.name}.restore-{os.getpid()}-journal"  # a live process's: kept
    mine.write_bytes(b"being written")
    someone_else = folder / ".notes.txt"  # not ours at all: kept
    someone_else.write_text("hello")
    open_session(demo_db)
    assert leftovers(folder) == sorted([mine.name, someone_else.name])
    mine.unlink()

    for path in made[1:]:
        path.write_bytes(b"")
    close_database()
    prepared = prepare_restore(backup.path, demo_db)  # the next restore cleans up too
    try:
        names = leftovers(folder)
        assert all(path.name not in names for path in made)
    finally:
        prepared.discard()
    assert leftovers(folder) == [someone_else.name]
