"""Linux system calls that Python's ``os`` lacks, looked up once in the C library.

The backup starts the disk's writeback part by part (``sync_file_range``) and reserves a
copy's blocks first (``fallocate`` without zero-filling); elsewhere these are None and the
backup does without them.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Sequence
from typing import Any


def libc_function(name: str, argtypes: Sequence[Any]) -> Callable[..., int] | None:
    """The C library's ``name`` taking ``argtypes`` and returning an int (errno kept for
    ``ctypes.get_errno``), or None where it is not Linux or the library has no such call."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError):
        return None
    function.argtypes = list(argtypes)
    function.restype = ctypes.c_int
    return function
