"""Writing a report file all at once or not at all.

A renderer writes to a hidden temporary file in the target folder; only
when it is complete is it renamed over the target (an atomic step on the
same file system). A failure or a cancel removes the temporary file, so no
half-written report is ever left where the user looks.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from crm_desktop.errors import CrmError


def check_target(path: Path) -> Path:
    """The absolute target, or a CrmError that says why it cannot be written."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise CrmError(f"{path} is a folder: give a file name, e.g. {path / 'report.pdf'}.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CrmError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise CrmError(f"Cannot write {path}: the folder {folder} is read-only.")
    return path.absolute()


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it becomes ``path`` when the block ends well."""
    target = check_target(path)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise CrmError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        try:
            os.replace(temp, target)
        except PermissionError:
            raise CrmError(
                f"Cannot replace {target}: it is read-only or open in another program. "
                "Close it or choose another name."
            ) from None
        except OSError as exc:
            raise CrmError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    finally:
        temp.unlink(missing_ok=True)
