"""The errors CRM Desktop explains to the user instead of crashing.

Two kinds of failure exist (as in qutebrowser): the user's or the
environment's — an invalid field, a locked or read-only file, a full disk, a
bad import file — which are :class:`CrmError` and carry a message fit to show
as it is; and our own bugs, which are any other exception and end in the
crash dialog and the log. Every layer raises these; none of them knows Qt.

The environment's failures arrive as SQLite or OS errors. :func:`environment_error`
turns them into an :class:`EnvironmentFault` that says what happened and what
to do: the database layer calls it at every transaction's end, and the
command line and the window call it once more on whatever reaches them, so a
full disk or a locked file never looks like a bug of ours.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Mapping
from pathlib import Path


class CrmError(Exception):
    """Something the user can understand and act on; ``str()`` is the message."""


class DatabaseFileError(CrmError):
    """The database file cannot be opened or used: missing, unreadable, not ours, damaged."""


class NewerSchemaError(DatabaseFileError):
    """The file was written by a newer CRM Desktop than this one."""


class NotFoundError(CrmError):
    """The record asked for does not exist (any more)."""


class ValidationError(CrmError):
    """One or more fields hold values that cannot be saved; ``errors`` maps field → message."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))

    def __reduce__(self):  # keeps the field map when sent between processes
        return (type(self), (self.errors,))


class CancelledError(CrmError):
    """The user cancelled a long job; nothing it did was kept."""

    def __init__(self, message: str = "Cancelled: nothing was changed."):
        super().__init__(message)


class InvalidTextError(CrmError):
    """A value holds a character that cannot be stored: an unpaired surrogate (U+D800–U+DFFF)."""


class EnvironmentFault(CrmError):
    """The computer's fault, not the data's nor ours: a full disk; a busy, read-only, failing file.

    ``retry``: whether trying again can work once the user has acted (the
    window offers a Retry button).
    """

    retry = True


class DiskFullError(EnvironmentFault):
    """The disk (or the quota) is full."""


class FileBusyError(EnvironmentFault):
    """Another program (or another CRM Desktop) holds the database's write lock."""


class ReadOnlyError(EnvironmentFault):
    """The file or its folder cannot be written: read-only media, permissions."""


class DiskIOError(EnvironmentFault):
    """The drive failed to read or write (removed, failing, a network share gone)."""


class CannotOpenError(EnvironmentFault):
    """SQLite could not open the file or create its journal beside it."""


class DamagedFileError(EnvironmentFault, DatabaseFileError):
    """SQLite found the file damaged while using it."""

    retry = False


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what it wraps: peewee keeps SQLite's exception as its first argument."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = current.args[0] if current.args else None
        pending += [
            inner if isinstance(inner, BaseException) else None,
            current.__cause__,
            current.__context__,
        ]


# SQLite's primary result codes (extended names start with these), and the words of the
# messages of errors that carry no code.
_SQLITE_KINDS = (
    ("SQLITE_BUSY", "busy"),
    ("SQLITE_LOCKED", "busy"),
    ("SQLITE_FULL", "full"),
    ("SQLITE_IOERR", "io"),
    ("SQLITE_READONLY", "readonly"),
    ("SQLITE_CORRUPT", "damaged"),
    ("SQLITE_NOTADB", "damaged"),
    ("SQLITE_CANTOPEN", "cantopen"),
)
_SQLITE_WORDS = (
    ("database is locked", "busy"),
    ("database table is locked", "busy"),
    ("database or disk is full", "full"),
    ("disk i/o error", "io"),
    ("attempt to write a readonly database", "readonly"),
    ("database disk image is malformed", "damaged"),
    ("file is not a database", "damaged"),
    ("unable to open database file", "cantopen"),
)
_OS_KINDS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "readonly",
    errno.EIO: "io",
}


def _kind(exc: BaseException) -> str | None:
    if isinstance(exc, OSError):
        return _OS_KINDS.get(exc.errno or 0)
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, kind in _SQLITE_KINDS:
            if name.startswith(prefix):
                return kind
    if type(exc).__module__ in ("sqlite3", "peewee"):
        text = str(exc).lower()
        for words, kind in _SQLITE_WORDS:
            if words in text:
                return kind
    return None


def _surrogate(exc: BaseException) -> bool:
    return isinstance(exc, UnicodeEncodeError) and "surrogate" in str(exc.reason)


def environment_error(
    exc: BaseException, *, where: str | os.PathLike[str] | None = None
) -> CrmError | None:
    """The :class:`CrmError` that explains ``exc`` when the environment caused it, else None.

    ``where`` is the file concerned (the database), named in the message.
    A :class:`CrmError` is returned as it is.
    """
    if isinstance(exc, CrmError):
        return exc
    for cause in _causes(exc):
        if isinstance(cause, CrmError):
            return cause
        if _surrogate(cause):
            return InvalidTextError(
                "A value contains a character that cannot be stored (an unpaired surrogate, "
                "e.g. half of an emoji). Retype that text and try again."
            )
        kind = _kind(cause)
        if kind is not None:
            return _explained(kind, Path(where) if where else None, cause)
    return None


def _explained(kind: str, where: Path | None, cause: BaseException) -> EnvironmentFault:
    the_file = str(where) if where else "the database file"
    folder = str(where.parent) if where else "its folder"
    if kind == "full":
        return DiskFullError(f"The disk is full ({folder}): free some space and try again.")
    if kind == "busy":
        return FileBusyError(
            f"Another program is using {the_file}: it holds the file locked for writing. "
            "Close that program, or wait for it to finish, and try again. Nothing was changed."
        )
    if kind == "readonly":
        return ReadOnlyError(
            f"{the_file} cannot be written: the file or its folder is read-only. Copy it to a "
            "folder you can write to, or change its permissions, and try again."
        )
    if kind == "io":
        return DiskIOError(
            f"The drive could not read or write {the_file} (an input/output error): it may "
            "have been disconnected or be failing. Check the drive and try again; if this "
            "repeats, restore a backup onto another drive."
        )
    if kind == "cantopen":
        return CannotOpenError(
            f"{the_file} (or the journal SQLite keeps beside it in {folder}) cannot be "
            "opened: the drive may have been removed, or the folder is not writable. Check "
            "it and try again."
        )
    return DamagedFileError(
        f"{the_file} is damaged ({cause}). Run 'crm-desktop check' to see what is wrong, "
        "or restore a backup (File › Restore from backup…)."
    )
