"""A backup's checksum: written when it is made, compared before it is restored or verified.

A backup's SHA-256 goes into its record (the JSON file beside it); a backup
written with ``-o FILE`` has no record, so its checksum goes into
``FILE.sha256`` beside it, in the format of ``sha256sum`` (so
``sha256sum -c FILE.sha256`` checks it too). A file whose bytes no longer
match was changed since it was made: by a tool, by a disk going bad, by
someone. The checks before a restore still run on every file; the checksum is
what tells a file that passes them but holds other data than was backed up.

A backup into a folder records a *page checksum* instead (``page_sha256``
in its record): the SHA-256 of the SHA-256 of each of its pages, one after
the other — as strong, and it lets a daily backup reuse the digests of the
pages that did not change since the last verified backup (kept in the page
manifest, :mod:`~crm_desktop.services.backups.changed_pages`) instead of
hashing the whole file again. A page is reused only when its 64-bit XXH3
equals the manifest's; were the two to collide on different bytes, the
record would disagree with the file and the file would be told modified —
never a changed file told unchanged. Checking either kind reads every byte.

It proves the file unchanged, not who made it: whoever can change the file
can change the checksum beside it. What a file can do to the data is
bounded by the restore's own checks (schema, integrity, constraints, text).
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from crm_desktop.safe_files import write_bytes

SIDECAR_SUFFIX = ".sha256"
ALGORITHM = "sha256"

Verdict = Literal["unchanged", "modified", "none"]


def new_hash() -> hashlib._Hash:
    return hashlib.sha256()


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at ``path``, read through a memory map (hashlib frees the GIL)."""
    digest = new_hash()
    with open(path, "rb") as handle:
        try:
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                digest.update(mapped)
        except ValueError:  # an empty file cannot be mapped
            digest.update(handle.read())
    return digest.hexdigest()


def page_size_of(head: bytes) -> int | None:
    """The page size an SQLite header announces, or None when it is not a valid one."""
    if len(head) < 18:
        return None
    raw = int.from_bytes(head[16:18], "big")
    size = 65536 if raw == 1 else raw
    return size if size >= 512 and not size & (size - 1) else None


class PageHasher:
    """The page checksum of bytes fed in order (as :func:`file_page_digest` reads a file)."""

    def __init__(self, page_size: int):
        self.page_size = page_size
        self._digests = bytearray()  # the SHA-256 of each page, 32 bytes each
        self._rest = b""  # the start of a page not yet complete

    def update(self, data: bytes) -> None:
        if self._rest:
            data = self._rest + data
        size = self.page_size
        whole = len(data) - len(data) % size
        view = memoryview(data)
        for offset in range(0, whole, size):
            self._digests += hashlib.sha256(view[offset : offset + size]).digest()
        self._rest = bytes(view[whole:])

    def hexdigest(self) -> str:
        last = hashlib.sha256(self._rest).digest() if self._rest else b""
        return pages_root(bytes(self._digests) + last)


def pages_root(page_digests: bytes) -> str:
    """The page checksum from the SHA-256 of each page, one after the other."""
    return hashlib.sha256(page_digests).hexdigest()


def page_digests(
    path: Path, page_size: int, known: bytes = b"", stale: Iterable[int] = ()
) -> bytes:
    """The SHA-256 of each page of the file, one after the other (32 bytes a page).

    ``known``: the digests of the first pages, already known (those of the last
    verified backup), except the pages numbered in ``stale`` (from 1), which are
    hashed, as is every page beyond ``known``.
    """
    sha = hashlib.sha256
    with open(path, "rb") as handle:
        try:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file cannot be mapped
            return b""
        with mapped, memoryview(mapped) as view:
            count = -(-len(view) // page_size)
            digests = bytearray(known[: 32 * count])
            for number in stale:
                offset = (number - 1) * page_size
                if number <= len(digests) // 32:
                    digests[32 * (number - 1) : 32 * number] = sha(
                        view[offset : offset + page_size]
                    ).digest()
            for offset in range(len(digests) // 32 * page_size, len(view), page_size):
                digests += sha(view[offset : offset + page_size]).digest()
    return bytes(digests)


def file_page_digest(path: Path) -> str:
    """The page checksum of the file at ``path`` ("" when its header has no valid page size)."""
    with open(path, "rb") as handle:
        page_size = page_size_of(handle.read(100))
    return pages_root(page_digests(path, page_size)) if page_size else ""


def sidecar_of(backup: Path) -> Path:
    return backup.with_name(backup.name + SIDECAR_SUFFIX)


def write_sidecar(backup: Path, digest: str) -> None:
    """``<digest>  <name>``: what ``sha256sum`` writes and reads."""
    write_bytes(sidecar_of(backup), f"{digest}  {backup.name}\n".encode(), private=True)


def read_sidecar(backup: Path) -> str | None:
    """The checksum in ``backup.sha256``, or None when there is none (or it names another file)."""
    try:
        text = sidecar_of(backup).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        name = name.lstrip("*")
        if name == backup.name and len(digest) == 64:
            with contextlib.suppress(ValueError):
                int(digest, 16)
                return digest.lower()
    return None


def verdict(recorded: str | None, actual: str) -> Verdict:
    if not recorded:
        return "none"
    return "unchanged" if recorded.lower() == actual.lower() else "modified"
