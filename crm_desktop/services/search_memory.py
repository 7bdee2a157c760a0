"""The previous search index, kept as a reference: every haystack held in Python, scanned.

Schema 7 replaced it with an n-gram index inside SQLite (:mod:`crm_desktop.services.search`).
It stays for two readers only: the tests, which check that the new index gives the same
answers (the same customers in the same order) on a generated corpus, and ``bench/``, which
measures both side by side. It is the old class as it was (texts in name order, the next
keystroke looking only among the last one's matches), without its write-following: nothing
in the application loads it.
"""

from __future__ import annotations

from collections.abc import Sequence

from crm_desktop.models import database
from crm_desktop.services.search import ranked_positions
from crm_desktop.services.text import search_terms


class MemoryIndex:
    """The haystacks of ``customer_search`` in memory, in name order; a search scans them."""

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._texts: list[str] = []
        self._loaded = False
        # The last search's terms and the positions it matched: the next keystroke
        # usually only extends the query, and then looks among those matches alone.
        self._last: tuple[tuple[str, ...], list[int]] | None = None

    def load(self) -> None:
        rows = database.execute_sql(
            "SELECT id, name_key, haystack FROM customer_search ORDER BY name_key, id"
        ).fetchall()
        self._ids = [row[0] for row in rows]
        self._texts = [row[2] for row in rows]
        self._loaded = True
        self._last = None

    def search(self, query: str) -> list[int]:
        """Ids whose haystack holds every term: best match first, then by name."""
        if not self._loaded:
            self.load()
        terms = search_terms(query)
        if not terms:
            return list(self._ids)
        texts = self._texts
        wanted = tuple(terms)
        first, *rest = wanted
        last = self._last
        if last is not None and _narrows(last[0], wanted):
            positions = [p for p in last[1] if first in texts[p]]
        else:
            positions = [p for p, text in enumerate(texts) if first in text]
        if rest:
            positions = [p for p in positions if all(term in texts[p] for term in rest)]
        self._last = (wanted, positions)
        return [self._ids[p] for p in ranked_positions(positions, texts, first)]


def _narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """True when whatever matches ``after`` also matched ``before`` ("ива" → "иван")."""
    return all(any(old in new for new in after) for old in before)
