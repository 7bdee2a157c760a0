"""Which b-trees of a new backup changed since the last verified one: what the check must read.

Reading and checking every cell of a fresh copy costs three times the copy
itself, yet from one day to the next most pages of a database are the same.
A page whose bytes equal those of the same page of a backup that passed the
check is known to be sound; a b-tree all of whose pages are unchanged is the
same b-tree that passed. So after the first full check, a backup checks only
the tables (with their indexes) in which a page changed.

Per backup folder and database, a *manifest* (a hidden file,
``.<database>.pages-<key>``) keeps a 64-bit hash (XXH3) and the SHA-256 of
every page of the last verified backup, its page checksum
(:mod:`~crm_desktop.services.backups.checksum`) and when the last *full*
check of the chain ran. A new copy's pages are hashed in one pass over its
memory map (XXH3 runs at several GB/s, five times zlib's CRC-32 here, and
64 bits where a CRC had 32: a changed page is taken for unchanged with a
chance of 2⁻⁶⁴); the b-trees are walked from their root pages through the
interior pages only (a few in a hundred), which gives the tree of every
page; the freelist is walked and checked whole (range, no page twice, its
count). A manifest of the CRC-32 format of earlier versions is not read:
the next backup is checked whole and writes the new one.

The manifest also keeps the b-tree each page belonged to (format 3), so that
an unchanged table's references into a changed one need not be read whole:
a key can have gone only from a leaf that changed, so only the keys between
the unchanged leaves (``Plan.gaps``) are looked up
(:func:`~crm_desktop.services.backups.verify.run_checks`).

The plan falls back to the full check whenever it cannot account for a
changed page: no manifest (or a damaged one, or another page size), a full
check older than :data:`FULL_CHECK_EVERY`, a changed page of the schema
(``sqlite_schema``), a changed page in no b-tree and not free (an overflow
page, whose owner the walk does not know), a page reached twice or out of
range, an interior page of an unknown kind. A damaged copy therefore always
meets a check that reads the damaged tree: its page hash differs (or the walk
fails), and the table is checked (or everything is).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from io import FileIO
from pathlib import Path
from typing import BinaryIO

import xxhash

from crm_desktop.services.backups.files import write_atomically

FULL_CHECK_EVERY = timedelta(days=7)
# Format 1 kept a CRC-32 of each page: read as no manifest (a full check), then replaced.
# Format 2 has no owners of the pages: read, and the references into changed tables are
# checked whole once (``Plan.gaps`` needs the owners).
_MAGIC_V2 = b"CRMPAGES2\n"
_MAGIC = b"CRMPAGES3\n"
_HEADER = struct.Struct(">II32sq")  # page size, page count, page checksum, full check
_OWNERS = struct.Struct(">I")  # how many owners follow the page digests (0: not known)
_TABLE_LEAF = 0x0D
_TABLE_INTERIOR = 0x05
_LEAF = (0x0D, 0x0A)  # table leaf, index leaf
_INTERIOR = (0x05, 0x02)  # table interior, index interior
_FREE = -1


@dataclass
class Digests:
    """A backup's page checksum (``checksum.pages_root``) and, for each of its pages, its
    XXH3-64 (page 1 without its header) and its SHA-256."""

    checksum: str
    page_size: int
    pages: array[int] = field(default_factory=lambda: array("Q"))
    shas: bytes = b""  # 32 bytes a page

    def differing(self, new_pages: array[int]) -> list[int]:
        """The numbers of the pages of a new copy (XXH3s ``new_pages``) whose hash differs from
        this backup's page of the same number; page 1 always (its header may differ), pages
        beyond this backup's end not (the caller knows there are more)."""
        return [1] + [number for number in differing_pages(new_pages, self.pages) if number > 1]


# Hashes compared a block at a time as bytes (C's memcmp), then one by one only inside a
# block that differs: a day's work changes a few hundred of 140,000 pages at 1M customers,
# and the loop over every pair in Python took ~25 ms of the plan each time it ran.
_BLOCK_PAGES = 256


def differing_pages(new: array[int], old: array[int]) -> list[int]:
    """The numbers (from 1) of the pages among the first ``min(len(new), len(old))`` whose
    hash in ``new`` differs from that in ``old``, in order."""
    count, size = min(len(new), len(old)), new.itemsize
    assert old.itemsize == size, "hashes of two widths"
    ours, theirs = new.tobytes(), old.tobytes()
    found: list[int] = []
    for start in range(0, count, _BLOCK_PAGES):
        end = min(count, start + _BLOCK_PAGES)
        if ours[start * size : end * size] != theirs[start * size : end * size]:
            found += [n + 1 for n in range(start, end) if new[n] != old[n]]
    return found


def page_hashes(path: Path, page_size: int, kinds: bytearray | None = None) -> array[int]:
    """The XXH3-64 of each page of the file, read in large blocks (one read of each page).

    Page 1's first 100 bytes are the file header: its change counter moves with
    every write; the header is checked on its own (``verify.check_header``).
    Read, not mapped: the copy is being flushed meanwhile, and a fault on a mapped
    page waits for the page lock the flush takes, where a read of a cached page
    does not (at 1M customers: 2.6 s instead of 0.3 s beside the fsync). ``kinds``, if
    given, gets each page's b-tree kind byte (for the walk).
    """
    hashing = PageHashes(page_size, kinds)
    with open(path, "rb", buffering=0) as handle:
        hashing.read(handle)
    return hashing.hashes


class PageHashes:
    """The page hashes of a file (:func:`page_hashes`), taken page by page in order: all at
    once, or part by part as a copy is being made (``followers.HashesAsCopied``)."""

    def __init__(self, page_size: int, kinds: bytearray | None = None):
        self.page_size = page_size
        self.hashes = array("Q")
        self.kinds = kinds
        self._block = bytearray(page_size * max(1, (4 << 20) // page_size))

    def read(self, handle: FileIO, end: int | None = None) -> None:
        """Hash the pages after those hashed so far: the whole ones before byte ``end``, or
        (``end`` None) all up to the end of the file, the last one even if cut short."""
        size = self.page_size
        position = len(self.hashes) * size
        handle.seek(position)
        with memoryview(self._block) as view:
            while True:
                want = len(view) if end is None else min(len(view), (end - position) // size * size)
                got = 0
                while got < want:  # a whole block: pages stay aligned
                    more = handle.readinto(view[got:want])
                    if not more:
                        break
                    got += more
                if got:
                    self._hash(view, got)
                    position += got
                if got < len(view) or not got:
                    return

    def _hash(self, view: memoryview, size: int) -> None:
        page, step, start = xxhash.xxh3_64_intdigest, self.page_size, 0
        if not self.hashes:  # page 1 without the file header
            self.hashes.append(page(view[100 : min(step, size)]))
            if self.kinds is not None:
                self.kinds.append(view[100] if size > 100 else 0)
            start = step
        if self.kinds is not None:
            self.kinds += self._block[start:size:step]
        self.hashes.extend(
            page(view[offset : min(offset + step, size)]) for offset in range(start, size, step)
        )


# --- the manifest --------------------------------------------------------------------------


@dataclass
class Manifest:
    """What is known of the last verified backup of one database in one folder."""

    checksum: str
    full_check_at: datetime
    digests: Digests
    # The b-tree of each page (1 + index in ``trees_of``, ``_FREE``, 0), or None (format 2).
    owners: array[int] | None = None


def manifest_path(folder: Path, source_key: str, db_name: str) -> Path:
    key = hashlib.sha256(source_key.encode("utf-8")).hexdigest()[:16]
    return folder / f".{db_name}.pages-{key}"


def write_manifest(
    path: Path, digests: Digests, full_check_at: datetime, owners: array[int] | None = None
) -> None:
    """Replace the manifest (private, atomic); its own SHA-256 at its end."""
    known = owners if owners is not None and len(owners) == len(digests.pages) + 1 else None
    body = (
        _MAGIC
        + _HEADER.pack(
            digests.page_size,
            len(digests.pages),
            bytes.fromhex(digests.checksum),
            int(full_check_at.timestamp()),
        )
        + digests.pages.tobytes()  # machine order: read back on the same machine
        + digests.shas
        + _OWNERS.pack(0 if known is None else len(known))
        + (known.tobytes() if known is not None else b"")
    )
    write_atomically(path, body + hashlib.sha256(body).digest())


def read_manifest(path: Path) -> Manifest | None:
    """The manifest, or None when there is none or it is damaged (then: the full check)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body, seal = data[:-32], data[-32:]
    if len(data) < len(_MAGIC) + _HEADER.size + 32 or hashlib.sha256(body).digest() != seal:
        return None
    if not body.startswith((_MAGIC, _MAGIC_V2)):
        return None
    page_size, count, root, full_at = _HEADER.unpack_from(body, len(_MAGIC))
    pages = array("Q")
    rest = body[len(_MAGIC) + _HEADER.size :]
    digests_end = count * (pages.itemsize + 32)
    owners: array[int] | None = None
    if body.startswith(_MAGIC):
        if len(rest) < digests_end + _OWNERS.size:
            return None
        (known,) = _OWNERS.unpack_from(rest, digests_end)
        tail = rest[digests_end + _OWNERS.size :]
        if known not in (0, count + 1):
            return None
        owners = array("i")
        if len(tail) != known * owners.itemsize:
            return None
        owners.frombytes(tail)
        owners = owners if known else None
        rest = rest[:digests_end]
    if len(rest) != digests_end:
        return None
    pages.frombytes(rest[: count * pages.itemsize])
    shas = rest[count * pages.itemsize :]
    moment = datetime.fromtimestamp(full_at, UTC)
    return Manifest(root.hex(), moment, Digests(root.hex(), page_size, pages, shas), owners)


# --- the plan ------------------------------------------------------------------------------


Gaps = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Plan:
    """What the check of a new backup reads: everything, or the tables named."""

    full: bool
    tables: frozenset[str] = frozenset()
    why: str = ""  # why the full check (for the log and the record)
    changed_pages: int = 0
    # The owner of each page of the new copy (for the next manifest), when walked.
    owners: array[int] | None = field(default=None, compare=False)
    # For a changed table: open intervals of rowids, outside which every key is held by an
    # unchanged leaf of the verified backup (so no key was deleted there); see ``_gaps``.
    gaps: dict[str, Gaps] = field(default_factory=dict, compare=False)
    # With ``gaps_later``: finds ``gaps`` when called (the check calls it beside the
    # structural check, which does not need them).
    find_gaps: Callable[[], dict[str, Gaps]] | None = field(default=None, compare=False)


def _full(why: str, owners: array[int] | None = None) -> Plan:
    return Plan(full=True, why=why, owners=owners)


def plan_check(
    path: Path,
    pages: array[int],
    page_size: int,
    base: Manifest | None,
    trees: Callable[[], list[tuple[str, int]]],
    *,
    now: datetime | None = None,
    parents: Callable[[], frozenset[str]] | None = None,
    kinds: bytes | None = None,
    gaps_later: bool = False,
) -> Plan:
    """Which tables of the copy at ``path`` must be checked, knowing ``base``.

    ``pages``: the copy's page hashes (:func:`page_hashes`). ``trees``: gives
    (table the b-tree belongs to, root page) of every b-tree, from the copy's
    ``sqlite_schema`` (an index under its table's name); called only when
    pages changed.
    ``parents``: the tables some foreign key refers to (the only ones whose gaps are
    needed); all changed tables when not given. ``gaps_later``: the gaps are found by
    ``Plan.find_gaps`` when it is called, not now.
    """
    now = now or datetime.now(UTC)
    why = ""
    if base is None:
        why = "no earlier verified backup to compare with"
    elif now - base.full_check_at >= FULL_CHECK_EVERY:
        why = "the last full check is a week old"
    elif base.digests.page_size != page_size:
        why = "the page size changed"
    if why:  # the owners are still walked: the next backup's plan needs them
        roots = trees()
        return _full(why, _walk(path, page_size, len(pages), roots, kinds))
    assert base is not None
    old, new = base.digests.pages, pages
    changed = differing_pages(new, old)
    changed += range(len(old) + 1, len(new) + 1)
    if not changed:  # the same pages: the same trees
        return Plan(full=False, owners=base.owners)
    roots = trees()
    owners = _walk(path, page_size, len(new), roots, kinds)
    if owners is None:
        return _full("a page is reached twice, out of range or of an unknown kind")
    tables: set[str] = set()
    names = [table for table, _ in roots]
    for number in changed:
        owner = owners[number]
        if owner == _FREE:
            continue  # free pages hold nothing; the freelist itself was walked whole
        if owner == 0:
            return _full(f"page {number} changed outside every b-tree")
        table = names[owner - 1]
        if table == "sqlite_schema":
            return _full("the schema changed", owners)
        tables.add(table)
    wanted = tables & parents() if parents is not None else tables
    old_owners = base.owners

    def find_gaps() -> dict[str, Gaps]:
        if old_owners is None or not wanted:
            return {}
        return _gaps(path, page_size, owners, old_owners, set(changed), wanted, roots, kinds)

    return Plan(
        full=False,
        tables=frozenset(tables),
        changed_pages=len(changed),
        owners=owners,
        gaps={} if gaps_later else find_gaps(),
        find_gaps=find_gaps if gaps_later else None,
    )


def _gaps(
    path: Path,
    page_size: int,
    owners: array[int],
    old_owners: array[int],
    changed: set[int],
    tables: set[str],
    trees: list[tuple[str, int]],
    kinds: bytes | None = None,
) -> dict[str, Gaps]:
    """Where in each changed rowid table a key of the last verified backup may be missing now.

    The keys of a table b-tree are spread over its leaves in order, each leaf holding a
    contiguous run. A leaf page whose bytes are unchanged and that belonged to the same
    tree in the verified backup holds the same keys [first, last] as then, and no other
    key of either version lies between them. So every key the verified backup had and
    the new copy lacks lies outside all such [first, last]: in the returned open
    intervals (the new tree itself is checked by ``quick_check``, the old one was). A
    table whose leaves cannot be read so is left out (its referrers are checked whole).
    """
    found: dict[str, Gaps] = {}
    short = struct.Struct(">H")
    with open(path, "rb", buffering=0) as handle:
        pages = _Pages(handle, page_size, kinds)
        table_tree: dict[int, str] = {}
        for index, (table, root) in enumerate(trees, start=1):
            if table in tables and pages.kind(root) in (_TABLE_LEAF, _TABLE_INTERIOR):
                table_tree[index] = table
        spans: dict[str, list[tuple[int, int]]] = {table: [] for table in table_tree.values()}
        broken: set[str] = set()
        old_count = len(old_owners)
        for number in range(1, len(owners)):
            owner = table_tree.get(owners[number])
            if owner is None or number in changed or number >= old_count:
                continue
            if old_owners[number] != owners[number] or pages.kind(number) != _TABLE_LEAF:
                continue
            data = pages(number)
            head = 100 if number == 1 else 0
            cells = short.unpack_from(data, head + 3)[0]
            if not cells:
                continue
            first = _rowid_of_cell(data, short.unpack_from(data, head + 8)[0], page_size)
            last = _rowid_of_cell(
                data, short.unpack_from(data, head + 8 + 2 * (cells - 1))[0], page_size
            )
            if first is None or last is None or first > last:
                broken.add(owner)
                continue
            spans[owner].append((first, last))
    for table, runs in spans.items():
        if table in broken:
            continue
        runs.sort()
        gaps: list[tuple[float, float]] = []
        low: float = float("-inf")
        for first, last in runs:
            if first <= low:  # runs overlap: not a sound tree, no shortcut
                break
            if first > low + 1:
                gaps.append((low, first))
            low = last
        else:
            gaps.append((low, float("inf")))
            found[table] = tuple(gaps)
    return found


def _rowid_of_cell(data: bytes, position: int, page_size: int) -> int | None:
    """The rowid of a table-leaf cell: after the payload size, both SQLite varints."""
    end = min(page_size, len(data))
    if not 0 < position < end:
        return None
    value = 0
    for _field in range(2):
        value = 0
        for i in range(9):
            if position >= end:
                return None
            byte = data[position]
            position += 1
            if i == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
    return value - (1 << 64) if value >= 1 << 63 else value


class _Pages:
    """Pages of a file read with ``pread`` (a fault on a mapped page of a copy being flushed
    waits for the flush's page lock; a read of a cached page does not)."""

    def __init__(self, handle: BinaryIO, page_size: int, kinds: bytes | None):
        self._handle = handle
        self.size = page_size
        self._kinds = kinds

    def __call__(self, number: int) -> bytes:
        self._handle.seek((number - 1) * self.size)  # (os.pread is not on every system)
        return self._handle.read(self.size)

    def kind(self, number: int) -> int | None:
        """The first byte of the page's b-tree header (known from the hashing pass)."""
        if self._kinds is not None and number <= len(self._kinds):
            return self._kinds[number - 1]
        data = self(number)
        head = 100 if number == 1 else 0
        return data[head] if len(data) > head else None


def _walk(
    path: Path,
    page_size: int,
    page_count: int,
    trees: list[tuple[str, int]],
    kinds: bytes | None = None,
) -> array[int] | None:
    """The owner of every page: 1 + index in ``trees``, ``_FREE``, or 0 (overflow, unused).

    ``kinds``: each page's b-tree kind byte (from :func:`page_hashes`), so that only the
    interior pages are read here. An interior page's cell pointers are read in one call and
    its children visited in one loop (at 1M customers the walk visits 140,000 pages).
    """
    owners = array("i", bytes(4 * (page_count + 1)))
    long = struct.Struct(">I")
    with open(path, "rb", buffering=0) as handle:
        if os.fstat(handle.fileno()).st_size < page_count * page_size:
            return None
        pages = _Pages(handle, page_size, kinds)
        known = kinds if kinds is not None and len(kinds) >= page_count else b""
        for index, (_table, root) in enumerate(trees, start=1):
            interior = [root]
            if not 1 <= root <= page_count or owners[root]:
                return None
            owners[root] = index
            while interior:
                number = interior.pop()
                kind = known[number - 1] if known else pages.kind(number)
                if kind in _LEAF:
                    continue
                if kind not in _INTERIOR:
                    return None
                children = _children(pages(number), 100 if number == 1 else 0, page_size, long)
                if children is None:
                    return None
                for child in children:
                    if not 1 <= child <= page_count or owners[child]:
                        return None
                    owners[child] = index
                    if (known[child - 1] if known else pages.kind(child)) not in _LEAF:
                        interior.append(child)
        if not _walk_freelist(pages, page_count, owners, long):
            return None
    return owners


def _children(data: bytes, head: int, page_size: int, long: struct.Struct) -> list[int] | None:
    """The child page numbers of an interior b-tree page (its cells', then the right-most),
    or None when its cell pointers lie outside the page."""
    if len(data) < head + 12:
        return None
    cells = int.from_bytes(data[head + 3 : head + 5], "big")
    pointers = head + 12
    if pointers + 2 * cells > page_size:
        return None
    offsets = struct.unpack_from(f">{cells}H", data, pointers)
    if offsets and not (min(offsets) > 0 and max(offsets) <= page_size - 4):
        return None
    unpack = long.unpack_from
    children = [unpack(data, cell)[0] for cell in offsets]
    children.append(unpack(data, head + 8)[0])
    return children


def _walk_freelist(pages: _Pages, page_count: int, owners: array[int], long: struct.Struct) -> bool:
    """Mark the free pages; False if the freelist is not sound (as quick_check would say)."""
    header = pages(1)
    trunk = long.unpack_from(header, 32)[0]
    expected = long.unpack_from(header, 36)[0]
    seen = 0
    while trunk:
        if not 1 <= trunk <= page_count or owners[trunk]:
            return False
        owners[trunk] = _FREE
        seen += 1
        data = pages(trunk)
        following, leaves = long.unpack_from(data, 0)[0], long.unpack_from(data, 4)[0]
        if leaves > pages.size // 4 - 2:
            return False
        for i in range(leaves):
            leaf = long.unpack_from(data, 8 + 4 * i)[0]
            if not 1 <= leaf <= page_count or owners[leaf]:
                return False
            owners[leaf] = _FREE
        seen += leaves
        trunk = following
    return seen == expected


def trees_of(conn: object) -> list[tuple[str, int]]:
    """(table, root page) of every b-tree of an open copy, the schema's own first."""
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT tbl_name, rootpage FROM sqlite_schema WHERE rootpage > 0 ORDER BY rootpage"
    ).fetchall()
    return [("sqlite_schema", 1)] + [(str(table), int(root)) for table, root in rows]


def referenced_tables(conn: object) -> frozenset[str]:
    """The tables of an open copy that some foreign key refers to."""
    names = [
        row[0]
        for row in conn.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_schema WHERE type = 'table'"
        )
    ]
    return frozenset(
        str(row[2])
        for name in names
        for row in conn.execute(  # type: ignore[attr-defined]
            "SELECT * FROM pragma_foreign_key_list(?)", (name,)
        )
    )


def remove_manifest(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
