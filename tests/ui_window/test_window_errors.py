"""Errors: our bugs end in a plain dialog and the log, the user's in a message; the app goes on."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from window_helpers import answer_next_dialog, open_section, wait_loaded

from crm_desktop.errors import CrmError
from crm_desktop.logs import setup_logging
from crm_desktop.ui import errors
from crm_desktop.ui.tables import model as model_module
from crm_desktop.ui.tables.page import ListPage
from tests.fresh_python import printed_by


@pytest.fixture
def hook(monkeypatch):
    """The app's exception hook, installed for one test and removed after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install_excepthook()
    return setup_logging()


@pytest.mark.expects_warning_log
@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_shows_a_dialog_and_the_app_keeps_running(
    qtbot, window, hook, monkeypatch
):
    page = open_section(qtbot, window, "customers")

    def broken_reload(self):
        raise RuntimeError("boom in reload")

    monkeypatch.setattr(ListPage, "reload", broken_reload)
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "failed because of an error in CRM Desktop" in seen[0]
    assert "Nothing was half-saved" in seen[0]
    assert "Traceback" not in seen[0]  # the details are folded away
    assert "RuntimeError: boom in reload" in hook.read_text(encoding="utf-8")

    monkeypatch.undo()
    errors.install_excepthook()
    window.activateWindow()  # the dialog had the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_list().section.key == "contacts"  # still working
    assert window.isVisible() and page.isHidden()


@pytest.mark.qt_no_exception_capture
def test_a_user_error_in_a_slot_is_a_plain_message(qtbot, window, hook, monkeypatch):
    open_section(qtbot, window, "customers")

    def refused(self):
        raise CrmError("The database file is read-only.")

    monkeypatch.setattr(ListPage, "reload", refused)
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "did not work" in seen[0]
    assert "The database file is read-only." in seen[0]
    assert "error in CRM Desktop" not in seen[0]


@pytest.mark.expects_warning_log
@pytest.mark.qt_no_exception_capture
def test_a_failing_background_query_is_reported(qtbot, window, hook, monkeypatch):
    page = open_section(qtbot, window, "customers")

    def broken(entity, query=None):
        raise RuntimeError("the query broke")

    monkeypatch.setattr(model_module.listing, "list_id_array", broken)
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    page.reload()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "Loading the customers failed" in seen[0]
    assert not page.model.is_loading()
    monkeypatch.undo()
    page.reload()
    wait_loaded(qtbot, page)
    assert page.count() > 0


@pytest.mark.expects_warning_log
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_python_thread_reaches_the_user(qtbot, window, hook):
    seen: list[str] = []
    answer_next_dialog("OK", seen)

    def work():
        raise ValueError("thread trouble")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "A background task failed" in seen[0]
    assert "ValueError: thread trouble" in hook.read_text(encoding="utf-8")


@pytest.mark.expects_warning_log
def test_only_one_crash_dialog_at_a_time(qtbot, window, hook, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(errors, "_showing", True)  # a crash dialog is already open
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    errors.show_error(window, "Painting", RuntimeError("again"))
    assert shown == []
    assert "RuntimeError: again" in hook.read_text(encoding="utf-8")


def test_the_start_makes_no_message_box_type_before_one_is_shown():
    """Importing QMessageBox makes its five Python enums (~1-2 ms of a start): the error
    handling and the one-window check import it where a box is shown."""
    code = (
        "import PySide6.QtWidgets as widgets; import crm_desktop.cli, crm_desktop.ui.app, "
        "crm_desktop.ui.errors, crm_desktop.ui.single_instance, crm_desktop.ui.jobs; "
        "print('QMessageBox' in vars(widgets))"
    )
    assert printed_by(code) == "False"
