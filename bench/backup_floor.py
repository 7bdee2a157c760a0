"""The floor of a backup on this disk: the demo file's bytes written durably, several ways.

A backup must be on the disk before it is named, so no backup is faster than
writing its bytes and flushing them. This writes the same file as ``cp`` does,
side by side, alternating (each way once a round), and prints each against
``cp`` (not flushed: the baseline of the budget), with its CPU time:

* ``cp + fsync``: coreutils ``cp`` (``copy_file_range``), then ``fsync``;
* ``backup's writes``: what ``pinned_copy`` and ``followers.Flusher`` do:
  ``copy_file_range`` in parts of 8 MB, the writeback of each part started at
  once (``sync_file_range``), one ``fsync`` at the end; with and without the
  blocks reserved first (``fallocate``, wave 8);
* ``O_DIRECT``: the bytes read into aligned buffers and written past the page
  cache in parts of 8 MB (two writers) or 4 MB (eight writers), then ``fsync``.

What a way leaves is deleted right after it, outside the clock. ``cold``
evicts the source first (``posix_fadvise``, only this file).

Run: ``CRM_BENCH_DIR=<copies> .venv/bin/python bench/backup_floor.py [warm|cold]``
(``CRM_BENCH_REPEAT`` rounds, default 5; ``CRM_BENCH_CUSTOMERS`` picks the file).
"""

from __future__ import annotations

import ctypes
import mmap
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from common import OUT, demo_database, median

REPEAT = int(os.environ.get("CRM_BENCH_REPEAT", "5"))
PART = 8 << 20
_LIBC = ctypes.CDLL(None, use_errno=True)
_LIBC.sync_file_range.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
_LIBC.fallocate.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_int64]


def ways(source: Path, target: Path) -> dict[str, Callable[[], None]]:
    size = source.stat().st_size

    def cp() -> None:
        subprocess.run(["cp", str(source), str(target)], check=True)

    def cp_fsync() -> None:
        cp()
        fd = os.open(target, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)

    def backups_writes(reserve: bool) -> Callable[[], None]:
        def write() -> None:
            src = os.open(source, os.O_RDONLY)
            dst = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            if reserve and _LIBC.fallocate(dst, 1, 0, size) != 0:  # FALLOC_FL_KEEP_SIZE
                raise OSError(ctypes.get_errno(), "fallocate")
            done = 0
            while done < size:
                moved = os.copy_file_range(src, dst, min(PART, size - done), done, done)
                _LIBC.sync_file_range(dst, done, moved, 2)  # SYNC_FILE_RANGE_WRITE
                done += moved
            os.fsync(dst)
            os.close(dst)
            os.close(src)

        return write

    def direct(part: int, writers: int) -> Callable[[], None]:
        def write() -> None:
            src = os.open(source, os.O_RDONLY)
            dst = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_DIRECT, 0o600)
            lock, offsets = threading.Lock(), iter(range(0, size, part))

            def writer() -> None:
                buffer = mmap.mmap(-1, part)  # page-aligned, as O_DIRECT needs
                view = memoryview(buffer)
                while True:
                    with lock:
                        offset = next(offsets, None)
                    if offset is None:
                        break
                    read = os.preadv(src, [view[: min(part, size - offset)]], offset)
                    aligned, written = (read + 4095) // 4096 * 4096, 0
                    while written < aligned:
                        written += os.pwrite(dst, view[written:aligned], offset + written)
                view.release()
                buffer.close()

            threads = [threading.Thread(target=writer) for _ in range(writers)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            os.ftruncate(dst, size)
            os.fsync(dst)
            os.close(dst)
            os.close(src)

        return write

    return {
        "cp (baseline)": cp,
        "cp + fsync": cp_fsync,
        "backup's writes, blocks reserved": backups_writes(True),
        "backup's writes, not reserved (wave 7)": backups_writes(False),
        "O_DIRECT, 8 MB x 2 writers, fsync": direct(8 << 20, 2),
        "O_DIRECT, 4 MB x 8 writers, fsync": direct(4 << 20, 8),
    }


def main() -> None:
    cold = "cold" in sys.argv[1:]
    source = demo_database()
    work = Path(tempfile.mkdtemp(prefix="bench-floor-", dir=OUT))
    target = work / "copy.sqlite3"
    size = source.stat().st_size
    print(f"# {source.name}: {size / 1e6:.1f} MB, {REPEAT} rounds, {'cold' if cold else 'warm'}")
    print(f"# load average before: {Path('/proc/loadavg').read_text().strip()}")
    every = ways(source, target)
    walls: dict[str, list[float]] = {name: [] for name in every}
    cpus: dict[str, list[float]] = {name: [] for name in every}
    with open(source, "rb") as handle:  # warm: the whole file in the page cache
        while handle.read(1 << 24):
            pass
    try:
        for _ in range(REPEAT):
            for name, way in every.items():
                if cold:
                    fd = os.open(source, os.O_RDONLY)
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    os.close(fd)
                before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, -1)]
                started = time.perf_counter()
                way()
                walls[name].append(time.perf_counter() - started)
                after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, -1)]
                cpus[name].append(
                    sum(
                        b.ru_utime - a.ru_utime + b.ru_stime - a.ru_stime
                        for a, b in zip(before, after, strict=True)
                    )
                )
                target.unlink()  # outside the clock
    finally:
        target.unlink(missing_ok=True)
        work.rmdir()
    base = median(walls["cp (baseline)"])
    for name in every:
        wall, cpu = median(walls[name]), median(cpus[name])
        runs = ", ".join(f"{t * 1000:.0f}" for t in walls[name])
        print(
            f"{name:42s} {wall * 1000:7.0f} ms  {wall / base:5.2f}× cp   "
            f"CPU {cpu * 1000:5.0f} ms   runs: {runs}"
        )
    print(f"# load average after: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
