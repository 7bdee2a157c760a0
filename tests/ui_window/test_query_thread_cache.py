"""The window's query thread reads every search: its connection keeps a larger page cache."""

from __future__ import annotations

from crm_desktop.models import database
from crm_desktop.models.connection import CONNECTION_PRAGMAS
from crm_desktop.services.session import READER_CACHE_KIB
from crm_desktop.ui.tables.runner import reset_connections, runner


def _query_thread_cache(qtbot) -> int:
    got: list[int] = []
    queries = runner()
    queries.submit(queries.channel(), lambda: int(database.pragma("cache_size")), got.append)
    qtbot.waitUntil(lambda: bool(got))
    return got[0]


def test_the_query_thread_has_its_own_larger_page_cache(qtbot, db):
    assert _query_thread_cache(qtbot) == -READER_CACHE_KIB
    # Every other connection (this thread's: the window's) keeps the common size.
    assert int(database.pragma("cache_size")) == dict(CONNECTION_PRAGMAS)["cache_size"]
    assert READER_CACHE_KIB * 1024 <= 64 * 1024 * 1024  # within the memory budget's room


def test_the_larger_cache_survives_a_reopened_file(qtbot, db):
    _query_thread_cache(qtbot)
    reset_connections()  # as after a restore: the query thread connects again
    assert _query_thread_cache(qtbot) == -READER_CACHE_KIB
