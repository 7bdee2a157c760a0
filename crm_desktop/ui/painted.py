"""Run something once a widget has been painted: what can wait, waits for the first screen.

Qt paints a changed widget a few milliseconds after the change (the platform
window asks for an update, it is not a posted event), so a zero-timer set when
the data arrives would run *before* the paint. This watches the paint itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    """Calls ``then`` once, just after the first paint of ``widget`` or of a child of it."""

    def __init__(self, widget: QWidget, then: Callable[[], None], timeout_ms: int):
        super().__init__(widget)
        self._then = then
        self._done = False
        self._watched = [widget, *widget.findChildren(QWidget)]
        for watched in self._watched:
            watched.installEventFilter(self)
        # A window that is hidden or minimised is never painted: go on anyway.
        QTimer.singleShot(timeout_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if not self._done and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # once the whole repaint is done
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        for watched in self._watched:
            watched.removeEventFilter(self)
        self._then()
        self.deleteLater()


def after_next_paint(widget: QWidget, then: Callable[[], None], *, timeout_ms: int = 1000) -> None:
    """Call ``then`` right after ``widget``'s next paint (or after ``timeout_ms`` without one)."""
    _AfterPaint(widget, then, timeout_ms)
