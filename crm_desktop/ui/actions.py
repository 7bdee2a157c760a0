"""Every command of the main window, declared once; the menus are built from this list.

Picard's pattern: an :class:`ActionSpec` names the command, its text, menu,
shortcut and the window method that does it; :func:`create_actions` makes
the ``QAction`` objects and :func:`build_menus` the menu bar, so a command
has one text and one shortcut wherever it shows (menu, context menu,
keyboard-shortcut list). Commands with ``context="table"`` (Enter, Delete)
only fire while a table has the focus, so they never take a key away from
a text field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from crm_desktop.ui.features import MENUS
from crm_desktop.ui.icons import icon, standard

Shortcut = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command: where it shows, its keys, and the window method that runs it."""

    key: str
    text: str
    menu: str
    handler: str  # a method of the window, or "section:<key>" to show a section
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    # An SVG of resources/icons, or "SP_…": one of the style's own (set by set_style_icons).
    icon: str | None = None
    context: str = "window"  # "window" or "table"
    group: int = 0  # a separator goes between groups of one menu
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("new_record", "&New record", "File", "new_record", ("Ctrl+N",),
               "Create a record in the current section", "SP_FileIcon"),
    ActionSpec("preferences", "&Preferences…", "File", "open_preferences", ("Ctrl+,",),
               "Company details, currency, locale and phone region", group=1),
    ActionSpec("quit", "&Quit", "File", "close", ("Ctrl+Q",),
               "Close the window", group=9),
    # Edit
    ActionSpec("undo", "&Undo", "Edit", "undo", ("Ctrl+Z",), "Undo the last change",
               "SP_ArrowBack"),
    ActionSpec("find", "&Find", "Edit", "focus_search", ("Ctrl+F",),
               "Go to the search box of the current list", group=1),
    ActionSpec("open_record", "&Open", "Edit", "open_current", ("Return", "Enter"),
               "Open the selected record", context="table", group=2),
    ActionSpec("trash", "Move to &trash", "Edit", "trash_selected", ("Delete",),
               "Move the selected records to the trash (Ctrl+Z brings them back)",
               "trash", context="table", group=2),
    ActionSpec("select_all", "Select &all", "Edit", "select_all", ("Ctrl+A",),
               "Select every row of the list", context="table", group=2),
    # View
    ActionSpec("back", "&Back", "View", "go_back", ("Alt+Left",),
               "Back to the list you came from", "SP_ArrowLeft", group=1),
    ActionSpec("escape", "&Clear search", "View", "escape", ("Esc",),
               "Clear the search, or go back from a customer's page", group=1),
    ActionSpec("refresh", "&Refresh", "View", "refresh", ("F5",),
               "Read the current list again from the database", "SP_BrowserReload", group=1),
    ActionSpec("board", "&Pipeline board", "View", "toggle_board", ("Ctrl+B",),
               "Show the deals as a board of stages", group=2, checkable=True),
    # Records
    ActionSpec("add_tag", "Add &tag…", "Records", "add_tag", ("Ctrl+T",),
               "Tag the selected customers", group=1),
    ActionSpec("remove_tag", "&Remove tag…", "Records", "remove_tag", ("Ctrl+Shift+T",),
               "Remove a tag from the selected customers", group=1),
    ActionSpec("restore", "Restore from tras&h", "Records", "restore_selected", ("Ctrl+R",),
               "Bring the selected records back from the trash", "SP_DialogResetButton",
               group=2),
    ActionSpec("purge", "&Delete for good…", "Records", "purge_selected", ("Shift+Delete",),
               "Delete the selected records in the trash for good", group=2),
    ActionSpec("empty_trash", "&Empty trash…", "Records", "empty_trash", (),
               "Delete everything in the trash for good", group=2),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", "Help", "show_shortcuts", ("F1",),
               "Every command and its keys"),
    ActionSpec("log_file", "Show &log folder", "Help", "show_log_folder", (),
               "Where CRM Desktop writes the details of errors"),
    ActionSpec("about", "&About CRM Desktop", "Help", "show_about", (), group=1),
)  # fmt: skip


def section_action_specs(sections: list[tuple[str, str, str]]) -> list[ActionSpec]:
    """View-menu commands that open the sections (key, title, icon); Ctrl+1…9 the first nine."""
    specs = []
    for number, (key, title, icon_name) in enumerate(sections, start=1):
        shortcuts = (f"Ctrl+{number}",) if number <= 9 else ()
        specs.append(
            ActionSpec(f"go_{key}", title, "View", f"section:{key}", shortcuts,
                       f"Show {title}", icon_name)
        )  # fmt: skip
    return specs


def create_actions(
    window: QMainWindow, specs: list[ActionSpec], handler: Callable[[str], Callable[[], object]]
) -> dict[str, QAction]:
    """One QAction per spec; ``handler(spec.handler)`` gives the function it triggers."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        if spec.icon and not spec.icon.startswith("SP_"):
            action.setIcon(icon(spec.icon))
        action.setCheckable(spec.checkable)  # window-wide shortcuts: QAction's default
        function = handler(spec.handler)
        action.triggered.connect(lambda _checked=False, function=function: function())
        actions[spec.key] = action
    return actions


def set_table_contexts(specs: list[ActionSpec], actions: dict[str, QAction]) -> None:
    """Commands with ``context="table"`` fire only in the widgets they are added to (the
    tables), never in a text field. Set once the window is attached (see set_style_icons)."""
    from PySide6.QtCore import Qt

    for spec in specs:
        if spec.context == "table" and spec.key in actions:
            actions[spec.key].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)


def set_style_icons(specs: list[ActionSpec], actions: dict[str, QAction]) -> None:
    """Give the actions their style icons (after the window's first paint: QStyle is slow
    to load)."""
    for spec in specs:
        if spec.icon and spec.icon.startswith("SP_") and spec.key in actions:
            actions[spec.key].setIcon(standard(spec.icon))


def build_menus(
    window: QMainWindow, specs: list[ActionSpec], actions: dict[str, QAction]
) -> dict[str, QMenu]:
    """The menu bar, in :data:`~crm_desktop.ui.features.MENUS` order, with separators by group."""
    menus: dict[str, QMenu] = {}
    titles = {"File": "&File", "Edit": "&Edit", "View": "&View", "Records": "&Records",
              "Tools": "&Tools", "Help": "&Help"}  # fmt: skip
    for name in MENUS:
        menus[name] = window.menuBar().addMenu(titles.get(name, name))
        menus[name].setObjectName(f"menu_{name}")
    last_group: dict[str, int] = {}
    for spec in specs:
        menu = menus[spec.menu]
        if spec.menu in last_group and last_group[spec.menu] != spec.group:
            menu.addSeparator()
        last_group[spec.menu] = spec.group
        menu.addAction(actions[spec.key])
    return menus


def shortcut_text(action: QAction) -> str:
    """The keys of an action as people read them: ``Ctrl+N``."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
