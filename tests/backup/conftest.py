"""Fixtures of the backup tests: a database with data, its data as plain rows, old and odd files."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from crm_desktop.models import DOCUMENTED_MODELS
from crm_desktop.models.migrations import V4_ADDED_COLUMNS, introduced_in
from tests.old_schema import drop_search_index

TABLES = [model._meta.table_name for model in DOCUMENTED_MODELS]


def read_data(path: Path) -> dict[str, list[tuple]]:
    """Every row of every documented table of the file at ``path`` (its data, not its bytes).

    What schema 4 added (selling tables while empty, columns) is left out, so that a file
    and its upgraded copy hold the same data.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        data = {}
        for table in TABLES:
            if introduced_in(table) > 1:
                found = conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = ?", (table,)
                ).fetchone()
                if not found or not conn.execute(f'SELECT 1 FROM "{table}"').fetchone():
                    continue
            added = {column for name, column in V4_ADDED_COLUMNS if name == table}
            columns = [
                row[1]
                for row in conn.execute(f'PRAGMA table_info("{table}")')
                if row[1] not in added
            ] or ["*"]
            select = ", ".join(f'"{c}"' if c != "*" else c for c in columns)
            data[table] = conn.execute(f'SELECT {select} FROM "{table}" ORDER BY id').fetchall()
        return data
    finally:
        conn.close()


@pytest.fixture
def data_of() -> Callable[[Path], dict[str, list[tuple]]]:
    return read_data


class ThreeContactWriter:
    """Another connection committing, again and again until the block ends, a customer
    ("Writer n") with exactly three contacts: a copy of one committed state holds each
    such customer with all three (:func:`writer_customers`)."""

    def __init__(self, path: Path, *, autocheckpoint: int | None = None, pause: float = 0.0):
        self.path, self.autocheckpoint, self.pause = path, autocheckpoint, pause
        self.written: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._write)

    def _write(self) -> None:
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        if self.autocheckpoint is not None:
            conn.execute(f"PRAGMA wal_autocheckpoint = {self.autocheckpoint}")
        n = 0
        while not self._stop.is_set():
            n += 1
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute(
                "INSERT INTO customer (kind, name) VALUES ('person', ?)", (f"Writer {n}",)
            )
            for k in range(3):
                conn.execute(
                    "INSERT INTO contact (customer_id, name) VALUES (?, ?)",
                    (cur.lastrowid, f"Writer {n} contact {k}"),
                )
            conn.execute("COMMIT")
            self.written.append(n)
            if self.pause:
                time.sleep(self.pause)
        conn.close()

    def __enter__(self) -> ThreeContactWriter:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def writer_customers(conn: sqlite3.Connection) -> int:
    """How many of :class:`ThreeContactWriter`'s customers the open copy holds, after
    asserting that each has its three contacts (one committed state, not a torn one)."""
    uneven = conn.execute(
        "SELECT c.id FROM customer c LEFT JOIN contact k ON k.customer_id = c.id "
        "WHERE c.name LIKE 'Writer %' GROUP BY c.id HAVING count(k.id) != 3"
    ).fetchall()
    assert uneven == []
    return conn.execute("SELECT count(*) FROM customer WHERE name LIKE 'Writer %'").fetchone()[0]


def make_old_version(path: Path, version: int = 1) -> None:
    """Turn a current file into one of schema ``version`` (1: the documented tables only)."""
    assert version == 1
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    drop_search_index(conn)
    extra = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name not in TABLES
    ]
    for name in extra:
        conn.execute(f'DROP TABLE "{name}"')
    # Schema 4 (selling): its tables and the columns it added to the brief's tables.
    for name in reversed(TABLES):
        if introduced_in(name) > version:
            conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    for table, column in V4_ADDED_COLUMNS:
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    conn.execute("PRAGMA user_version = 1")
    conn.close()


@pytest.fixture
def old_version_file() -> Callable[[Path, int], None]:
    return make_old_version


@pytest.fixture
def backups_dir(home: Path) -> Path:
    """The default backup folder of this test's private home."""
    from crm_desktop import paths

    return paths.default_backup_dir()


@pytest.fixture
def three_contact_writer() -> type[ThreeContactWriter]:
    return ThreeContactWriter


@pytest.fixture
def count_writer_customers() -> Callable[[sqlite3.Connection], int]:
    return writer_customers
