"""Today read by a helper process started on the window's first line, on the other core.

The window's start reads Today (:func:`~crm_desktop.services.first_screen.read_from_file`)
while its GUI thread builds the window. On a thread, that read's Python (its imports
above all: ``sqlite3``, the Today and invoice services, ~20-25 ms) takes turns with the
GUI thread for the interpreter's lock, so the window waits for it all the same. A
separate interpreter runs it on the other core instead: it is spawned (not forked: no
state of the window is copied) before the window imports PySide6, reads the file with
the same read-only connection and writes the answer to a pipe; the opening job then
only waits for that pipe (without the interpreter's lock) and unpickles the answer.

The answer is plain data (:class:`~crm_desktop.services.first_screen_data.FirstScreen`
and what it holds): unpickling it imports neither ``sqlite3`` nor the read's modules.
Whatever goes wrong here (no ``posix_spawn``, a frozen build whose executable is not
Python, a helper that died, answered nothing, or read another file) only means that
the job reads the file itself, on its thread, as before.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

# The helper's whole program: no site (sys.path is the window's own), no bytecode writes.
_PROGRAM = (
    "import sys; sys.path[:] = sys.argv[2].split('\\n'); "
    "from crm_desktop.services.first_screen_ahead import answer; answer(sys.argv[1])"
)
PROTOCOL = pickle.HIGHEST_PROTOCOL


class Ahead:
    """A helper process reading Today; :meth:`result` waits for its answer."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd

    def result(self, target: Path) -> tuple[bool, Any]:
        """``(True, first screen or None)`` when the helper read ``target``; ``(False,
        None)`` when it did not answer for it (the caller then reads the file itself)."""
        if self.fd < 0:  # asked again (the file is opened again): read it anew
            return False, None
        chunks = []
        try:
            while chunk := os.read(self.fd, 1 << 16):  # without the interpreter's lock
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            self._close(stop=False)
        try:
            read_path, first = pickle.loads(b"".join(chunks))
        except Exception:  # nothing (it died), or cut short: read on the job's thread
            return False, None
        if read_path != str(target):
            return False, None
        return True, first

    def cancel(self) -> None:
        """The answer is not wanted (a second start): stop the helper (it only reads)."""
        self._close(stop=True)

    def _close(self, *, stop: bool) -> None:
        if self.fd < 0:
            return
        fd, self.fd = self.fd, -1
        with contextlib.suppress(OSError):
            os.close(fd)
            if stop:
                import signal

                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)  # (its exit status says nothing the answer does not)


def start(db: str | None) -> Ahead | None:
    """Spawn the helper reading Today from the database the window will open (``db``, as
    ``--db`` gives it); ``None`` where this platform or build cannot."""
    if not hasattr(os, "posix_spawn") or getattr(sys, "frozen", False):
        return None
    how = os.environ.get("CRM_DESKTOP_FIRST_SCREEN_AHEAD", "fork")
    if how == "0":
        return None
    if how == "fork" and hasattr(os, "fork") and len(os.listdir("/proc/self/task")) == 1:
        return _fork(db)
    package_root = str(Path(__file__).resolve().parents[2])  # where crm_desktop is
    search_path = "\n".join([package_root, *sys.path])
    read_fd, write_fd = os.pipe()
    try:
        file_actions = [
            (os.POSIX_SPAWN_DUP2, write_fd, 1),  # its answer: stdout, into the pipe
            (os.POSIX_SPAWN_CLOSE, read_fd),
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        ]
        pid = os.posix_spawn(
            sys.executable,
            [sys.executable, "-S", "-B", "-c", _PROGRAM, db or "", search_path],
            os.environ,
            file_actions=file_actions,
        )
    except OSError:
        os.close(read_fd)
        return None
    finally:
        os.close(write_fd)
    return Ahead(pid, read_fd)


def _fork(db: str | None) -> Ahead | None:
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the helper: nothing of the window's runs here (it never returns)
        os.close(read_fd)
        answer(db or "", write_fd)
    os.close(write_fd)
    return Ahead(pid, read_fd)


def answer(db: str, fd: int = 1) -> None:
    """The helper: read Today from the file ``db`` names and write it to ``fd``, pickled."""
    try:
        from crm_desktop import paths
        from crm_desktop.services.first_screen import read_from_file

        target = paths.resolve_db_path(db or None).absolute()
        payload = pickle.dumps((str(target), read_from_file(target)), protocol=PROTOCOL)
    except Exception:  # the window reads it itself and says what is wrong
        os._exit(1)
    with contextlib.suppress(OSError):  # the window stopped waiting (a second start)
        rest = memoryview(payload)
        while rest:
            rest = rest[os.write(fd, rest) :]
    os._exit(0)  # the answer is out: no teardown for the window to wait through
