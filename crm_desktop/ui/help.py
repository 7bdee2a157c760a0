"""The Help menu: the keyboard shortcuts, where the log is, and About."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import APP_NAME, __version__, paths
from crm_desktop.ui.actions import shortcut_text
from crm_desktop.ui.mnemonics import menu_keys, plain_text, screen_keys


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> None:
    """Every command with its keys: its shortcut, and its Alt path through the menus.

    The commands are the window's own and every menu item the features added
    (reports, backups, import): the same actions as the menus, so the list
    cannot drift from them.
    """
    window = parent.window()
    paths = menu_keys(window) if isinstance(window, QMainWindow) else {}
    commands = list(dict.fromkeys([*paths, *actions]))
    tr = QCoreApplication.translate
    head = "<tr><th align=left>{}</th><th align=left>{}</th><th align=left>{}</th></tr>".format(
        tr("Shortcuts", "Command"), tr("Shortcuts", "Keys"), tr("Shortcuts", "Menu keys")
    )
    cell = "<tr><td>{}</td><td>&nbsp;&nbsp;<b>{}</b></td><td>&nbsp;&nbsp;{}</td></tr>"
    lines = [
        cell.format(
            html.escape(plain_text(action.text())),
            html.escape(shortcut_text(action)),
            html.escape(paths.get(action, "")),
        )
        for action in commands
        if action.shortcuts() or action in paths
    ]
    buttons = screen_keys(window) if isinstance(window, QMainWindow) else []
    if buttons:
        title = tr("Shortcuts", "On this screen")
        lines.append(f"<tr><th align=left colspan=3><br>{title}</th></tr>")
        lines += [cell.format(html.escape(text), html.escape(keys), "") for text, keys in buttons]
    _show_text(
        parent, tr("Shortcuts", "Keyboard shortcuts"), f"<table>{head}{''.join(lines)}</table>"
    )


def _show_text(parent: QWidget, title: str, text: str) -> None:
    """The list in a dialog that scrolls (it is taller than a 600-pixel screen)."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(title)
    browser = QTextBrowser(dialog)
    browser.setHtml(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    available = parent.screen().availableGeometry() if parent.screen() else None
    height = min(720, available.height() - 80) if available else 560
    dialog.resize(620, max(height, 300))
    dialog.exec()
    dialog.deleteLater()


def show_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))


def show_about(parent: QWidget, db_path: Path) -> None:
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<b>{APP_NAME}</b> {__version__}<br>A customer-relationship manager for one small "
        f"business.<br><br>Database: {db_path}<br>Log: {paths.log_dir()}",
    )
