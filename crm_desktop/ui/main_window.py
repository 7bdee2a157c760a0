"""The main window: assembles the sidebar, the pages, the menus and the status bar.

It only puts parts together. The lists are :class:`~crm_desktop.ui.tables.page.ListPage`
built from :mod:`crm_desktop.ui.sections`; Today, the Trash, the customer
page and the pipeline board are their own packages; the commands are
declared once in :mod:`crm_desktop.ui.actions`, and those on the selected
rows are carried out by :class:`~crm_desktop.ui.tables.commands.ListCommands`.
Pages are built the first time they are shown, so the window opens fast.

The window starts in two steps. Its chrome (sidebar, menus, status bar) is
built and shown before the services are even imported; :meth:`MainWindow.attach`
then builds what needs the database, once ``crm_desktop.ui.app`` has opened
it off the GUI thread. Until then the window is already interactive and says
that it is opening the file. Feature packages (reports, backups, import/export) plug in through the
:class:`~crm_desktop.ui.features.WindowApi` methods at the end of this class.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QLocale, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from crm_desktop import APP_NAME
from crm_desktop.ui import actions as registry
from crm_desktop.ui.early_input import EarlyInput
from crm_desktop.ui.features import install_features
from crm_desktop.ui.icons import icon
from crm_desktop.ui.navigation import SIDEBAR_SECTIONS, OpeningPage, Sidebar
from crm_desktop.ui.state import UiState
from crm_desktop.ui.status_bar import WindowStatusBar
from crm_desktop.ui.translation import declared, set_format_locale
from crm_desktop.ui.undo import UndoStack
from crm_desktop.ui.words import english_plural

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from crm_desktop.services.changes import Change
    from crm_desktop.services.first_screen import FirstScreen
    from crm_desktop.services.listing import ListQuery
    from crm_desktop.ui.customers.detail import CustomerDetailPage
    from crm_desktop.ui.sections import Section
    from crm_desktop.ui.tables.deals_page import DealsPage
    from crm_desktop.ui.tables.page import ListPage
    from crm_desktop.ui.today.page import TodayPage
    from crm_desktop.ui.trash.page import TrashPage

DETAIL = "customer_detail"
PRELOAD_DELAY_MS = 400


class MainWindow(QMainWindow):
    """Sidebar, pages and menus over one database file; implements ``WindowApi``."""

    # The registry's actions by key. It hides QWidget.actions() (a list, which nothing here
    # calls); the name stays because features and tests reach commands by it.
    actions: dict[str, QAction]  # type: ignore[assignment]

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, attach: bool = True):
        """Build the window's chrome; with ``attach`` (the database is open) everything else too."""
        super().__init__(parent)
        self._db_path = Path(db_path)
        self.state = UiState()
        self.undo_stack = UndoStack(self)
        self.attached = False
        self.pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._current = ""
        self._history: list[tuple[str, int | None]] = []
        self._record_actions: dict[str, list[QAction]] = {}
        self._drop_handlers: dict[str, Callable[[list[Path]], bool]] = {}
        self._section_actions: list[tuple[QAction, str]] = []
        self.feature_lists: dict[str, str] = {}  # entity → section key of a feature's list
        self._menus_finished = False
        self.detail: CustomerDetailPage | None = None
        self._detail_id: int | None = None
        self._first: FirstScreen | None = None  # Today's data read with the file's opening
        self._prepared_today: TodayPage | None = None  # its cards, built while it is read
        self._wanted: str | None = None  # a section chosen while the file opens
        self._today_first = False  # Today shown (attach), maybe before the rest is built
        self.early = EarlyInput(self)  # what is asked for before the rest is built
        self.setWindowTitle(f"{self._db_path.name} — {APP_NAME}")
        self.setWindowIcon(icon("app"))

        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        self.opening = OpeningPage(self._db_path)
        self.stack.addWidget(self.opening)
        self.splitter = QSplitter()  # horizontal (Qt's namespace is not touched before attach)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([180, 1000])
        self.setCentralWidget(self.splitter)
        self.status = WindowStatusBar(self._db_path)
        self.setStatusBar(self.status)
        self.message, self.undo_button = self.status.message, self.status.undo_button
        self.count_label, self.db_label = self.status.count_label, self.status.db_label

        for key, title, icon_name in SIDEBAR_SECTIONS:
            self.sidebar.add_section(key, declared(title), icon(icon_name))
        self._build_actions()  # only the specs marked before_open are enabled until attach
        self.status_menu.setEnabled(False)
        # A section chosen while the file opens (a click, Ctrl+2) is shown once it is open.
        self.sidebar.section_chosen.connect(self.show_section)
        self._restore_window_state()
        if attach:
            self.attach()

    def attach(
        self,
        *,
        features_later: bool = False,
        first: FirstScreen | None = None,
        session_later: bool = False,
    ) -> None:
        """Build what needs the open database: pages, commands, features. Once.

        ``features_later``: the feature packages (reports, backups, import…) add their
        menus when :meth:`install_features` is called, once the first screen is painted.
        ``first``: Today's formats and data, read with the file's opening.
        ``session_later``: only Today is shown now (from ``first``, read before the file
        was opened for the window); :meth:`finish_attach` builds the rest once the file
        is open. What the user asks for in between waits for it (ui/early_input.py).
        """
        if self.attached:
            return
        if not self._today_first:
            self._show_today_first(first)
        if not session_later:
            self.finish_attach(features_later=features_later)

    def _show_today_first(self, first: FirstScreen | None) -> None:
        """Today, with its formats: all the first screen needs (no list, no service that
        writes, no models: they load after it is painted)."""
        from crm_desktop.ui.formats import Formats

        self._today_first = True
        self._first = first
        self.formatter = (
            Formats.known(first.currency, first.locale, first.facts)
            if first is not None
            else Formats.load()
        )
        set_format_locale(self.formatter.locale_name)  # counts and spin boxes too (5 477)
        self._factories["today"] = self._make_today
        registry.bind_actions(self._action_specs, self.actions, self._command_of)
        today = self.page("today")  # made in any case: the start waits for it
        self._current = "today"
        self.stack.setCurrentWidget(today)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        if self._wanted is None:
            self.sidebar.select("today")
        self.sidebar.setEnabled(True)
        for action in self.actions.values():
            action.setEnabled(True)
        self._update_actions()
        today.setFocus()  # (Qt.FocusReason.OtherFocusReason: the ``Qt`` namespace waits)

    def waits_for_the_file(self) -> bool:
        """Whether the user asked for more than Today before the file was open (a
        section, a command): the file should open now, not after Today's paint."""
        return self.early.is_waiting() or self._wanted not in (None, "today")

    def finish_attach(self, *, features_later: bool = False) -> None:
        """Build the rest once the file is open: the row commands, the lists, the change
        signal; then show the section chosen meanwhile and do what waited."""
        if self.attached:
            return
        if not self._today_first:
            self._show_today_first(None)
        from crm_desktop.ui.bridge import ChangeBridge
        from crm_desktop.ui.jobs import adjust_lock_wait
        from crm_desktop.ui.sections import LIST_SECTIONS, TRASH
        from crm_desktop.ui.tables.commands import ListCommands

        adjust_lock_wait()  # the window's writes: another program's lock is said soon
        self.bridge = ChangeBridge(self)
        self.commands = ListCommands(self)
        for spec in self._action_specs:  # a misspelt row command fails here, at once
            if spec.handler.startswith(registry.COMMANDS):
                getattr(self.commands, spec.handler[len(registry.COMMANDS) :])
        self.status.undo_requested.connect(self.commands.undo_step)
        for section in (*LIST_SECTIONS, TRASH):
            self._factories[section.key] = partial(self._make_list, section)
        self.bridge.changed.connect(self._on_change)
        self.undo_stack.changed.connect(self._update_undo)
        registry.set_table_contexts(self._action_specs, self.actions)
        self.sidebar.finish()
        if "today" in self.pages:
            self.pages["today"].finish()  # type: ignore[attr-defined]
        self.attached = True
        for action in self.actions.values():
            action.setEnabled(True)
        wanted, self._wanted = self._wanted, None
        self.show_section("today")
        if wanted is not None and wanted != "today":
            self.show_section(wanted)
        self.early.open()  # what the user asked for while the file opened
        if not features_later:
            self.install_features()

    def install_features(self) -> None:
        """Let the feature packages add their actions and sections, and finish the menus."""
        if self._menus_finished:
            return
        # The menus' icons too: loading the style's icons takes ~30 ms the first screen can spare.
        registry.set_style_icons(self._action_specs, self.actions)
        install_features(self)
        self._finish_menus()
        self._update_actions()

    # --- building -------------------------------------------------------------------

    def _register(self, key: str, title: str, icon_: QIcon | None, factory, before: str = ""):
        self._factories[key] = factory
        self.sidebar.add_section(key, title, icon_, before=before)

    def prepare_today(self) -> None:
        """Build Today's cards, empty, while the start reads its data off the GUI thread
        (the GUI thread would only wait for it): filled as soon as it comes."""
        if self._prepared_today is not None or "today" in self.pages:
            return
        from crm_desktop.ui.today.page import TodayPage

        self._prepared_today = TodayPage(parent=self)  # hidden until the stack shows it
        import crm_desktop.ui.invoices.overdue  # noqa: F401  (what opening it needs)

    def _make_today(self) -> QWidget:
        from crm_desktop.ui.today.page import TodayPage

        first, self._first = self._first, None  # once: later it would be stale
        page, self._prepared_today = self._prepared_today or TodayPage(), None
        page.open(self.formatter, first=first)
        page.when_open = self.early.run  # a tick before the file is open waits for it
        page.open_requested.connect(
            lambda entity, record_id: self.early.run(lambda: self.open_record(entity, record_id))
        )
        page.section_requested.connect(self.show_section)
        page.task_completed.connect(
            lambda task_id, title: self.commands.task_completed(task_id, title)
        )
        return page

    def _make_list(self, section: Section) -> QWidget:
        # Imported on first use: the window opens on Today, before any list is needed.
        from crm_desktop.ui.tables.deals_page import DealsPage
        from crm_desktop.ui.tables.page import ListPage
        from crm_desktop.ui.trash.page import TrashPage

        kind = {"deals": DealsPage, "trash": TrashPage}.get(section.key, ListPage)
        page = kind(section, self.formatter, self.state)
        page.open_requested.connect(lambda record_id: self.open_record(section.entity, record_id))
        page.new_requested.connect(self.new_record)
        page.count_changed.connect(lambda *_: self._update_count())
        page.selection_changed.connect(self._update_actions)
        page.menu_builder = self.commands.fill_context_menu
        for key in ("open_record", "trash", "select_all"):
            page.table.addAction(self.actions[key])  # Enter, Delete, Ctrl+A: in the table only
        for action in self._record_actions.get(section.entity, []):
            page.add_record_action(action)
        if section.entity in self._drop_handlers:
            page.table.set_drop_handler(self._drop_handlers[section.entity])
        if _is_deals(page):
            page.deal_opened.connect(lambda deal_id: self.open_record("deal", deal_id))
            page.deal_moved.connect(self.show_status)  # announced, and one Ctrl+Z undoes it
            page.board_button.toggled.connect(self._update_actions)
        if _is_trash(page):
            page.restore_requested.connect(self.commands.restore_selected)
            page.purge_requested.connect(self.commands.purge_selected)
            page.empty_requested.connect(self.commands.empty_trash)
        return page

    def _build_actions(self) -> None:
        names = {key: icon_name for key, _title, icon_name in SIDEBAR_SECTIONS}
        sections = [
            (key, self.sidebar.item(row).text(), names.get(key, ""))
            for row, key in enumerate(self.sidebar.keys())
        ]
        specs = [s for s in registry.ACTIONS if s.menu in ("File", "Edit")]
        specs += registry.section_action_specs(sections)
        specs += [s for s in registry.ACTIONS if s.menu not in ("File", "Edit")]
        self._action_specs = specs
        self.actions = registry.create_actions(self, specs)
        registry.bind_actions(specs, self.actions, self._window_function_of)
        self.menus = registry.build_menus(self, specs, self.actions)
        self._file_anchor = self.menus["File"].insertSeparator(self.actions["quit"])
        self.status_menu = QMenu(self.tr("Set &status"), self)
        self.status_menu.aboutToShow.connect(
            lambda: self.commands.fill_status_menu(self.status_menu)
        )
        records = self.menus["Records"]
        records.insertMenu(records.actions()[0], self.status_menu)
        records.insertSeparator(records.actions()[1])

    def _finish_menus(self) -> None:
        """Every menu item gets an Alt key (the features' and the sections' too); a menu
        that nothing filled is hidden rather than shown empty."""
        from crm_desktop.ui.mnemonics import fill_menu

        for menu in self.menus.values():
            fill_menu(menu)
            menu.menuAction().setVisible(bool(menu.actions()))
        self._menus_finished = True

    def _window_function_of(self, spec: registry.ActionSpec) -> Callable[[], object] | None:
        """The window's own function of an action (the row commands come in attach)."""
        name = spec.handler
        if name.startswith("section:"):
            key = name.split(":", 1)[1]
            return lambda: self.show_section(key)
        if name.startswith(registry.COMMANDS):
            return None
        function: Callable[[], object] = getattr(self, name)  # misspelt: fails as it is built
        if spec.before_open:
            return function
        return lambda: self.early.run(function)  # chosen before the file is open: waits

    def _command_of(self, spec: registry.ActionSpec) -> Callable[[], object] | None:
        """The row command of an action, once the commands exist (the database is open)."""
        if not spec.handler.startswith(registry.COMMANDS):
            return None
        name = spec.handler[len(registry.COMMANDS) :]
        # Looked up when it runs: bound as Today shows, before the commands exist.
        return lambda: self.early.run(lambda: getattr(self.commands, name)())

    # --- pages ----------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            self.pages[key] = self._factories[key]()
            self.stack.addWidget(self.pages[key])
        return self.pages[key]

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def current_list(self) -> ListPage | None:
        page = self.current_page()
        return page if _is_list(page) else None

    def show_section(self, key: str, *, remember: bool = False) -> None:
        if not self.attached:  # the file is still opening: shown as soon as it is open
            self.sidebar.select(key)
            if self._today_first:  # in turn with the commands chosen meanwhile
                self.early.run(lambda: self.show_section(key, remember=remember))
            else:
                self._wanted = key
            return
        if key not in self._factories:
            return
        if remember and self._current:
            self._remember_place()
        self._current = key
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.sidebar.select(key)
        page.setFocus(_qt().FocusReason.OtherFocusReason)
        self._update_count()
        self._update_actions()

    def show_customer(self, customer_id: int) -> None:
        if self.detail is None:
            from crm_desktop.ui.customers.detail import CustomerDetailPage

            self.detail = CustomerDetailPage()
            self.detail.record_requested.connect(self.open_record)
            self.detail.back_requested.connect(self.go_back)
            self._drop_duplicate_shortcuts(self.detail)
            self.stack.addWidget(self.detail)
        self._remember_place()
        self._current = DETAIL
        self._detail_id = customer_id
        self.detail.show_customer(customer_id)
        self.stack.setCurrentWidget(self.detail)
        self.sidebar.select("customers")
        self._update_count()
        self._update_actions()

    def _drop_duplicate_shortcuts(self, widget: QWidget) -> None:
        """An embedded page's button with a window command's keys (Alt+Left for Back) would
        make the keys ambiguous, so that neither fires: the window's command keeps them."""
        taken = {s.toString() for a in self.actions.values() for s in a.shortcuts()}
        for button in widget.findChildren(QAbstractButton):
            if not button.shortcut().isEmpty() and button.shortcut().toString() in taken:
                button.setShortcut(QKeySequence())

    def _remember_place(self) -> None:
        if self._current:
            self._history.append(
                (self._current, self._detail_id if self._current == DETAIL else None)
            )

    def go_back(self) -> None:
        if not self._history:
            return
        key, record_id = self._history.pop()
        if key == DETAIL and record_id is not None:
            self.show_customer(record_id)
            self._history.pop()  # show_customer remembered the page we are leaving
        else:
            self.show_section(key)

    def open_record(self, entity: str, record_id: int) -> None:
        """Customers open their page; other records their form."""
        if entity == "customer":
            self.show_customer(record_id)
        elif entity != "trash_item":
            from crm_desktop.ui import forms

            forms.open_record(self, entity, record_id)

    # --- commands named in the action registry (the rows' ones are in self.commands) -------

    def new_record(self) -> None:
        entity, defaults = self._new_target()
        if entity is None:
            return
        from crm_desktop.ui import forms

        new_id = forms.open_record(self, entity, None, defaults)
        page = self.current_list()
        if new_id is not None and page is not None and page.entity == entity:
            page.table.select_id_after_reload(new_id)

    def _new_target(self) -> tuple[str | None, dict[str, Any]]:
        page = self.current_list()
        if page is not None:
            return (page.entity if page.section.can_create else None), page.defaults_for_new()
        if self._current == DETAIL:
            return "customer", {}
        return ("task" if self._current == "today" else None), {}

    def open_current(self) -> None:
        page = self.current_list()
        if page is not None and (record_id := page.table.current_id()) is not None:
            self.open_record(page.entity, record_id)

    def focus_search(self) -> None:
        page = self.current_list()
        if page is None or (_is_deals(page) and page.is_board()):
            self.show_section("customers", remember=self._current == DETAIL)
            page = self.current_list()
        if page is not None:
            page.focus_search()

    def select_all(self) -> None:
        if (page := self.current_list()) is not None:
            page.table.selectAll()

    def escape(self) -> None:
        page = self.current_list()
        if self._current == DETAIL:
            self.go_back()
        elif page is not None and page.filter_bar.search_text():
            page.filter_bar.search_box.clear()
            page.filter_bar.flush_search()
            page.table.setFocus()
        elif page is not None:
            page.table.clearSelection()

    def refresh(self) -> None:
        page = self.current_page()
        if _is_deals(page) and page.is_board() and page.board is not None:
            page.board.refresh()
        elif _is_list(page) or _is_today(page):
            page.reload()
        elif page is self.detail and self.detail is not None and self._detail_id is not None:
            self.detail.show_customer(self._detail_id)

    def toggle_board(self) -> None:
        if self._current != "deals":
            self.show_section("deals")
        page = self.current_list()
        if _is_deals(page):
            page.show_board(not page.is_board())
        self._update_actions()

    def open_preferences(self) -> None:
        from crm_desktop.ui.preferences.dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        saved = dialog.exec()
        window = self.apply_language() if dialog.language_changed else self
        if saved:
            from crm_desktop.ui.preferences.sort_job import rekey_when_needed

            rekey_when_needed(window)  # the locale's language may put another script first

    # --- the language ------------------------------------------------------------------

    def apply_language(self) -> MainWindow:
        """Show this window again in the language now chosen, where the user was.

        Every word of the window is looked up when it is made, so the window is
        made again (with the new translators installed) and takes this one's
        place: the same page or customer, the way back, the search typed in the
        list, and any import or report window left open. Nothing typed is lost:
        forms are modal, so none is open while Preferences is.
        """

        from crm_desktop import i18n
        from crm_desktop.ui import translation

        app = QCoreApplication.instance()
        assert app is not None  # a window exists only inside a running application
        translation.install(app, i18n.chosen_language() or i18n.system_language())
        place = self.place()
        self.save_state()
        replacement = MainWindow(self._db_path)
        replacement.restore_place(place)
        for window in self.findChildren(QWidget):
            if window.isWindow() and window.isVisible():
                window.setParent(replacement, window.windowFlags())
                window.show()
        replacement.show()
        self.replaced_by = replacement
        self.close()
        return replacement

    def place(self) -> dict[str, Any]:
        """Where the user is: the page, the customer shown, the way back, the search typed."""
        searches = {
            key: page.filter_bar.search_text()
            for key, page in self.pages.items()
            if _is_list(page) and page.filter_bar.search_text()
        }
        return {
            "current": self._current,
            "detail_id": self._detail_id,
            "history": list(self._history),
            "searches": searches,
        }

    def restore_place(self, place: dict[str, Any]) -> None:
        if place["current"] == DETAIL and place["detail_id"] is not None:
            self.show_customer(place["detail_id"])
        elif place["current"]:
            self.show_section(place["current"])
        self._history = list(place["history"])
        for key, text in place["searches"].items():
            page = self.page(key)
            if not _is_list(page):
                continue
            page.filter_bar.search_box.setText(text)  # a list page
            page.filter_bar.flush_search()
        self._update_actions()

    def show_shortcuts(self) -> None:
        from crm_desktop.ui import help

        # The registry's commands, then what features added (menus, tables' buttons).
        help.show_shortcuts(self, [*self.actions.values(), *self.findChildren(QAction)])

    def show_log_folder(self) -> None:
        from crm_desktop.ui import help

        help.show_log_folder()

    def show_about(self) -> None:
        from crm_desktop.ui import help

        help.show_about(self, self._db_path)

    # --- keeping things current --------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.entity == "setting":
            from crm_desktop.ui.formats import Formats

            self.formatter = Formats.load()
            set_format_locale(self.formatter.locale_name)
        for page in self.pages.values():
            if hasattr(page, "on_change"):
                page.on_change(change)

    def _update_count(self) -> None:
        page = self.current_list()
        self.status.set_count(page.count_text() if page and page.model.has_loaded() else "")

    def _update_undo(self) -> None:
        step = self.undo_stack.top()
        action = self.actions["undo"]
        action.setEnabled(step is not None)
        action.setText(
            self.tr("&Undo {what}").format(what=f"{step.label[0].lower()}{step.label[1:]}")
            if step
            else self.tr("&Undo")
        )
        self.status.follow(self.undo_stack)

    def _update_actions(self, *_: object) -> None:
        if not self._today_first:
            return
        from crm_desktop.ui.words import new_record_text

        page = self.current_list()
        section = page.section if page is not None else None
        chosen = bool(page and page.selected_ids())
        in_trash = _is_trash(page)
        entity, _defaults = self._new_target()
        self.actions["new_record"].setEnabled(entity is not None)
        self.actions["new_record"].setText(
            new_record_text(entity) if entity else self.tr("&New record")
        )
        self.actions["open_record"].setEnabled(page is not None and not in_trash)
        self.actions["trash"].setEnabled(
            chosen and (in_trash or bool(section and section.can_trash))
        )
        for key in ("add_tag", "remove_tag"):
            self.actions[key].setEnabled(chosen and bool(section and section.tags))
        self.status_menu.setEnabled(chosen and bool(section and section.status))
        if section is not None and section.status is not None:
            self.status_menu.setTitle(
                self.tr("Set &{lower}").format(lower=section.status.label.lower())
            )
        for key in ("restore", "purge"):
            self.actions[key].setEnabled(in_trash and chosen)
        self.actions["back"].setEnabled(bool(self._history))
        self.actions["board"].setChecked(_is_deals(page) and page.is_board())
        for action, section_key in self._section_actions:
            action.setEnabled(section_key == self._current)
        self._update_undo()

    # --- start and end --------------------------------------------------------------------

    def start_background_work(self, *, offer_first_run: bool = True) -> None:
        """After the window shows: repair and load the search index, then maybe offer samples."""
        from crm_desktop.services import search
        from crm_desktop.services.changes import Change
        from crm_desktop.ui import first_run
        from crm_desktop.ui.jobs import run_job
        from crm_desktop.ui.tables.runner import runner

        def refresh(context) -> int:
            from crm_desktop.services import contact_keys, sort_order

            repaired = search.refresh_index(context.progress)
            repaired += contact_keys.refresh(context.progress)  # after an upgrade: every key
            # A file whose language changed elsewhere: its lists in that language's order.
            return repaired + sort_order.rekey_if_needed(context.progress, context.cancelled)

        def refreshed(repaired: object) -> None:
            if repaired:
                self._on_change(Change("customer", (), "update"))
                self._on_change(Change("contact", (), "update"))

        # Just after the upgrade to schema 11 the search index is built: a minute at 1M customers.
        building = search.index_needs_build()
        title = (
            self.tr("Building the search index")
            if building
            else self.tr("Checking the search index")
        )
        job = run_job(self, title, refresh, on_success=refreshed, show_progress=building)
        # After an upgrade every row is recomputed (new sort keys): say how far, without a modal.
        job.progressed.connect(self._show_index_progress)
        QTimer.singleShot(PRELOAD_DELAY_MS, self, _preload_list_pages)
        if offer_first_run and not first_run.was_declined(self.state, self._db_path):
            runner().submit(runner().channel(), first_run.is_empty, self._offer_first_run)

    def _show_index_progress(self, done: int, total: int) -> None:
        if total >= 20_000:
            number = QLocale().toString  # the window's digit grouping (1 234 in Russian)
            self.show_status(
                self.tr("Updating the search index and sort order: {done} of {total}").format(
                    done=number(done), total=number(total)
                )
            )

    def _offer_first_run(self, empty: object) -> None:
        from crm_desktop.services import country
        from crm_desktop.ui import first_run, first_run_setup

        if empty and not country.is_chosen():  # language, country, company name first
            first_run_setup.ask(self)
        if empty:
            first_run.offer_sample_data(
                self,
                self._db_path,
                self.state,
                lambda n: self.show_status(
                    english_plural(self.tr("Sample data loaded: %Ln customer(s).", "", n), n)
                ),
            )

    def _restore_window_state(self) -> None:
        geometry = self.state.bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        splitter = self.state.bytes("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.state.set_bytes("window/geometry", QByteArray(self.saveGeometry()))
        self.state.set_bytes("window/splitter", QByteArray(self.splitter.saveState()))
        for page in self.pages.values():
            if _is_list(page):
                page.save_state()
        self.state.sync()

    def event(self, event: QEvent) -> bool:
        # Status tips go beside the message, never over it and its Undo button.
        if event.type() == QEvent.Type.StatusTip:
            self.status.show_tip(event.tip())  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.attached:
            self.bridge.close()
        super().closeEvent(event)

    # --- WindowApi: what feature packages use ----------------------------------------------

    @property
    def db_path(self) -> Path:
        return self._db_path

    def add_action(self, menu: str, action: QAction, *, section: str | None = None) -> None:
        if menu == "File":
            self.menus[menu].insertAction(self._file_anchor, action)  # Quit stays last
        else:
            self.menus[menu].addAction(action)
        if action.parent() is None:
            action.setParent(self)
        self.menus[menu].menuAction().setVisible(True)
        if self._menus_finished:  # a late addition gets its Alt key too
            self._finish_menus()
        if section is not None:
            self._section_actions.append((action, section))
            action.setEnabled(section == self._current)

    def add_section(
        self,
        key: str,
        title: str,
        widget: QWidget | Callable[[], QWidget],
        icon: QIcon | None = None,
    ) -> None:
        factory = widget if not isinstance(widget, QWidget) else (lambda: widget)
        self._register(key, title, icon, factory, before="trash")
        action = QAction(icon or QIcon(), title, self)
        action.triggered.connect(lambda: self.show_section(key))
        self.menus["View"].insertAction(self.actions["back"], action)

    def add_list_section(self, section: Section, icon: QIcon | None = None) -> None:
        self.feature_lists[section.entity] = section.key
        self.add_section(section.key, section.title, lambda: self._make_list(section), icon)

    def list_page(self, key: str) -> QWidget:
        """The page of a section, built now if it was not yet (a feature's list, say)."""
        return self.page(key)

    def add_record_action(self, entity: str, action: QAction) -> None:
        self._record_actions.setdefault(entity, []).append(action)
        self.addAction(action)
        for page in self._list_pages(entity):
            page.add_record_action(action)

    def current_entity(self) -> str | None:
        if self._current == DETAIL:
            return "customer"
        page = self.current_list()
        return page.entity if page is not None else None

    def selected_ids(self) -> list[int]:
        if self._current == DETAIL and self._detail_id is not None:
            return [self._detail_id]
        page = self.current_list()
        return page.selected_ids() if page is not None else []

    def current_query(self) -> ListQuery | None:
        page = self.current_list()
        return page.current_query() if page is not None else None

    def show_status(self, text: str, undo: Callable[[], None] | None = None) -> None:
        step = self.undo_stack.push(text.rstrip("."), undo) if undo is not None else None
        self.status.show_message(text, step)

    def reload_database(self) -> None:
        from crm_desktop.services.changes import Change
        from crm_desktop.services.session import close_session, open_session
        from crm_desktop.ui.formats import Formats
        from crm_desktop.ui.tables.runner import reset_connections

        close_session()
        reset_connections()
        open_session(self._db_path, refresh_search=False)
        self.undo_stack.clear()  # its steps belong to the file that was replaced
        self.formatter = Formats.load()
        set_format_locale(self.formatter.locale_name)
        self._on_change(Change("*", (), "reload"))
        self.start_background_work(offer_first_run=False)

    def add_drop_handler(self, entity: str, handler: Callable[[list[Path]], bool]) -> None:
        self._drop_handlers[entity] = handler
        for page in self._list_pages(entity):
            page.table.set_drop_handler(handler)

    def _list_pages(self, entity: str) -> list[Any]:
        return [p for p in self.pages.values() if _is_list(p) and p.entity == entity]


def _preload_list_pages() -> None:
    """Import the list pages while the user looks at Today, so the first list opens at once."""
    import crm_desktop.ui.tables.deals_page
    import crm_desktop.ui.tables.page
    import crm_desktop.ui.trash.page  # noqa: F401


def _qt():
    """PySide6's ``Qt`` namespace, imported on first use.

    Its first import makes PySide6 build ~100 enums (Qt.Key alone has 471
    members): ~45 ms that the window's chrome avoids, so it shows sooner.
    """
    from PySide6.QtCore import Qt

    return Qt


# The window imports its pages late, so it asks what a page is instead of isinstance.
def _is_list(page: object) -> TypeGuard[ListPage]:
    return getattr(page, "is_list_page", False)


def _is_deals(page: object) -> TypeGuard[DealsPage]:
    return getattr(page, "is_deals_page", False)


def _is_trash(page: object) -> TypeGuard[TrashPage]:
    return getattr(page, "is_trash_page", False)


def _is_today(page: object) -> TypeGuard[TodayPage]:
    return getattr(page, "is_today_page", False)
