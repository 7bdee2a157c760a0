"""The Help menu: the keyboard shortcuts, where the log is, and About."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop import APP_NAME, __version__, paths
from crm_desktop.ui.actions import shortcut_text


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> None:
    """Every command that has keys, with its keys (from the same actions as the menus)."""
    cell = "<tr><td>{}</td><td>&nbsp;&nbsp;<b>{}</b></td></tr>"
    lines = [
        cell.format(action.text().replace("&", ""), shortcut_text(action))
        for action in actions
        if action.shortcuts()
    ]
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table>{''.join(lines)}</table>")


def show_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))


def show_about(parent: QWidget, db_path: Path) -> None:
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<b>{APP_NAME}</b> {__version__}<br>A customer-relationship manager for one small "
        f"business.<br><br>Database: {db_path}<br>Log: {paths.log_dir()}",
    )
