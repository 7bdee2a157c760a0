"""Today read with the file's opening: the same answers, shown as the page is made, and a
failure there only means the page reads its data the usual way."""

from __future__ import annotations

from pathlib import Path

import pytest


def _texts(tree) -> list[str]:
    return [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]


def _unattached(qtbot, db: Path):
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db, attach=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_screen_reads_what_today_and_the_settings_say(demo_db: Path):
    from crm_desktop.services import invoices
    from crm_desktop.services.today import load_today
    from crm_desktop.ui.formats import Formats
    from crm_desktop.ui.today.first_screen import read_first_screen

    first = read_first_screen()
    assert first.today == load_today()
    assert first.today is not None and first.today.tasks  # the demo has tasks due
    assert first.overdue == invoices.overdue()
    assert first.formatter == Formats.load()
    assert first.formatter.date_pattern and first.formatter.money(123456)  # looked up


def test_today_is_filled_as_it_is_made_from_the_first_screen(qtbot, demo_db: Path, monkeypatch):
    from crm_desktop.ui.invoices.overdue import OverdueNotice
    from crm_desktop.ui.today.first_screen import read_first_screen
    from crm_desktop.ui.today.page import TodayPage

    asked: list[str] = []
    for page in (TodayPage, OverdueNotice):
        reload = page.reload
        monkeypatch.setattr(
            page,
            "reload",
            lambda self, reload=reload: asked.append(type(self).__name__) or reload(self),
        )
    first = read_first_screen()
    window = _unattached(qtbot, demo_db)
    window.attach(first=first)
    today = window.page("today")
    assert today.is_ready and today.data is first.today  # no trip to the query thread
    assert asked == []
    monkeypatch.undo()
    titles = [row["title"] for row in first.today.tasks]
    shown = [text for text in _texts(today.tasks_card.tree) if text in titles]
    assert shown == titles
    assert today.overdue_invoices.has_loaded
    # Later changes are read again, as always (the first screen is used once).
    from crm_desktop.services.changes import Change

    today.data = None
    today.on_change(Change("task", (), "update"))
    qtbot.waitUntil(lambda: today.data is not None, timeout=10_000)
    assert today.data == first.today


@pytest.mark.parametrize("broken", ["load_today", "overdue"])
def test_a_failure_reading_the_first_screen_leaves_it_to_the_page(
    qtbot, demo_db: Path, monkeypatch, broken
):
    from crm_desktop.services import invoices
    from crm_desktop.services.today import load_today
    from crm_desktop.ui.today import first_screen

    def fail(*_args, **_kwargs):
        raise RuntimeError("the disk went away for a moment")

    if broken == "load_today":
        monkeypatch.setattr(first_screen, "load_today", fail)
    else:
        monkeypatch.setattr(first_screen.invoices, "overdue", fail)
    first = first_screen.read_first_screen()  # no exception: the opening goes on
    monkeypatch.undo()
    assert (first.today is None) == (broken == "load_today")
    assert (first.overdue is None) == (broken == "overdue")
    window = _unattached(qtbot, demo_db)
    window.attach(first=first)
    today = window.page("today")
    qtbot.waitUntil(lambda: today.is_ready, timeout=10_000)  # read again by the page
    assert today.data == load_today()
    assert today.overdue_invoices.overdue == invoices.overdue()
