"""Saved views in the window: keep a list as it is under a name, open it from the sidebar.

View → Save view… keeps the current list's search, filters, sort and visible
columns under a name (:mod:`crm_desktop.services.saved_views`); the sidebar
shows each list's views under it. Clicking one opens its list as saved. The
sidebar's context menu on a view renames it, moves it up or down, updates it to
what the list shows now, or deletes it. Installed like a feature package
(:mod:`crm_desktop.ui.features`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from crm_desktop.errors import CrmError, ValidationError
from crm_desktop.services import saved_views
from crm_desktop.services.changes import Change
from crm_desktop.ui.errors import show_error


def _message(exc: CrmError) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.errors.values())
    return str(exc)


class SavedViews(QObject):
    """What the window does with saved views; the sidebar shows them."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.sidebar = window.sidebar
        self.save_action = QAction(QCoreApplication.translate("SavedViews", "Save &view…"), window)
        self.save_action.setObjectName("save_view")
        self.save_action.setStatusTip(
            QCoreApplication.translate(
                "SavedViews", "Keep this list's search, filters, sort and columns under a name"
            )
        )
        self.save_action.triggered.connect(lambda: self.save_current())
        window.add_action("View", self.save_action)
        self.sidebar.view_chosen.connect(self.open_view)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._context_menu)
        window.bridge.changed.connect(self._on_change)
        self.reload()

    # --- the sidebar -------------------------------------------------------------------------

    def _section_key(self, entity: str) -> str | None:
        from crm_desktop.ui.sections import BY_ENTITY

        section = BY_ENTITY.get(entity)
        if section is not None:
            return section.key
        return self.window.feature_lists.get(entity)

    def reload(self) -> None:
        """Show the saved views under their lists."""
        rows = []
        for view in saved_views.list_views():
            key = self._section_key(view.entity)
            if key is not None:
                rows.append((view.id, key, view.name))
        self.sidebar.set_views(rows)

    def _on_change(self, change: Change) -> None:
        if change.entity == "saved_view":
            self.reload()

    # --- what the user does ----------------------------------------------------------------

    def _ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(
            self.window,
            title,
            QCoreApplication.translate("SavedViews", "Name:"),
            QLineEdit.EchoMode.Normal,
            text,
        )
        return name if ok else None

    def save_current(self, name: str | None = None) -> int | None:
        """Save the list on screen as a new view (asks its name); its id, or None."""
        page = self.window.current_list()
        if page is None:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("SavedViews", "Save view"),
                QCoreApplication.translate("SavedViews", "Open a list first: a view keeps a list."),
            )
            return None
        if name is None:
            name = self._ask_name(QCoreApplication.translate("SavedViews", "Save view"))
            if name is None:
                return None
        try:
            view_id = saved_views.save_view(
                page.entity, name, page.current_query(), page.visible_columns()
            )
        except CrmError as exc:
            show_error(
                self.window,
                QCoreApplication.translate("SavedViews", "Saving the view"),
                CrmError(_message(exc)),
            )
            return None
        self.sidebar.select_view(view_id)
        self.window.show_status(
            QCoreApplication.translate("SavedViews", "View “{name}” saved.").format(
                name=name.strip()
            )
        )
        return view_id

    def open_view(self, view_id: int) -> QWidget | None:
        """Show a view's list as the view keeps it; returns the list page."""
        try:
            view = saved_views.get_view(view_id)
        except CrmError as exc:
            show_error(
                self.window, QCoreApplication.translate("SavedViews", "Opening the view"), exc
            )
            return None
        key = self._section_key(view.entity)
        if key is None:
            return None
        self.window.show_section(key)
        page = self.window.page(key)
        page.apply_view(view.query, view.columns)
        self.sidebar.select_view(view_id)
        return page

    def rename(self, view_id: int, name: str | None = None) -> bool:
        if name is None:
            name = self._ask_name(
                QCoreApplication.translate("SavedViews", "Rename view"),
                saved_views.get_view(view_id).name,
            )
            if name is None:
                return False
        try:
            saved_views.rename_view(view_id, name)
        except CrmError as exc:
            show_error(
                self.window,
                QCoreApplication.translate("SavedViews", "Renaming the view"),
                CrmError(_message(exc)),
            )
            return False
        return True

    def update(self, view_id: int) -> None:
        """Make the view keep what its list shows now."""
        page = self.open_list_of(view_id)
        if page is not None:
            saved_views.update_view(view_id, page.current_query(), page.visible_columns())

    def open_list_of(self, view_id: int) -> Any:
        key = self._section_key(saved_views.get_view(view_id).entity)
        return self.window.page(key) if key is not None else None

    def move(self, view_id: int, offset: int) -> None:
        saved_views.move_view(view_id, offset)
        self.sidebar.select_view(view_id)

    def delete(self, view_id: int) -> None:
        name = saved_views.get_view(view_id).name
        saved_views.delete_view(view_id)
        self.window.show_status(
            QCoreApplication.translate("SavedViews", "View “{name}” deleted.").format(name=name)
        )

    def _context_menu(self, point: QPoint) -> None:
        item = self.sidebar.itemAt(point)
        view_id = self.sidebar.view_of(item) if item is not None else None
        if view_id is None:
            return
        menu = QMenu(self.sidebar)
        menu.addAction(
            QCoreApplication.translate("SavedViews", "&Rename…"), lambda: self.rename(view_id)
        )
        menu.addAction(
            QCoreApplication.translate("SavedViews", "&Update to what the list shows"),
            lambda: self.update(view_id),
        )
        menu.addAction(
            QCoreApplication.translate("SavedViews", "Move &up"), lambda: self.move(view_id, -1)
        )
        menu.addAction(
            QCoreApplication.translate("SavedViews", "Move &down"), lambda: self.move(view_id, 1)
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("SavedViews", "&Delete"), lambda: self.delete(view_id)
        )
        menu.popup(self.sidebar.mapToGlobal(point))


def install(window: Any) -> None:
    """Add View → Save view… and the saved views of the sidebar to ``window``."""
    window.saved_views = SavedViews(window)
