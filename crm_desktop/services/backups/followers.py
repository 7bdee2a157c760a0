"""Work that follows a backup's copy as it is made: the disk's writes and the page hashes.

A backup is named only once its copy is on the disk (``fsync``): that write
of the whole file is the floor of a backup's time. Left to the end, the
write starts only when the copy is complete, so the copy's time and the
disk's time add up. :class:`Flusher` has the disk start writing each part of
the copy as soon as it is copied (Linux's
``sync_file_range(SYNC_FILE_RANGE_WRITE)``: it starts the writeback of a
range and does not wait for it), in a thread of its own so that a busy disk
never holds the copy up; when the copy is complete it ``fsync``\\ s the file
by its path — the same flush as before, which then finds most of the file
written (100k, warm: −15 %). A cold source is read from the same disk, which
then reads and writes in turn: there the early writes gain nothing, nor cost
anything measurable (telling a cold source first, by reading a few of its
pages with ``RWF_NOWAIT``, cost ~35 ms of reads, and was dropped). The final
``fsync`` is what makes the file durable; the early writeback proves nothing
and is never relied on. Where ``sync_file_range`` does not exist (macOS,
Windows) only the final ``fsync`` runs.

:class:`HashesAsCopied` takes the page hashes that tell the changed pages
(:class:`~crm_desktop.services.backups.changed_pages.PageHashes`) part by
part, each part once it is final (its pages from the log written over it:
``pinned_copy``), while the next part is being copied — so the plan of the
check can start as soon as the copy ends. They are the hashes of the copy's
own bytes, read back from it, exactly as hashing the whole file afterwards
gives (a test compares the two); only the pinned copy reports its parts, and
a copy made any other way is hashed afterwards.

Each follower is told how many bytes from the start are copied
(:meth:`Follower.copied`), then :meth:`~Follower.finish` or
:meth:`~Follower.abandon`.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import queue
import threading
from array import array
from io import FileIO
from pathlib import Path
from typing import Any

from crm_desktop.safe_files import fsync_file
from crm_desktop.services.backups.changed_pages import PageHashes
from crm_desktop.services.backups.checksum import page_size_of
from crm_desktop.services.backups.linux_calls import libc_function

log = logging.getLogger(__name__)

_DONE = -1  # the copy is complete
_ABANDONED = -2  # the copy failed or is made another way: stop, do nothing more
_SYNC_FILE_RANGE_WRITE = 2  # start the writeback of dirty pages in the range; do not wait


_START_WRITEBACK = libc_function(
    "sync_file_range", (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
)


class Follower(threading.Thread):
    """A thread that works on each part of the file at ``path`` once it is copied, then on
    the whole when the copy is complete; ``result`` or ``error`` as :class:`~.verify.Worker`."""

    def __init__(self, path: Path, name: str):
        super().__init__(daemon=True, name=name)
        self.path = path
        self._ends: queue.SimpleQueue[int] = queue.SimpleQueue()
        self.result: Any = None
        self.error: BaseException | None = None
        self._completing = False

    def copied(self, end: int) -> None:
        """The first ``end`` bytes of the file are written (they will not change)."""
        self._ends.put(end)

    def finish(self) -> None:
        """The file is complete: finish the work on it (join to wait)."""
        self._ends.put(_DONE)

    def abandon(self) -> None:
        """Stop without finishing (the copy failed, was cancelled, or is made again another
        way). Waits for the thread unless it is already finishing (a flush of a file about
        to be removed need not hold a cancel up: it ends on its own)."""
        self._ends.put(_ABANDONED)
        if not self._completing:
            self.join()

    def run(self) -> None:
        try:
            start = 0
            while (end := self._ends.get()) >= 0:
                if end > start:
                    self.follow(start, end)
                    start = end
            if end == _DONE:
                self._completing = True
                self.result = self.complete()
        except BaseException as exc:
            self.error = exc
        finally:
            self.close()

    def follow(self, start: int, end: int) -> None:
        """Bytes ``start``…``end`` were copied."""

    def complete(self) -> Any:
        """The copy is complete; the result."""

    def close(self) -> None:
        """Release what the work held (always called, last)."""


class Flusher(Follower):
    """Starts the disk's writes of each part copied; ``fsync``\\ s the whole file at the end."""

    def __init__(self, path: Path):
        super().__init__(path, "backup-flush")
        self._fd: int | None = None
        self._early = _START_WRITEBACK is not None

    def follow(self, start: int, end: int) -> None:
        if not self._early:
            return
        try:
            if self._fd is None:
                self._fd = os.open(self.path, os.O_RDONLY)
            # Only a head start: its failure (an old kernel, another file system) is
            # harmless, the fsync writes whatever is left.
            assert _START_WRITEBACK is not None
            _START_WRITEBACK(self._fd, start, end - start, _SYNC_FILE_RANGE_WRITE)
        except OSError as exc:
            log.debug("backup: no early writeback (%s)", exc)
            self._early = False

    def complete(self) -> None:
        fsync_file(self.path)  # by its path: the file as it is now, whoever wrote it

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)


class HashesAsCopied(Follower):
    """The copy's page hashes and b-tree kind bytes, taken as it is copied.

    ``result``: (page size, hashes, kinds), or None when the copy's header has no
    valid page size (the check then refuses the copy on its own).
    """

    def __init__(self, path: Path):
        super().__init__(path, "backup-hashes")
        self._handle: FileIO | None = None
        self._pages: PageHashes | None = None
        self._invalid = False

    def _hashing(self) -> PageHashes | None:
        if self._pages is None and not self._invalid:
            self._handle = open(self.path, "rb", buffering=0)  # noqa: SIM115 (closed in close)
            page_size = page_size_of(self._handle.read(100))
            if page_size is None:
                self._invalid = True
                return None
            self._pages = PageHashes(page_size, bytearray())
        return self._pages

    def follow(self, start: int, end: int) -> None:
        pages = self._hashing()
        if pages is not None and self._handle is not None:
            pages.read(self._handle, end)

    def complete(self) -> tuple[int, array[int], bytes] | None:
        pages = self._hashing()
        if pages is None or self._handle is None:
            return None
        pages.read(self._handle)  # to the end of the file
        return pages.page_size, pages.hashes, bytes(pages.kinds or b"")

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
