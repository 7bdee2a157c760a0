"""What the user does while Today is shown but the file is not yet open: kept, then done.

At start the window shows Today as soon as its data is read, before the file is
opened for the window (:mod:`crm_desktop.services.first_screen`); the rest (the
lists, the row commands, the forms) is built a moment later. What the user asks for
in between is not lost: a command (by its keys or its menu item), opening a line of
Today, ticking a task, waits here and is done in order once the window is whole;
keys typed after such a command (Ctrl+F, then a name) are kept too and given to
whatever has the focus then (the search box). A section chosen meanwhile is the
window's own business (``MainWindow._wanted``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class EarlyInput(QObject):
    """Runs work now once :meth:`open` was called, else keeps it (and the keys typed
    after it) until then."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._work: list[Callable[[], object]] = []
        self._keys: list[QKeyEvent] = []
        self.is_open = False

    def run(self, work: Callable[[], object]) -> None:
        """Do ``work`` now if the window is whole, else once it is."""
        if self.is_open:
            work()
            return
        app = QCoreApplication.instance()
        if not self._work and app is not None:  # typing now belongs to what the work shows
            app.installEventFilter(self)
        self._work.append(work)

    def is_waiting(self) -> bool:
        """Whether something asked for waits for the window to be whole."""
        return bool(self._work)

    def open(self) -> None:
        """The window is whole: do what waited, in order, then type what was typed."""
        if self.is_open:
            return
        self.is_open = True
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        work, self._work = self._work, []
        for step in work:
            step()
        keys, self._keys = self._keys, []
        target = QApplication.focusWidget()
        if keys and target is not None and target.window() is self._window:
            for event in keys:
                QCoreApplication.sendEvent(target, event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if (
            kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            # A copy: Qt reuses the event object once this returns.
            self._keys.append(
                QKeyEvent(
                    kind,
                    event.key(),
                    event.modifiers(),
                    event.text(),
                    event.isAutoRepeat(),
                    event.count(),
                )
            )
            return True  # kept for the search box (or whatever the work focuses)
        return False
