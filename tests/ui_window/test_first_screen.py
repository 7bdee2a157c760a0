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
    from crm_desktop.services.first_screen import read_first_screen
    from crm_desktop.services.locale_facts import locale_facts
    from crm_desktop.services.today import load_today
    from crm_desktop.ui.formats import Formats

    first = read_first_screen()
    assert first.today == load_today()
    assert first.today is not None and first.today.tasks  # the demo has tasks due
    assert first.overdue == invoices.overdue()
    loaded = Formats.load()
    known = Formats.known(first.currency, first.locale, first.facts)
    assert known == loaded and first.facts == locale_facts(loaded.locale_name, loaded.currency)
    assert known.money(-123456) == loaded.money(-123456)
    assert known.date("2026-12-05") == loaded.date("2026-12-05")


def test_the_opening_job_touches_nothing_of_qt():
    """PySide6 makes its types on first use; two threads doing it at once crashed a start."""
    import subprocess
    import sys

    code = (
        "import sys; import crm_desktop.services.first_screen, crm_desktop.services.session; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', "
        "'crm_desktop.ui'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_today_is_filled_as_it_is_made_from_the_first_screen(qtbot, demo_db: Path, monkeypatch):
    from crm_desktop.services.first_screen import read_first_screen
    from crm_desktop.ui.invoices.overdue import OverdueNotice
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
    from crm_desktop.services import first_screen, invoices
    from crm_desktop.services.today import load_today

    def fail(*_args, **_kwargs):
        raise RuntimeError("the disk went away for a moment")

    if broken == "load_today":
        monkeypatch.setattr(first_screen, "load_today", fail)
    else:
        monkeypatch.setattr(invoices, "overdue", fail)
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
