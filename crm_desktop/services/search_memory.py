"""The previous search index, kept as a reference: every haystack held in Python, scanned.

Schema 7 replaced it with an n-gram index inside SQLite (:mod:`crm_desktop.services.search`).
It stays for two readers only: the tests, which check that the new index gives the same
answers (the same customers in the same order) on a generated corpus, and ``bench/``, which
measures both side by side. Nothing in the application loads it.
"""

from __future__ import annotations

from crm_desktop.models import database
from crm_desktop.services.search import ranked_positions
from crm_desktop.services.text import search_terms


class MemoryIndex:
    """The haystacks of ``customer_search`` in memory, in name order; a search scans them all."""

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._texts: list[str] = []
        self._loaded = False

    def load(self) -> None:
        rows = database.execute_sql(
            "SELECT id, haystack FROM customer_search ORDER BY name_key, id"
        ).fetchall()
        self._ids = [row[0] for row in rows]
        self._texts = [row[1] for row in rows]
        self._loaded = True

    def search(self, query: str) -> list[int]:
        """Ids whose haystack holds every term: best match first, then by name."""
        if not self._loaded:
            self.load()
        terms = search_terms(query)
        if not terms:
            return list(self._ids)
        texts = self._texts
        positions = [p for p, text in enumerate(texts) if all(term in text for term in terms)]
        return [self._ids[p] for p in ranked_positions(positions, texts, terms[0])]
