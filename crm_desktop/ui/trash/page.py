"""The Trash section: everything deleted, to restore or to delete for good.

A list like the others (entity ``trash_item``) with three buttons: Restore
(the selected records come back exactly as they were, with what belonged
to them), Delete for good and Empty trash (both ask first; the services
take a backup before emptying, through the bulk-change guard).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from crm_desktop.ui.formats import Formats
from crm_desktop.ui.sections.base import Section
from crm_desktop.ui.state import UiState
from crm_desktop.ui.tables.page import ListPage


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """Ask before something that cannot be undone; the safe answer is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    go = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


class TrashPage(ListPage):
    """The trash list with Restore, Delete for good and Empty trash."""

    is_trash_page = True  # what the window asks instead of isinstance (it imports pages late)

    restore_requested = Signal()
    purge_requested = Signal()
    empty_requested = Signal()

    def __init__(
        self,
        section: Section,
        formatter: Formats,
        state: UiState,
        parent: QWidget | None = None,
    ):
        super().__init__(section, formatter, state, parent)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Bring the selected records back (Ctrl+R)"))
        self.purge_button = QPushButton(self.tr("Delete for good…"))
        self.purge_button.setToolTip(self.tr("Delete the selected records for good (Shift+Delete)"))
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.setToolTip(self.tr("Delete everything in the trash for good"))
        for button in (self.restore_button, self.purge_button, self.empty_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.actions_row.addWidget(button)
        self.restore_button.clicked.connect(self.restore_requested)
        self.purge_button.clicked.connect(self.purge_requested)
        self.empty_button.clicked.connect(self.empty_requested)
        self.selection_changed.connect(self._update_buttons)
        self.count_changed.connect(lambda *_: self._update_buttons())
        self.table.empty_text = self.tr("The trash is empty.")
        self.update_tab_order()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)
        self.empty_button.setEnabled(self.count() > 0 or bool(self.model.query.filters))

    def _empty_text(self) -> str:
        if self.model.query.search.strip() or self.model.query.filters:
            return self.tr("Nothing in the trash matches.")
        return self.tr("The trash is empty.")
