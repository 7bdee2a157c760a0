"""Copying the live database's file as the kernel copies files, when that is provably a snapshot.

SQLite's online backup API moves every page through its pager one by one
(~2× an in-kernel ``cp`` of the file, more with a cold cache). A plain copy
of the open file is not a backup: the newest commits may still be in the
``-wal`` file, and a checkpoint may be writing into the file meanwhile. This
module copies the file with ``copy_file_range`` only when the bytes it
copies are exactly one committed state, and says so; otherwise the caller
uses the backup API.

Why the copied bytes are one committed state:

1. The copy runs inside a read transaction of our own connection, which
   pins a snapshot: no checkpoint writes a frame beyond the snapshot into
   the file, and a reader that reads from the file alone (read lock 0)
   blocks every checkpoint (SQLite's ``walCheckpoint``).
2. In WAL mode, the wal-index header (the ``-shm`` file, which our read
   transaction has just read or recovered) must then say that every frame
   of the log is already in the file (``nBackfill == mxFrame``). The reader's
   mark lies between the two (``nBackfill ≤ mark ≤ mxFrame``), so equal
   means that the snapshot's every page is in the file, and that no later
   frame can be written there while the transaction lasts. The header is
   read as SQLite reads it: both copies equal, its version, its checksum.
3. In rollback mode (``journal_mode=DELETE``, e.g. the restore's locked
   connection), the read transaction's shared lock keeps every writer out.
4. Exactly the snapshot's pages are copied (``page_count × page_size``).

Before the transaction, a passive checkpoint (it never waits for anyone)
moves what the log holds into the file, as SQLite's automatic checkpoint
would at the next thousand pages, so that the test above usually holds.
Encrypted files, immutable connections (read-only media) and anything
unexpected take the backup API.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import struct
import sys
from pathlib import Path

log = logging.getLogger(__name__)

_WAL_INDEX_VERSION = 3007000
_HEADER = 48  # one copy of the wal-index header; two copies, then the checkpoint info
_NATIVE = "<" if sys.byteorder == "little" else ">"


def _wal_checksum(data: bytes) -> tuple[int, int]:
    """SQLite's ``walChecksumBytes`` in native byte order (as for the wal-index header)."""
    s1 = s2 = 0
    words = struct.unpack(f"{_NATIVE}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def log_in_file(shm: Path) -> bool:
    """Whether the wal-index at ``shm`` says every frame of the log is in the database file."""
    try:
        with open(shm, "rb") as handle:
            data = handle.read(_HEADER * 2 + 40)
    except OSError:
        return False
    if len(data) < _HEADER * 2 + 40:
        return False
    first, second = data[:_HEADER], data[_HEADER : 2 * _HEADER]
    if first != second:  # a writer is changing it: not provable now
        return False
    version, _unused, _change, is_init = struct.unpack_from(f"{_NATIVE}IIIB", first)
    if version != _WAL_INDEX_VERSION or is_init != 1:
        return False
    if _wal_checksum(first[:40]) != struct.unpack_from(f"{_NATIVE}II", first, 40):
        return False
    max_frame = struct.unpack_from(f"{_NATIVE}I", first, 16)[0]
    backfilled = struct.unpack_from(f"{_NATIVE}I", data, 2 * _HEADER)[0]
    return max_frame == backfilled


def _file_of(conn: sqlite3.Connection) -> Path | None:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def copy_pinned(source: sqlite3.Connection, target: Path) -> bool:
    """Copy the database of ``source`` into ``target`` (already created, empty) as one
    committed state; False (``target`` left as it may be) when that cannot be proven."""
    path = _file_of(source)
    if path is None or not path.is_file():
        return False
    own_transaction = not source.in_transaction
    try:
        if own_transaction:
            # Moves the log into the file if no reader needs it (never waits, never blocks).
            source.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            source.execute("BEGIN")
        try:
            # The read transaction starts with its first read: the snapshot is pinned.
            source.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
            page_count = int(source.execute("PRAGMA page_count").fetchone()[0])
            with open(path, "rb") as handle:
                head = handle.read(100)
                if head[:16] != b"SQLite format 3\x00" or len(head) < 100:
                    return False
                wal = head[18] == 2 or head[19] == 2
                if head[18] not in (1, 2) or head[19] not in (1, 2):
                    return False
                if wal and not log_in_file(Path(f"{path}-shm")):
                    log.info("backup: the log is not all in the file; SQLite's backup copies")
                    return False
                size = page_size * page_count
                if os.fstat(handle.fileno()).st_size < size:
                    return False
                with open(target, "r+b") as out:
                    _copy_range(handle.fileno(), out.fileno(), size)
        finally:
            if own_transaction:
                source.execute("COMMIT")
    except sqlite3.Error as exc:  # busy, locked, read-only: the backup API decides
        log.info("backup: a pinned copy was not possible (%s)", exc)
        return False
    return True


def _copy_range(source: int, target: int, size: int) -> None:
    """``size`` bytes from the start of ``source`` to ``target``, in the kernel where it can."""
    done = 0
    try:
        while done < size:
            moved = os.copy_file_range(source, target, size - done, done, done)
            if moved <= 0:
                break
            done += moved
    except (OSError, AttributeError):  # another file system, an old kernel, not Linux
        pass
    while done < size:
        chunk = os.pread(source, min(1 << 20, size - done), done)
        if not chunk:
            raise OSError(f"the database file ended after {done} of {size} bytes")
        os.pwrite(target, chunk, done)
        done += len(chunk)
    os.ftruncate(target, size)
