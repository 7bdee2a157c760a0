"""Nothing covers the status bar's Undo: status tips go beside it, tooltips go away."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QEnterEvent, QStatusTipEvent
from PySide6.QtWidgets import QApplication, QToolTip


def _undoable_message(window) -> None:
    window.show_status("Moved 3 customers to the trash.", lambda: None)
    assert window.undo_button.isVisible()


def test_a_status_tip_does_not_hide_the_undo_button(qtbot, window) -> None:
    _undoable_message(window)
    QApplication.sendEvent(window, QStatusTipEvent("Create a record in the current section"))
    assert window.undo_button.isVisible() and window.message.isVisible()
    assert window.status.tip_label.text() == "Create a record in the current section"
    assert window.status.currentMessage() == ""  # not Qt's message, which hides the widgets
    undo = window.undo_button.geometry()
    for widget in (window.status.tip_label, window.message, window.count_label):
        assert not widget.geometry().intersects(undo), widget.objectName()
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert window.status.tip_label.text() == "" and window.undo_button.isVisible()


def test_a_tooltip_over_the_undo_button_goes_when_the_pointer_arrives(qtbot, window) -> None:
    _undoable_message(window)
    button = window.undo_button
    at = button.mapToGlobal(button.rect().center())
    QToolTip.showText(at + QPoint(0, -2), "A long customer name " * 5, window)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    local = button.rect().center()
    QApplication.sendEvent(button, QEnterEvent(local, button.mapTo(window, local), at))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
    assert button.isVisible()
