"""Copying the live database's file as the kernel copies files, when that is provably a snapshot.

SQLite's online backup API moves every page through its pager one by one
(~2× an in-kernel ``cp`` of the file, more with a cold cache). A plain copy
of the open file is not a backup: the newest commits may still be in the
``-wal`` file, and a checkpoint may be writing into the file meanwhile. This
module copies the file with ``copy_file_range`` and then writes over it the
pages the log holds for the snapshot, only when that is provably one
committed state; otherwise the caller uses the backup API.

Why the result is the snapshot of our read transaction:

1. The copy runs inside a read transaction of our own connection. Its
   snapshot is the wal-index header (the ``-shm`` file) it read when it began:
   the header is read before and after the transaction's first read, and
   must be the same both times (each commit changes it: ``iChange``), with
   both of its copies equal, its version and its checksum right — as SQLite
   reads it.
2. If every frame of the log is in the file (``nBackfill == mxFrame``), the
   file is the snapshot: the reader's mark lies between the two, and no
   checkpoint writes a frame past a reader's mark, nor into the file at all
   while a reader reads from the file alone (``walCheckpoint``).
3. Otherwise the reader holds a read mark above 0, which keeps every writer
   from restarting the log: frames 1…``mxFrame`` stay as they are. A
   checkpoint may write into the file meanwhile, but only pages that those
   frames hold, and the copy then writes each such page from its newest
   frame up to ``mxFrame``, as SQLite's reader would read it (the frame's
   salts must be the log's). Any page the file lacks must come from the log.
4. In rollback mode (``journal_mode=DELETE``, e.g. the restore's locked
   connection), the read transaction's shared lock keeps every writer out.
5. Exactly the snapshot's pages are copied (``page_count × page_size``), into
   blocks reserved on the disk first (:func:`reserve`), which hold nothing of
   their own: every byte up to that size is written by the copy.

Encrypted files, immutable connections (read-only media) and anything
unexpected take the backup API. Nothing is written to the live database.
"""

from __future__ import annotations

import collections
import ctypes
import errno
import logging
import os
import sqlite3
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crm_desktop.services.backups.linux_calls import libc_function

log = logging.getLogger(__name__)

_WAL_INDEX_VERSION = 3007000
_HEADER = 48  # one copy of the wal-index header; two copies, then the checkpoint info
_NATIVE = "<" if sys.byteorder == "little" else ">"
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_FRAME_HEADER = 24
# A log longer than this (one huge transaction not yet checkpointed) is not read into
# memory: SQLite's backup API copies such a database instead.
MAX_LOG_BYTES = 64 << 20
# The file is copied in parts of this size, each reported as it is done (the disk starts
# writing it, and its pages are hashed, meanwhile: followers.py). 8–64 MB measured alike
# (a cold 189 MB file: 70 ms either way).
CHUNK_BYTES = 8 << 20


_FALLOCATE = libc_function(
    "fallocate", (ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_int64)
)
# A disk without room is said at once, before any byte is copied; any other refusal (a file
# system that cannot reserve: FAT, some network ones) only means the copy allocates as it
# writes, as before, and any real trouble is then met by the writes themselves.
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT)
# Blocks past the end, the file's size unchanged: the copy's writes make it grow as before,
# and FAT, which has no unwritten blocks, need not fill them with zeros first.
_KEEP_SIZE = 1  # FALLOC_FL_KEEP_SIZE


def reserve(fd: int, size: int) -> bool:
    """Allocate the blocks of the first ``size`` bytes of the file ``fd`` on the disk at
    once (its size stays as it is: the copy's writes make it grow); False where the file
    system cannot. A full disk raises ENOSPC here, before any byte is copied.

    Why: written into a file without blocks, ext4 allocates them as the kernel writes the
    pages back, part by part (delayed allocation), and the writers wait on it; one extent
    reserved first leaves the writeback only the data to write. Measured on this disk (the
    1M file, 1.9 GB, warm, variants alternating): copy + early writeback + fsync 1.8–2.5 s
    instead of 2.5–3.2 s, 0.65 s of CPU instead of 0.96–1.15 s; 100k: 257 vs 281 ms, 63 vs
    83 ms of CPU (bench/README.md, wave 8). Not ``posix_fallocate``: where the file system
    cannot, glibc writes into every block instead, a second write of the whole file."""
    if _FALLOCATE is None or size <= 0:
        return False
    if _FALLOCATE(fd, _KEEP_SIZE, 0, size) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_ROOM:
        raise OSError(code, os.strerror(code))
    log.debug("backup: blocks not reserved ahead (%s)", os.strerror(code))
    return False


def _wal_checksum(data: bytes) -> tuple[int, int]:
    """SQLite's ``walChecksumBytes`` in native byte order (as for the wal-index header)."""
    s1 = s2 = 0
    words = struct.unpack(f"{_NATIVE}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


@dataclass(frozen=True)
class WalIndex:
    """What the wal-index header says: the header's bytes, the log's frames and salts."""

    header: bytes
    max_frame: int
    backfilled: int
    page_size: int
    salts: bytes  # as in the log's header and each of its frames

    @property
    def all_in_file(self) -> bool:
        return self.max_frame == self.backfilled


def read_wal_index(shm: Path) -> WalIndex | None:
    """The wal-index header at ``shm``, or None when it is not one SQLite would read now."""
    try:
        with open(shm, "rb") as handle:
            data = handle.read(_HEADER * 2 + 40)
    except OSError:
        return None
    if len(data) < _HEADER * 2 + 40:
        return None
    first, second = data[:_HEADER], data[_HEADER : 2 * _HEADER]
    if first != second:  # a writer is changing it: not provable now
        return None
    version, _unused, _change, is_init, _big_end, raw_size = struct.unpack_from(
        f"{_NATIVE}IIIBBH", first
    )
    if version != _WAL_INDEX_VERSION or is_init != 1:
        return None
    if _wal_checksum(first[:40]) != struct.unpack_from(f"{_NATIVE}II", first, 40):
        return None
    page_size = (raw_size & 0xFE00) + ((raw_size & 0x0001) << 16)
    max_frame = struct.unpack_from(f"{_NATIVE}I", first, 16)[0]
    backfilled = struct.unpack_from(f"{_NATIVE}I", data, 2 * _HEADER)[0]
    return WalIndex(first, max_frame, backfilled, page_size, first[32:40])


def log_in_file(shm: Path) -> bool:
    """Whether the wal-index at ``shm`` says every frame of the log is in the database file."""
    index = read_wal_index(shm)
    return index is not None and index.all_in_file


def _file_of(conn: sqlite3.Connection) -> Path | None:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def copy_pinned(
    source: sqlite3.Connection, target: Path, copied: Callable[[int], None] | None = None
) -> bool:
    """Copy the database of ``source`` into ``target`` (already created, empty) as one
    committed state; False (``target`` left as it may be) when that cannot be proven.

    ``copied`` is told how many bytes from the start of ``target`` are final, as the copy
    goes: each part is reported once its pages from the log are written into it."""
    path = _file_of(source)
    if path is None or not path.is_file():
        return False
    shm = Path(f"{path}-shm")
    own_transaction = not source.in_transaction
    try:
        before = read_wal_index(shm) if own_transaction else None
        if own_transaction:
            source.execute("BEGIN")
        try:
            # The read transaction starts with its first read: the snapshot is pinned.
            source.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
            page_count = int(source.execute("PRAGMA page_count").fetchone()[0])
            with open(path, "rb") as handle:
                head = handle.read(100)
                if len(head) < 100 or head[:16] != b"SQLite format 3\x00":
                    return False
                if head[18] not in (1, 2) or head[19] not in (1, 2):
                    return False
                frames: dict[int, memoryview] = {}
                if head[18] == 2 or head[19] == 2:
                    after = read_wal_index(shm)
                    if before is None or after is None or before.header != after.header:
                        log.info("backup: the log changed as the snapshot began")
                        return False
                    if not after.all_in_file:
                        if after.page_size != page_size:
                            return False
                        found = _newest_frames(Path(f"{path}-wal"), after, page_count)
                        if found is None:
                            return False
                        frames = found
                size = page_size * page_count
                in_file = min(os.fstat(handle.fileno()).st_size // page_size, page_count)
                if any(number not in frames for number in range(in_file + 1, page_count + 1)):
                    return False  # a page neither in the file nor in the log
                with open(target, "r+b") as out:
                    reserve(out.fileno(), size)
                    # Each part copied gets its pages from the log at once, so that what
                    # ``copied`` is told is final (the page hashes follow the copy).
                    pending = collections.deque(sorted(frames))  # page numbers, ascending
                    told = copied or (lambda done: None)

                    def part_done(end: int) -> None:
                        out.flush()
                        while pending and (pending[0] - 1) * page_size < end:
                            number = pending.popleft()
                            _write_at(out.fileno(), frames[number], (number - 1) * page_size)
                        told(end)

                    if not _copy_range(handle, out, in_file * page_size, part_done):
                        return False
                    part_done(size)  # the pages beyond the file's end, from the log
                    os.ftruncate(out.fileno(), size)
        finally:
            if own_transaction:
                source.execute("COMMIT")
    except sqlite3.Error as exc:  # busy, locked, read-only: the backup API decides
        log.info("backup: a pinned copy was not possible (%s)", exc)
        return False
    return True


def _write_at(fd: int, data: memoryview, offset: int) -> None:
    """All of ``data`` at ``offset`` (the file's position is not moved)."""
    while data:
        written = os.pwrite(fd, data, offset)
        data, offset = data[written:], offset + written


def _newest_frames(wal: Path, index: WalIndex, page_count: int) -> dict[int, memoryview] | None:
    """Page number → its page in its newest frame among frames 1…``mxFrame``, or None when
    the log's header or a frame's salts are not those of the wal-index."""
    frame_size = _FRAME_HEADER + index.page_size
    if index.max_frame * frame_size > MAX_LOG_BYTES:
        return None
    try:
        with open(wal, "rb") as handle:
            head = handle.read(32)
            data = handle.read(index.max_frame * frame_size)
    except OSError:
        return None
    if len(head) < 32 or struct.unpack_from(">I", head)[0] not in _WAL_MAGIC:
        return None
    if struct.unpack_from(">I", head, 8)[0] != index.page_size or head[16:24] != index.salts:
        return None
    if len(data) < index.max_frame * frame_size:
        return None
    view = memoryview(data)
    newest: dict[int, memoryview] = {}
    for offset in range(0, index.max_frame * frame_size, frame_size):
        if view[offset + 8 : offset + 16] != index.salts:
            return None
        number = struct.unpack_from(">I", data, offset)[0]
        if number == 0:
            return None
        if number <= page_count:
            newest[number] = view[offset + _FRAME_HEADER : offset + frame_size]
    return newest


def _copy_range(source: BinaryIO, target: BinaryIO, size: int, told: Callable[[int], None]) -> bool:
    """``size`` bytes from the start of ``source`` to ``target``, in the kernel where it can;
    False when the source ends before. ``told(bytes done)`` after each part."""
    done = 0
    while done < size:
        try:
            moved = os.copy_file_range(
                source.fileno(), target.fileno(), min(CHUNK_BYTES, size - done), done, done
            )
        except (OSError, AttributeError):  # another file system, an old kernel, not Linux
            break
        if moved <= 0:
            break
        done += moved
        told(done)  # its errors are not the kernel's refusal: they go up
    source.seek(done)
    target.seek(done)
    while done < size:
        chunk = source.read(min(1 << 20, size - done))
        if not chunk:
            return False
        target.write(chunk)
        done += len(chunk)
        if done % CHUNK_BYTES < len(chunk) or done == size:
            target.flush()
            told(done)
    target.flush()
    return True
