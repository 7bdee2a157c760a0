"""The Backups dialog and the File menu entries, used as a user does: clicks, and what the screen shows."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from crm_desktop.services import customers, local_config, open_session
from crm_desktop.services.backups import backup_folder, create_backup, list_backups
from crm_desktop.ui import backup as backup_ui
from crm_desktop.ui.backup.confirm import ConfirmRestoreDialog
from crm_desktop.ui.backup.dialog import BackupsDialog
from crm_desktop.ui.backup.model import COLUMNS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered at once; what they said is kept here."""
    said: list[tuple[str, str, str]] = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            said.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return box

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return said


def texts(dialog: BackupsDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def wait_idle(qtbot, dialog: BackupsDialog, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: dialog._job is None and dialog.flow is None, timeout=timeout)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_confirmation(qtbot, choose: str, seen: list) -> None:
    """When the restore question shows, note what it says and click ``choose``."""

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ConfirmRestoreDialog) and widget.isVisible():
                table = widget.table
                seen.append(
                    {
                        table.item(row, 0).text().strip(): (
                            table.item(row, 1).text(),
                            table.item(row, 2).text(),
                            table.item(row, 0).font().bold(),
                        )
                        for row in range(table.rowCount())
                    }
                )
                button = widget.restore_button if choose == "restore" else widget.cancel_button
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)


def test_the_list_shows_date_size_counts_and_state(qtbot, demo_db, qtmodeltester, boxes):
    good = create_backup(demo_db)
    damaged = create_backup(demo_db)
    with damaged.path.open("r+b") as handle:
        handle.seek(damaged.size // 2)
        handle.write(b"\xff" * 8192)
    by_hand = backup_folder() / "copied by hand «Иван» 备份.sqlite3"
    by_hand.write_bytes(good.path.read_bytes())

    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    dialog.show()
    # Verify the damaged one, as a user would: select it, click Verify.
    dialog.table.selectRow(dialog.model.row_of(damaged.path))
    click(qtbot, dialog.verify_button)
    wait_idle(qtbot, dialog)

    rows = {row[-1]: row for row in texts(dialog)}
    assert [c.header for c in COLUMNS] == ["Date", "Why", "Size", "Customers", "Orders", "State"]
    assert set(rows) == {"Verified", "Damaged", "Not verified"}
    verified = rows["Verified"]
    assert verified[0].startswith(good.created_at.astimezone().strftime("%Y-%m-%d"))
    assert verified[1] == "By hand" and re.fullmatch(r"[\d.]+ (KB|MB)", verified[2])
    assert verified[3] == "150"
    assert rows["Not verified"][1] == "Found in the folder: copied by hand «Иван» 备份.sqlite3"
    assert "Damaged" in dialog.details.text() and not dialog.restore_button.isEnabled()
    qtmodeltester.check(dialog.model)


def test_back_up_now_adds_the_backup_and_selects_it(qtbot, demo_db, boxes):
    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "No backups yet" in dialog.message.text()

    click(qtbot, dialog.backup_button)
    wait_idle(qtbot, dialog)

    [record] = list_backups()
    assert dialog.selected().path == record.path
    assert "Backed up to" in dialog.message.text() and "150 customers" in dialog.message.text()
    assert "Verified" in texts(dialog)[0][-1]
    assert boxes == []


def test_restore_shows_backup_against_now_then_restores(qtbot, demo_db, data_of, boxes):
    backup = create_backup(demo_db)
    at_backup = data_of(demo_db)
    customers.create_customer({"name": "Добавлен позже 后来", "kind": "person"})
    reloads = []

    def reload():
        reloads.append(open_session(demo_db))

    dialog = BackupsDialog(demo_db, reload=reload)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected().path == backup.path
    seen: list = []
    answer_confirmation(qtbot, "restore", seen)
    with qtbot.waitSignal(dialog.restored, timeout=20_000) as restored:
        click(qtbot, dialog.restore_button)
    wait_idle(qtbot, dialog)

    [table] = seen
    assert table["Customers"] == ("150", "151", True)  # backup vs now, the difference in bold
    assert table["Orders"][0] == table["Orders"][1] and not table["Orders"][2]
    assert data_of(demo_db) == at_backup
    assert len(reloads) == 1
    result = restored.args[0]
    assert {r.path for r in list_backups()} == {backup.path, result.safety.path}
    assert len(texts(dialog)) == 2 and "Safety copy" in " ".join(r[1] for r in texts(dialog))
    [(kind, title, text)] = boxes
    assert kind == "information" and title == "Backup restored"
    assert str(result.safety.path) in text


def test_cancel_changes_nothing(qtbot, demo_db, data_of, boxes):
    backup = create_backup(demo_db)
    customers.create_customer({"name": "Stays", "kind": "person"})
    before = data_of(demo_db)
    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list = []
    answer_confirmation(qtbot, "cancel", seen)
    flow = dialog.restore_file(backup.path)
    with qtbot.waitSignal(flow.finished, timeout=20_000) as finished:
        pass
    assert finished.args == [None] and seen
    assert data_of(demo_db) == before and len(list_backups()) == 1
    assert not list(demo_db.parent.glob(".*restore*"))


def test_a_wrong_file_is_refused_with_its_message(qtbot, demo_db, tmp_path, data_of, boxes):
    before = data_of(demo_db)
    empty = tmp_path / "=SUM(A1) <b>&.sqlite3"
    empty.write_bytes(b"")
    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    flow = dialog.restore_file(empty)
    with qtbot.waitSignal(flow.finished, timeout=20_000):
        pass
    [(kind, title, text)] = boxes
    assert kind == "warning" and title == "Checking the backup"
    assert "empty (0 bytes)" in text and str(empty) in text
    assert data_of(demo_db) == before


def test_restore_another_file_picks_it_from_anywhere(
    qtbot, demo_db, tmp_path, data_of, boxes, monkeypatch
):
    usb_file = create_backup(demo_db, output=tmp_path / "from-usb.sqlite3").path
    customers.create_customer({"name": "Gone after the restore", "kind": "person"})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(usb_file), ""))
    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    seen: list = []
    answer_confirmation(qtbot, "restore", seen)
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        click(qtbot, dialog.restore_file_button)
    assert data_of(demo_db) == data_of(usb_file)


def test_changing_the_backup_folder(qtbot, demo_db, tmp_path, boxes, monkeypatch):
    usb = tmp_path / "USB «Флешка» 备份"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(usb))
    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "(default)" in dialog.folder_label.text()
    assert not dialog.default_folder_button.isVisible()

    click(qtbot, dialog.change_folder_button)

    assert dialog.folder_label.text() == str(usb)
    assert local_config.get(local_config.BACKUP_DIR) == str(usb)
    assert dialog.default_folder_button.isVisible()
    click(qtbot, dialog.backup_button)
    wait_idle(qtbot, dialog)
    assert [r.path.parent for r in list_backups(usb)] == [usb]

    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(not_a_folder)
    )
    click(qtbot, dialog.change_folder_button)
    assert boxes and "not a folder" in boxes[-1][2]
    assert dialog.folder_label.text() == str(usb)  # unchanged

    click(qtbot, dialog.default_folder_button)
    assert "(default)" in dialog.folder_label.text()


def test_show_in_folder_opens_the_folder(qtbot, demo_db, monkeypatch, boxes):
    create_backup(demo_db)
    opened = []
    monkeypatch.setattr(
        "crm_desktop.ui.backup.dialog.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.open_folder_button)
    assert [url.toLocalFile() for url in opened] == [str(backup_folder())]


def test_check_database_runs_the_same_check_as_the_command(qtbot, demo_db, boxes):
    dialog = BackupsDialog(demo_db)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.check_button)
    wait_idle(qtbot, dialog)
    [(kind, title, text)] = boxes
    assert kind == "information" and title == "Database check"
    assert "healthy" in text and "Integrity: ok" in text
    assert "150 customers" in text


class FakeWindow(QMainWindow):
    """The few WindowApi methods the backup feature uses."""

    def __init__(self, db_path: Path):
        super().__init__()
        self._db_path = db_path
        self.menus = {"File": QMenu("File", self)}
        self.statuses: list[str] = []
        self.reloads = 0

    @property
    def db_path(self) -> Path:
        return self._db_path

    def add_action(self, menu: str, action: QAction, *, section: str | None = None) -> None:
        self.menus[menu].addAction(action)

    def show_status(self, text: str, undo=None) -> None:
        self.statuses.append(text)

    def reload_database(self) -> None:
        self.reloads += 1
        open_session(self._db_path)


def test_install_adds_the_file_menu_entries(qtbot, demo_db, boxes):
    window = FakeWindow(demo_db)
    qtbot.addWidget(window)
    feature = backup_ui.install(window)
    feature.daily_timer.stop()  # the tests start it by hand
    entries = [a.text() for a in window.menus["File"].actions()]
    assert entries == ["&Back up now…", "&Restore from backup…"]

    window.menus["File"].actions()[0].trigger()
    dialog = feature.dialog
    assert dialog is not None and dialog.isVisible()
    wait_idle(qtbot, dialog)
    assert len(list_backups()) == 1 and window.statuses[-1].startswith("Backed up to")
    dialog.close()
    qtbot.waitUntil(lambda: feature.dialog is None)

    window.menus["File"].actions()[1].trigger()
    assert feature.dialog is not None and feature.dialog.isVisible()
    assert feature.dialog.selected() is not None
    feature.dialog.close()


def test_exit_backup_only_after_changes(qtbot, demo_db, boxes):
    window = FakeWindow(demo_db)
    qtbot.addWidget(window)
    feature = backup_ui.install(window)
    feature.daily_timer.stop()  # the tests start it by hand
    feature.exit_backup()
    assert list_backups() == []
    customers.create_customer({"name": "Typed today", "kind": "person"})
    feature.exit_backup()
    [record] = list_backups()
    assert record.kind == "exit" and record.counts["customer"] == 151


def test_daily_backup_runs_in_the_background(qtbot, demo_db, boxes):
    window = FakeWindow(demo_db)
    qtbot.addWidget(window)
    feature = backup_ui.install(window)
    feature.daily_timer.stop()  # the tests start it by hand
    assert feature.daily_backup() is None  # not while the window is not on screen
    window.show()
    job = feature.daily_backup()
    qtbot.waitUntil(lambda: feature.daily_job is None, timeout=20_000)
    assert job is not None
    [record] = list_backups()
    assert record.kind == "daily"
    assert window.statuses == []  # a daily backup that worked says nothing
    feature.daily_backup()  # not due again today
    qtbot.waitUntil(lambda: feature.daily_job is None, timeout=20_000)
    assert len(list_backups()) == 1


def test_a_second_start_brings_the_first_window_forward(qtbot, db, monkeypatch):
    from crm_desktop.ui import single_instance

    shown = []
    monkeypatch.setattr(single_instance, "show_main_window", lambda: shown.append(True))
    assert single_instance.claim_database(str(db)) is None  # this process holds it now
    # The first window starts answering once its event loop runs (after its first paint).
    qtbot.waitUntil(lambda: single_instance._current.server is not None, timeout=5000)
    try:
        second = subprocess.run(
            [
                sys.executable,
                "-c",
                textwrap.dedent(
                    f"""
                    import sys
                    from PySide6.QtWidgets import QApplication
                    from crm_desktop.ui.single_instance import claim_database
                    app = QApplication([])
                    sys.exit(claim_database({str(db)!r}) or 0)
                    """
                ),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert second.returncode == 0, second.stderr
        qtbot.waitUntil(lambda: shown == [True], timeout=5000)
    finally:
        single_instance._current.release()
    assert single_instance.claim_database(str(db)) is None  # free again
    single_instance._current.release()


def test_restore_waits_for_other_work_to_finish(qtbot, demo_db, data_of, boxes):
    import threading

    from crm_desktop.ui.jobs import run_job

    backup = create_backup(demo_db)
    customers.create_customer({"name": "Import in progress", "kind": "person"})
    before = data_of(demo_db)
    release = threading.Event()
    other = run_job(None, "Importing", lambda context: release.wait(20), show_progress=False)
    try:
        dialog = BackupsDialog(demo_db)
        qtbot.addWidget(dialog)
        flow = dialog.restore_file(backup.path, ask=lambda prepared: True)
        with qtbot.waitSignal(flow.finished, timeout=20_000) as finished:
            pass
        assert finished.args == [None]
        [(kind, title, text)] = boxes
        assert kind == "warning" and title == "Restoring a backup"
        assert "Another task is still running" in text
        assert data_of(demo_db) == before
    finally:
        release.set()
        other.wait()


@pytest.mark.expects_warning_log
def test_a_failing_daily_backup_says_so_in_the_status_bar(qtbot, demo_db, boxes, monkeypatch):
    from crm_desktop.errors import CrmError

    def broken(*args, **kwargs):
        raise CrmError("The backup was not made: the disk holding /backups is full.")

    monkeypatch.setattr("crm_desktop.services.backups.snapshot.create_backup", broken)
    window = FakeWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    feature = backup_ui.install(window)
    feature.daily_timer.stop()
    feature.daily_backup()
    qtbot.waitUntil(lambda: feature.daily_job is None, timeout=20_000)
    [status] = window.statuses
    assert "daily backup could not be made" in status and "full" in status
    assert boxes == []  # no dialog in the way at start-up
