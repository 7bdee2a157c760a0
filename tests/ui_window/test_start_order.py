"""A real start: Today is painted with all its data before anything that can wait begins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import enum, os, sys
events = []

# PySide6 builds every enum of its ``Qt`` namespace on the namespace's first use (~20 ms):
# the first screen does without it, the rest of the window after Today is painted.
make_enum = enum.EnumType._create_


def watch_enums(*args, **kwargs):
    made = make_enum(*args, **kwargs)
    if args[1] == "AlignmentFlag" and "Qt namespace" not in events:
        events.append("Qt namespace")
    return made


enum.EnumType._create_ = watch_enums
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.today.page import TodayPage

keep = []
finish = TodayPage.finish


def finished(page):
    if "finish" not in events:
        events.append("finish")
    finish(page)


TodayPage.finish = finished


class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in events:
            events.append("paint")
        return False


attach = MainWindow.attach


def attached(window, **options):
    attach(window, **options)
    today = window.page("today")

    def ready():
        events.append("ready")
        events.append("menus " + ("full" if window._menus_finished else "waiting"))
        events.append("phonenumbers " + ("loaded" if "phonenumbers" in sys.modules else "not loaded"))
        backups = "crm_desktop.services.backups" in sys.modules
        events.append("backups " + ("loaded" if backups else "not loaded"))
        network = "PySide6.QtNetwork" in sys.modules  # the one-window server's
        events.append("QtNetwork " + ("loaded" if network else "not loaded"))
        watcher = Paints()
        keep.append(watcher)
        for widget in (today, *today.findChildren(QWidget)):
            widget.installEventFilter(watcher)

    if today.is_ready:  # filled as it was made, with the data read while the file opened
        ready()
    else:
        today.ready.connect(ready)


def background(window, **options):
    from pathlib import Path

    from crm_desktop.services import changes

    events.append("background")
    events.append("menus " + ("full" if window._menus_finished else "waiting"))
    left = Path(sys.argv[2]).exists()
    events.append("leftover " + ("kept" if left else "removed"))
    events.append("bulk guard " + ("on" if changes._bulk_guards else "off"))
    print("EVENTS " + " | ".join(events), flush=True)
    os._exit(0)


MainWindow.attach = attached
MainWindow.start_background_work = background
from crm_desktop.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_today_is_painted_with_its_data_before_the_background_work_starts(demo_db: Path):
    from crm_desktop.models import close_database

    close_database()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["CRM_DESKTOP_AUTO_BACKUP"] = "0"
    env.pop("CRM_DESKTOP_QUIT_WHEN_READY", None)
    ended = subprocess.Popen(["true"])  # a process that is gone: its pid is free
    ended.wait()
    leftover = demo_db.parent / f".{demo_db.name}.restore-{ended.pid}"  # a killed restore's
    leftover.write_bytes(b"left by a killed restore")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(demo_db), str(leftover)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("EVENTS "))
    assert line.removeprefix("EVENTS ").split(" | ") == [
        "ready",  # the cards and the overdue line hold their data
        "menus waiting",  # the feature packages wait for the first screen
        "phonenumbers not loaded",  # nor is the phone library loaded for it
        "backups not loaded",  # nor the backup service: its part of the opening waits
        "QtNetwork not loaded",  # nor the server that brings this window forward
        "paint",  # then it is painted
        "finish",  # then what needs Qt's namespace and never shows (cursors, flags)
        "Qt namespace",  # built only now, never before the first frame
        "background",  # then the search index and the rest start
        "menus full",
        "leftover removed",  # the backup service's part of the opening was done first
        "bulk guard on",
    ]


def test_a_search_typed_before_the_search_index_has_loaded_finds_its_customers(qtbot, window):
    from window_helpers import open_section, type_text, wait_loaded

    from crm_desktop.services import listing, search
    from crm_desktop.services.listing import ListQuery

    index = getattr(search, "MEMORY", None)  # an index held in memory, if there is one
    if index is not None:
        index.forget()  # as right after the start: the background work has not loaded it
    page = open_section(qtbot, window, "customers")
    type_text(page.filter_bar.search_box, "ив")
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == "ив", timeout=5000)
    wait_loaded(qtbot, page)
    expected = listing.list_ids("customer", ListQuery(search="ив"))
    assert expected and list(page.model.ids()) == expected


def test_a_later_start_is_answered_once_the_window_listens(qapp, tmp_path):
    """The one-window server listens once Today is painted (the window calls
    ``listen_now``); from then a second start brings this window forward."""
    from crm_desktop.ui import single_instance

    db = tmp_path / "crm.sqlite3"
    assert single_instance.claim_database(str(db)) is None  # this process holds it now
    try:
        claim = single_instance._current
        assert claim is not None and claim.server is None  # not before the first screen
        single_instance.listen_now()
        assert claim.server is not None and claim.server.isListening()
        assert single_instance.ask_first_window_to_show(db.absolute(), timeout_ms=2000)
    finally:
        if single_instance._current is not None:
            single_instance._current.release()
