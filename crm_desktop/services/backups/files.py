"""File-system care for backups: flushing to disk, temporary names, and plain-words errors.

A file is only durable once its own data *and* the folder entry naming it
are flushed: :func:`fsync_file` then :func:`fsync_dir` after a rename. Every
file being written has a temporary, hidden name in its final folder (so the
rename is atomic) that carries the writer's process id, so a leftover of a
crashed writer can be told from a file being written right now.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
from pathlib import Path

from crm_desktop.services.instance_lock import pid_alive

# ".<final name>.<purpose>-<pid>": hidden, and never mistaken for a backup.
_TEMP_RE = re.compile(r"^\..+\.(?:partial|restore|rollback|json)-(\d+)(?:-journal|-wal|-shm)?$")


def temp_name(final: Path, purpose: str) -> Path:
    """A hidden temporary name beside ``final`` for this process."""
    return final.with_name(f".{final.name}.{purpose}-{os.getpid()}")


def sqlite_companions(path: Path) -> list[Path]:
    """The journal files SQLite may keep beside ``path``."""
    return [Path(f"{path}{suffix}") for suffix in ("-journal", "-wal", "-shm")]


def remove_quietly(*paths: Path) -> None:
    """Delete files that may or may not exist, ignoring every error (used while cleaning up)."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


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
        if match and int(match.group(1)) != os.getpid() and not pid_alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename is durable only then); a no-op where unsupported."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open folders; NTFS journals renames itself
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: temporary file, fsync, rename, folder fsync."""
    temp = temp_name(path, "json")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise
    fsync_dir(path.parent)


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
