"""Reading the test database directly (the import/export tests check what was stored)."""

from __future__ import annotations

from crm_desktop.models import database


def rows(sql: str, params: tuple = ()) -> list[tuple]:
    return database.execute_sql(sql, params).fetchall()


def count(table: str, where: str = "1") -> int:
    return database.execute_sql(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]
