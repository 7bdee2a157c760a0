"""The errors CRM Desktop explains to the user instead of crashing.

Two kinds of failure exist (as in qutebrowser): the user's or the
environment's — an invalid field, a locked or read-only file, a full disk, a
bad import file — which are :class:`CrmError` and carry a message fit to show
as it is; and our own bugs, which are any other exception and end in the
crash dialog and the log. Every layer raises these; none of them knows Qt.
"""

from __future__ import annotations

from collections.abc import Mapping


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
