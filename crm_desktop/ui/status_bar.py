"""The window's status bar: what just happened (with Undo), the count of the list, the file.

A message stays for :data:`MESSAGE_MS` and may carry the undo step it
announced; its Undo button undoes that step (Ctrl+Z undoes the newest).
On the right, always: how many records the list on screen shows and the
name of the database file (the full path in its tooltip).

Nothing covers the Undo button: the hints of menu items and buttons
(status tips, which Qt would show *instead of* the message and its Undo)
go to a label of their own after it (:meth:`WindowStatusBar.show_tip`), and
a tooltip left open over the button goes when the pointer reaches it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QToolTip, QWidget

from crm_desktop.ui.undo import UndoStack, UndoStep

MESSAGE_MS = 15_000


class WindowStatusBar(QStatusBar):
    """Message + Undo on the left, record count and database file on the right."""

    undo_requested = Signal(object)  # the UndoStep the message announced

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.message = QLabel()
        self.message.setObjectName("statusMessage")
        self.undo_button = _UndoButton()
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setObjectName("statusUndo")
        self.undo_button.setAutoRaise(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(lambda: self.undo_requested.emit(self.step))
        self.count_label = QLabel()
        self.count_label.setObjectName("statusCount")
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.set_database(db_path)
        for widget in (self.count_label, self.db_label):
            widget.setContentsMargins(10, 0, 6, 0)
        self.tip_label = QLabel()
        self.tip_label.setObjectName("statusTip")
        # Quiet, in the palette's placeholder colour (a style sheet said so; Qt's style-sheet
        # style cost the start several ms).
        self.tip_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tip_label.setContentsMargins(12, 0, 0, 0)
        self.addWidget(self.message)
        self.addWidget(self.undo_button)
        self.addWidget(self.tip_label, 1)
        self.addPermanentWidget(self.count_label)
        self.addPermanentWidget(self.db_label)
        self.step: UndoStep | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MESSAGE_MS)
        self._timer.timeout.connect(self.clear_message)

    def show_tip(self, text: str) -> None:
        """A status tip (the hint of the menu item or button under the pointer)."""
        self.tip_label.setText(" ".join(text.split()))

    def set_database(self, db_path: Path) -> None:
        self.db_label.setText(db_path.name)
        self.db_label.setToolTip(str(db_path))

    def set_count(self, text: str) -> None:
        self.count_label.setText(text)
        # The label's new width now, not at the next turn of the event loop: the first frame
        # of a list would show its count clipped to the old width ("1" of "100,000 …").
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def show_message(self, text: str, step: UndoStep | None = None) -> None:
        self.message.setText(text)
        self.step = step
        self.undo_button.setVisible(step is not None)
        self._timer.start()

    def clear_message(self) -> None:
        self.message.clear()
        self.step = None
        self.undo_button.hide()

    def follow(self, stack: UndoStack) -> None:
        """The announced step was undone (or dropped): the Undo button goes."""
        if self.step is not None and self.step not in stack:
            self.step = None
            self.undo_button.hide()


class _UndoButton(QToolButton):
    """The message's Undo: a tooltip from the table above (a long cell) never hides it."""

    def enterEvent(self, event) -> None:
        QToolTip.hideText()
        super().enterEvent(event)
