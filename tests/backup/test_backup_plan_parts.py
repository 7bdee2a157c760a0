"""The parts of the daily backup's plan, made faster in wave 9, against plain oracles.

Which pages changed (hashes compared a block at a time), which b-tree owns each page (the
walk through the interior pages), and the manifest read while the copy is made: each must
give exactly what the slow way gave, and refuse what it refused.
"""

from __future__ import annotations

import random
import sqlite3
import struct
from array import array
from pathlib import Path

import pytest

from crm_desktop.services import customers
from crm_desktop.services.backups import changed_pages as pages
from crm_desktop.services.backups import create_backup, snapshot


def naive_differing(new: array[int], old: array[int]) -> list[int]:
    return [n for n, (a, b) in enumerate(zip(new, old, strict=False), start=1) if a != b]


@pytest.mark.parametrize("count", [0, 1, 255, 256, 257, 1000, 5000])
def test_changed_pages_are_those_a_page_by_page_comparison_finds(count):
    rng = random.Random(count)
    old = array("Q", (rng.getrandbits(64) for _ in range(count)))
    for changed in ([], [0], [count - 1], [255, 256], rng.sample(range(count), min(count, 40))):
        new = array("Q", old)
        for index in changed:
            if 0 <= index < count:
                new[index] ^= 1 << rng.randrange(64)
        assert pages.differing_pages(new, old) == naive_differing(new, old)
        longer = array("Q", new) + array("Q", [7, 8])
        assert pages.differing_pages(longer, old) == naive_differing(longer, old)
        assert pages.differing_pages(new, old[: count // 2]) == naive_differing(
            new, old[: count // 2]
        )


def a_file_with_trees(path: Path) -> int:
    """A database with tables and indexes deep enough to have interior pages; its page size."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    conn.execute("CREATE INDEX person_name ON person (name)")
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    names = ["Иван", "王伟", "O'Brien", "=cmd", "<b>&", "مريم", "😀"]
    conn.executemany(
        "INSERT INTO person (name) VALUES (?)",
        [(f"{names[i % len(names)]} {i}",) for i in range(6000)],
    )
    conn.executemany(
        "INSERT INTO note (body) VALUES (?)", [("x" * (i % 300),) for i in range(3000)]
    )
    conn.execute("DELETE FROM note WHERE id % 3 = 0")  # free pages too
    conn.commit()
    conn.close()
    return 1024


def owners_by_sqlite(path: Path, trees: list[tuple[str, int]]) -> dict[int, int]:
    """Page → 1 + index of its tree in ``trees``, as SQLite's own dbstat tells (b-tree pages)."""
    conn = sqlite3.connect(path)
    try:
        index_of = {}
        for name, tbl in conn.execute(
            "SELECT name, tbl_name FROM sqlite_schema WHERE rootpage > 0"
        ):
            root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (name,))
            index_of[name] = trees.index((tbl, root.fetchone()[0])) + 1
        index_of["sqlite_schema"] = 1
        return {
            number: index_of[name]
            for name, number, kind in conn.execute("SELECT name, pageno, pagetype FROM dbstat")
            if kind in ("internal", "leaf")
        }
    finally:
        conn.close()


def walk(path: Path, size: int) -> array[int] | None:
    conn = sqlite3.connect(path)
    trees = pages.trees_of(conn)
    conn.close()
    kinds = bytearray()
    hashes = pages.page_hashes(path, size, kinds)
    return pages._walk(path, size, len(hashes), trees, bytes(kinds))


def test_the_walk_gives_every_page_the_tree_sqlite_says(tmp_path):
    path = tmp_path / "trees.sqlite3"
    size = a_file_with_trees(path)
    conn = sqlite3.connect(path)
    trees = pages.trees_of(conn)
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    conn.close()
    owners = walk(path, size)
    assert owners is not None
    expected = owners_by_sqlite(path, trees)
    assert {n: owners[n] for n in expected} == expected
    assert sum(1 for owner in owners if owner == pages._FREE) == free > 0
    without_kinds = pages._walk(path, size, len(owners) - 1, trees)  # every page read
    assert without_kinds == owners


def interior_page(path: Path, size: int) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'internal' LIMIT 1"
        ).fetchone()[0]
    finally:
        conn.close()


def broken(path: Path, size: int, change) -> None:
    number = interior_page(path, size)
    with open(path, "r+b") as handle:
        handle.seek((number - 1) * size)
        data = bytearray(handle.read(size))
        change(data, number)
        handle.seek((number - 1) * size)
        handle.write(data)


def first_cell(data: bytearray) -> int:
    return struct.unpack_from(">H", data, 12)[0]


@pytest.mark.parametrize(
    "damage",
    [
        "child beyond the end",
        "child reached twice",
        "child is the root",
        "cell pointer outside the page",
        "unknown kind",
    ],
)
def test_the_walk_refuses_an_interior_page_that_is_not_sound(tmp_path, damage):
    path = tmp_path / "trees.sqlite3"
    size = a_file_with_trees(path)
    count = path.stat().st_size // size
    assert walk(path, size) is not None

    def change(data: bytearray, number: int) -> None:
        if damage == "child beyond the end":
            struct.pack_into(">I", data, first_cell(data), count + 5)
        elif damage == "child reached twice":  # the first cell points at the right-most child
            struct.pack_into(">I", data, first_cell(data), struct.unpack_from(">I", data, 8)[0])
        elif damage == "child is the root":
            struct.pack_into(">I", data, first_cell(data), number)
        elif damage == "cell pointer outside the page":
            struct.pack_into(">H", data, 12, size - 2)
        else:
            data[0] = 0x07

    broken(path, size, change)
    assert walk(path, size) is None


def test_the_manifest_read_beside_the_copy_is_the_one_the_check_uses(
    demo_db, backups_dir, monkeypatch
):
    create_backup(demo_db, folder=backups_dir, rotate=False)
    [manifest] = [p for p in backups_dir.iterdir() if ".pages-" in p.name]
    customers.create_customer({"name": "Ольга 王 =1+1 <b>&", "kind": "person"})
    read: list[Path] = []
    real = pages.read_manifest

    def spy(path):
        read.append(path)
        return real(path)

    monkeypatch.setattr(snapshot.changed_pages, "read_manifest", spy)
    record = create_backup(demo_db, folder=backups_dir, rotate=False)
    assert record.verified and record.verify_scope.startswith("changed tables: ")
    assert "customer" in record.verify_scope
    assert read == [manifest]  # once, while the copy was made


def test_a_failed_early_read_of_the_manifest_is_read_again(demo_db, backups_dir, monkeypatch):
    create_backup(demo_db, folder=backups_dir, rotate=False)
    customers.create_customer({"name": "Late reader", "kind": "company"})
    real, calls = pages.read_manifest, []

    def first_fails(path):
        calls.append(path)
        if len(calls) == 1:
            raise MemoryError("no room for the manifest now")
        return real(path)

    monkeypatch.setattr(snapshot.changed_pages, "read_manifest", first_fails)
    record = create_backup(demo_db, folder=backups_dir, rotate=False)
    assert len(calls) == 2
    assert record.verified and record.verify_scope.startswith("changed tables: ")
