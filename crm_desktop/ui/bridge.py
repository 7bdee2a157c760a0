"""One Qt signal for every committed change, so each view decides how to refresh.

The services announce what a committed transaction changed
(:mod:`crm_desktop.services.changes`); :class:`ChangeBridge` re-emits each
announcement as a Qt signal. A change committed in a worker thread reaches
the views on the GUI thread through Qt's queued connection.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from crm_desktop.services import changes


class ChangeBridge(QObject):
    """Emits ``changed(Change)`` after each commit (entity ``"*"`` means reload everything)."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._unsubscribe = changes.subscribe(self.changed.emit)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def close(self) -> None:
        self._unsubscribe()
