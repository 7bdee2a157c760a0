"""Writing a report file all at once or not at all, where the user asked, as their umask says.

A renderer writes to a hidden temporary file in the target folder; only
when it is complete is it flushed and renamed over the target (an atomic
step on the same file system). A failure or a cancel removes the temporary
file, so no half-written report is ever left where the user looks. The one
implementation is :func:`crm_desktop.safe_files.replacing`; a report is the
user's own file, so it gets the permissions their umask gives.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from crm_desktop.safe_files import check_output_path, replacing


def check_target(path: Path) -> Path:
    """The absolute target, or a CrmError that says why it cannot be written."""
    return check_output_path(path)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it becomes ``path`` when the block ends well."""
    with replacing(check_target(path), private=False) as temp:
        yield temp
