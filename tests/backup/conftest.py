"""Fixtures of the backup tests: a database with data, its data as plain rows, old and odd files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from crm_desktop.models import DOCUMENTED_MODELS
from crm_desktop.models.migrations import V4_ADDED_COLUMNS, introduced_in

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


def make_old_version(path: Path, version: int = 1) -> None:
    """Turn a current file into one of schema ``version`` (1: the documented tables only)."""
    assert version == 1
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    extra = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name not in TABLES
    ]
    for (trigger,) in conn.execute(  # schema 6: the search triggers
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{trigger}"')
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
