"""Helpers for the import/export tests: files written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.models import database


def rows(sql: str, params: tuple = ()) -> list[tuple]:
    return database.execute_sql(sql, params).fetchall()


def count(table: str, where: str = "1") -> int:
    return database.execute_sql(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder
