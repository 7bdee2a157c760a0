"""A tour of every screen and dialog of the window, reading every word a user can see.

:func:`tour` opens each section, the pipeline board, a customer's page,
every record form (new and existing), Preferences, and every command of the
menus (the dialogs they open are read while modal, then cancelled), and
hands each visible text, with where it was seen, to a callback. The two
translation tests run it: once with a translator that marks every word it
translates (an unmarked word was not wrapped), once per shipped language
(an English word left means a missing translation).
"""

from __future__ import annotations

import contextlib
import html
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

OPEN, CLOSE = "⟦", "⟧"
Seen = Callable[[str, str], None]  # (where, text)

# Commands the tour does not run: they end the session or wait for a real person.
SKIP_COMMANDS = {"quit", "close", "log_file", "show_log_folder"}


class MarkingTranslator(QTranslator):
    """Translates every message to itself between ⟦ ⟧: an unmarked word was never looked up."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return f"{OPEN}{source_text}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


def without_marked(text: str) -> str:
    """``text`` with every marked span removed (innermost first: spans nest)."""
    inner = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
    while True:
        shorter = inner.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


def plain(text: str) -> str:
    """A label's text as read: no tags, no entities, no mnemonic ampersands."""
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def scrub_latin_data(db_path: Path) -> None:
    """Make every stored text without Latin letters, so that a Latin word on screen is ours.

    Enumerations (stored keys), JSON, emails and web addresses are left alone.
    """
    conn = sqlite3.connect(db_path)
    keep = {"email", "website", "changes", "key", "sku", "currency", "number", "entity",
            "action", "tax_id", "path", "source_file", "collation_key", "search_key"}  # fmt: skip
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]  # fmt: skip
    for table in tables:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
        enums = set(re.findall(r"(\w+)\s+IN\s*\(", sql or ""))
        for _cid, column, kind, *_rest in conn.execute(f"PRAGMA table_info({table})"):
            if "TEXT" not in (kind or "").upper() or column in keep or column in enums:
                continue
            if column.endswith(("_at", "_date", "_on", "_key")) or column in ("day", "due"):
                continue
            # A CHECK of a column that wants its own words (a stored key) refuses: kept.
            with contextlib.suppress(sqlite3.DatabaseError):
                conn.execute(
                    f"UPDATE {table} SET {column} = 'данные ' || id "
                    f"WHERE {column} GLOB '*[A-Za-z]*'"
                )
    conn.execute("UPDATE setting SET value = 'ООО Ромашка' WHERE key = 'company_name'")
    conn.commit()
    conn.close()


# --- reading a widget ------------------------------------------------------------------


def widget_texts(widget: QWidget) -> Iterator[str]:
    """Every text of ``widget`` a user reads (not what the user typed)."""
    if widget.toolTip():
        yield widget.toolTip()
    if isinstance(widget, QLabel):
        if widget.pixmap() is None or widget.pixmap().isNull():
            yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.toPlainText()
    elif isinstance(widget, QComboBox):
        for row in range(widget.count()):
            yield widget.itemText(row)
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield widget.tabText(index)
    elif isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
        for name in ("prefix", "suffix"):
            if hasattr(widget, name):
                yield getattr(widget, name)()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model hides it
            columns = 1
        for column in range(columns):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for row in range(min(model.rowCount(), 30)):
                value = model.data(model.index(row, column))
                if isinstance(value, str):
                    yield value
                tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    yield tip
    if isinstance(widget, QWizard) and widget.currentPage() is not None:
        yield widget.currentPage().title()
        yield widget.currentPage().subTitle()
    if widget.isWindow():
        yield widget.windowTitle()
    if widget.accessibleName():
        yield widget.accessibleName()


def read_window(top: QWidget, where: str, seen: Seen) -> None:
    """Every visible text of ``top`` and its visible children."""
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or isinstance(widget, QMenu):
            continue
        for text in widget_texts(widget):
            if text:
                seen(f"{where} · {type(widget).__name__} {widget.objectName()}", plain(text))


def read_menus(window, seen: Seen) -> None:
    for menu in window.menuBar().findChildren(QMenu):
        seen(f"menu {menu.objectName()}", plain(menu.title()))
        for action in menu.actions():
            for text in (action.text(), action.toolTip(), action.statusTip()):
                if text:
                    seen(f"menu {plain(menu.title())}", plain(text))


# --- the tour ---------------------------------------------------------------------------


class ModalReader:
    """Reads each modal dialog as it opens, then closes it (the tour's answer is Cancel)."""

    def __init__(self, seen: Seen):
        self.seen = seen
        self.where = ""
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(30)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog) or not dialog.isVisible():
            return
        read_window(dialog, f"{self.where} → {type(dialog).__name__}", self.seen)
        if isinstance(dialog, QWizard):
            self._read_wizard(dialog)
        if isinstance(dialog, QMessageBox):
            dialog.reject() if dialog.escapeButton() is None else dialog.escapeButton().click()
            if dialog.isVisible():
                dialog.done(0)
        elif isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    def _read_wizard(self, wizard: QWizard) -> None:
        for page_id in wizard.pageIds():
            page = wizard.page(page_id)
            for text in (page.title(), page.subTitle()):
                if text:
                    self.seen(f"{self.where} → wizard page", plain(text))

    def stop(self) -> None:
        self.timer.stop()


def _wait_quiet(qtbot, window) -> None:
    page = window.current_list()
    if page is not None:
        qtbot.waitUntil(
            lambda: page.model.has_loaded() and not page.model.is_loading(), timeout=10_000
        )
    qtbot.wait(30)


def tour(qtbot, window, seen: Seen) -> None:
    """Open every screen and dialog of ``window``; ``seen(where, text)`` for each text."""
    from crm_desktop.services import listing  # noqa: F401  (services loaded)
    from crm_desktop.ui import forms
    from crm_desktop.ui.forms.registry import form_class
    from crm_desktop.ui.preferences.dialog import PreferencesDialog

    reader = ModalReader(seen)
    try:
        read_menus(window, seen)
        read_window(window, "Today", seen)
        for key in list(window.sidebar.keys()):
            reader.where = f"section {key}"
            window.show_section(key)
            _wait_quiet(qtbot, window)
            read_window(window, f"section {key}", seen)
            page = window.current_list()
            if page is not None and getattr(page, "is_deals_page", False):
                page.show_board(True)
                qtbot.wait(300)
                read_window(window, "pipeline board", seen)
                page.show_board(False)
            if page is not None and page.model.rowCount() and hasattr(page, "table"):
                page.table.selectRow(0)
                # The commands of a selected row (menus that fill when shown).
                window._update_actions()
                read_menus(window, seen)
        first = _first_id("customer")
        if first is not None:
            window.show_customer(first)
            qtbot.wait(300)
            read_window(window, "customer page", seen)
        for entity in (*forms.ENTITIES, "quote", "invoice", "payment"):
            for record_id in (None, _first_id(entity)):
                if entity in ("invoice", "payment") and record_id is None:
                    continue  # made from an order, an invoice: read with their record
                dialog = form_class(entity)(window, record_id=record_id, defaults=None)
                dialog.show()
                qtbot.wait(50)
                read_window(dialog, f"form {entity} #{record_id}", seen)
                dialog.reject()
                dialog.deleteLater()
        _tour_more_dialogs(qtbot, window, reader, seen)
        prefs = PreferencesDialog(window)
        prefs.show()
        read_window(prefs, "Preferences", seen)
        prefs.reject()
        for name, action in _all_actions(window):
            if name in SKIP_COMMANDS or not action.isEnabled() or action.menu() is not None:
                continue
            reader.where = f"command {plain(action.text())}"
            before = set(QApplication.topLevelWidgets())
            action.trigger()
            qtbot.wait(100)
            for widget in set(QApplication.topLevelWidgets()) - before:
                if widget.isVisible() and not isinstance(widget, QMenu):
                    read_window(widget, reader.where, seen)
                    widget.close()
            read_window(window, reader.where, seen)
    finally:
        reader.stop()


def _tour_more_dialogs(qtbot, window, reader: ModalReader, seen: Seen) -> None:
    """The dialogs no menu opens by itself: closing a deal, merging, quick logs, an import."""
    import tempfile

    from crm_desktop.services import duplicates
    from crm_desktop.ui.deals.close_dialog import CloseDealDialog
    from crm_desktop.ui.formats import Formats
    from crm_desktop.ui.transfer.duplicates import MergeDialog
    from crm_desktop.ui.transfer.wizard import ImportWizard

    for stage in ("won", "lost"):
        dialog = CloseDealDialog(window, stage, "Поставка", Formats.load())
        dialog.show()
        read_window(dialog, f"close deal {stage}", seen)
        dialog.reject()
    rows = duplicates.describe_customers([_first_id("customer"), _first_id("customer") + 1])
    merge = MergeDialog(rows, window)
    merge.show()
    read_window(merge, "merge", seen)
    merge.reject()
    # The customer page's buttons open their forms (modal: read, then cancelled).
    window.show_customer(_first_id("customer"))
    qtbot.wait(200)
    for key, button in window.detail.action_buttons.items():
        reader.where = f"customer page button {key}"
        button.click()
        qtbot.wait(50)
    # An import, page by page, of a small file.
    folder = Path(tempfile.mkdtemp())
    source = folder / "клиенты.csv"
    source.write_text("Имя;Телефон;Город\nИван Петров;+7 495 123-45-67;Москва\n", encoding="utf-8")
    wizard = ImportWizard(window, path=source)
    wizard.show()
    for _page in range(3):
        qtbot.wait(400)
        read_window(wizard, f"import page {wizard.currentId()}", seen)
        wizard.next()
    wizard.reject()


def _all_actions(window) -> list[tuple[str, QAction]]:
    named = {id(a): k for k, a in window.actions.items()}
    found = []
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.isSeparator():
                continue
            found.append((named.get(id(action), action.objectName() or action.text()), action))
    return found


def _first_id(entity: str) -> int | None:
    from crm_desktop.models import database

    table = entity
    try:
        row = database.execute_sql(f"SELECT min(id) FROM {table}").fetchone()
    except Exception:
        return None
    return row[0] if row else None


def install_marking_translator(app: QCoreApplication) -> MarkingTranslator:
    translator = MarkingTranslator(app)
    app.installTranslator(translator)
    return translator


def make_window(qtbot, db_path: Path):
    """The main window on ``db_path``, Today loaded."""
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    today = window.page("today")
    qtbot.waitUntil(lambda: today.data is not None, timeout=10_000)
    return window
