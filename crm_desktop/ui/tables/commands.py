"""The commands that act on the selected rows of the list on screen, and their undo.

Move to trash, set status or stage, add or remove a tag, restore from or
delete from the trash, empty it, undo: each is one service call (one
transaction) run through :func:`~crm_desktop.ui.tables.bulk.run_bulk` — at
once for a few rows, as a background job for many — and, when it can be
taken back, one step on the window's undo stack announced in the status
bar with an Undo button. The window's action registry names these methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from crm_desktop.services import tags, trash
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.formats import label
from crm_desktop.ui.tables import bulk
from crm_desktop.ui.undo import UndoStep
from crm_desktop.ui.words import english_plural

if TYPE_CHECKING:
    from crm_desktop.ui.status_bar import WindowStatusBar
    from crm_desktop.ui.tables.page import ListPage
    from crm_desktop.ui.undo import UndoStack


class CommandsWindow(Protocol):
    """What the commands need of the window they act in (the main window is one).

    A protocol rather than the window's class, so this module does not import the
    window that imports it.
    """

    undo_stack: UndoStack
    status: WindowStatusBar
    actions: dict[str, QAction]

    def current_list(self) -> ListPage | None: ...

    def show_status(self, text: str, undo: Callable[[], None] | None = None) -> None: ...


class ListCommands(QObject):
    """Bulk commands on the window's current list."""

    window: CommandsWindow

    def __init__(self, window: CommandsWindow):
        widget = window
        assert isinstance(widget, QWidget), "the commands' dialogs need a window to sit on"
        super().__init__(widget)
        self.window = window
        self.widget: QWidget = widget  # the parent of dialogs and progress

    # --- on the selected rows -----------------------------------------------------------

    def trash_selected(self) -> None:
        page = self.window.current_list()
        if page is None or not (ids := page.selected_ids()):
            return
        if getattr(page, "is_trash_page", False):
            self.purge_selected()  # Delete in the trash: delete for good (it asks)
        elif page.section.can_trash:
            section = page.section
            self.apply(
                self.tr("Moving {count_text} to the trash").format(
                    count_text=section.count_text(len(ids))
                ),
                len(ids),
                lambda: bulk.move_to_trash(section, ids),
            )

    def set_status(self, value: str) -> None:
        page = self.window.current_list()
        if page is None or page.section.status is None or not (ids := page.selected_ids()):
            return
        section = page.section
        self.apply(
            self.tr("Setting the {lower}").format(lower=page.section.status.label.lower()),
            len(ids),
            lambda: bulk.set_status(section, ids, value),
        )

    def add_tag(self) -> None:
        self._tag(add=True)

    def remove_tag(self) -> None:
        self._tag(add=False)

    def _tag(self, *, add: bool) -> None:
        page = self.window.current_list()
        if page is None or not page.section.tags or not (ids := page.selected_ids()):
            return
        names = tags.tag_names()  # no counting: at once at 1M customers
        what = page.section.count_text(len(ids))
        name, ok = QInputDialog.getItem(
            self.widget,
            self.tr("Add tag") if add else self.tr("Remove tag"),
            (
                self.tr("Tag to add to {what}:") if add else self.tr("Tag to remove from {what}:")
            ).format(what=what),
            names,
            0,
            add,
        )
        if not ok or not name.strip():
            return
        section, name = page.section, name.strip()
        work = bulk.add_tag if add else bulk.remove_tag
        self.apply(self.tr("Tagging"), len(ids), lambda: work(section, ids, name))

    # --- the trash ------------------------------------------------------------------------

    def _trash_selection(self) -> tuple[Any, list[int]]:
        page = self.window.current_list()
        if page is None or not getattr(page, "is_trash_page", False):
            return None, []
        return page, page.selected_ids()

    def restore_selected(self) -> None:
        _page, ids = self._trash_selection()
        if not ids:
            return

        def done(count: Any) -> None:
            self.window.show_status(
                english_plural(self.tr("Restored %Ln record(s).", "", count), count)
            )

        self.run(
            self.tr("Restoring from the trash"), len(ids), lambda: trash.restore_items(ids), done
        )

    def purge_selected(self) -> None:
        from crm_desktop.ui.trash.page import confirm

        page, ids = self._trash_selection()
        if not ids:
            return
        what = page.section.count_text(len(ids))
        if confirm(
            self.widget,
            self.tr("Delete for good"),
            self.tr("Delete {what} for good? This cannot be undone.").format(what=what),
            self.tr("Delete for good"),
        ):
            self.run(
                self.tr("Deleting for good"),
                len(ids),
                lambda: trash.purge_items(ids),
                lambda n: self.window.show_status(
                    english_plural(self.tr("Deleted %Ln record(s) for good.", "", n), n)
                ),
            )

    def empty_trash(self) -> None:
        from crm_desktop.ui.trash.page import confirm

        text = self.tr("Delete everything in the trash for good? This cannot be undone.")
        if confirm(self.widget, self.tr("Empty trash"), text, self.tr("Empty trash")):
            # Always a background job: the services take a backup before a bulk deletion.
            self.run(
                self.tr("Emptying the trash"),
                bulk.INLINE_LIMIT + 1,
                trash.empty_trash,
                lambda n: self.window.show_status(
                    english_plural(
                        self.tr("The trash is empty: %Ln record(s) deleted for good.", "", n), n
                    )
                ),
            )

    # --- undo -----------------------------------------------------------------------------

    def undo(self) -> None:
        self.undo_step(self.window.undo_stack.top())

    def undo_step(self, step: UndoStep | None) -> None:
        if step is None:
            return
        stack = self.window.undo_stack
        self.run(
            self.tr("Undoing: {label}").format(label=step.label),
            step.size,
            lambda: stack.undo(step),
            lambda _r: self.window.show_status(
                self.tr("Undone: {label}.").format(label=step.label)
            ),
        )

    def task_completed(self, task_id: int, title: str) -> None:
        """Today's check box completed a task: offer to take it back."""
        from crm_desktop.services import tasks

        step = self.window.undo_stack.push(
            self.tr("Complete “{title}”").format(title=title), lambda: tasks.reopen_task(task_id)
        )
        self.window.status.show_message(self.tr("Done: {title}").format(title=title), step)

    # --- running --------------------------------------------------------------------------

    def apply(self, title: str, size: int, work: Callable[[], bulk.BulkResult]) -> None:
        """Run one bulk change; push its undo step and announce it."""

        def done(result: Any) -> None:
            if result.undo is not None:
                step = self.window.undo_stack.push(result.undo_label, result.undo, result.size)
                self.window.status.show_message(result.message, step)
            else:
                self.window.show_status(result.message)

        self.run(title, size, work, done)

    def run(
        self, title: str, size: int, work: Callable[[], object], done: Callable[[Any], None]
    ) -> None:
        try:
            bulk.run_bulk(self.widget, title, size, work, done)
        except Exception as exc:
            show_error(self.widget, title, exc, retry=lambda: self.run(title, size, work, done))

    # --- menus ------------------------------------------------------------------------------

    def fill_status_menu(self, menu: QMenu) -> None:
        menu.clear()
        page = self.window.current_list()
        if page is None or page.section.status is None:
            return
        for value in page.section.status.values:
            action = menu.addAction(label(value))
            action.triggered.connect(lambda _c=False, v=value: self.set_status(v))

    def fill_context_menu(self, menu: QMenu) -> None:
        page = self.window.current_list()
        if page is None:
            return
        actions = self.window.actions
        if getattr(page, "is_trash_page", False):
            menu.addAction(actions["restore"])
            menu.addAction(actions["purge"])
            return
        menu.addAction(actions["open_record"])
        if page.section.status is not None:
            self.fill_status_menu(
                menu.addMenu(
                    self.tr("Set &{lower}").format(lower=page.section.status.label.lower())
                )
            )
        if page.section.tags:
            menu.addAction(actions["add_tag"])
            menu.addAction(actions["remove_tag"])
        menu.addSeparator()
        menu.addAction(actions["trash"])
