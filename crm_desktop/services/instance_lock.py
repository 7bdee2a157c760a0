"""One window per database: a lock file beside the database file.

Two windows writing to the same file would each show stale data and undo
each other's work, so the window takes ``<database>.lock`` when it starts
and a second window on the same file is told that it is already open.

The lock file holds who took it (process id, host, start time) as JSON. On
POSIX systems the lock itself is an ``flock`` on that file: the kernel drops
it the moment the holding process ends, however it ends (``SIGKILL``, a
power cut), so a lock left by a dead process is recognised as stale by the
next start — and a recycled process id cannot fool it. Where ``flock`` is
missing (Windows) or refused (some network drives), a lock counts as stale
when it was taken on this host by a process that no longer exists.

A new lock file appears atomically (written under a temporary name, then
hard-linked into place), so nobody ever reads half of one. Commands that
only read, such as ``crm-desktop backup``, do not take the lock: a nightly
backup runs beside an open window. ``crm-desktop restore`` does take it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from crm_desktop.errors import CrmError
from crm_desktop.i18n import _


def _hostname() -> str:
    # os.uname instead of socket.gethostname: the same name without importing socket.
    return os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")


try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class LockInfo:
    """Who holds (or held) a lock: process, host and when it started."""

    pid: int
    host: str
    started_at: str  # ISO-8601 UTC

    def describe(self) -> str:
        where = "" if self.host == _hostname() else f" on {self.host}"
        try:
            from datetime import datetime

            since = datetime.fromisoformat(self.started_at).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            since = self.started_at
        return f"process {self.pid}{where}, since {since}"


class AlreadyOpenError(CrmError):
    """The database is open in another CRM Desktop window."""

    def __init__(self, db_path: Path, info: LockInfo | None):
        self.db_path = db_path
        self.info = info
        who = f" ({info.describe()})" if info else ""
        super().__init__(
            f"{db_path} is already open in another CRM Desktop window{who}. "
            "Use that window, or close it and try again."
        )


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """The lock file of a database: ``<database>.lock`` beside it."""
    path = Path(db_path).expanduser().absolute()
    return path.with_name(path.name + LOCK_SUFFIX)


def _key(db_path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(Path(db_path).expanduser()))


_held: dict[str, InstanceLock] = {}
_held_guard = threading.Lock()


class InstanceLock:
    """A held lock on one database; :meth:`release` (or the ``with`` block's end) lets it go."""

    def __init__(self, db_path: Path, handle: IO[bytes] | None, info: LockInfo):
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.info = info
        self._handle = handle

    @property
    def held(self) -> bool:
        return _held.get(_key(self.db_path)) is self

    def release(self) -> None:
        """Remove the lock file and drop the lock (safe to call twice)."""
        with _held_guard:
            if _held.get(_key(self.db_path)) is not self:
                return
            del _held[_key(self.db_path)]
        # Unlink while still holding the flock, so nobody takes a file that is going away.
        with contextlib.suppress(OSError):
            if self._handle is None or _same_file(self._handle, self.path):
                self.path.unlink()
        if self._handle is not None:
            self._handle.close()  # drops the flock
            self._handle = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _my_info() -> LockInfo:
    return LockInfo(
        pid=os.getpid(),
        host=_hostname(),
        started_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )


def _encode(info: LockInfo) -> bytes:
    data = {"pid": info.pid, "host": info.host, "started_at": info.started_at, "app": "crm-desktop"}
    import json  # here: the window takes the lock before its first paint

    return json.dumps(data).encode("utf-8")


def _decode(raw: bytes) -> LockInfo | None:
    try:
        import json

        data: Any = json.loads(raw.decode("utf-8"))
        return LockInfo(int(data["pid"]), str(data["host"]), str(data["started_at"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def read_lock(db_path: str | os.PathLike[str]) -> LockInfo | None:
    """What the lock file says, held or stale; None when there is none (or it is unreadable)."""
    try:
        return _decode(lock_path(db_path).read_bytes())
    except OSError:
        return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _same_file(handle: IO[bytes], path: Path) -> bool:
    try:
        mine, theirs = os.fstat(handle.fileno()), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


def _try_flock(handle: IO[bytes]) -> bool | None:
    """True: we hold it; False: a live process does; None: this file system cannot lock."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            return None
        raise
    return True


def _sync_without_flock(handle: IO[bytes], locked: bool | None) -> None:
    """Put the lock file's words on disk where they are the lock (no ``flock``).

    Where the kernel holds an ``flock``, the words (who, since when) only name the
    holder: after a power cut the flock is gone and a lock file left empty is taken
    over like any stale one (:func:`_take_existing`). So the ``fsync``, which the GUI
    thread waited for before the window showed (22 ms to 1.8 s while another program
    wrote to the disk), is only paid where the words decide: without ``flock`` an
    empty file left by a power cut would read as a live lock.
    """
    if locked is None:
        os.fsync(handle.fileno())


def _lock_error(path: Path, exc: OSError) -> CrmError:
    from crm_desktop.errors import environment_error

    explained = environment_error(exc, where=path.with_name(path.name[: -len(LOCK_SUFFIX)]))
    if explained is not None:
        return explained
    return CrmError(
        f"Cannot create the lock file {path} beside the database: {exc.strerror or exc}. "
        "The folder of the database must be writable."
    )


def _open_private(path: Path, flags: int) -> IO[bytes]:
    """Open (creating) a lock file readable by its owner only, unbuffered: a full disk shows
    up at the write, never again at close."""
    fd = os.open(path, flags | os.O_RDWR | os.O_CREAT, 0o600)
    return os.fdopen(fd, "r+b", buffering=0)


def _close_quietly(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        handle.close()


def _create(path: Path, info: LockInfo) -> IO[bytes] | None:
    """Make the lock file atomically: its open (flocked) handle, or None when it exists."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        handle = _open_private(temp, os.O_TRUNC)
    except OSError as exc:
        raise _lock_error(path, exc) from exc
    try:
        handle.write(_encode(info))
        # nobody else knows this file yet: the flock succeeds where the system has one
        _sync_without_flock(handle, _try_flock(handle))
        os.link(temp, path)
    except FileExistsError:
        _close_quietly(handle)
        return None
    except OSError as exc:
        _close_quietly(handle)
        if exc.errno in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS):
            return _create_exclusive(path, info)  # a file system without hard links
        raise _lock_error(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return handle


def _create_exclusive(path: Path, info: LockInfo) -> IO[bytes] | None:
    try:
        handle = _open_private(path, os.O_EXCL)
    except FileExistsError:
        return None
    except OSError as exc:
        raise _lock_error(path, exc) from exc
    try:
        locked = _try_flock(handle)
        handle.write(_encode(info))
        _sync_without_flock(handle, locked)
    except OSError as exc:
        _close_quietly(handle)
        with contextlib.suppress(OSError):
            path.unlink()
        raise _lock_error(path, exc) from exc
    return handle


def _take_existing(path: Path, info: LockInfo) -> tuple[IO[bytes] | None, LockInfo | None, bool]:
    """Try to take over an existing lock file: (handle, holder, retry)."""
    try:
        handle = open(path, "r+b")  # noqa: SIM115
    except FileNotFoundError:
        return None, None, True  # released meanwhile: try to create it again
    except OSError as exc:
        raise _lock_error(path, exc) from exc
    taken = _try_flock(handle)
    holder = _decode(handle.read())
    if taken is False:
        handle.close()
        return None, holder, False
    if taken is None:  # no flock here: judge by the process id
        alive = holder is None or holder.host != _hostname() or pid_alive(holder.pid)
        if alive:
            handle.close()
            return None, holder, False
    if not _same_file(handle, path):  # released and re-created meanwhile
        handle.close()
        return None, None, True
    # The previous holder is gone: the lock is stale, and now ours.
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(_encode(info))
        handle.flush()
        _sync_without_flock(handle, taken)
    except OSError as exc:
        _close_quietly(handle)
        raise _lock_error(path, exc) from exc
    return handle, holder, False


def acquire_instance_lock(db_path: str | os.PathLike[str]) -> InstanceLock:
    """Take the lock of ``db_path`` for this process, or raise :class:`AlreadyOpenError`.

    A stale lock (its process is gone) is taken over silently.
    """
    db = Path(db_path).expanduser().absolute()
    key = _key(db)
    with _held_guard:
        if key in _held:
            raise AlreadyOpenError(db, _held[key].info)
    path = lock_path(db)
    info = _my_info()
    for _ignored in range(5):
        handle = _create(path, info)
        if handle is None:
            handle, holder, retry = _take_existing(path, info)
            if handle is None:
                if retry:
                    continue
                raise AlreadyOpenError(db, holder)
        lock = InstanceLock(db, handle, info)
        with _held_guard:
            _held[key] = lock
        return lock
    raise CrmError(
        _("Cannot take the lock {path}: it keeps changing. Try again.").format(path=path)
    )


def held_here(db_path: str | os.PathLike[str]) -> InstanceLock | None:
    """The lock of ``db_path`` if this process holds it."""
    with _held_guard:
        return _held.get(_key(db_path))


def holder(db_path: str | os.PathLike[str]) -> LockInfo | None:
    """Who holds the lock of ``db_path`` now (this process included); None when nobody does."""
    here = held_here(db_path)
    if here is not None:
        return here.info
    path = lock_path(db_path)
    try:
        handle = open(path, "rb")  # noqa: SIM115
    except OSError:
        return None
    with handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return _decode(handle.read()) or LockInfo(0, "?", "")
            except OSError:
                pass  # cannot tell by flock: judge by the process id below
            else:
                return None  # nobody holds it: stale (the shared lock ends with the handle)
        info = _decode(handle.read())
    if info is None or (info.host == _hostname() and not pid_alive(info.pid)):
        return None
    return info
