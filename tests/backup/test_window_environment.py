"""The window tells the environment's errors as such: a locked file offers Retry, a full disk at
start is a dialog, a tampered backup is a warning that must be read before Restore works."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from crm_desktop.models import database
from crm_desktop.services import tasks
from crm_desktop.services.backups import create_backup, prepare_restore
from crm_desktop.services.clock import today


def make_window(qtbot, db_path: Path):
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.page("today").data is not None, timeout=10_000)
    return window


def when_dialog(then) -> None:
    """Once a modal dialog is up, call ``then(dialog)`` (as the user reading it would act)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        then(dialog)

    QTimer.singleShot(0, look)


def text_of(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def press(dialog, label: str) -> None:
    for button in dialog.findChildren(QAbstractButton):
        if button.text().replace("&", "") == label:
            button.click()
            return
    raise AssertionError(f"no {label!r} button in {dialog.windowTitle()!r}")


@pytest.mark.qt_no_exception_capture
def test_ticking_a_task_while_another_program_holds_the_file_offers_retry(
    qtbot, demo_db, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    window = make_window(qtbot, demo_db)
    task = tasks.create_task({"title": "Call back", "due_date": today().isoformat()})
    page = window.page("today")
    qtbot.waitUntil(lambda: page.item_for("task", task) is not None, timeout=5000)
    database.execute_sql("PRAGMA busy_timeout = 100")  # the GUI thread's own connection
    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a DB browser in the middle of an edit
    seen: list[str] = []

    def read_then_retry(dialog) -> None:
        seen.append(text_of(dialog))
        other.execute("ROLLBACK")  # the user closed the other program
        press(dialog, "Retry")

    when_dialog(read_then_retry)
    tree = page.tasks_card.tree
    tree.setFocus()
    tree.setCurrentItem(page.item_for("task", task))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    other.close()
    assert "Completing the task did not work" in seen[0]
    assert "Another program is using" in seen[0] and "error in CRM Desktop" not in seen[0]
    qtbot.waitUntil(lambda: tasks.get_task(task)["status"] == "done", timeout=5000)


def test_a_full_disk_at_start_is_a_dialog_not_a_line_on_stderr(tmp_path, home):
    """The whole start, in a process of its own, as ``crm-desktop --db FILE`` runs it."""
    fresh = tmp_path / "new" / "crm.sqlite3"
    fresh.parent.mkdir()
    script = textwrap.dedent(
        f"""
        import errno, sys
        from PySide6.QtWidgets import QMessageBox

        def critical(parent, title, text, *args, **kwargs):
            print("DIALOG", title, "|", text, flush=True)
            return QMessageBox.StandardButton.Ok

        QMessageBox.critical = critical
        import crm_desktop.models.connection as connection

        def no_space(path):  # the disk is full when the database file is created
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

        connection.create_private_file = no_space
        from crm_desktop.cli import main
        sys.exit(main(["--db", {str(fresh)!r}]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRM_DESKTOP_HOME": str(home)},
    )
    assert done.returncode == 1
    [line] = [line for line in done.stdout.splitlines() if line.startswith("DIALOG")]
    assert "CRM Desktop cannot open the database | The disk is full" in line
    assert "free some space" in line
    assert "crm-desktop:" not in done.stderr  # not a line on stderr instead of a window


def test_a_tampered_backup_must_be_acknowledged_before_restore(qtbot, demo_db):
    from crm_desktop.ui.backup.confirm import ConfirmRestoreDialog

    record = create_backup(demo_db)
    conn = sqlite3.connect(record.path)
    conn.execute("UPDATE customer SET name = 'Someone else' WHERE id = 1")
    conn.commit()
    conn.close()
    prepared = prepare_restore(record.path, demo_db)
    try:
        dialog = ConfirmRestoreDialog(prepared)
        qtbot.addWidget(dialog)
        dialog.show()
        warning = dialog.findChild(QLabel, "restoreWarning_modified")
        assert warning is not None and "modified since it was made" in warning.text()
        assert not dialog.restore_button.isEnabled()
        assert dialog.cancel_button.isDefault()
        qtbot.mouseClick(dialog.consent, Qt.MouseButton.LeftButton)
        assert dialog.restore_button.isEnabled()
    finally:
        prepared.discard()


@pytest.mark.qt_no_exception_capture
def test_another_programs_lock_is_said_in_seconds_but_our_own_jobs_are_waited_for(
    qtbot, demo_db, monkeypatch
):
    """The GUI thread waits 2 s for another program's lock (not SQLite's 10), and 30 s
    while a job of ours (an import committing chunk by chunk) may hold it."""
    import threading
    import time

    from crm_desktop.ui import jobs

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    window = make_window(qtbot, demo_db)
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 2000
    release = threading.Event()
    job = jobs.run_job(window, "Importing", lambda context: release.wait(10), show_progress=False)
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 30_000
    release.set()
    qtbot.waitUntil(lambda: not jobs.running_jobs(), timeout=5000)
    qtbot.waitUntil(lambda: job not in jobs._running, timeout=5000)
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 2000

    task = tasks.create_task({"title": "Call back", "due_date": today().isoformat()})
    page = window.page("today")
    qtbot.waitUntil(lambda: page.item_for("task", task) is not None, timeout=5000)
    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    seen: list[float] = []
    started = time.monotonic()

    def read_then_cancel(dialog) -> None:
        seen.append(time.monotonic() - started)
        other.execute("ROLLBACK")
        dialog.reject()

    when_dialog(read_then_cancel)
    tree = page.tasks_card.tree
    tree.setFocus()
    tree.setCurrentItem(page.item_for("task", task))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen), timeout=8000)
    other.close()
    assert seen[0] < 6, seen  # told within seconds, not after SQLite's 10

    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    with pytest.raises(peewee.OperationalError, match="locked"):
        database.execute_sql("UPDATE task SET title = title WHERE id = ?", (task,))
    waited = time.monotonic() - started
    other.execute("ROLLBACK")
    other.close()
    assert 1.5 < waited < 5, waited  # a statement that waits for the lock waits 2 s


def test_a_job_whose_window_is_gone_ends_quietly(qtbot):
    """A window closed and deleted while its job runs (its progress dialog with it): the job
    still ends, and ending it raises nothing in the event loop."""
    import threading

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from crm_desktop.ui import jobs

    parent = QWidget()
    release = threading.Event()
    job = jobs.run_job(parent, "Importing", lambda context: release.wait(10))
    parent.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(lambda: job not in jobs._running, timeout=5000)
