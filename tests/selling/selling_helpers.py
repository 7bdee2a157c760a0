"""Shared helpers of the selling tests: PDF text, SQL rows."""

from __future__ import annotations

from pathlib import Path

CYRILLIC_BUYER = "ООО «Ромашка»"


def pdf_text(path: Path) -> str:
    """All the text of a PDF (pypdf), pages joined."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def rows(sql: str, params=()) -> list[tuple]:
    from crm_desktop.models import database

    return database.execute_sql(sql, params).fetchall()


def type_text(widget, text: str) -> None:
    """Type any script, one key event a character (qtbot.keyClicks aborts on non-ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def press(widget, key, modifiers=None) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    modifiers = modifiers or Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def edit_cell(qtbot, form, row: int, column: int, text: str) -> None:
    """Type into one cell of a lines table as a user does, then Enter."""
    from PySide6.QtCore import Qt

    view = form.lines_view
    index = form.lines_model.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = form.delegate.open_editor
    assert editor is not None
    editor.selectAll()
    type_text(editor, text)
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.delegate.open_editor is None)


def make_window(qtbot, db_path: Path):
    from crm_desktop.ui.main_window import MainWindow

    window = MainWindow(db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_list(qtbot, window, key: str):
    window.show_section(key)
    page = window.current_list()
    qtbot.waitUntil(lambda: page.model.has_loaded() and not page.model.is_loading(), timeout=10_000)
    return page


def column_texts(page, key: str) -> list[str]:
    keys = [c.key for c in page.section.columns]
    model = page.model
    return [model.index(row, keys.index(key)).data() for row in range(model.rowCount())]
