"""Starting: the first-run offer on an empty database, the background index check, run_app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from window_helpers import answer_next_dialog, open_section, type_text

from crm_desktop.services import customers, listing
from crm_desktop.ui import first_run
from crm_desktop.ui.jobs import running_jobs

ROOT = Path(__file__).resolve().parents[2]


def _wait_jobs(qtbot) -> None:
    qtbot.waitUntil(lambda: not running_jobs(), timeout=20_000)


def test_start_empty_is_remembered_for_that_file(qtbot, empty_window):
    seen: list[str] = []
    answer_next_dialog("Start empty", seen)
    empty_window.start_background_work()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "new, empty database" in seen[0]
    assert first_run.was_declined(empty_window.state, empty_window.db_path)
    _wait_jobs(qtbot)

    asked: list[str] = []
    answer = answer_next_dialog("Start empty", asked, timeout_ms=500)
    empty_window.start_background_work()
    _wait_jobs(qtbot)
    qtbot.wait(600)
    answer.cancel()
    assert asked == []  # not asked again
    assert listing.count("customer") == 0


def test_load_sample_data_fills_the_window(qtbot, empty_window):
    def choose_sample() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, first_run.FirstRunDialog):
            QTimer.singleShot(20, choose_sample)
            return
        dialog.customers.setValue(20)
        dialog.sample_button.click()

    QTimer.singleShot(0, choose_sample)
    empty_window.start_background_work()
    qtbot.waitUntil(lambda: listing.count("customer") == 20, timeout=30_000)
    _wait_jobs(qtbot)
    page = open_section(qtbot, empty_window, "customers")
    qtbot.waitUntil(lambda: page.count() == 20, timeout=5000)
    assert empty_window.message.text() == "Sample data loaded: 20 customers."
    assert not first_run.is_empty()
    # The first thing a new user does: find a customer. The index must know the sample data
    # in this session, in the list and in the order form's customer picker.
    first_id = listing.list_ids("customer")[0]
    name = listing.fetch_rows("customer", [first_id], ["name"])[0]["name"]
    word = name.split()[0]
    page.focus_search()
    type_text(page.filter_bar.search_box, word)
    page.filter_bar.flush_search()
    qtbot.waitUntil(lambda: page.model.query.search == word, timeout=2000)
    qtbot.waitUntil(lambda: page.count() >= 1, timeout=5000)
    assert customers.customer_choices(word)


def test_a_database_with_data_is_not_offered_samples(qtbot, window):
    asked: list[str] = []
    answer = answer_next_dialog("Start empty", asked, timeout_ms=500)
    window.start_background_work()
    _wait_jobs(qtbot)
    qtbot.wait(600)
    answer.cancel()
    assert asked == []


def test_the_app_starts_and_quits_from_the_command_line(tmp_path: Path):
    # "today": quit once the database is open and the Today screen is filled.
    env = dict(os.environ, CRM_DESKTOP_QUIT_WHEN_READY="today", QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT)
    db = tmp_path / "started.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert db.exists()
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("ready ")
