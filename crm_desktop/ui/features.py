"""How feature packages plug into the main window (reports, backups, import and export).

The main window is assembled from parts; feature packages that live in
their own ``ui/<feature>/`` folders add their menu actions and sections
through the small :class:`WindowApi` below, from an ``install(window)``
function. The window calls :func:`install_features` once it is built.

``install`` runs while the window starts, so it must stay cheap: it creates
actions and section factories, and the heavy modules (reportlab, openpyxl,
the import readers) are imported when an action is first used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the window's chrome is built before the services are imported
    from crm_desktop.services.listing import ListQuery
    from crm_desktop.ui.sections.base import Section

# "module:function" of each feature's installer, in menu order.
INSTALLERS: tuple[str, ...] = (
    "crm_desktop.ui.selling:install",
    "crm_desktop.ui.reports:install",
    "crm_desktop.ui.backup:install",
    "crm_desktop.ui.encryption:install",
    "crm_desktop.ui.transfer:install",
    "crm_desktop.ui.saved_views:install",
)

# The menus of the main window, by name.
MENUS = ("File", "Edit", "View", "Records", "Tools", "Help")


class WindowApi(Protocol):
    """What the main window offers to feature packages."""

    @property
    def db_path(self) -> Path: ...

    def add_action(self, menu: str, action: QAction, *, section: str | None = None) -> None:
        """Put ``action`` in one of :data:`MENUS` (its shortcut works window-wide)."""

    def add_section(
        self,
        key: str,
        title: str,
        widget: QWidget | Callable[[], QWidget],
        icon: QIcon | None = None,
    ) -> None:
        """Add a page to the navigation sidebar after the built-in ones.

        Pass a factory (a callable returning the widget) to build the page, and
        import what it needs, only when the user first opens it: start-up stays fast.
        """

    def add_list_section(self, section: Section, icon: QIcon | None = None) -> None:
        """Add a list of records to the sidebar, built like the built-in lists (lazy table,
        filters, Enter opens, Delete → trash, Ctrl+Z), when the user first opens it."""

    def add_record_action(self, entity: str, action: QAction) -> None:
        """Add an action to the context menu and toolbar of one entity's table
        (e.g. "Print invoice" on orders); it reads the selection through the methods below."""

    def current_entity(self) -> str | None:
        """The entity of the table on screen (``customer``, ``sales_order``…), if any."""

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows of the table on screen."""

    def current_query(self) -> ListQuery | None:
        """The search, filters and sort of the table on screen (an export of "the current view")."""

    def show_status(self, text: str, undo: Callable[[], None] | None = None) -> None:
        """A status-bar message, with an Undo button when ``undo`` is given."""

    def reload_database(self) -> None:
        """Reopen the database file (after a restore) and refresh every view."""

    def add_drop_handler(self, entity: str, handler: Callable[[list[Path]], bool]) -> None:
        """Files dropped on an entity's table go to ``handler`` (True: it took them)."""


def install_features(window: WindowApi) -> None:
    """Let every feature package add its actions and sections to ``window``."""
    for spec in INSTALLERS:
        module_name, function_name = spec.split(":")
        module = importlib.import_module(module_name)
        getattr(module, function_name)(window)
