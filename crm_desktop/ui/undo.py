"""Undo for what the user did in the window: one stack of steps, each a function that reverts.

A step is whatever one action did — ten customers moved to the trash, a
status set on three hundred rows, a tag added — and it is undone as a
whole, by the service that knows how (``trash.restore_batch``,
``records.revert``, ``tags.remove_tags``…). Ctrl+Z undoes the newest step;
the "Undo" button of the status-bar message undoes the step it announced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

MAX_STEPS = 50


@dataclass(eq=False)
class UndoStep:
    """One thing the user did, and how to take it back."""

    label: str  # "Move 3 customers to the trash"
    undo: Callable[[], object]
    size: int = 1  # how many records it touches: a large undo runs as a background job


class UndoStack(QObject):
    """The window's undo history (newest last); emits ``changed`` when it grows or shrinks."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._steps: list[UndoStep] = []

    def push(self, label: str, undo: Callable[[], object], size: int = 1) -> UndoStep:
        step = UndoStep(label, undo, size)
        self._steps.append(step)
        del self._steps[:-MAX_STEPS]
        self.changed.emit()
        return step

    def can_undo(self) -> bool:
        return bool(self._steps)

    def top(self) -> UndoStep | None:
        return self._steps[-1] if self._steps else None

    def undo(self, step: UndoStep | None = None) -> UndoStep | None:
        """Undo ``step`` (default: the newest); it leaves the stack even if undoing fails."""
        if step is None:
            step = self.top()
        if step is None or step not in self._steps:
            return None
        self._steps.remove(step)
        self.changed.emit()
        step.undo()
        return step

    def clear(self) -> None:
        self._steps.clear()
        self.changed.emit()

    def __contains__(self, step: object) -> bool:
        return step in self._steps

    def __len__(self) -> int:
        return len(self._steps)
