"""Shared moves of the form tests: typing any script, answering modal dialogs."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def show_form(qtbot, form_class, **kwargs):
    """Open a form non-modally for a test; it closes without asking at the end."""
    dialog = form_class(None, **kwargs)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.mark_clean())
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def activate(qtbot, window: QWidget) -> None:
    """Make ``window`` the active one (window shortcuts such as Ctrl+S need it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character, in any script.

    ``qtbot.keyClicks`` aborts the process on non-ASCII text; a key event with
    the character as its text is what a keyboard layout sends.
    """
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def when_modal(callback: Callable[[QWidget], None], *, timeout_ms: int = 5000) -> list:
    """Run ``callback(dialog)`` once a modal dialog is open (for code that calls ``exec()``).

    Returns a list that receives the dialog, so a test can assert one appeared. A
    dialog the callback leaves open is closed, so a failing test fails instead of hanging.
    """
    seen: list = []
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            waited[0] += 20
            if waited[0] < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        dialog.activateWindow()
        for _ in range(100):  # window shortcuts (Ctrl+S) need the dialog active
            if dialog.isActiveWindow():
                break
            QApplication.processEvents()
            time.sleep(0.005)
        try:
            callback(dialog)
        finally:
            if dialog.isVisible():  # the callback did not close it: never hang the test run
                if hasattr(dialog, "mark_clean"):
                    dialog.mark_clean()
                dialog.reject()

    QTimer.singleShot(0, poll)
    return seen
