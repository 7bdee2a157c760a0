"""Every command of the main window, declared once; the menus are built from this list.

Picard's pattern: an :class:`ActionSpec` names the command, its text, menu,
shortcut and the window method that does it; :func:`create_actions` makes
the ``QAction`` objects, :func:`bind_actions` connects each to its function
when the window is built (a misspelt name fails then, not at a click), and
:func:`build_menus` the menu bar, so a command
has one text and one shortcut wherever it shows (menu, context menu,
keyboard-shortcut list). Commands with ``context="table"`` (Enter, Delete)
only fire while a table has the focus, so they never take a key away from
a text field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from crm_desktop.ui.features import MENUS
from crm_desktop.ui.icons import icon, standard
from crm_desktop.ui.noop import QT_TR_NOOP
from crm_desktop.ui.translation import declared

Shortcut = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command: where it shows, its keys, and the window method that runs it."""

    key: str
    text: str
    menu: str
    # A method of the window, "commands:<method>" for one of the row commands (bound once the
    # database is open), or "section:<key>" to show a section.
    handler: str
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    # An SVG of resources/icons, or "SP_…": one of the style's own (set by set_style_icons).
    icon: str | None = None
    context: str = "window"  # "window" or "table"
    group: int = 0  # a separator goes between groups of one menu
    checkable: bool = False
    before_open: bool = False  # usable while the database is not open (or fails to)


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "new_record",
        QT_TR_NOOP("&New record"),
        "File",
        "new_record",
        ("Ctrl+N",),
        QT_TR_NOOP("Create a record in the current section"),
        "SP_FileIcon",
    ),
    ActionSpec(
        "preferences",
        QT_TR_NOOP("&Preferences…"),
        "File",
        "open_preferences",
        ("Ctrl+,",),
        QT_TR_NOOP("Company details, currency, locale and phone region"),
        group=1,
    ),
    ActionSpec(
        "quit",
        QT_TR_NOOP("&Quit"),
        "File",
        "close",
        ("Ctrl+Q",),
        QT_TR_NOOP("Close the window"),
        group=9,
        before_open=True,
    ),
    # Edit
    ActionSpec(
        "undo",
        QT_TR_NOOP("&Undo"),
        "Edit",
        "commands:undo",
        ("Ctrl+Z",),
        QT_TR_NOOP("Undo the last change"),
        "SP_ArrowBack",
    ),
    ActionSpec(
        "find",
        QT_TR_NOOP("&Find"),
        "Edit",
        "focus_search",
        ("Ctrl+F",),
        QT_TR_NOOP("Go to the search box of the current list"),
        group=1,
    ),
    ActionSpec(
        "open_record",
        QT_TR_NOOP("&Open"),
        "Edit",
        "open_current",
        ("Return", "Enter"),
        QT_TR_NOOP("Open the selected record"),
        context="table",
        group=2,
    ),
    ActionSpec(
        "trash",
        QT_TR_NOOP("Move to &trash"),
        "Edit",
        "commands:trash_selected",
        ("Delete",),
        QT_TR_NOOP("Move the selected records to the trash (Ctrl+Z brings them back)"),
        "trash",
        context="table",
        group=2,
    ),
    ActionSpec(
        "select_all",
        QT_TR_NOOP("Select &all"),
        "Edit",
        "select_all",
        ("Ctrl+A",),
        QT_TR_NOOP("Select every row of the list"),
        context="table",
        group=2,
    ),
    # View
    ActionSpec(
        "back",
        QT_TR_NOOP("&Back"),
        "View",
        "go_back",
        ("Alt+Left",),
        QT_TR_NOOP("Back to the list you came from"),
        "SP_ArrowLeft",
        group=1,
    ),
    ActionSpec(
        "escape",
        QT_TR_NOOP("&Clear search"),
        "View",
        "escape",
        ("Esc",),
        QT_TR_NOOP("Clear the search, or go back from a customer's page"),
        group=1,
    ),
    ActionSpec(
        "refresh",
        QT_TR_NOOP("&Refresh"),
        "View",
        "refresh",
        ("F5",),
        QT_TR_NOOP("Read the current list again from the database"),
        "SP_BrowserReload",
        group=1,
    ),
    ActionSpec(
        "board",
        QT_TR_NOOP("&Pipeline board"),
        "View",
        "toggle_board",
        ("Ctrl+B",),
        QT_TR_NOOP("Show the deals as a board of stages"),
        group=2,
        checkable=True,
    ),
    # Records
    ActionSpec(
        "add_tag",
        QT_TR_NOOP("Add &tag…"),
        "Records",
        "commands:add_tag",
        ("Ctrl+T",),
        QT_TR_NOOP("Tag the selected customers"),
        group=1,
    ),
    ActionSpec(
        "remove_tag",
        QT_TR_NOOP("&Remove tag…"),
        "Records",
        "commands:remove_tag",
        ("Ctrl+Shift+T",),
        QT_TR_NOOP("Remove a tag from the selected customers"),
        group=1,
    ),
    ActionSpec(
        "restore",
        QT_TR_NOOP("Restore from tras&h"),
        "Records",
        "commands:restore_selected",
        ("Ctrl+R",),
        QT_TR_NOOP("Bring the selected records back from the trash"),
        "SP_DialogResetButton",
        group=2,
    ),
    ActionSpec(
        "purge",
        QT_TR_NOOP("&Delete for good…"),
        "Records",
        "commands:purge_selected",
        ("Shift+Delete",),
        QT_TR_NOOP("Delete the selected records in the trash for good"),
        group=2,
    ),
    ActionSpec(
        "empty_trash",
        QT_TR_NOOP("&Empty trash…"),
        "Records",
        "commands:empty_trash",
        (),
        QT_TR_NOOP("Delete everything in the trash for good"),
        group=2,
    ),
    # Help
    ActionSpec(
        "shortcuts",
        QT_TR_NOOP("&Keyboard shortcuts"),
        "Help",
        "show_shortcuts",
        ("F1",),
        QT_TR_NOOP("Every command and its keys"),
        before_open=True,
    ),
    ActionSpec(
        "log_file",
        QT_TR_NOOP("Show &log folder"),
        "Help",
        "show_log_folder",
        (),
        QT_TR_NOOP("Where CRM Desktop writes the details of errors"),
        before_open=True,
    ),
    ActionSpec(
        "about",
        QT_TR_NOOP("&About CRM Desktop"),
        "Help",
        "show_about",
        (),
        group=1,
        before_open=True,
    ),
)


def section_action_specs(sections: list[tuple[str, str, str]]) -> list[ActionSpec]:
    """View-menu commands that open the sections (key, title, icon); Ctrl+1…9 the first nine."""
    specs = []
    for number, (key, title, icon_name) in enumerate(sections, start=1):
        shortcuts = (f"Ctrl+{number}",) if number <= 9 else ()
        specs.append(
            ActionSpec(
                f"go_{key}",
                title,
                "View",
                f"section:{key}",
                shortcuts,
                QCoreApplication.translate("actions", "Show {title}").format(title=title),
                icon_name,
                before_open=True,  # chosen while the file opens: shown once it is open
            )
        )
    return specs


COMMANDS = "commands:"


def create_actions(window: QMainWindow, specs: list[ActionSpec]) -> dict[str, QAction]:
    """One QAction per spec, enabled only if it is usable before the database is open;
    :func:`bind_actions` connects them."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(declared(spec.text), window)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(declared(spec.tip))
            action.setToolTip(declared(spec.tip))
        if spec.icon and not spec.icon.startswith("SP_"):
            action.setIcon(icon(spec.icon))
        action.setCheckable(spec.checkable)  # window-wide shortcuts: QAction's default
        action.setEnabled(spec.before_open)
        actions[spec.key] = action
    return actions


def bind_actions(
    specs: list[ActionSpec],
    actions: dict[str, QAction],
    resolve: Callable[[ActionSpec], Callable[[], object] | None],
) -> None:
    """Connect each action to the function ``resolve(spec)`` gives now (None: not yet).

    Called when the window is built (its own methods, the sections) and once more when the
    database is open (the row commands): a name that does not exist raises here, at once.
    """
    for spec in specs:
        function = resolve(spec)
        if function is not None:
            actions[spec.key].triggered.connect(
                lambda _checked=False, function=function: function()
            )


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
    titles = {
        "File": QCoreApplication.translate("actions", "&File"),
        "Edit": QCoreApplication.translate("actions", "&Edit"),
        "View": QCoreApplication.translate("actions", "&View"),
        "Records": QCoreApplication.translate("actions", "&Records"),
        "Tools": QCoreApplication.translate("actions", "&Tools"),
        "Help": QCoreApplication.translate("actions", "&Help"),
    }
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
