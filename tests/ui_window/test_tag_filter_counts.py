"""The tag filter's counts never hold a keystroke up: names at once, the numbers after, and
the count stops when a list's query waits behind it (at 1M customers it reads ~0.8 s)."""

from __future__ import annotations

import pytest

from crm_desktop.services import customers, interrupting, tags
from crm_desktop.ui.tables import page as list_page
from crm_desktop.ui.tables.runner import runner
from tests.ui_window.window_helpers import make_window, open_section


def _texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.fixture
def tagged(db):
    ids = [customers.create_customer({"name": f"Клиент {n}"}) for n in range(3)]
    tags.add_tags(ids, ["Ярмарка"])
    tags.add_tags(ids[:1], ["张伟 VIP"])
    tags.ensure_tag("<b>&")
    return db


def test_names_then_counts_and_a_stopped_count_is_tried_again(qtbot, tagged, monkeypatch):
    monkeypatch.setattr(list_page, "TAGS_DELAY_MS", 50)
    waiting = [True, True]  # the first two counts find a query waiting behind them
    real = runner().others_waiting
    counts_running: list[int] = []  # the answers above are for the counts (not the warm-up)
    monkeypatch.setattr(
        runner(),
        "others_waiting",
        lambda: waiting.pop() if waiting and counts_running else real(),
    )
    stopped: list[int] = []
    all_tags = tags.all_tags

    def counting(cancelled=None):
        # A small file counts before SQLite first asks (test_counting_stops_when_asked
        # shows the real stop): ask at once, as SQLite would while reading 1M links.
        counts_running.append(1)
        try:
            if cancelled is not None and cancelled():
                stopped.append(1)
                raise interrupting.Stopped
            return all_tags(cancelled=cancelled)
        finally:
            counts_running.pop()

    monkeypatch.setattr(tags, "all_tags", counting)
    window = make_window(qtbot, tagged)
    page = open_section(qtbot, window, "customers")
    combo = page.filter_bar.tag_combo
    qtbot.waitUntil(lambda: "Ярмарка" in " ".join(_texts(combo)), timeout=10_000)
    qtbot.waitUntil(lambda: "Ярмарка (3)" in _texts(combo), timeout=10_000)
    assert len(stopped) == 2  # stopped twice, counted once nothing waited behind it
    texts = _texts(combo)
    assert "张伟 VIP (1)" in texts and "<b>& (0)" in texts, texts


def test_counting_stops_when_asked(tagged):
    from crm_desktop.models import database

    with database.atomic():  # enough links that SQLite asks the handler while it counts
        database.execute_sql(
            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 5000) "
            "INSERT INTO customer (name, kind, status, created_at, updated_at) "
            "SELECT 'Клиент ' || v, 'company', 'lead', '2026-01-01T00:00:00Z', "
            "'2026-01-01T00:00:00Z' FROM n"
        )
        tag_id = tags.ensure_tag("Опт")
        database.execute_sql(
            "INSERT INTO customer_tag (customer_id, tag_id) SELECT id, ? FROM customer", (tag_id,)
        )
    with pytest.raises(interrupting.Stopped):
        tags.all_tags(cancelled=lambda: True)
    counted = {name: count for _id, name, count in tags.all_tags()}
    assert counted["Опт"] == 5003 and counted["Ярмарка"] == 3
    assert [name for _id, name, none in tags.uncounted_tags() if none is None] == tags.tag_names()
    assert set(tags.tag_names()) == {"Опт", "Ярмарка", "张伟 VIP", "<b>&"}


def test_a_customer_change_recounts_without_dropping_the_counts_shown(qtbot, tagged, monkeypatch):
    monkeypatch.setattr(list_page, "TAGS_DELAY_MS", 50)
    window = make_window(qtbot, tagged)
    page = open_section(qtbot, window, "customers")
    combo = page.filter_bar.tag_combo
    qtbot.waitUntil(lambda: "Ярмарка (3)" in _texts(combo), timeout=10_000)
    names_only: list[int] = []
    uncounted = tags.uncounted_tags
    monkeypatch.setattr(tags, "uncounted_tags", lambda: names_only.append(1) or uncounted())
    newcomer = customers.create_customer({"name": "Новый клиент"})
    tags.add_tags([newcomer], ["Ярмарка"])  # a customer change: the same tags, new counts
    qtbot.waitUntil(lambda: "Ярмарка (4)" in _texts(combo), timeout=10_000)
    assert names_only == []  # the counts shown were never replaced by bare names
    tags.ensure_tag("Новинка 新")  # a new tag: its name at once, then its count
    qtbot.waitUntil(lambda: "Новинка 新 (0)" in _texts(combo), timeout=10_000)
    assert names_only == [1]
