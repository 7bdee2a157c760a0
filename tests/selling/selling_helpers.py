"""Shared helpers of the selling tests: PDF text, SQL rows."""

from __future__ import annotations

from pathlib import Path

CYRILLIC_BUYER = "ООО «Ромашка»"


def pdf_text(path: Path) -> str:
    """All the text of a PDF (pypdf), pages joined."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def rows(sql: str, params=()) -> list[tuple]:
    from crm_desktop.models import database

    return database.execute_sql(sql, params).fetchall()
