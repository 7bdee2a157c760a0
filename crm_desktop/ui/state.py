"""Window and table state: what the window looked like last time, per user, not per database.

Geometry, splitter positions, each table's columns (width, order,
visibility) and sort, the deals view mode… live in one INI file in
:func:`crm_desktop.paths.config_dir`. They are UI state, kept apart from the
preferences that travel with the data (the ``setting`` table). A broken or
unreadable state file only costs the user their layout: every read falls
back to the default.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from crm_desktop import paths
from crm_desktop.safe_files import create_private_file, private_folder

STATE_FILE_NAME = "ui-state.ini"


class UiState:
    """Typed reads and writes of the window's state file."""

    def __init__(self) -> None:
        folder = paths.config_dir()
        with contextlib.suppress(OSError):  # read-only home: the layout is not remembered
            private_folder(folder)
            # Qt keeps the permissions of the file it replaces: private from the start.
            create_private_file(folder / STATE_FILE_NAME)
        self._settings = QSettings(str(folder / STATE_FILE_NAME), QSettings.Format.IniFormat)

    def bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        value = self._settings.value(key)
        return value if isinstance(value, str) else default

    def set_text(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._settings.value(key)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return default

    def set_flag(self, key: str, value: bool) -> None:
        self._settings.setValue(key, bool(value))

    def strings(self, key: str) -> list[str]:
        value: Any = self._settings.value(key)
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [str(item) for item in value]
        return []

    def set_strings(self, key: str, values: list[str]) -> None:
        self._settings.setValue(key, list(values))

    def sync(self) -> None:
        self._settings.sync()
