"""Icons of the window: simple SVGs shipped in ``resources/icons/``, cached by name.

A missing file gives an empty icon rather than an error: an icon is
decoration, never a reason for the window not to open.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

from crm_desktop import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon when it is not there)."""
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def standard(which: QStyle.StandardPixmap | str) -> QIcon:
    """One of the current style's own icons (undo, open, warning…), by value or by name.

    QStyle is imported here, not at the top: its first use makes PySide6 build
    a dozen large enums (~12 ms), which the window's first paint can do without.
    """
    from PySide6.QtWidgets import QApplication, QStyle

    pixmap = getattr(QStyle.StandardPixmap, which) if isinstance(which, str) else which
    return QApplication.style().standardIcon(pixmap)
