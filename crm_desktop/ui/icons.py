"""Icons of the window: simple SVGs shipped in ``resources/icons/``, cached by name.

A missing file gives an empty icon rather than an error: an icon is
decoration, never a reason for the window not to open.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from crm_desktop import paths


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon when it is not there)."""
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def standard(which: QStyle.StandardPixmap) -> QIcon:
    """One of the current style's own icons (undo, open, warning…)."""
    return QApplication.style().standardIcon(which)
