"""Writing files safely: all at once, flushed to disk, private to the user or following the umask.

Every file CRM Desktop writes goes through this module, so that two rules
hold everywhere:

* **All or nothing.** :func:`replacing` hands out a hidden temporary file
  beside the target (same folder, so the rename is atomic); when the block
  ends well the file is flushed to disk (``fsync``), renamed over the target
  and the folder flushed, so that neither a crash nor a power cut leaves
  half a file or loses the rename. A failure or a cancel removes the
  temporary file.
* **Who may read it.** The app's own files — the database, backups and their
  records, the log, local preferences — hold customers' personal data, so
  they are created private (``private=True``: files 0600, folders 0700,
  :func:`private_folder`), whatever the umask. What the user asked for —
  an export, a report, an invoice, the refused rows of an import — goes where
  they said with the permissions their umask gives (``private=False``), like
  the output of any other program.

Temporary names are ``.<final name>.<purpose>-<process id>[-<token>]``: hidden,
never mistaken for the real file, and a leftover of a killed process can be
told from a file being written now (see
:func:`crm_desktop.services.backups.files.clean_stale_temps`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from crm_desktop.errors import CrmError, environment_error

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
# Handed to open(2), which takes the umask away: what every program's output gets.
SHARED_FILE_MODE = 0o666
_POSIX = os.name == "posix"


def temp_name(final: Path, purpose: str, *, unique: bool = False) -> Path:
    """A hidden temporary name beside ``final`` for this process (and, if ``unique``, this call)."""
    import secrets  # here: its hashing modules cost the window's start ~4 ms

    token = f"-{secrets.token_hex(4)}" if unique else ""
    return final.with_name(f".{final.name}.{purpose}-{os.getpid()}{token}")


def create_file(path: Path, *, private: bool) -> int:
    """Create ``path`` (it must not exist) for writing; returns the open descriptor."""
    mode = PRIVATE_FILE_MODE if private else SHARED_FILE_MODE
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, mode)


def create_private_file(path: Path) -> bool:
    """Create an empty private file at ``path`` unless one exists; True when it was created.

    SQLite keeps the permissions of a file it opens and gives its journal
    files the same ones, so a database or a backup is created this way first.
    """
    try:
        os.close(create_file(path, private=True))
    except FileExistsError:
        return False
    return True


def make_private(path: Path) -> None:
    """Take group and others' access away from one of our files (best effort; ours only)."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        info = os.stat(path)
        if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & 0o077:
            wanted = PRIVATE_FOLDER_MODE if stat.S_ISDIR(info.st_mode) else PRIVATE_FILE_MODE
            os.chmod(path, wanted)


def private_folder(folder: Path) -> Path:
    """Create one of the app's own folders (0700), or make an existing one private; returns it.

    Only the folder itself: parents that did not exist are made as usual
    (``~/.local/share`` stays readable), and a folder the user chose for
    their own reasons is never passed here.
    """
    folder = Path(folder)
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_FOLDER_MODE)
        if not folder.is_dir():
            raise NotADirectoryError(
                errno.ENOTDIR, "A file is where the folder should be", str(folder)
            )
    make_private(folder)
    return folder


def fsync_file(path: Path) -> None:
    """Flush a file's data to the disk."""
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


def put_in_place(temp: Path, target: Path, *, flush: bool = True) -> None:
    """Rename a finished temporary file over ``target``, durably: its data flushed first
    (``flush=False`` when the caller already did), the folder's entry after.

    :func:`replacing` ends with it; a job that checks its copy in between steps (a backup,
    a restore) calls it itself when the copy is ready.
    """
    if flush:
        fsync_file(temp)
    os.replace(temp, target)
    fsync_dir(target.parent)


def remove_quietly(*paths: Path) -> None:
    """Delete files that may or may not exist, ignoring every error (used while cleaning up)."""
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """The absolute path of a file the user asked for, or a CrmError that says why it cannot be."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise CrmError(f"{path} is a folder: give a file name, e.g. {path / 'report.pdf'}.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CrmError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise CrmError(f"Cannot write {path}: the folder {folder} is read-only.")
    return path.absolute()


def _explain(exc: OSError, target: Path) -> CrmError:
    found = environment_error(exc, where=target)
    if found is not None:
        return found
    if isinstance(exc, PermissionError):
        return CrmError(
            f"Cannot write {target}: permission denied. It may be read-only or open in "
            "another program: close it or choose another name."
        )
    if isinstance(exc, FileNotFoundError) and not target.parent.is_dir():
        return CrmError(f"Cannot write {target}: the folder {target.parent} does not exist.")
    return CrmError(f"Cannot write {target}: {exc.strerror or exc}.")


@contextlib.contextmanager
def replacing(
    path: str | os.PathLike[str], *, private: bool, purpose: str = "part", explain: bool = True
) -> Iterator[Path]:
    """Yield an empty temporary file beside ``path``; it becomes ``path`` when the block ends well.

    Write to the yielded path by name (opening it again keeps its
    permissions). With ``explain``, an ``OSError`` (a full disk, a read-only
    folder…) becomes a :class:`~crm_desktop.errors.CrmError` that names
    ``path`` and says what to do; any other exception removes the temporary
    file and goes on.
    """
    target = Path(path).absolute()
    temp = temp_name(target, purpose, unique=True)
    try:
        os.close(create_file(temp, private=private))
    except OSError as exc:
        if not explain:
            raise
        raise _explain(exc, target) from exc
    try:
        yield temp
        put_in_place(temp, target)
    except OSError as exc:
        remove_quietly(temp)
        if not explain:
            raise
        raise _explain(exc, target) from exc
    except BaseException:
        remove_quietly(temp)
        raise


def write_bytes(
    path: str | os.PathLike[str], data: bytes, *, private: bool, explain: bool = True
) -> None:
    """Replace the file at ``path`` with ``data``, all at once."""
    with replacing(path, private=private, explain=explain) as temp, open(temp, "wb") as handle:
        handle.write(data)
