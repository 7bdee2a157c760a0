"""File-system care for backups: temporary names, leftovers of killed processes, plain-words errors.

Writing itself (all at once, flushed, private) is :mod:`crm_desktop.safe_files`;
its helpers are re-exported here for the backup modules. Every file being
written has a hidden temporary name in its final folder that carries the
writer's process id, so a leftover of a killed writer can be told from a
file being written right now: :func:`clean_stale_temps` removes them — from
the backup folder before each backup, and from the database's folder when a
database is opened and before each restore (a killed restore leaves a
full-size ``.restore-PID`` copy and a ``.rollback-PID`` link; a killed
start can leave the instance lock's ``.lock.PID.TID.tmp``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
from pathlib import Path

from crm_desktop.safe_files import (
    fsync_dir,
    fsync_file,
    make_private,
    put_in_place,
    remove_quietly,
    temp_name,
    write_bytes,
)
from crm_desktop.services.instance_lock import pid_alive

__all__ = [
    "check_writable_folder",
    "clean_stale_temps",
    "explain_write_error",
    "fsync_dir",
    "fsync_file",
    "is_disk_full",
    "is_read_only",
    "make_private",
    "put_in_place",
    "remove_quietly",
    "remove_with_companions",
    "sqlite_companions",
    "temp_name",
    "write_atomically",
]

# ".<final name>.<purpose>-<pid>[-<token>]" (safe_files.temp_name), with SQLite's journals,
# and the instance lock's ".<name>.lock.<pid>.<thread>.tmp".
_TEMP_RE = re.compile(
    r"^\..+\.(?:partial|restore|rollback|json|part)-(\d+)(?:-[0-9a-f]+)?"
    r"(?:-journal|-wal|-shm)?$"
    r"|^\..+\.lock\.(\d+)\.\d+\.tmp$"
)


def sqlite_companions(path: Path) -> list[Path]:
    """The journal files SQLite may keep beside ``path``."""
    return [Path(f"{path}{suffix}") for suffix in ("-journal", "-wal", "-shm")]


def remove_with_companions(path: Path) -> None:
    remove_quietly(path, *sqlite_companions(path))


def clean_stale_temps(folder: Path) -> list[Path]:
    """Delete temporary files left by writers that died (their process is gone)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_RE.match(entry.name)
        if not match:
            continue
        pid = int(match.group(1) or match.group(2))
        if pid != os.getpid() and not pid_alive(pid):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def write_atomically(path: Path, data: bytes) -> None:
    """Replace one of our private files with ``data`` all at once (an ``OSError`` if it fails)."""
    write_bytes(path, data, private=True, explain=False)


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, sqlite3.Error) and "full" in str(exc).lower()


def is_read_only(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return True
    text = str(exc).lower()
    return isinstance(exc, sqlite3.Error) and ("readonly" in text or "read-only" in text)


def explain_write_error(exc: BaseException, folder: Path) -> str:
    """What went wrong writing into ``folder``, in words a user can act on."""
    if is_disk_full(exc):
        return f"the disk holding {folder} is full. Free some space, or choose another folder"
    if is_read_only(exc):
        return (
            f"the folder {folder} is read-only. Choose a folder you can write to, "
            "or change its permissions"
        )
    if not folder.is_dir():
        return f"the folder {folder} does not exist (is the drive plugged in?)"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} ({folder})"
    return f"{exc} ({folder})"


def check_writable_folder(folder: Path) -> None:
    """Raise OSError unless a file can be created in ``folder`` (root ignores permission bits)."""
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "No such folder", str(folder))
    probe = folder / f".crm-write-test-{os.getpid()}"
    with open(probe, "wb") as handle:
        handle.write(b"x")
    probe.unlink()
